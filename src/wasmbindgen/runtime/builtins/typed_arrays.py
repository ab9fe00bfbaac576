"""The typed arrays, ``Int8Array`` … ``BigUint64Array`` and ``Float16Array``.

Typed arrays are views: elements live in their buffer (see ``buffers``). From Python they behave
as sequences (``len``, indexing, iteration, ``tobytes()``, ``tolist()``) and are built from any
buffer or iterable of numbers. A view made without a length over a resizable buffer follows it.
"""

from __future__ import annotations

import array
import math
import struct
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from .. import jsops
from ..jsops import relative_index
from . import base64_hex
from .array import ArrayPrototype
from .buffers import ArrayBuffer, ByteBuffer
from .errors import RangeError, TypeError
from .prototypes import RECEIVER_RESOLVERS, register, register_receivers


def wrap_integer(value: Any, bits: int, signed: bool) -> int:
    """``value`` as a ``bits``-wide integer, wrapped modulo 2**bits as typed arrays store it."""
    n = value if isinstance(value, int) and not isinstance(value, bool) else jsops.to_number(value)
    if isinstance(n, float):
        n = 0 if not math.isfinite(n) else int(n)
    n &= (1 << bits) - 1
    return n - (1 << bits) if signed and n >= 1 << (bits - 1) else n


class HalfView:
    """The elements of a ``Float16Array``: what ``memoryview.cast("e")`` would give, which
    Python refuses (memoryview casts to 'B' and native integer/float formats only)."""

    def __init__(self, raw: memoryview) -> None:
        self._raw = raw  # little-endian halves, as linear memory holds them

    def __len__(self) -> int:
        return len(self._raw) // 2

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, _ = index.indices(len(self))
            return HalfView(self._raw[2 * start : 2 * max(start, stop)])
        i = index + len(self) if index < 0 else index
        if not 0 <= i < len(self):
            raise IndexError(index)
        return struct.unpack_from("<e", self._raw, 2 * i)[0]

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            start, stop, _ = index.indices(len(self))
            source = value._raw if isinstance(value, HalfView) else value
            self._raw[2 * start : 2 * max(start, stop)] = source
            return
        struct.pack_into("<e", self._raw, 2 * index, value)

    def tolist(self) -> list[float]:
        return list(struct.unpack(f"<{len(self)}e", self._raw))

    def tobytes(self) -> bytes:
        return self._raw.tobytes()


def to_half(value: float) -> float:
    """``value`` rounded to the nearest binary16, overflowing to ±Infinity as JS does."""
    try:
        return float(struct.unpack("<e", struct.pack("<e", value))[0])
    except OverflowError:
        return math.copysign(math.inf, value)


def _sort_key(value: Any) -> tuple[bool, Any, float]:
    """Typed arrays sort numerically: NaN last, -0 before +0."""
    if isinstance(value, float):
        return (math.isnan(value), 0.0 if math.isnan(value) else value, math.copysign(1, value))
    return (False, value, 1.0)


