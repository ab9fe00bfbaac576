"""Host values with no direct Python equivalent: JS ``null``."""

from __future__ import annotations

from typing import Any


class _Null:
    """JavaScript ``null``: a falsy singleton distinct from ``None`` (``undefined``)."""

    __slots__ = ()
    _instance: _Null | None = None

    def __new__(cls) -> _Null:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "null"

    def __reduce__(self) -> str:
        return "null"

    def __copy__(self) -> _Null:
        return self

    def __deepcopy__(self, memo: Any) -> _Null:
        return self


null = _Null()


def is_nullish(value: Any) -> bool:
    """``undefined`` or ``null`` (JS ``value == null``)."""
    return value is None or value is null
