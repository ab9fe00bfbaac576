"""Schema "0.2.119" (wasm-bindgen 0.2.119-0.2.120): tags ``I64_AS_F64``/``U64_AS_F64`` (wasm64's
isize/usize) and ``RAW_POINTER``; small ``Option``s' f64 None becomes 2**53 - 1."""

from dataclasses import replace

from ..describe import Tag
from .base import Version, successor, with_tags
from .v0_2_118 import VERSION as V0_2_118

OPTION_F64_NONE = 9007199254740991.0  # 2**53 - 1

VERSION: Version = successor(
    V0_2_118,
    "0.2.119",
    ("0.2.120",),  # 0.2.119 was never published
    descriptors=replace(
        V0_2_118.descriptors,
        tags=with_tags(
            with_tags(V0_2_118.descriptors.tags, Tag.U64, Tag.I64_AS_F64, Tag.U64_AS_F64),
            None,
            Tag.RAW_POINTER,
        ),
    ),
    abi=replace(V0_2_118.abi, option_f64_sentinel=OPTION_F64_NONE),
)