class TypedArray:
    """The shared behaviour of ``Int8Array`` … ``BigUint64Array`` and ``Float16Array``."""

    TYPECODE: ClassVar[str] = "B"
    BYTES: ClassVar[int] = 1
    KIND: ClassVar[str] = "uint"  # "int", "uint", "clamped", "float", "bigint", "biguint"
    JS_PROPERTIES = frozenset({"buffer", "byteLength", "byteOffset", "length"})

    def __init__(self, source: Any = 0, byte_offset: Any = None, length: Any = None) -> None:
        self.buffer: ByteBuffer
        self._length: int | None  # None: follows a resizable buffer
        if isinstance(source, ByteBuffer):
            self._over_buffer(source, byte_offset, length)
            return
        if source is None or (isinstance(source, (int, float)) and not isinstance(source, bool)):
            wanted = 0.0 if source is None else jsops.to_number(source)
            if not (wanted >= 0 and wanted.is_integer()):
                raise RangeError(f"Invalid typed array length: {jsops.to_string(source)}")
            count = int(wanted)
            self.buffer, self.byteOffset, self._length = ArrayBuffer(count * self.BYTES), 0, count
            return
        values = _elements(source)
        self.buffer = ArrayBuffer(len(values) * self.BYTES)
        self.byteOffset, self._length = 0, len(values)
        view = self._view()
        for i, value in enumerate(values):
            view[i] = self._coerce(value)

    def _over_buffer(self, buffer: ByteBuffer, byte_offset: Any, length: Any) -> None:
        name = type(self).__name__
        offset = 0 if byte_offset is None else int(jsops.to_number(byte_offset))
        available = buffer.byteLength - offset
        if offset < 0 or offset % self.BYTES or available < 0:
            raise RangeError(f"start offset of {name} should be a multiple of {self.BYTES}")
        if length is not None:
            count: int | None = int(jsops.to_number(length))
            if count is None or count < 0 or count * self.BYTES > available:
                raise RangeError(f"Invalid typed array length: {count}")
        elif buffer.tracks_length:
            count = None
        elif available % self.BYTES:
            raise RangeError(f"byte length of {name} should be a multiple of {self.BYTES}")
        else:
            count = available // self.BYTES
        self.buffer, self.byteOffset, self._length = buffer, offset, count

    # -- storage --------------------------------------------------------------------------------

    def _view(self) -> Any:
        """The elements: a memoryview cast to TYPECODE (a ``HalfView`` for Float16Array)."""
        raw = self.buffer.bytes_view()
        if self._length is None:  # length-tracking: whole elements up to the buffer's end
            count = max(0, len(raw) - self.byteOffset) // self.BYTES
        else:
            count = self._length
        end = self.byteOffset + count * self.BYTES
        if end > len(raw):  # shrunk or detached under us: out of bounds, as in JS
            raw, end = memoryview(b""), self.byteOffset
        window = raw[self.byteOffset : end] if len(raw) else raw
        if self.TYPECODE == "e":
            return HalfView(window)
        return window.cast(self.TYPECODE)  # type: ignore[call-overload]

    def _coerce(self, value: Any) -> Any:
        kind = self.KIND
        if kind == "float":
            n = jsops.to_number(value)
            if self.TYPECODE == "e":
                return to_half(n)
            if self.TYPECODE == "f" and math.isfinite(n) and abs(n) > 3.4028235677973366e38:
                return math.copysign(math.inf, n)
            return n
        if kind in ("bigint", "biguint"):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"Cannot convert {jsops.to_string(value)} to a BigInt")
            return wrap_integer(value, 64, kind == "bigint")
        if kind == "clamped":
            n = jsops.to_number(value)
            return 0 if math.isnan(n) else int(min(255, max(0, round(n))))
        return wrap_integer(value, self.BYTES * 8, kind == "int")

    def _with_values(self, values: list[Any]) -> TypedArray:
        copy = type(self)(len(values))
        view = copy._view()
        for i, value in enumerate(values):
            view[i] = value
        return copy

    # -- JS API ---------------------------------------------------------------------------------

    @property
    def length(self) -> int:
        return len(self._view())

    @property
    def byteLength(self) -> int:  # noqa: N802 - JS names
        return self.length * self.BYTES

    def at(self, index: Any = 0) -> Any:
        i = int(jsops.to_number(index))
        i = i + self.length if i < 0 else i
        return self[i] if 0 <= i < self.length else None

    def fill(self, value: Any, start: Any = 0, end: Any = None) -> TypedArray:
        view, item = self._view(), self._coerce(value)
        for i in range(
            relative_index(start, len(view), 0), relative_index(end, len(view), len(view))
        ):
            view[i] = item
        return self

    def copyWithin(self, target: Any = 0, start: Any = 0, end: Any = None) -> TypedArray:  # noqa: N802
        n = self.length
        to, first = relative_index(target, n, 0), relative_index(start, n, 0)
        count = min(relative_index(end, n, n) - first, n - to)
        if count > 0:  # bytes copied first, so overlapping ranges behave as memmove
            raw, base, size = self.buffer.bytes_view(), self.byteOffset, self.BYTES
            chunk = bytes(raw[base + first * size : base + (first + count) * size])
            raw[base + to * size : base + (to + count) * size] = chunk
        return self

    def forEach(self, fn: Callable[..., Any]) -> None:  # noqa: N802
        for i in range(self.length):
            fn(self[i], i, self)

    def findLast(self, fn: Callable[..., Any]) -> Any:  # noqa: N802
        i = self.findLastIndex(fn)
        return self[i] if i >= 0 else None

    def findLastIndex(self, fn: Callable[..., Any]) -> int:  # noqa: N802
        for i in reversed(range(self.length)):
            if not jsops.is_falsy(fn(self[i], i, self)):
                return i
        return -1

    def includes(self, value: Any = None, start: Any = 0) -> bool:
        return ArrayPrototype.includes(self.tolist(), value, start)

    def indexOf(self, value: Any = None, start: Any = 0) -> int:  # noqa: N802
        return ArrayPrototype.indexOf(self.tolist(), value, start)

    def set(self, source: Any, offset: Any = 0) -> None:
        values = _elements(source)
        start = int(jsops.to_number(offset))
        view = self._view()
        if start < 0 or start + len(values) > len(view):
            raise RangeError("offset is out of bounds")
        if isinstance(source, TypedArray) and source.TYPECODE == self.TYPECODE:
            view[start : start + len(values)] = source._view()  # one copy, the common case
            return
        for i, value in enumerate(values):
            view[start + i] = self._coerce(value)

    def slice(self, begin: Any = 0, end: Any = None) -> TypedArray:
        n = self.length
        start, stop = relative_index(begin, n, 0), relative_index(end, n, n)
        copy = type(self)(max(0, stop - start))
        if stop > start:
            copy._view()[:] = self._view()[start:stop]
        return copy

    def subarray(self, begin: Any = 0, end: Any = None) -> TypedArray:
        n = self.length
        start, stop = relative_index(begin, n, 0), relative_index(end, n, n)
        return type(self)(self.buffer, self.byteOffset + start * self.BYTES, max(0, stop - start))

    def toReversed(self) -> TypedArray:  # noqa: N802
        return self._with_values(self.tolist()[::-1])

    def toSorted(self, fn: Any = None) -> TypedArray:  # noqa: N802
        if fn is None:
            return self._with_values(sorted(self.tolist(), key=_sort_key))
        return self._with_values(ArrayPrototype.sort(self.tolist(), fn))

    def with_(self, index: Any = 0, value: Any = None) -> TypedArray:
        n, i = self.length, int(jsops.to_number(index))
        i = i + n if i < 0 else i
        item = self._coerce(value)
        if not 0 <= i < n:
            raise RangeError(f"Invalid typed array index: {jsops.to_string(index)}")
        values = self.tolist()
        values[i] = item
        return self._with_values(values)

    # -- Python ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> Any:
        value = self._view()[index]
        return float(value) if self.KIND == "float" else value

    def __setitem__(self, index: int, value: Any) -> None:
        if 0 <= index < self.length:  # JS ignores writes out of range
            self._view()[index] = self._coerce(value)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.tolist())

    def tolist(self) -> list[Any]:
        return [float(v) for v in self._view()] if self.KIND == "float" else self._view().tolist()

    def tobytes(self) -> bytes:
        return bytes(self._view().tobytes())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.tolist()!r})"


