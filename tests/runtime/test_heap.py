from __future__ import annotations

import pytest

from wasmbindgen import null
from wasmbindgen.runtime import native
from wasmbindgen.runtime.heap import BorrowStackExhausted, Heap

# Both heaps: the Python one and, where built, its twin in the compiled boundary.
KINDS = [Heap] + ([] if native.NATIVE is None else [native.NATIVE.Heap])


@pytest.fixture(params=KINDS, ids=lambda kind: kind.__module__)
def make(request):
    kind = request.param
    if kind is Heap:
        return lambda base=32: Heap(base)
    return lambda base=32: kind(base, null, BorrowStackExhausted)


@pytest.mark.parametrize("base", [32, 128, 1024])
def test_constants_live_at_the_release_base(make, base):
    heap = make(base)
    assert [heap.get(base + i) for i in range(4)] == [None, null, True, False]
    assert heap.add(None) == base
    assert heap.reserved == base + 4


@pytest.mark.parametrize("base", [32, 1024])
def test_slots_are_reused_after_drop(make, base):
    heap = make(base)
    a, b = heap.add("a"), heap.add("b")
    assert (a, b) == (base + 4, base + 5)
    heap.drop(a)
    assert heap.add("c") == a
    assert heap.live_count() == 2
    heap.drop(3)  # a borrow-stack slot: ignored
    heap.drop(base + 1)  # a constant: ignored
    assert heap.get(base + 1) is null


def test_take_returns_and_frees(make):
    heap = make()
    slot = heap.add([1])
    assert heap.take(slot) == [1]
    assert heap.live_count() == 0


@pytest.mark.parametrize("base", [32, 128])
def test_borrow_stack_limit(make, base):
    heap = make(base)
    mark = heap.mark()
    for _ in range(base - 1):
        heap.borrow(object())
    with pytest.raises(BorrowStackExhausted, match=str(base - 1)):
        heap.borrow(object())
    heap.unwind(mark)
    assert heap.borrow_top == base
