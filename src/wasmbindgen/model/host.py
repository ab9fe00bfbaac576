"""What a release's host must serve besides the module's own imports.

Every wasm-bindgen module imports a few functions from ``__wbindgen_placeholder__`` that its
``#[wasm_bindgen]`` data does not describe as user imports:

- *protocol* imports the runtime serves itself by role (heap clones and drops, the describe
  recorder, the closure and cast markers, the externref-transform stubs);
- *intrinsics*: ``JsValue``'s operators, type tests and conversions. 0.2.83 declares them
  without descriptors, so its release module gives each one's Rust signature; from 0.2.102
  they are described like user imports and named by ``function.name``. Either way each is
  bound to a runtime function by name (``runtime/intrinsics.py``) and converted by the same
  generated code as any import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..describe import Descriptor, FunctionDescriptor, Tag

PROTOCOL_ROLES = frozenset(
    {
        "clone_ref",
        "drop_ref",
        "describe",
        "closure_marker",
        "cast_marker",
        "cb_drop",
        "table_grow",
        "table_set_null",
        "statics_end",
        "heap_live_count",
    }
)


@dataclass(frozen=True)
class Intrinsic:
    """An undescribed intrinsic import: the runtime function serving it and its signature."""

    function: str
    signature: FunctionDescriptor


@dataclass(frozen=True)
class HostRules:
    protocol: Mapping[str, str]  # import name -> runtime role (PROTOCOL_ROLES)
    raw_intrinsics: Mapping[str, Intrinsic] = field(default_factory=dict)
    described_intrinsics: Mapping[str, str] = field(default_factory=dict)  # function.name -> fn
    # described imports a host cannot honour: function.name -> why (JSPI, for one)
    refused: Mapping[str, str] = field(default_factory=dict)


# -- descriptors for writing intrinsic signatures ------------------------------------------------


def d(tag: Tag, inner: Descriptor | None = None) -> Descriptor:
    return Descriptor(tag, inner=inner)


JS = d(Tag.EXTERNREF)
JS_REF = d(Tag.REF, JS)
STR_REF = d(Tag.REF, d(Tag.STRING))
STRING = d(Tag.STRING)
UNIT = d(Tag.UNIT)
U32 = d(Tag.U32)
BOOL = d(Tag.BOOLEAN)
F64 = d(Tag.F64)


def fn(ret: Descriptor, *args: Descriptor) -> FunctionDescriptor:
    """The signature ``(args) -> ret``."""
    return FunctionDescriptor(0, args, ret, ret)