setattr(TypedArray, "with", TypedArray.with_)  # a Python keyword


def _elements(source: Any) -> list[Any]:
    if isinstance(source, TypedArray):
        return source.tolist()
    if isinstance(source, (bytes, bytearray)):
        return list(source)
    if isinstance(source, memoryview):
        return source.tolist()
    try:
        return list(source)
    except Exception:
        raise TypeError(
            f"{type(source).__name__} is not iterable: cannot fill a typed array"
        ) from None


def _typed(name: str, typecode: str, size: int, kind: str) -> type[TypedArray]:
    return type(name, (TypedArray,), {"TYPECODE": typecode, "BYTES": size, "KIND": kind})


Int8Array = _typed("Int8Array", "b", 1, "int")


class Uint8Array(TypedArray):
    """Bytes; with the base64 and hex codecs of ES2026."""

    TYPECODE, BYTES, KIND = "B", 1, "uint"

    @staticmethod
    def fromBase64(text: Any = None, options: Any = None) -> Uint8Array:  # noqa: N802
        decoded = base64_hex.decode_base64(
            base64_hex.require_string(text, "Uint8Array.fromBase64"), options, 1 << 62
        )
        if decoded.error is not None:
            raise decoded.error
        return Uint8Array(decoded.data)

    @staticmethod
    def fromHex(text: Any = None) -> Uint8Array:  # noqa: N802
        decoded = base64_hex.decode_hex(
            base64_hex.require_string(text, "Uint8Array.fromHex"), 1 << 62
        )
        if decoded.error is not None:
            raise decoded.error
        return Uint8Array(decoded.data)

    def toBase64(self, options: Any = None) -> str:  # noqa: N802
        return base64_hex.encode_base64(self.tobytes(), options)

    def toHex(self) -> str:  # noqa: N802
        return base64_hex.encode_hex(self.tobytes())

    def setFromBase64(self, text: Any = None, options: Any = None) -> dict[str, int]:  # noqa: N802
        text = base64_hex.require_string(text, "Uint8Array.prototype.setFromBase64")
        return self._store(base64_hex.decode_base64(text, options, self.length))

    def setFromHex(self, text: Any = None) -> dict[str, int]:  # noqa: N802
        text = base64_hex.require_string(text, "Uint8Array.prototype.setFromHex")
        return self._store(base64_hex.decode_hex(text, self.length))

    def _store(self, decoded: base64_hex.Decoded) -> dict[str, int]:
        """Write what was decoded — also when decoding stopped at an error, as the spec says."""
        self._view()[: len(decoded.data)] = decoded.data
        if decoded.error is not None:
            raise decoded.error
        return {"read": decoded.read, "written": len(decoded.data)}


