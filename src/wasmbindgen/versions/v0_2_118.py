"""Schema "0.2.118" (wasm-bindgen 0.2.118): public and private start functions (several
allowed), and ``__wbindgen_reinit``."""

from .base import Version, successor
from .v0_2_115 import VERSION as V0_2_115

SCHEMA = V0_2_115.schema.derive(
    """
    StartKind = None | Public | Private
    Export = class_name:str? comments:[str] consumed:bool function:Function js_namespace:[str]?
        method_kind:MethodKind start:StartKind
    """
)

VERSION: Version = successor(
    V0_2_115,
    "0.2.118",
    ("0.2.118",),
    schema=SCHEMA,
)
