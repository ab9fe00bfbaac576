"""Decode a descriptor: the u32 words a describe function passed to the host.

The words are a prefix-coded type tree. Releases renumber the tags (each insertion shifts the
ones after it) and change a few productions; ``DescriptorGrammar`` holds one release's tag
table and those choices, so every release decodes into the same ``Descriptor`` tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Tag(Enum):
    """Every descriptor tag any supported release uses (numbered per release elsewhere)."""

    I8 = "I8"
    U8 = "U8"
    I16 = "I16"
    U16 = "U16"
    I32 = "I32"
    U32 = "U32"
    I64 = "I64"
    U64 = "U64"
    I64_AS_F64 = "I64_AS_F64"
    U64_AS_F64 = "U64_AS_F64"
    I128 = "I128"
    U128 = "U128"
    F32 = "F32"
    F64 = "F64"
    BOOLEAN = "BOOLEAN"
    FUNCTION = "FUNCTION"
    CLOSURE = "CLOSURE"
    CACHED_STRING = "CACHED_STRING"
    STRING = "STRING"
    REF = "REF"
    REFMUT = "REFMUT"
    LONGREF = "LONGREF"
    SLICE = "SLICE"
    VECTOR = "VECTOR"
    EXTERNREF = "EXTERNREF"
    NAMED_EXTERNREF = "NAMED_EXTERNREF"
    ENUM = "ENUM"
    STRING_ENUM = "STRING_ENUM"
    DYNAMIC_UNION = "DYNAMIC_UNION"
    RUST_STRUCT = "RUST_STRUCT"
    CHAR = "CHAR"
    OPTIONAL = "OPTIONAL"
    NULLABLE = "NULLABLE"
    RESULT = "RESULT"
    UNIT = "UNIT"
    CLAMPED = "CLAMPED"
    NONNULL = "NONNULL"
    RAW_POINTER = "RAW_POINTER"
    SEQ_MODE = "SEQ_MODE"


WRAPPERS = frozenset(
    {Tag.REF, Tag.REFMUT, Tag.SLICE, Tag.VECTOR, Tag.OPTIONAL, Tag.NULLABLE, Tag.RESULT}
)


class ClosureForm(Enum):
    """How a ``CLOSURE`` descriptor continues."""

    INVOKE_DTOR_KIND = "invoke dtor REF|REFMUT FUNCTION"  # 0.2.83-0.2.100
    DTOR_MUTABLE = "dtor mutable FUNCTION"  # 0.2.101-0.2.114 (invoke is FUNCTION's shim)
    OWNED_MUTABLE = "owned mutable FUNCTION"  # 0.2.115+


class ItemOrigins(Enum):
    """Which Rust item descriptors name their defining crate, and how."""

    NONE = "none"  # before 0.2.128
    CRATE = "crate"  # 0.2.128: RUST_STRUCT and ENUM end with the crate
    CRATE_AND_MODULE = "crate and module"  # 0.2.130: also string enums and unions; a module hash


@dataclass(frozen=True)
class DescriptorGrammar:
    """One release's descriptor encoding."""

    tags: tuple[Tag, ...]  # tag number i is tags[i]
    closure: ClosureForm
    named_enums: bool = False  # ENUM carries its name before the hole (0.2.88+)
    item_origins: ItemOrigins = ItemOrigins.NONE
    generic_import_key: bool = False  # marker descriptors start with a NAME key (0.2.128+)
    string_enum_values: bool = False  # STRING_ENUM lists its variants' strings (0.2.93 only)

    def number(self, tag: Tag) -> int:
        return self.tags.index(tag)


@dataclass(frozen=True)
class FunctionDescriptor:
    shim_idx: int
    args: tuple[Descriptor, ...]
    ret: Descriptor
    inner_ret: Descriptor


@dataclass(frozen=True)
class ClosureDescriptor:
    function: FunctionDescriptor
    mutable: bool
    invoke_idx: int  # the table index of the invoke shim
    dtor_idx: int = 0  # 0.2.83's per-closure destructor; 0 where the release has none
    owned: bool = True  # a Closure (destroyed by the host) rather than a borrowed ScopedClosure


@dataclass(frozen=True)
class Descriptor:
    tag: Tag
    inner: Descriptor | None = None  # the wrapped type of REF, OPTIONAL, VECTOR, ...
    name: str = ""  # NAMED_EXTERNREF, RUST_STRUCT, ENUM, STRING_ENUM, DYNAMIC_UNION
    hole: int = 0  # ENUM: the value no variant uses (None of Option<Enum>); STRING_ENUM: n + 1
    count: int = 0  # STRING_ENUM: its variant count; SEQ_MODE: the mode word
    crate: str = ""  # the unique crate identifier of a Rust item, where the release says it
    function: FunctionDescriptor | None = None
    closure: ClosureDescriptor | None = None
    clamped: bool = False  # a U8 inside CLAMPED
    variants: tuple[Descriptor, ...] = ()  # DYNAMIC_UNION's typed variants
    strings: tuple[str, ...] = ()  # 0.2.93's STRING_ENUM: its variants' JS strings, inline

    def __str__(self) -> str:
        if self.tag in WRAPPERS and self.inner is not None:
            return f"{self.tag.name}({self.inner})"
        if self.name:
            return f"{self.tag.name}({self.name!r})"
        return self.tag.name


class DescriptorError(ValueError):
    """The words do not form a valid descriptor."""


