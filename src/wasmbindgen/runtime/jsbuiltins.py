"""JS built-ins written in Python: ``Error`` and its kin, ``console``, ``Array``."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

from . import jsops

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


class Error(Exception):
    """A JS ``Error``: what ``throw_str``, ``JsError::new`` and failed Rust checks raise."""

    name = "Error"

    def __init__(self, message: Any = "", *args: Any) -> None:
        self.message = "" if message is None else jsops.to_string(message)
        super().__init__(self.message, *args)
        self.stack = f"{self.name}: {self.message}\n" + "".join(
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

    def __init__(self, errors: Any = (), message: Any = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.errors = list(errors)


def _console_text(args: tuple[Any, ...]) -> str:
    return " ".join(a if isinstance(a, str) else _display(a) for a in args)


def _display(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return jsops.debug_string(value)
    try:
        return jsops.to_string(value)
    except TypeError:
        return repr(value)


class Console:
    """``console``: log/info/debug print to stdout, warn/error to stderr."""

    def log(self, *args: Any) -> None:
        print(_console_text(args), file=sys.stdout, flush=True)

    info = debug = log

    def warn(self, *args: Any) -> None:
        print(_console_text(args), file=sys.stderr, flush=True)

    error = warn


class Array:
    """``Array``: JS arrays are Python lists."""

    def __new__(cls, *items: Any) -> list[Any]:  # type: ignore[misc]
        if len(items) == 1 and isinstance(items[0], int) and not isinstance(items[0], bool):
            return [None] * items[0]  # new Array(n): n empty slots
        return list(items)

    @staticmethod
    def of(*items: Any) -> list[Any]:
        return list(items)

    @staticmethod
    def isArray(value: Any = None) -> bool:  # noqa: N802 - the JS name
        return isinstance(value, list)
