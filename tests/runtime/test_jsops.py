from __future__ import annotations

import math

import pytest

from wasmbindgen import BigInt, Symbol, null
from wasmbindgen.runtime import jsops


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "undefined"),
        (null, "object"),
        (True, "boolean"),
        (1, "number"),
        (1.5, "number"),
        (2**60, "bigint"),
        (BigInt(1), "bigint"),
        ("s", "string"),
        (Symbol(), "symbol"),
        (len, "function"),
        ({}, "object"),
        ([], "object"),
    ],
)
def test_typeof(value, kind):
    assert jsops.typeof(value) == kind


@pytest.mark.parametrize("value", [None, null, False, 0, 0.0, -0.0, math.nan, ""])
def test_falsy(value):
    assert jsops.is_falsy(value)


@pytest.mark.parametrize("value", [[], {}, "0", 1, True, Symbol(), object()])
def test_truthy(value):
    assert not jsops.is_falsy(value)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "1"),
        (0.1, "0.1"),
        (1e21, "1e+21"),
        (1e-7, "1e-7"),
        (0.000001, "0.000001"),
        (123456789.125, "123456789.125"),
        (-2.5, "-2.5"),
        (math.inf, "Infinity"),
        (math.nan, "NaN"),
        (1.5e300, "1.5e+300"),
        (100.0, "100"),
    ],
)
def test_number_to_string(value, text):
    assert jsops.number_to_string(value) == text


def test_operators():
    assert jsops.binary("+", 1, "2") == "12"
    assert jsops.binary("+", 1, 2) == 3
    assert jsops.binary("/", 1, 0) == math.inf
    assert jsops.binary("|", 2**32 + 5, 0) == 5
    assert jsops.binary(">>>", -1, 0) == 2**32 - 1
    assert jsops.binary("*", BigInt(3), BigInt(4)) == 12
    with pytest.raises(TypeError):
        jsops.binary("+", BigInt(1), 1)
    with pytest.raises(jsops.RangeError):
        jsops.binary("/", BigInt(1), BigInt(0))
    assert jsops.compare("<", "a", "b") and not jsops.compare("<", math.nan, 1)


def test_equality():
    assert jsops.strict_equals(1, 1.0) and not jsops.strict_equals(1, "1")
    assert not jsops.strict_equals(True, 1)
    assert jsops.loose_equals(1, "1") and jsops.loose_equals(None, null)
    assert not jsops.loose_equals(0, None)
    o = object()
    assert jsops.strict_equals(o, o) and not jsops.strict_equals(o, object())


def test_debug_string():
    assert jsops.debug_string([1, "a", None, null]) == '[1, "a", undefined, null]'
    assert jsops.debug_string({"a": 1}) == 'Object({"a":1})'
    assert jsops.debug_string(Symbol("s")) == "Symbol(s)"
    assert jsops.debug_string(len) == "Function(len)"


def test_json():
    assert jsops.json_parse('{"a": null, "b": [1, 2.5]}') == {"a": null, "b": [1, 2.5]}
    # null is null at every depth: in arrays inside objects and arrays inside arrays
    nested = jsops.json_parse('{"a": [1, null, [null, {"x": [null]}]]}')
    assert nested == {"a": [1, null, [null, {"x": [null]}]]}
    assert nested["a"][2][0] is null and nested["a"][2][1]["x"][0] is null
    assert (
        jsops.json_parse("[2.0, [3.0]]") == [2, [3]]
        and type(jsops.json_parse("[[3.0]]")[0][0]) is int
    )
    assert jsops.json_stringify({"a": None, "b": null, "c": [None]}) == '{"b":null,"c":[null]}'
