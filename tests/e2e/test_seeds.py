"""The seed documents' examples (``shared/seeds/``), built as test crates as close to verbatim as
a runnable crate allows, with the host functions they name provided here."""

from __future__ import annotations

import asyncio

import pytest

import wasmbindgen
from crate_builds import JS_SYS_FUTURES, UNWIND
from wasmbindgen import RustPanic
from wasmbindgen.imports_report import import_uses
from wasmbindgen.pipeline import analyse
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


# ---- promises-and-futures.txt ----


async def later(value, delay=0.0):
    await asyncio.sleep(delay)
    return value


def futures_scope():
    from wasmbindgen import Promise
    from wasmbindgen.runtime.builtins.buffers import ArrayBuffer
    from wasmbindgen.runtime.builtins.typed_arrays import Uint8Array

    def fetch_item(i, fail):
        if fail and i % 2:
            return Promise.reject(f"no item {i}")
        return later(f"item {i}", 0.001 * (10 - i))  # later items settle first

    async def failing():
        raise ValueError("three failed")

    return {
        "fetch_number": lambda: later(8),
        "fetchNumbers": lambda: later([1, 2, 3.5]),
        "fetch_item": fetch_item,
        "fetch_buffer": lambda: later(ArrayBuffer(5)),
        "async_func_1_ret_number": lambda: later(7),
        "async_func_2": lambda: later(None),
        "async_func_3_ret_string": lambda: later("three"),
        "async_func_4_ret_array": lambda: later(Uint8Array([1, 2])),
        "async_func_3": failing,
        "async_func_4": lambda: later(None),
    }


@pytest.fixture(params=["default", "js-sys-futures"])
def seed_futures(request, release, wasm_path, js_sys_futures_wasm_path):
    """The futures seed crate; also built with #[wasm_bindgen] emitting js_sys::futures."""
    if request.param != "default" and release != JS_SYS_FUTURES.release:
        pytest.skip(f"the js-sys-futures build is of wasm-bindgen {JS_SYS_FUTURES.release}")
    paths = wasm_path if request.param == "default" else js_sys_futures_wasm_path
    return wasmbindgen.load(paths("seed_futures"), globals=futures_scope())


FUTURES_RESULTS = {
    "awaiting_directly": 50,  # Promise::resolve(42).await + Promise<Number> 8
    "js_futures": 4243,  # js_sys::futures::JsFuture 42, wasm_bindgen_futures::JsFuture 43
    "async_imports": "7 three [1, 2]",
    "async_imports_catching": "err JsValue(ValueError: three failed\n) / ok",
    "spawned": 5,
    "all_iterable": ",".join(f"item {i}" for i in range(10)),
    "all_iterable_rejects": 'rejected with JsValue("no item 1")',
    "all_settled_iterable": 'ok item 0; failed JsValue("no item 1"); ok item 2; '
    'failed JsValue("no item 3")',
    "race_iterable": "item 9",  # the last item settles first
    "array_of": 3,
    "all_tuple": "item 1 5",
    "all_tuple_arities": "item 0 | item 7 | "
    + " | ".join(",".join(f"item {i}" for i in range(n)) for n in range(2, 8)),
    "all_settled_tuple": 'failed JsValue("no item 1") / 5',
    "all_settled_tuple_arities": "true FRFRFRFR",  # odd items reject
    "mixing_futures": "item 2,from rust | item 3 3",
    "generic_promises": 6.5,
}


@pytest.mark.parametrize("name", sorted(FUTURES_RESULTS))
def test_futures_seed_examples(seed_futures, name):
    assert wasmbindgen.run(getattr(seed_futures, name)()) == FUTURES_RESULTS[name]


def test_futures_seed_async_exports_and_future_to_promise(seed_futures):
    m = seed_futures
    assert wasmbindgen.run(m.foo()) is None and m.foo_calls() == 1
    assert wasmbindgen.run(m.returns_value(1)) == 2
    assert wasmbindgen.run(m.returns_unit_result(False)) is None
    with pytest.raises(wasmbindgen.JsException, match="unit failed"):
        wasmbindgen.run(m.returns_unit_result(True))
    assert wasmbindgen.run(m.returns_result(False)) == "value"
    with pytest.raises(wasmbindgen.Error, match="value failed"):
        wasmbindgen.run(m.returns_result(True))
    promise = m.make_promise()  # future_to_promise: the Promise itself
    assert isinstance(promise, wasmbindgen.Promise) and wasmbindgen.run(promise) == 42


# ---- js-interop-overview.txt ----


def test_plain_wasm_imports_and_exports_beside_wasm_bindgen(wasm_path):
    """``extern { fn foo(); }`` from module "env" and an exported ``bar``: numbers only, the
    import found in ``modules={"env": ...}`` as in a JS import object."""
    calls = []
    env = {"foo": lambda: calls.append("foo"), "add_numbers": lambda a, b: a + b}
    m = wasmbindgen.load(wasm_path("seed_js_interop"), modules={"env": env})
    assert m.bar() is None and calls == ["foo"]
    assert m.scaled_sum(2, 0.5) == 5.0
    assert m.greet("world") == "Hello, world!"
    with pytest.raises(TypeError, match=r"bar\(\) takes 0 argument\(s\), got 1"):
        m.bar(1)
    with pytest.raises(TypeError, match="wasm numbers"):
        m.scaled_sum("2", 0.5)


def test_an_unprovided_plain_import_is_a_name_error_when_called(wasm_path):
    m = wasmbindgen.load(wasm_path("seed_js_interop"))
    with pytest.raises(NameError, match=r"modules=\{'env'"):
        m.bar()
    assert m.greet("still") == "Hello, still!"  # the instance is fine
    rows = {
        (row.js_path, row.resolves)
        for row in import_uses(analyse(wasm_path("seed_js_interop").read_bytes(), "j").interface)
    }
    assert ("env.foo", "unresolved") in rows and ("env.add_numbers", "unresolved") in rows
