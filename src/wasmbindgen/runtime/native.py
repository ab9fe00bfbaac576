"""Which boundary this process uses: the compiled one (``_native``, a C extension) or the
pure-Python one in ``engine.py``.

The extension is optional: ``pip install`` builds it where a C compiler exists. It is used
unless ``WASMBINDGEN_PURE=1`` is set, and refused, with one ``CompiledPathWarning``, when it
was built for another wasmtime major release than the installed wheel (whose C API it calls
through addresses taken from that wheel's library).
"""

from __future__ import annotations

import os
import warnings
from importlib import metadata
from types import ModuleType

from ..errors import BindgenError, CompiledPathWarning
from . import c_api

ABI_VERSION = 1  # the contract with src/native (its ABI_VERSION)
PURE_ENV = "WASMBINDGEN_PURE"
BOUNDARIES = ("auto", "compiled", "pure")
CompiledModule = ModuleType  # the extension module: Boundary, Heap, HOST_TRAMPOLINE...

# The C API functions the extension calls, in the order bind_api takes them.
_API = (
    "wasmtime_func_call_unchecked",
    "wasmtime_trap_new",
    "wasmtime_memory_data",
    "wasmtime_memory_data_size",
)


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def _load() -> tuple[CompiledModule | None, str]:
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return None, f"pure-Python ({PURE_ENV}={os.environ[PURE_ENV]})"
    try:
        from . import _native  # type: ignore[attr-defined]
    except ImportError:
        return None, "pure-Python (the compiled boundary is not built)"
    installed = metadata.version("wasmtime")
    built = str(_native.WASMTIME_VERSION)
    problem = ""
    if _native.ABI_VERSION != ABI_VERSION:
        problem = f"it is of another wasmbindgen (ABI {_native.ABI_VERSION}, not {ABI_VERSION})"
    elif _major(built) != _major(installed):
        problem = f"it was built for wasmtime {built}, but wasmtime {installed} is installed"
    if problem:
        warnings.warn(
            f"wasmbindgen: not using the compiled boundary ({_native.__file__}): {problem}. "
            "Running on the pure-Python path; reinstall wasmbindgen to rebuild it "
            f"(`pip install --force-reinstall --no-deps wasmbindgen`), or set {PURE_ENV}=1.",
            CompiledPathWarning,
            stacklevel=2,
        )
        return None, f"pure-Python (compiled boundary refused: {problem})"
    _native.bind_api(*(c_api.address(name) for name in _API))
    return _native, f"compiled ({_native.__file__}, for wasmtime {built})"


NATIVE, DESCRIPTION = _load()


def describe() -> str:
    """Which boundary runs calls and why, for bug reports and test headers."""
    return DESCRIPTION


def kind() -> str:
    """``"compiled"`` or ``"pure-Python"``: the boundary ``load()`` uses by default."""
    return "pure-Python" if NATIVE is None else "compiled"


def select(boundary: str, source: str) -> CompiledModule | None:
    """The compiled module an instance loaded with ``boundary=`` uses (None: pure)."""
    if boundary not in BOUNDARIES:
        raise ValueError(f"boundary must be one of {', '.join(BOUNDARIES)}, not {boundary!r}")
    if boundary == "compiled" and NATIVE is None:
        raise BindgenError(
            f"{source}: boundary='compiled' was asked for, but this process runs {DESCRIPTION}; "
            "install wasmbindgen where a C compiler and Python's headers exist, or use "
            "boundary='auto'"
        )
    return None if boundary == "pure" else NATIVE
