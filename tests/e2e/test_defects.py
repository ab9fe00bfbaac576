"""Defects found on 0.2.83, tried as a new user would; each gone on every supported release."""

from __future__ import annotations

import pytest

import wasmbindgen
from wasmbindgen import null
from wasmbindgen.pipeline import generate
from wasmbindgen.runtime.builtins.typed_arrays import Uint8ClampedArray

SEEN: dict[str, object] = {}


def clamped(data):
    SEEN["clamped"] = data
    return f"{type(data).__name__}{list(data)}"


HOST = {
    "host_echo_bytes": lambda data: data,  # the borrowed view itself, as the Vec<u8> result
    "host_echo_u32s": lambda data: data,
    "host_clamped": clamped,
    "host_clamped_owned": clamped,
}


@pytest.fixture(scope="module")
def m(wasm_path):
    return wasmbindgen.load(wasm_path("defects"), globals=HOST)


def test_an_async_constructor_is_awaited_for_the_instance(m):
    async def main():
        slow = await m.Slow(41)
        return slow, slow.v

    slow, v = wasmbindgen.run(main())
    assert isinstance(slow, m.Slow) and v == 41


def test_instance_and_static_properties_of_one_name_are_distinct(m):
    a, b = m.Dual(1), m.Dual(2)
    assert (a.value, b.value, m.Dual.value) == (1, 2, 7)
    a.value = 10
    m.Dual.value = 99
    assert (a.value, b.value, m.Dual.value) == (10, 2, 99)
    assert isinstance(m.Dual.__dict__["value"], wasmbindgen.runtime.structs.member_property)


def test_a_variadic_export_takes_the_rest_as_separate_arguments(m):
    assert m.sum_all(1) == 1
    assert m.sum_all(1, 2, 3, 4) == 10


def test_trailing_option_parameters_may_be_left_out(m):
    assert m.greet_opt("Ada") == "Hello, Ada!"
    assert m.greet_opt("Ada", "Hi") == "Hi, Ada!"
    assert m.greet_opt("Ada", None, 2) == "Hello, Ada! Hello, Ada!"
    with pytest.raises(TypeError):
        m.greet_opt()  # the leading parameter is required


def test_null_is_none_for_an_optional_struct(m):
    assert m.id_of(None) == -1 and m.id_of(null) == -1
    assert m.id_of(m.Item(5)) == 5


def test_an_integral_js_number_is_an_integer_where_rust_wants_one(m):
    assert m.parse_three() == 7  # parseInt("3") + parseInt("4.5")


def test_an_import_may_return_the_view_it_was_given(m):
    assert m.echo_through_host(4) == b"\x00\x01\x02\x03"
    assert list(m.echo_u32s_through_host()) == [1, 70_000, 3]


def test_clamped_slices_reach_imports_as_uint8_clamped_arrays(m):
    assert m.clamped_to_host() == "Uint8ClampedArray[1, 2, 255] Uint8ClampedArray[9, 8]"
    assert isinstance(SEEN["clamped"], Uint8ClampedArray)


def test_inspectable_structs_show_their_fields(m):
    p = m.Pt(3, -4)
    assert p.toJSON() == {"x": 3, "y": -4}
    assert p.toString() == '{"x": 3, "y": -4}'
    assert repr(p) == "Pt(x=3, y=-4)"
    p.free()
    assert repr(p) == "<Pt freed>"


def test_doc_comments_of_enum_variants_reach_glue_and_stubs(wasm_path):
    generated = generate(wasm_path("defects").read_bytes(), "d.wasm", "d_bg.wasm")
    for text in (generated.glue, generated.stubs):
        assert '    Dark = 0\n    """The darkest."""' in text
        assert '    Mid = 1\n    """Neither."""' in text


def test_enum_round_trip(m):
    assert m.lighter(m.Shade.Dark) is m.Shade.Mid


def test_free_is_idempotent_and_use_after_free_raises(m):
    item = m.Item(1)
    item.free()
    item.free()  # as Python's close(): a second free does nothing
    with pytest.raises(ValueError, match="freed or moved"):
        item.id()
    moved = m.Item(2)
    assert m.consume(moved) == 2
    moved.free()  # moved into Rust: nothing left to free
    with pytest.raises(ValueError, match="freed or moved"):
        m.consume(moved)
    with m.Item(3) as scoped:
        assert scoped.id() == 3
    with pytest.raises(ValueError):
        scoped.id()
