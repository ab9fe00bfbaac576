"""Exported functions, structs and enums of the `exports` crate, called from Python."""

from __future__ import annotations

import array
import gc

import pytest

import wasmbindgen
from wasmbindgen import BigInt, JsException, RustPanic, null

INT_TYPES = {
    "i8": "b",
    "u8": "B",
    "i16": "h",
    "u16": "H",
    "i32": "i",
    "u32": "I",
    "i64": "q",
    "u64": "Q",
}
ALL_TYPES = {**INT_TYPES, "f32": "f", "f64": "d"}


def test_start_runs_once_at_load(exports):
    assert exports.start_count() == 1


@pytest.mark.parametrize("name", ALL_TYPES)
def test_numbers_options_vectors_slices(exports, name):
    code = ALL_TYPES[name]
    value = -1 if name[0] in "if" else 200
    assert getattr(exports, f"echo_{name}")(value) == value
    assert getattr(exports, f"echo_opt_{name}")(None) is None
    assert getattr(exports, f"echo_opt_{name}")(3) == 3
    rev = getattr(exports, f"rev_{name}")([1, 2, 3])
    assert list(rev) == [3, 2, 1]
    assert isinstance(rev, bytes if name == "u8" else array.array)
    assert getattr(exports, f"sum_{name}")(array.array(code, [1, 2, 3])) == 6.0
    assert getattr(exports, f"sum_{name}")(b"\x01\x02") == 3.0
    buf = bytearray([1, 2, 3]) if code in "bB" else array.array(code, [1, 2, 3])
    getattr(exports, f"inc_{name}")(buf)
    assert list(buf) == [2, 3, 4]
    as_list = [1, 2]
    getattr(exports, f"inc_{name}")(as_list)
    assert as_list == [2, 3]


def test_mut_slice_rejects_immutable(exports):
    with pytest.raises(TypeError, match="&mut slice"):
        exports.inc_u8(b"abc")


def test_integer_limits(exports):
    assert exports.echo_u64(2**64 - 1) == 2**64 - 1
    assert exports.echo_i64(-(2**63)) == -(2**63)
    assert exports.echo_u32(2**32 - 1) == 2**32 - 1
    assert exports.echo_usize(2**32 - 1) == 2**32 - 1
    assert exports.echo_isize(-(2**31)) == -(2**31)
    with pytest.raises(OverflowError, match=r"echo_u8\(\) argument 'x' is 256"):
        exports.echo_u8(256)
    with pytest.raises(OverflowError):
        exports.echo_opt_i8(200)
    with pytest.raises(TypeError, match="must be int, not float"):
        exports.add(1.5, 2)


def test_bool_char_string(exports):
    assert exports.echo_bool(True) is True
    assert exports.echo_opt_bool(None) is None and exports.echo_opt_bool(False) is False
    assert exports.echo_char("😀") == "😀" and exports.echo_opt_char(None) is None
    with pytest.raises(TypeError):
        exports.echo_char("")
    assert exports.echo_str("a\ud800b") == "a\ufffdb"
    assert exports.echo_string("\ufeffbom") == "\ufeffbom"
    assert exports.echo_opt_string(None) is None
    assert exports.word_count("a b  c") == 3
    with pytest.raises(TypeError, match="must be str, not int"):
        exports.echo_str(5)


def test_bytes_and_clamped(exports):
    assert exports.echo_bytes(memoryview(b"abc")) == b"abc"
    assert exports.echo_opt_bytes(None) is None
    assert exports.boxed_bytes(3) == b"\x00\x01\x02"
    assert exports.clamp_len([1, 2, 300]) == 3


def test_jsvalues_keep_identity(exports):
    obj = object()
    assert exports.echo_value(obj) is obj
    assert exports.echo_value_ref(obj) is obj
    assert exports.is_same(obj, obj) and not exports.is_same(obj, object())
    assert exports.value_list(4) == [0, "1", 2, "3"]
    assert exports.echo_value_list([obj, 1])[0] is obj
    assert exports.value_list_len([1, "a", None]) == 3
    assert exports.undefined_value() is None
    assert exports.null_value() is null
    assert exports.true_value() is True
    assert exports.describe_value([1, "a", None, null]) == 'JsValue([1, "a", undefined, null])'
    assert "number=Some(2.5)" in exports.value_kinds(2.5)
    assert "function=true" in exports.value_kinds(len)


def test_heap_does_not_leak(exports):
    before = wasmbindgen.heap_live_count(exports)
    for _ in range(100):
        exports.echo_value(object())
        exports.is_same(1, 2)
        exports.value_list(3)
    assert wasmbindgen.heap_live_count(exports) == before


