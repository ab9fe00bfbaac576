"""wasmtime's C API as the boundary calls it: our own ctypes prototypes of the functions we
use, made from their addresses in the library the ``wasmtime`` wheel ships (wasmtime-py's
prototypes are shared objects and must not be changed), and those addresses for the compiled
boundary."""

from __future__ import annotations

import ctypes
from typing import Any

from wasmtime import _bindings as capi

SLOT = 16  # bytes per wasmtime_val_raw_t
_c_size_t, _vp = ctypes.c_size_t, ctypes.c_void_p
# wasm_trap_t *(*)(void *env, wasmtime_caller_t *, wasmtime_val_raw_t *, size_t)
HOST_CALLBACK = ctypes.CFUNCTYPE(_c_size_t, _vp, _vp, _vp, _c_size_t)


def address(name: str) -> int:
    """The address of C function ``name`` in wasmtime's library."""
    found = ctypes.cast(getattr(capi.dll, name), _vp).value  # type: ignore[attr-defined]
    assert found, name
    return found


def _private(name: str, restype: Any, *argtypes: Any) -> Any:
    return ctypes.CFUNCTYPE(restype, *argtypes)(address(name))


call_unchecked = _private("wasmtime_func_call_unchecked", _vp, _vp, _vp, _vp, _c_size_t, _vp)
# (the callback is an address: a ctypes HOST_CALLBACK's, or the compiled trampoline's)
define_unchecked = _private(
    "wasmtime_linker_define_func_unchecked",
    _vp,
    _vp,
    ctypes.c_char_p,
    _c_size_t,
    ctypes.c_char_p,
    _c_size_t,
    _vp,
    _vp,
    _vp,
    _vp,
)
func_new_unchecked = _private("wasmtime_func_new_unchecked", None, _vp, _vp, _vp, _vp, _vp, _vp)
trap_new = _private("wasmtime_trap_new", _vp, ctypes.c_char_p, _c_size_t)
memory_data = _private("wasmtime_memory_data", _vp, _vp, _vp)
memory_data_size = _private("wasmtime_memory_data_size", _c_size_t, _vp, _vp)
set_fuel = _private("wasmtime_context_set_fuel", _vp, _vp, ctypes.c_uint64)
set_epoch_deadline = _private("wasmtime_context_set_epoch_deadline", None, _vp, ctypes.c_uint64)
error_new = _private("wasmtime_error_new", _vp, ctypes.c_char_p)
error_delete = _private("wasmtime_error_delete", None, _vp)
# wasmtime_error_t *(*)(wasmtime_context_t *, void *env, uint64_t *delta, kind *)
EPOCH_CALLBACK = ctypes.CFUNCTYPE(
    _vp, _vp, _vp, ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint8)
)
epoch_deadline_callback = _private(
    "wasmtime_store_epoch_deadline_callback", None, _vp, EPOCH_CALLBACK, _vp, _vp
)
