"""How each value type crosses the 0.2.83 ABI (rustc's legacy wasm32 C ABI).

Aggregates are flattened into consecutive wasm parameters; results of more than one wasm value
go through a return pointer passed as the first parameter, laid out as a C struct.
"""

from __future__ import annotations

from .types import Kind, Scalar, ValueType

NONE_SENTINEL = 0xFFFFFF  # None of Option<u8|i8|u16|i16|bool|char>
WIDE_OPTION_SCALARS = {Scalar.I32, Scalar.U32, Scalar.F32, Scalar.F64, Scalar.I64, Scalar.U64}

# wasm-level kinds used below: "i32" (signed), "u32" (unsigned i32), "i64", "u64", "f32", "f64"
_SIZES = {"i32": 4, "u32": 4, "f32": 4, "i64": 8, "u64": 8, "f64": 8}


def scalar_kind(scalar: Scalar) -> str:
    """The signed/unsigned wasm kind a scalar travels as."""
    if not scalar.is_integer:
        return scalar.wasm
    if scalar.wasm == "i64":
        return "i64" if scalar.signed else "u64"
    return "i32" if scalar.signed else "u32"


def is_wide_option(vt: ValueType) -> bool:
    """Option of a 32/64-bit number: a (tag, value) pair on the wire."""
    return vt.optional and vt.kind is Kind.NUMBER and vt.scalar in WIDE_OPTION_SCALARS


def wasm_values(vt: ValueType) -> list[str]:
    """The wasm values a value of ``vt`` is flattened into (as an argument)."""
    kind = vt.kind
    if kind is Kind.UNIT:
        return []
    if kind is Kind.NUMBER:
        assert vt.scalar is not None
        if is_wide_option(vt):
            return ["u32", scalar_kind(vt.scalar)]
        return [scalar_kind(vt.scalar)]
    if kind in (Kind.STRING, Kind.SLICE, Kind.VECTOR, Kind.STACK_CLOSURE):
        return ["u32", "u32"]
    if kind in (Kind.BOOL, Kind.CHAR, Kind.ENUM, Kind.JSVALUE, Kind.STRUCT):
        return ["u32"]
    raise AssertionError(f"unhandled kind {kind}")


def c_layout(kinds: list[str]) -> tuple[list[int], int, int]:
    """Offsets of ``kinds`` laid out as a C struct, its size and its alignment."""
    offsets, end, align = [], 0, 1
    for kind in kinds:
        size = _SIZES[kind]
        end = (end + size - 1) // size * size
        offsets.append(end)
        end += size
        align = max(align, size)
    size = (end + align - 1) // align * align
    return offsets, size, align


def result_layout(vt: ValueType, fallible: bool) -> tuple[list[int], int | None]:
    """Return-pointer layout: offsets of ``vt``'s values and, for ``Result``, of ``is_err``
    (``err`` sits 4 bytes before it)."""
    values = wasm_values(vt)
    offsets, size, _ = c_layout(values)
    if not fallible:
        return offsets, None
    size = (size + 3) // 4 * 4
    return offsets, size + 4


def needs_retptr(vt: ValueType, fallible: bool = False) -> bool:
    return fallible or len(wasm_values(vt)) > 1


RETPTR_BYTES = 32  # covers every 0.2.83 layout (the largest, Result<Option<f64>>, is 24)
