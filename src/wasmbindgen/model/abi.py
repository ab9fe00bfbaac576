"""How each value type crosses a release's ABI: its wasm values, its ``None``, its layout.

Arguments are flattened into consecutive wasm values; a result of more than one wasm value
goes through a return pointer passed as the first parameter, laid out as a C struct. What
differs between releases is in ``AbiRules``; everything here is decided once per value and
stored in the model, so backends never recompute it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .types import Kind, MutSlice, NoneAs, Ref, RetLayout, Scalar, Signature, ValueAbi, ValueType

SMALL_NONE = 0xFFFFFF  # None of Option<u8|i8|u16|i16|bool|char>: no Some value uses it
_PAIRED = {Scalar.F64, Scalar.I64, Scalar.U64, Scalar.I128, Scalar.U128}
_NARROW = {Scalar.I32, Scalar.U32, Scalar.F32}
_SIZES = {"i32": 4, "u32": 4, "f32": 4, "i64": 8, "u64": 8, "f64": 8}
RETPTR_BYTES = 32  # covers every layout (the largest, Result<Option<i128>>, needs 32)


@dataclass(frozen=True)
class AbiRules:
    """What one release decided about the ABI."""

    # Option<i32/u32/f32> as one f64 with this value for None (0.2.96+); None: a (tag, value) pair
    option_f64_sentinel: float | None = None
    mut_slice: MutSlice = MutSlice.COPY_BACK
    enum_f64: bool = False  # C-style enums cross as an f64 (0.2.130+), not a u32


def scalar_kinds(scalar: Scalar) -> tuple[str, ...]:
    """The signed/unsigned wasm kinds a scalar travels as (128-bit: low word first)."""
    if not scalar.is_integer:
        return (scalar.wasm,)
    if scalar in (Scalar.I128, Scalar.U128):
        return ("u64", "i64" if scalar.signed else "u64")
    if scalar.wasm == "i64":
        return ("i64" if scalar.signed else "u64",)
    return ("i32" if scalar.signed else "u32",)


def with_abi(vt: ValueType, rules: AbiRules) -> ValueType:
    """``vt`` with its ``abi`` decided under ``rules``."""
    return replace(vt, abi=value_abi(vt, rules))


def value_abi(vt: ValueType, rules: AbiRules) -> ValueAbi:
    kind = vt.kind
    if kind is Kind.UNIT:
        return ValueAbi()
    if kind is Kind.NUMBER:
        assert vt.scalar is not None
        kinds = scalar_kinds(vt.scalar)
        if not vt.optional:
            return ValueAbi(kinds)
        if vt.scalar in _PAIRED:
            return ValueAbi(("u32", *kinds), NoneAs.TAG)
        if vt.scalar in _NARROW:
            if rules.option_f64_sentinel is None:
                return ValueAbi(("u32", *kinds), NoneAs.TAG)
            return ValueAbi(("f64",), NoneAs.F64_SENTINEL, rules.option_f64_sentinel)
        return ValueAbi(("i32",), NoneAs.SENTINEL, SMALL_NONE)
    if kind in (Kind.BOOL, Kind.CHAR):
        none = NoneAs.SENTINEL if vt.optional else NoneAs.NOT_OPTIONAL
        return ValueAbi(("u32",), none, SMALL_NONE)
    if kind is Kind.ENUM and rules.enum_f64:
        none = NoneAs.SENTINEL if vt.optional else NoneAs.NOT_OPTIONAL
        return ValueAbi(("f64",), none, float(vt.hole))
    if kind in (Kind.ENUM, Kind.STRING_ENUM):
        none = NoneAs.SENTINEL if vt.optional else NoneAs.NOT_OPTIONAL
        return ValueAbi(("u32",), none, vt.hole)
    none = NoneAs.NULL if vt.optional else NoneAs.NOT_OPTIONAL
    if kind in (Kind.STRING, Kind.VECTOR, Kind.STACK_CLOSURE, Kind.HEAP_CLOSURE):
        return ValueAbi(("u32", "u32"), none)
    if kind is Kind.SLICE:
        if vt.ref is Ref.MUT and vt.scalar is not None and rules.mut_slice is MutSlice.BUFFER_SLOT:
            return ValueAbi(("u32", "u32", "u32"), none, mut_slice=MutSlice.BUFFER_SLOT)
        return ValueAbi(("u32", "u32"), none, mut_slice=rules.mut_slice)
    if kind in (Kind.JSVALUE, Kind.STRUCT):
        return ValueAbi(("u32",), none)
    raise AssertionError(f"unhandled kind {kind}")


def c_layout(kinds: tuple[str, ...] | list[str]) -> tuple[list[int], int, int]:
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


def ret_layout(ret: ValueType, fallible: bool) -> RetLayout | None:
    """Where the result lies when it goes through a return pointer; ``None`` when it is the
    function's one wasm result (or it has none)."""
    values = ret.abi.wasm
    if not fallible and len(values) <= 1:
        return None
    offsets, size, _ = c_layout(values)
    if not fallible:
        return RetLayout(tuple(offsets), size=size)
    size = (size + 3) // 4 * 4
    return RetLayout(tuple(offsets), size, size + 4, size + 8)


def finish_signature(sig: Signature) -> Signature:
    """``sig`` with its return-pointer layout decided."""
    return replace(sig, retptr=ret_layout(sig.ret, sig.fallible))


def wasm_params(sig: Signature) -> int:
    """How many wasm parameters a function of this signature takes."""
    return sum(len(p.type.abi.wasm) for p in sig.params) + int(sig.retptr is not None)