Uint8ClampedArray = _typed("Uint8ClampedArray", "B", 1, "clamped")
Int16Array = _typed("Int16Array", "h", 2, "int")
Uint16Array = _typed("Uint16Array", "H", 2, "uint")
Int32Array = _typed("Int32Array", "i", 4, "int")
Uint32Array = _typed("Uint32Array", "I", 4, "uint")
Float32Array = _typed("Float32Array", "f", 4, "float")
Float64Array = _typed("Float64Array", "d", 8, "float")
Float16Array = _typed("Float16Array", "e", 2, "float")
BigInt64Array = _typed("BigInt64Array", "q", 8, "bigint")
BigUint64Array = _typed("BigUint64Array", "Q", 8, "biguint")
TYPED_ARRAYS = {
    cls.__name__: cls
    for cls in (
        Int8Array,
        Uint8Array,
        Uint8ClampedArray,
        Int16Array,
        Uint16Array,
        Int32Array,
        Uint32Array,
        Float32Array,
        Float64Array,
        Float16Array,
        BigInt64Array,
        BigUint64Array,
    )
}

_BY_TYPECODE = {cls.TYPECODE: cls for cls in TYPED_ARRAYS.values() if cls.KIND != "clamped"}


def live_typed_array(memory: Callable[[], memoryview], ptr: int, count: int, typecode: str) -> Any:
    """``js_sys::Uint8Array::view(&slice)`` and kin: a typed array over linear memory itself."""
    cls = _BY_TYPECODE[typecode]
    return cls(ArrayBuffer.over(memory), ptr, count)


