"""``Object``, ``Reflect`` and ``Boolean``: JS objects are dicts (keys are properties) or any
Python object (attributes are properties)."""

from __future__ import annotations

import builtins
import contextlib
import math
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from .. import jsops
from ..resolve import get_property, set_property
from ..values import is_nullish, null
from .array import store_element
from .errors import TypeError
from .prototypes import CONSTRUCTORS, constructor_of, register

_frozen: weakref.WeakSet[Any] = weakref.WeakSet()  # objects Object.freeze saw (where weakrefable)


def _require_object(value: Any, what: str) -> Any:
    if is_nullish(value):
        raise TypeError(f"{what} called on null or undefined")
    return value


def own_keys(obj: Any) -> list[str]:
    """Own enumerable string keys: dict keys, list indices, else public attributes."""
    if isinstance(obj, Mapping):
        return [k if isinstance(k, str) else jsops.to_string(k) for k in obj]
    if isinstance(obj, (list, tuple, str)):
        return [str(i) for i in range(len(obj))]
    names = getattr(obj, "__dict__", None)
    if names is None:
        return []
    return [k for k in names if not k.startswith("_")]


def _get(obj: Any, key: Any) -> Any:
    if isinstance(key, jsops.Symbol):
        from .symbols import ITERATOR, iterator_method

        return iterator_method(obj) if key is ITERATOR else None
    if isinstance(obj, (list, tuple, str)) and isinstance(key, (int, float, str)):
        index = jsops.to_number(key)
        if index.is_integer() and 0 <= index < len(obj):
            return obj[int(index)]
    if isinstance(obj, Mapping):
        return obj.get(key if not isinstance(key, float) else jsops.to_string(key))
    return get_property(obj, key) if isinstance(key, str) else None


def _has_own(obj: Any, key: Any) -> bool:
    if isinstance(obj, Mapping):
        return key in obj
    if isinstance(obj, (list, tuple, str)):
        return key in own_keys(obj) or key == "length"
    return isinstance(key, str) and key in getattr(obj, "__dict__", {})


def _set(obj: Any, key: Any, value: Any) -> bool:
    if _is_frozen(obj):
        return False
    if isinstance(obj, list) and isinstance(key, (int, float)) and float(key).is_integer():
        store_element(obj, int(key), value)
        return True
    if isinstance(obj, dict):
        obj[key] = value
        return True
    try:
        set_property(obj, jsops.to_string(key), value)
    except (AttributeError, builtins.TypeError):
        return False
    return True


def _is_frozen(obj: Any) -> bool:
    try:
        return obj in _frozen
    except builtins.TypeError:  # unhashable (dicts, lists): never tracked
        return False


class ObjectPrototype:
    """``Object.prototype``: every value's last resort."""

    @staticmethod
    def hasOwnProperty(this: Any, key: Any = None) -> bool:  # noqa: N802 - JS names
        return _has_own(this, key)

    @staticmethod
    def isPrototypeOf(this: Any, value: Any = None) -> bool:  # noqa: N802
        return isinstance(this, type) and isinstance(value, this)

    @staticmethod
    def propertyIsEnumerable(this: Any, key: Any = None) -> bool:  # noqa: N802
        return _has_own(this, key) and key != "length"

    @staticmethod
    def toString(this: Any) -> str:  # noqa: N802
        if this is None:
            return "[object Undefined]"
        if this is null:
            return "[object Null]"
        if isinstance(this, list):
            return "[object Array]"
        if callable(this):
            return "[object Function]"
        return "[object Object]" if isinstance(this, dict) else f"[object {type(this).__name__}]"

    @staticmethod
    def toLocaleString(this: Any) -> str:  # noqa: N802
        return jsops.to_string(this)

    @staticmethod
    def valueOf(this: Any) -> Any:  # noqa: N802
        return this


class _ObjectType(type):
    def __instancecheck__(cls, value: Any) -> bool:
        """Every value but undefined, null and the primitives is an Object."""
        return not (is_nullish(value) or isinstance(value, (str, int, float, jsops.Symbol)))


