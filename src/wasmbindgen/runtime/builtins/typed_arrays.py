"""``ArrayBuffer``, ``DataView`` and the typed arrays.

An ``ArrayBuffer`` owns a ``bytearray``, or — the one ``wasm_bindgen::memory()``'s ``buffer``
returns — reads linear memory itself, so a typed array over it reads and writes the module's
memory (js-sys's ``Uint8Array::to_vec``/``copy_from``/``view`` rely on this). Typed arrays are
views: elements live in their buffer. From Python they behave as sequences (``len``, indexing,
iteration, ``tobytes()``, ``tolist()``) and are built from any buffer or iterable of numbers.
"""

from __future__ import annotations

import array
import math
import struct
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from .. import jsops
from ..jsops import relative_index
from .errors import RangeError, TypeError
from .prototypes import RECEIVER_RESOLVERS, register, register_receivers


class ArrayBuffer:
    """``new ArrayBuffer(byteLength)``: zero-filled bytes."""

    def __init__(self, length: Any = 0) -> None:
        size = jsops.to_number(length) if length is not None else 0
        if not (size >= 0 and float(size).is_integer()):
            raise RangeError("Invalid array buffer length")
        self._data = bytearray(int(size))
        self._source: Callable[[], memoryview] | None = None

    @classmethod
    def over(cls, source: Callable[[], memoryview]) -> ArrayBuffer:
        """A buffer whose bytes are whatever ``source()`` returns now (linear memory)."""
        buffer = cls()
        buffer._source = source
        return buffer

    def bytes_view(self) -> memoryview:
        return self._source() if self._source is not None else memoryview(self._data)

    @property
    def byteLength(self) -> int:  # noqa: N802 - JS names
        return len(self.bytes_view())

    def slice(self, begin: Any = 0, end: Any = None) -> ArrayBuffer:
        view = self.bytes_view()
        start, stop = relative_index(begin, len(view), 0), relative_index(end, len(view), len(view))
        copy = ArrayBuffer(max(0, stop - start))
        copy._data[:] = view[start:stop]
        return copy

    @staticmethod
    def isView(value: Any = None) -> bool:  # noqa: N802
        return isinstance(value, (TypedArray, DataView))

    def __len__(self) -> int:
        return self.byteLength

    def __repr__(self) -> str:
        return f"ArrayBuffer({self.byteLength} bytes)"


class SharedArrayBuffer(ArrayBuffer):
    """One thread here, so the same as an ``ArrayBuffer``."""


def _wrap(value: Any, bits: int, signed: bool) -> int:
    n = value if isinstance(value, int) and not isinstance(value, bool) else jsops.to_number(value)
    if isinstance(n, float):
        n = 0 if not math.isfinite(n) else int(n)
    n &= (1 << bits) - 1
    return n - (1 << bits) if signed and n >= 1 << (bits - 1) else n


class TypedArray:
    """The shared behaviour of ``Int8Array`` … ``BigUint64Array``."""

    TYPECODE: ClassVar[str] = "B"
    BYTES: ClassVar[int] = 1
    KIND: ClassVar[str] = "uint"  # "int", "uint", "clamped", "float", "bigint", "biguint"
    JS_PROPERTIES = frozenset({"buffer", "byteLength", "byteOffset", "length"})

    def __init__(self, source: Any = 0, byte_offset: Any = None, length: Any = None) -> None:
        if isinstance(source, ArrayBuffer):
            offset = 0 if byte_offset is None else int(jsops.to_number(byte_offset))
            available = source.byteLength - offset
            if offset < 0 or offset % self.BYTES or available < 0:
                raise RangeError(
                    f"start offset of {type(self).__name__} should be a multiple of {self.BYTES}"
                )
            if length is None:
                if available % self.BYTES:
                    raise RangeError(
                        f"byte length of {type(self).__name__} should be a multiple of {self.BYTES}"
                    )
                count = available // self.BYTES
            else:
                count = int(jsops.to_number(length))
                if count < 0 or count * self.BYTES > available:
                    raise RangeError(f"Invalid typed array length: {count}")
            self.buffer, self.byteOffset, self._length = source, offset, count
            return
        if source is None or (isinstance(source, (int, float)) and not isinstance(source, bool)):
            wanted = 0.0 if source is None else jsops.to_number(source)
            if not (wanted >= 0 and wanted.is_integer()):
                raise RangeError(f"Invalid typed array length: {jsops.to_string(source)}")
            self.buffer, self.byteOffset, self._length = (
                ArrayBuffer(int(wanted) * self.BYTES),
                0,
                int(wanted),
            )
            return
        values = _elements(source)
        self.buffer = ArrayBuffer(len(values) * self.BYTES)
        self.byteOffset, self._length = 0, len(values)
        view = self._view()
        for i, value in enumerate(values):
            view[i] = self._coerce(value)

    # -- storage --------------------------------------------------------------------------------

    def _view(self) -> Any:  # a memoryview cast to TYPECODE
        raw = self.buffer.bytes_view()
        end = self.byteOffset + self._length * self.BYTES
        if end > len(raw):  # the memory shrank under us: JS would have detached the buffer
            return memoryview(b"").cast(self.TYPECODE)  # type: ignore[call-overload]
        return raw[self.byteOffset : end].cast(self.TYPECODE)  # type: ignore[call-overload]

    def _coerce(self, value: Any) -> Any:
        kind = self.KIND
        if kind == "float":
            n = jsops.to_number(value)
            if self.TYPECODE == "f" and math.isfinite(n) and abs(n) > 3.4028235677973366e38:
                return math.copysign(math.inf, n)
            return n
        if kind in ("bigint", "biguint"):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"Cannot convert {jsops.to_string(value)} to a BigInt")
            return _wrap(value, 64, kind == "bigint")
        if kind == "clamped":
            n = jsops.to_number(value)
            return 0 if math.isnan(n) else int(min(255, max(0, round(n))))
        return _wrap(value, self.BYTES * 8, kind == "int")

    # -- JS API ---------------------------------------------------------------------------------

    @property
    def length(self) -> int:
        return self._length if len(self._view()) == self._length else 0

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

    def forEach(self, fn: Callable[..., Any]) -> None:  # noqa: N802
        for i in range(self.length):
            fn(self[i], i, self)

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
Uint8Array = _typed("Uint8Array", "B", 1, "uint")
Uint8ClampedArray = _typed("Uint8ClampedArray", "B", 1, "clamped")
Int16Array = _typed("Int16Array", "h", 2, "int")
Uint16Array = _typed("Uint16Array", "H", 2, "uint")
Int32Array = _typed("Int32Array", "i", 4, "int")
Uint32Array = _typed("Uint32Array", "I", 4, "uint")
Float32Array = _typed("Float32Array", "f", 4, "float")
Float64Array = _typed("Float64Array", "d", 8, "float")
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


class DataView:
    """``new DataView(buffer, byteOffset, byteLength)``; big-endian unless ``littleEndian``."""

    JS_PROPERTIES = frozenset({"buffer", "byteLength", "byteOffset"})

    def __init__(self, buffer: Any, byte_offset: Any = 0, byte_length: Any = None) -> None:
        if not isinstance(buffer, ArrayBuffer):
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
        if fmt in "fd":
            item: Any = jsops.to_number(value)
        else:
            item = _wrap(value, size * 8, fmt.islower())
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
    ("Float32", "f"),
    ("Float64", "d"),
    ("BigInt64", "q"),
    ("BigUint64", "Q"),
):
    _accessors(_name, _fmt)


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
