"""Conversion fragments: Python source for moving one value across the boundary.

Four directions: an export's argument (Python → Rust) and result (Rust → Python), and an
import's argument (Rust → Python) and result (Python → Rust). How a value crosses — its wasm
values, how ``None`` is spelled — comes from the model (``ValueType.abi``); this module only
renders it. Names the fragments use are the glue's module globals (``_wb_*``), bound to runtime
helpers when the module is instantiated.
"""

from __future__ import annotations

import array
from dataclasses import dataclass, field

from ...model import Interface, Kind, MutSlice, NoneAs, Ref, RetLayout, Scalar, Signature, ValueType
from .names import enum_for, identifier, string_enum_for

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
SIZE = {"i32": 4, "u32": 4, "f32": 4, "i64": 8, "u64": 8, "f64": 8}
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


def none_literal(vt: ValueType) -> str:
    value = vt.abi.none_value
    return repr(value) if isinstance(value, float) else f"{value:#x}"


def _optional(vt: ValueType, name: str, expr: str, none: str | None = None) -> str:
    """``expr``, or the wire's None when ``name`` is None (for an optional value)."""
    if not vt.optional:
        return expr
    return f"{none if none is not None else none_literal(vt)} if {name} is None else {expr}"


def lower_export_arg(name: str, vt: ValueType, what: str, tmp: str, iface: Interface) -> Lowered:
    """``name`` holds the Python value; ``tmp`` is a unique prefix for temporaries."""
    out = Lowered()
    kind, q = vt.kind, repr(what)
    if kind is Kind.NUMBER:
        _lower_number(out, name, vt, q, tmp)
    elif kind is Kind.BOOL:
        out.values.append((PTR, _optional(vt, name, f"1 if {name} else 0")))
    elif kind is Kind.CHAR:
        out.values.append((PTR, _optional(vt, name, f"_wb_char({name}, {q})")))
    elif kind is Kind.ENUM:
        expr = _optional(vt, name, f"_wb_enum_value({name}, {q})")
        out.values.append((SLOT[vt.abi.wasm[0]], expr))
    elif kind is Kind.STRING_ENUM:
        values = _string_enum_values(vt, iface)
        expr = f"_wb_string_enum_index({name}, {values}, {q})"
        out.values.append((PTR, _optional(vt, name, expr)))
    elif kind is Kind.STRING:
        helper = "_wb_pass_opt_str" if vt.optional else "_wb_pass_str"
        out.setup.append(f"{tmp}p, {tmp}n = {helper}({name}, {q})")
        out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
        out.allocs.append((f"{tmp}p", f"{tmp}n", 1))
    elif kind in (Kind.SLICE, Kind.VECTOR) and vt.scalar is not None:
        _lower_numbers(out, name, vt, q, tmp)
    elif kind in (Kind.SLICE, Kind.VECTOR):
        out.setup.append(f"{tmp}p, {tmp}n = _wb_pass_values({name}, {q}, {vt.optional})")
        out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
        out.allocs.append((f"{tmp}p", f"{tmp}n", 4))
    elif kind is Kind.JSVALUE:
        if vt.ref is Ref.OWNED:
            out.values.append((PTR, _optional_js(vt, name, f"_wb_add({name})")))
        else:
            expr = f"_wb_borrow({name})"
            out.setup.append(f"{tmp} = {_optional_js(vt, name, expr)}")
            out.values.append((PTR, tmp))
            out.borrows = True
    elif kind is Kind.STRUCT:
        method = "_arg_move" if vt.ref is Ref.OWNED else "_arg"
        expr = f"{struct_class(vt)}.{method}({name}, {q})"
        out.setup.append(f"{tmp} = {_optional_js(vt, name, expr)}")
        out.values.append((PTR, tmp))
    elif kind is not Kind.UNIT:
        raise AssertionError(f"cannot pass {vt.describe()} into an export")
    return out


