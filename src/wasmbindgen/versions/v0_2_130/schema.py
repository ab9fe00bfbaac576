"""The program schema "0.2.130" (wasm-bindgen 0.2.130): "0.2.128"'s plus each program's module
path."""

from ..v0_2_128 import SCHEMA as SCHEMA_0_2_128

SCHEMA = SCHEMA_0_2_128.derive(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[lit] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str module_path:lit package_json:str?
        linked_modules:[LinkedModule]
    """
)
