"""``ArrayBuffer`` and ``SharedArrayBuffer``: the bytes typed arrays and ``DataView`` look at.

A buffer owns a ``bytearray``, or — the one ``wasm_bindgen::memory()``'s ``buffer`` returns —
reads linear memory itself, so a view over it reads and writes the module's memory (js-sys's
``Uint8Array::to_vec``/``copy_from``/``view`` rely on this). Resizable buffers
(``new ArrayBuffer(n, {maxByteLength})``), ``resize``, ``transfer`` (which detaches the source)
and growable shared buffers follow ES2024.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from .. import jsops
from ..jsops import relative_index
from ..resolve import get_property
from .errors import RangeError, TypeError


def _byte_length(value: Any, what: str) -> int:
    size = jsops.to_number(value) if value is not None else 0
    if not (size >= 0 and float(size).is_integer()):
        raise RangeError(f"Invalid {what}: {jsops.to_string(value)}")
    return int(size)


def _max_byte_length(options: Any, length: int) -> int | None:
    """``options.maxByteLength`` (undefined: a fixed-length buffer)."""
    if options is None:
        return None
    try:
        wanted = get_property(options, "maxByteLength")
    except Exception:
        return None
    if wanted is None:
        return None
    limit = _byte_length(wanted, "array buffer max length")
    if length > limit:
        raise RangeError("Invalid array buffer max length: smaller than the length")
    return limit


class ByteBuffer:
    """What both buffer kinds share: their bytes, ``byteLength``, ``maxByteLength``, ``slice``."""

    def __init__(self, length: Any = 0, options: Any = None) -> None:
        size = _byte_length(length, "array buffer length")
        self._data = bytearray(size)
        self._source: Callable[[], memoryview] | None = None
        self._limit = _max_byte_length(options, size)

    @classmethod
    def over(cls, source: Callable[[], memoryview]) -> Self:
        """A buffer whose bytes are whatever ``source()`` returns now (linear memory)."""
        buffer = cls()
        buffer._source = source
        return buffer

    def bytes_view(self) -> memoryview:
        return self._source() if self._source is not None else memoryview(self._data)

    @property
    def byteLength(self) -> int:  # noqa: N802 - JS names
        return len(self.bytes_view())

    @property
    def maxByteLength(self) -> int:  # noqa: N802
        return self._limit if self._limit is not None else self.byteLength

    @property
    def tracks_length(self) -> bool:
        """Whether views made without a length follow the buffer as it resizes."""
        return self._limit is not None

    def _resize_to(self, length: Any, what: str) -> None:
        size = _byte_length(length, f"{what} length")
        if self._limit is None or self._source is not None:
            raise TypeError(f"{type(self).__name__}.prototype.{what}: the buffer is fixed-length")
        if size > self._limit:
            raise RangeError(f"{what}: {size} is more than maxByteLength {self._limit}")
        if size < len(self._data):
            del self._data[size:]
        else:
            self._data.extend(bytes(size - len(self._data)))

    def slice(self, begin: Any = 0, end: Any = None) -> Self:
        view = self.bytes_view()
        start, stop = relative_index(begin, len(view), 0), relative_index(end, len(view), len(view))
        copy = type(self)(max(0, stop - start))
        copy._data[:] = view[start:stop]
        return copy

    @staticmethod
    def isView(value: Any = None) -> bool:  # noqa: N802
        return hasattr(value, "buffer") and isinstance(value.buffer, ByteBuffer)

    def __len__(self) -> int:
        return self.byteLength

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.byteLength} bytes)"


class ArrayBuffer(ByteBuffer):
    """``new ArrayBuffer(byteLength[, {maxByteLength}])``: zero-filled bytes."""

    def __init__(self, length: Any = 0, options: Any = None) -> None:
        super().__init__(length, options)
        self._detached = False

    @property
    def detached(self) -> bool:
        return self._detached

    @property
    def resizable(self) -> bool:
        return self._limit is not None

    def resize(self, length: Any = 0) -> None:
        self._resize_to(length, "resize")

    def transfer(self, length: Any = None) -> ArrayBuffer:
        return self._transfer(length, self._limit, "transfer")

    def transferToFixedLength(self, length: Any = None) -> ArrayBuffer:  # noqa: N802
        return self._transfer(length, None, "transferToFixedLength")

    def _transfer(self, length: Any, limit: int | None, what: str) -> ArrayBuffer:
        if self._source is not None:  # as WebAssembly.Memory's buffer in JS
            raise TypeError(f"ArrayBuffer.prototype.{what}: the buffer is not detachable")
        if self._detached:
            raise TypeError(f"ArrayBuffer.prototype.{what}: the buffer is detached")
        size = len(self._data) if length is None else _byte_length(length, "array buffer length")
        if limit is not None and size > limit:
            raise RangeError(f"{what}: {size} is more than maxByteLength {limit}")
        moved = ArrayBuffer()
        moved._data, moved._limit = self._data, limit
        if size < len(moved._data):
            del moved._data[size:]
        else:
            moved._data.extend(bytes(size - len(moved._data)))
        self._data, self._limit, self._detached = bytearray(), None, True
        return moved


class SharedArrayBuffer(ByteBuffer):
    """``new SharedArrayBuffer(byteLength[, {maxByteLength}])``; one thread here, so plain
    bytes. A growable one grows but never shrinks."""

    @property
    def growable(self) -> bool:
        return self._limit is not None

    def grow(self, length: Any = 0) -> None:
        if _byte_length(length, "grow length") < self.byteLength:
            raise RangeError("SharedArrayBuffer.prototype.grow: a shared buffer cannot shrink")
        self._resize_to(length, "grow")
