"""The ``__wbindgen_*`` intrinsics of wasm-bindgen 0.2.83, with Python semantics.

Each entry is a ``HostFunction``: the handler gets the raw wasm arguments (heap indices,
pointers, numbers) and returns the raw result. Borrowed indices are read with ``get``; owned
ones are released with ``take``.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import jsops
from .builtins.errors import Error, RangeError
from .builtins.typed_arrays import ArrayBuffer
from .engine import HostFunction, slot_format
from .jsops import BigInt, Symbol
from .values import null

if TYPE_CHECKING:
    from .instance import Runtime
    from .memory import LinearMemory

U32, U32X2, U32X3 = slot_format(["u32"]), slot_format(["u32"] * 2), slot_format(["u32"] * 3)
RESULT_I32, RESULT_F64 = "<I", "<d"

BINARY_OPERATORS = {
    "add": "+",
    "sub": "-",
    "mul": "*",
    "div": "/",
    "rem": "%",
    "pow": "**",
    "bit_and": "&",
    "bit_or": "|",
    "bit_xor": "^",
    "shl": "<<",
    "shr": ">>",
}
COMPARISONS = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}
TYPE_TESTS: dict[str, Callable[[Any], bool]] = {
    "is_null": lambda v: v is null,
    "is_undefined": lambda v: v is None,
    "is_symbol": lambda v: isinstance(v, Symbol),
    "is_string": lambda v: isinstance(v, str),
    "is_bigint": jsops.is_bigint,
    "is_function": lambda v: jsops.typeof(v) == "function",
    "is_object": lambda v: jsops.typeof(v) == "object" and v is not null,
    "is_falsy": jsops.is_falsy,
}


class FunctionTable:
    """What ``wasm_bindgen::function_table()`` returns: the module's table, by index."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    def get(self, index: int) -> Any:
        table = self._runtime.wasm.table()
        return None if table is None else table.get(self._runtime.wasm.store, index)

    @property
    def length(self) -> int:
        table = self._runtime.wasm.table()
        return 0 if table is None else table.size(self._runtime.wasm.store)


