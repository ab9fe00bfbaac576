"""The placeholder imports of schema "0.2.122".

From 0.2.102 intrinsics are described like user imports (module ``__wbindgen_placeholder__``)
and named by ``function.name``; only the heap, the describe recorder, the cast marker and the
externref-transform stubs stay raw. A few JS built-ins (``Array.isArray``, ``Reflect.get``,
``JSON.parse``…) are ordinary imports resolved in the global scope.
"""

from ...model.host import HostRules
from ...runtime.intrinsics import BINARY_OPERATORS, COMPARISONS, TYPE_TESTS

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
HOST = HostRules(
    protocol={**PROTOCOL, "__wbindgen_describe_cast": "cast_marker"},
    described_intrinsics=DESCRIBED,
)
