"""The table of host values Rust refers to by index (wasm-bindgen's non-externref heap).

Slots ``base`` to ``base + 3`` permanently hold undefined, null, true and false — Rust builds
those values from the indices without asking the host. Slots 1 to ``base - 1`` are the borrow
stack for ``&JsValue`` arguments, growing down from ``base``. Slot 0 is undefined and doubles
as the None index. ``base`` is the release's ``JSIDX_OFFSET``: 32 (0.2.83), 128, 1024 (0.2.109+).
"""

from __future__ import annotations

from typing import Any

from .native import CompiledModule
from .values import null


class BorrowStackExhausted(RecursionError):
    """More ``&JsValue`` arguments are live at once than the borrow stack holds."""


class Heap:
    __slots__ = ("base", "borrow_top", "free_count", "links", "next_free", "reserved", "values")

    def __init__(self, base: int = 32) -> None:
        self.base = base
        self.reserved = base + 4
        self.values: list[Any] = [None] * base + [None, null, True, False]
        self.links: list[int] = [0] * self.reserved  # free-list links, meaningful for free slots
        self.next_free = self.reserved
        self.free_count = 0
        self.borrow_top = base

    def add(self, value: Any) -> int:
        """Store ``value`` in a new slot owned by Rust."""
        if value is None:
            return self.base
        idx = self.next_free
        if idx == len(self.values):
            self.values.append(value)
            self.links.append(0)
            self.next_free = idx + 1
        else:
            self.values[idx] = value
            self.next_free = self.links[idx]
            self.free_count -= 1
        return idx

    def get(self, idx: int) -> Any:
        return self.values[idx]

    def drop(self, idx: int) -> None:
        if idx < self.reserved:
            return
        values = self.values
        if idx >= len(values):
            return
        values[idx] = None
        self.links[idx] = self.next_free
        self.next_free = idx
        self.free_count += 1

    def take(self, idx: int) -> Any:
        value = self.values[idx]
        self.drop(idx)
        return value

    def clone(self, idx: int) -> int:
        """A new slot holding slot ``idx``'s value (``__wbindgen_object_clone_ref``)."""
        return self.add(self.values[idx])

    def borrow(self, value: Any) -> int:
        """A borrow-stack slot for a ``&JsValue`` argument; released by ``unwind``."""
        if self.borrow_top == 1:
            raise BorrowStackExhausted(
                "too many borrowed JsValue arguments are live at once "
                f"(the limit is {self.base - 1})"
            )
        self.borrow_top -= 1
        self.values[self.borrow_top] = value
        return self.borrow_top

    def mark(self) -> int:
        """The borrow-stack position, to ``unwind`` to after a call however it ended."""
        return self.borrow_top

    def unwind(self, mark: int) -> None:
        mark = min(mark, self.base)  # the borrow stack ends at base
        while self.borrow_top < mark:
            self.values[self.borrow_top] = None
            self.borrow_top += 1

    def release(self, count: int = 1) -> None:
        for _ in range(count):
            self.values[self.borrow_top] = None
            self.borrow_top += 1

    def live_count(self) -> int:
        """Slots in use beyond the reserved ones (``__wbindgen_externref_heap_live_count``)."""
        return len(self.values) - self.free_count - self.reserved


def new_heap(base: int, compiled: CompiledModule | None) -> Heap:
    """The heap for a release's ``base``: the compiled boundary's (the same methods and layout,
    for its trampolines to reach in C) when it is used, else ``Heap``."""
    if compiled is None:
        return Heap(base)
    return compiled.Heap(base, null, BorrowStackExhausted)  # type: ignore[no-any-return]
