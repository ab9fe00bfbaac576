"""Conversion fragments: Python source for moving one value across the boundary.

Four directions: an export's argument (Python → Rust) and result (Rust → Python), and an
import's argument (Rust → Python) and result (Python → Rust). Names the fragments use are the
glue's module globals (``_wb_*``), bound to runtime helpers when the module is instantiated.
"""

from __future__ import annotations

import array
from dataclasses import dataclass, field

from ...model import Interface, Kind, Ref, Scalar, ValueType
from ...model.abi import NONE_SENTINEL, is_wide_option, scalar_kind
from .names import enum_for_hole, identifier

# Export arguments are packed with range-checking formats: a u8 argument of 300 is an error.
ARG_FORMATS = {
    Scalar.I8: "b15x",
    Scalar.U8: "B15x",
    Scalar.I16: "h14x",
    Scalar.U16: "H14x",
    Scalar.I32: "i12x",
    Scalar.U32: "I12x",
    Scalar.I64: "q8x",
    Scalar.U64: "Q8x",
    Scalar.F32: "f12x",
    Scalar.F64: "d8x",
}
SLOT = {"i32": "i12x", "u32": "I12x", "i64": "q8x", "u64": "Q8x", "f32": "f12x", "f64": "d8x"}
LETTER = {"i32": "i", "u32": "I", "i64": "q", "u64": "Q", "f32": "f", "f64": "d"}
PTR = "I12x"


@dataclass
class Lowered:
    """An argument on its way into wasm."""

    setup: list[str] = field(default_factory=list)  # run before packing (may allocate)
    values: list[tuple[str, str]] = field(default_factory=list)  # (slot format, expression)
    after: list[str] = field(default_factory=list)  # after a successful call
    checked: list[tuple[str, str, str]] = field(default_factory=list)  # (name, fmt, expr)
    borrows: bool = False  # uses the borrow stack: the call site unwinds it afterwards
    allocs: list[tuple[str, str, int]] = field(default_factory=list)  # (ptr, count, item size)


def struct_class(vt: ValueType) -> str:
    return identifier(vt.name)


def lower_export_arg(name: str, vt: ValueType, what: str, tmp: str) -> Lowered:
    """``name`` holds the Python value; ``tmp`` is a unique prefix for temporaries."""
    out = Lowered()
    kind, q = vt.kind, repr(what)
    if kind is Kind.NUMBER:
        assert vt.scalar is not None
        if is_wide_option(vt):
            out.values += [
                (PTR, f"0 if {name} is None else 1"),
                (ARG_FORMATS[vt.scalar], f"0 if {name} is None else {name}"),
            ]
        elif vt.optional:
            out.setup.append(
                f"{tmp} = {NONE_SENTINEL:#x} if {name} is None else "
                f"_wb_small_int({name}, {vt.scalar.typecode!r}, {q})"
            )
            out.values.append(("i12x", tmp))
        else:
            out.values.append((ARG_FORMATS[vt.scalar], name))
            out.checked.append((name, ARG_FORMATS[vt.scalar], name))
        return out
    if kind is Kind.BOOL:
        expr = f"1 if {name} else 0"
        out.values.append(
            (PTR, f"{NONE_SENTINEL:#x} if {name} is None else ({expr})" if vt.optional else expr)
        )
    elif kind is Kind.CHAR:
        expr = f"_wb_char({name}, {q})"
        out.values.append(
            (PTR, f"{NONE_SENTINEL:#x} if {name} is None else {expr}" if vt.optional else expr)
        )
    elif kind is Kind.ENUM:
        expr = f"_wb_enum_value({name}, {q})"
        out.values.append(
            (PTR, f"{vt.hole} if {name} is None else {expr}" if vt.optional else expr)
        )
    elif kind is Kind.STRING:
        helper = "_wb_pass_opt_str" if vt.optional else "_wb_pass_str"
        out.setup.append(f"{tmp}p, {tmp}n = {helper}({name}, {q})")
        out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
        out.allocs.append((f"{tmp}p", f"{tmp}n", 1))
    elif kind in (Kind.SLICE, Kind.VECTOR) and vt.scalar is not None:
        code = vt.scalar.typecode
        if vt.ref is Ref.MUT:
            out.setup.append(f"_wb_check_writable({name}, {q})")
        helper = "_wb_pass_opt_array" if vt.optional else "_wb_pass_array"
        out.setup.append(f"{tmp}p, {tmp}n = {helper}({name}, {code!r}, {q}, {vt.clamped})")
        out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
        out.allocs.append((f"{tmp}p", f"{tmp}n", array.array(code).itemsize))
        if vt.ref is Ref.MUT:
            copy = f"_wb_copy_back({name}, {tmp}p, {tmp}n, {code!r})"
            out.after.append(f"if {tmp}p: {copy}" if vt.optional else copy)
    elif kind in (Kind.SLICE, Kind.VECTOR):
        out.setup.append(f"{tmp}p, {tmp}n = _wb_pass_values({name}, {q}, {vt.optional})")
        out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
        out.allocs.append((f"{tmp}p", f"{tmp}n", 4))
    elif kind is Kind.JSVALUE:
        if vt.ref is Ref.OWNED:
            expr = f"_wb_add({name})"
            out.values.append(
                (PTR, f"0 if _wb_nullish({name}) else {expr}" if vt.optional else expr)
            )
        else:
            out.setup.append(
                f"{tmp} = 0 if {name} is None else _wb_borrow({name})"
                if vt.optional
                else f"{tmp} = _wb_borrow({name})"
            )
            out.values.append((PTR, tmp))
            out.borrows = True
    elif kind is Kind.STRUCT:
        method = "_arg_move" if vt.ref is Ref.OWNED else "_arg"
        expr = f"{struct_class(vt)}.{method}({name}, {q})"
        out.setup.append(
            f"{tmp} = 0 if {name} is None else {expr}" if vt.optional else f"{tmp} = {expr}"
        )
        out.values.append((PTR, tmp))
    elif kind is Kind.UNIT:
        pass
    else:
        raise AssertionError(f"cannot pass {vt.describe()} into an export")
    return out


