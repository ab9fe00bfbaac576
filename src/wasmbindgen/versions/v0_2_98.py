"""Schema "0.2.98" (wasm-bindgen 0.2.99): the same wire format as "0.2.96"; the bump made the
CLI insist on an exact match."""

from dataclasses import replace

from .base import Version
from .v0_2_96 import VERSION as V0_2_96

VERSION: Version = replace(
    V0_2_96,
    schema_version="0.2.98",
    releases=("0.2.99",),
    runtime=replace(V0_2_96.runtime, schema_version="0.2.98"),
)
