"""Schema "0.2.95" (wasm-bindgen 0.2.95): string enums are a name and their values."""

from dataclasses import replace

from .base import Version
from .v0_2_94 import VERSION as V0_2_94

SCHEMA = V0_2_94.schema.derive("StringEnum = name:str variant_values:[str]")

VERSION: Version = replace(
    V0_2_94,
    schema_version="0.2.95",
    releases=("0.2.95",),
    schema=SCHEMA,
    runtime=replace(V0_2_94.runtime, schema_version="0.2.95"),
)
