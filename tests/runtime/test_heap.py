from __future__ import annotations

import pytest

from wasmbindgen import null
from wasmbindgen.runtime.heap import RESERVED, BorrowStackExhausted, Heap


def test_fixed_slots():
    heap = Heap()
    assert [heap.get(i) for i in (0, 32, 33, 34, 35)] == [None, None, null, True, False]
    heap.drop(33)
    assert heap.get(33) is null


def test_free_list_reuses_slots_and_counts():
    heap = Heap()
    a, b = heap.add("a"), heap.add("b")
    assert (a, b) == (RESERVED, RESERVED + 1)
    assert heap.live_count() == 2
    assert heap.take(a) == "a"
    assert heap.live_count() == 1
    assert heap.add("c") == a
    heap.drop(10_000)  # out of range: ignored
    assert heap.live_count() == 2


def test_ints_are_values_not_links():
    heap = Heap()
    idx = heap.add(5)
    heap.add(7)
    assert heap.get(idx) == 5


def test_borrow_stack():
    heap = Heap()
    slots = [heap.borrow(i) for i in range(31)]
    assert slots == list(range(31, 0, -1))
    with pytest.raises(BorrowStackExhausted):
        heap.borrow("one too many")
    heap.release(31)
    assert heap.borrow_top == 32 and heap.get(31) is None
