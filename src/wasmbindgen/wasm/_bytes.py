"""A bounds-checked cursor over bytes: LEB128, names, fixed-width integers.

Shared by the wasm reader and the schema decoder. Every read past the end raises
``TruncatedError``, which the callers turn into a ``BindgenError`` naming the file.
"""

from __future__ import annotations


class TruncatedError(ValueError):
    """The data ended in the middle of an item."""


class MalformedError(ValueError):
    """The data holds a value the format does not allow."""


class ByteCursor:
    __slots__ = ("data", "end", "pos")

    def __init__(self, data: bytes | memoryview, pos: int = 0, end: int | None = None) -> None:
        self.data = data
        self.pos = pos
        self.end = len(data) if end is None else end

    def at_end(self) -> bool:
        return self.pos >= self.end

    def remaining(self) -> int:
        return self.end - self.pos

    def byte(self) -> int:
        if self.pos >= self.end:
            raise TruncatedError(f"unexpected end of data at offset {self.pos}")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def take(self, count: int) -> bytes:
        if count < 0 or self.pos + count > self.end:
            raise TruncatedError(
                f"needed {count} bytes at offset {self.pos}, only {self.end - self.pos} left"
            )
        chunk = bytes(self.data[self.pos : self.pos + count])
        self.pos += count
        return chunk

    def leb_u32(self) -> int:
        """Unsigned LEB128, padded forms accepted, at most 5 bytes."""
        result = shift = 0
        for _ in range(5):
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                if result > 0xFFFFFFFF:
                    raise MalformedError(f"LEB128 value too large for u32 before offset {self.pos}")
                return result
            shift += 7
        raise MalformedError(f"LEB128 integer longer than 5 bytes before offset {self.pos}")

    def leb_s64(self) -> int:
        """Signed LEB128 (for constant expressions), at most 10 bytes."""
        result = shift = 0
        for _ in range(10):
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                if byte & 0x40:
                    result -= 1 << shift
                return result
        raise MalformedError(f"signed LEB128 integer longer than 10 bytes before offset {self.pos}")

    def u32le(self) -> int:
        return int.from_bytes(self.take(4), "little")

    def utf8(self, length: int) -> str:
        raw = self.take(length)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedError(f"invalid UTF-8 text before offset {self.pos}") from exc

    def name(self) -> str:
        """A wasm name: LEB128 length, then UTF-8."""
        return self.utf8(self.leb_u32())


def uleb(value: int) -> bytes:
    """``value`` as unsigned LEB128, minimal form."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def padded_uleb(value: int) -> bytes:
    """``value`` as the 5-byte unsigned LEB128 linkers write for relocated indices."""
    return bytes([*((value >> (7 * i)) & 0x7F | 0x80 for i in range(4)), (value >> 28) & 0x7F])


def padded_sleb(value: int, size: int) -> bytes:
    """``value`` as signed LEB128 in exactly ``size`` bytes (continuation bytes pad it)."""
    if not -(1 << (7 * size - 1)) <= value < 1 << (7 * size - 1):
        raise ValueError(f"{value} does not fit {size} bytes of signed LEB128")
    groups = [(value >> (7 * i)) & 0x7F for i in range(size)]
    return bytes([*(g | 0x80 for g in groups[:-1]), groups[-1]])


def sleb(value: int) -> bytes:
    """``value`` as signed LEB128, minimal form."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)
