"""Imports of the `imports` crate bound to Python callables, objects and modules."""

from __future__ import annotations

import types

import pytest

import wasmbindgen
from wasmbindgen import JsException


class Widget:
    DEFAULT = "dflt"
    count = 2

    def __init__(self, size):
        if size > 100:
            raise ValueError("too big")
        self.size = size
        self.label = f"w{size}"
        self.items = {}

    def grow(self, by):
        self.size += by
        return self.size

    @staticmethod
    def default_size():
        return 42

    @classmethod
    def make(cls, size):
        return cls(size)

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __delitem__(self, key):
        del self.items[key]


def failing(fail):
    if fail:
        raise RuntimeError("nope")
    return 7


def throwing(fail):
    if fail:
        raise JsException("thrown value")
    return "s"


@pytest.fixture
def seen():
    return {}


@pytest.fixture
def imports(wasm_path, seen):
    def fill(view):
        seen["view"] = view
        for i in range(len(view)):
            view[i] = i * 3

    scope = {
        "host_add": lambda a, b: a + b,
        "host_upper": str.upper,
        "host_maybe": lambda s: None if s is None else s * 2,
        "host_opt_f64": lambda x: None if x is None else x / 2,
        "host_opt_u8": lambda x: None if x is None else x + 1,
        "host_bytes": lambda b: bytes(b)[::-1],
        "host_fill": fill,
        "host_value": lambda: {"a": 1},
        "host_u64": lambda x: x,
        "host_i64": lambda x: x,
        "host_bool": lambda x: not x,
        "host_char": lambda c: c.upper(),
        "host_f32": lambda x: x * 2,
        "host_owned_string": len,
        "host_values": lambda v: [*v, None],
        "hostRenamed": lambda: 99,
        "host_may_fail": failing,
        "host_may_fail_string": throwing,
        "host_sum": lambda first, *rest: first + sum(rest),
        "outer": {"inner": types.SimpleNamespace(nested=lambda: 11)},
        "Widget": Widget,
        "MAGIC": [1, 2],
    }
    return wasmbindgen.load(
        wasm_path("imports"), globals=scope, modules={"helpers": {"helper_double": lambda x: 2 * x}}
    )


def test_console_log_prints_by_default(wasm_path, capsys):
    m = wasmbindgen.load(wasm_path("imports"))
    m.hello("world")
    m.log_it([1, "x"])
    assert capsys.readouterr().out == 'Hello, world!\n[1, "x"]\n'


def test_values_both_ways(imports):
    assert imports.call_add(2, 3) == 5
    assert imports.call_upper("abc") == "ABC"
    assert imports.call_maybe(None) is None and imports.call_maybe("ab") == "abab"
    assert imports.call_opt_f64(None) is None and imports.call_opt_f64(3.0) == 1.5
    assert imports.call_opt_u8(None) is None and imports.call_opt_u8(4) == 5
    assert imports.call_bytes(b"abc") == b"cba"
    assert imports.call_value() == {"a": 1}
    assert imports.call_u64(2**64 - 1) == 2**64 - 1 and imports.call_i64(-5) == -5
    assert imports.call_bool(True) is False
    assert imports.call_char("x") == "X" and imports.call_f32(1.5) == 3.0
    assert imports.call_owned_string("héllo") == 5
    assert imports.call_values(3) == 4
    assert imports.call_renamed() == 99


def test_mut_slice_view_writes_memory_and_expires(imports, seen):
    assert imports.call_fill(4) == b"\x00\x03\x06\x09"
    with pytest.raises(ValueError, match="released"):
        seen["view"][0]


def test_catch(imports):
    assert imports.call_may_fail(False) == "ok 7"
    assert imports.call_may_fail(True).startswith("err JsValue(RuntimeError: nope")
    with pytest.raises(JsException) as info:
        imports.call_may_fail_string(True)
    assert info.value.value == "thrown value"
    assert imports.call_may_fail_string(False) == "s"


def test_uncaught_python_exception_propagates(wasm_path):
    def boom(a, b):
        raise ZeroDivisionError("from python")

    m = wasmbindgen.load(wasm_path("imports"), globals={"host_add": boom})
    with pytest.raises(ZeroDivisionError, match="from python"):
        m.call_add(1, 2)
    m.hello("still works")


def test_exceptions_unwinding_through_wasm_do_not_leak_the_shadow_stack(wasm_path):
    """Each failure skips the wasm frames' epilogues; without restoring the stack pointer,
    ~20,000 of them would overrun the module's data."""
    calls = []

    def flaky(text):
        calls.append(text)
        if len(calls) % 2:
            raise ZeroDivisionError("from python")
        return text.upper()

    m = wasmbindgen.load(wasm_path("imports"), globals={"host_upper": flaky})
    wasm = m._wb_rt.wasm
    stack_pointer = wasm.exports["__wbindgen_stack_pointer_export"]
    at_rest = stack_pointer.value(wasm.store)
    for _ in range(1000):
        with pytest.raises(ZeroDivisionError):
            m.call_upper("abc")
        assert m.call_upper("abc") == "ABC"
    assert stack_pointer.value(wasm.store) == at_rest


def test_variadic_namespace_modules(imports):
    assert imports.call_sum() == 6
    assert imports.call_nested() == 11
    assert imports.call_helper(21) == 42
    assert imports.call_gcd(12, 18) == 6  # raw_module "math" is Python's math module


def test_imported_class(imports):
    assert imports.widget_story() == "5 10 11 w3 Some(7.0) true 42 4 2 true"
    assert imports.try_widget(5) == "ok 5"
    assert imports.try_widget(500) == "err None"
    assert imports.is_widget(Widget(1)) and not imports.is_widget(3)


def test_structural_duck_typing(imports):
    obj = types.SimpleNamespace(name="Donald", quack=lambda: "quack")
    assert imports.duck(obj) == "Donald says quack"
    assert imports.duck({"name": "D", "quack": lambda: "q"}) == "D says q"


def test_statics(imports):
    assert imports.magic() == [1, 2]
    assert imports.widget_default() == "dflt"


def test_unresolved_import_raises_at_call_time(imports):
    with pytest.raises(NameError, match="missing_function is not defined"):
        imports.call_missing()
    assert imports.call_add(1, 1) == 2


def test_globals_are_per_instance(wasm_path):
    a = wasmbindgen.load(wasm_path("imports"), globals={"host_add": lambda x, y: x + y})
    b = wasmbindgen.load(wasm_path("imports"), globals={"host_add": lambda x, y: x * y})
    assert (a.call_add(3, 4), b.call_add(3, 4)) == (7, 12)


def test_missing_module_is_reported(wasm_path):
    m = wasmbindgen.load(wasm_path("imports"))
    with pytest.raises(NameError, match="module 'helpers' is not available"):
        m.call_helper(1)
