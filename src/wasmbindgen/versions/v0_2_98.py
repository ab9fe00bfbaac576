"""Schema "0.2.98" (wasm-bindgen 0.2.99): the same wire format as "0.2.96"; the bump made the
CLI insist on an exact match."""

from .base import Version, successor
from .v0_2_96 import VERSION as V0_2_96

VERSION: Version = successor(
    V0_2_96,
    "0.2.98",
    ("0.2.99",),
)
