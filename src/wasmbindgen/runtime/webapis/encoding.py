"""``TextEncoder`` and ``TextDecoder`` (the Encoding Standard over Python's codecs)."""

from __future__ import annotations

import codecs
from typing import Any

from .. import jsops
from ..builtins.errors import RangeError, TypeError
from ..builtins.typed_arrays import Uint8Array
from ._buffers import buffer_bytes, byte_view

# labels of the Encoding Standard -> (its name, Python's codec)
_ENCODINGS: dict[str, tuple[str, str]] = {}
for _name, _codec, _labels in (
    (
        "utf-8",
        "utf-8",
        ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"),
    ),
    (
        "utf-16le",
        "utf-16-le",
        ("csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"),
    ),
    ("utf-16be", "utf-16-be", ("unicodefffe", "utf-16be")),
    (
        "windows-1252",
        "cp1252",
        (
            "ansi_x3.4-1968",
            "ascii",
            "cp1252",
            "cp819",
            "csisolatin1",
            "ibm819",
            "iso-8859-1",
            "iso-ir-100",
            "iso8859-1",
            "iso88591",
            "iso_8859-1",
            "iso_8859-1:1987",
            "l1",
            "latin1",
            "us-ascii",
            "windows-1252",
            "x-cp1252",
        ),
    ),
):
    for _label in _labels:
        _ENCODINGS[_label] = (_name, _codec)
_BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16le": codecs.BOM_UTF16_LE, "utf-16be": codecs.BOM_UTF16_BE}


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class TextEncoder:
    """``new TextEncoder()``: UTF-8 only, as the standard has it."""

    encoding = "utf-8"

    def encode(self, input: Any = "") -> Uint8Array:
        text = "" if input is None else jsops.to_string(input)
        return Uint8Array(bytearray(text.encode("utf-8", "surrogatepass")))

    def encodeInto(self, source: Any = None, destination: Any = None) -> dict[str, int]:  # noqa: N802
        """Encode as much of ``source`` as fits (whole characters) into ``destination``:
        ``{read: UTF-16 code units read, written: bytes written}``."""
        text = "" if source is None else jsops.to_string(source)
        view = byte_view(destination, "TextEncoder.encodeInto")
        if view.readonly:
            raise TypeError("TextEncoder.encodeInto: the destination is not writable")
        room, written, read = view.nbytes, 0, 0
        for char in text:
            data = char.encode("utf-8", "replace" if 0xD800 <= ord(char) < 0xE000 else "strict")
            if len(data) > room - written:
                break
            view[written : written + len(data)] = data
            written += len(data)
            read += 2 if ord(char) > 0xFFFF else 1
        return {"read": read, "written": written}


def _label_of(label: Any) -> tuple[str, str]:
    text = "utf-8" if label is None else jsops.to_string(label)
    found = _ENCODINGS.get(text.strip(" \t\n\f\r").lower())
    if found is None:
        raise RangeError(
            f"Failed to construct 'TextDecoder': The encoding label provided ('{text}') is invalid."
        )
    return found


class TextDecoder:
    """``new TextDecoder(label, {fatal, ignoreBOM})``; ``decode(bytes, {stream: true})`` keeps
    an incomplete character for the next call."""

    def __init__(self, label: Any = None, options: Any = None) -> None:
        self.encoding, self._codec = _label_of(label)
        self.fatal = bool(options.get("fatal")) if isinstance(options, dict) else False
        self.ignoreBOM = bool(options.get("ignoreBOM")) if isinstance(options, dict) else False
        self._reset()

    def _reset(self) -> None:
        errors = "strict" if self.fatal else "replace"
        self._decoder = codecs.getincrementaldecoder(self._codec)(errors)
        self._at_start = True
        self._pending_bom = b""

    def decode(self, input: Any = None, options: Any = None) -> str:
        stream = bool(options.get("stream")) if isinstance(options, dict) else False
        data = b"" if input is None else buffer_bytes(input, "TextDecoder.decode")
        if self._at_start and not self.ignoreBOM:
            data = self._strip_bom(data, stream)
        try:
            text = self._decoder.decode(data, final=not stream)
        except UnicodeDecodeError:
            self._reset()
            raise TypeError(
                f"Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid "
                f"for encoding {self.encoding}"
            ) from None
        if text:
            self._at_start = False
        if not stream:
            self._reset()
        return text

    def _strip_bom(self, data: bytes, stream: bool) -> bytes:
        """Drop a leading byte order mark, which may arrive split across streamed chunks."""
        bom = _BOMS.get(self.encoding)
        data = self._pending_bom + data
        self._pending_bom = b""
        if bom is None:
            return data
        if len(data) < len(bom) and bom.startswith(data) and stream:
            self._pending_bom = data  # wait for more before deciding
            return b""
        if data:
            self._at_start = False
        return data[len(bom) :] if data.startswith(bom) else data
