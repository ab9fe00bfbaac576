"""Schema "0.2.130": wasm-bindgen 0.2.130, the newest release (November 2026).

Since "0.2.122": export and struct symbols carry the crate's hash (``add_<hash>``), Rust item
descriptors name their crate, the cast marker is ``__wbindgen_describe_generic_import`` with a
key before each descriptor, C-style enums cross as f64, JSPI exists (refused here), and
``Nullable<T>``, sequence modes and vectors of bools, chars and enums were added.
"""

from dataclasses import replace

from ...model.naming import Naming
from ..base import Version
from ..v0_2_122 import VERSION as V0_2_122
from .descriptors import GRAMMAR, MARKERS
from .intrinsics import HOST
from .schema import SCHEMA

VERSION: Version = replace(
    V0_2_122,
    schema_version="0.2.130",
    releases=("0.2.130",),
    schema=SCHEMA,
    descriptors=GRAMMAR,
    markers=MARKERS,
    naming=Naming(namespaced=True, sanitized=True, crate_mangled=True),
    abi=replace(V0_2_122.abi, enum_f64=True),
    host=HOST,
    runtime=replace(
        V0_2_122.runtime,
        schema_version="0.2.130",
        cast_marker="__wbindgen_describe_generic_import",
    ),
)
