"""Descriptor tags of schema "0.2.122" (``crates/shared/src/tys.rs``), in number order."""

from ...describe import ClosureForm, DescriptorGrammar, Markers, Tag

T = Tag
TAGS = (
    T.I8, T.U8, T.I16, T.U16, T.I32, T.U32, T.I64, T.U64, T.I64_AS_F64, T.U64_AS_F64,
    T.I128, T.U128, T.F32, T.F64, T.BOOLEAN, T.FUNCTION, T.CLOSURE, T.CACHED_STRING, T.STRING,
    T.REF, T.REFMUT, T.LONGREF, T.SLICE, T.VECTOR, T.EXTERNREF, T.NAMED_EXTERNREF, T.ENUM,
    T.STRING_ENUM, T.DYNAMIC_UNION, T.RUST_STRUCT, T.CHAR, T.OPTIONAL, T.RESULT, T.UNIT,
    T.CLAMPED, T.NONNULL, T.RAW_POINTER,
)  # fmt: skip
GRAMMAR = DescriptorGrammar(tags=TAGS, closure=ClosureForm.OWNED_MUTABLE, named_enums=True)
# JsValue::from_str, Closure::new… describe their conversion, then call
# __wbindgen_describe_cast(<table index of the cast function>, <address of its arguments>)
MARKERS = Markers(cast="__wbindgen_describe_cast")
