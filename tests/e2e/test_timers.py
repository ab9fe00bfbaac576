"""Timers and microtasks from the default global scope, on the running asyncio loop."""

from __future__ import annotations

import asyncio
import logging

import pytest

import wasmbindgen
from wasmbindgen import NoEventLoopError
from wasmbindgen.runtime import eventloop


@pytest.fixture
def log():
    return []


@pytest.fixture
def m(wasm_path, log):
    return wasmbindgen.load(wasm_path("closures"), globals={"record": log.append})


def test_the_seed_interval_logs_every_second_until_freed(m, capsys):
    async def main():
        interval = m.hello()
        await asyncio.sleep(2.2)
        interval.free()
        await asyncio.sleep(1.1)

    asyncio.run(main())
    assert capsys.readouterr().out == "hello\nhello\n"


def test_interval_stops_when_the_rust_value_is_freed(m, log):
    async def main():
        interval = m.ticker(20)
        await asyncio.sleep(0.11)
        assert m.interval_closure_alive(interval)
        assert eventloop.pending_timers() == 1
        interval.free()
        seen = len(log)
        await asyncio.sleep(0.06)
        assert len(log) == seen
        assert eventloop.pending_timers() == 0

    asyncio.run(main())
    assert log[:4] == ["tick 1", "tick 2", "tick 3", "tick 4"]


def test_microtasks_run_fifo_before_a_zero_delay_timer(m, log):
    async def main():
        m.schedule_order()
        log.append("after the call")
        await asyncio.sleep(0.01)

    asyncio.run(main())
    assert log == ["after the call", "micro1", "micro2", "micro3", "timeout"]


def test_a_cleared_timeout_never_fires(m, log):
    async def main():
        m.cancelled_timeout()
        await asyncio.sleep(0.03)

    asyncio.run(main())
    assert log == []


def test_timers_need_a_running_loop(m):
    with pytest.raises(NoEventLoopError, match=r"setInterval needs a running asyncio event loop"):
        m.ticker(10)
    # The instance is still usable: the error came from the host, not from a trap.
    assert m.add(2, 3) == 5


def test_a_microtask_queued_without_a_loop_runs_when_one_does(log):
    eventloop.queue_microtask(lambda: log.append("late"))
    assert log == []

    async def main():
        eventloop.set_timeout(lambda: log.append("timer"), 0)
        await asyncio.sleep(0.01)

    asyncio.run(main())
    assert log == ["late", "timer"]


def test_an_exception_in_a_timer_callback_is_reported_to_the_loop(caplog):
    def boom():
        raise ValueError("from the callback")

    async def main():
        eventloop.set_timeout(boom, 0)
        await asyncio.sleep(0.01)

    with caplog.at_level(logging.ERROR, logger="asyncio"):
        asyncio.run(main())
    assert "uncaught exception in a setTimeout callback" in caplog.text
    assert "from the callback" in caplog.text


def test_timer_arguments_and_bad_handlers():
    seen = []

    async def main():
        eventloop.set_timeout(lambda *a: seen.append(a), -5, 1, "two")
        with pytest.raises(TypeError, match="handler must be a function"):
            eventloop.set_timeout("alert(1)", 0)
        await asyncio.sleep(0.01)

    asyncio.run(main())
    assert seen == [(1, "two")]