class Object(metaclass=_ObjectType):
    """``Object``: ``Object()``/``new Object()`` make a dict; statics work on dicts and objects."""

    JS_PROPERTIES = frozenset({"constructor"})

    def __new__(cls, value: Any = None) -> Any:
        return {} if is_nullish(value) else value

    @staticmethod
    def assign(target: Any, *sources: Any) -> Any:
        _require_object(target, "Object.assign")
        for source in sources:
            if not is_nullish(source):
                for key in own_keys(source):
                    _set(target, key, _get(source, key))
        return target

    @staticmethod
    def create(proto: Any = None, properties: Any = None) -> dict[str, Any]:
        if proto is None or isinstance(proto, (str, int, float, jsops.Symbol)):  # null is fine
            raise TypeError(
                f"Object prototype may only be an Object or null: {jsops.to_string(proto)}"
            )
        created: dict[str, Any] = {}
        if properties is not None:
            Object.defineProperties(created, properties)
        return created

    @staticmethod
    def defineProperty(obj: Any, key: Any, descriptor: Any) -> Any:  # noqa: N802 - JS names
        if not isinstance(descriptor, Mapping):
            raise TypeError("Property description must be an object")
        if "get" in descriptor or "set" in descriptor:
            raise TypeError(
                "Object.defineProperty: accessor properties (get/set) are not supported by "
                "wasmbindgen; store a value instead"
            )
        if not _set(obj, key, descriptor.get("value")):
            raise TypeError(f"Cannot define property {key}, object is not extensible")
        return obj

    @staticmethod
    def defineProperties(obj: Any, properties: Any) -> Any:  # noqa: N802
        for key in own_keys(properties):
            Object.defineProperty(obj, key, _get(properties, key))
        return obj

    @staticmethod
    def entries(obj: Any) -> list[list[Any]]:
        _require_object(obj, "Object.entries")
        return [[k, _get(obj, k)] for k in own_keys(obj)]

    @staticmethod
    def keys(obj: Any) -> list[str]:
        _require_object(obj, "Object.keys")
        return own_keys(obj)

    @staticmethod
    def values(obj: Any) -> list[Any]:
        _require_object(obj, "Object.values")
        return [_get(obj, k) for k in own_keys(obj)]

    @staticmethod
    def groupBy(items: Any, fn: Any) -> dict[str, list[Any]]:  # noqa: N802
        groups: dict[str, list[Any]] = {}
        for i, item in enumerate(items or ()):
            groups.setdefault(jsops.to_string(fn(item, i)), []).append(item)
        return groups

    @staticmethod
    def fromEntries(entries: Any) -> dict[Any, Any]:  # noqa: N802
        return {jsops.to_string(k) if not isinstance(k, str) else k: v for k, v in entries}

    @staticmethod
    def freeze(obj: Any) -> Any:
        # lists and dicts cannot be weakly referenced: freezing them is not tracked
        with contextlib.suppress(builtins.TypeError):
            _frozen.add(obj)
        return obj

    seal = preventExtensions = freeze  # noqa: N815

    @staticmethod
    def isFrozen(obj: Any) -> bool:  # noqa: N802
        return isinstance(obj, (str, int, float, bool, tuple)) or _is_frozen(obj)

    isSealed = isFrozen  # noqa: N815

    @staticmethod
    def isExtensible(obj: Any) -> bool:  # noqa: N802
        return not Object.isFrozen(obj)

    @staticmethod
    def getOwnPropertyDescriptor(obj: Any, key: Any) -> dict[str, Any] | None:  # noqa: N802
        if not _has_own(obj, key):
            return None
        writable = not Object.isFrozen(obj)
        value = len(obj) if key == "length" and not isinstance(obj, Mapping) else _get(obj, key)
        return {"value": value, "writable": writable, "enumerable": True, "configurable": writable}

    @staticmethod
    def getOwnPropertyDescriptors(obj: Any) -> dict[str, Any]:  # noqa: N802
        return {k: Object.getOwnPropertyDescriptor(obj, k) for k in own_keys(obj)}

    @staticmethod
    def getOwnPropertyNames(obj: Any) -> list[str]:  # noqa: N802
        names = own_keys(obj)
        return [*names, "length"] if isinstance(obj, (list, str)) else names

    @staticmethod
    def getOwnPropertySymbols(obj: Any) -> list[Any]:  # noqa: N802
        return [k for k in obj if isinstance(k, jsops.Symbol)] if isinstance(obj, Mapping) else []

    @staticmethod
    def getPrototypeOf(obj: Any) -> Any:  # noqa: N802
        _require_object(obj, "Object.getPrototypeOf")
        return type(obj)

    @staticmethod
    def setPrototypeOf(obj: Any, proto: Any) -> Any:  # noqa: N802
        return obj  # wasmbindgen's objects keep their Python class

    @staticmethod
    def hasOwn(obj: Any, key: Any) -> bool:  # noqa: N802
        return _has_own(_require_object(obj, "Object.hasOwn"), key)

    @staticmethod
    def is_(a: Any, b: Any) -> bool:
        """``Object.is``: SameValue (NaN is NaN, +0 is not -0)."""
        if jsops.is_number(a) and jsops.is_number(b):
            x, y = float(a), float(b)
            if math.isnan(x) and math.isnan(y):
                return True
            if x == 0 and y == 0:
                return math.copysign(1, x) == math.copysign(1, y)
        return jsops.strict_equals(a, b)


