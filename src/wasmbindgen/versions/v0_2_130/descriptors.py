"""Descriptor tags of schema "0.2.130": "0.2.122"'s plus SEQ_MODE and NULLABLE at the end;
Rust items name their crate; the generic-import marker's descriptors start with a key."""

from ...describe import ClosureForm, DescriptorGrammar, ItemOrigins, Markers, Tag
from ..v0_2_122.descriptors import TAGS as TAGS_0_2_122

GRAMMAR = DescriptorGrammar(
    tags=(*TAGS_0_2_122, Tag.SEQ_MODE, Tag.NULLABLE),
    closure=ClosureForm.OWNED_MUTABLE,
    named_enums=True,
    item_origins=ItemOrigins.CRATE_AND_MODULE,
    generic_import_key=True,
)
MARKERS = Markers(cast="__wbindgen_describe_generic_import", keyed=True)
