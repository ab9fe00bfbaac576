"""The base class of the Python classes generated for exported Rust structs."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="RustObject")


class RustObject:
    """A Python handle owning one boxed Rust value.

    The handle holds the box's address. Moving the value into Rust (a by-value argument or a
    consuming method) or ``free()`` zeroes it, and any later use raises ``ValueError`` instead of
    touching freed memory. Handles are released when garbage-collected, and work as context
    managers (``with Point(1, 2) as p: ...`` frees on exit).
    """

    __slots__ = ("__weakref__", "_ptr")
    _runtime: ClassVar[Any] = None  # set by the glue: the owning Runtime
    _free_export: ClassVar[str] = ""

    _ptr: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            f"{type(self).__name__} has no constructor: the Rust struct has no "
            "#[wasm_bindgen(constructor)]; get instances from the module's functions"
        )

    @classmethod
    def _wrap(cls: type[R], ptr: int) -> R:
        obj = cls.__new__(cls)
        obj._ptr = ptr
        return obj

    @classmethod
    def _arg(cls, value: Any, what: str) -> int:
        """The pointer of ``value`` for a ``&Self`` argument (the handle keeps ownership)."""
        if not isinstance(value, cls):
            raise TypeError(f"{what} must be {cls.__name__}, not {type(value).__name__}")
        return value._live_ptr()

    @classmethod
    def _arg_move(cls, value: Any, what: str) -> int:
        """The pointer of ``value`` for a by-value argument: ownership moves to Rust."""
        ptr = cls._arg(value, what)
        value._ptr = 0
        return ptr

    def _live_ptr(self) -> int:
        ptr = getattr(self, "_ptr", 0)
        if not ptr:
            raise ValueError(
                f"this {type(self).__name__} was freed or moved into Rust and can no longer be used"
            )
        return ptr

    def _take_ptr(self) -> int:
        ptr = self._live_ptr()
        self._ptr = 0
        return ptr

    def free(self) -> None:
        """Drop the Rust value now. Freeing twice is harmless."""
        ptr = getattr(self, "_ptr", 0)
        if ptr:
            self._ptr = 0
            self._runtime.free_struct(self._free_export, ptr)

    def __enter__(self: R) -> R:
        return self

    def __exit__(self, *exc: object) -> None:
        self.free()

    def __del__(self) -> None:
        ptr = getattr(self, "_ptr", 0)
        runtime = self._runtime
        if ptr and runtime is not None:
            self._ptr = 0
            runtime.defer_free(self._free_export, ptr)

    def __repr__(self) -> str:
        ptr = getattr(self, "_ptr", 0)
        state = f"at {ptr:#x}" if ptr else "freed"
        return f"<{type(self).__name__} {state}>"
