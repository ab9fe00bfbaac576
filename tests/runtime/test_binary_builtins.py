"""Property tests of the binary built-ins added for js-sys 0.3.104/0.3.107: the base64/hex codecs,
Float16Array's halves, copyWithin, and resizable/transferable buffers (the Rust crates
builtins-modern and builtins-newest test them from wasm)."""

from __future__ import annotations

import base64
import math
import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasmbindgen.runtime.builtins.buffers import ArrayBuffer
from wasmbindgen.runtime.builtins.errors import RangeError, SyntaxError, TypeError
from wasmbindgen.runtime.builtins.typed_arrays import Float16Array, Int16Array, Uint8Array

ALPHABETS = st.sampled_from(["base64", "base64url"])


@given(st.binary(max_size=64), ALPHABETS, st.booleans())
def test_base64_round_trips(data, alphabet, omit_padding):
    options = {"alphabet": alphabet, "omitPadding": omit_padding}
    text = Uint8Array(data).toBase64(options)
    assert Uint8Array.fromBase64(text, {"alphabet": alphabet}).tobytes() == data
    standard = base64.b64encode(data).decode()
    assert text == (standard.rstrip("=") if omit_padding else standard).translate(
        str.maketrans("+/", "-_") if alphabet == "base64url" else {}
    )


@given(st.binary(max_size=64))
def test_hex_round_trips(data):
    text = Uint8Array(data).toHex()
    assert text == data.hex()
    assert Uint8Array.fromHex(text.upper()).tobytes() == data


@given(st.binary(min_size=1, max_size=40), st.integers(min_value=0, max_value=40))
def test_set_from_base64_fills_whole_chunks_only(data, room):
    """A short target gets the decoded prefix that fits, cut at a chunk the spec would not
    split; ``read`` counts the characters those bytes came from."""
    target = Uint8Array(room)
    text = base64.b64encode(data).decode()
    result = target.setFromBase64(text)
    written = result["written"]
    assert target.tobytes()[:written] == data[:written]
    assert written == min(len(data), room) or (room - written) in (1, 2)
    if written < len(data):
        assert result["read"] == written // 3 * 4


@pytest.mark.parametrize(
    ("text", "mode"),
    [("a", "loose"), ("aGk", "strict"), ("aGl=", "strict"), ("a=Gk", "loose"), ("aG!k", "loose")],
)
def test_bad_base64_is_a_syntax_error(text, mode):
    with pytest.raises(SyntaxError, match="base64"):
        Uint8Array.fromBase64(text, {"lastChunkHandling": mode})


def test_stop_before_partial_leaves_the_tail_unread():
    target = Uint8Array(8)
    assert target.setFromBase64("aGlh aG", {"lastChunkHandling": "stop-before-partial"}) == {
        "read": 4,
        "written": 3,
    }


def test_codec_options_and_inputs_are_checked():
    with pytest.raises(TypeError, match="alphabet must be one of"):
        Uint8Array.fromBase64("", {"alphabet": "base32"})
    with pytest.raises(TypeError, match="must be a string"):
        Uint8Array.fromHex(12)
    with pytest.raises(SyntaxError, match="odd number"):
        Uint8Array.fromHex("abc")


@given(st.floats(allow_nan=False, width=64))
def test_float16_stores_the_nearest_half(value):
    halves = Float16Array(1)
    halves[0] = value
    try:
        expected = struct.unpack("<e", struct.pack("<e", value))[0]
    except OverflowError:
        expected = math.copysign(math.inf, value)
    assert halves[0] == expected or (math.isnan(halves[0]) and math.isnan(expected))
    assert Int16Array(halves.buffer)[0] == struct.unpack("<h", halves.tobytes())[0]


@given(
    st.lists(st.integers(min_value=-(2**15), max_value=2**15 - 1), max_size=12),
    st.integers(min_value=-14, max_value=14),
    st.integers(min_value=-14, max_value=14),
    st.one_of(st.none(), st.integers(min_value=-14, max_value=14)),
)
def test_copy_within_matches_a_list_model(values, target, start, end):
    def clamp(i, default):
        if i is None:
            return default
        return max(0, len(values) + i) if i < 0 else min(i, len(values))

    model = list(values)
    to, first, last = clamp(target, 0), clamp(start, 0), clamp(end, len(values))
    count = min(last - first, len(values) - to)
    if count > 0:
        model[to : to + count] = values[first : first + count]
    assert Int16Array(values).copyWithin(target, start, end).tolist() == model


def test_resizable_buffers_resize_and_transfer():
    buffer = ArrayBuffer(2, {"maxByteLength": 4})
    tracking, fixed = Uint8Array(buffer), Uint8Array(buffer, 0, 2)
    buffer.resize(4)
    assert (len(tracking), len(fixed)) == (4, 2)
    with pytest.raises(RangeError, match="maxByteLength"):
        buffer.resize(5)
    moved = buffer.transferToFixedLength(3)
    assert buffer.detached and len(tracking) == len(fixed) == 0
    assert not moved.resizable and moved.byteLength == 3
    with pytest.raises(TypeError, match="detached"):
        buffer.transfer()
    with pytest.raises(TypeError, match="fixed-length"):
        moved.resize(1)
    with pytest.raises(RangeError, match="max length"):
        ArrayBuffer(8, {"maxByteLength": 4})