# -- Python buffers play typed arrays ---------------------------------------------------------

_ARRAY_CODES = {"l": "q", "L": "Q"}  # array.array's C long is 8 bytes here


def buffer_class(value: Any) -> type[TypedArray] | None:
    """The typed array a Python buffer plays: ``bytes``/``bytearray`` a ``Uint8Array``, a
    ``memoryview`` or ``array.array`` the one of its item format; else None."""
    if isinstance(value, TypedArray):
        return type(value)
    if isinstance(value, (bytes, bytearray)):
        return Uint8Array
    if isinstance(value, (memoryview, array.array)):
        code = value.format.lstrip("<@=") if isinstance(value, memoryview) else value.typecode
        return _BY_TYPECODE.get(_ARRAY_CODES.get(code, code))
    return None


def as_typed_array(value: Any) -> Any:
    """``value`` itself if it is a typed array, else a typed array over the Python buffer's own
    bytes (so a JS method reads — and, for writable buffers, writes — the caller's object)."""
    if isinstance(value, TypedArray):
        return value
    cls = buffer_class(value)
    if cls is None:
        raise TypeError(f"{type(value).__name__} is not a typed array")
    raw = memoryview(value).cast("B")
    return cls(ArrayBuffer.over(lambda: raw))


class TypedArrayPrototype:
    """``X.prototype`` of a typed array class: its methods, to call with ``this`` first
    (``Uint8Array.prototype.set.call(target, source)``)."""

    def __init__(self, cls: type[TypedArray]) -> None:
        self._cls = cls

    def __getattr__(self, name: str) -> Any:
        member = getattr(self._cls, name, None)
        if not callable(member) or name.startswith("_"):
            raise AttributeError(name)
        return ThisFunction(lambda this, *args: member(as_typed_array(this), *args), name)


class ThisFunction:
    """A prototype method: called as a JS method with ``this`` first, and through
    ``Function.prototype.call``/``apply`` with the ``this`` they are given."""

    _wb_takes_this = True

    def __init__(self, fn: Callable[..., Any], name: str) -> None:
        self._fn, self.__name__ = fn, name

    def __call__(self, this: Any = None, *args: Any) -> Any:
        return self._fn(this, *args)


class _PrototypeProperty:
    def __get__(self, obj: Any, owner: type[TypedArray]) -> TypedArrayPrototype:
        return TypedArrayPrototype(owner)


TypedArray.prototype = _PrototypeProperty()  # type: ignore[attr-defined]


def _register_buffers() -> None:
    """Typed-array methods and accessors for Python buffers, so a ``bytes`` passed where Rust
    takes ``&Uint8Array`` answers ``length``, ``to_vec``, ``subarray``… as a Uint8Array."""
    accessors = ("length", "byteLength", "byteOffset", "buffer")
    for cls in TYPED_ARRAYS.values():
        members = {
            name: staticmethod(_on_buffer(getattr(cls, name)))
            for name in dir(cls)
            if not name.startswith("_")
            and name not in accessors
            and callable(getattr(cls, name))
            and name not in ("tolist", "tobytes")
        }
        getters = {name: _buffer_getter(name) for name in accessors}
        register(cls.__name__, type(f"{cls.__name__}Prototype", (), members), getters=getters)
    register_receivers("Uint8Array", bytes, bytearray)
    RECEIVER_RESOLVERS[memoryview] = RECEIVER_RESOLVERS[array.array] = _buffer_class_name


def _on_buffer(method: Callable[..., Any]) -> Callable[..., Any]:
    return lambda this, *args: method(as_typed_array(this), *args)


def _buffer_getter(name: str) -> Callable[[Any], Any]:
    return lambda this: getattr(as_typed_array(this), name)


def _buffer_class_name(value: Any) -> str:
    cls = buffer_class(value)
    return cls.__name__ if cls is not None else "Object"


_register_buffers()
