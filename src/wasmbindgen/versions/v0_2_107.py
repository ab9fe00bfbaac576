"""Schema "0.2.107" (wasm-bindgen 0.2.107-0.2.113): private enums and structs, panic=unwind's
``__wbindgen_panic_error``, ``&[JsValue]``. Two releases in one schema: from 0.2.109 the heap's
constants sit at 1024 (not 128) and borrowed closures (``ScopedClosure``, dtor 0) exist, so
the module's crate version picks the Version."""

from dataclasses import replace

from .base import Version, successor
from .v0_2_106 import VERSION as V0_2_106

SCHEMA = V0_2_106.schema.derive(
    """
    Enum = name:str signed:bool variants:[EnumVariant] comments:[str] _generate_typescript:bool
        js_namespace:[str]? _private:bool
    Struct = name:str fields:[StructField] comments:[str] is_inspectable:bool
        _generate_typescript:bool js_namespace:[str]? _private:bool
    """
)

FIRST: Version = successor(V0_2_106, "0.2.107", ("0.2.107", "0.2.108"), schema=SCHEMA)
FROM_0_2_109: Version = replace(
    FIRST,
    releases=("0.2.109", "0.2.110", "0.2.111", "0.2.112", "0.2.113"),
    runtime=replace(FIRST.runtime, heap_base=1024),
)
VERSION: Version = replace(
    FIRST,
    releases=(*FIRST.releases, *FROM_0_2_109.releases),
    from_release=(("0.2.107", FIRST), ("0.2.109", FROM_0_2_109)),
)
