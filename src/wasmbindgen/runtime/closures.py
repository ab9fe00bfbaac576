"""Heap closures (``Closure<dyn Fn…>``/``Closure<dyn FnMut…>``) that Rust creates at run time.

Every kind of closure a module makes was found at build time; the glue hands the runtime one
entry per kind — invoke shim, destructor, mutability, arity, ownership and the generated
adapter that converts a call's arguments. Two lifetime protocols exist:

- ``cb_drop`` (0.2.83): Rust's ``Drop`` asks ``__wbindgen_cb_drop`` whether it may free the
  closure now (no call running) or leaves the destructor to the call still running;
- ``unref`` (0.2.105+): Rust's ``Drop`` calls the closure's ``_wbg_cb_unref`` method; the host
  counts running calls and destroys the closure (``__wbindgen_destroy_closure``) when the count
  reaches zero — or, for closures Rust gave away (``into_js_value``), when Python collects them.
  Borrowed closures (``ScopedClosure``) are only invalidated, never destroyed by the host.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ExpiredClosureError
from .resolve import ATTRIBUTE_TYPES

if TYPE_CHECKING:
    from .engine import FuncRef
    from .instance import Runtime


@dataclass(frozen=True)
class ClosureKind:
    """One kind of closure, as the glue describes it."""

    invoke_idx: int
    dtor_idx: int
    mutable: bool
    arity: int
    owned: bool
    adapter: Callable[..., Any]


class HeapClosure:
    """The Python face of one ``Closure<…>``: call it like a function while Rust keeps it."""

    __slots__ = (
        "__weakref__",
        "_a",
        "_b",
        "_count",
        "_dropped",
        "_factory",
        "_invoke",
        "_kind",
        "_on_collect",
    )

    def __init__(self, factory: ClosureFactory, kind: ClosureKind, a: int, b: int) -> None:
        self._factory, self._kind, self._a, self._b = factory, kind, a, b
        self._invoke: FuncRef = factory.runtime.table_func_ref(kind.invoke_idx)
        self._count = 1
        self._dropped = False
        # a closure Rust gave away (into_js_value, by value; 0.2.105+) ends when Python
        # collects it: __del__ is free until then, where a weakref.finalize costs every closure
        self._on_collect = factory.protocol == "unref" and kind.owned

    def __del__(self) -> None:
        if self._on_collect and self._count > 0 and self._a:
            self._factory.collected(self._kind, self._a, self._b)

    def __call__(self, *args: Any) -> Any:
        kind = self._kind
        if len(args) != kind.arity:  # as in JS: extra arguments are ignored, missing ones
            args = (*args[: kind.arity], *(None,) * (kind.arity - len(args)))  # are undefined
        if self._dropped and not self._count > 1 and not self._a:
            raise ExpiredClosureError(
                "this Rust closure was dropped: Rust freed the Closure it came from, so it can no "
                "longer be called"
            )
        self._count += 1
        a = self._a
        if kind.mutable:
            self._a = 0  # a re-entrant call reaches Rust with a == 0 and is refused there
        try:
            return kind.adapter(self._invoke, a, self._b, *args)
        finally:
            if kind.mutable:
                self._a = a
            self._release(a)

    def _release(self, a: int) -> None:
        self._count -= 1
        if self._count == 0:
            self._a = 0
            self._factory.destroy(self._kind, a, self._b)

    # 0.2.83: __wbindgen_cb_drop(slot) -> 1 when Rust may free the closure now
    def _cb_drop(self) -> int:
        self._dropped = True
        self._count -= 1
        if self._count == 0:
            self._a = 0
            return 1
        return 0

    # 0.2.105+: Rust's Drop for Closure, through a structural method import
    def _wbg_cb_unref(self) -> None:
        self._dropped = True
        if not self._kind.owned:
            self._a = 0  # a borrowed closure's scope ended: invalidate only
            return
        self._release(self._a)

    def __reduce__(self) -> Any:
        raise TypeError(
            "cannot pickle a Rust closure: it lives in one instance's memory; pickle the module "
            "and ask it for a new closure on the other side"
        )

    def __repr__(self) -> str:
        state = "dropped" if self._dropped else "live"
        return f"<Rust closure {'FnMut' if self._kind.mutable else 'Fn'} ({state})>"


ATTRIBUTE_TYPES.add(HeapClosure)  # its members (``_wbg_cb_unref``) are plain attributes


class ClosureFactory:
    """Makes and destroys one instance's heap closures."""

    def __init__(self, runtime: Runtime, kinds: dict[int, tuple[Any, ...]]) -> None:
        self.runtime = runtime
        self.kinds = {key: ClosureKind(*entry) for key, entry in kinds.items()}
        self.protocol = runtime.config.closure_protocol
        self._destroy_ref: FuncRef | None = None  # __wbindgen_destroy_closure, looked up once

    def make(self, key: int, a: int, b: int) -> HeapClosure:
        kind = self.kinds.get(key)
        if kind is None:
            raise RuntimeError(
                f"{self.runtime.source}: the module made a closure of kind {key}, which the "
                "build did not find; rebuild the package"
            )
        return HeapClosure(self, kind, a, b)

    def collected(self, kind: ClosureKind, a: int, b: int) -> None:
        # collection happens at any point, maybe mid-call: the destructor waits for the next call
        self.runtime.defer(lambda: self.destroy(kind, a, b))

    def cb_drop(self, slot: int) -> int:
        func = self.runtime.heap.take(slot)
        if not isinstance(func, HeapClosure):
            return 1
        return func._cb_drop()

    def destroy(self, kind: ClosureKind, a: int, b: int) -> None:
        rt = self.runtime
        if rt.wasm.poisoned or not a:
            return
        struct.pack_into("<I12xI12x", rt.buffer, 0, a, b)
        if rt.config.destroy_closure:  # 0.2.115+: one export destroys every closure
            if self._destroy_ref is None:
                self._destroy_ref = rt.export("__wbindgen_destroy_closure")
            rt.invoke(self._destroy_ref, 2)
        else:
            rt.invoke(rt.table_func_ref(kind.dtor_idx), 2)
