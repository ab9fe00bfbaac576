"""Schema "0.2.87" (wasm-bindgen 0.2.87): the allocator exports take an alignment."""

from dataclasses import replace

from .base import Version
from .v0_2_85 import VERSION as V0_2_85

VERSION: Version = replace(
    V0_2_85,
    schema_version="0.2.87",
    releases=("0.2.87",),
    runtime=replace(V0_2_85.runtime, schema_version="0.2.87", allocator_align=True),
)
