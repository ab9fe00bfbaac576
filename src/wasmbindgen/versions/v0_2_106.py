"""Schema "0.2.106" (wasm-bindgen 0.2.106): ``js_namespace`` on exports, enums, structs and
string enums (export symbols take the namespace as a prefix), re-exported imports, and
``#[wasm_bindgen(this)]`` (operation ``RegularThis``)."""

from ..model.naming import Naming
from .base import Version, successor
from .v0_2_105 import VERSION as V0_2_105

SCHEMA = V0_2_105.schema.derive(
    """
    Import = module:ImportModule? js_namespace:[str]? _reexport:str? kind:ImportKind
    OperationKind = Regular | RegularThis | Getter(str) | Setter(str) | IndexingGetter
        | IndexingSetter | IndexingDeleter
    StringEnum = name:str variant_values:[str] comments:[str] _generate_typescript:bool
        js_namespace:[str]?
    Export = class_name:str? comments:[str] consumed:bool function:Function js_namespace:[str]?
        method_kind:MethodKind start:bool
    Enum = name:str signed:bool variants:[EnumVariant] comments:[str] _generate_typescript:bool
        js_namespace:[str]?
    Struct = name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]?
    """
)

VERSION: Version = successor(
    V0_2_105,
    "0.2.106",
    ("0.2.106",),
    schema=SCHEMA,
    naming=Naming(namespaced=True),
)
