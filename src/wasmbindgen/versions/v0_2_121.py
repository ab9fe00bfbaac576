"""Schema "0.2.121" (wasm-bindgen 0.2.121): dynamic unions (``DYNAMIC_UNION``), private string
enums, struct inheritance (``extends``), and JS names sanitized in symbols."""

from dataclasses import replace

from ..describe import Tag
from ..model.naming import Naming
from .base import Version, successor, with_tags
from .v0_2_119 import VERSION as V0_2_119

SCHEMA = V0_2_119.schema.derive(
    """
    ImportKind = Function(ImportFunction) | Static(ImportStatic) | String(ImportString)
        | Type(ImportType) | Enum(StringEnum) | DynamicUnion(DynamicUnion)
    StringEnum = name:str variant_values:[str] comments:[str] _generate_typescript:bool
        _private:bool js_namespace:[str]?
    DynamicUnion = name:str variant_strings:[str] variant_type_cnt:u32 _comments:[str]
        _generate_typescript:bool _private:bool fallback:bool
    Struct = name:str _rust_name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]? _private:bool extends:str?
    """
)

VERSION: Version = successor(
    V0_2_119,
    "0.2.121",
    ("0.2.121",),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_119.descriptors,
        tags=with_tags(V0_2_119.descriptors.tags, Tag.STRING_ENUM, Tag.DYNAMIC_UNION),
    ),
    naming=Naming(namespaced=True, sanitized=True),
)
