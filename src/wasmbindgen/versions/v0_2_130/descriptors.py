"""Descriptor tags of schema "0.2.130": "0.2.122"'s plus SEQ_MODE and NULLABLE at the end; Rust
items name their crate and module; the generic-import marker is 0.2.128's."""

from dataclasses import replace

from ...describe import ItemOrigins, Tag
from ..base import with_tags
from ..v0_2_128 import MARKERS
from ..v0_2_128 import VERSION as V0_2_128

GRAMMAR = replace(
    V0_2_128.descriptors,
    tags=with_tags(V0_2_128.descriptors.tags, None, Tag.SEQ_MODE, Tag.NULLABLE),
    item_origins=ItemOrigins.CRATE_AND_MODULE,
)

__all__ = ["GRAMMAR", "MARKERS"]
