"""Descriptor tags of wasm-bindgen 0.2.83 (``src/describe.rs``), in number order."""

from ...describe import ClosureForm, DescriptorGrammar, Markers, Tag

T = Tag
GRAMMAR = DescriptorGrammar(
    tags=(
        T.I8,
        T.U8,
        T.I16,
        T.U16,
        T.I32,
        T.U32,
        T.I64,
        T.U64,
        T.F32,
        T.F64,
        T.BOOLEAN,
        T.FUNCTION,
        T.CLOSURE,
        T.CACHED_STRING,
        T.STRING,
        T.REF,
        T.REFMUT,
        T.SLICE,
        T.VECTOR,
        T.EXTERNREF,
        T.NAMED_EXTERNREF,
        T.ENUM,
        T.RUST_STRUCT,
        T.CHAR,
        T.OPTIONAL,
        T.RESULT,
        T.UNIT,
        T.CLAMPED,
    ),
    closure=ClosureForm.INVOKE_DTOR_KIND,
)
# Closure::new calls __wbindgen_describe_closure(a, b, <table index of describe::<T>>)
MARKERS = Markers(closure="__wbindgen_describe_closure")
