"""The bytes of a JS ``BufferSource`` (typed array, ``DataView``, ``ArrayBuffer``) or of a
Python buffer playing one."""

from __future__ import annotations

import builtins
from typing import Any

from ..builtins.buffers import ByteBuffer
from ..builtins.data_view import DataView
from ..builtins.errors import TypeError
from ..builtins.typed_arrays import TypedArray


def byte_view(value: Any, what: str) -> memoryview:
    """A byte view of ``value``'s own memory (writable where the object is)."""
    if isinstance(value, (TypedArray, DataView)):
        start = value.byteOffset
        return value.buffer.bytes_view()[start : start + value.byteLength]
    if isinstance(value, ByteBuffer):
        return value.bytes_view()
    try:
        return memoryview(value).cast("B")
    except (builtins.TypeError, ValueError):
        raise TypeError(
            f"{what}: the argument is not an ArrayBuffer or ArrayBufferView "
            f"(got {type(value).__name__})"
        ) from None


def buffer_bytes(value: Any, what: str) -> bytes:
    """A copy of ``value``'s bytes (the view may be linear memory, which moves on growth)."""
    return byte_view(value, what).tobytes()