def direct_codes(sig: Signature) -> tuple[str, str] | None:
    """The compiled boundary's value codes (``struct`` letters; ``-``: no result) for an export
    of plain numbers and bools in, one or none out, which it can call whole; else None."""
    if sig.is_async or sig.retptr is not None:
        return None
    params = [_direct_param(p.type) for p in sig.params]
    ret = sig.ret
    if ret.kind is Kind.UNIT:
        result: str | None = "-"
    elif _plain(ret) and ret.kind in (Kind.NUMBER, Kind.BOOL):
        result = "?" if ret.kind is Kind.BOOL else LETTER[ret.abi.wasm[0]]
    else:
        result = None
    if result is None or None in params:
        return None
    return "".join(p for p in params if p is not None), result


def _plain(vt: ValueType) -> bool:
    return not vt.optional and vt.scalar not in (Scalar.I128, Scalar.U128)


def _direct_param(vt: ValueType) -> str | None:
    if vt.kind is Kind.BOOL and not vt.optional:
        return "?"
    if vt.kind is Kind.NUMBER and _plain(vt) and not vt.nonzero and vt.scalar is not None:
        return ARG_FORMATS[vt.scalar][0]
    return None


def _optional_js(vt: ValueType, name: str, expr: str) -> str:
    """JS values and structs: ``None`` and ``null`` both mean None, as in JS."""
    return f"0 if _wb_nullish({name}) else {expr}" if vt.optional else expr


def _lower_number(out: Lowered, name: str, vt: ValueType, q: str, tmp: str) -> None:
    scalar = vt.scalar
    assert scalar is not None
    none = vt.abi.none
    if scalar in (Scalar.I128, Scalar.U128):
        split = f"_wb_split128({name}, {scalar.signed}, {q})"
        if none is NoneAs.TAG:
            out.setup.append(f"{tmp}l, {tmp}h = (0, 0) if {name} is None else {split}")
            out.values.append((PTR, f"0 if {name} is None else 1"))
        else:
            out.setup.append(f"{tmp}l, {tmp}h = {split}")
        out.values += [("Q8x", f"{tmp}l"), ("Q8x", f"{tmp}h")]
        return
    if none is NoneAs.TAG:
        out.values += [
            (PTR, f"0 if {name} is None else 1"),
            (ARG_FORMATS[scalar], f"0 if {name} is None else {name}"),
        ]
        out.checked.append((name, ARG_FORMATS[scalar], f"0 if {name} is None else {name}"))
    elif none is NoneAs.F64_SENTINEL:
        expr = f"_wb_f64_option({name}, {scalar.typecode!r}, {q})"
        out.setup.append(f"{tmp} = {_optional(vt, name, expr)}")
        out.values.append(("d8x", tmp))
    elif none is NoneAs.SENTINEL:
        expr = f"_wb_small_int({name}, {scalar.typecode!r}, {q})"
        out.setup.append(f"{tmp} = {_optional(vt, name, expr)}")
        out.values.append(("i12x", tmp))
    else:
        expr = f"_wb_nonzero({name}, {q})" if vt.nonzero else name
        out.values.append((ARG_FORMATS[scalar], expr))
        out.checked.append((name, ARG_FORMATS[scalar], name))


def _lower_numbers(out: Lowered, name: str, vt: ValueType, q: str, tmp: str) -> None:
    assert vt.scalar is not None
    code = vt.scalar.typecode
    mutable = vt.ref is Ref.MUT
    if mutable:
        out.setup.append(f"_wb_check_writable({name}, {q})")
    helper = "_wb_pass_opt_array" if vt.optional else "_wb_pass_array"
    out.setup.append(f"{tmp}p, {tmp}n = {helper}({name}, {code!r}, {q}, {vt.clamped})")
    out.values += [(PTR, f"{tmp}p"), (PTR, f"{tmp}n")]
    if mutable and vt.abi.mut_slice is MutSlice.BUFFER_SLOT:
        # Rust writes the slice back through copy_to_typed_array, then frees it itself
        out.values.append((PTR, f"_wb_add(_wb_write_back_target({name}, {code!r}))"))
        return
    out.allocs.append((f"{tmp}p", f"{tmp}n", array.array(code).itemsize))
    if mutable:
        copy = f"_wb_copy_back({name}, {tmp}p, {tmp}n, {code!r})"
        out.after.append(f"if {tmp}p: {copy}" if vt.optional else copy)


