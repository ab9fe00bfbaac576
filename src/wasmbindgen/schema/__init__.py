"""Stage 2: decode the ``__wasm_bindgen_unstable`` custom section.

The section is a stream of chunks, one per ``#[wasm_bindgen]`` expansion; each names its schema
version in a small JSON header. Each release's schema is written in the notation of
``grammar.py`` (``versions/<v>/schema.py``) and decodes into the release-neutral classes of
``program.py``.
"""

from .chunks import SECTION_NAME, Chunk, decode_chunks, split_section
from .grammar import Schema
from .program import (
    DynamicUnion,
    Enum,
    EnumVariant,
    Export,
    Function,
    FunctionArgument,
    Import,
    ImportFunction,
    ImportModule,
    ImportStatic,
    ImportString,
    ImportType,
    LinkedModule,
    LocalModule,
    MethodData,
    MethodKind,
    OperationKind,
    Program,
    StartKind,
    StringEnum,
    Struct,
    StructField,
)

__all__ = [
    "SECTION_NAME",
    "Chunk",
    "DynamicUnion",
    "Enum",
    "EnumVariant",
    "Export",
    "Function",
    "FunctionArgument",
    "Import",
    "ImportFunction",
    "ImportModule",
    "ImportStatic",
    "ImportString",
    "ImportType",
    "LinkedModule",
    "LocalModule",
    "MethodData",
    "MethodKind",
    "OperationKind",
    "Program",
    "Schema",
    "StartKind",
    "StringEnum",
    "Struct",
    "StructField",
    "decode_chunks",
    "split_section",
]
