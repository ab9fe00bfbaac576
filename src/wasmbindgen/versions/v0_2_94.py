"""Schema "0.2.94" (wasm-bindgen 0.2.94, yanked): string enums carry their variants in the
section, not in the descriptor; local modules say whether they are linked."""

from dataclasses import replace

from .base import Version, successor
from .v0_2_93 import VERSION as V0_2_93

SCHEMA = V0_2_93.schema.derive(
    """
    StringEnum = name:str _public:bool variant_values:[str] comments:[str]
        _generate_typescript:bool
    LocalModule = identifier:str contents:str linked_module:bool
    """
)

VERSION: Version = successor(
    V0_2_93,
    "0.2.94",
    ("0.2.94",),
    schema=SCHEMA,
    descriptors=replace(V0_2_93.descriptors, string_enum_values=False),
)
