"""Stage 3: run the module's describe code and decode the type trees it reports."""

from .descriptor import (
    ClosureDescriptor,
    ClosureForm,
    Descriptor,
    DescriptorGrammar,
    FunctionDescriptor,
    ItemOrigins,
    Tag,
    decode_descriptor,
)
from .runner import DESCRIBE_PREFIX, CastSite, Descriptions, Markers, run_describes

__all__ = [
    "DESCRIBE_PREFIX",
    "CastSite",
    "ClosureDescriptor",
    "ClosureForm",
    "Descriptions",
    "Descriptor",
    "DescriptorGrammar",
    "FunctionDescriptor",
    "ItemOrigins",
    "Markers",
    "Tag",
    "decode_descriptor",
    "run_describes",
]
