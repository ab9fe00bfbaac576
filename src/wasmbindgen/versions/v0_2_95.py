"""Schema "0.2.95" (wasm-bindgen 0.2.95): string enums are a name and their values."""

from .base import Version, successor
from .v0_2_94 import VERSION as V0_2_94

SCHEMA = V0_2_94.schema.derive("StringEnum = name:str variant_values:[str]")

VERSION: Version = successor(
    V0_2_94,
    "0.2.95",
    ("0.2.95",),
    schema=SCHEMA,
)
