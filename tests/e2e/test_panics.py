"""Panics under panic=unwind (``tests/crates/panics``, built both ways): wasm-bindgen catches them
at its boundaries and throws a ``PanicError``, a catchable exception, and the instance lives on;
``*_aborting`` closures, and panics no boundary catches (in a ``Drop``), are hard aborts. With
panic=abort every panic is a ``RustPanic`` that poisons the instance, as before."""

from __future__ import annotations

import asyncio

import pytest

import wasmbindgen
from wasmbindgen import PanicError, RustPanic


def load(path):
    box = {}
    scope = {
        "call_me": lambda f, x: f(x),
        "call_me_catching": lambda f, x: f(x),
        "call_stack": lambda f, x: f(x),
        "call_back_into_rust": lambda x: box["m"].double_or_panic(x),
        "call_plain": lambda f: f(),
        "call_scoped": lambda f: f(),
        "call_scoped_fn": lambda f: f(),
    }
    box["m"] = wasmbindgen.load(path, globals=scope)
    return box["m"]


@pytest.fixture
def m(unwind_wasm_path):
    return load(unwind_wasm_path("panics"))


def test_a_panicking_export_raises_panic_error_and_the_instance_lives_on(m):
    assert m.double_or_panic(2) == 4
    live = wasmbindgen.heap_live_count(m)
    for _ in range(50):
        with pytest.raises(PanicError, match=r"^x must not be zero$") as info:
            m.double_or_panic(0)
        assert isinstance(info.value, wasmbindgen.Error) and info.value.name == "PanicError"
    assert m.double_or_panic(3) == 6
    assert m.calls() == 2  # Rust's state survived every unwind
    assert wasmbindgen.heap_live_count(m) == live  # and the host heap leaked nothing
    with pytest.raises(PanicError, match="formatted panic 5"):
        m.panic_with_string(5)
    assert m.echo_after_panic("é") == "still alive: é"


def test_a_catching_closure_raises_panic_error_and_stays_callable(m):
    f = m.catching_closure()
    assert f(1) == 2
    with pytest.raises(PanicError, match="closure got zero"):
        f(0)
    assert f(2) == 3


def test_a_stack_closure_panic_crosses_the_python_import(m):
    with pytest.raises(PanicError, match="stack closure got zero"):
        m.stack_closure_panics(0)
    assert m.stack_closure_panics(2) == 6


def test_a_panic_with_a_python_callback_on_the_stack(m):
    """Python → Rust → Python → Rust, the innermost Rust panicking."""
    with pytest.raises(PanicError, match="x must not be zero"):
        m.outer(0)
    assert m.outer(4) == 9


def test_an_async_export_that_panics_rejects_with_panic_error(m):
    with pytest.raises(PanicError, match="async got zero"):
        wasmbindgen.run(m.async_panics(0))
    assert wasmbindgen.run(m.async_panics(3)) == 3


def test_a_rejection_nobody_awaits_is_reported(m):
    reported = []

    async def main():
        asyncio.get_running_loop().set_exception_handler(lambda _loop, ctx: reported.append(ctx))
        coroutine = m.async_panics(0)  # started: the Rust future runs and panics
        await asyncio.sleep(0.01)
        coroutine.close()

    asyncio.run(main())
    assert any(isinstance(ctx.get("exception"), PanicError) for ctx in reported), reported


def test_a_panic_while_a_struct_is_borrowed_releases_the_borrow(m):
    g = m.Grumpy(7)
    with pytest.raises(PanicError, match=r"explode while borrowed \(7\)"):
        g.explode()
    assert g.value() == 7
    g.free()


def test_a_panic_in_drop_is_a_hard_abort(unwind_wasm_path):
    m = load(unwind_wasm_path("panics"))
    g = m.Grumpy(13)
    with pytest.raises(RustPanic, match=r"unwound out of the module uncaught.*hard abort"):
        g.free()
    with pytest.raises(RustPanic, match="trapped earlier"):
        m.echo_after_panic("x")
    assert load(unwind_wasm_path("panics")).echo_after_panic("y") == "still alive: y"


def test_an_aborting_closure_panic_is_a_hard_abort(unwind_wasm_path):
    m = load(unwind_wasm_path("panics"))
    f = m.aborting_closure()
    assert f(1) == 2
    with pytest.raises(RustPanic, match="hard abort"):
        f(0)
    with pytest.raises(RustPanic, match="trapped earlier"):
        m.double_or_panic(1)
    assert load(unwind_wasm_path("panics")).double_or_panic(1) == 2


ABORTING = [
    "own_aborting",
    "wrap_aborting",
    "once_aborting",
    "once_aborting_into_js",
    "borrow_aborting",
    "borrow_mut_aborting",
]


@pytest.mark.parametrize("variant", ABORTING)
def test_every_aborting_constructor_aborts_on_panic(unwind_wasm_path, variant):
    m = load(unwind_wasm_path("panics"))
    with pytest.raises(RustPanic, match="hard abort"):
        m.aborting_variant(variant)
    with pytest.raises(RustPanic, match="trapped earlier"):
        m.calls()


@pytest.mark.parametrize("variant", ABORTING)
def test_with_panic_abort_the_aborting_constructors_are_rust_panics(wasm_path, variant):
    with pytest.raises(RustPanic, match="unreachable"):
        load(wasm_path("panics")).aborting_variant(variant)


@pytest.mark.parametrize("call", ["export", "closure", "aborting"])
def test_with_panic_abort_every_panic_is_a_rust_panic(wasm_path, call):
    m = load(wasm_path("panics"))
    with pytest.raises(RustPanic):
        if call == "export":
            m.double_or_panic(0)
        elif call == "closure":
            m.catching_closure()(0)
        else:
            m.aborting_closure()(0)
    with pytest.raises(RustPanic, match="trapped earlier"):
        m.calls()
