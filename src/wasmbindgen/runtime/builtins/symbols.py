"""``Symbol`` (well-known symbols, the registry) and the iteration protocol over Python
iterables, ``BigInt``'s statics and prototype, and ``Atomics`` (one thread here)."""

from __future__ import annotations

import functools
import math
import types
import weakref
from collections.abc import Iterator, Mapping
from typing import Any

from .. import jsops
from ..jsops import BigInt, Symbol
from .errors import RangeError, TypeError
from .prototypes import register

WELL_KNOWN = (
    "asyncDispose",
    "asyncIterator",
    "dispose",
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


def _steps(this: Any) -> Iterator[Any]:
    """The values of a JS iterator: a Python one's items, else ``next()`` until ``done``."""
    if isinstance(this, JsIterator):
        yield from this._source
        return
    if isinstance(this, (types.GeneratorType, Iterator)):
        yield from this
        return
    while True:
        step = this.next()
        done = step.get("done") if isinstance(step, Mapping) else getattr(step, "done", True)
        if done and not jsops.is_falsy(done):
            return
        yield step.get("value") if isinstance(step, Mapping) else getattr(step, "value", None)


class IteratorPrototype:
    """``Iterator.prototype`` with its helpers (ES2025), over any JS iterator."""

    @staticmethod
    def next(this: Any, _value: Any = None) -> dict[str, Any]:
        return JsIterator.next(this) if isinstance(this, JsIterator) else this.next()

    @staticmethod
    def map(this: Any, fn: Any) -> JsIterator:
        return JsIterator(fn(v, i) for i, v in enumerate(_steps(this)))

    @staticmethod
    def filter(this: Any, fn: Any) -> JsIterator:
        return JsIterator(v for i, v in enumerate(_steps(this)) if not jsops.is_falsy(fn(v, i)))

    @staticmethod
    def take(this: Any, limit: Any) -> JsIterator:
        n = _count(limit, "take")
        return JsIterator(v for i, v in zip(range(n), _steps(this), strict=False) if i < n)

    @staticmethod
    def drop(this: Any, limit: Any) -> JsIterator:
        n = _count(limit, "drop")
        return JsIterator(v for i, v in enumerate(_steps(this)) if i >= n)

    @staticmethod
    def flatMap(this: Any, fn: Any) -> JsIterator:  # noqa: N802
        return JsIterator(
            w for i, v in enumerate(_steps(this)) for w in _steps(_iterator_of(fn(v, i)))
        )

    @staticmethod
    def forEach(this: Any, fn: Any) -> None:  # noqa: N802
        for i, v in enumerate(_steps(this)):
            fn(v, i)

    @staticmethod
    def every(this: Any, fn: Any) -> bool:
        return all(not jsops.is_falsy(fn(v, i)) for i, v in enumerate(_steps(this)))

    @staticmethod
    def some(this: Any, fn: Any) -> bool:
        return any(not jsops.is_falsy(fn(v, i)) for i, v in enumerate(_steps(this)))

    @staticmethod
    def find(this: Any, fn: Any) -> Any:
        return next((v for i, v in enumerate(_steps(this)) if not jsops.is_falsy(fn(v, i))), None)

    @staticmethod
    def reduce(this: Any, fn: Any, *initial: Any) -> Any:
        values = _steps(this)
        if initial:
            acc = initial[0]
        else:
            try:
                acc = next(values)
            except StopIteration:
                raise TypeError("Reduce of empty iterator with no initial value") from None
        for i, v in enumerate(values, 0 if initial else 1):
            acc = fn(acc, v, i)
        return acc

    @staticmethod
    def toArray(this: Any) -> list[Any]:  # noqa: N802
        return list(_steps(this))


def _count(limit: Any, name: str) -> int:
    n = jsops.to_number(limit)
    if n != n or n < 0:
        raise RangeError(f"Iterator.prototype.{name}: {jsops.to_string(limit)} must be positive")
    return int(min(n, 2**53))


def _iterator_of(value: Any) -> Any:
    """A JS iterator for an iterable (anything ``Symbol.iterator`` serves) or an iterator."""
    if isinstance(value, (str, list, tuple)) or (
        hasattr(value, "__iter__") and not isinstance(value, Mapping) and not hasattr(value, "next")
    ):
        return JsIterator(iter(value))
    return value


class IteratorStatics(IteratorPrototype):
    """The global ``Iterator``: ``Iterator.from``/``Iterator.concat``, and the prototype's
    helpers as its functions, which ``final`` imports call with ``this`` first."""

    @staticmethod
    def from_(value: Any = None) -> JsIterator:
        return JsIterator(_steps(_iterator_of(value)))

    @staticmethod
    def concat(*iterables: Any) -> JsIterator:
        return JsIterator(v for it in iterables for v in _steps(_iterator_of(it)))


setattr(IteratorStatics, "from", IteratorStatics.from_)


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
register("Iterator", IteratorPrototype, JsIterator)


# buffer -> byte offset -> the resolvers of its waitAsync promises (gone with the buffer)
_WAITERS: weakref.WeakKeyDictionary[Any, dict[int, list[Any]]] = weakref.WeakKeyDictionary()


def _waiters(array: Any, index: Any) -> list[Any]:
    """The waitAsync resolvers waiting on ``array[index]``."""
    offset = array.byteOffset + int(jsops.to_number(index)) * array.BYTES
    return _WAITERS.setdefault(array.buffer, {}).setdefault(offset, [])


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
    def notify(array: Any, index: Any, count: Any = None) -> int:
        """Wakes ``waitAsync`` waiters (no thread can be blocked in ``wait`` here)."""
        Atomics.load(array, index)
        pending = _waiters(array, index)
        n = len(pending) if count is None else max(0, int(jsops.to_number(count)))
        woken = pending[:n]
        del pending[:n]
        for resolve in woken:
            resolve("ok")
        return len(woken)

    @staticmethod
    def pause(_hint: Any = None) -> None:
        """A spin-wait hint: nothing to do with one thread."""

    @staticmethod
    def waitAsync(array: Any, index: Any, value: Any, timeout: Any = None) -> dict[str, Any]:  # noqa: N802
        """``{async: false, value: "not-equal"}`` when the value differs, else a Promise that
        ``Atomics.notify`` settles with "ok" (or a finite ``timeout`` with "timed-out")."""
        from .buffers import SharedArrayBuffer

        if not isinstance(getattr(array, "buffer", None), SharedArrayBuffer):
            raise TypeError("Atomics.waitAsync: the typed array must view a SharedArrayBuffer")
        if Atomics.load(array, index) != value:
            return {"async": False, "value": "not-equal"}
        wait_ms = math.inf if timeout is None else jsops.to_number(timeout)
        if wait_ms <= 0:
            return {"async": False, "value": "timed-out"}
        from ..eventloop import running_loop
        from ..promise import Promise

        waiter = Promise.withResolvers()
        pending = _waiters(array, index)
        pending.append(waiter["resolve"])
        loop = running_loop()
        if math.isfinite(wait_ms) and loop is not None:

            def expire() -> None:
                if waiter["resolve"] in pending:
                    pending.remove(waiter["resolve"])
                    waiter["resolve"]("timed-out")

            loop.call_later(wait_ms / 1000, expire)
        return {"async": True, "value": waiter["promise"]}

    @staticmethod
    def wait(array: Any, index: Any, value: Any, _timeout: Any = None) -> str:
        if Atomics.load(array, index) != value:
            return "not-equal"
        raise TypeError(
            "Atomics.wait cannot be called in this context (one thread: it would block forever)"
        )


setattr(Atomics, "and", staticmethod(Atomics.and_))
setattr(Atomics, "or", staticmethod(Atomics.or_))
