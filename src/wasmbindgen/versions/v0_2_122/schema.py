"""The program schema "0.2.122" (wasm-bindgen 0.2.122-0.2.127): "0.2.121"'s with structs that
drop their Rust name and may extend a JS class."""

from ..v0_2_121 import SCHEMA as SCHEMA_0_2_121

SCHEMA = SCHEMA_0_2_121.derive(
    """
    Struct = name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]? _private:bool extends:str?
        extends_js_class:str? extends_js_namespace:[str]?
    """
)
