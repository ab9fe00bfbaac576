"""Schema "0.2.122": wasm-bindgen 0.2.122-0.2.127 (2026).

What changed for a host since 0.2.83, in brief: intrinsics are described imports; casts
(``JsValue::from_str``, ``Closure::new``…) go through one marker import; closures are owned or
borrowed and end through ``_wbg_cb_unref`` and ``__wbindgen_destroy_closure``; the heap's
constants sit at 1024; allocation takes an alignment; structs are reference counted
(``free(ptr, allow_delayed)``, ``__wbg_<s>_unwrap``); small ``Option``s cross as one f64;
``&mut [T]`` arguments carry the caller's buffer; i128, string enums, ``Option<JsValue>`` and
vectors of strings and structs cross. wasm-bindgen itself splits values into primitives, so
any rustc builds these modules.
"""

from ...model.abi import AbiRules
from ...model.naming import Naming
from ...model.types import MutSlice
from ...runtime.config import RuntimeConfig
from ..base import Version
from .descriptors import GRAMMAR, MARKERS
from .intrinsics import HOST
from .schema import SCHEMA

OPTION_F64_NONE = 9007199254740991.0  # 2**53 - 1 (0.2.119+; 2**32 + 1 before)

VERSION = Version(
    schema_version="0.2.122",
    releases=("0.2.122", "0.2.123", "0.2.125", "0.2.126", "0.2.127"),
    schema=SCHEMA,
    descriptors=GRAMMAR,
    markers=MARKERS,
    naming=Naming(namespaced=True, sanitized=True),
    abi=AbiRules(option_f64_sentinel=OPTION_F64_NONE, mut_slice=MutSlice.BUFFER_SLOT),
    host=HOST,
    runtime=RuntimeConfig(
        schema_version="0.2.122",
        heap_base=1024,
        allocator_align=True,
        struct_free_flag=True,
        closure_protocol="unref",
        destroy_closure=True,
        cast_marker="__wbindgen_describe_cast",
    ),
    toolchain="any rustc that builds the crate (1.77 or later)",
)
