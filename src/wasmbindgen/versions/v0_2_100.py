"""Schema "0.2.100" (wasm-bindgen 0.2.100): function arguments carry optional type overrides
and descriptions, and so does the return value."""

from .base import Version, successor
from .v0_2_98 import VERSION as V0_2_98

SCHEMA = V0_2_98.schema.derive(
    """
    Function = args:[FunctionArgument] asyncness:bool name:str _generate_typescript:bool
        _generate_jsdoc:bool variadic:bool _ret_ty_override:str? _ret_desc:str?
    FunctionArgument = name:str _ty_override:str? _desc:str?
    """
)

VERSION: Version = successor(
    V0_2_98,
    "0.2.100",
    ("0.2.100",),
    schema=SCHEMA,
)
