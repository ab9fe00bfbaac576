"""``Error`` and its kin: JS errors are Python exceptions.

Each JS error class is also the matching Python one, so a JS ``TypeError`` thrown from Rust or
by a built-in is caught by ``except TypeError``: ``TypeError``→``TypeError``,
``RangeError``/``SyntaxError``/``URIError``→``ValueError``, ``ReferenceError``→``NameError``.
"""

from __future__ import annotations

import builtins
import traceback
from pathlib import Path
from typing import Any

_PACKAGE_DIR = str(Path(__file__).resolve().parents[2])


class Error(Exception):
    """A JS ``Error``: what ``throw_str``, ``JsError::new`` and failed Rust checks raise."""

    name = "Error"
    JS_PROPERTIES = frozenset({"message", "name", "cause", "stack"})
    stackTraceLimit = 10  # noqa: N815 - V8's static; the stack here is Python's, and not limited

    @staticmethod
    def isError(value: Any = None) -> bool:  # noqa: N802 - the JS name
        """Every Python exception is an Error."""
        return isinstance(value, BaseException)

    def __init__(self, message: Any = "", *args: Any) -> None:
        from ..jsops import to_string

        self.message = "" if message is None else to_string(message)
        options = args[0] if args else None
        self.cause = options.get("cause") if isinstance(options, dict) else None
        super().__init__(self.message, *args)
        self.stack = f"{self.toString()}\n" + "".join(
            f"    at {frame.name} ({frame.filename}:{frame.lineno})\n"
            for frame in traceback.extract_stack()[:-1]
            if not frame.filename.startswith((_PACKAGE_DIR, "<wasmbindgen glue"))
        )

    def __str__(self) -> str:
        return self.message

    def toString(self) -> str:  # noqa: N802 - the JS method name
        return f"{self.name}: {self.message}" if self.message else self.name


class AggregateError(Error):
    """``AggregateError(errors, message)``: what ``Promise.any`` rejects with."""

    name = "AggregateError"
    JS_PROPERTIES = Error.JS_PROPERTIES | {"errors"}

    def __init__(self, errors: Any = (), message: Any = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.errors = list(errors)


class SuppressedError(Error):
    """``SuppressedError(error, suppressed, message)``: a disposal that failed while another
    error was already on its way out."""

    name = "SuppressedError"
    JS_PROPERTIES = Error.JS_PROPERTIES | {"error", "suppressed"}

    def __init__(self, error: Any = None, suppressed: Any = None, message: Any = "") -> None:
        super().__init__(message)
        self.error, self.suppressed = error, suppressed


class EvalError(Error):
    name = "EvalError"


class RangeError(Error, builtins.ValueError):
    name = "RangeError"


class ReferenceError(Error, builtins.NameError):
    name = "ReferenceError"


class SyntaxError(Error, builtins.ValueError):
    name = "SyntaxError"


class TypeError(Error, builtins.TypeError):
    name = "TypeError"


class URIError(Error, builtins.ValueError):
    name = "URIError"


ERROR_CLASSES: dict[str, type[Error]] = {
    cls.name: cls
    for cls in (
        Error,
        AggregateError,
        SuppressedError,
        EvalError,
        RangeError,
        ReferenceError,
        SyntaxError,
        TypeError,
        URIError,
    )
}
