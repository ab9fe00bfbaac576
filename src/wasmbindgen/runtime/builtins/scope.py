"""The default global scope every instance starts with: the JS built-ins, timers and the
web APIs."""

from __future__ import annotations

from typing import Any

from ..eventloop import TIMER_GLOBALS
from ..jsops import BigInt, Symbol
from ..promise import Promise
from ..webapis.scope import web_globals
from .array import Array
from .buffers import ArrayBuffer, SharedArrayBuffer
from .collections import FinalizationRegistry, Map, Set, WeakMap, WeakRef, WeakSet
from .coverage import UNSUPPORTED_ROOTS
from .data_view import DataView
from .date import Date
from .disposables import AsyncDisposableStack, DisposableStack
from .errors import ERROR_CLASSES
from .function import Function
from .json_math import JSON, Math
from .numbers import GLOBAL_FUNCTIONS, Number
from .objects import Boolean, Object, Reflect
from .regexp import RegExp
from .strings import String
from .symbols import Atomics, IteratorStatics
from .typed_arrays import TYPED_ARRAYS
from .unsupported import unsupported_globals


def default_globals() -> dict[str, Any]:
    """A fresh copy of the default global scope (each instance gets its own)."""
    scope: dict[str, Any] = {
        **ERROR_CLASSES,
        **GLOBAL_FUNCTIONS,
        "Array": Array,
        "Boolean": Boolean,
        "Date": Date,
        "Function": Function,
        "JSON": JSON(),  # namespaces are objects, not functions: typeof Math == "object"
        "Map": Map,
        "Math": Math(),
        "Number": Number,
        "Object": Object,
        "Reflect": Reflect(),
        "RegExp": RegExp,
        "Set": Set,
        "String": String,
        "Symbol": Symbol,
        "BigInt": BigInt,
        "Atomics": Atomics(),
        "WeakMap": WeakMap,
        "ArrayBuffer": ArrayBuffer,
        "SharedArrayBuffer": SharedArrayBuffer,
        "DataView": DataView,
        **TYPED_ARRAYS,
        "WeakSet": WeakSet,
        "WeakRef": WeakRef,
        "DisposableStack": DisposableStack,
        "AsyncDisposableStack": AsyncDisposableStack,
        "Iterator": IteratorStatics,
        "FinalizationRegistry": FinalizationRegistry,
        **unsupported_globals(UNSUPPORTED_ROOTS),
        "Promise": Promise,
        **TIMER_GLOBALS,
        **web_globals(),
    }
    scope["globalThis"] = scope["global"] = scope
    return scope
