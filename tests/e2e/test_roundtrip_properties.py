"""Hypothesis round trips through real exports."""

from __future__ import annotations

import array

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wasmbindgen

RANGES = {
    "i8": (-(2**7), 2**7 - 1),
    "u8": (0, 2**8 - 1),
    "i16": (-(2**15), 2**15 - 1),
    "u16": (0, 2**16 - 1),
    "i32": (-(2**31), 2**31 - 1),
    "u32": (0, 2**32 - 1),
    "i64": (-(2**63), 2**63 - 1),
    "u64": (0, 2**64 - 1),
}
CODES = {
    "i8": "b",
    "u8": "B",
    "i16": "h",
    "u16": "H",
    "i32": "i",
    "u32": "I",
    "i64": "q",
    "u64": "Q",
}
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def module(wasm_path):
    return wasmbindgen.load(wasm_path("exports"))


@SETTINGS
@given(st.text())
def test_strings(module, text):
    expected = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    assert module.echo_str(text) == expected
    assert module.echo_opt_string(text) == expected


@SETTINGS
@given(st.binary(max_size=5000))
def test_bytes(module, data):
    assert module.echo_bytes(data) == data
    assert module.sum_bytes(bytearray(data)) == sum(data)


@pytest.mark.parametrize("name", RANGES)
def test_integer_limits_and_random(module, name):
    low, high = RANGES[name]
    echo = getattr(module, f"echo_{name}")
    opt = getattr(module, f"echo_opt_{name}")
    rev = getattr(module, f"rev_{name}")

    @SETTINGS
    @given(st.lists(st.integers(low, high), max_size=20))
    def check(values):
        for v in [*values, low, high]:
            assert echo(v) == v
            assert opt(v) == v
        assert list(rev(array.array(CODES[name], values))) == values[::-1]

    check()
    with pytest.raises(OverflowError):
        echo(high + 1)
    with pytest.raises(OverflowError):
        echo(low - 1)


@SETTINGS
@given(st.floats(allow_nan=False))
def test_f64(module, value):
    assert module.echo_f64(value) == value
    assert module.echo_opt_f64(value) == value
