"""``Symbol`` (well-known symbols, the registry) and the iteration protocol over Python
iterables, ``BigInt``'s statics and prototype, and ``Atomics`` (one thread here)."""

from __future__ import annotations

import functools
import types
from collections.abc import Iterator, Mapping
from typing import Any

from .. import jsops
from ..jsops import BigInt, Symbol
from .errors import RangeError, TypeError
from .prototypes import register

WELL_KNOWN = (
    "asyncIterator",
    "hasInstance",
    "isConcatSpreadable",
    "iterator",
    "match",
    "replace",
    "search",
    "species",
    "split",
    "toPrimitive",
    "toStringTag",
    "unscopables",
)
for _name in WELL_KNOWN:
    setattr(Symbol, _name, Symbol(f"Symbol.{_name}"))
ITERATOR: Symbol = Symbol.iterator  # type: ignore[attr-defined]

_registry: dict[str, Symbol] = {}


def _symbol_for(key: Any = None) -> Symbol:
    text = jsops.to_string(key)
    if text not in _registry:
        _registry[text] = Symbol(text)
    return _registry[text]


def _key_for(symbol: Any = None) -> str | None:
    if not isinstance(symbol, Symbol):
        raise TypeError(f"{jsops.to_string(symbol)} is not a symbol")
    return next((k for k, v in _registry.items() if v is symbol), None)


def _add_members(cls: type, members: dict[str, Any]) -> None:
    """JS members of classes defined elsewhere (``jsops``) or with keyword names (``for``)."""
    for name, member in members.items():
        setattr(cls, name, member)


_add_members(
    Symbol,
    {
        "for": staticmethod(_symbol_for),
        "keyFor": staticmethod(_key_for),
    },
)


class JsIterator:
    """A JS iterator over a Python iterator: ``next()`` gives ``{done, value}``."""

    def __init__(self, source: Iterator[Any]) -> None:
        self._source = source

    def next(self, _value: Any = None) -> dict[str, Any]:
        try:
            return {"done": False, "value": next(self._source)}
        except StopIteration as stop:
            return {"done": True, "value": stop.value}

    def __iter__(self) -> Iterator[Any]:
        return self._source


def iterator_method(obj: Any) -> Any:
    """What ``obj[Symbol.iterator]`` is for a Python iterable: a function (bound to ``obj``,
    since ``call0(obj)`` does not pass ``this`` on) returning a JS iterator; else undefined."""
    if isinstance(obj, Mapping) or not hasattr(obj, "__iter__"):
        return None  # plain JS objects are not iterable
    return functools.partial(lambda: JsIterator(iter(obj)))


class GeneratorPrototype:
    """``Generator.prototype`` for Python generators."""

    @staticmethod
    def next(this: Any, value: Any = None) -> dict[str, Any]:
        try:
            return {"done": False, "value": this.send(value)}
        except StopIteration as stop:
            return {"done": True, "value": stop.value}

    @staticmethod
    def return_(this: Any, value: Any = None) -> dict[str, Any]:
        this.close()
        return {"done": True, "value": value}

    @staticmethod
    def throw(this: Any, error: Any = None) -> dict[str, Any]:
        exc = error if isinstance(error, BaseException) else jsops_exception(error)
        try:
            return {"done": False, "value": this.throw(exc)}
        except StopIteration as stop:
            return {"done": True, "value": stop.value}


def jsops_exception(value: Any) -> BaseException:
    from ...errors import JsException

    return JsException(value)


class AsyncGeneratorPrototype:
    """``AsyncIterator.prototype.next`` for Python async generators: a Promise of the step."""

    @staticmethod
    def next(this: Any, _value: Any = None) -> Any:
        from ..promise import Promise

        async def step() -> dict[str, Any]:
            try:
                return {"done": False, "value": await this.__anext__()}
            except StopAsyncIteration:
                return {"done": True, "value": None}

        return Promise.resolve(step())


