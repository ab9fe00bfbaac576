"""The base classes of the Python classes generated for exported Rust structs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="RustObject")


class member_property:  # noqa: N801 - used like ``property``
    """A JS property name with instance and static accessors: ``obj.x`` uses the instance
    getter, ``Cls.x`` the static one; ``obj.x = v`` and ``Cls.x = v`` their setters."""

    def __init__(
        self,
        fget: Callable[[Any], Any] | None,
        fset: Callable[[Any, Any], None] | None,
        static_get: Callable[[Any], Any] | None,
        static_set: Callable[[Any, Any], None] | None,
    ) -> None:
        self.fget, self.fset, self.static_get, self.static_set = fget, fset, static_get, static_set

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            if self.static_get is None:
                raise AttributeError("this property has no static getter")
            return self.static_get(owner)
        if self.fget is None:
            raise AttributeError("this property has no getter")
        return self.fget(obj)

    def __set__(self, obj: Any, value: Any) -> None:
        if self.fset is None:
            raise AttributeError("this property has no setter")
        self.fset(obj, value)


class RustClass(type):
    """Lets ``Cls.x = v`` reach a static setter."""

    def __setattr__(cls, name: str, value: Any) -> None:
        for klass in cls.__mro__:
            member = klass.__dict__.get(name)
            if isinstance(member, member_property) and member.static_set is not None:
                member.static_set(cls, value)
                return
        super().__setattr__(name, value)


class RustObject(metaclass=RustClass):
    """A Python handle owning one Rust value.

    The handle holds the value's address. Moving the value into Rust (a by-value argument or a
    consuming method) or ``free()`` zeroes it, and any later use raises ``ValueError`` instead of
    touching freed memory. ``free()`` itself is idempotent, as Python's ``close()`` is: freeing
    a freed or moved object does nothing. Handles are released when garbage-collected, and work
    as context managers (``with Point(1, 2) as p: ...`` frees on exit).
    """

    def __reduce__(self) -> Any:
        raise TypeError(
            f"cannot pickle {type(self).__name__}: it is a Rust value in one instance's linear "
            "memory; pickle the plain values it holds, or the module, and rebuild it there"
        )

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
        obj = object.__new__(cls)  # not cls.__new__: an async constructor overrides it
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

    @classmethod
    def _unwrap_slot(cls, value: Any) -> int:
        """``__wbg_<s>_unwrap``: move the pointer out of ``value`` if it is a live ``cls``, else
        0 (Rust then reports the type mismatch)."""
        if type(value) is not cls or not getattr(value, "_ptr", 0):
            return 0
        ptr = value._ptr
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
        """Drop the Rust value now. Freeing a freed or moved object does nothing."""
        ptr = getattr(self, "_ptr", 0)
        if ptr:
            self._ptr = 0
            self._runtime.free_struct(self._free_export, ptr, explicit=True)

    def __enter__(self: R) -> R:
        return self

    def __exit__(self, *exc: object) -> None:
        self.free()

    def __del__(self) -> None:
        ptr = getattr(self, "_ptr", 0)
        runtime = self._runtime
        if ptr and runtime is not None:
            self._ptr = 0
            export = self._free_export
            runtime.defer(lambda: runtime.free_struct(export, ptr, explicit=False))

    def __repr__(self) -> str:
        ptr = getattr(self, "_ptr", 0)
        state = f"at {ptr:#x}" if ptr else "freed"
        return f"<{type(self).__name__} {state}>"


class InspectableRustObject(RustObject):
    """A ``#[wasm_bindgen(inspectable)]`` struct: its public fields show in ``repr()``,
    ``toJSON()`` (a dict, as JS's) and ``toString()`` (that dict as JSON)."""

    __slots__ = ()
    _wb_fields: ClassVar[tuple[str, ...]] = ()

    def toJSON(self) -> dict[str, Any]:  # noqa: N802 - the JS method name
        return {name: getattr(self, name) for name in self._wb_fields}

    def toString(self) -> str:  # noqa: N802
        return json.dumps(self.toJSON(), default=repr)

    def __repr__(self) -> str:
        if not getattr(self, "_ptr", 0):
            return f"<{type(self).__name__} freed>"
        fields = ", ".join(f"{k}={v!r}" for k, v in self.toJSON().items())
        return f"{type(self).__name__}({fields})"