def lift_result(vt: ValueType, raw: list[str], interface: Interface) -> tuple[list[str], str]:
    """Python for the value Rust returned as ``raw`` (expressions of its wasm values)."""
    kind = vt.kind
    if kind is Kind.UNIT:
        return [], "None"
    if kind is Kind.NUMBER:
        if is_wide_option(vt):
            return [], f"{raw[1]} if {raw[0]} else None"
        if vt.optional:
            return [], f"None if {raw[0]} == {NONE_SENTINEL:#x} else {raw[0]}"
        return [], raw[0]
    v = raw[0]
    if kind is Kind.BOOL:
        expr = f"{v} != 0"
        return [], f"None if {v} == {NONE_SENTINEL:#x} else {expr}" if vt.optional else expr
    if kind is Kind.CHAR:
        expr = f"chr({v})"
        return [], f"None if {v} == {NONE_SENTINEL:#x} else {expr}" if vt.optional else expr
    if kind is Kind.ENUM:
        enum = enum_for_hole(interface, vt.hole)
        expr = f"_wb_enum_member({identifier(enum)}, {v})" if enum else v
        return [], f"None if {v} == {vt.hole} else {expr}" if vt.optional else expr
    if kind is Kind.STRING:
        p, n = raw
        expr = f"_wb_take_str({p}, {n})" if vt.ref is Ref.OWNED else f"_wb_read_str({p}, {n})"
        if vt.cached:
            expr = f"_wb_get({n}) if {p} == 0 else {expr}"
        return [], f"None if {p} == 0 else {expr}" if vt.optional and not vt.cached else expr
    if kind in (Kind.VECTOR, Kind.SLICE):
        p, n = raw
        if vt.scalar is None:
            expr = f"_wb_take_values({p}, {n})"
        else:
            expr = f"_wb_take_array({p}, {n}, {vt.scalar.typecode!r})"
        return [], f"None if {p} == 0 else {expr}" if vt.optional else expr
    if kind is Kind.JSVALUE:
        return [], f"_wb_take({v})"
    if kind is Kind.STRUCT:
        expr = f"{struct_class(vt)}._wrap({v})"
        return [], f"None if {v} == 0 else {expr}" if vt.optional else expr
    raise AssertionError(f"cannot return {vt.describe()} from an export")


