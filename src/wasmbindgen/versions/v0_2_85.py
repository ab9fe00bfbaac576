"""Schema "0.2.85" (wasm-bindgen 0.2.85-0.2.86): JSDoc flags on functions and fields, and
``__wbindgen_exports``."""

from dataclasses import replace

from ..model.host import JS, Intrinsic, fn
from .base import Version, successor
from .v0_2_84 import VERSION as V0_2_84

SCHEMA = V0_2_84.schema.derive(
    """
    Function = args:[ArgumentName] asyncness:bool name:str _generate_typescript:bool
        _generate_jsdoc:bool variadic:bool
    StructField = name:str readonly:bool comments:[str] _generate_typescript:bool
        _generate_jsdoc:bool
    """
)

VERSION: Version = successor(
    V0_2_84,
    "0.2.85",
    ("0.2.85", "0.2.86"),
    schema=SCHEMA,
    host=replace(
        V0_2_84.host,
        raw_intrinsics={
            **V0_2_84.host.raw_intrinsics,
            "__wbindgen_exports": Intrinsic("exports", fn(JS)),
        },
    ),
)
