"""Closures both ways (the seed's closures document): stack closures and heap closures."""

from __future__ import annotations

import gc

import pytest

import wasmbindgen
from wasmbindgen import ExpiredClosureError


@pytest.fixture
def kept():
    return {}


@pytest.fixture
def m(wasm_path, kept):
    scope = {
        "call_fn0": lambda f: f(),
        "call_fn2": lambda f: f(3, 4),
        "call_fn_str": lambda f: f("a", "b"),
        "call_fnmut": lambda f: f(1.5) + f(2.0),
        "call_fn7": lambda f: f(255, -3, 7, -(2**40), 1.5, True, "😀"),
        "keep": lambda f: kept.__setitem__("f", f),
        "keep_closure": lambda f: kept.__setitem__("c", f),
        "keep_opt": lambda f: f is not None,
        "reenter": lambda f: f(f),
        "call_heap": lambda f, x: f(x),
    }
    return wasmbindgen.load(wasm_path("closures"), globals=scope)


def test_stack_closures(m):
    assert m.stack_fn0() is None
    assert m.stack_fn2() == 34
    assert m.stack_str() == "a+b"
    assert m.stack_fnmut() == 8.5
    assert m.stack_fn7() == "255 -3 7 -1099511627776 1.5 true 😀"


def test_stack_closure_expires_after_the_import(wasm_path):
    stash = {}
    m = wasmbindgen.load(wasm_path("closures"), globals={"call_fn0": lambda f: stash.update(f=f)})
    m.stack_fn0()
    with pytest.raises(ExpiredClosureError, match="closure passed to call_fn0 has expired"):
        stash["f"]()


def test_heap_closure_lives_until_rust_drops_it(m, kept):
    held = m.Held()
    assert kept["c"](5) == 10 and kept["c"](6) == 12
    assert held.calls() == 2
    held.drop_closure()
    with pytest.raises(ExpiredClosureError, match="dropped"):
        kept["c"](1)


def test_forget_into_js_value_and_as_ref(m, kept):
    m.heap_fn_str()
    assert kept["f"]("abc") == "ABC"
    f = m.heap_into_value()
    assert (f(1), f(2)) == (1.5, 2.5)
    assert f(1, 2) == 1.5  # extra arguments are ignored, as in JS
    with pytest.raises(TypeError, match="not NoneType"):
        f()  # a missing argument is undefined, as in JS, which a u32 cannot take


def test_once(m):
    once = m.heap_once()
    assert once() == "once!"
    with pytest.raises(ExpiredClosureError):
        once()
    once_closure = m.heap_once_closure()
    assert once_closure() == 3
    with pytest.raises(wasmbindgen.Error, match="FnOnce called more than once"):
        once_closure()


def test_option_closure_and_drop_during_call(m):
    assert m.opt_closure(True) is True and m.opt_closure(False) is False
    drops_itself = m.self_dropping()
    assert drops_itself() is None  # Rust drops it while it runs; destroyed when the call ends
    with pytest.raises(ExpiredClosureError):
        drops_itself()


def test_reentrant_fnmut_is_refused(m):
    recursive = m.recursive()
    with pytest.raises(wasmbindgen.Error, match="invoked recursively"):
        recursive(recursive)
    assert m.stack_fn2() == 34  # the instance is intact


def test_churn_leaves_heap_and_memory_flat(m):
    m.churn(1000)  # warm up: allocator pools, adapter cache
    heap, memory = wasmbindgen.heap_live_count(m), m.memory_bytes()
    assert m.churn(100_000) == (sum(range(100_000)) + 100_000) % 2**32
    assert wasmbindgen.heap_live_count(m) == heap
    assert m.memory_bytes() == memory


def test_python_callables_called_from_rust(m):
    assert m.call_python(lambda *args: sum(args), [4]) == (
        "JsValue(0) JsValue(1) JsValue(3) JsValue(6) JsValue(4) JsValue(30)"
    )

    def boom(*args):
        raise KeyError("from python")

    with pytest.raises(KeyError, match="from python"):  # catch import: Err in Rust, `?` rethrows
        m.call_python(boom, [])


def test_a_panic_inside_a_closure_poisons_the_instance(wasm_path):
    m = wasmbindgen.load(wasm_path("closures"))
    f = m.panicking_closure()
    assert f(0) == 0
    with pytest.raises(wasmbindgen.RustPanic, match="unreachable"):
        f(1)
    with pytest.raises(wasmbindgen.RustPanic, match="refuses further calls"):
        f(0)
    with pytest.raises(wasmbindgen.RustPanic, match="refuses further calls"):
        m.add(1, 2)
    assert wasmbindgen.load(wasm_path("closures")).add(1, 2) == 3


def test_a_panic_in_a_closure_called_by_a_python_import_reaches_the_caller(wasm_path):
    m = wasmbindgen.load(wasm_path("closures"), globals={"call_heap": lambda f, x: f(x)})
    f = m.panicking_closure()
    with pytest.raises(wasmbindgen.RustPanic):
        m.call_n(lambda i: f(i + 1), 3)
    with pytest.raises(wasmbindgen.RustPanic, match="refuses further calls"):
        m.add(1, 2)


def test_python_callbacks_called_from_rust_in_a_loop(m):
    seen = []
    assert m.call_n(seen.append, 5) == 5
    assert seen == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="no"):  # call1 is `catch`: Err, then `?` throws it
        m.call_n(lambda i: (_ for _ in ()).throw(ValueError("no")), 2)
    assert m.add_one_closure()(41) == 42


def test_a_given_away_closure_is_destroyed_when_python_collects_it(wasm_path, release):
    """``into_js_value`` hands the closure to the host: from 0.2.105 the host destroys it (Rust
    drops what it owns) once Python collects the function, as JS's FinalizationRegistry does;
    0.2.83 leaks it, as JS did then."""
    m = wasmbindgen.load(wasm_path("closures"))
    f = m.tracked_closure()
    assert f() == 1 and m.trackers_dropped() == 0
    del f
    gc.collect()
    m.trackers_dropped()  # the destructor runs before the next call into the module
    assert m.trackers_dropped() == (0 if release == "0.2.83" else 1)
