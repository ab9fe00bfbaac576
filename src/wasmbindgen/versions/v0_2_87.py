"""Schema "0.2.87" (wasm-bindgen 0.2.87): the allocator exports take an alignment."""

from .base import Version, successor
from .v0_2_85 import VERSION as V0_2_85

VERSION: Version = successor(
    V0_2_85,
    "0.2.87",
    ("0.2.87",),
    runtime=dict(allocator_align=True),
)
