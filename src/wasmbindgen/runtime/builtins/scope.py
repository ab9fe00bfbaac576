"""The default global scope every instance starts with."""

from __future__ import annotations

from typing import Any

from ..eventloop import TIMER_GLOBALS
from ..promise import Promise
from .array import Array
from .console import Console
from .date import Date
from .errors import ERROR_CLASSES


def default_globals() -> dict[str, Any]:
    """A fresh copy of the default global scope (each instance gets its own)."""
    return {
        "console": Console(),
        **ERROR_CLASSES,
        "Array": Array,
        "Date": Date,
        "Promise": Promise,
        **TIMER_GLOBALS,
    }
