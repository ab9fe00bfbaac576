"""Strings, number arrays and scratch space in linear memory.

Everything here copies: Python never keeps a view of linear memory across a call into wasm,
except the views handed to an import for a borrowed slice, which are released when it returns.
"""

from __future__ import annotations

import array
import re
import struct
from collections.abc import Callable
from typing import Any

from .engine import WasmInstance

RETPTR_BYTES = 32  # every return-pointer layout fits (the largest, Result<Option<i128>>, is 32)

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SLOT_U32 = "<I"
_TWO_U32 = "<I12xI"
_THREE_U32 = "<I12xI12xI"


def utf8(text: str) -> bytes:
    """UTF-8 as JS ``TextEncoder`` makes it: lone surrogates become U+FFFD."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        # Paired surrogates (from 'surrogatepass' input) are joined first, lone ones replaced.
        joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return _LONE_SURROGATE.sub("\ufffd", joined).encode()


class LinearMemory:
    """Allocation and copying through the module's ``__wbindgen_malloc``/``__wbindgen_free``.

    From 0.2.87 both take the allocation's alignment as well (``aligned``)."""

    def __init__(self, wasm: WasmInstance, aligned: bool = False) -> None:
        self.wasm = wasm
        self.view = wasm.view
        invoke = wasm.make_invoke()
        buf = wasm.buffer
        malloc_ref = wasm.func_ref("__wbindgen_malloc")
        free_ref = wasm.func_ref("__wbindgen_free")
        pack, unpack = struct.pack_into, struct.unpack_from
        self._retptrs: list[int] = []

        if aligned:

            def malloc(size: int, align: int = 1) -> int:
                pack(_TWO_U32, buf, 0, size, align)
                invoke(malloc_ref, 2)
                return int(unpack(_SLOT_U32, buf)[0])

            def free(ptr: int, size: int, align: int = 1) -> None:
                if size:
                    pack(_THREE_U32, buf, 0, ptr, size, align)
                    invoke(free_ref, 3)

        else:

            def malloc(size: int, align: int = 1) -> int:
                pack(_SLOT_U32, buf, 0, size)
                invoke(malloc_ref, 1)
                return int(unpack(_SLOT_U32, buf)[0])

            def free(ptr: int, size: int, align: int = 1) -> None:
                if size:
                    pack(_TWO_U32, buf, 0, ptr, size)
                    invoke(free_ref, 2)

        self.malloc: Callable[..., int] = malloc
        self.free: Callable[..., None] = free
        native = wasm.direct
        if native is not None:  # the compiled boundary: strings copied and decoded in C
            native.set_allocator(malloc_ref, free_ref)
            self.pass_str = self._compiled_pass_str(native)  # type: ignore[method-assign,assignment]
            self.read_str = native.read_str  # type: ignore[method-assign]
            self.take_str = native.take_str  # type: ignore[method-assign]

    def _compiled_pass_str(self, native: Any) -> Callable[[Any, str], tuple[int, int]]:
        pass_utf8, pure = native.pass_utf8, self.pass_str

        def pass_str(text: Any, what: str = "argument") -> tuple[int, int]:
            passed = pass_utf8(text)  # None: not a str, or lone surrogates to replace
            return pure(text, what) if passed is None else passed

        return pass_str

    # -- return-pointer scratch blocks, one per nesting level ---------------------------------

    def retptr(self) -> int:
        pool = self._retptrs
        if pool:
            return pool.pop()
        return (self.malloc(RETPTR_BYTES + 8, 8) + 7) & ~7

    def release_retptr(self, ptr: int) -> None:
        self._retptrs.append(ptr)

    # -- strings --------------------------------------------------------------------------------

    def pass_str(self, text: Any, what: str = "argument") -> tuple[int, int]:
        """Copy ``text`` into a fresh allocation; returns ``(ptr, byte length)``."""
        if not isinstance(text, str):
            raise TypeError(f"{what} must be str, not {type(text).__name__}")
        data = utf8(text)
        size = len(data)
        ptr = self.malloc(size)
        if size:
            self.view(ptr + size)[ptr : ptr + size] = data
        return ptr, size

    def free_args(self, *allocations: tuple[int, int, int]) -> None:
        """Free ``(ptr, count, item size)`` allocations of a call that failed before it ran."""
        for ptr, count, size in allocations:
            if ptr:
                self.free(ptr, count * size, size)

    def pass_opt_str(self, text: Any, what: str = "argument") -> tuple[int, int]:
        return (0, 0) if text is None else self.pass_str(text, what)

    def read_str(self, ptr: int, size: int) -> str:
        return str(self.view(ptr + size)[ptr : ptr + size], "utf-8")

    def take_str(self, ptr: int, size: int) -> str:
        text = str(self.view(ptr + size)[ptr : ptr + size], "utf-8")
        self.free(ptr, size)
        return text

    # -- number arrays --------------------------------------------------------------------------

    def to_array(self, value: Any, typecode: str, what: str, clamped: bool = False) -> bytes:
        """The little-endian bytes of ``value`` as elements of ``typecode``."""
        if isinstance(value, (str, dict)) or value is None:
            raise TypeError(
                f"{what} must be a sequence or buffer of numbers, not {type(value).__name__}"
            )
        try:
            view = memoryview(value)
        except TypeError:
            view = None
        if view is not None and view.c_contiguous and view.format.lstrip("<@=") == typecode:
            return view.cast("B").tobytes() if view.ndim <= 1 else view.tobytes()
        if view is not None and typecode in "Bb" and view.itemsize == 1 and view.c_contiguous:
            return view.tobytes()
        # Element by element, as a JS typed array's set() converts: bytes for a &[u16] are
        # numbers, not raw memory.
        items = view.tolist() if view is not None else value
        try:
            if clamped:
                return bytes(min(255, max(0, round(v))) for v in items)
            return array.array(typecode, items).tobytes()
        except (TypeError, OverflowError) as exc:
            raise type(exc)(f"{what}: {exc}") from None

    def pass_array(
        self, value: Any, typecode: str, what: str = "argument", clamped: bool = False
    ) -> tuple[int, int]:
        """Copy a number sequence in; returns ``(ptr, element count)``."""
        data = self.to_array(value, typecode, what, clamped)
        size = len(data)
        itemsize = array.array(typecode).itemsize
        ptr = self.malloc(size, itemsize)
        if size:
            self.view(ptr + size)[ptr : ptr + size] = data
        return ptr, size // itemsize

    def pass_opt_array(
        self, value: Any, typecode: str, what: str = "argument", clamped: bool = False
    ) -> tuple[int, int]:
        return (0, 0) if value is None else self.pass_array(value, typecode, what, clamped)

    def read_array(self, ptr: int, count: int, typecode: str) -> bytes | array.array[Any]:
        size = count * array.array(typecode).itemsize
        raw = self.view(ptr + size)[ptr : ptr + size]
        if typecode == "B":
            return bytes(raw)
        out = array.array(typecode)
        out.frombytes(raw)
        return out

    def take_array(self, ptr: int, count: int, typecode: str) -> bytes | array.array[Any]:
        out = self.read_array(ptr, count, typecode)
        itemsize = array.array(typecode).itemsize
        self.free(ptr, count * itemsize, itemsize)
        return out

    def take_clamped(self, ptr: int, count: int) -> Any:
        """An owned ``Clamped<Vec<u8>>``: a ``Uint8ClampedArray`` of its bytes, as in JS."""
        from .builtins.typed_arrays import Uint8ClampedArray

        return Uint8ClampedArray(self.take_array(ptr, count, "B"))

    def clamped_copy(self, ptr: int, count: int) -> Any:
        """A borrowed ``Clamped<&[u8]>``: a ``Uint8ClampedArray`` copy of the bytes."""
        from .builtins.typed_arrays import Uint8ClampedArray

        return Uint8ClampedArray(bytes(self.view(ptr + count)[ptr : ptr + count]))

    def array_view(self, ptr: int, count: int, typecode: str) -> memoryview:
        """A live view of a slice in linear memory, for an import's borrowed argument."""
        size = count * array.array(typecode).itemsize
        view: memoryview = self.view(ptr + size)[ptr : ptr + size]
        return view.cast(typecode)  # type: ignore[call-overload,no-any-return]

    def check_writable(self, value: Any, what: str) -> None:
        if isinstance(value, list):
            return
        try:
            if not memoryview(value).readonly:
                return
        except TypeError:
            pass
        raise TypeError(
            f"{what} is a &mut slice: pass a bytearray, array.array, list or writable "
            f"memoryview, not {type(value).__name__}"
        )

    def copy_back(self, target: Any, ptr: int, count: int, typecode: str) -> None:
        """After a ``&mut [T]`` call (0.2.83): copy the slice back into the caller's object,
        then free it."""
        itemsize = array.array(typecode).itemsize
        write_into(target, self.read_array(ptr, count, typecode))
        self.free(ptr, count * itemsize, itemsize)


def write_into(target: Any, data: bytes | array.array[Any]) -> None:
    """Copy the elements in ``data`` into the caller's ``&mut [T]`` object."""
    if isinstance(target, list):
        target[:] = list(data)
        return
    out = memoryview(target).cast("B")
    raw = data if isinstance(data, bytes) else data.tobytes()
    if len(out) == len(raw):
        out[:] = raw
    else:  # element types differ (e.g. a bytearray for a &mut [u32]): per element
        for i, item in enumerate(data):
            target[i] = item


class WriteBackTarget:
    """The caller's object behind an export's ``&mut [T]`` argument (0.2.84+): Rust writes the
    slice back into it through ``__wbindgen_copy_to_typed_array`` when its borrow ends."""

    __slots__ = ("target", "typecode")

    def __init__(self, target: Any, typecode: str) -> None:
        self.target, self.typecode = target, typecode

    def write_back(self, data: Any) -> None:
        items = array.array(self.typecode)
        items.frombytes(bytes(data))
        write_into(self.target, bytes(items) if self.typecode == "B" else items)