# -- imports: Rust calls Python -------------------------------------------------------------


def lift_import_arg(
    vt: ValueType, raw: list[str], interface: Interface, tmp: str
) -> tuple[list[str], str, list[str]]:
    """(setup lines, expression, lines run after the Python call) for an import argument."""
    kind = vt.kind
    if kind is Kind.STRING:
        p, n = raw
        expr = f"_wb_take_str({p}, {n})" if vt.ref is Ref.OWNED else f"_wb_read_str({p}, {n})"
        if vt.cached:
            expr = f"_wb_get({n}) if {p} == 0 else {expr}"
        elif vt.optional:
            expr = f"None if {p} == 0 else {expr}"
        return [f"{tmp} = {expr}"], tmp, []
    if kind is Kind.SLICE and vt.scalar is not None:
        p, n = raw
        expr = f"_wb_array_view({p}, {n}, {vt.scalar.typecode!r})"
        if vt.optional:
            expr = f"None if {p} == 0 else {expr}"
            return [f"{tmp} = {expr}"], tmp, [f"if {tmp} is not None: {tmp}.release()"]
        return [f"{tmp} = {expr}"], tmp, [f"{tmp}.release()"]
    if kind in (Kind.VECTOR, Kind.SLICE):
        owned = ValueType(Kind.VECTOR, scalar=vt.scalar, optional=vt.optional)
        _, expr = lift_result(owned, raw, interface)
        return [f"{tmp} = {expr}"], tmp, []
    if kind is Kind.JSVALUE:
        return [], (f"_wb_get({raw[0]})" if vt.ref is not Ref.OWNED else f"_wb_take({raw[0]})"), []
    _, expr = lift_result(vt, raw, interface)
    return [], expr, []


def lower_import_result(vt: ValueType, value: str, retptr: str | None, what: str) -> list[str]:
    """Lines returning (or storing through ``retptr``) the Python result ``value``."""
    kind, q = vt.kind, repr(what)
    if kind is Kind.UNIT:
        return []
    if retptr is not None:
        if kind is Kind.NUMBER:
            assert vt.scalar is not None
            letter = LETTER[scalar_kind(vt.scalar)]
            offset = 8 if vt.scalar.size == 8 else 4
            fmt = f"<I{offset - 4}x{letter}" if offset > 4 else f"<I{letter}"
            return [
                f"_wb_pack({fmt!r}, _wb_view({retptr} + 16), {retptr}, "
                f"*((0, 0) if {value} is None else (1, {value})))"
            ]
        if kind is Kind.STRING:
            helper = "_wb_pass_opt_str" if vt.optional else "_wb_pass_str"
            conv = f"{helper}({value}, {q})"
        elif vt.scalar is not None:
            helper = "_wb_pass_opt_array" if vt.optional else "_wb_pass_array"
            conv = f"{helper}({value}, {vt.scalar.typecode!r}, {q}, {vt.clamped})"
        else:
            conv = f"_wb_pass_values({value}, {q}, {vt.optional})"
        return [f"_wb_pack('<II', _wb_view({retptr} + 8), {retptr}, *{conv})"]
    if kind is Kind.NUMBER:
        if vt.optional:
            return [f"return {NONE_SENTINEL:#x} if {value} is None else {value}"]
        return [f"return {value}"]
    if kind is Kind.BOOL:
        expr = f"1 if {value} else 0"
    elif kind is Kind.CHAR:
        expr = f"_wb_char({value}, {q})"
    elif kind is Kind.ENUM:
        expr = f"_wb_enum_value({value}, {q})"
    elif kind is Kind.JSVALUE:
        return [
            f"return 0 if _wb_nullish({value}) else _wb_add({value})"
            if vt.optional
            else f"return _wb_add({value})"
        ]
    elif kind is Kind.STRUCT:
        expr = f"{struct_class(vt)}._arg_move({value}, {q})"
        return [f"return 0 if {value} is None else {expr}" if vt.optional else f"return {expr}"]
    else:
        raise AssertionError(f"cannot return {vt.describe()} from an import")
    if vt.optional:
        hole = vt.hole if kind is Kind.ENUM else NONE_SENTINEL
        return [f"return {hole} if {value} is None else {expr}"]
    return [f"return {expr}"]
