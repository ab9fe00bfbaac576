"""Schema "0.2.92" (wasm-bindgen 0.2.92): the ``NONNULL`` tag."""

from dataclasses import replace

from ..describe import Tag
from .base import Version, with_tags
from .v0_2_88 import VERSION as V0_2_88

VERSION: Version = replace(
    V0_2_88,
    schema_version="0.2.92",
    releases=("0.2.92",),
    descriptors=replace(
        V0_2_88.descriptors, tags=with_tags(V0_2_88.descriptors.tags, None, Tag.NONNULL)
    ),
    runtime=replace(V0_2_88.runtime, schema_version="0.2.92"),
)