class Words:
    """A cursor over descriptor words."""

    def __init__(self, words: list[int] | tuple[int, ...]) -> None:
        self.words = words
        self.pos = 0

    def next(self) -> int:
        if self.pos >= len(self.words):
            raise DescriptorError(f"descriptor ends early after {len(self.words)} words")
        word = self.words[self.pos]
        self.pos += 1
        return word

    def name(self) -> str:
        chars = []
        for _ in range(self.next()):
            code = self.next()
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise DescriptorError(f"name character {code:#x} is not a Unicode scalar value")
            chars.append(chr(code))
        return "".join(chars)

    def flag(self) -> bool:
        word = self.next()
        if word not in (0, 1):
            raise DescriptorError(f"expected a 0/1 flag, found {word}")
        return word == 1

    def finish(self) -> None:
        if self.pos != len(self.words):
            raise DescriptorError(f"{len(self.words) - self.pos} words left after the descriptor")


def decode_descriptor(words: list[int] | tuple[int, ...], grammar: DescriptorGrammar) -> Descriptor:
    reader = Words(words)
    descriptor = decode_from(reader, grammar)
    reader.finish()
    return descriptor


def decode_from(reader: Words, grammar: DescriptorGrammar, clamped: bool = False) -> Descriptor:
    word = reader.next()
    if word >= len(grammar.tags):
        raise DescriptorError(f"unknown descriptor tag {word}")
    tag = grammar.tags[word]
    if tag in WRAPPERS:
        return Descriptor(tag, inner=decode_from(reader, grammar, clamped))
    if tag is Tag.CLAMPED:
        return decode_from(reader, grammar, True)
    if tag is Tag.LONGREF:  # a borrow that outlives the call: owned for JS values, else a REF
        inner = decode_from(reader, grammar, clamped)
        if inner.tag in (Tag.EXTERNREF, Tag.NAMED_EXTERNREF):
            return inner
        return Descriptor(Tag.REF, inner=inner)
    if tag is Tag.NAMED_EXTERNREF:
        return Descriptor(tag, name=reader.name())
    if tag is Tag.RUST_STRUCT:
        name = reader.name()
        crate = reader.name() if grammar.item_origins is not ItemOrigins.NONE else ""
        return Descriptor(tag, name=name, crate=crate)
    if tag is Tag.ENUM:
        name = reader.name() if grammar.named_enums else ""
        hole = reader.next()
        crate = _origin(reader, grammar, ItemOrigins.CRATE)
        return Descriptor(tag, name=name, hole=hole, crate=crate)
    if tag is Tag.STRING_ENUM:
        name = reader.name()
        count = reader.next()
        strings = tuple(reader.name() for _ in range(count)) if grammar.string_enum_values else ()
        crate = _origin(reader, grammar, ItemOrigins.CRATE_AND_MODULE)
        return Descriptor(tag, name=name, count=count, hole=count + 1, crate=crate, strings=strings)
    if tag is Tag.DYNAMIC_UNION:
        name = reader.name()
        crate = _origin(reader, grammar, ItemOrigins.CRATE_AND_MODULE)
        variants = tuple(decode_from(reader, grammar, clamped) for _ in range(reader.next()))
        return Descriptor(tag, name=name, crate=crate, variants=variants)
    if tag is Tag.SEQ_MODE:
        mode = reader.next()
        return Descriptor(tag, count=mode, inner=decode_from(reader, grammar, clamped))
    if tag is Tag.FUNCTION:
        return Descriptor(tag, function=decode_function(reader, grammar))
    if tag is Tag.CLOSURE:
        return Descriptor(tag, closure=_closure(reader, grammar))
    return Descriptor(tag, clamped=clamped and tag is Tag.U8)


def decode_function(reader: Words, grammar: DescriptorGrammar) -> FunctionDescriptor:
    shim = reader.next()
    args = tuple(decode_from(reader, grammar) for _ in range(reader.next()))
    return FunctionDescriptor(
        shim, args, decode_from(reader, grammar), decode_from(reader, grammar)
    )


_ORIGIN_ORDER = (ItemOrigins.NONE, ItemOrigins.CRATE, ItemOrigins.CRATE_AND_MODULE)


def _origin(reader: Words, grammar: DescriptorGrammar, since: ItemOrigins) -> str:
    """The defining crate of a Rust enum or union, where the release's descriptors give it
    (``since``: the first form that has it for this tag); 0.2.130 adds a module hash after
    it, dropped, since names are unique per crate for a host."""
    form = grammar.item_origins
    if _ORIGIN_ORDER.index(form) < _ORIGIN_ORDER.index(since):
        return ""
    crate = reader.name()
    if form is ItemOrigins.CRATE_AND_MODULE:
        reader.next()
    return crate


def _closure(reader: Words, grammar: DescriptorGrammar) -> ClosureDescriptor:
    function_tag = grammar.number(Tag.FUNCTION)
    if grammar.closure is ClosureForm.INVOKE_DTOR_KIND:
        invoke, dtor = reader.next(), reader.next()
        kind = reader.next()
        if kind not in (grammar.number(Tag.REF), grammar.number(Tag.REFMUT)):
            raise DescriptorError("a closure descriptor must be REF|REFMUT FUNCTION")
        if reader.next() != function_tag:
            raise DescriptorError("a closure descriptor must end in a FUNCTION")
        function = decode_function(reader, grammar)
        mutable = kind == grammar.number(Tag.REFMUT)
        return ClosureDescriptor(function, mutable, invoke, dtor)
    if grammar.closure is ClosureForm.DTOR_MUTABLE:
        dtor = reader.next()
        mutable = reader.flag()
        owned = dtor != 0
    else:
        owned = reader.flag()
        mutable = reader.flag()
        dtor = 0
    if reader.next() != function_tag:
        raise DescriptorError("a closure descriptor must end in a FUNCTION")
    function = decode_function(reader, grammar)
    return ClosureDescriptor(function, mutable, function.shim_idx, dtor, owned)
