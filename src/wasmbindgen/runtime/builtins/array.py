"""``Array``: JS arrays are Python lists."""

from __future__ import annotations

from typing import Any


class Array:
    """``Array``: JS arrays are Python lists."""

    def __new__(cls, *items: Any) -> list[Any]:  # type: ignore[misc]
        if len(items) == 1 and isinstance(items[0], int) and not isinstance(items[0], bool):
            return [None] * items[0]  # new Array(n): n empty slots
        return list(items)

    @staticmethod
    def of(*items: Any) -> list[Any]:
        return list(items)

    @staticmethod
    def isArray(value: Any = None) -> bool:  # noqa: N802 - the JS name
        return isinstance(value, list)
