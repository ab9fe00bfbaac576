"""``Runtime``: one live module instance and everything generated glue calls on it."""

from __future__ import annotations

import ctypes
import functools
import struct
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import wasmtime

from ..errors import BindgenError, JsException, OutOfFuel, RustPanic, ThreadError, Timeout
from . import native
from .builtins.scope import default_globals
from .closures import ClosureFactory, HeapClosure
from .config import RuntimeConfig
from .engine import FuncRef, RuntimeHooks, WasmInstance
from .heap import new_heap
from .hostcall import HostFunction, slot_format
from .intrinsics import intrinsic
from .limits import Limits, default_limits
from .memory import LinearMemory
from .promise import Promise
from .resolve import Resolver
from .webapis.console import Console, ConsoleTarget, output_for

CAST_SLOTS_EXPORT = "__wbindgen_cast_slots"  # the table slot of the cast with key 0
# a cast's ABI kind -> its wasm value type
WASM_TYPES = {"i32": "i32", "u32": "i32", "i64": "i64", "u64": "i64", "f32": "f32", "f64": "f64"}
_U32, _U32X2, _U32X3 = slot_format(["u32"]), slot_format(["u32"] * 2), slot_format(["u32"] * 3)


@dataclass(frozen=True)
class LoadOptions:
    """What ``wasmbindgen.load`` was given besides the module."""

    globals: Mapping[str, Any] = field(default_factory=dict)
    modules: Mapping[str, Any] = field(default_factory=dict)
    console: ConsoleTarget | None = None  # None: the process-wide default (set_console)
    limits: Limits | None = None  # None: the process-wide default (set_default_limits)
    boundary: str = "auto"  # "compiled", "pure", or "auto" (compiled where it is built)


def raise_value(value: Any) -> None:
    """Raise a thrown JS value in Python: exceptions as themselves, others in ``JsException``."""
    if isinstance(value, BaseException):
        raise value
    raise JsException(value)


