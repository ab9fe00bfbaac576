"""``Map``, ``Set``, ``WeakMap``, ``WeakSet``: insertion-ordered, keyed by JS SameValueZero."""

from __future__ import annotations

import builtins
import math
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from ..eventloop import queue_microtask
from .errors import TypeError
from .symbols import JsIterator


def _key(value: Any) -> Any:
    """SameValueZero as a dict key: NaN equals NaN, 1 and 1.0 are one key, but distinct
    objects stay distinct (dicts and lists are keyed by identity, as JS objects are)."""
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, bool):
        return ("bool", value)  # true is not 1
    if isinstance(value, (str, int, float, type(None))):
        return value
    return ("id", id(value))  # objects by identity, hashable or not


class _GetOrInsert:
    """``getOrInsert``/``getOrInsertComputed`` (ES2026) over a class's has/get/set."""

    def has(self, key: Any = None) -> bool:
        raise NotImplementedError

    def get(self, key: Any = None) -> Any:
        raise NotImplementedError

    def set(self, key: Any = None, value: Any = None) -> Any:
        raise NotImplementedError

    def getOrInsert(self, key: Any = None, default: Any = None) -> Any:  # noqa: N802
        if not self.has(key):
            self.set(key, default)
        return self.get(key)

    def getOrInsertComputed(self, key: Any = None, fn: Any = None) -> Any:  # noqa: N802
        if not self.has(key):
            if not callable(fn):
                raise TypeError(
                    f"{type(self).__name__}.prototype.getOrInsertComputed: the callback is not "
                    "a function"
                )
            self.set(key, fn(key))
        return self.get(key)


class Map(_GetOrInsert):
    def __init__(self, entries: Any = None) -> None:
        self._items: dict[Any, tuple[Any, Any]] = {}
        for entry in entries or ():
            key, value = entry[0], entry[1]
            self.set(key, value)

    @property
    def size(self) -> int:
        return len(self._items)

    def get(self, key: Any = None) -> Any:
        item = self._items.get(_key(key))
        return None if item is None else item[1]

    def set(self, key: Any = None, value: Any = None) -> Map:
        self._items[_key(key)] = (key, value)
        return self

    def has(self, key: Any = None) -> bool:
        return _key(key) in self._items

    def delete(self, key: Any = None) -> bool:
        return self._items.pop(_key(key), None) is not None

    def clear(self) -> None:
        self._items.clear()

    def entries(self) -> JsIterator:
        return JsIterator(iter([[k, v] for k, v in self._items.values()]))

    def keys(self) -> JsIterator:
        return JsIterator(iter([k for k, _ in self._items.values()]))

    def values(self) -> JsIterator:
        return JsIterator(iter([v for _, v in self._items.values()]))

    def forEach(self, fn: Callable[..., Any]) -> None:  # noqa: N802 - the JS name
        for key, value in list(self._items.values()):
            fn(value, key, self)

    @staticmethod
    def groupBy(items: Any = None, fn: Any = None) -> Map:  # noqa: N802
        groups = Map()
        for i, item in enumerate(items or ()):
            groups.getOrInsertComputed(fn(item, i), lambda _key: []).append(item)
        return groups

    def __iter__(self) -> Iterator[list[Any]]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._items)


class Set:
    def __init__(self, values: Any = None) -> None:
        self._items: dict[Any, Any] = {}
        for value in values or ():
            self.add(value)

    @property
    def size(self) -> int:
        return len(self._items)

    def add(self, value: Any = None) -> Set:
        self._items.setdefault(_key(value), value)
        return self

    def has(self, value: Any = None) -> bool:
        return _key(value) in self._items

    def delete(self, value: Any = None) -> bool:
        return self._items.pop(_key(value), _MISSING) is not _MISSING

    def clear(self) -> None:
        self._items.clear()

    def values(self) -> JsIterator:
        return JsIterator(iter(list(self._items.values())))

    keys = values

    def entries(self) -> JsIterator:
        return JsIterator(iter([[v, v] for v in self._items.values()]))

    def forEach(self, fn: Callable[..., Any]) -> None:  # noqa: N802 - the JS name
        for value in list(self._items.values()):
            fn(value, value, self)

    # set composition (ES2025): the other set is any set-like object (size, has, keys)

    def union(self, other: Any) -> Set:
        return Set([*self._items.values(), *_keys_of(other)])

    def intersection(self, other: Any) -> Set:
        return Set(v for v in self._items.values() if _has(other, v))

    def difference(self, other: Any) -> Set:
        return Set(v for v in self._items.values() if not _has(other, v))

    def symmetricDifference(self, other: Any) -> Set:  # noqa: N802
        theirs = list(_keys_of(other))
        return Set(
            [
                *(v for v in self._items.values() if not _has(other, v)),
                *(v for v in theirs if not self.has(v)),
            ]
        )

    def isSubsetOf(self, other: Any) -> bool:  # noqa: N802
        return all(_has(other, v) for v in self._items.values())

    def isSupersetOf(self, other: Any) -> bool:  # noqa: N802
        return all(self.has(v) for v in _keys_of(other))

    def isDisjointFrom(self, other: Any) -> bool:  # noqa: N802
        return not any(_has(other, v) for v in self._items.values())

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values())

    def __len__(self) -> int:
        return len(self._items)


