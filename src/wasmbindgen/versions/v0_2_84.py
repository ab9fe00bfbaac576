"""Schema "0.2.84" (wasm-bindgen 0.2.84): 0.2.83 plus linked modules, the ``LONGREF`` tag,
the heap's constants at 128, ``&mut [T]`` export arguments carrying the caller's buffer
(written back through ``__wbindgen_copy_to_typed_array``) and ``__wbindgen_is_array``."""

from dataclasses import replace

from ..describe import Tag
from ..model.host import BOOL, JS_REF, UNIT, Intrinsic, d, fn
from ..model.types import MutSlice
from .base import Version, successor, with_tags
from .v0_2_83 import VERSION as V0_2_83

SCHEMA = V0_2_83.schema.derive(
    """
    Program = exports:[Export] enums:[Enum] imports:[Import] structs:[Struct]
        typescript_custom_sections:[str] local_modules:[LocalModule] inline_js:[str]
        unique_crate_identifier:str package_json:str? linked_modules:[LinkedModule]
    LinkedModule = module:ImportModule link_function_name:str
    """
)
BYTES_REF = d(Tag.REF, d(Tag.SLICE, d(Tag.U8)))

VERSION: Version = successor(
    V0_2_83,
    "0.2.84",
    ("0.2.84",),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_83.descriptors, tags=with_tags(V0_2_83.descriptors.tags, Tag.REFMUT, Tag.LONGREF)
    ),
    abi=replace(V0_2_83.abi, mut_slice=MutSlice.BUFFER_SLOT),
    host=replace(
        V0_2_83.host,
        raw_intrinsics={
            **V0_2_83.host.raw_intrinsics,
            "__wbindgen_copy_to_typed_array": Intrinsic(
                "copy_to_typed_array", fn(UNIT, BYTES_REF, JS_REF)
            ),
            "__wbindgen_is_array": Intrinsic("is_array", fn(BOOL, JS_REF)),
        },
    ),
    runtime=dict(heap_base=128),
)
