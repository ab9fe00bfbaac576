"""``wasmbindgen.Promise``: JavaScript Promise semantics on asyncio (no module needed)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasmbindgen import AggregateError, JsException, Promise
from wasmbindgen.runtime import eventloop


def settle(awaitable):
    async def main():
        return await awaitable

    return asyncio.run(main())


def drained(fn):
    """Run ``fn()`` on a loop, then let every microtask and zero-delay timer run."""

    async def main():
        fn()
        await asyncio.sleep(0.005)

    asyncio.run(main())


def test_then_chains_transform_values_and_turn_exceptions_into_rejections():
    p = Promise.resolve(1).then(lambda v: v + 1).then(lambda v: v * 10)
    assert settle(p) == 20

    def boom(_):
        raise KeyError("k")

    failed = Promise.resolve(1).then(boom).then(lambda v: "skipped")
    with pytest.raises(KeyError):
        settle(failed)
    assert settle(Promise.reject("r").catch(lambda r: f"caught {r}")) == "caught r"


def test_executor_is_synchronous_and_its_exception_rejects():
    seen = []
    p = Promise(lambda resolve, reject: seen.append("ran") or resolve(5))
    assert seen == ["ran"] and p.state == "fulfilled"

    def throws(resolve, reject):
        raise ValueError("in executor")

    with pytest.raises(ValueError, match="in executor"):
        settle(Promise(throws))
    with pytest.raises(TypeError, match="is not a function"):
        Promise(None)  # type: ignore[arg-type]


def test_first_resolution_wins():
    def executor(resolve, reject):
        resolve("a")
        reject("b")
        resolve("c")

    assert settle(Promise(executor)) == "a"


def test_thenables_nested_promises_and_awaitables_are_adopted():
    class Thenable:
        def then(self, ok, err):
            ok("from thenable")

    assert settle(Promise.resolve(Thenable())) == "from thenable"
    assert settle(Promise.resolve({"then": lambda ok, err: err("no")}).catch(str)) == "no"
    assert settle(Promise.resolve(Promise.resolve(Promise.resolve(3)))) == 3
    assert settle(Promise.resolve(1).then(lambda _: asyncio.sleep(0, "coro"))) == "coro"


def test_resolving_with_itself_is_a_type_error():
    holder = {}
    p = Promise(lambda resolve, reject: holder.update(resolve=resolve))
    holder["resolve"](p)
    with pytest.raises(TypeError, match="Chaining cycle"):
        settle(p)


def test_finally_passes_the_outcome_through_unless_it_throws():
    calls = []
    assert settle(Promise.resolve(1).finally_(lambda: calls.append("f"))) == 1
    with pytest.raises(JsException, match="'r'"):
        settle(getattr(Promise.reject("r"), "finally")(lambda: calls.append("g")))
    assert calls == ["f", "g"]

    def throws():
        raise RuntimeError("from finally")

    with pytest.raises(RuntimeError, match="from finally"):
        settle(Promise.resolve(1).finally_(throws))


def test_reactions_run_fifo_and_never_synchronously():
    order = []

    def go():
        a, b = Promise.resolve("a"), Promise.resolve("b")
        a.then(order.append).then(lambda _: order.append("a2"))
        b.then(order.append).then(lambda _: order.append("b2"))
        eventloop.set_timeout(lambda: order.append("timer"), 0)
        order.append("sync")

    drained(go)
    assert order == ["sync", "a", "b", "a2", "b2", "timer"]


def test_statics():
    assert settle(Promise.all([])) == []
    assert settle(Promise.all([1, Promise.resolve(2)])) == [1, 2]
    assert settle(Promise.allSettled([Promise.reject("x")])) == [
        {"status": "rejected", "reason": "x"}
    ]
    assert settle(Promise.race([Promise(lambda ok, err: None), Promise.resolve("won")])) == "won"
    with pytest.raises(AggregateError) as caught:
        settle(Promise.any([]))
    assert caught.value.errors == []
    with pytest.raises(TypeError, match="not iterable"):
        settle(Promise.race(3))


def test_a_cancelled_task_rejects_with_cancelled_error():
    async def main():
        task = asyncio.ensure_future(asyncio.sleep(5))
        p = Promise.resolve(task)
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await p
        return "ok"

    assert asyncio.run(main()) == "ok"


def test_awaiting_needs_a_running_loop_but_run_starts_one():
    with pytest.raises(RuntimeError):
        Promise.resolve(1).__await__().send(None)
    from wasmbindgen import run

    assert run(Promise.resolve(7)) == 7


outcomes = st.lists(st.tuples(st.booleans(), st.integers()), max_size=8)


@given(outcomes)
def test_all_and_all_settled_agree_with_their_inputs(items):
    promises = [Promise.resolve(v) if ok else Promise.reject(v) for ok, v in items]
    settled = settle(Promise.allSettled(promises))
    assert settled == [
        {"status": "fulfilled", "value": v} if ok else {"status": "rejected", "reason": v}
        for ok, v in items
    ]
    first_rejection = next((v for ok, v in items if not ok), None)
    if first_rejection is None:
        assert settle(Promise.all(promises)) == [v for _, v in items]
    else:
        with pytest.raises(JsException) as caught:
            settle(Promise.all(promises))
        assert caught.value.value == first_rejection
