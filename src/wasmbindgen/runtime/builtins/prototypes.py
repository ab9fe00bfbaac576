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
RECEIVER_CLASSES: dict[type, str] = {}
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


def register(js_class: str, members: type, *receivers: type) -> None:
    """Register the public functions of ``members`` as ``js_class.prototype``."""
    PROTOTYPES[js_class] = {
        name.rstrip("_"): _tolerant(getattr(members, name))
        for name in vars(members)
        if not name.startswith("_") and callable(getattr(members, name))
    }
    for receiver in receivers:
        RECEIVER_CLASSES[receiver] = js_class
    _FLAT.clear()


def chain(js_class: str) -> tuple[str, ...]:
    """The prototype chain: every class inherits ``Object.prototype``."""
    return (js_class, "Object") if js_class != "Object" else ("Object",)


def _members(js_class: str) -> dict[str, Callable[..., Any]]:
    """Every member reachable from ``js_class.prototype``, nearest first (cached)."""
    flat = _FLAT.get(js_class)
    if flat is None:
        flat = {}
        for cls in reversed(chain(js_class)):
            flat.update(PROTOTYPES.get(cls, {}))
        _FLAT[js_class] = flat
    return flat


_FLAT: dict[str, dict[str, Callable[..., Any]]] = {}


def has_member(js_class: str, name: str) -> bool:
    return name in _members(js_class)


def constructor_of(value: Any) -> Any:
    """JS ``value.constructor``: the built-in class for values that play one, else the type."""
    return CONSTRUCTORS.get(RECEIVER_CLASSES.get(type(value), ""), type(value))


def prototype_member(
    receiver: Any, name: str, js_class: str | None = None
) -> Callable[..., Any] | None:
    """``receiver[name]`` from its JS class's prototype (``js_class`` if given, else the one
    registered for its type, else ``Object``), bound to ``receiver``; else None."""
    member = _members(js_class or RECEIVER_CLASSES.get(type(receiver)) or "Object").get(name)
    return None if member is None else partial(member, receiver)
