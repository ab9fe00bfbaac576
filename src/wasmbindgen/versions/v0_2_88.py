"""Schema "0.2.88" (wasm-bindgen 0.2.88-0.2.91): wasm-bindgen splits values into primitives
itself (so any rustc builds these modules, the spec C ABI included), ``ENUM`` descriptors name
their enum, and structs can be taken back from JS (``__wbg_<s>_unwrap``)."""

from dataclasses import replace

from .base import Version, successor
from .v0_2_87 import VERSION as V0_2_87

VERSION: Version = successor(
    V0_2_87,
    "0.2.88",
    ("0.2.88", "0.2.89", "0.2.90", "0.2.91"),
    descriptors=replace(V0_2_87.descriptors, named_enums=True),
    toolchain="any rustc that builds the crate",
)
