"""The seed documents' examples (``shared/seeds/``), built as test crates as close to verbatim as
a runnable crate allows, with the host functions they name provided here."""

from __future__ import annotations

import asyncio

import pytest

import wasmbindgen
from crate_builds import UNWIND
from wasmbindgen import RustPanic
from wasmbindgen.runtime.eventloop import TIMER_GLOBALS


def closures_scope(log):
    def fast_interval(f, millis):  # the seed's 1 s interval, 50 times faster
        return TIMER_GLOBALS["setInterval"](f, millis / 50)

    return {
        "takes_immutable_closure": lambda f: f(),
        "takes_mutable_closure": lambda f: (f(), f(), f()),
        "takes_closure_that_takes_int_and_returns_string": lambda f: log.append(f(7)),
        "call_closure": lambda f: f(),
        "call_closure_catching": lambda f: f(),
        "setInterval": fast_interval,
        "console": type("Console", (), {"log": staticmethod(log.append)})(),
    }


@pytest.fixture(params=["abort", "unwind"])
def seed_closures(request, release, wasm_path, unwind_wasm_path):
    """``load()`` for the closures seed crate, built with panic=abort (every release that has
    the crate) and panic=unwind (the newest release)."""
    if request.param == "unwind" and release != UNWIND.release:
        pytest.skip(f"the panic=unwind build is of wasm-bindgen {UNWIND.release}")
    path = (wasm_path if request.param == "abort" else unwind_wasm_path)("seed_closures")
    return request.param, lambda log: wasmbindgen.load(path, globals=closures_scope(log))


def test_stack_lifetime_closures(seed_closures):
    _, load = seed_closures
    log = []
    m = load(log)
    assert m.stack_closures() == 3  # takes_mutable_closure called it three times
    m.int_to_string_closure()
    assert log == ["x is 7"]


def test_the_interval_logs_until_it_is_dropped(seed_closures):
    _, load = seed_closures
    log = []
    m = load(log)

    async def main():
        interval = m.hello()
        await asyncio.sleep(0.07)  # 20 ms per tick here: three ticks
        assert interval.alive()
        interval.free()  # Drop: clearInterval, then the Closure is dropped
        ticks = len(log)
        await asyncio.sleep(0.05)
        return ticks

    ticks = asyncio.run(main())
    assert ticks >= 2 and log == ["hello"] * ticks


def test_the_wrap_patterns_compile_and_run(seed_closures):
    _, load = seed_closures
    assert load([]).wrap_patterns() == 2


def test_an_asserted_unwind_safe_closure_catches_its_panic(seed_closures):
    build, load = seed_closures
    m = load([])
    assert m.assert_unwind_safe_variant(False) == "ok after 1 call(s)"
    if build == "unwind":
        caught = m.assert_unwind_safe_variant(True)
        assert caught == "caught: PanicError: asserted closure panicked after 1 call(s)"
    else:  # panic=abort: every panic is a RustPanic
        with pytest.raises(RustPanic):
            m.assert_unwind_safe_variant(True)


def test_an_aborting_closure_aborts_on_panic(seed_closures):
    _, load = seed_closures
    m = load([])
    assert m.abort_variant(False) == 1
    with pytest.raises(RustPanic):
        m.abort_variant(True)
    with pytest.raises(RustPanic, match="trapped earlier"):
        m.wrap_patterns()


def test_the_2018_spelling_on_the_release_that_takes_it(wasm_path):
    """``&Fn()``, ``Closure<FnMut()>`` and ``cancelInterval``, edition 2018: wasm-bindgen 0.2.83
    builds it; today's macro no longer parses bare trait objects."""
    log = []
    cancelled = []
    scope = closures_scope(log)

    def cancel_interval(token):
        cancelled.append(token)
        TIMER_GLOBALS["clearInterval"](token)

    m = wasmbindgen.load(
        wasm_path("seed_closures_2018"), globals={**scope, "cancelInterval": cancel_interval}
    )
    assert m.stack_closures() == 3
    m.int_to_string_closure()
    assert log == ["x is 7"]

    async def main():
        interval = m.hello()
        await asyncio.sleep(0.07)
        token = interval.token()
        interval.free()  # Drop: cancelInterval(token)
        ticks = log.count("hello")
        await asyncio.sleep(0.05)
        return token, ticks

    token, ticks = asyncio.run(main())
    assert cancelled == [token] and ticks >= 2 and log.count("hello") == ticks
