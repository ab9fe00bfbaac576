"""Schema "0.2.122": wasm-bindgen 0.2.122-0.2.127 (2026): structs drop their Rust name and may
extend a JS class (``extends_js_class``, ``extends_js_namespace``).

What changed for a host since 0.2.83, in brief (each step in its own module): intrinsics are
described imports; casts (``JsValue::from_str``, ``Closure::new``…) go through one marker import;
closures are owned or borrowed and end through ``_wbg_cb_unref`` and
``__wbindgen_destroy_closure``; the heap's constants sit at 1024; allocation takes an alignment;
structs are reference counted (``free(ptr, allow_delayed)``, ``__wbg_<s>_unwrap``); small
``Option``s cross as one f64; ``&mut [T]`` arguments carry the caller's buffer; i128, string
enums, ``Option<JsValue>`` and vectors of strings and structs cross.
"""

from ..base import Version, successor
from ..v0_2_121 import VERSION as V0_2_121
from .schema import SCHEMA

VERSION: Version = successor(
    V0_2_121,
    "0.2.122",
    ("0.2.122", "0.2.123", "0.2.125", "0.2.126", "0.2.127"),
    schema=SCHEMA,
    toolchain="any rustc that builds the crate (1.77 or later)",
)
