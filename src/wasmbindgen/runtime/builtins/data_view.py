"""``DataView``: typed reads and writes at byte offsets of a buffer, either byte order."""

from __future__ import annotations

import struct
from typing import Any

from .. import jsops
from .buffers import ByteBuffer
from .errors import RangeError, TypeError
from .typed_arrays import to_half, wrap_integer


class DataView:
    """``new DataView(buffer, byteOffset, byteLength)``; big-endian unless ``littleEndian``."""

    JS_PROPERTIES = frozenset({"buffer", "byteLength", "byteOffset"})

    def __init__(self, buffer: Any, byte_offset: Any = 0, byte_length: Any = None) -> None:
        if not isinstance(buffer, ByteBuffer):
            raise TypeError("First argument to DataView constructor must be an ArrayBuffer")
        self.buffer = buffer
        self.byteOffset = int(jsops.to_number(byte_offset or 0))
        total = buffer.byteLength
        self.byteLength = (
            total - self.byteOffset if byte_length is None else int(jsops.to_number(byte_length))
        )
        if self.byteOffset < 0 or self.byteOffset + self.byteLength > total:
            raise RangeError("Start offset is outside the bounds of the buffer")

    def _get(self, fmt: str, offset: Any, little: Any) -> Any:
        at = int(jsops.to_number(offset))
        size = struct.calcsize(fmt)
        if at < 0 or at + size > self.byteLength:
            raise RangeError("Offset is outside the bounds of the DataView")
        order = "<" if little and not jsops.is_falsy(little) else ">"
        (value,) = struct.unpack_from(order + fmt, self.buffer.bytes_view(), self.byteOffset + at)
        return value

    def _set(self, fmt: str, offset: Any, value: Any, little: Any) -> None:
        at = int(jsops.to_number(offset))
        size = struct.calcsize(fmt)
        if at < 0 or at + size > self.byteLength:
            raise RangeError("Offset is outside the bounds of the DataView")
        order = "<" if little and not jsops.is_falsy(little) else ">"
        if fmt == "e":
            item: Any = to_half(jsops.to_number(value))
        elif fmt in "fd":
            item = jsops.to_number(value)
        else:
            item = wrap_integer(value, size * 8, fmt.islower())
        struct.pack_into(order + fmt, self.buffer.bytes_view(), self.byteOffset + at, item)


def _accessors(name: str, fmt: str) -> None:
    def getter(self: DataView, offset: Any = 0, little: Any = False) -> Any:
        return self._get(fmt, offset, little)

    def setter(self: DataView, offset: Any = 0, value: Any = 0, little: Any = False) -> None:
        self._set(fmt, offset, value, little)

    setattr(DataView, f"get{name}", getter)
    setattr(DataView, f"set{name}", setter)


for _name, _fmt in (
    ("Int8", "b"),
    ("Uint8", "B"),
    ("Int16", "h"),
    ("Uint16", "H"),
    ("Int32", "i"),
    ("Uint32", "I"),
    ("Float16", "e"),
    ("Float32", "f"),
    ("Float64", "d"),
    ("BigInt64", "q"),
    ("BigUint64", "Q"),
):
    _accessors(_name, _fmt)
