"""Property tests of the built-ins' JS semantics (the Rust crates test them from wasm)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasmbindgen.runtime.builtins.array import ArrayPrototype
from wasmbindgen.runtime.builtins.date import Date, parse
from wasmbindgen.runtime.builtins.numbers import NumberPrototype, parse_int
from wasmbindgen.runtime.builtins.typed_arrays import Float32Array, Int8Array, Uint16Array

MS = st.integers(min_value=-(8 * 10**15), max_value=8 * 10**15)  # JS's whole range
DATETIME_RANGE = (-62_135_596_800_000, 253_402_300_799_999)  # years 1-9999


@given(MS)
def test_date_iso_strings_round_trip(ms):
    date = Date(ms)
    assert date.getTime() == ms
    assert parse(date.toISOString()) == ms
    if DATETIME_RANGE[0] <= ms <= DATETIME_RANGE[1]:
        assert Date(date.to_datetime()).getTime() == ms
    else:
        with pytest.raises(ValueError, match="outside the years 1-9999"):
            date.to_datetime()


@given(MS)
def test_date_fields_rebuild_the_same_time(ms):
    date = Date(ms)
    fields = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours()]
    fields += [date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()]
    assert Date.UTC(*fields) == ms
    assert 0 <= date.getUTCDay() <= 6


@given(st.integers(min_value=-(2**40), max_value=2**40))
def test_typed_arrays_wrap_as_js_to_int_conversions(value):
    assert Int8Array([value]).tolist() == [((value + 128) % 256) - 128]
    assert Uint16Array([value]).tolist() == [value % 65536]


@given(st.floats(allow_nan=False, allow_infinity=False, width=32))
def test_float32_arrays_store_float32_values_exactly(value):
    assert Float32Array([value]).tolist() == [value]


@given(st.integers(min_value=-(2**53), max_value=2**53), st.integers(min_value=2, max_value=36))
def test_to_string_radix_round_trips_through_parse_int(value, radix):
    text = NumberPrototype.toString(float(value), radix)
    assert parse_int(text, radix) == value


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.integers(0, 8))
def test_to_fixed_is_within_half_a_unit(value, digits):
    fixed = float(NumberPrototype.toFixed(value, digits))
    assert math.isclose(fixed, value, abs_tol=0.5 * 10**-digits + 1e-9 * abs(value))


@given(st.lists(st.integers(-5, 5)))
def test_array_sort_orders_by_string_value_and_is_stable(items):
    data = list(items)
    ArrayPrototype.sort(data)
    assert data == sorted(items, key=str)


@given(st.lists(st.integers()), st.integers(-10, 10), st.integers(-10, 10))
def test_array_slice_matches_python_slicing_with_js_clamping(items, start, end):
    assert ArrayPrototype.slice(items, start, end) == items[start:end]