_MISSING = object()


def _keys_of(other: Any) -> Iterator[Any]:
    """The members of a set-like argument (a Set, Map, or any iterable here)."""
    if isinstance(other, (Set, Map)):
        return iter(other.keys())
    return iter(other)


def _has(other: Any, value: Any) -> bool:
    if isinstance(other, (Set, Map)):
        return other.has(value)
    return value in other


class _IdentityTable:
    """Entries keyed by object identity, held weakly where Python allows (plain ``dict``s and
    ``list``s cannot be weakly referenced: entries keyed by them are held strongly)."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[Any, Any]] = {}

    def set(self, key: Any, value: Any, what: str) -> None:
        if isinstance(key, (str, int, float, bool)) or key is None:
            raise TypeError(f"Invalid value used {what}: {key!r} is not an object")
        ident = id(key)
        try:
            holder: Any = weakref.ref(key, lambda _: self._entries.pop(ident, None))
        except builtins.TypeError:
            holder = key
        self._entries[ident] = (holder, value)

    def _entry(self, key: Any) -> tuple[Any, Any] | None:
        entry = self._entries.get(id(key))
        if entry is None:
            return None
        holder = entry[0]
        alive = holder() if isinstance(holder, weakref.ref) else holder
        return entry if alive is key else None

    def get(self, key: Any) -> Any:
        entry = self._entry(key)
        return None if entry is None else entry[1]

    def has(self, key: Any) -> bool:
        return self._entry(key) is not None

    def delete(self, key: Any) -> bool:
        if self._entry(key) is None:
            return False
        del self._entries[id(key)]
        return True


class WeakMap(_GetOrInsert):
    def __init__(self, entries: Any = None) -> None:
        self._table = _IdentityTable()
        for key, value in entries or ():
            self.set(key, value)

    def get(self, key: Any = None) -> Any:
        return self._table.get(key)

    def set(self, key: Any = None, value: Any = None) -> WeakMap:
        self._table.set(key, value, "as weak map key")
        return self

    def has(self, key: Any = None) -> bool:
        return self._table.has(key)

    def delete(self, key: Any = None) -> bool:
        return self._table.delete(key)


class WeakSet:
    def __init__(self, values: Any = None) -> None:
        self._table = _IdentityTable()
        for value in values or ():
            self.add(value)

    def add(self, value: Any = None) -> WeakSet:
        self._table.set(value, True, "in weak set")
        return self

    def has(self, value: Any = None) -> bool:
        return self._table.has(value)

    def delete(self, value: Any = None) -> bool:
        return self._table.delete(value)


class WeakRef:
    """``new WeakRef(target)``: ``deref()`` gives the target while it lives. Python cannot
    weakly reference a ``dict`` or ``list``: a WeakRef to one holds it strongly."""

    def __init__(self, target: Any = None) -> None:
        if isinstance(target, (str, int, float, bool)) or target is None:
            raise TypeError("WeakRef: target must be an object")
        try:
            self._ref: Callable[[], Any] = weakref.ref(target)
        except builtins.TypeError:
            self._ref = lambda: target

    def deref(self) -> Any:
        return self._ref()


class FinalizationRegistry:
    """``new FinalizationRegistry(callback)``: ``callback(held)`` runs after a registered
    target is collected (at once under CPython's reference counting, unless in a cycle)."""

    def __init__(self, callback: Any = None) -> None:
        if not callable(callback):
            raise TypeError("FinalizationRegistry: cleanup must be callable")
        self._callback = callback
        self._tokens: dict[int, list[weakref.finalize[Any, Any]]] = {}

    def register(self, target: Any = None, held: Any = None, token: Any = None) -> None:
        if target is held:
            raise TypeError("FinalizationRegistry.register: target and held value are the same")
        try:  # the cleanup runs as a job of its own, as in JS, not inside the collector
            finalizer = weakref.finalize(target, queue_microtask, lambda: self._callback(held))
        except builtins.TypeError:
            return  # a dict or list is never collected while JS could reach it here
        if token is not None:
            self._tokens.setdefault(id(token), []).append(finalizer)

    def unregister(self, token: Any = None) -> bool:
        finalizers = self._tokens.pop(id(token), [])
        for finalizer in finalizers:
            finalizer.detach()
        return bool(finalizers)
