"""Schema "0.2.115" (wasm-bindgen 0.2.115-0.2.117): closures are ``CLOSURE owned mutable
FUNCTION`` and end through one ``__wbindgen_destroy_closure`` export; imports may opt out of
TypeScript."""

from dataclasses import replace

from ..describe import ClosureForm
from .base import Version, successor
from .v0_2_114 import VERSION as V0_2_114

SCHEMA = V0_2_114.schema.derive(
    """
    Import = module:ImportModule? js_namespace:[str]? _reexport:str? _generate_typescript:bool
        kind:ImportKind
    """
)

VERSION: Version = successor(
    V0_2_114,
    "0.2.115",
    ("0.2.115", "0.2.116", "0.2.117"),
    schema=SCHEMA,
    descriptors=replace(V0_2_114.descriptors, closure=ClosureForm.OWNED_MUTABLE),
    runtime=dict(destroy_closure=True),
)
