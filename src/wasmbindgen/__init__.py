"""Use Rust crates written with ``#[wasm_bindgen]`` from Python — no JavaScript needed.

import wasmbindgen
m = wasmbindgen.load("target/wasm32-unknown-unknown/release/mycrate.wasm")
m.greet("world")
"""

from .errors import BindgenError, ExpiredClosureError, JsException, NoEventLoopError, RustPanic
from .pipeline import build, heap_live_count, load
from .runtime.builtins.errors import AggregateError, Error
from .runtime.intrinsics import PanicError
from .runtime.jsops import BigInt, Symbol
from .runtime.promise import Promise, run
from .runtime.values import null

__all__ = [
    "AggregateError",
    "BigInt",
    "BindgenError",
    "Error",
    "ExpiredClosureError",
    "JsException",
    "NoEventLoopError",
    "PanicError",
    "Promise",
    "RustPanic",
    "Symbol",
    "build",
    "heap_live_count",
    "load",
    "null",
    "run",
]
__version__ = "0.1.0"
