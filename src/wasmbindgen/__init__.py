"""Use Rust crates written with ``#[wasm_bindgen]`` from Python — no JavaScript needed.

import wasmbindgen
m = wasmbindgen.load("target/wasm32-unknown-unknown/release/mycrate.wasm")
m.greet("world")
"""

from .errors import (
    BindgenError,
    CompiledPathWarning,
    ExpiredClosureError,
    JsException,
    MemoryLimitError,
    NoEventLoopError,
    OutOfFuel,
    RustPanic,
    ThreadError,
    Timeout,
)
from .pipeline import build, heap_live_count, load
from .runtime.builtins.errors import AggregateError, Error
from .runtime.intrinsics import PanicError
from .runtime.jsops import BigInt, Symbol
from .runtime.limits import set_default_limits
from .runtime.promise import Promise, run
from .runtime.values import null
from .runtime.webapis.console import CONSOLE_LOGGER, set_console
from .runtime.webapis.dom import DOMException

__all__ = [
    "CONSOLE_LOGGER",
    "AggregateError",
    "BigInt",
    "BindgenError",
    "CompiledPathWarning",
    "DOMException",
    "Error",
    "ExpiredClosureError",
    "JsException",
    "MemoryLimitError",
    "NoEventLoopError",
    "OutOfFuel",
    "PanicError",
    "Promise",
    "RustPanic",
    "Symbol",
    "ThreadError",
    "Timeout",
    "build",
    "heap_live_count",
    "load",
    "null",
    "run",
    "set_console",
    "set_default_limits",
]
__version__ = "0.1.0"
