"""Promises and futures (the seed's promises-and-futures document) through a real Rust crate.

The crate awaits and makes promises through ``tests/crates/wasm-bindgen-futures``, a test-only
stand-in with the real crate's public surface and host protocol.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

import wasmbindgen
from wasmbindgen import JsException, Promise, RustPanic


@pytest.fixture
def log():
    return []


async def py_value(x):
    await asyncio.sleep(0)
    return x * 10


async def py_nothing():
    await asyncio.sleep(0)


async def py_may_fail(fail):
    if fail:
        raise ValueError("python failed")
    return "fine"


async def py_may_fail_unit(fail):
    if fail:
        raise KeyError("unit failed")


@pytest.fixture
def host():
    """What ``host_awaitable`` returns next (a factory, called when Rust asks)."""
    return {"make": lambda: asyncio.sleep(0, "slept")}


@pytest.fixture
def m(wasm_path, log, host):
    scope = {
        "record": log.append,
        "py_value": py_value,
        "py_nothing": py_nothing,
        "py_may_fail": py_may_fail,
        "py_may_fail_unit": py_may_fail_unit,
        "host_awaitable": lambda: host["make"](),
    }
    return wasmbindgen.load(wasm_path("promises"), globals=scope)


def run(coro):
    return asyncio.run(coro)


# ---- async exports ----


def test_async_exports_are_awaited_like_coroutine_functions(m, log):
    async def main():
        assert await m.unit_async() is None
        assert log == ["unit_async ran"]
        assert await m.double_async(21) == 42
        assert await m.greet_async("Ferris") == "hello Ferris"
        assert await m.checked_async(1) == 2
        counter = await m.make_counter_async(5)
        assert isinstance(counter, m.Counter) and counter.get() == 5
        assert await m.Counter(3).plus_async(4) == 7  # the temporary lives until it settles

    run(main())


def test_async_export_errors_raise(m):
    async def main():
        with pytest.raises(wasmbindgen.Error, match="negative input"):
            await m.checked_async(-1)
        with pytest.raises(JsException) as caught:
            await m.checked_unit(-1)
        assert caught.value.value == "plain value"
        assert await m.checked_unit(1) is None

    run(main())


def test_asyncio_run_create_task_gather_and_wait_for_accept_async_exports(m):
    assert asyncio.run(m.double_async(4)) == 8

    async def main():
        task = asyncio.create_task(m.double_async(5))
        results = await asyncio.gather(m.double_async(1), m.await_py_value(2), task)
        assert results == [2, 21, 10]
        assert await asyncio.wait_for(m.double_async(6), timeout=1) == 12

    run(main())


def test_calling_an_async_export_outside_a_loop_runs_when_awaited(m, log):
    coro = m.unit_async()  # the Rust future is queued; no loop is running yet
    assert log == []
    assert wasmbindgen.run(coro) is None
    assert log == ["unit_async ran"]
    assert wasmbindgen.run(m.to_promise(True)) == 42


def test_cancelling_the_python_side_leaves_the_instance_usable(m):
    async def slow(x):
        await asyncio.sleep(10)

    m2 = m  # the Rust future keeps waiting on the host; cancellation only stops our waiting

    async def main():
        m2._wb_rt.scope["py_value"] = slow
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(m2.await_py_value(1), timeout=0.01)
        assert await m2.double_async(2) == 4

    run(main())


def test_ten_thousand_concurrent_awaits_on_one_loop(m):
    async def main():
        return await asyncio.gather(*(m.add_async(i, 1) for i in range(10_000)))

    run(m.add_async(0, 1))  # the executor's queue (a promise or a closure) exists now
    before = wasmbindgen.heap_live_count(m)
    assert run(main()) == [i * 10 + 1 for i in range(10_000)]
    assert wasmbindgen.heap_live_count(m) == before  # nothing leaked


# ---- Rust awaiting the host ----


@pytest.mark.parametrize(
    "make",
    [
        lambda: asyncio.sleep(0, "slept"),  # a coroutine
        lambda: asyncio.ensure_future(asyncio.sleep(0, "slept")),  # a Task
        lambda: _done_future("slept"),  # an asyncio.Future
        lambda: Promise.resolve("slept"),  # a Promise
        lambda: Promise.resolve({"then": lambda ok, err: ok("slept")}),  # an adopted thenable
    ],
    ids=["coroutine", "task", "future", "promise", "thenable"],
)
def test_jsfuture_awaits_every_kind_of_python_awaitable(m, host, make):
    host["make"] = make
    assert run(m.await_host()) == "slept"


def test_a_bare_thenable_is_called_as_javascript_would(m, host, release):
    """Rust calls ``then`` on what it holds, as JS does: a bare thenable that answers at once
    satisfies wasm-bindgen-futures 0.4.33, while later JsFutures assert (as in JS) that a
    Promise never calls back synchronously."""
    host["make"] = lambda: {"then": lambda ok, err: ok("slept")}
    if release == "0.2.83":
        assert run(m.await_host()) == "slept"
    else:
        with pytest.raises(RustPanic):
            run(m.await_host())


def _done_future(value):
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.001, future.set_result, value)
    return future


def test_imported_async_functions_bound_to_async_def(m):
    async def main():
        assert await m.await_py_value(4) == 41
        assert await m.await_py_nothing() == 7
        assert await m.await_py_may_fail(False) == "fine"
        with pytest.raises(ValueError, match="python failed"):  # catch: Err, returned as Err
            await m.await_py_may_fail(True)
        assert (await m.await_py_may_fail_unit(True)).startswith("caught")
        assert await m.await_py_may_fail_unit(False) == "ok"

    run(main())


def test_a_python_awaitable_that_is_cancelled_rejects_in_rust(m, host):
    async def main():
        task = asyncio.ensure_future(asyncio.sleep(10))
        host["make"] = lambda: task
        pending = m.await_host()
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await pending
        assert await m.double_async(1) == 2

    run(main())


# ---- spawn_local and future_to_promise ----


def test_spawn_local_runs_tasks_on_microtasks_in_order(m, log):
    async def main():
        m.spawn_two()
        log.append("python after the call")
        await asyncio.sleep(0.01)

    run(main())
    assert log == [
        "spawn: before",
        "spawn: after",
        "python after the call",
        "task 1",
        "task 2 start",
        "task 2 got 5",
    ]


def test_future_to_promise_fulfils_and_rejects(m):
    async def main():
        promise = m.to_promise(True)
        assert isinstance(promise, Promise)
        assert await promise == 42
        with pytest.raises(JsException, match="rejected by Rust"):
            await m.to_promise(False)

    run(main())


# ---- js-sys Promise bindings ----


def test_promise_new_runs_the_executor_synchronously_and_ignores_second_resolutions(m, log):
    promise = m.with_executor(True)
    assert log == ["executor ran"]
    assert promise.state == "fulfilled"
    assert run(_await(promise)) == "first"
    with pytest.raises(JsException, match="'no'"):
        run(_await(m.with_executor(False)))


async def _await(awaitable):
    return await awaitable


def test_resolve_reject_then_then2_catch_finally(m, log):
    async def main():
        assert await m.observe(m.resolve(5), "A") == 5
        await asyncio.sleep(0)
        assert log == ["A then 5", "A then2 ok 5", "A finally"]
        log.clear()
        with pytest.raises(JsException, match="'bad'"):
            await m.observe(m.reject("bad"), "B")
        await asyncio.sleep(0)
        assert log == ["B then2 err bad", "B catch bad", "B finally"]

    run(main())


def test_all_all_settled_race_any(m):
    async def main():
        assert await m.all([1, m.resolve(2), py_value(3)]) == [1, 2, 30]
        with pytest.raises(JsException, match="'no'"):
            await m.all([1, m.reject("no")])
        assert await m.all_settled([1, m.reject(2)]) == [
            {"status": "fulfilled", "value": 1},
            {"status": "rejected", "reason": 2},
        ]
        assert await m.race([asyncio.sleep(0.05, "slow"), asyncio.sleep(0, "fast")]) == "fast"
        assert await m.any([m.reject(1), m.resolve(9)]) == 9
        with pytest.raises(wasmbindgen.AggregateError) as caught:
            await m.any([m.reject(1), m.reject(2)])
        assert caught.value.errors == [1, 2]
        assert await m.await_each([1, m.reject("x"), asyncio.sleep(0, "s")]) == "ok:1,err:x,ok:s"

    run(main())


def test_combinators_reject_a_non_iterable_with_type_error(m):
    with pytest.raises(TypeError, match=r"Promise\.all: int is not iterable"):
        run(_await(m.all(5)))


# ---- ordering ----


def test_microtasks_run_fifo_before_timers(m, log):
    async def main():
        m.ordering()
        await asyncio.sleep(0.01)

    run(main())
    assert log == ["sync end", "promise a", "task", "promise b", "timer"]


# ---- bad input ----


def test_a_rejection_nobody_handles_is_reported_like_asyncio_does(m, caplog):
    async def main():
        m.reject("ignored")
        await asyncio.sleep(0.01)

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        run(main())
    assert "a promise nobody handled" in caplog.text
    assert "ignored" in caplog.text


def test_a_handled_rejection_is_not_reported(m, caplog):
    async def main():
        with pytest.raises(JsException):
            await m.reject("seen")
        await asyncio.sleep(0.01)

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        run(main())
    assert "nobody handled" not in caplog.text


def test_a_rust_future_that_panics_rejects_with_rust_panic(wasm_path, caplog):
    m = wasmbindgen.load(wasm_path("promises"))

    async def main():
        assert await m.panics_async(0) == 0
        with pytest.raises(RustPanic, match="unreachable"):
            await m.panics_async(1)

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        run(main())
    with pytest.raises(RustPanic, match="refuses further calls"):
        m.add(1, 2)
    assert wasmbindgen.load(wasm_path("promises")).add(1, 2) == 3