def _string_enum_values(vt: ValueType, iface: Interface) -> str:
    enum = string_enum_for(iface, vt.name)
    if enum is None:
        raise AssertionError(f"string enum {vt.name} has no variant strings")
    return f"_wb_se_{identifier(enum.js_name)}"


def lift_result(vt: ValueType, raw: list[str], iface: Interface) -> tuple[list[str], str]:
    """Python for the value Rust returned as ``raw`` (expressions of its wasm values)."""
    kind = vt.kind
    none = vt.abi.none
    if kind is Kind.UNIT:
        return [], "None"
    if kind is Kind.NUMBER:
        return [], _lift_number(vt, raw)
    v = raw[0]
    sentinel = f"None if {v} == {none_literal(vt)} else " if none is NoneAs.SENTINEL else ""
    if kind is Kind.BOOL:
        return [], f"{sentinel}{v} != 0"
    if kind is Kind.CHAR:
        return [], f"{sentinel}chr({v})"
    if kind is Kind.ENUM:
        enum = enum_for(iface, vt)
        if vt.abi.wasm == ("f64",):  # 0.2.130+: the discriminant as a JS number
            v = f"int({v})"
        if enum is None:
            return [], f"{sentinel}{v}"
        value = f"_wb_signed32({v})" if enum.signed and vt.abi.wasm != ("f64",) else v
        return [], f"{sentinel}_wb_enum_member({identifier(enum.js_name)}, {value})"
    if kind is Kind.STRING_ENUM:
        return [], f"{sentinel}_wb_string_enum_value({_string_enum_values(vt, iface)}, {v})"
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


def _lift_number(vt: ValueType, raw: list[str]) -> str:
    scalar = vt.scalar
    assert scalar is not None
    none = vt.abi.none
    wide = scalar in (Scalar.I128, Scalar.U128)
    values = raw[1:] if none is NoneAs.TAG else raw
    expr = f"_wb_join128({values[0]}, {values[1]}, {scalar.signed})" if wide else values[0]
    if none is NoneAs.TAG:
        return f"{expr} if {raw[0]} else None"
    if none is NoneAs.F64_SENTINEL:
        value = f"int({raw[0]})" if scalar.is_integer else raw[0]
        return f"None if {raw[0]} == {none_literal(vt)} else {value}"
    if none is NoneAs.SENTINEL:
        return f"None if {raw[0]} == {none_literal(vt)} else {raw[0]}"
    return expr


# -- imports: Rust calls Python -------------------------------------------------------------


