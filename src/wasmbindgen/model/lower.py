"""Descriptors → model value types and signatures, with each value's ABI decided."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..describe import Descriptor, FunctionDescriptor, Tag
from .abi import AbiRules, finish_signature, with_abi
from .types import Kind, MutSlice, Param, Ref, Scalar, Signature, ValueType


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
    Tag.I128: Scalar.I128,
    Tag.U128: Scalar.U128,
    Tag.F32: Scalar.F32,
    Tag.F64: Scalar.F64,
    Tag.RAW_POINTER: Scalar.U32,
    Tag.NONNULL: Scalar.U32,
}
_SIMPLE = {
    Tag.BOOLEAN: Kind.BOOL,
    Tag.CHAR: Kind.CHAR,
    Tag.UNIT: Kind.UNIT,
    Tag.STRING: Kind.STRING,
    Tag.EXTERNREF: Kind.JSVALUE,
    Tag.DYNAMIC_UNION: Kind.JSVALUE,  # a JS value Rust matches against its variants itself
}


@dataclass(frozen=True)
class Lowering:
    """Lowers one module's descriptors under its release's ABI rules."""

    rules: AbiRules

    def value(self, desc: Descriptor, into_rust: bool = True) -> ValueType:
        rules = self.rules if into_rust else replace(self.rules, mut_slice=MutSlice.COPY_BACK)
        return with_abi(self._value(desc), rules)

    def signature(
        self, function: FunctionDescriptor, names: tuple[str, ...] = (), into_rust: bool = True
    ) -> Signature:
        """``into_rust``: the arguments go from the host into Rust (exports, closures); an
        import's arguments come out of Rust (where ``&mut [T]`` is a plain view)."""
        params = tuple(
            Param(
                names[i] if i < len(names) and names[i] else f"arg{i}",
                self.value(arg, into_rust),
            )
            for i, arg in enumerate(function.args)
        )
        ret, fallible = function.ret, False
        if ret.tag is Tag.RESULT:
            assert ret.inner is not None
            ret, fallible = ret.inner, True
        inner = function.inner_ret
        if inner.tag is Tag.RESULT and inner.inner is not None:
            inner = inner.inner
        sig = Signature(
            params,
            self.value(ret),
            fallible,
            inner_ret=self.value(inner),
            shim_idx=function.shim_idx,
        )
        return finish_signature(sig)

    def _value(self, desc: Descriptor) -> ValueType:
        tag = desc.tag
        if tag in _SCALARS:
            return ValueType(
                Kind.NUMBER, scalar=_SCALARS[tag], clamped=desc.clamped, nonzero=tag is Tag.NONNULL
            )
        if tag in _SIMPLE:
            return ValueType(_SIMPLE[tag], name=desc.name)
        if tag is Tag.CACHED_STRING:
            return ValueType(Kind.STRING, cached=True)
        if tag is Tag.NAMED_EXTERNREF:
            return ValueType(Kind.JSVALUE, name=desc.name)
        if tag is Tag.RUST_STRUCT:
            return ValueType(Kind.STRUCT, name=desc.name)
        if tag is Tag.ENUM:
            return ValueType(Kind.ENUM, name=desc.name, hole=desc.hole)
        if tag is Tag.STRING_ENUM:
            return ValueType(Kind.STRING_ENUM, name=desc.name, hole=desc.hole)
        if tag is Tag.SEQ_MODE:  # an import's slice = ../vec = .. mode: the default is honoured
            assert desc.inner is not None
            return self._value(desc.inner)
        if tag is Tag.CLOSURE:
            assert desc.closure is not None
            sig = self.signature(desc.closure.function)
            return ValueType(Kind.HEAP_CLOSURE, closure=replace(sig, mutable=desc.closure.mutable))
        if tag in (Tag.REF, Tag.REFMUT):
            return self._reference(desc)
        if tag in (Tag.SLICE, Tag.VECTOR):
            return self._sequence(desc)
        if tag is Tag.OPTIONAL:
            assert desc.inner is not None
            inner = self._value(desc.inner)
            if inner.optional:
                raise UnsupportedType(f"Option<{inner.describe()}> does not cross the boundary")
            return replace(inner, optional=True)
        if tag is Tag.NULLABLE:
            raise UnsupportedType("Nullable<T> values are not supported by this host yet")
        if tag in (Tag.I64_AS_F64, Tag.U64_AS_F64):
            raise UnsupportedType(f"{tag.name} appears only in wasm64 modules, which are refused")
        raise UnsupportedType(f"descriptor {desc} cannot appear here")

    def _reference(self, desc: Descriptor) -> ValueType:
        assert desc.inner is not None
        ref = Ref.SHARED if desc.tag is Tag.REF else Ref.MUT
        if desc.inner.tag is Tag.FUNCTION:
            assert desc.inner.function is not None
            sig = self.signature(desc.inner.function)
            return ValueType(
                Kind.STACK_CLOSURE, ref=ref, closure=replace(sig, mutable=ref is Ref.MUT)
            )
        return replace(self._value(desc.inner), ref=ref)

    def _sequence(self, desc: Descriptor) -> ValueType:
        assert desc.inner is not None
        element = self._value(desc.inner)
        kind = Kind.SLICE if desc.tag is Tag.SLICE else Kind.VECTOR
        if element.kind is Kind.NUMBER and element.scalar is not None and element.scalar.typecode:
            return ValueType(kind, scalar=element.scalar, clamped=element.clamped)
        if element.kind is Kind.STRING and kind is Kind.SLICE:
            return ValueType(Kind.STRING)  # `str` itself is described as a slice of u8 text
        if element.kind in (Kind.JSVALUE, Kind.STRING, Kind.STRUCT, Kind.ENUM):
            # JS values by heap slot: strings, struct objects and enum numbers alike
            return ValueType(kind, name=element.name)
        raise UnsupportedType(f"{kind.value} of {element.describe()} is not supported")
