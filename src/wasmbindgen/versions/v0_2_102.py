"""Schema "0.2.102" (wasm-bindgen 0.2.102-0.2.104): intrinsics are described imports named by
``function.name`` (the runtime serves the same functions), and casts — ``JsValue::from_str``,
``Closure::new``… — go through the ``__wbindgen_describe_cast`` marker; closures still end
through ``__wbindgen_cb_drop``, now described."""

from ..describe import Markers
from ..model.host import HostRules
from ..runtime.intrinsics import BINARY_OPERATORS, COMPARISONS, TYPE_TESTS
from .base import Version, successor
from .v0_2_101 import VERSION as V0_2_101

# From 0.2.102 intrinsics are described like user imports (module ``__wbindgen_placeholder__``)
# and named by ``function.name``; only the heap, the describe recorder, the cast marker and the
# externref-transform stubs stay raw. A few JS built-ins (``Array.isArray``, ``Reflect.get``,
# ``JSON.parse``…) are ordinary imports resolved in the global scope.
_SAME_NAME = (
    "typeof", "in", "try_into_number", "neg", "bit_not", "checked_div", "unsigned_shr",
    "jsval_eq", "jsval_loose_eq", "number_get", "bigint_get_as_i64", "boolean_get",
    "string_get", "debug_string", "throw", "rethrow", "copy_to_typed_array",
    "externref_heap_live_count", "exports", "memory", "module", "function_table", "instance",
    "init_externref_table", "reinit", "panic_error",
    *TYPE_TESTS, *BINARY_OPERATORS, *COMPARISONS,
)  # fmt: skip
DESCRIBED = {f"__wbindgen_{name}": name for name in _SAME_NAME}
PROTOCOL = {
    "__wbindgen_object_clone_ref": "clone_ref",
    "__wbindgen_object_drop_ref": "drop_ref",
    "__wbindgen_describe": "describe",
    "__wbindgen_externref_table_grow": "table_grow",
    "__wbindgen_externref_table_set_null": "table_set_null",
}

# every function.name a release of the described era uses (a module imports only its own)
DESCRIBED_ALL = {
    **DESCRIBED,
    "__wbindgen_cb_drop": "cb_drop",  # 0.2.102-0.2.104
    "__wbindgen_object_is_null_or_undefined": "is_null_or_undefined",  # 0.2.105-0.2.113
    "__wbindgen_object_is_undefined": "is_undefined",  # 0.2.105-0.2.113
}
CAST_MARKER = "__wbindgen_describe_cast"

VERSION: Version = successor(
    V0_2_101,
    "0.2.102",
    ("0.2.102", "0.2.103", "0.2.104"),
    markers=Markers(cast=CAST_MARKER),
    host=HostRules(
        protocol={**PROTOCOL, CAST_MARKER: "cast_marker"}, described_intrinsics=DESCRIBED_ALL
    ),
    runtime=dict(closure_marker="", cast_marker=CAST_MARKER),
)