class Runtime:
    """Created by ``load()`` (or a built package) before the glue runs; the glue configures
    it, registers its import handlers with ``instantiate`` and then calls through it."""

    def __init__(self, module: wasmtime.Module, source: str, options: LoadOptions) -> None:
        self.limits = options.limits or default_limits()
        self.compiled = native.select(options.boundary, source)
        self.owner = threading.get_ident()  # the one thread that may call in (see flush)
        self.module = module
        self.source = source
        self.config = RuntimeConfig()
        self.heap = new_heap(32, self.compiled)
        self.scope: dict[str, Any] = default_globals()
        self.scope.update(options.globals)
        self.scope["globalThis"] = self.scope["global"] = self.scope
        console = self.scope.get("console")
        if isinstance(console, Console):
            console.panic_sink = self._record_panic
            if options.console is not None:
                console.output = output_for(options.console)
        self.resolver = Resolver(self.scope, options.modules, source)
        self.lookup = self.resolver.lookup  # what import call sites use, at call time
        self.lookup_class = self.resolver.lookup_class
        self.deferred: list[Callable[[], None]] = []
        self._free_refs: dict[str, FuncRef] = {}
        self._table_refs: dict[int, FuncRef] = {}
        self.glue_namespace: dict[str, Any] = {}
        self.closures: ClosureFactory | None = None
        self._table_funcs: list[wasmtime.Func] = []
        # Promises of async exports still pending: a trap rejects them, since the Rust futures
        # that would settle them can no longer run.
        self.pending_promises: weakref.WeakSet[Promise[Any]] = weakref.WeakSet()

    def configure(self, config: RuntimeConfig) -> None:
        """Adopt the module's release (the glue calls this first)."""
        self.config = config
        self.heap = new_heap(config.heap_base, self.compiled)

    def instantiate(
        self,
        imports: dict[str, HostFunction],
        closures: dict[int, tuple[Any, ...]] | None = None,
        casts: dict[int, tuple[Callable[..., Any], list[str], list[str]]] | None = None,
    ) -> None:
        self.closures = ClosureFactory(self, closures or {})

        def host(module: str, name: str) -> HostFunction:
            found = imports.get(name) or imports.get(f"{module}::{name}")  # a plain wasm import
            if found is None:
                raise BindgenError(f"{self.source}: nothing provides the import {module}.{name}")
            return found

        hooks = RuntimeHooks(self.owner, self.deferred, self.heap, self.catch)
        self.wasm = WasmInstance(self.module, host, self.source, self.limits, hooks, self.compiled)
        self.memory = LinearMemory(self.wasm, self.config.allocator_align)
        self.invoke: Callable[[FuncRef, int], None] = self.wasm.make_invoke()
        self.buffer = self.wasm.buffer
        self._exn_store = self.wasm.func_ref("__wbindgen_exn_store")
        self.wasm.on_poison = self._reject_pending
        self._install_casts(casts or {})

    def _install_casts(
        self, casts: dict[int, tuple[Callable[..., Any], list[str], list[str]]]
    ) -> None:
        """Each cast's handler, as a host function in the table slot its trampoline calls:
        ``casts[key] = (handler, parameter ABI kinds, result ABI kinds)``."""
        if not casts:
            return
        first = self.wasm.exports.get(CAST_SLOTS_EXPORT)
        assert isinstance(first, wasmtime.Global), "the rewrite exports the first cast slot"
        base = first.value(self.wasm.store)
        for key, (handler, params, results) in casts.items():
            host = HostFunction(
                handler, slot_format(params), slot_format(results) if results else "", f"cast {key}"
            )
            wasm_params = [WASM_TYPES[kind] for kind in params]
            self.wasm.set_table_function(
                base + key, host, wasm_params, [WASM_TYPES[k] for k in results]
            )

    # -- imports the runtime serves itself ------------------------------------------------------

    def protocol(self, role: str) -> HostFunction:
        """The host function of a placeholder import the runtime serves by ``role``."""
        heap = self.heap  # configured already: the glue configures before it binds imports
        handlers: dict[str, HostFunction] = {
            "clone_ref": HostFunction(heap.clone, _U32, "<I"),
            "drop_ref": HostFunction(heap.drop, _U32),
            "describe": HostFunction(lambda _word: None, _U32),  # casts no longer describe
            "closure_marker": HostFunction(self._make_closure_slot, _U32X3, "<I"),
            "cast_marker": HostFunction(self._cast, _U32X2, "<I"),
            "cb_drop": HostFunction(lambda slot: self._factory().cb_drop(slot), _U32, "<I"),
            "heap_live_count": HostFunction(heap.live_count, "<", "<I"),
            "table_grow": HostFunction(lambda _delta: -1, slot_format(["i32"]), "<i"),
            "table_set_null": HostFunction(lambda _index: None, _U32),
            "statics_end": HostFunction(lambda: self.config.reserved, "<", "<I"),
        }
        return handlers[role]

    def intrinsic(self, name: str) -> Callable[..., Any]:
        return intrinsic(self, name)

    def lookup_optional(
        self, module: str, kind: str, namespace: tuple[str, ...], name: str, what: str
    ) -> Any:
        """An ``Option<T>`` static: a name that is not there is ``None``, not an error."""
        try:
            return self.lookup(module, kind, namespace, name, what)
        except (NameError, TypeError):
            return None

    def _factory(self) -> ClosureFactory:
        assert self.closures is not None
        return self.closures

    def make_closure(self, key: int, a: int, b: int) -> HeapClosure:
        return self._factory().make(key, a, b)

    def _make_closure_slot(self, a: int, b: int, key: int) -> int:
        return self.heap.add(self._factory().make(key, a, b))

    def _cast(self, key: int, _at: int) -> int:
        raise RuntimeError(  # the rewrite routes every cast it found through the table
            f"{self.source}: the module made cast {key} through its marker, which the build did "
            "not find; rebuild the package"
        )

    def _reject_pending(self, panic: RustPanic) -> None:
        promises, self.pending_promises = list(self.pending_promises), weakref.WeakSet()
        for promise in promises:
            promise.reject_now(panic)

    def _record_panic(self, text: str) -> None:
        self.wasm.panic_message = text

    def export(self, name: str) -> FuncRef:
        return self.wasm.func_ref(name)

    def direct(
        self, function: Callable[..., Any], func: FuncRef, params: str, result: str
    ) -> Callable[..., Any]:
        """``function`` (a generated export of numbers in, a number out), made in C where the
        compiled boundary is used: ``params`` and ``result`` are its ``struct`` letters (``-``:
        no result). The compiled call hands anything it does not handle to ``function``."""
        native = self.wasm.direct
        if native is None:
            return function
        compiled = native.export(func, params, result, function)
        functools.update_wrapper(compiled, function)
        return compiled  # type: ignore[no-any-return]

    def glue_module(self) -> Any:
        """What ``wasm_bindgen::exports()`` returns: the instance's raw exports."""
        return self.wasm.exports

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

    def free_struct(self, export: str, ptr: int, explicit: bool = True) -> None:
        """Drop a struct's Rust value: ``explicit`` for ``free()``, else Python collected the
        object (0.2.93+ then only releases the host's reference, ``allow_delayed``)."""
        if self.wasm.poisoned:
            return
        ref = self._free_refs.get(export)
        if ref is None:
            ref = self._free_refs[export] = self.wasm.func_ref(export)
        if self.config.struct_free_flag:
            struct.pack_into("<I12xI", self.buffer, 0, ptr, 0 if explicit else 1)
            self.invoke(ref, 2)
        else:
            struct.pack_into("<I", self.buffer, 0, ptr)
            self.invoke(ref, 1)

    def defer(self, action: Callable[[], None]) -> None:
        """Called from finalizers: calling into wasm now could clobber arguments being packed
        for a call, so the action waits for the next call into the module."""
        self.deferred.append(action)

    def flush(self) -> None:
        """Run deferred actions; the glue calls this before packing a call's arguments, and
        when the call comes from a thread other than the instance's (refused here)."""
        if threading.get_ident() != self.owner:
            raise ThreadError(
                f"{self.source}: an instance belongs to the thread that loaded it (thread "
                f"{self.owner}), and this call came from thread {threading.get_ident()}. Load "
                "the module once per thread — load() reuses the compiled module, so that is "
                "cheap, and instances in different threads run in parallel"
            )
        pending = self.deferred
        while pending:
            pending.pop()()

    # -- lists of JsValues, function table -------------------------------------------------------

    def pass_values(self, values: Any, what: str, optional: bool = False) -> tuple[int, int]:
        """Copy a sequence of values in as heap slots (``Box<[JsValue]>``, ``Vec<String>``)."""
        if optional and values is None:
            return 0, 0
        if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
            raise TypeError(f"{what} must be a list or other sequence, not {type(values).__name__}")
        slots = [self.heap.add(v) for v in values]
        ptr = self.memory.malloc(4 * len(slots), 4)
        if slots:
            struct.pack_into(f"<{len(slots)}I", self.wasm.view(ptr + 4 * len(slots)), ptr, *slots)
        return ptr, len(slots)

    def take_values(self, ptr: int, count: int) -> list[Any]:
        slots = struct.unpack_from(f"<{count}I", self.wasm.view(ptr + 4 * count), ptr)
        self.memory.free(ptr, 4 * count, 4)
        return [self.heap.take(slot) for slot in slots]

    def get_values(self, ptr: int, count: int) -> list[Any]:
        """A borrowed ``&[JsValue]``: the values of the slots, which stay Rust's."""
        slots = struct.unpack_from(f"<{count}I", self.wasm.view(ptr + 4 * count), ptr)
        return [self.heap.get(slot) for slot in slots]

    def table_func_ref(self, index: int) -> FuncRef:
        """The ``wasmtime_func_t`` address of function-table entry ``index``, for ``invoke``."""
        ref = self._table_refs.get(index)
        if ref is None:
            table = self.wasm.table()
            func = None if table is None else table.get(self.wasm.store, index)
            if not isinstance(func, wasmtime.Func):
                raise BindgenError(
                    f"{self.source}: function table entry {index} is not a function; was the "
                    "module built with the wasm-bindgen release its custom section names?"
                )
            self._table_funcs.append(func)
            ref = self._table_refs[index] = self.wasm.ref_for(ctypes.addressof(func._func))
        return ref

    def call_raw_export(self, name: str, params: str, results: str, args: tuple[Any, ...]) -> Any:
        """Call a plain wasm export with numbers; its result, ``None``, or a tuple of them."""
        expected = sum(ch.isalpha() and ch != "x" for ch in params)  # one letter per value
        if len(args) != expected:
            raise TypeError(f"{name}() takes {expected} argument(s), got {len(args)}")
        self.flush()
        try:
            values = self.wasm.call_raw(name, params, results, *args)
        except struct.error as exc:
            raise TypeError(f"{name}(): {exc} (its parameters are wasm numbers)") from None
        return None if not values else values[0] if len(values) == 1 else values

    def start(self, export: str) -> None:
        """Run a ``#[wasm_bindgen(start)]`` function; if it traps, the module cannot be used,
        which is a load failure (``BindgenError``), not a failed call."""
        ref = self.export(export)
        self.flush()
        try:
            self.invoke(ref, 0)
        except (RustPanic, Timeout, OutOfFuel, MemoryError) as exc:
            raise BindgenError(
                f"{self.source}: the start function {export} failed, so the module cannot be "
                f"used: {exc}"
            ) from exc
