"""Schema "0.2.96" (wasm-bindgen 0.2.96-0.2.98): i128/u128 (tags ``I128``, ``U128``), signed
C-style enums, and small ``Option``s (``Option<i32/u32/f32/isize/usize>``) crossing as one f64
whose None is 2**32 + 1."""

from dataclasses import replace

from ..describe import Tag
from .base import Version, successor, with_tags
from .v0_2_95 import VERSION as V0_2_95

SCHEMA = V0_2_95.schema.derive(
    """
    StringEnum = name:str variant_values:[str] comments:[str] _generate_typescript:bool
    Enum = name:str signed:bool variants:[EnumVariant] comments:[str] _generate_typescript:bool
    """
)
OPTION_F64_NONE = 4294967297.0  # 2**32 + 1 (2**53 - 1 from 0.2.119)

VERSION: Version = successor(
    V0_2_95,
    "0.2.96",
    ("0.2.96", "0.2.97", "0.2.98"),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_95.descriptors,
        tags=with_tags(V0_2_95.descriptors.tags, Tag.U64, Tag.I128, Tag.U128),
    ),
    abi=replace(V0_2_95.abi, option_f64_sentinel=OPTION_F64_NONE),
)
