"""The boundary to wasmtime: one instance in its store — fast calls into wasm, its host
functions registered, its memory, traps and stops.

wasmtime-py's public ``Func.__call__`` rebuilds type objects on every call. Here calls go
through cached ctypes prototypes of the C API (``c_api``): ``wasmtime_func_call_unchecked`` with
one reused value buffer that arguments are packed into with ``struct`` (16 bytes per value
slot), and host functions (``hostcall``) are ``wasmtime_linker_define_func_unchecked`` callbacks
that unpack their arguments from the buffer wasmtime hands them.

Where the compiled boundary is used (``native.select``), its ``Boundary`` makes the same calls
from C: ``invoke``, the host-function trampolines, and whole calls of number-only exports
(``direct``). This module stays the reference: the compiled parts hand anything unusual back to
the Python code here.
"""

from __future__ import annotations

import ctypes
import signal
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any

import wasmtime
from wasmtime import _bindings as capi

from ..errors import BindgenError, MemoryLimitError, OutOfFuel, RustPanic, Timeout
from ..wasm.rewrite import FUNCTION_TABLE_EXPORT, STACK_POINTER_EXPORT
from . import c_api
from .c_api import HOST_CALLBACK, SLOT
from .hostcall import HostCall, HostFunction
from .limits import NO_LIMITS, Limits, engine
from .native import NATIVE, CompiledModule
from .traps import ALLOC_FAILED, headline, trap_reason

MIN_CALL_SLOTS = 24
PAGE = 65536

_vp = ctypes.c_void_p
# A wasmtime_func_t's address, ready for ``invoke``: a ctypes pointer on the pure path (made once:
# converting an int on each ctypes call costs), a plain int for the compiled one.
FuncRef = Any


def compile_module(data: bytes, source: str, fuel: bool = False) -> wasmtime.Module:
    """The module compiled for the engine of its instances (``fuel``: metered ones)."""
    try:
        return wasmtime.Module(engine(fuel), data)
    except wasmtime.WasmtimeError as exc:
        text = str(exc)
        if "legacy_exceptions" in text:
            raise BindgenError(
                f"{source}: the module uses the legacy wasm exception encoding (`try`/`catch`), "
                "which wasmtime does not run. Rebuild it with the standard encoding: "
                "RUSTFLAGS='-Cpanic=unwind -Ctarget-feature=+exception-handling "
                "-Cllvm-args=-wasm-use-legacy-eh=false' and -Zbuild-std=std,panic_unwind "
                "(or build with panic=abort)"
            ) from None
        lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
        cause = lines[-1].split(": ", 1)[-1] if len(lines) > 1 else ""  # the innermost cause
        what = lines[0] + (f": {cause}" if cause else "") if lines else "invalid module"
        raise BindgenError(
            f"{source}: wasmtime rejected the module ({what}); rebuild it with "
            "`cargo build --release --target wasm32-unknown-unknown`"
        ) from None


@dataclass(frozen=True)
class RuntimeHooks:
    """What the compiled boundary takes from the runtime that owns the instance."""

    owner: int  # the thread that may call in (a compiled export call defers to glue otherwise)
    deferred: list[Any]  # work to run before the next call (likewise)
    heap: Any  # for the compiled Function.prototype.call (``HostFunction.special``)
    catch: Callable[[BaseException], int]  # an exception -> its Err's heap index


class _PureState:
    """What a call path shares with its instance, on the pure path (the compiled ``Boundary``
    carries the same two fields)."""

    __slots__ = ("host_depth", "poisoned")

    def __init__(self) -> None:
        self.host_depth = 0  # host functions running (a failure inside one is not outermost)
        self.poisoned: str | None = None


