"""Stage 2: decode the ``__wasm_bindgen_unstable`` custom section.

The section is a stream of chunks, one per ``#[wasm_bindgen]`` expansion; each names its schema
version in a small JSON header and is decoded by the module for that version (``v0_2_83``).
"""

from .chunks import SECTION_NAME, decode_section
from .v0_2_83 import (
    Enum,
    EnumVariant,
    Export,
    Function,
    Import,
    ImportFunction,
    ImportModule,
    ImportStatic,
    ImportType,
    LocalModule,
    MethodKind,
    OperationKind,
    Program,
    Struct,
    StructField,
)

__all__ = [
    "SECTION_NAME",
    "Enum",
    "EnumVariant",
    "Export",
    "Function",
    "Import",
    "ImportFunction",
    "ImportModule",
    "ImportStatic",
    "ImportType",
    "LocalModule",
    "MethodKind",
    "OperationKind",
    "Program",
    "Struct",
    "StructField",
    "decode_section",
]
