"""Use Rust crates written with ``#[wasm_bindgen]`` from Python — no JavaScript needed.

import wasmbindgen
m = wasmbindgen.load("target/wasm32-unknown-unknown/release/mycrate.wasm")
m.greet("world")
"""

from .errors import BindgenError, ExpiredClosureError, JsException, NoEventLoopError, RustPanic
from .pipeline import build, load
from .runtime.jsbuiltins import Error
from .runtime.jsops import BigInt, Symbol
from .runtime.values import null

__all__ = [
    "BigInt",
    "BindgenError",
    "Error",
    "ExpiredClosureError",
    "JsException",
    "NoEventLoopError",
    "RustPanic",
    "Symbol",
    "build",
    "load",
    "null",
]
__version__ = "0.1.0"
