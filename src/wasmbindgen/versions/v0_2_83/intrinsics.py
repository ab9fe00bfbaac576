"""The ``__wbindgen_*`` imports of wasm-bindgen 0.2.83 (``externs!`` in ``src/lib.rs``).

0.2.83 declares its intrinsics without descriptors, so each one's Rust signature is written
here; the runtime function serving it is named in ``runtime/intrinsics.py``.
"""

from ...describe import Tag
from ...model.host import (
    BOOL,
    F64,
    JS,
    JS_REF,
    STR_REF,
    STRING,
    U32,
    UNIT,
    HostRules,
    Intrinsic,
    d,
    fn,
)
from ...runtime.intrinsics import BINARY_OPERATORS, COMPARISONS

_TYPE_TESTS = (
    "is_null",
    "is_undefined",
    "is_symbol",
    "is_object",
    "is_function",
    "is_string",
    "is_bigint",
    "is_falsy",
)

SIGNATURES = {
    "string_new": fn(JS, STR_REF),
    "number_new": fn(JS, F64),
    "bigint_from_str": fn(JS, STR_REF),
    "bigint_from_i64": ("bigint_from_int", fn(JS, d(Tag.I64))),
    "bigint_from_u64": ("bigint_from_int", fn(JS, d(Tag.U64))),
    "bigint_from_i128": ("bigint_from_words", fn(JS, d(Tag.I64), d(Tag.U64))),
    "bigint_from_u128": ("bigint_from_words", fn(JS, d(Tag.U64), d(Tag.U64))),
    "symbol_named_new": fn(JS, STR_REF),
    "symbol_anonymous_new": fn(JS),
    "typeof": fn(JS, JS_REF),
    "in": fn(BOOL, JS_REF, JS_REF),
    "as_number": fn(F64, JS_REF),
    "try_into_number": fn(JS, JS_REF),
    "neg": fn(JS, JS_REF),
    "bit_not": fn(JS, JS_REF),
    "not": fn(JS, JS_REF),
    "checked_div": fn(JS, JS_REF, JS_REF),
    "unsigned_shr": fn(U32, JS_REF, JS_REF),
    "jsval_eq": fn(BOOL, JS_REF, JS_REF),
    "jsval_loose_eq": fn(BOOL, JS_REF, JS_REF),
    "number_get": fn(d(Tag.OPTIONAL, F64), JS_REF),
    "bigint_get_as_i64": fn(d(Tag.OPTIONAL, d(Tag.I64)), JS_REF),
    "boolean_get": ("boolean_get_or_2", fn(U32, JS_REF)),  # 2 meant "not a boolean"
    "string_get": fn(d(Tag.OPTIONAL, STRING), JS_REF),
    "debug_string": fn(STRING, JS_REF),
    "json_parse": fn(JS, STR_REF),
    "json_serialize": fn(d(Tag.OPTIONAL, STRING), JS_REF),
    "throw": fn(UNIT, STR_REF),
    "rethrow": fn(UNIT, JS),
    "error_new": fn(JS, STR_REF),
    "memory": fn(JS),
    "function_table": fn(JS),
    "module": fn(JS),
    **{name: fn(BOOL, JS_REF) for name in _TYPE_TESTS},
    **{name: fn(JS, JS_REF, JS_REF) for name in BINARY_OPERATORS},
    **{name: fn(BOOL, JS_REF, JS_REF) for name in COMPARISONS},
}


def _intrinsic(name: str, spec: object) -> Intrinsic:
    function, signature = spec if isinstance(spec, tuple) else (name, spec)
    return Intrinsic(function, signature)


HOST = HostRules(
    protocol={
        "__wbindgen_object_clone_ref": "clone_ref",
        "__wbindgen_object_drop_ref": "drop_ref",
        "__wbindgen_describe": "describe",
        "__wbindgen_describe_closure": "closure_marker",
        "__wbindgen_cb_drop": "cb_drop",
        "__wbindgen_externref_heap_live_count": "heap_live_count",
        "__wbindgen_externref_table_grow": "table_grow",
        "__wbindgen_externref_table_set_null": "table_set_null",
    },
    raw_intrinsics={
        f"__wbindgen_{name}": _intrinsic(name, spec) for name, spec in SIGNATURES.items()
    },
)
