"""A compact notation for one wasm-bindgen release's program schema, and its decoder.

wasm-bindgen encodes each program as its schema's types back to back: a struct is its fields in
order, an enum one tag byte and the variant's payload, ``str`` a LEB128 byte count and UTF-8,
``[T]`` a LEB128 count and the items, ``T?`` a presence byte and the item. Which fields, in which
order, is all that changes between releases, so a release's schema is written as text::

    Program = exports:[Export] enums:[Enum] unique_crate_identifier:str package_json:str?
    ImportModule = Named(str) | RawNamed(str) | Inline(u32)
    MethodKind = Constructor | Operation(Operation)

``Name = field:type …`` declares a struct, ``Name = Variant | Variant(type) …`` an enum;
``lit`` is a string whose length prefix may be padded. Field names are the neutral model's
(``schema/program.py``), not necessarily upstream's; a field whose name starts with ``_`` is
read and dropped. ``Schema.derive`` replaces or adds declarations, so a release's schema is
its predecessor's plus the lines that changed.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..wasm._bytes import ByteCursor, MalformedError

Reader = Callable[[ByteCursor], Any]
# struct builders take the fields as keywords; enum builders take (variant name, payload)
StructBuilder = Callable[..., Any]
EnumBuilder = Callable[[str, Any], Any]

_FIELD = re.compile(r"(\w+):(\S+)")
_VARIANT = re.compile(r"^(\w+)(?:\((\S+)\))?$")


@dataclass(frozen=True)
class StructDef:
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EnumDef:
    variants: tuple[tuple[str, str | None], ...]


Definition = StructDef | EnumDef


def parse_definitions(text: str) -> dict[str, Definition]:
    """Declarations in the notation above; a declaration may continue on indented lines."""
    joined: list[str] = []
    for line in textwrap.dedent(text).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[:1].isspace() and joined:
            joined[-1] += " " + line.strip()
        else:
            joined.append(line.strip())
    definitions: dict[str, Definition] = {}
    for declaration in joined:
        name, sep, body = declaration.partition("=")
        name, body = name.strip(), body.strip()
        if not sep or not name.isidentifier():
            raise ValueError(f"not a schema declaration: {declaration!r}")
        if ":" in body.split("|")[0] or not body:
            fields = tuple((m[1], m[2]) for m in _FIELD.finditer(body))
            if len(fields) != len(body.split()):
                raise ValueError(f"malformed fields in {declaration!r}")
            definitions[name] = StructDef(fields)
        else:
            variants = []
            for part in body.split("|"):
                match = _VARIANT.match(part.strip())
                if match is None:
                    raise ValueError(f"malformed variant {part!r} in {declaration!r}")
                variants.append((match[1], match[2]))
            definitions[name] = EnumDef(tuple(variants))
    return definitions


class Schema:
    """One release's program schema, compiled to a decoder of ``root`` values."""

    def __init__(
        self,
        definitions: Mapping[str, Definition],
        structs: Mapping[str, StructBuilder],
        enums: Mapping[str, EnumBuilder],
        root: str = "Program",
    ) -> None:
        self.definitions = dict(definitions)
        self.structs = structs
        self.enums = enums
        self.root = root
        self._readers: dict[str, Reader] = {}
        self._root = self._reader(root)

    @classmethod
    def parse(
        cls,
        text: str,
        structs: Mapping[str, StructBuilder],
        enums: Mapping[str, EnumBuilder],
    ) -> Schema:
        return cls(parse_definitions(text), structs, enums)

    def derive(self, changes: str) -> Schema:
        """This schema with the declarations in ``changes`` replacing or adding to its own."""
        return Schema(
            {**self.definitions, **parse_definitions(changes)}, self.structs, self.enums, self.root
        )

    def decode(self, data: bytes) -> Any:
        """One program; raises ``MalformedError``/``TruncatedError`` on bad bytes."""
        cursor = ByteCursor(data)
        value = self._root(cursor)
        if not cursor.at_end():
            raise MalformedError(f"{cursor.remaining()} bytes left over after the program")
        return value

    # -- compiling the notation to readers --------------------------------------------------

    def _reader(self, spec: str) -> Reader:
        cached = self._readers.get(spec)
        if cached is not None:
            return cached
        # a placeholder first, so recursive types compile
        self._readers[spec] = lambda cursor: self._readers[spec](cursor)
        reader = self._compile(spec)
        self._readers[spec] = reader
        return reader

    def _compile(self, spec: str) -> Reader:
        if spec.endswith("?"):
            return _option(self._reader(spec[:-1]))
        if spec.startswith("[") and spec.endswith("]"):
            return _vector(self._reader(spec[1:-1]))
        primitive = _PRIMITIVES.get(spec)
        if primitive is not None:
            return primitive
        definition = self.definitions.get(spec)
        if isinstance(definition, StructDef):
            return self._struct(spec, definition)
        if isinstance(definition, EnumDef):
            return self._enum(spec, definition)
        raise ValueError(f"the schema does not declare {spec!r}")

    def _struct(self, name: str, definition: StructDef) -> Reader:
        fields = [(field, self._reader(spec)) for field, spec in definition.fields]
        builder: StructBuilder = self.structs.get(name, _as_dict)

        def read(cursor: ByteCursor) -> Any:
            values = {}
            for field, reader in fields:
                value = reader(cursor)
                if not field.startswith("_"):
                    values[field] = value
            return builder(**values)

        return read

    def _enum(self, name: str, definition: EnumDef) -> Reader:
        variants = [
            (variant, None if spec is None else self._reader(spec))
            for variant, spec in definition.variants
        ]
        builder: EnumBuilder = self.enums.get(name, _as_pair)
        count = len(variants)

        def read(cursor: ByteCursor) -> Any:
            tag = cursor.byte()
            if tag >= count:
                raise MalformedError(f"invalid {name} tag {tag} before offset {cursor.pos}")
            variant, reader = variants[tag]
            return builder(variant, None if reader is None else reader(cursor))

        return read


def _option(item: Reader) -> Reader:
    def read(cursor: ByteCursor) -> Any:
        tag = cursor.byte()
        if tag == 0:
            return None
        if tag == 1:
            return item(cursor)
        raise MalformedError(f"invalid Option tag {tag} before offset {cursor.pos}")

    return read


def _vector(item: Reader) -> Reader:
    def read(cursor: ByteCursor) -> tuple[Any, ...]:
        return tuple(item(cursor) for _ in range(cursor.leb_u32()))

    return read


def _text(cursor: ByteCursor) -> str:
    return cursor.utf8(cursor.leb_u32())


_PRIMITIVES: dict[str, Reader] = {
    "bool": lambda cursor: cursor.byte() != 0,
    "u32": lambda cursor: cursor.leb_u32(),
    "str": _text,
    "lit": _text,  # LitOrExpr: a string whose length may be a padded LEB128
}


def _as_dict(**fields: Any) -> dict[str, Any]:
    return fields


def _as_pair(variant: str, payload: Any) -> tuple[str, Any]:
    return variant, payload
