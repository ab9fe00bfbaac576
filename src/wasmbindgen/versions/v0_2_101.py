"""Schema "0.2.101" (wasm-bindgen 0.2.101): the closure descriptor is ``CLOSURE dtor mutable
FUNCTION``, and six intrinsics became ordinary imports of JS built-ins (``Array.isArray``,
``BigInt``, ``Symbol``, ``Error``, ``JSON.parse``, ``JSON.stringify``)."""

from dataclasses import replace

from ..describe import ClosureForm
from .base import Version, successor
from .v0_2_100 import VERSION as V0_2_100

_BECAME_IMPORTS = {
    "__wbindgen_is_array", "__wbindgen_bigint_from_str", "__wbindgen_symbol_named_new",
    "__wbindgen_symbol_anonymous_new", "__wbindgen_error_new", "__wbindgen_json_parse",
    "__wbindgen_json_serialize",
}  # fmt: skip

VERSION: Version = successor(
    V0_2_100,
    "0.2.101",
    ("0.2.101",),
    descriptors=replace(V0_2_100.descriptors, closure=ClosureForm.DTOR_MUTABLE),
    host=replace(
        V0_2_100.host,
        raw_intrinsics={
            name: spec
            for name, spec in V0_2_100.host.raw_intrinsics.items()
            if name not in _BECAME_IMPORTS
        },
    ),
)
