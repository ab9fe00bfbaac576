"""Schema "0.2.130": wasm-bindgen 0.2.130, the newest release (November 2026).

Since "0.2.128": each program names its module path, Rust item descriptors name their crate and
module (string enums and unions too), C-style enums cross as f64, ``Nullable<T>`` and sequence
modes exist, and the externref statics' end is an import the host answers.
"""

from dataclasses import replace

from ..base import Version, successor
from ..v0_2_128 import VERSION as V0_2_128
from .descriptors import GRAMMAR, MARKERS
from .intrinsics import HOST
from .schema import SCHEMA

VERSION: Version = successor(
    V0_2_128,
    "0.2.130",
    ("0.2.130",),
    schema=SCHEMA,
    descriptors=GRAMMAR,
    markers=MARKERS,
    abi=replace(V0_2_128.abi, enum_f64=True),
    host=HOST,
)
