"""The default global scope every instance starts with."""

from __future__ import annotations

from typing import Any

from .eventloop import TIMER_GLOBALS
from .jsbuiltins import AggregateError, Array, Console, Error
from .promise import Promise


def default_globals() -> dict[str, Any]:
    """A fresh copy of the default global scope (each instance gets its own)."""
    return {
        "console": Console(),
        "Error": Error,
        "AggregateError": AggregateError,
        "Array": Array,
        "Promise": Promise,
        **TIMER_GLOBALS,
    }