setattr(Object, "is", Object.is_)


class Reflect:
    """``Reflect``: the object operations as functions (a namespace, not a class)."""

    @staticmethod
    def apply(target: Callable[..., Any], _this: Any = None, args: Any = None) -> Any:
        if not callable(target):
            raise TypeError("Reflect.apply: target is not a function")
        return target(*(args or ()))

    @staticmethod
    def construct(target: Any, args: Any = None, _new_target: Any = None) -> Any:
        if not callable(target):
            raise TypeError("Reflect.construct: target is not a constructor")
        return target(*(args or ()))

    @staticmethod
    def defineProperty(obj: Any, key: Any, descriptor: Any) -> bool:  # noqa: N802
        try:
            Object.defineProperty(obj, key, descriptor)
        except TypeError:
            return False
        return True

    @staticmethod
    def deleteProperty(obj: Any, key: Any) -> bool:  # noqa: N802
        if isinstance(obj, Mapping):
            obj.pop(key, None)  # type: ignore[attr-defined]
        elif isinstance(key, str):
            try:
                delattr(obj, key)
            except AttributeError:
                return not hasattr(obj, key)
        return True

    @staticmethod
    def get(obj: Any, key: Any, _receiver: Any = None) -> Any:
        if is_nullish(obj) or isinstance(obj, (int, float, bool)):
            raise TypeError("Reflect.get called on non-object")
        return _get(obj, key)

    @staticmethod
    def set(obj: Any, key: Any, value: Any, _receiver: Any = None) -> bool:
        if is_nullish(obj) or isinstance(obj, (int, float, bool, str)):
            raise TypeError("Reflect.set called on non-object")
        return _set(obj, key, value)

    @staticmethod
    def has(obj: Any, key: Any) -> bool:
        if is_nullish(obj) or isinstance(obj, (int, float, bool, str)):
            raise TypeError("Reflect.has called on non-object")
        return jsops.has_property(obj, key)

    @staticmethod
    def ownKeys(obj: Any) -> list[Any]:  # noqa: N802
        if is_nullish(obj) or isinstance(obj, (int, float, bool, str)):
            raise TypeError("Reflect.ownKeys called on non-object")
        return Object.getOwnPropertyNames(obj)

    getOwnPropertyDescriptor = staticmethod(Object.getOwnPropertyDescriptor)  # noqa: N815
    getPrototypeOf = staticmethod(Object.getPrototypeOf)  # noqa: N815
    isExtensible = staticmethod(Object.isExtensible)  # noqa: N815

    @staticmethod
    def preventExtensions(obj: Any) -> bool:  # noqa: N802
        Object.freeze(obj)
        return True

    @staticmethod
    def setPrototypeOf(_obj: Any, _proto: Any) -> bool:  # noqa: N802
        return False


class BooleanPrototype:
    @staticmethod
    def valueOf(this: Any) -> bool:  # noqa: N802
        return bool(this)

    @staticmethod
    def toString(this: Any) -> str:  # noqa: N802
        return "true" if this else "false"


class Boolean:
    """``Boolean(value)``: JS truthiness."""

    def __new__(cls, value: Any = None) -> bool:  # type: ignore[misc]
        return not jsops.is_falsy(value)


register("Object", ObjectPrototype, dict, getters={"constructor": constructor_of})
register("Boolean", BooleanPrototype, bool)
CONSTRUCTORS["Object"] = Object
CONSTRUCTORS["Boolean"] = Boolean
