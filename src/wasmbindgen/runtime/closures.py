"""Heap closures (``Closure<dyn Fn…>``/``Closure<dyn FnMut…>``) that Rust creates at run time.

Rust calls ``__wbindgen_describe_closure(a, b, desc_idx)``: the host runs table entry
``desc_idx`` with the descriptor recorder live, decodes ``CLOSURE invoke dtor REF|REFMUT FUNCTION``
and returns a Python callable in a new heap slot. Calls convert arguments with the same
generated call-site code as exports (one adapter per closure type, cached). The lifetime
protocol follows wasm-bindgen 0.2.83: a use count, and ``__wbindgen_cb_drop`` either frees now
(count 1) or leaves the destructor to the call that is still running.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..describe import decode_descriptor
from ..errors import BindgenError, ExpiredClosureError

if TYPE_CHECKING:
    from ..describe import ClosureDescriptor
    from .engine import FuncRef
    from .instance import Runtime


class HeapClosure:
    """The Python face of one ``Closure<…>``: call it like a function while Rust keeps it."""

    __slots__ = (
        "__weakref__",
        "_a",
        "_adapter",
        "_arity",
        "_b",
        "_count",
        "_dropped",
        "_dtor",
        "_invoke",
        "_mutable",
        "_runtime",
    )

    def __init__(
        self,
        runtime: Runtime,
        a: int,
        b: int,
        invoke: FuncRef,
        dtor: int,
        mutable: bool,
        adapter: Callable[..., Any],
        arity: int,
    ) -> None:
        self._runtime, self._a, self._b = runtime, a, b
        self._invoke, self._dtor, self._mutable, self._adapter = invoke, dtor, mutable, adapter
        self._count = 1
        self._dropped = False
        self._arity = arity

    def __call__(self, *args: Any) -> Any:
        if len(args) != self._arity:  # extra arguments are ignored, as JS functions ignore them
            if len(args) < self._arity:
                raise TypeError(
                    f"this Rust closure takes {self._arity} argument(s), got {len(args)}"
                )
            args = args[: self._arity]
        if self._dropped and not self._count > 1 and not self._a:
            raise ExpiredClosureError(
                "this Rust closure was dropped: Rust freed the Closure it came from, so it can no "
                "longer be called"
            )
        self._count += 1
        a = self._a
        if self._mutable:
            self._a = 0  # a re-entrant call reaches Rust with a == 0 and is refused there
        try:
            return self._adapter(self._invoke, a, self._b, *args)
        finally:
            self._count -= 1
            if self._count == 0:
                self._a = 0
                self._runtime.closures.destroy(self._dtor, a, self._b)
            elif self._mutable:
                self._a = a

    def _drop(self) -> int:
        """``__wbindgen_cb_drop``: 1 tells Rust to free now; 0 that a running call will."""
        self._dropped = True
        self._count -= 1
        if self._count == 0:
            self._a = 0
            return 1
        return 0

    def __repr__(self) -> str:
        state = "dropped" if self._dropped else "live"
        return f"<Rust closure {'FnMut' if self._mutable else 'Fn'} ({state})>"


class ClosureFactory:
    """Serves the describe recorder, ``__wbindgen_describe_closure`` and ``__wbindgen_cb_drop``."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.words: list[int] = []
        self._types: dict[int, tuple[ClosureDescriptor, Callable[..., Any]]] = {}

    def record(self, word: int) -> None:
        self.words.append(word)

    def describe(self, desc_idx: int) -> tuple[ClosureDescriptor, Callable[..., Any]]:
        cached = self._types.get(desc_idx)
        if cached is not None:
            return cached
        rt = self.runtime
        self.words.clear()
        rt.invoke(rt.table_func_ref(desc_idx), 0)
        descriptor = decode_descriptor(list(self.words))
        if descriptor.closure is None:
            raise BindgenError(f"{rt.source}: table entry {desc_idx} does not describe a closure")
        adapter = self._adapter(descriptor.closure)
        self._types[desc_idx] = (descriptor.closure, adapter)
        return descriptor.closure, adapter

    def _adapter(self, closure: ClosureDescriptor) -> Callable[..., Any]:
        from ..codegen.python.emit import closure_adapter_source
        from ..model.lower import signature

        sig = signature(closure.function, ())
        source = closure_adapter_source(sig, "Rust closure")
        namespace = self.runtime.glue_namespace
        code = compile(source, "<wasmbindgen closure adapter>", "exec")
        local: dict[str, Any] = {}
        exec(code, namespace, local)
        return local["_wb_closure_call"]  # type: ignore[no-any-return]

    def make(self, a: int, b: int, desc_idx: int) -> int:
        closure, adapter = self.describe(desc_idx)
        rt = self.runtime
        func = HeapClosure(
            rt,
            a,
            b,
            rt.table_func_ref(closure.invoke_idx),
            closure.dtor_idx,
            closure.mutable,
            adapter,
            len(closure.function.args),
        )
        return rt.heap.add(func)

    def drop(self, slot: int) -> int:
        func = self.runtime.heap.take(slot)
        if not isinstance(func, HeapClosure):
            return 1
        return func._drop()

    def destroy(self, dtor_idx: int, a: int, b: int) -> None:
        rt = self.runtime
        if rt.wasm.poisoned:
            return
        struct.pack_into("<I12xI12x", rt.buffer, 0, a, b)
        rt.invoke(rt.table_func_ref(dtor_idx), 2)
