"""Schema "0.2.114" (wasm-bindgen 0.2.114): optional arguments and the Rust name of structs."""

from .base import Version, successor
from .v0_2_107 import FROM_0_2_109

SCHEMA = FROM_0_2_109.schema.derive(
    """
    FunctionArgument = name:str _ty_override:str? optional:bool _desc:str?
    Struct = name:str _rust_name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]? _private:bool
    """
)

VERSION: Version = successor(
    FROM_0_2_109,
    "0.2.114",
    ("0.2.114",),
    schema=SCHEMA,
)
