"""The JS event loop on asyncio: one FIFO microtask queue, and timers.

JavaScript runs every queued microtask before the next task (timer callback). Here the queue is
drained by one ``call_soon`` callback on the running asyncio loop, and each timer callback drains
the queue before and after it runs, so microtasks always come before any timer. Microtasks queued
while no loop is running wait and run as soon as a loop runs wasmbindgen code again (the next
microtask, timer or awaited ``Promise``); timers need a running loop and raise
``NoEventLoopError`` without one, since they could never fire.

One queue serves every instance in the process, as one JS agent does: use wasmbindgen from one
thread at a time.
"""

from __future__ import annotations

import asyncio
import logging
import math
import weakref
from collections import deque
from collections.abc import Callable
from itertools import count
from typing import Any

from ..errors import NoEventLoopError
from . import jsops

_asyncio_logger = logging.getLogger("asyncio")
Job = Callable[[], Any]
_microtasks: deque[Job] = deque()
_drain_loop: asyncio.AbstractEventLoop | None = None  # the loop a drain is scheduled on
_draining = False
after_checkpoint: list[Callable[[], None]] = []  # run after each drain (unhandled rejections)
_timer_ids = count(1)
_timers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, asyncio.TimerHandle]] = (
    weakref.WeakKeyDictionary()
)


def running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def queue_microtask(job: Job) -> None:
    """Run ``job()`` after the current task, before any timer, in FIFO order with other jobs."""
    _microtasks.append(job)
    if not _draining and (_drain_loop is None or _drain_loop.is_closed()):
        schedule_drain()


def has_microtasks() -> bool:
    return bool(_microtasks)


def schedule_drain(force: bool = False) -> None:
    """Have the running loop drain the microtask queue soon (no-op without a loop). ``force``
    asks for a checkpoint even with the queue empty (to report unhandled rejections)."""
    global _drain_loop
    loop = running_loop()
    if loop is not None and (_microtasks or force) and loop is not _drain_loop:
        _drain_loop = loop
        loop.call_soon(_scheduled_drain)


def _scheduled_drain() -> None:
    global _drain_loop
    _drain_loop = None
    run_microtasks()


def run_microtasks() -> None:
    """Drain the queue, jobs queued meanwhile included (a microtask checkpoint)."""
    global _draining
    if _draining:  # a job awaited something synchronously: the outer drain carries on
        return
    _draining = True
    try:
        while _microtasks:
            job = _microtasks.popleft()
            try:
                job()
            except Exception as exc:  # reported as a JS host reports uncaught errors
                report_uncaught("a microtask", exc)
    finally:
        _draining = False
    for hook in after_checkpoint:
        hook()


def report_uncaught(where: str, exc: BaseException) -> None:
    """Hand an error nobody caught to the loop's exception handler (asyncio's default logs it)."""
    context = {"message": f"wasmbindgen: uncaught exception in {where}", "exception": exc}
    loop = running_loop()
    if loop is not None:
        loop.call_exception_handler(context)
    else:  # what asyncio's default handler does, without a loop to ask
        _asyncio_logger.error(context["message"], exc_info=exc)


def _delay_seconds(delay: Any) -> float:
    ms = jsops.to_number(delay) if delay is not None else 0.0
    if math.isnan(ms) or ms < 0 or ms > 2**31 - 1:  # as HTML's timer initialisation steps
        ms = 0.0
    return ms / 1000.0


def _start_timer(name: str, handler: Any, delay: Any, args: tuple[Any, ...], repeat: bool) -> int:
    if not callable(handler):
        raise TypeError(
            f"{name}: the handler must be a function (a string of code would need eval, "
            "which wasmbindgen does not provide)"
        )
    loop = running_loop()
    if loop is None:
        raise NoEventLoopError(
            f"{name} needs a running asyncio event loop: call into the module from inside "
            "asyncio.run(...) or a coroutine, or the timer could never fire"
        )
    schedule_drain()  # microtasks queued while no loop ran go first
    timer_id = next(_timer_ids)
    seconds = _delay_seconds(delay)
    timers = _timers.setdefault(loop, {})

    def fire() -> None:
        if repeat:
            timers[timer_id] = loop.call_later(seconds, fire)
        else:
            timers.pop(timer_id, None)
        run_microtasks()
        try:
            handler(*args)
        except Exception as exc:  # reported as a JS host reports uncaught errors
            report_uncaught(f"a {name} callback", exc)
        run_microtasks()

    timers[timer_id] = loop.call_later(seconds, fire)
    return timer_id


def set_timeout(handler: Any = None, delay: Any = 0, *args: Any) -> int:
    """``setTimeout(handler, ms, ...args)``: a timer id for ``clearTimeout``."""
    return _start_timer("setTimeout", handler, delay, args, repeat=False)


def set_interval(handler: Any = None, delay: Any = 0, *args: Any) -> int:
    """``setInterval(handler, ms, ...args)``: a timer id for ``clearInterval``."""
    return _start_timer("setInterval", handler, delay, args, repeat=True)


def clear_timer(timer_id: Any = None) -> None:
    """``clearTimeout``/``clearInterval`` (one id space, as in JS); unknown ids are ignored."""
    if isinstance(timer_id, float) and timer_id.is_integer():
        timer_id = int(timer_id)
    for timers in list(_timers.values()):
        handle = timers.pop(timer_id, None) if isinstance(timer_id, int) else None
        if handle is not None:
            handle.cancel()
            return


def pending_timers() -> int:
    """How many timers are set on the running loop (for tests and diagnostics)."""
    loop = running_loop()
    return len(_timers.get(loop, {})) if loop is not None else 0


def queue_microtask_global(callback: Any = None) -> None:
    """The global ``queueMicrotask(callback)``."""
    if not callable(callback):
        raise TypeError("queueMicrotask: the argument must be a function")
    queue_microtask(callback)


TIMER_GLOBALS: dict[str, Callable[..., Any]] = {
    "setTimeout": set_timeout,
    "clearTimeout": clear_timer,
    "setInterval": set_interval,
    "clearInterval": clear_timer,
    "queueMicrotask": queue_microtask_global,
}
