"""Descriptors → model value types and signatures."""

from __future__ import annotations

from dataclasses import replace

from ..describe import Descriptor, FunctionDescriptor, Tag
from .types import Kind, Param, Ref, Scalar, Signature, ValueType


class UnsupportedType(ValueError):
    """A descriptor this host cannot bind (named in the message)."""


_SCALARS = {
    Tag.I8: Scalar.I8,
    Tag.U8: Scalar.U8,
    Tag.I16: Scalar.I16,
    Tag.U16: Scalar.U16,
    Tag.I32: Scalar.I32,
    Tag.U32: Scalar.U32,
    Tag.I64: Scalar.I64,
    Tag.U64: Scalar.U64,
    Tag.F32: Scalar.F32,
    Tag.F64: Scalar.F64,
}
_SIMPLE = {
    Tag.BOOLEAN: Kind.BOOL,
    Tag.CHAR: Kind.CHAR,
    Tag.UNIT: Kind.UNIT,
    Tag.STRING: Kind.STRING,
    Tag.EXTERNREF: Kind.JSVALUE,
}


def value_type(desc: Descriptor) -> ValueType:
    tag = desc.tag
    if tag in _SCALARS:
        return ValueType(Kind.NUMBER, scalar=_SCALARS[tag], clamped=desc.clamped)
    if tag in _SIMPLE:
        return ValueType(_SIMPLE[tag])
    if tag == Tag.CACHED_STRING:
        return ValueType(Kind.STRING, cached=True)
    if tag == Tag.NAMED_EXTERNREF:
        return ValueType(Kind.JSVALUE, name=desc.name)
    if tag == Tag.RUST_STRUCT:
        return ValueType(Kind.STRUCT, name=desc.name)
    if tag == Tag.ENUM:
        return ValueType(Kind.ENUM, hole=desc.hole)
    assert desc.inner is not None or tag in (Tag.FUNCTION, Tag.CLOSURE)
    if tag in (Tag.REF, Tag.REFMUT):
        assert desc.inner is not None
        ref = Ref.SHARED if tag == Tag.REF else Ref.MUT
        if desc.inner.tag == Tag.FUNCTION:
            assert desc.inner.function is not None
            sig = signature(desc.inner.function, ())
            return ValueType(
                Kind.STACK_CLOSURE, ref=ref, closure=replace(sig, mutable=ref is Ref.MUT)
            )
        return replace(value_type(desc.inner), ref=ref)
    if tag in (Tag.SLICE, Tag.VECTOR):
        assert desc.inner is not None
        element = value_type(desc.inner)
        kind = Kind.SLICE if tag == Tag.SLICE else Kind.VECTOR
        if element.kind is Kind.NUMBER:
            return ValueType(kind, scalar=element.scalar, clamped=element.clamped)
        if element.kind is Kind.JSVALUE:
            return ValueType(kind, name=element.name)
        if element.kind is Kind.STRING and tag == Tag.SLICE:
            return ValueType(Kind.STRING)  # `str` itself is described as a slice of u8 text
        raise UnsupportedType(f"{kind.value} of {element.describe()} is not supported by 0.2.83")
    if tag == Tag.OPTIONAL:
        assert desc.inner is not None
        return replace(value_type(desc.inner), optional=True)
    raise UnsupportedType(f"descriptor {desc} cannot appear here")


def signature(function: FunctionDescriptor, names: tuple[str, ...]) -> Signature:
    params = tuple(
        Param(names[i] if i < len(names) and names[i] else f"arg{i}", value_type(arg))
        for i, arg in enumerate(function.args)
    )
    ret, fallible = function.ret, False
    if ret.tag == Tag.RESULT:
        assert ret.inner is not None
        ret, fallible = ret.inner, True
    inner = function.inner_ret
    if inner.tag == Tag.RESULT and inner.inner is not None:
        inner = inner.inner
    return Signature(
        params, value_type(ret), fallible, inner_ret=value_type(inner), shim_idx=function.shim_idx
    )