def test_results(exports):
    assert exports.checked_div(7, 2) == 3
    with pytest.raises(JsException) as info:
        exports.checked_div(1, 0)
    assert info.value.value == "division by zero"
    with pytest.raises(wasmbindgen.Error, match="invalid float literal"):
        exports.parse_f64("x")
    assert exports.maybe_string(True) == "fine" and exports.maybe_unit(True) is None
    assert exports.maybe_opt_f64(True, 2.5) == 2.5 and exports.maybe_opt_f64(True, None) is None
    assert exports.maybe_point(True).y == 2.0
    for call, expected in [
        (lambda: exports.maybe_string(False), 42),
        (lambda: exports.maybe_unit(False), "unit failed"),
        (lambda: exports.maybe_opt_f64(False, 1.0), null),
        (lambda: exports.maybe_point(False), "no point"),
    ]:
        with pytest.raises(JsException) as info:
            call()
        assert info.value.value == expected


def test_throws(exports):
    with pytest.raises(wasmbindgen.Error, match="boom"):
        exports.throw_str_now("boom")
    with pytest.raises(KeyError):
        exports.throw_value(KeyError("k"))
    with pytest.raises(JsException) as info:
        exports.throw_value(BigInt(5))
    assert info.value.value == 5
    assert exports.add(1, 2) == 3  # still usable after exceptions


def test_enums(exports):
    assert [c.name for c in exports.Color] == ["Red", "Green", "Blue"]
    assert exports.next_color(exports.Color.Green) is exports.Color.Blue
    assert exports.echo_opt_color(None) is None
    assert exports.echo_opt_color(exports.Color.Red) is exports.Color.Red
    assert exports.only_unit(exports.Unit.Only) == 7
    with pytest.raises(wasmbindgen.Error):
        exports.next_color(4)


def test_struct_lifecycle(exports):
    p = exports.Point(3, 4)
    assert p.norm() == 5.0 and (p.x, p.y) == (3.0, 4.0)
    p.scale(2)
    p.x = 1
    assert (p.x, p.y) == (1.0, 8.0)
    assert p.toString() == "(1, 8)"
    q = p.add(exports.Point.origin())
    assert q.x == 1.0
    assert p.into_sum() == 9.0
    with pytest.raises(ValueError, match="freed or moved"):
        p.norm()
    with exports.Point(1, 1) as r:
        assert r.norm() > 1
    with pytest.raises(ValueError):
        r.x  # noqa: B018
    q.free()
    q.free()


def test_struct_constructor_errors_and_properties(exports):
    c = exports.Counter("hi")
    assert c.increment() == 1
    c.count = 10
    assert c.count == 10 and c.label == "hi"

    class Callback:
        def call(self, x):
            return x * 10

    assert c.call_with(Callback()) == 100
    assert c.into_label() == "hi"
    with pytest.raises(JsException, match="empty label"):
        exports.Counter("")
    with pytest.raises(TypeError, match="no constructor"):
        exports.Token()


def test_structs_by_value_and_option(exports):
    t = exports.make_token(9)
    assert t.id == 9 and exports.token_id_ref(t) == 9
    assert exports.token_id(t) == 9
    with pytest.raises(ValueError, match="moved"):
        exports.token_id(t)
    with pytest.raises(TypeError, match="must be Token, not Point"):
        exports.token_id(exports.Point(1, 2))
    assert exports.maybe_token(None) is None and exports.maybe_token(4).id == 4
    assert exports.opt_token_id(None) is None
    assert exports.opt_token_id(exports.make_token(8)) == 8
    value = exports.point_as_value(2.5)
    assert isinstance(value, exports.Point) and value.x == 2.5
    with pytest.raises(AttributeError):
        t.id = 5  # readonly


def test_structs_released_by_gc(exports):
    for _ in range(200):
        exports.Point(1, 2)
    gc.collect()
    exports.add(0, 0)  # runs the deferred frees
    assert exports._wb_rt.deferred == []


def test_renames_and_keywords(exports):
    assert exports.renamedFunction() == 5
    assert exports.Renamed().getValue() == 3
    assert exports.keyword_args(1, 2) == 3
    assert exports.keyword_args(lambda_=1, from_=2) == 3


def test_panic_poisons_instance_but_not_fresh_loads(wasm_path, exports):
    with pytest.raises(RustPanic, match="unreachable"):
        exports.panic_now("oh no")
    with pytest.raises(RustPanic, match="refuses further calls"):
        exports.add(1, 2)
    fresh = wasmbindgen.load(wasm_path("exports"))
    assert fresh.add(1, 2) == 3


def test_failed_argument_conversion_releases_borrows(exports):
    counter = exports.Counter("x")
    counter.free()
    for _ in range(40):  # more than the 31 borrow slots, were any leaked
        with pytest.raises(ValueError, match="freed"):
            counter.call_with(object())
    assert exports.is_same(1, 1)
