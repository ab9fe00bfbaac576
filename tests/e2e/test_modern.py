"""What wasm-bindgen gained after 0.2.83 (``tests/crates/modern``), on the releases that have it."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wasmbindgen
from wasmbindgen import BigInt, Promise, null

KEPT: dict[str, object] = {}


def keep(f):
    KEPT["f"] = f


HOST = {
    "host_count": lambda values: sum(1 for v in values if v is not None) * 100 + len(values),
    "host_keep": keep,
    "host_call_kept": lambda x: KEPT["f"](x),
    "host_call_scoped": lambda f: f(5) + f(6),
}


@pytest.fixture(scope="module")
def m(wasm_path, release):
    if release == "0.2.83":
        pytest.skip("wasm-bindgen 0.2.83 predates these features")
    return wasmbindgen.load(wasm_path("modern"), globals=HOST)


def test_string_enums_cross_as_their_strings(m):
    assert m.next_fruit("apple") == "banana"
    assert m.next_fruit("cherry") == "apple"
    assert m.maybe_fruit(None) is None and m.maybe_fruit("banana") == "banana"
    assert m.fruit_name("cherry") == "Cherry"
    # an unknown string reaches Rust as the enum's hidden invalid variant, as from JS
    assert m.next_fruit("durian") == "apple"
    with pytest.raises(TypeError, match="'apple', 'banana', 'cherry'"):
        m.next_fruit(3)


@pytest.mark.parametrize("value", [0, 1, -1, 2**64, -(2**64) - 5, 2**127 - 1, -(2**127)])
def test_i128_round_trips(m, value):
    assert m.echo_i128(value) == value
    assert m.opt_i128(value) == ((-value + 2**127) % 2**128) - 2**127


def test_u128_and_range_checks(m):
    assert m.echo_u128(2**128 - 1) == 2**128 - 1
    assert m.opt_i128(None) is None
    with pytest.raises(OverflowError, match="outside the range"):
        m.echo_u128(-1)
    with pytest.raises(OverflowError):
        m.echo_i128(2**127)
    big = m.i128_value(-1, 5)
    assert isinstance(big, BigInt) and big == -(2**64) + 5


def test_option_js_value(m):
    assert m.opt_value(None) is None
    assert m.opt_value(null) is None  # JS null is None for Option<JsValue>, as undefined is
    marker = object()
    assert m.opt_value(marker) is marker
    assert m.is_some_value(0) and not m.is_some_value(None)


def test_small_options_cross_as_one_f64(m):
    assert m.echo_opt_u32(None) is None and m.echo_opt_u32(2**32 - 1) == 2**32 - 1
    assert m.echo_opt_i32(-(2**31)) == -(2**31) and m.echo_opt_i32(None) is None
    assert m.echo_opt_f32(1.5) == 1.5 and m.echo_opt_f32(None) is None
    with pytest.raises(OverflowError):
        m.echo_opt_u32(-1)


def test_vectors_of_strings_and_structs(m):
    assert m.words("a bb  ccc") == ["a", "bb", "ccc"]
    assert m.join(["x", "y", "z"]) == "x+y+z"
    tags = m.make_tags(3)
    assert [t.name for t in tags] == ["t0", "t1", "t2"]
    assert m.tag_names(tags) == "t0,t1,t2"
    assert all(t._ptr == 0 for t in tags)  # moved into Rust, as a Vec<Tag> argument does
    assert m.tag_names([m.Tag("a"), m.Tag("b")]) == "a,b"
    assert m.strings_of(["p", "q"]) == ["p", "q"] and m.strings_of([1]) is None


def test_borrowed_js_value_slices_and_static_strings(m):
    assert m.count_values(4) == 404
    assert m.greeting() == "hello from a static string"


def test_closures_handed_over_and_scoped(m):
    assert m.hand_over_closure(10) == 11
    assert KEPT["f"](5) == 15  # the host owns it now: it stays callable
    assert m.scoped(100) == 105 + 106 + 11


def test_namespaced_exports(m):
    assert m.geo.area(2, 3) == 6
    assert m.geo.solid.area(2, 3, 4) == 24


def test_every_start_function_runs_once(m):
    assert m.starts() == 11
    assert not hasattr(m, "first_start")  # a private start is not exported
    assert hasattr(m, "second_start")


def test_this_is_the_first_argument(m):
    assert m.describe_this({"a": 1}, 2) == 'JsValue(Object({"a":1})) 2'


def test_array_is_array_and_futures_from_both_crates(m):
    assert m.array_is_array([1]) and not m.array_is_array("x")

    async def main():
        one = await m.js_sys_future(Promise.resolve(1))
        two = await m.futures_crate_future(asyncio.sleep(0, 2))
        return one, two

    assert wasmbindgen.run(main()) == (1, 2)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(min_value=-(2**127), max_value=2**127 - 1),
    st.integers(min_value=0, max_value=2**128 - 1),
)
def test_128_bit_integers_round_trip_property(m, signed, unsigned):
    assert m.echo_i128(signed) == signed
    assert m.echo_u128(unsigned) == unsigned


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(st.none(), st.integers(min_value=0, max_value=2**32 - 1)),
    st.one_of(st.none(), st.floats(width=32, allow_nan=False)),
)
def test_small_options_round_trip_property(m, number, single):
    """On 0.2.122+ Option<u32>/Option<f32> travel as one f64 with a sentinel for None."""
    assert m.echo_opt_u32(number) == number
    assert m.echo_opt_f32(single) == single


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"])), max_size=8))
def test_string_vectors_round_trip_property(m, parts):
    assert m.join(parts) == "+".join(parts)  # Vec<String> in
    words = [p for p in parts if p and not any(ch.isspace() or ch in "\x85\xa0" for ch in p)]
    assert m.words(" ".join(words)) == words  # Vec<String> out
