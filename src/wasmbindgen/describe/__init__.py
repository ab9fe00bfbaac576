"""Stage 3: run the module's ``__wbindgen_describe_*`` exports and decode their type trees."""

from .descriptor import (
    ClosureDescriptor,
    Descriptor,
    FunctionDescriptor,
    Tag,
    decode_descriptor,
)
from .runner import DESCRIBE_PREFIX, run_describes

__all__ = [
    "DESCRIBE_PREFIX",
    "ClosureDescriptor",
    "Descriptor",
    "FunctionDescriptor",
    "Tag",
    "decode_descriptor",
    "run_describes",
]
