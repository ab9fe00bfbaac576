"""JsValue operators, type tests and conversions from Rust, with JS semantics."""

from __future__ import annotations

import math

import pytest

import wasmbindgen
from wasmbindgen import BigInt, Symbol, null
from wasmbindgen.pipeline import analyse
from wasmbindgen.runtime.intrinsics import NAMES


@pytest.fixture(scope="module")
def m(wasm_path):
    module = None

    def host_live_count():
        return wasmbindgen.heap_live_count(module)

    module = wasmbindgen.load(wasm_path("intrinsics"), globals={"host_live_count": host_live_count})
    return module


def test_every_intrinsic_import_is_bound_to_a_runtime_function(wasm_path):
    interface = analyse(wasm_path("intrinsics").read_bytes(), "intrinsics.wasm").interface
    bound = {i.name for i in interface.imports if i.intrinsic}
    assert len(bound) > 20 and bound <= NAMES


def test_arithmetic(m):
    assert m.arith(7, 2).split() == [
        f"JsValue({v})" for v in ("9", "5", "14", "3.5", "1", "49", "-7")
    ]
    assert m.arith("a", 1).split()[:2] == ['JsValue("a1")', "JsValue(NaN)"]
    assert m.arith(BigInt(7), BigInt(2)).split()[3] == "JsValue(3)"  # BigInt division truncates
    assert m.checked_div(1, 0) == math.inf
    error = m.checked_div(BigInt(1), BigInt(0))
    assert isinstance(error, ValueError) and "Division by zero" in str(error)


def test_bitwise_and_comparisons(m):
    assert m.bits(6, 3).split() == [
        "JsValue(2)",
        "JsValue(7)",
        "JsValue(5)",
        "JsValue(48)",
        "JsValue(0)",
        "0",
        "JsValue(-7)",
    ]
    assert m.bits(-1, 0).split()[5] == "4294967295"
    assert m.compare(1, 2) == "true true false false false false"
    assert m.compare(1, "1") == "false true false true false true"
    assert m.compare(None, null).endswith("false true")


def test_typeof_and_type_tests(m):
    kinds = [m.type_of(v) for v in (None, null, 1, "s", len, {}, BigInt(1), Symbol())]
    assert kinds == [
        "undefined",
        "object",
        "number",
        "string",
        "function",
        "object",
        "bigint",
        "symbol",
    ]
    assert "falsy=true not=true" in m.tests(0)
    assert "object=true" in m.tests([]) and "truthy=true" in m.tests([])
    assert "null=true" in m.tests(null) and "undefined=true" in m.tests(None)
    assert m.has("a", {"a": 1}) and not m.has("b", {"a": 1})


def test_values_made_by_rust(m):
    assert m.make("number") == 2.5 and m.make("int") == 3 and isinstance(m.make("int"), int)
    assert m.make("bigint") == 123456789012345678901234567890
    assert m.make("u64") == 2**64 - 1 and m.make("i64") == -5
    assert m.make("i128") == -(2**127) and m.make("u128") == 2**128 - 1
    assert isinstance(m.make("u64"), BigInt)
    assert m.make("symbol").description == "sym" and m.make("anon").description is None
    assert m.make("true") is True and m.make("null") is null and m.make("x") is None
    error = m.make("error")
    assert isinstance(error, wasmbindgen.Error) and error.message == "bad"
    assert error.stack.startswith("Error: bad\n")
    assert len(m.make("memory").buffer) >= 65536
    assert m.make("table").length > 0


def test_conversions(m):
    assert m.as_number(2) == 2.0 and m.as_number("2") is None
    assert m.as_bool(True) is True and m.as_bool(1) is None
    assert m.as_string("x") == "x" and m.as_string(1) is None
    assert m.to_number("12") == 12.0 and m.to_number(True) == 1.0
    with pytest.raises(TypeError, match="Symbol"):
        m.to_number(Symbol())
    assert m.debug({"a": [1]}) == 'JsValue(Object({"a":[1]}))'
    assert m.debug(len) == "JsValue(Function(len))"
    assert m.eq_str("x", "x") and not m.eq_str(1, "1")
    assert m.clone_drop(object()) == 10  # ten live clones, none left after the drop
