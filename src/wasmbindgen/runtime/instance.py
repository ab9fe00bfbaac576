"""``Runtime``: one live module instance and everything generated glue calls on it."""

from __future__ import annotations

import ctypes
import struct
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import wasmtime

from ..errors import BindgenError, JsException, RustPanic
from .builtins.console import Console
from .builtins.scope import default_globals
from .engine import FuncRef, HostFunction, WasmInstance
from .heap import Heap
from .memory import LinearMemory
from .promise import Promise
from .resolve import Resolver

XFORM_MODULE = "__wbindgen_externref_xform__"


@dataclass(frozen=True)
class LoadOptions:
    """What ``wasmbindgen.load`` was given besides the module."""

    globals: Mapping[str, Any] = field(default_factory=dict)
    modules: Mapping[str, Any] = field(default_factory=dict)


def raise_value(value: Any) -> None:
    """Raise a thrown JS value in Python: exceptions as themselves, others in ``JsException``."""
    if isinstance(value, BaseException):
        raise value
    raise JsException(value)


class Runtime:
    """Created by ``load()`` (or a built package) before the glue runs; the glue registers its
    import handlers with ``instantiate`` and then calls through the attributes below."""

    def __init__(self, module: wasmtime.Module, source: str, options: LoadOptions) -> None:
        self.module = module
        self.source = source
        self.heap = Heap()
        self.scope: dict[str, Any] = default_globals()
        self.scope.update(options.globals)
        self.scope["globalThis"] = self.scope["global"] = self.scope
        console = self.scope.get("console")
        if isinstance(console, Console):
            console.panic_sink = self._record_panic
        self.resolver = Resolver(self.scope, options.modules, source)
        self.lookup = self.resolver.lookup  # what import call sites use, at call time
        self.lookup_class = self.resolver.lookup_class
        self.deferred_frees: list[tuple[str, int]] = []
        self._free_refs: dict[str, FuncRef] = {}
        self._table_refs: dict[int, FuncRef] = {}
        self.glue_namespace: dict[str, Any] = {}
        self.closures: Any = None  # the ClosureFactory, set when intrinsics are bound
        self._table_funcs: list[wasmtime.Func] = []
        # Promises of async exports still pending: a trap rejects them, since the Rust futures
        # that would settle them can no longer run.
        self.pending_promises: weakref.WeakSet[Promise[Any]] = weakref.WeakSet()

    def instantiate(self, imports: dict[str, HostFunction]) -> None:
        from .intrinsics import intrinsic_functions

        intrinsics = intrinsic_functions(self)

        def host(module: str, name: str) -> HostFunction:
            if name in imports:
                return imports[name]
            if name in intrinsics:
                return intrinsics[name]
            if module == XFORM_MODULE:  # externref-mode helpers: never used by a raw module
                return HostFunction(
                    lambda *_: -1 if name.endswith("grow") else None,
                    "<i12x" if name.endswith("grow") else "<i12xi12x",
                    "<i" if name.endswith("grow") else "",
                )
            raise BindgenError(f"{self.source}: nothing provides the import {module}.{name}")

        self.wasm = WasmInstance(self.module, host, self.source)
        self.memory = LinearMemory(self.wasm)
        self.invoke: Callable[[FuncRef, int], None] = self.wasm.make_invoke()
        self.buffer = self.wasm.buffer
        self._exn_store = self.wasm.func_ref("__wbindgen_exn_store")
        self.wasm.on_poison = self._reject_pending

    def _reject_pending(self, panic: RustPanic) -> None:
        promises, self.pending_promises = list(self.pending_promises), weakref.WeakSet()
        for promise in promises:
            promise.reject_now(panic)

    def _record_panic(self, text: str) -> None:
        self.wasm.panic_message = text

    def export(self, name: str) -> FuncRef:
        return self.wasm.func_ref(name)

    # -- exceptions -----------------------------------------------------------------------------

    def take_error(self, slot: int) -> None:
        """Raise the ``Err`` value Rust returned in heap ``slot``."""
        raise_value(self.heap.take(slot))

    def catch(self, exc: BaseException) -> int:
        """Hand an exception raised by a ``catch`` import to Rust as its ``Err``."""
        value = exc.value if isinstance(exc, JsException) else exc
        struct.pack_into("<I", self.buffer, 0, self.heap.add(value))
        self.invoke(self._exn_store, 1)
        return 0

    # -- struct lifetimes -----------------------------------------------------------------------

    def free_struct(self, export: str, ptr: int) -> None:
        if self.wasm.poisoned:
            return
        ref = self._free_refs.get(export)
        if ref is None:
            ref = self._free_refs[export] = self.wasm.func_ref(export)
        struct.pack_into("<I", self.buffer, 0, ptr)
        self.invoke(ref, 1)

    def defer_free(self, export: str, ptr: int) -> None:
        """Called from ``__del__``: freeing now could clobber arguments being packed for a call,
        so the free waits for the next call into the module."""
        self.deferred_frees.append((export, ptr))

    def flush(self) -> None:
        """Run deferred frees; the glue calls this before packing a call's arguments."""
        pending = self.deferred_frees
        while pending:
            export, ptr = pending.pop()
            self.free_struct(export, ptr)

    # -- lists of JsValues, function table -------------------------------------------------------

    def pass_values(self, values: Any, what: str, optional: bool = False) -> tuple[int, int]:
        """Copy a sequence of values in as heap slots (``Box<[JsValue]>``)."""
        if optional and values is None:
            return 0, 0
        if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
            raise TypeError(f"{what} must be a list or other sequence, not {type(values).__name__}")
        slots = [self.heap.add(v) for v in values]
        ptr = self.memory.malloc(4 * len(slots))
        if slots:
            struct.pack_into(f"<{len(slots)}I", self.wasm.view(ptr + 4 * len(slots)), ptr, *slots)
        return ptr, len(slots)

    def take_values(self, ptr: int, count: int) -> list[Any]:
        slots = struct.unpack_from(f"<{count}I", self.wasm.view(ptr + 4 * count), ptr)
        self.memory.free(ptr, 4 * count)
        return [self.heap.take(slot) for slot in slots]

    def table_func_ref(self, index: int) -> FuncRef:
        """The ``wasmtime_func_t`` address of function-table entry ``index``, for ``invoke``."""
        ref = self._table_refs.get(index)
        if ref is None:
            table = self.wasm.table()
            func = None if table is None else table.get(self.wasm.store, index)
            if not isinstance(func, wasmtime.Func):
                raise BindgenError(
                    f"{self.source}: function table entry {index} is not a "
                    "function; is the module built for wasm-bindgen 0.2.83?"
                )
            self._table_funcs.append(func)
            ref = self._table_refs[index] = FuncRef(ctypes.addressof(func._func))
        return ref

    def start(self, export: str) -> None:
        ref = self.export(export)
        self.flush()
        self.invoke(ref, 0)
