"""``Array``: JS arrays are Python lists; ``Array.prototype`` works on them (and on tuples)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any

from .. import jsops
from ..jsops import relative_index
from ..values import is_nullish
from .errors import RangeError, TypeError
from .prototypes import CONSTRUCTORS, register
from .symbols import JsIterator


def store_element(array: list[Any], index: int, value: Any) -> None:
    """``array[index] = value``: a JS array grows to take an index past its end."""
    if index >= len(array):
        array.extend([None] * (index + 1 - len(array)))
    array[index] = value


def _callback(fn: Any, name: str) -> Callable[..., Any]:
    if not callable(fn):
        raise TypeError(f"Array.prototype.{name}: {jsops.to_string(fn)} is not a function")
    return fn  # type: ignore[no-any-return]


def _compare(a: Any, b: Any) -> int:
    if a is None:
        return 0 if b is None else 1
    if b is None:
        return -1
    sa, sb = jsops.to_string(a), jsops.to_string(b)
    return (sa > sb) - (sa < sb)


def _element_string(value: Any) -> str:
    return "" if is_nullish(value) else jsops.to_string(value)


class ArrayPrototype:
    """``Array.prototype``; callbacks get ``(element, index, array)`` as in JS."""

    @staticmethod
    def at(this: list[Any], index: Any = 0) -> Any:
        i = math.trunc(jsops.to_number(index))
        i = i + len(this) if i < 0 else i
        return this[i] if 0 <= i < len(this) else None

    @staticmethod
    def concat(this: list[Any], *items: Any) -> list[Any]:
        out = list(this)
        for item in items:
            out.extend(item) if isinstance(item, list) else out.append(item)
        return out

    @staticmethod
    def copyWithin(this: list[Any], target: Any, start: Any = 0, end: Any = None) -> list[Any]:  # noqa: N802 - JS names
        n = len(this)
        to, frm, stop = (
            relative_index(target, n, 0),
            relative_index(start, n, 0),
            relative_index(end, n, n),
        )
        count = min(stop - frm, n - to)
        if count > 0:
            this[to : to + count] = this[frm : frm + count]
        return this

    @staticmethod
    def entries(this: list[Any]) -> JsIterator:
        return JsIterator(iter([[i, v] for i, v in enumerate(this)]))

    @staticmethod
    def keys(this: list[Any]) -> JsIterator:
        return JsIterator(iter(range(len(this))))

    @staticmethod
    def values(this: list[Any]) -> JsIterator:
        return JsIterator(iter(list(this)))

    @staticmethod
    def every(this: list[Any], fn: Any = None) -> bool:
        f = _callback(fn, "every")
        return all(not jsops.is_falsy(f(v, i, this)) for i, v in enumerate(this))

    @staticmethod
    def some(this: list[Any], fn: Any = None) -> bool:
        f = _callback(fn, "some")
        return any(not jsops.is_falsy(f(v, i, this)) for i, v in enumerate(this))

    @staticmethod
    def fill(this: list[Any], value: Any, start: Any = 0, end: Any = None) -> list[Any]:
        n = len(this)
        for i in range(relative_index(start, n, 0), relative_index(end, n, n)):
            this[i] = value
        return this

    @staticmethod
    def filter(this: list[Any], fn: Any = None) -> list[Any]:
        f = _callback(fn, "filter")
        return [v for i, v in enumerate(list(this)) if not jsops.is_falsy(f(v, i, this))]

    @staticmethod
    def find(this: list[Any], fn: Any = None) -> Any:
        f = _callback(fn, "find")
        return next((v for i, v in enumerate(this) if not jsops.is_falsy(f(v, i, this))), None)

    @staticmethod
    def findIndex(this: list[Any], fn: Any = None) -> int:  # noqa: N802
        f = _callback(fn, "findIndex")
        return next((i for i, v in enumerate(this) if not jsops.is_falsy(f(v, i, this))), -1)

    @staticmethod
    def findLast(this: list[Any], fn: Any = None) -> Any:  # noqa: N802
        f = _callback(fn, "findLast")
        return next(
            (v for i, v in reversed(list(enumerate(this))) if not jsops.is_falsy(f(v, i, this))),
            None,
        )

    @staticmethod
    def findLastIndex(this: list[Any], fn: Any = None) -> int:  # noqa: N802
        f = _callback(fn, "findLastIndex")
        return next(
            (i for i, v in reversed(list(enumerate(this))) if not jsops.is_falsy(f(v, i, this))),
            -1,
        )

    @staticmethod
    def flat(this: list[Any], depth: Any = 1) -> list[Any]:
        def flatten(items: list[Any], level: float) -> list[Any]:
            out: list[Any] = []
            for item in items:
                if isinstance(item, list) and level >= 1:
                    out.extend(flatten(item, level - 1))
                else:
                    out.append(item)
            return out

        return flatten(this, jsops.to_number(depth))

    @staticmethod
    def flatMap(this: list[Any], fn: Any = None) -> list[Any]:  # noqa: N802
        f = _callback(fn, "flatMap")
        return ArrayPrototype.flat([f(v, i, this) for i, v in enumerate(this)])

    @staticmethod
    def forEach(this: list[Any], fn: Any = None) -> None:  # noqa: N802
        f = _callback(fn, "forEach")
        for i, v in enumerate(list(this)):
            f(v, i, this)

    @staticmethod
    def includes(this: list[Any], value: Any = None, start: Any = 0) -> bool:
        return any(
            jsops.strict_equals(v, value) or (v != v and value != value)
            for v in this[relative_index(start, len(this), 0) :]
        )

    @staticmethod
    def indexOf(this: list[Any], value: Any = None, start: Any = 0) -> int:  # noqa: N802
        for i in range(relative_index(start, len(this), 0), len(this)):
            if jsops.strict_equals(this[i], value):
                return i
        return -1

    @staticmethod
    def lastIndexOf(this: list[Any], value: Any = None, start: Any = None) -> int:  # noqa: N802
        last = (
            len(this) - 1
            if start is None
            else min(relative_index(start, len(this), 0), len(this) - 1)
        )
        for i in range(last, -1, -1):
            if jsops.strict_equals(this[i], value):
                return i
        return -1

    @staticmethod
    def join(this: list[Any], separator: Any = None) -> str:
        sep = "," if separator is None else jsops.to_string(separator)
        return sep.join(_element_string(v) for v in this)

    @staticmethod
    def map(this: list[Any], fn: Any = None) -> list[Any]:
        f = _callback(fn, "map")
        return [f(v, i, this) for i, v in enumerate(list(this))]

    @staticmethod
    def pop(this: list[Any]) -> Any:
        return this.pop() if this else None

    @staticmethod
    def push(this: list[Any], *items: Any) -> int:
        this.extend(items)
        return len(this)

    @staticmethod
    def shift(this: list[Any]) -> Any:
        return this.pop(0) if this else None

    @staticmethod
    def unshift(this: list[Any], *items: Any) -> int:
        this[0:0] = items
        return len(this)

    @staticmethod
    def reduce(this: list[Any], fn: Any = None, *initial: Any) -> Any:
        f = _callback(fn, "reduce")
        items = list(enumerate(this))
        if not initial and not items:
            raise TypeError("Reduce of empty array with no initial value")
        acc, start = (initial[0], 0) if initial else (this[0], 1)
        for i, v in items[start:]:
            acc = f(acc, v, i, this)
        return acc

    @staticmethod
    def reduceRight(this: list[Any], fn: Any = None, *initial: Any) -> Any:  # noqa: N802
        f = _callback(fn, "reduceRight")
        items = list(enumerate(this))[::-1]
        if not initial and not items:
            raise TypeError("Reduce of empty array with no initial value")
        acc, start = (initial[0], 0) if initial else (this[-1], 1)
        for i, v in items[start:]:
            acc = f(acc, v, i, this)
        return acc

    @staticmethod
    def reverse(this: list[Any]) -> list[Any]:
        this.reverse()
        return this

    @staticmethod
    def slice(this: list[Any], start: Any = 0, end: Any = None) -> list[Any]:
        n = len(this)
        return list(this[relative_index(start, n, 0) : relative_index(end, n, n)])

    @staticmethod
    def sort(this: list[Any], fn: Any = None) -> list[Any]:
        """Stable; without a comparator by string value, undefined last, as in JS."""
        if fn is None:
            this.sort(key=functools.cmp_to_key(_compare))
        else:
            f = _callback(fn, "sort")

            def compare(a: Any, b: Any) -> int:
                result = jsops.to_number(f(a, b))
                return 0 if math.isnan(result) else (result > 0) - (result < 0)

            this.sort(key=functools.cmp_to_key(compare))
        return this

    @staticmethod
    def splice(this: list[Any], start: Any = 0, delete_count: Any = None, *items: Any) -> list[Any]:
        n = len(this)
        begin = relative_index(start, n, 0)
        count = (
            n - begin
            if delete_count is None
            else max(0, min(int(jsops.to_number(delete_count)), n - begin))
        )
        removed = this[begin : begin + count]
        this[begin : begin + count] = items
        return removed

    # the copying forms (ES2023): a new array, ``this`` unchanged

    @staticmethod
    def toReversed(this: list[Any]) -> list[Any]:  # noqa: N802
        return list(reversed(this))

    @staticmethod
    def toSorted(this: list[Any], fn: Any = None) -> list[Any]:  # noqa: N802
        return ArrayPrototype.sort(list(this), fn)

    @staticmethod
    def toSpliced(  # noqa: N802
        this: list[Any], start: Any = 0, delete_count: Any = None, *items: Any
    ) -> list[Any]:
        copy = list(this)
        ArrayPrototype.splice(copy, start, delete_count, *items)
        return copy

    @staticmethod
    def with_(this: list[Any], index: Any, value: Any) -> list[Any]:
        n = len(this)
        i = math.trunc(jsops.to_number(index))
        i = i + n if i < 0 else i
        if not 0 <= i < n:
            raise RangeError("Invalid index : " + jsops.to_string(index))
        copy = list(this)
        copy[i] = value
        return copy

    @staticmethod
    def toString(this: list[Any]) -> str:  # noqa: N802
        return ArrayPrototype.join(this)

    @staticmethod
    def toLocaleString(this: list[Any]) -> str:  # noqa: N802
        return ArrayPrototype.join(this)


class _ArrayType(type):
    def __instancecheck__(cls, value: Any) -> bool:
        return isinstance(value, (list, tuple))  # `x instanceof Array`, `isinstance(x, Array)`


class Array(metaclass=_ArrayType):
    """``Array``: ``Array(3)`` makes three empty slots, ``Array(a, b)`` a two-element list."""

    def __new__(cls, *items: Any) -> list[Any]:  # type: ignore[misc]
        if (
            len(items) == 1
            and isinstance(items[0], (int, float))
            and not isinstance(items[0], bool)
        ):
            length = items[0]
            if length < 0 or length != int(length) or length >= 2**32:
                raise RangeError("Invalid array length")
            return [None] * int(length)
        return list(items)

    @staticmethod
    def of(*items: Any) -> list[Any]:
        return list(items)

    @staticmethod
    def from_(items: Any = None, fn: Any = None) -> list[Any]:
        if is_nullish(items):
            raise TypeError("Array.from: items is null or undefined")
        values = list(items) if not isinstance(items, dict) else []
        return [fn(v, i) for i, v in enumerate(values)] if callable(fn) else values

    @staticmethod
    def isArray(value: Any = None) -> bool:  # noqa: N802
        return isinstance(value, list)

    @staticmethod
    def fromAsync(items: Any = None, fn: Any = None) -> Any:  # noqa: N802
        """A Promise of the array of ``items`` (sync or async iterable), each awaited."""
        from ..promise import Promise

        async def collect() -> list[Any]:
            out = []
            if hasattr(items, "__aiter__"):
                async for value in items:
                    out.append(value)
            else:
                for value in Array.from_(items):
                    out.append(await Promise.resolve(value))
            if callable(fn):
                out = [await Promise.resolve(fn(v, i)) for i, v in enumerate(out)]
            return out

        return Promise.resolve(collect())


def _element(index: int) -> Callable[[Any], Any]:
    return lambda this: this[index] if index < len(this) else None


setattr(Array, "from", Array.from_)
# "0"…"7": a tuple-typed array's elements (js-sys's ArrayTuple reads them as properties)
register(
    "Array",
    ArrayPrototype,
    list,
    tuple,
    getters={"length": len, **{str(i): _element(i) for i in range(8)}},
)
CONSTRUCTORS["Array"] = Array
