"""``Function``: JS functions are Python callables."""

from __future__ import annotations

import functools
import inspect
import types
from collections.abc import Callable
from typing import Any

from .errors import EvalError
from .prototypes import CONSTRUCTORS, register


class FunctionPrototype:
    """``Function.prototype`` for any Python callable. ``this`` is passed on only to prototype
    methods (``Uint8Array.prototype.set``), which take it first; a plain callable has none."""

    @staticmethod
    def call(func: Callable[..., Any], this: Any = None, *args: Any) -> Any:
        return func(this, *args) if _takes_this(func) else func(*args)

    @staticmethod
    def apply(func: Callable[..., Any], this: Any = None, args: Any = None) -> Any:
        args = tuple(args or ())
        return func(this, *args) if _takes_this(func) else func(*args)

    @staticmethod
    def bind(func: Callable[..., Any], this: Any = None, *bound: Any) -> Callable[..., Any]:
        if _takes_this(func):
            return functools.partial(func, this, *bound)
        return functools.partial(func, *bound)

    @staticmethod
    def toString(func: Callable[..., Any]) -> str:  # noqa: N802 - JS names
        return f"function {function_name(func)}() {{ [native code] }}"


def _takes_this(func: Any) -> bool:
    return getattr(func, "_wb_takes_this", False) is True


def function_name(func: Any) -> str:
    return str(getattr(func, "__name__", "") or "")


def function_length(func: Any) -> int:
    """JS ``length``: the number of parameters before the first optional one."""
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return 0
    count = 0
    for p in params:
        if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) or p.default is not p.empty:
            break
        count += 1
    return count


class _FunctionType(type):
    def __instancecheck__(cls, value: Any) -> bool:
        return callable(value)


class Function(metaclass=_FunctionType):
    """``Function``: building one from source text needs ``eval``, which wasmbindgen lacks."""

    JS_PROPERTIES = frozenset({"length", "name"})

    def __new__(cls, *_args: Any) -> Any:
        raise EvalError(
            "new Function(...) compiles JavaScript source, which wasmbindgen cannot run; "
            "pass a Python callable instead"
        )


PLAIN_FUNCTION_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    functools.partial,
)
register(
    "Function",
    FunctionPrototype,
    *PLAIN_FUNCTION_TYPES,
    getters={"length": function_length, "name": function_name},
)
CONSTRUCTORS["Function"] = Function
