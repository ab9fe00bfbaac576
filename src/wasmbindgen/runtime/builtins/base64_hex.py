"""The text codecs of ``Uint8Array`` (ES2026): base64 (both alphabets, the three last-chunk
modes) and hex, with the spec's partial results so ``setFromBase64`` can fill a short array.

Python's ``base64``/``binascii`` accept and refuse different inputs than the spec (whitespace,
padding, overflow bits, stopping when the target is full), so decoding follows the spec's steps.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..resolve import get_property
from .errors import SyntaxError, TypeError

_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_VALUES = {char: i for i, char in enumerate(_STANDARD)}
_WHITESPACE = " \t\n\f\r"
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


@dataclass
class Decoded:
    """What a decode got through: characters read, bytes made, and the error it stopped at."""

    read: int
    data: bytes
    error: Exception | None = None


def _option(options: Any, name: str, allowed: tuple[str, ...]) -> str:
    value = None if options is None else get_property(options, name)
    if value is None:
        return allowed[0]
    if value not in allowed:
        raise TypeError(f"{name} must be one of {', '.join(map(repr, allowed))}, not {value!r}")
    return str(value)


def alphabet(options: Any) -> str:
    return _option(options, "alphabet", ("base64", "base64url"))


def last_chunk_handling(options: Any) -> str:
    return _option(options, "lastChunkHandling", ("loose", "strict", "stop-before-partial"))


def require_string(text: Any, what: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what}: the input must be a string")
    return text


def encode_base64(data: bytes, options: Any) -> str:
    url = alphabet(options) == "base64url"
    omit = options is not None and bool(get_property(options, "omitPadding"))
    text = (base64.urlsafe_b64encode if url else base64.b64encode)(data).decode("ascii")
    return text.rstrip("=") if omit else text


def encode_hex(data: bytes) -> str:
    return binascii.hexlify(data).decode("ascii")


def _chunk_bytes(chunk: list[int], strict: bool) -> bytes:
    """A 2-, 3- or 4-character chunk's bytes; strict refuses non-zero leftover bits."""
    bits = 0
    for value in chunk:
        bits = bits << 6 | value
    size = len(chunk) * 6 // 8
    extra = len(chunk) * 6 - size * 8
    if strict and bits & ((1 << extra) - 1):
        raise SyntaxError("base64: the last chunk has non-zero padding bits")
    return (bits >> extra).to_bytes(size, "big")


def _skip_whitespace(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def decode_base64(text: str, options: Any, max_length: int) -> Decoded:
    """The spec's FromBase64: stops after ``max_length`` bytes or at the first error."""
    url, last = alphabet(options) == "base64url", last_chunk_handling(options)
    out, read, index = bytearray(), 0, 0
    chunk: list[int] = []
    if max_length == 0:
        return Decoded(0, b"")

    def failed(message: str) -> Decoded:
        return Decoded(read, bytes(out), SyntaxError(f"base64: {message}"))

    while True:
        index = _skip_whitespace(text, index)
        if index == len(text):
            if chunk:
                if last == "stop-before-partial":
                    return Decoded(read, bytes(out))
                if last == "strict" or len(chunk) == 1:
                    return failed("the input ends inside a chunk")
                out += _chunk_bytes(chunk, strict=False)
            return Decoded(len(text), bytes(out))
        char = text[index]
        index += 1
        if char == "=":
            return _padding(text, index, chunk, last, Decoded(read, bytes(out)), failed)
        if url:
            if char in "+/":
                return failed(f"{char!r} is not in the base64url alphabet")
            char = {"-": "+", "_": "/"}.get(char, char)
        value = _VALUES.get(char)
        if value is None:
            return failed(f"{char!r} is not a base64 character")
        room = max_length - len(out)
        if (room == 1 and len(chunk) == 2) or (room == 2 and len(chunk) == 3):
            return Decoded(read, bytes(out))  # the next chunk would not fit
        chunk.append(value)
        if len(chunk) == 4:
            out += _chunk_bytes(chunk, strict=False)
            chunk, read = [], index
            if len(out) == max_length:
                return Decoded(read, bytes(out))


def _padding(
    text: str,
    index: int,
    chunk: list[int],
    last: str,
    so_far: Decoded,
    failed: Callable[[str], Decoded],
) -> Decoded:
    """After an ``=``: one or two, then only whitespace to the end."""
    if len(chunk) < 2:
        return failed("padding in the wrong place")
    index = _skip_whitespace(text, index)
    if len(chunk) == 2:
        if index == len(text):
            if last == "stop-before-partial":
                return so_far
            return failed("incomplete padding")
        if text[index] == "=":
            index = _skip_whitespace(text, index + 1)
    if index < len(text):
        return failed("characters after the padding")
    try:
        tail = _chunk_bytes(chunk, strict=last == "strict")
    except SyntaxError as error:
        return Decoded(so_far.read, so_far.data, error)
    return Decoded(len(text), so_far.data + tail)


def decode_hex(text: str, max_length: int) -> Decoded:
    """The spec's FromHex: pairs of hex digits, stopping after ``max_length`` bytes."""
    if len(text) % 2:
        return Decoded(0, b"", SyntaxError("hex: the input has an odd number of digits"))
    out, read = bytearray(), 0
    while read < len(text) and len(out) < max_length:
        pair = text[read : read + 2]
        if not set(pair) <= _HEX_DIGITS:
            return Decoded(read, bytes(out), SyntaxError(f"hex: {pair!r} is not a hex byte"))
        out.append(int(pair, 16))
        read += 2
    return Decoded(read, bytes(out))
