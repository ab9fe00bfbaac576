"""The functions wasm-bindgen's intrinsic imports are bound to, with Python semantics.

Each takes and returns Python values; the generated glue converts the wasm arguments and
result by the import's signature, as for any import. A release's module
(``versions/<v>/intrinsics.py``) maps its import names to these names: this table is the one
place the names are defined.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import jsops
from .builtins.buffers import ArrayBuffer
from .builtins.errors import Error, RangeError
from .builtins.typed_arrays import TYPED_ARRAYS
from .jsops import BigInt, Symbol
from .values import null

if TYPE_CHECKING:
    from .instance import Runtime

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
    "is_null_or_undefined": lambda v: v is None or v is null,
    "is_symbol": lambda v: isinstance(v, Symbol),
    "is_string": lambda v: isinstance(v, str),
    "is_bigint": jsops.is_bigint,
    "is_function": lambda v: jsops.typeof(v) == "function",
    "is_object": lambda v: jsops.typeof(v) == "object" and v is not null,
    "is_falsy": jsops.is_falsy,
}


class PanicError(Error):
    """A Rust panic caught by a module built with panic=unwind (``name`` is "PanicError")."""

    name = "PanicError"


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


def _throw(message: str) -> None:
    raise Error(message)


def _rethrow(value: Any) -> None:
    from .instance import raise_value

    raise_value(value)


def _try_into_number(value: Any) -> Any:
    try:
        return jsops.number(jsops.to_number(value))
    except TypeError as exc:
        return exc


def _checked_div(a: Any, b: Any) -> Any:
    try:
        return jsops.binary("/", a, b)
    except RangeError as exc:
        return exc


def _number_get(value: Any) -> float | None:
    return float(value) if jsops.is_number(value) else None


def _bigint_get_as_i64(value: Any) -> int | None:
    if not jsops.is_bigint(value):
        return None
    return (int(value) + 2**63) % 2**64 - 2**63  # BigInt64Array wraps, as JS glue's store does


# __wbindgen_<kind>_array_new (0.2.93-0.2.101) -> the typed array it makes
_ARRAY_KINDS = {
    "int8": "Int8Array", "uint8": "Uint8Array", "uint8_clamped": "Uint8ClampedArray",
    "int16": "Int16Array", "uint16": "Uint16Array", "int32": "Int32Array",
    "uint32": "Uint32Array", "float32": "Float32Array", "float64": "Float64Array",
    "bigint64": "BigInt64Array", "biguint64": "BigUint64Array",
}  # fmt: skip


def _typed_array_from(name: str) -> Callable[[Any], Any]:
    """``__wbindgen_<kind>_array_new(ptr, len)`` (0.2.93-0.2.101): a new typed array holding a
    copy of the Rust slice."""

    def make(view: Any) -> Any:
        data = memoryview(view).cast("B").tobytes()
        buffer = ArrayBuffer(len(data))
        buffer.bytes_view()[:] = data
        return TYPED_ARRAYS[name](buffer)

    return make


def _cb_drop(closure: Any) -> bool:
    """``__wbindgen_cb_drop(&JsValue)`` (described, 0.2.102-0.2.104): may Rust free it now?"""
    drop = getattr(closure, "_cb_drop", None)
    return True if drop is None else bool(drop())


def _array_push(array: Any, value: Any) -> None:
    array.append(value)


def _no_jspi(*_args: Any) -> None:
    raise RuntimeError("JSPI (stack switching) is not supported by wasmbindgen")


def _reinit() -> None:
    raise RuntimeError(
        "wasm_bindgen::handler::schedule_reinit() is not supported: load the module again instead"
    )


PURE: dict[str, Callable[..., Any]] = {
    "string_new": str,
    "string_from_utf8_lossy": lambda data: bytes(data).decode("utf-8", "replace"),
    "number_new": jsops.number,
    "bigint_from_str": lambda text: BigInt(int(text)),
    "bigint_from_int": BigInt,
    "bigint_from_words": lambda high, low: BigInt((high << 64) + low),
    "symbol_named_new": Symbol,
    "symbol_anonymous_new": Symbol,
    "typeof": jsops.typeof,
    "in": lambda prop, obj: jsops.has_property(obj, prop),
    "as_number": jsops.to_number,
    "try_into_number": _try_into_number,
    "neg": jsops.unary_minus,
    "bit_not": jsops.bit_not,
    "not": jsops.is_falsy,
    "checked_div": _checked_div,
    "unsigned_shr": lambda a, b: jsops.binary(">>>", a, b),
    "jsval_eq": jsops.strict_equals,
    "jsval_loose_eq": jsops.loose_equals,
    "number_get": _number_get,
    "bigint_get_as_i64": _bigint_get_as_i64,
    "boolean_get": lambda value: value if isinstance(value, bool) else None,
    "boolean_get_or_2": lambda value: int(value) if isinstance(value, bool) else 2,  # 0.2.83
    "string_get": lambda value: value if isinstance(value, str) else None,
    "debug_string": jsops.debug_string,
    "json_parse": jsops.json_parse,
    "json_serialize": jsops.json_stringify,
    "throw": _throw,
    "rethrow": _rethrow,
    "error_new": Error,
    "panic_error": PanicError,
    "init_externref_table": lambda: None,
    "reinit": _reinit,
    "jspi_in_context": lambda: 0,
    "cb_drop": _cb_drop,
    "array_new": list,
    "array_push": _array_push,
    **{f"{kind}_array_new": _typed_array_from(name) for kind, name in _ARRAY_KINDS.items()},
    "jspi_spawn": _no_jspi,
    **TYPE_TESTS,
    **{name: (lambda a, b, o=op: jsops.binary(o, a, b)) for name, op in BINARY_OPERATORS.items()},
    **{name: (lambda a, b, o=op: jsops.compare(o, a, b)) for name, op in COMPARISONS.items()},
}


def _module(rt: Runtime) -> Callable[[], Any]:
    return lambda: rt.module


def _instance(rt: Runtime) -> Callable[[], Any]:
    return lambda: rt.wasm.instance


def _live_count(rt: Runtime) -> Callable[[], int]:
    return lambda: rt.heap.live_count()


# functions of one instance: name -> (runtime -> function)
BOUND: dict[str, Callable[[Runtime], Callable[..., Any]]] = {
    "memory": lambda rt: lambda: Memory(rt),
    "function_table": lambda rt: lambda: FunctionTable(rt),
    "module": _module,
    "instance": _instance,
    "exports": lambda rt: rt.glue_module,
    "externref_heap_live_count": _live_count,
    "copy_to_typed_array": lambda rt: lambda data, target: target.write_back(data),
}

NAMES = frozenset(PURE) | frozenset(BOUND)


def intrinsic(rt: Runtime, name: str) -> Callable[..., Any]:
    """The function intrinsic ``name`` of instance ``rt``."""
    if name in PURE:
        return PURE[name]
    return BOUND[name](rt)


__all__ = ["NAMES", "FunctionTable", "Memory", "PanicError", "intrinsic"]