def lift_import_arg(
    vt: ValueType, raw: list[str], iface: Interface, tmp: str
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
        if vt.clamped:  # a Uint8ClampedArray, as JS glue hands over
            expr = f"_wb_clamped_copy({p}, {n})"
            return (
                [f"{tmp} = {'None if ' + p + ' == 0 else ' if vt.optional else ''}{expr}"],
                tmp,
                [],
            )
        expr = f"_wb_array_view({p}, {n}, {vt.scalar.typecode!r})"
        if vt.optional:
            expr = f"None if {p} == 0 else {expr}"
            return [f"{tmp} = {expr}"], tmp, [f"if {tmp} is not None: {tmp}.release()"]
        return [f"{tmp} = {expr}"], tmp, [f"{tmp}.release()"]
    if kind is Kind.SLICE and vt.ref is not Ref.OWNED:  # &[JsValue]: borrowed slots
        p, n = raw
        expr = f"_wb_get_values({p}, {n})"
        return [f"{tmp} = {'None if ' + p + ' == 0 else ' if vt.optional else ''}{expr}"], tmp, []
    if kind in (Kind.VECTOR, Kind.SLICE):
        if vt.scalar is not None and vt.clamped:
            p, n = raw
            expr = f"_wb_take_clamped({p}, {n})"
            return (
                [f"{tmp} = {'None if ' + p + ' == 0 else ' if vt.optional else ''}{expr}"],
                tmp,
                [],
            )
        owned = ValueType(Kind.VECTOR, scalar=vt.scalar, optional=vt.optional, abi=vt.abi)
        _, expr = lift_result(owned, raw, iface)
        return [f"{tmp} = {expr}"], tmp, []
    if kind is Kind.JSVALUE:
        return [], (f"_wb_get({raw[0]})" if vt.ref is not Ref.OWNED else f"_wb_take({raw[0]})"), []
    _, expr = lift_result(vt, raw, iface)
    return [], expr, []


def lower_import_result(
    vt: ValueType, value: str, retptr: RetLayout | None, what: str, iface: Interface
) -> list[str]:
    """Lines returning (or storing through the return pointer ``rp``) the Python ``value``."""
    kind, q = vt.kind, repr(what)
    if kind is Kind.UNIT:
        return []
    if retptr is not None:
        return _store_result(vt, value, retptr, q)
    if kind is Kind.NUMBER:
        assert vt.scalar is not None
        if vt.abi.none is NoneAs.F64_SENTINEL:
            some = f"_wb_f64_option({value}, {vt.scalar.typecode!r}, {q})"
            return [f"return {_optional(vt, value, some)}"]
        expr = f"{value} if {value}.__class__ is int else _wb_int({value}, {q})"
        if not vt.scalar.is_integer:
            expr = value
        return [f"return {_optional(vt, value, expr)}"]
    if kind is Kind.BOOL:
        expr = f"1 if {value} else 0"
    elif kind is Kind.CHAR:
        expr = f"_wb_char({value}, {q})"
    elif kind is Kind.ENUM:
        expr = f"_wb_enum_value({value}, {q})"
    elif kind is Kind.STRING_ENUM:
        expr = f"_wb_string_enum_index({value}, {_string_enum_values(vt, iface)}, {q})"
    elif kind is Kind.JSVALUE:
        return [f"return {_optional_js(vt, value, f'_wb_add({value})')}"]
    elif kind is Kind.STRUCT:
        expr = f"{struct_class(vt)}._arg_move({value}, {q})"
        return [f"return {_optional_js(vt, value, expr)}"]
    else:
        raise AssertionError(f"cannot return {vt.describe()} from an import")
    return [f"return {_optional(vt, value, expr)}"]


def _store_result(vt: ValueType, value: str, layout: RetLayout, q: str) -> list[str]:
    """Write ``value``'s wasm values through the return pointer ``rp``, at ``layout``."""
    kinds = vt.abi.wasm
    fmt = _packing(kinds, layout.offsets)
    end = layout.offsets[-1] + SIZE[kinds[-1]]
    kind = vt.kind
    if kind is Kind.NUMBER:
        assert vt.scalar is not None
        if vt.scalar in (Scalar.I128, Scalar.U128):
            parts = f"_wb_split128({value}, {vt.scalar.signed}, {q})"
            words = f"(0, 0, 0) if {value} is None else (1, *{parts})" if vt.optional else parts
        else:
            words = f"(0, 0) if {value} is None else (1, {value})"
        return [f"_wb_pack({fmt!r}, _wb_view(rp + {end}), rp, *{words})"]
    if kind is Kind.STRING:
        helper = "_wb_pass_opt_str" if vt.optional else "_wb_pass_str"
        conv = f"{helper}({value}, {q})"
    elif vt.scalar is not None:
        helper = "_wb_pass_opt_array" if vt.optional else "_wb_pass_array"
        conv = f"{helper}({value}, {vt.scalar.typecode!r}, {q}, {vt.clamped})"
    else:
        conv = f"_wb_pass_values({value}, {q}, {vt.optional})"
    return [f"_wb_pack({fmt!r}, _wb_view(rp + {end}), rp, *{conv})"]


def _packing(kinds: tuple[str, ...], offsets: tuple[int, ...]) -> str:
    """The ``struct`` format of wasm values ``kinds`` laid out at ``offsets``."""
    fmt, pos = "<", 0
    for kind, offset in zip(kinds, offsets, strict=True):
        fmt += f"{offset - pos}x" if offset > pos else ""
        fmt += LETTER[kind]
        pos = offset + SIZE[kind]
    return fmt
