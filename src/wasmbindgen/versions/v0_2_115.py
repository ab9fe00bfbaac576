"""Schema "0.2.115" (wasm-bindgen 0.2.115-0.2.117): closures are ``CLOSURE owned mutable
FUNCTION`` and end through one ``__wbindgen_destroy_closure`` export; imports may opt out of
TypeScript."""

from dataclasses import replace

from ..describe import ClosureForm
from .base import Version
from .v0_2_114 import VERSION as V0_2_114

SCHEMA = V0_2_114.schema.derive(
    """
    Import = module:ImportModule? js_namespace:[str]? _reexport:str? _generate_typescript:bool
        kind:ImportKind
    """
)

VERSION: Version = replace(
    V0_2_114,
    schema_version="0.2.115",
    releases=("0.2.115", "0.2.116", "0.2.117"),
    schema=SCHEMA,
    descriptors=replace(V0_2_114.descriptors, closure=ClosureForm.OWNED_MUTABLE),
    runtime=replace(V0_2_114.runtime, schema_version="0.2.115", destroy_closure=True),
)
