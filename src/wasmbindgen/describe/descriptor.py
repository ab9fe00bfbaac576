"""Decode a descriptor: the list of u32 words one describe function passed to the host."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Tag(IntEnum):
    """Descriptor tags of wasm-bindgen 0.2.83, numbered in declaration order."""

    I8 = 0
    U8 = 1
    I16 = 2
    U16 = 3
    I32 = 4
    U32 = 5
    I64 = 6
    U64 = 7
    F32 = 8
    F64 = 9
    BOOLEAN = 10
    FUNCTION = 11
    CLOSURE = 12
    CACHED_STRING = 13
    STRING = 14
    REF = 15
    REFMUT = 16
    SLICE = 17
    VECTOR = 18
    EXTERNREF = 19
    NAMED_EXTERNREF = 20
    ENUM = 21
    RUST_STRUCT = 22
    CHAR = 23
    OPTIONAL = 24
    RESULT = 25
    UNIT = 26
    CLAMPED = 27


WRAPPERS = {Tag.REF, Tag.REFMUT, Tag.SLICE, Tag.VECTOR, Tag.OPTIONAL, Tag.RESULT, Tag.CLAMPED}


@dataclass(frozen=True)
class FunctionDescriptor:
    shim_idx: int
    args: tuple[Descriptor, ...]
    ret: Descriptor
    inner_ret: Descriptor


@dataclass(frozen=True)
class ClosureDescriptor:
    invoke_idx: int
    dtor_idx: int
    mutable: bool
    function: FunctionDescriptor


@dataclass(frozen=True)
class Descriptor:
    tag: Tag
    inner: Descriptor | None = None  # the wrapped type of REF, OPTIONAL, VECTOR, ...
    name: str = ""  # NAMED_EXTERNREF, RUST_STRUCT
    hole: int = 0  # ENUM: the value no variant uses (None of Option<Enum>)
    function: FunctionDescriptor | None = None
    closure: ClosureDescriptor | None = None
    clamped: bool = False  # a U8 inside CLAMPED

    def __str__(self) -> str:
        if self.tag in WRAPPERS and self.inner is not None:
            return f"{self.tag.name}({self.inner})"
        if self.name:
            return f"{self.tag.name}({self.name!r})"
        return self.tag.name


class DescriptorError(ValueError):
    """The words do not form a valid descriptor."""


class _Words:
    def __init__(self, words: list[int]) -> None:
        self.words = words
        self.pos = 0

    def next(self) -> int:
        if self.pos >= len(self.words):
            raise DescriptorError(f"descriptor ends early after {len(self.words)} words")
        word = self.words[self.pos]
        self.pos += 1
        return word


def decode_descriptor(words: list[int]) -> Descriptor:
    reader = _Words(words)
    descriptor = _decode(reader, clamped=False)
    if reader.pos != len(words):
        raise DescriptorError(f"{len(words) - reader.pos} words left after the descriptor")
    return descriptor


def _decode(reader: _Words, clamped: bool) -> Descriptor:
    word = reader.next()
    try:
        tag = Tag(word)
    except ValueError:
        raise DescriptorError(f"unknown descriptor tag {word}") from None
    if tag in WRAPPERS:
        inner_clamped = clamped or tag == Tag.CLAMPED
        inner = _decode(reader, inner_clamped)
        if tag == Tag.CLAMPED:
            return inner
        return Descriptor(tag, inner=inner)
    if tag in (Tag.NAMED_EXTERNREF, Tag.RUST_STRUCT):
        return Descriptor(tag, name=_name(reader))
    if tag == Tag.ENUM:
        return Descriptor(tag, hole=reader.next())
    if tag == Tag.FUNCTION:
        return Descriptor(tag, function=_function(reader))
    if tag == Tag.CLOSURE:
        invoke, dtor = reader.next(), reader.next()
        kind = reader.next()
        if kind not in (Tag.REF, Tag.REFMUT) or reader.next() != Tag.FUNCTION:
            raise DescriptorError("a closure descriptor must be REF|REFMUT FUNCTION")
        return Descriptor(
            tag, closure=ClosureDescriptor(invoke, dtor, kind == Tag.REFMUT, _function(reader))
        )
    return Descriptor(tag, clamped=clamped and tag == Tag.U8)


def _name(reader: _Words) -> str:
    chars = []
    for _ in range(reader.next()):
        code = reader.next()
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise DescriptorError(f"name character {code:#x} is not a Unicode scalar value")
        chars.append(chr(code))
    return "".join(chars)


def _function(reader: _Words) -> FunctionDescriptor:
    shim = reader.next()
    args = tuple(_decode(reader, False) for _ in range(reader.next()))
    return FunctionDescriptor(shim, args, _decode(reader, False), _decode(reader, False))
