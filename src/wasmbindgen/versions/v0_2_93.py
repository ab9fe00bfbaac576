"""Schema "0.2.93" (wasm-bindgen 0.2.93): imported strings, string enums (``STRING_ENUM``),
reference-counted structs (``free(ptr, allow_delayed)``), TypeScript sections as expressions,
and intrinsics that build arrays and typed arrays from Rust data."""

from dataclasses import replace

from ..describe import Tag
from ..model.host import JS, JS_REF, UNIT, Intrinsic, d, fn
from .base import Version, successor, with_tags
from .v0_2_92 import VERSION as V0_2_92

SCHEMA = V0_2_92.schema.derive(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[lit] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str package_json:str? linked_modules:[LinkedModule]
    ImportKind = Function(ImportFunction) | Static(ImportStatic) | String(ImportString)
        | Type(ImportType) | Enum(StringEnum)
    ImportString = shim:str string:str
    StringEnum =
    """
)
_ELEMENTS = {
    "int8": Tag.I8, "uint8": Tag.U8, "uint8_clamped": Tag.U8, "int16": Tag.I16,
    "uint16": Tag.U16, "int32": Tag.I32, "uint32": Tag.U32, "float32": Tag.F32,
    "float64": Tag.F64, "bigint64": Tag.I64, "biguint64": Tag.U64,
}  # fmt: skip
ARRAY_INTRINSICS = {
    "__wbindgen_array_new": Intrinsic("array_new", fn(JS)),
    "__wbindgen_array_push": Intrinsic("array_push", fn(UNIT, JS_REF, JS)),
    **{
        f"__wbindgen_{kind}_array_new": Intrinsic(
            f"{kind}_array_new", fn(JS, d(Tag.REF, d(Tag.SLICE, d(tag))))
        )
        for kind, tag in _ELEMENTS.items()
    },
}

VERSION: Version = successor(
    V0_2_92,
    "0.2.93",
    ("0.2.93",),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_92.descriptors,
        tags=with_tags(V0_2_92.descriptors.tags, Tag.ENUM, Tag.STRING_ENUM),
        string_enum_values=True,
    ),
    host=replace(V0_2_92.host, raw_intrinsics={**V0_2_92.host.raw_intrinsics, **ARRAY_INTRINSICS}),
    runtime=dict(struct_free_flag=True),
)