class BigIntPrototype:
    @staticmethod
    def toString(this: int, radix: Any = None) -> str:  # noqa: N802 - JS names
        base = 10 if radix is None else int(jsops.to_number(radix))
        if not 2 <= base <= 36:
            raise RangeError("toString() radix must be between 2 and 36")
        digits, n, out = "0123456789abcdefghijklmnopqrstuvwxyz", abs(int(this)), ""
        while True:
            n, d = divmod(n, base)
            out = digits[d] + out
            if not n:
                break
        return ("-" if this < 0 else "") + out

    @staticmethod
    def toLocaleString(this: int, *_args: Any) -> str:  # noqa: N802
        return f"{int(this):,}"

    @staticmethod
    def valueOf(this: int) -> int:  # noqa: N802
        return this


def _as_int_n(bits: Any, value: Any) -> BigInt:
    n = int(jsops.to_number(bits))
    v = int(value) & ((1 << n) - 1) if n else 0
    return BigInt(v - (1 << n) if n and v >= 1 << (n - 1) else v)


def _as_uint_n(bits: Any, value: Any) -> BigInt:
    n = int(jsops.to_number(bits))
    return BigInt(int(value) & ((1 << n) - 1) if n else 0)


_add_members(BigInt, {"asIntN": staticmethod(_as_int_n), "asUintN": staticmethod(_as_uint_n)})
register("BigInt", BigIntPrototype, BigInt)
register("Generator", GeneratorPrototype, types.GeneratorType)
register("AsyncIterator", AsyncGeneratorPrototype, types.AsyncGeneratorType)
register("Iterator", type("IteratorPrototype", (), {"next": staticmethod(JsIterator.next)}))


class Atomics:
    """``Atomics`` over integer typed arrays; one thread, so each operation is simply done."""

    @staticmethod
    def _op(array: Any, index: Any, fn: Any) -> Any:
        from .typed_arrays import TypedArray

        if not isinstance(array, TypedArray) or array.KIND in ("float", "clamped"):
            raise TypeError("Atomics operations need an integer typed array")
        i = int(jsops.to_number(index))
        if not 0 <= i < len(array):
            raise RangeError("Invalid atomic access index")
        old = array[i]
        array[i] = fn(old)
        return old

    @staticmethod
    def add(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda old: old + int(jsops.to_number(value)))

    @staticmethod
    def sub(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda old: old - int(jsops.to_number(value)))

    @staticmethod
    def and_(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda old: old & int(jsops.to_number(value)))

    @staticmethod
    def or_(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda old: old | int(jsops.to_number(value)))

    @staticmethod
    def xor(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda old: old ^ int(jsops.to_number(value)))

    @staticmethod
    def exchange(array: Any, index: Any, value: Any) -> Any:
        return Atomics._op(array, index, lambda _old: value)

    @staticmethod
    def compareExchange(array: Any, index: Any, expected: Any, value: Any) -> Any:  # noqa: N802
        return Atomics._op(array, index, lambda old: value if old == expected else old)

    @staticmethod
    def load(array: Any, index: Any) -> Any:
        return Atomics._op(array, index, lambda old: old)

    @staticmethod
    def store(array: Any, index: Any, value: Any) -> Any:
        Atomics._op(array, index, lambda _old: value)
        return value

    @staticmethod
    def isLockFree(size: Any = None) -> bool:  # noqa: N802
        return int(jsops.to_number(size)) in (1, 2, 4, 8)

    @staticmethod
    def notify(array: Any, index: Any, _count: Any = None) -> int:
        Atomics.load(array, index)
        return 0  # nobody else can be waiting: one thread

    @staticmethod
    def wait(array: Any, index: Any, value: Any, _timeout: Any = None) -> str:
        if Atomics.load(array, index) != value:
            return "not-equal"
        raise TypeError(
            "Atomics.wait cannot be called in this context (one thread: it would block forever)"
        )


setattr(Atomics, "and", staticmethod(Atomics.and_))
setattr(Atomics, "or", staticmethod(Atomics.or_))