class WasmInstance:
    """One instantiated module in its own store, with the fast call path set up."""

    def __init__(
        self,
        module: wasmtime.Module,
        host_functions: Callable[[str, str], HostFunction],
        source: str,
        limits: Limits = NO_LIMITS,
        hooks: RuntimeHooks | None = None,
        compiled: CompiledModule | None = NATIVE,
    ) -> None:
        """``compiled``: the compiled boundary's module, or None for the pure path."""
        self.source = source
        self.hooks = hooks
        self._compiled = compiled
        self.limits = limits
        # the module was compiled for this engine (compile_module(..., fuel=...))
        self.engine = engine(limits.fuel is not None)
        self.store = wasmtime.Store(self.engine)
        self._ctx = ctypes.cast(self.store._context(), _vp).value
        self.deadline: float | None = None  # when the running call from Python times out
        self.interrupted: BaseException | None = None  # Timeout or KeyboardInterrupt, to raise
        self._callbacks: list[Any] = []  # keep ctypes callbacks alive
        self._install_limits()
        self.pending: BaseException | None = None  # raised by a host function, re-raised by invoke
        self.panic_message: str | None = None
        self.on_poison: Callable[[RustPanic], None] | None = None
        max_args = max(
            (len(e.type.params) for e in module.exports if isinstance(e.type, wasmtime.FuncType)),
            default=2,
        )
        # Closure invoke shims are reached through the table, not exports: up to 8 arguments of
        # up to 2 values each, plus a return pointer and the closure's two words.
        self.buffer = ctypes.create_string_buffer(SLOT * max(max_args, MIN_CALL_SLOTS))
        self._trap = ctypes.c_void_p(0)
        self._trap_ref = ctypes.addressof(self._trap)
        self._buf_addr = ctypes.addressof(self.buffer)
        # The compiled boundary, if built; ``direct`` also when no per-call limit needs arming
        # around each call (whole calls made in C bypass ``make_invoke``'s wrapper).
        self.native = None if compiled is None else self._boundary(compiled)
        self.direct = None if limits.per_call else self.native
        self.state: Any = self.native if self.native is not None else _PureState()
        linker = wasmtime.Linker(self.engine)
        linker_ptr = ctypes.cast(linker.ptr(), _vp).value
        for imp in module.imports:
            if isinstance(imp.type, wasmtime.TagType):  # e.g. env.__cpp_exception (C/C++ code)
                tag = wasmtime.Tag(self.store, imp.type)  # as a JS host gives a fresh Tag
                linker.define(self.store, imp.module, imp.name or "", tag)
                continue
            if not isinstance(imp.type, wasmtime.FuncType):
                raise BindgenError(
                    f"{source}: import {imp.module}.{imp.name} is a {type(imp.type).__name__}; "
                    "only function imports are supported"
                )
            host = host_functions(imp.module, imp.name or "")
            callback, env = self._host_callback(host, imp.module, imp.name or "", imp.type)
            mod_b, name_b = imp.module.encode(), (imp.name or "").encode()
            type_ptr = ctypes.cast(imp.type.ptr(), _vp).value
            err = c_api.define_unchecked(
                linker_ptr, mod_b, len(mod_b), name_b, len(name_b), type_ptr, callback, env, None
            )
            if err:
                raise wasmtime.WasmtimeError._from_ptr(
                    ctypes.cast(err, ctypes.POINTER(capi.wasmtime_error_t))
                )
        try:
            self.instance = linker.instantiate(self.store, module)
        except (wasmtime.WasmtimeError, wasmtime.Trap) as exc:
            if limits.max_memory is not None and "limit" in str(exc):
                raise MemoryLimitError(
                    f"{source}: the module's initial memory exceeds max_memory="
                    f"{limits.max_memory} bytes; raise the limit"
                ) from None
            raise BindgenError(f"{source}: instantiation failed: {exc}") from None
        self.exports = self.instance.exports(self.store)
        memory = self.exports.get("memory")
        if not isinstance(memory, wasmtime.Memory):
            raise BindgenError(f"{source}: the module exports no memory named 'memory'")
        self.memory = memory
        self._mem_ref = ctypes.addressof(memory._memory)
        if self.native is not None:
            self.native.set_memory(self._mem_ref)
        self._view = memoryview(b"")
        self._slow_invoke = self.make_invoke()
        # The shadow stack pointer at rest: a Python exception unwinding through wasm frames
        # skips their epilogues, so the outermost failed call puts it back (else every such
        # failure leaks stack until it overruns the module's data).
        stack_pointer = self.exports.get(STACK_POINTER_EXPORT)
        self._stack_pointer = stack_pointer if isinstance(stack_pointer, wasmtime.Global) else None
        self._stack_rest = self._stack_pointer.value(self.store) if self._stack_pointer else None

    def _boundary(self, compiled: CompiledModule) -> Any:
        hooks = self.hooks
        return compiled.Boundary(
            ctx=self._ctx,
            buffer=self.buffer,
            capacity=len(self.buffer) // SLOT,
            trap=self._trap_ref,
            failed=self._failed,
            rust_panic=RustPanic,
            deferred=[] if hooks is None else hooks.deferred,
            owner=threading.get_ident() if hooks is None else hooks.owner,
            source=self.source,
        )

    @property
    def poisoned(self) -> str | None:
        """Why the instance refuses calls (after a trap or a stop), or None."""
        return self.state.poisoned  # type: ignore[no-any-return]

    @property
    def host_depth(self) -> int:
        return self.state.host_depth  # type: ignore[no-any-return]

    def ref_for(self, address: int) -> FuncRef:
        """A ``wasmtime_func_t`` address as this instance's ``invoke`` takes it."""
        return address if self.native is not None else _vp(address)

    def _install_limits(self) -> None:
        """Memory and table caps; the epoch callback that serves Ctrl-C and ``timeout``."""
        limits = self.limits
        if limits.max_memory is not None:
            self.store.set_limits(
                memory_size=limits.max_memory, table_elements=max(limits.max_memory // 8, 1024)
            )
        _SIGINT.install()
        callback = c_api.EPOCH_CALLBACK(self._on_epoch)
        self._callbacks.append(callback)
        store = ctypes.cast(self.store.ptr(), _vp).value
        c_api.epoch_deadline_callback(store, callback, None, None)
        c_api.set_epoch_deadline(self._ctx, 1)

    def _on_epoch(self, _ctx: int, _env: int, delta: Any, kind: Any) -> int:
        """Runs every tick while wasm runs, on the calling thread. Entering it lets Python run
        a pending SIGINT's handler, which (``_on_sigint``) only notes the request here."""
        delta[0], kind[0] = 1, 0  # check again next tick; continue
        if _SIGINT.pending:
            _SIGINT.pending = False
            self.interrupted = KeyboardInterrupt()
            return c_api.error_new(b"wasmbindgen: interrupted") or 0
        deadline = self.deadline
        if deadline is not None and time.monotonic() > deadline:
            self.interrupted = Timeout(
                f"{self.source}: the call ran longer than timeout={self.limits.timeout} "
                "seconds and was stopped"
            )
            return c_api.error_new(b"wasmbindgen: timeout") or 0
        return 0

    def set_table_function(
        self, slot: int, host: HostFunction, params: list[str], results: list[str]
    ) -> None:
        """Put a host function of wasm type ``params -> results`` into table slot ``slot``
        (the slots the rewrite appended for cast trampolines)."""
        valtypes = {"i32": wasmtime.ValType.i32(), "i64": wasmtime.ValType.i64()}
        valtypes |= {"f32": wasmtime.ValType.f32(), "f64": wasmtime.ValType.f64()}
        functype = wasmtime.FuncType([valtypes[p] for p in params], [valtypes[r] for r in results])
        callback, env = self._host_callback(host, "table", host.label, functype)
        func = capi.wasmtime_func_t()
        type_ptr = ctypes.cast(functype.ptr(), _vp).value
        c_api.func_new_unchecked(self._ctx, type_ptr, callback, env, None, ctypes.addressof(func))
        self._callbacks.append(func)
        table = self.exports.get(FUNCTION_TABLE_EXPORT)
        assert isinstance(table, wasmtime.Table), "the rewrite exports the table"
        table.set(self.store, slot, wasmtime.Func._from_raw(func))

    # -- calls into wasm ----------------------------------------------------------------------

    def func_ref(self, name: str) -> FuncRef:
        """The address of export ``name``'s ``wasmtime_func_t``, for ``invoke``."""
        func = self.exports.get(name)
        if not isinstance(func, wasmtime.Func):
            raise BindgenError(f"{self.source}: the module has no exported function {name!r}")
        self._callbacks.append(func)  # keep the wasmtime_func_t alive
        return self.ref_for(ctypes.addressof(func._func))

    def make_invoke(self) -> Callable[[FuncRef, int], None]:
        """``invoke(func_ref, nargs)``: call with arguments already packed into ``buffer``.

        The C API wants the buffer's whole capacity (it must hold the results too), so
        ``nargs`` only documents the call site."""
        # Every argument is a ctypes object made once: converting Python ints on each foreign
        # call costs about a quarter of the call.
        call, ctx, buf, trap_ref, trap = (
            c_api.call_unchecked,
            _vp(self._ctx),
            _vp(self._buf_addr),
            _vp(self._trap_ref),
            self._trap,
        )
        capacity = ctypes.c_size_t(len(self.buffer) // SLOT)
        failed, wasm, state = self._failed, self, self.state

        def pure_invoke(func: FuncRef, nargs: int) -> None:
            if state.poisoned:
                raise RustPanic(state.poisoned)
            error = call(ctx, func, buf, capacity, trap_ref)
            if error or trap.value:
                failed(error)

        invoke = pure_invoke if self.native is None else self.native.invoke
        if not self.limits.per_call:
            return invoke
        timeout, fuel, monotonic = self.limits.timeout, self.limits.fuel, time.monotonic

        def limited_invoke(func: FuncRef, nargs: int) -> None:
            if state.host_depth:  # a call back into wasm from a host function: the outer budget
                invoke(func, nargs)
                return
            if fuel is not None:
                c_api.set_fuel(ctx, fuel)
            wasm.deadline = None if timeout is None else monotonic() + timeout
            try:
                invoke(func, nargs)
            finally:
                wasm.deadline = None

        return limited_invoke

    def call_raw(self, name: str, params: str, results: str, *args: Any) -> tuple[Any, ...]:
        """A slow, general call (start functions, tests): pack, invoke, unpack."""
        struct.pack_into(params, self.buffer, 0, *args)
        self._slow_invoke(self.func_ref(name), struct.calcsize(params) // SLOT)
        return struct.unpack_from(results, self.buffer) if results != "<" else ()

    def _failed(self, error: int | None = None) -> None:
        message = "wasm call failed"
        if error:
            c_api.error_delete(error)
        interrupted, self.interrupted = self.interrupted, None
        if interrupted is not None:  # stopped mid-run by the epoch callback: state unknown
            self._trap.value = 0
            self._poison(
                "stopped by "
                + ("Ctrl-C" if isinstance(interrupted, KeyboardInterrupt) else "its timeout")
            )
            raise interrupted
        if self._trap.value:
            trap = wasmtime.Trap._from_ptr(
                ctypes.cast(self._trap.value, ctypes.POINTER(capi.wasm_trap_t))
            )
            self._trap.value = 0
            message = trap.message
        limit = self._limit_exceeded(message)
        if limit is not None:
            self.pending = None
            self._poison(str(limit).split(": ", 1)[-1])
            raise limit
        pending, self.pending = self.pending, None
        if pending is not None:
            if self.host_depth == 0 and self._stack_pointer is not None:
                self._stack_pointer.set_value(self.store, self._stack_rest)
            raise pending
        if self.poisoned:  # a call made on a poisoned instance from inside a host function
            raise RustPanic(self.poisoned)
        reason = trap_reason(message)
        detail = reason
        if self.panic_message:  # console_error_panic_hook's message and stack
            reason = f"{headline(self.panic_message)} ({reason})"
            detail = f"{reason}\n\n{self.panic_message}"
        panic = RustPanic(f"{self.source}: {detail}")
        self._poison(f"the module trapped earlier ({reason})", panic)
        raise panic

    def _poison(self, why: str, panic: RustPanic | None = None) -> None:
        self.state.poisoned = (
            f"{self.source}: {why}; its state is unknown, so it refuses further calls. Load the "
            "module again to continue."
        )
        if self.on_poison is not None:
            self.on_poison(panic or RustPanic(self.poisoned))

    def _limit_exceeded(self, message: str) -> BaseException | None:
        """The limit a trap means, if it means one."""
        limits = self.limits
        if limits.fuel is not None and "all fuel consumed" in message:
            return OutOfFuel(
                f"{self.source}: the call used up fuel={limits.fuel} (its instruction budget)"
            )
        if limits.max_memory is not None:
            size = c_api.memory_data_size(self._ctx, self._mem_ref)
            # a growth was refused: Rust's allocation-failure path (named in the backtrace when
            # the module keeps its name section), or memory is full up to the limit
            if ALLOC_FAILED.search(message) or size + PAGE > limits.max_memory:
                return MemoryLimitError(
                    f"{self.source}: the module needed more than max_memory={limits.max_memory} "
                    f"bytes (linear memory is at {size} bytes)"
                )
        return None

    # -- host functions -----------------------------------------------------------------------

    def _host_callback(
        self, host: HostFunction, module: str, name: str, functype: wasmtime.FuncType
    ) -> tuple[int, int | None]:
        """The callback address and env pointer to register for ``host`` (kept alive here)."""
        call = HostCall(self, host, module, name)
        codes = None if self.native is None else call.codes()
        if codes is None:
            callback = HOST_CALLBACK(call.pure)
            self._callbacks.append((callback, functype))
            return ctypes.cast(callback, _vp).value or 0, None
        assert self._compiled is not None and self.native is not None
        special = self.special(host, self._compiled)
        entry = self.native.host(host.handler, *codes, call.finish, call.failed, *special)
        self._callbacks.append((entry, functype))
        return int(self._compiled.HOST_TRAMPOLINE), int(entry.env)

    def special(self, host: HostFunction, compiled: CompiledModule) -> tuple[Any, ...]:
        """The compiled trampoline's arguments for ``host.special``."""
        hooks = self.hooks
        if not host.special or hooks is None or not isinstance(hooks.heap, compiled.Heap):
            return ()
        if host.special == "js_call":
            return (compiled.JS_CALL, hooks.heap)
        return (compiled.JS_CALL_CATCH, hooks.heap, hooks.catch)

    # -- memory -------------------------------------------------------------------------------

    def view(self, end: int = 0) -> memoryview:
        """A writable view of linear memory covering at least ``[0, end)``.

        wasmtime reserves the whole 32-bit address space up front on 64-bit hosts, so growth
        never moves the base; the view is rebuilt only when the memory has grown.
        """
        view = self._view
        if end > len(view) or not len(view):
            view = self._refresh(end)
        return view

    def whole_view(self) -> memoryview:
        """A view of all of linear memory as it is now (``view`` may be shorter after growth)."""
        size = c_api.memory_data_size(self._ctx, self._mem_ref)
        return self._view if len(self._view) == size else self._refresh(size)

    def _refresh(self, end: int) -> memoryview:
        size = c_api.memory_data_size(self._ctx, self._mem_ref)
        if end > size:
            raise RustPanic(f"{self.source}: access to {end:#x} is outside linear memory")
        base = c_api.memory_data(self._ctx, self._mem_ref)
        self._view = memoryview((ctypes.c_ubyte * size).from_address(base)).cast("B")
        return self._view

    def table(self) -> wasmtime.Table | None:
        """The function table (exported by ``wasm.ensure_host_exports``)."""
        return next((v for v in self.exports.values() if isinstance(v, wasmtime.Table)), None)


class _SigintHook:
    """Ctrl-C while wasm runs. Python runs a signal's handler at the next bytecode it executes
    on the main thread — here the epoch callback's entry, where a ``KeyboardInterrupt`` would
    be swallowed by ctypes. So the handler, when it interrupts the epoch callback, only notes
    the request (the callback then stops the guest and the call raises
    ``KeyboardInterrupt``); anywhere else it does what the previous handler did."""

    def __init__(self) -> None:
        self.pending = False
        self._previous: Any = None
        self._installed = False

    def install(self) -> None:
        if self._installed or threading.current_thread() is not threading.main_thread():
            return
        previous = signal.getsignal(signal.SIGINT)
        if previous is not signal.default_int_handler:
            self._installed = True  # the application handles SIGINT itself: leave it be
            return
        self._previous = previous
        signal.signal(signal.SIGINT, self._on_sigint)
        self._installed = True

    def _on_sigint(self, signum: int, frame: FrameType | None) -> None:
        if frame is not None and frame.f_code is WasmInstance._on_epoch.__code__:
            self.pending = True
            return
        self._previous(signum, frame)


_SIGINT = _SigintHook()
