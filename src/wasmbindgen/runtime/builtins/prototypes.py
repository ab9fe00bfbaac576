"""Prototype methods of JS classes whose instances are Python built-in values.

JS arrays are ``list``s, plain objects ``dict``s, strings ``str``; their JS methods cannot be
attributes of those types, so each family registers its ``Array.prototype``-style functions here
(each takes ``this`` first) together with the Python types that play its instances. ``method()``
and the coverage report both look members up through ``prototype_member``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from functools import partial
from typing import Any

PROTOTYPES: dict[str, dict[str, Callable[..., Any]]] = {}
GETTERS: dict[str, dict[str, Callable[[Any], Any]]] = {}  # accessors such as ``length``
ACCESSOR_NAMES: set[str] = set()  # every name in GETTERS: a missing property rarely is one
RECEIVER_CLASSES: dict[type, str] = {}
# types whose instances play different classes (array.array by its typecode): value -> class
RECEIVER_RESOLVERS: dict[type, Callable[[Any], str]] = {}
CONSTRUCTORS: dict[str, Any] = {}  # JS class name -> the class ``x.constructor`` gives


def _tolerant(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` accepting and ignoring extra arguments, as every JS function does."""
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return fn
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return fn
    limit = len(params)

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        return fn(*args[:limit])

    return call


def register(
    js_class: str,
    members: type | None,
    *receivers: type,
    getters: dict[str, Callable[[Any], Any]] | None = None,
) -> None:
    """Register the public functions of ``members`` as ``js_class.prototype``, and ``getters``
    as its accessor properties (each takes ``this``)."""
    if members is not None:
        PROTOTYPES[js_class] = {
            name.rstrip("_"): _tolerant(getattr(members, name))
            for name in vars(members)
            if not name.startswith("_") and callable(getattr(members, name))
        }
    if getters:
        GETTERS[js_class] = getters
        ACCESSOR_NAMES.update(getters)
    register_receivers(js_class, *receivers)
    _FLAT_MEMBERS.clear()
    _FLAT_GETTERS.clear()


def register_receivers(js_class: str, *receivers: type) -> None:
    """Python types whose instances play ``js_class``."""
    for receiver in receivers:
        RECEIVER_CLASSES[receiver] = js_class


PARENTS = {"Generator": "Iterator"}  # prototype chains beyond Object


def chain(js_class: str) -> tuple[str, ...]:
    """The prototype chain: ``Generator`` inherits ``Iterator``; every class ``Object``."""
    if js_class == "Object":
        return ("Object",)
    parent = PARENTS.get(js_class)
    return (js_class, *chain(parent)) if parent else (js_class, "Object")


Flat = dict[str, dict[str, Callable[..., Any]]]


def _flattened(table: Flat, cache: Flat, js_class: str) -> dict[str, Callable[..., Any]]:
    """Every entry of ``table`` reachable from ``js_class.prototype``, nearest first; ``cache``
    keeps the result (method lookups sit on the call path of every ``Function::call``)."""
    flat = cache.get(js_class)
    if flat is None:
        flat = {}
        for cls in reversed(chain(js_class)):
            flat.update(table.get(cls, {}))
        cache[js_class] = flat
    return flat


_FLAT_MEMBERS: Flat = {}
_FLAT_GETTERS: Flat = {}


def js_class_of(value: Any) -> str:
    """The JS class a Python value plays: registered for its type, else Function for any
    callable, else Object."""
    cls = type(value)
    resolver = RECEIVER_RESOLVERS.get(cls)
    if resolver is not None:
        return resolver(value)
    return RECEIVER_CLASSES.get(cls) or ("Function" if callable(value) else "Object")


def has_member(js_class: str, name: str) -> bool:
    """Whether ``js_class.prototype`` has method or accessor ``name``."""
    return name in _flattened(PROTOTYPES, _FLAT_MEMBERS, js_class) or name in _flattened(
        GETTERS, _FLAT_GETTERS, js_class
    )


def constructor_of(value: Any) -> Any:
    """JS ``value.constructor``: the built-in class for values that play one, else the type."""
    return CONSTRUCTORS.get(RECEIVER_CLASSES.get(type(value), ""), type(value))


def prototype_member(receiver: Any, name: str) -> Callable[..., Any] | None:
    """Method ``receiver[name]`` from its JS class's prototype, bound to it; else None."""
    member = _flattened(PROTOTYPES, _FLAT_MEMBERS, js_class_of(receiver)).get(name)
    return None if member is None else partial(member, receiver)


def prototype_getter(value: Any, name: str) -> Callable[[Any], Any] | None:
    """The accessor ``value[name]`` reads through its JS class's prototype; else None."""
    return _flattened(GETTERS, _FLAT_GETTERS, js_class_of(value)).get(name)