class Memory:
    """What ``wasm_bindgen::memory()`` returns: ``buffer`` is a live view of linear memory."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    @property
    def buffer(self) -> ArrayBuffer:
        return ArrayBuffer.over(self._runtime.wasm.whole_view)

    def grow(self, pages: int) -> int:
        return int(self._runtime.wasm.memory.grow(self._runtime.wasm.store, pages))


def intrinsic_functions(rt: Runtime) -> dict[str, HostFunction]:
    heap = rt.heap
    get, add, take, drop = heap.get, heap.add, heap.take, heap.drop

    def mem() -> LinearMemory:
        return rt.memory

    def read(ptr: int, size: int) -> str:
        return mem().read_str(ptr, size)

    def write_str_result(rp: int, text: str | None) -> None:
        ptr, size = (0, 0) if text is None else mem().pass_str(text)
        struct.pack_into("<II", rt.wasm.view(rp + 8), rp, ptr, size)

    def number_get(rp: int, idx: int) -> None:
        value = get(idx)
        present = jsops.is_number(value)
        struct.pack_into(
            "<I4xd", rt.wasm.view(rp + 16), rp, int(present), float(value) if present else 0.0
        )

    def bigint_get_as_i64(rp: int, idx: int) -> None:
        value = get(idx)
        present = jsops.is_bigint(value)
        struct.pack_into(
            "<I4xQ", rt.wasm.view(rp + 16), rp, int(present), int(value) % 2**64 if present else 0
        )

    def boolean_get(idx: int) -> int:
        value = get(idx)
        return int(value) if isinstance(value, bool) else 2

    def string_get(rp: int, idx: int) -> None:
        value = get(idx)
        write_str_result(rp, value if isinstance(value, str) else None)

    def throw(ptr: int, size: int) -> None:
        raise Error(read(ptr, size))

    def rethrow(idx: int) -> None:
        from .instance import raise_value

        raise_value(take(idx))

    def try_into_number(idx: int) -> int:
        try:
            return add(jsops.number(jsops.to_number(get(idx))))
        except TypeError as exc:
            return add(exc)

    def checked_div(a: int, b: int) -> int:
        try:
            return add(jsops.binary("/", get(a), get(b)))
        except RangeError as exc:
            return add(exc)

    def as_number(idx: int) -> float:
        return jsops.to_number(get(idx))

    table: dict[str, HostFunction] = {
        "object_clone_ref": HostFunction(lambda i: add(get(i)), U32, RESULT_I32),
        "object_drop_ref": HostFunction(drop, U32),
        "string_new": HostFunction(lambda p, n: add(read(p, n)), U32X2, RESULT_I32),
        "number_new": HostFunction(lambda x: add(jsops.number(x)), "<d8x", RESULT_I32),
        "bigint_from_str": HostFunction(
            lambda p, n: add(BigInt(int(read(p, n)))), U32X2, RESULT_I32
        ),
        "bigint_from_i64": HostFunction(lambda v: add(BigInt(v)), "<q8x", RESULT_I32),
        "bigint_from_u64": HostFunction(lambda v: add(BigInt(v)), "<Q8x", RESULT_I32),
        "bigint_from_i128": HostFunction(
            lambda hi, lo: add(BigInt((hi << 64) + lo)), "<q8xQ8x", RESULT_I32
        ),
        "bigint_from_u128": HostFunction(
            lambda hi, lo: add(BigInt((hi << 64) + lo)), "<Q8xQ8x", RESULT_I32
        ),
        "symbol_named_new": HostFunction(lambda p, n: add(Symbol(read(p, n))), U32X2, RESULT_I32),
        "symbol_anonymous_new": HostFunction(lambda: add(Symbol()), "<", RESULT_I32),
        "externref_heap_live_count": HostFunction(heap.live_count, "<", RESULT_I32),
        "typeof": HostFunction(lambda i: add(jsops.typeof(get(i))), U32, RESULT_I32),
        "in": HostFunction(lambda p, o: int(jsops.has_property(get(o), get(p))), U32X2, RESULT_I32),
        "as_number": HostFunction(as_number, U32, RESULT_F64),
        "try_into_number": HostFunction(try_into_number, U32, RESULT_I32),
        "neg": HostFunction(lambda i: add(jsops.unary_minus(get(i))), U32, RESULT_I32),
        "bit_not": HostFunction(lambda i: add(jsops.bit_not(get(i))), U32, RESULT_I32),
        "not": HostFunction(lambda i: add(jsops.is_falsy(get(i))), U32, RESULT_I32),
        "checked_div": HostFunction(checked_div, U32X2, RESULT_I32),
        # the one operator that returns its (u32) result directly, not as a heap slot
        "unsigned_shr": HostFunction(
            lambda a, b: jsops.binary(">>>", get(a), get(b)), U32X2, RESULT_I32
        ),
        "jsval_eq": HostFunction(
            lambda a, b: int(jsops.strict_equals(get(a), get(b))), U32X2, RESULT_I32
        ),
        "jsval_loose_eq": HostFunction(
            lambda a, b: int(jsops.loose_equals(get(a), get(b))), U32X2, RESULT_I32
        ),
        "number_get": HostFunction(number_get, U32X2),
        "bigint_get_as_i64": HostFunction(bigint_get_as_i64, U32X2),
        "boolean_get": HostFunction(boolean_get, U32, RESULT_I32),
        "string_get": HostFunction(string_get, U32X2),
        "debug_string": HostFunction(
            lambda rp, i: write_str_result(rp, jsops.debug_string(get(i))), U32X2
        ),
        "json_parse": HostFunction(
            lambda p, n: add(jsops.json_parse(read(p, n))), U32X2, RESULT_I32
        ),
        "json_serialize": HostFunction(
            lambda rp, i: write_str_result(rp, jsops.json_stringify(get(i))), U32X2
        ),
        "throw": HostFunction(throw, U32X2),
        "rethrow": HostFunction(rethrow, U32),
        "error_new": HostFunction(lambda p, n: add(Error(read(p, n))), U32X2, RESULT_I32),
        "memory": HostFunction(lambda: add(Memory(rt)), "<", RESULT_I32),
        "function_table": HostFunction(lambda: add(FunctionTable(rt)), "<", RESULT_I32),
        "module": HostFunction(lambda: add(rt.module), "<", RESULT_I32),
    }
    for name, test in TYPE_TESTS.items():
        table[name] = HostFunction(lambda i, t=test: int(t(get(i))), U32, RESULT_I32)
    for name, op in BINARY_OPERATORS.items():
        table[name] = HostFunction(
            lambda a, b, o=op: add(jsops.binary(o, get(a), get(b))), U32X2, RESULT_I32
        )
    for name, op in COMPARISONS.items():
        table[name] = HostFunction(
            lambda a, b, o=op: int(jsops.compare(o, get(a), get(b))), U32X2, RESULT_I32
        )
    functions = {f"__wbindgen_{name}": fn for name, fn in table.items()}
    functions.update(closure_functions(rt))
    return functions


def closure_functions(rt: Runtime) -> dict[str, HostFunction]:
    """``__wbindgen_describe`` (kept live: closures are described at run time),
    ``__wbindgen_describe_closure`` and ``__wbindgen_cb_drop``."""
    from .closures import ClosureFactory

    factory = rt.closures = ClosureFactory(rt)
    return {
        "__wbindgen_describe": HostFunction(factory.record, U32),
        "__wbindgen_describe_closure": HostFunction(factory.make, U32X3, RESULT_I32),
        "__wbindgen_cb_drop": HostFunction(factory.drop, U32, RESULT_I32),
    }


INTRINSIC_NAMES = frozenset(
    {
        f"__wbindgen_{n}"
        for n in [
            "object_clone_ref",
            "object_drop_ref",
            "string_new",
            "number_new",
            "bigint_from_str",
            "bigint_from_i64",
            "bigint_from_u64",
            "bigint_from_i128",
            "bigint_from_u128",
            "symbol_named_new",
            "symbol_anonymous_new",
            "externref_heap_live_count",
            "unsigned_shr",
            "typeof",
            "in",
            "as_number",
            "try_into_number",
            "neg",
            "bit_not",
            "not",
            "checked_div",
            "jsval_eq",
            "jsval_loose_eq",
            "number_get",
            "bigint_get_as_i64",
            "boolean_get",
            "string_get",
            "debug_string",
            "json_parse",
            "json_serialize",
            "throw",
            "rethrow",
            "error_new",
            "memory",
            "function_table",
            "module",
            "describe",
            "describe_closure",
            "cb_drop",
        ]
    }
    | {f"__wbindgen_{n}" for n in (*TYPE_TESTS, *BINARY_OPERATORS, *COMPARISONS)}
)
