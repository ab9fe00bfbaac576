"""Schema "0.2.92" (wasm-bindgen 0.2.92): the ``NONNULL`` tag."""

from dataclasses import replace

from ..describe import Tag
from .base import Version, successor, with_tags
from .v0_2_88 import VERSION as V0_2_88

VERSION: Version = successor(
    V0_2_88,
    "0.2.92",
    ("0.2.92",),
    descriptors=replace(
        V0_2_88.descriptors, tags=with_tags(V0_2_88.descriptors.tags, None, Tag.NONNULL)
    ),
)
