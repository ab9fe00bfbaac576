"""Split the custom section into chunks, one per ``#[wasm_bindgen]`` expansion.

A chunk is ``u32le(J) header[J] u32le(P) program[P]``; the header is JSON naming the schema
version (which decides how ``program`` is encoded) and the wasm-bindgen-shared version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..errors import BindgenError
from ..wasm._bytes import ByteCursor, MalformedError, TruncatedError
from .grammar import Schema
from .program import Program

SECTION_NAME = "__wasm_bindgen_unstable"
_RELEASE = re.compile(r"\d+\.\d+\.\d+")


@dataclass(frozen=True)
class Chunk:
    schema_version: str
    crate_version: str  # the wasm-bindgen release, e.g. "0.2.127" (a git build adds " (rev)")
    body: bytes

    @property
    def release(self) -> str:
        """The leading ``x.y.z`` of the crate version."""
        match = _RELEASE.match(self.crate_version)
        return match[0] if match else self.crate_version


def split_section(payloads: list[bytes], source: str) -> list[Chunk]:
    """Every chunk of every ``__wasm_bindgen_unstable`` section, in order."""
    if not payloads:
        raise BindgenError(
            f"{source}: no {SECTION_NAME} custom section: this module was not built with "
            '#[wasm_bindgen] (add `wasm-bindgen = "0.2"` and annotate exports), or the '
            "section was stripped (do not run wasm-bindgen, wasm-opt or wasm-strip on it)"
        )
    chunks = []
    for payload in payloads:
        cursor = ByteCursor(payload)
        while not cursor.at_end():
            try:
                header = cursor.take(cursor.u32le())
                body = cursor.take(cursor.u32le())
            except TruncatedError as exc:
                raise BindgenError(
                    f"{source}: the {SECTION_NAME} section is truncated ({exc}); rebuild the crate"
                ) from None
            schema, version = _header(header, source)
            chunks.append(Chunk(schema, version, body))
    return chunks


def decode_chunks(chunks: list[Chunk], schema: Schema, source: str) -> list[Program]:
    programs = []
    for number, chunk in enumerate(chunks, 1):
        try:
            programs.append(schema.decode(chunk.body))
        except (MalformedError, TruncatedError) as exc:
            raise BindgenError(
                f"{source}: cannot decode the wasm-bindgen data of chunk {number} ({exc}); the "
                "section is corrupt, rebuild the crate"
            ) from None
    return programs


def _header(header: bytes, source: str) -> tuple[str, str]:
    try:
        meta = json.loads(header.decode("utf-8"))
        schema = meta["schema_version"]
        version = meta.get("version", schema)
        if not isinstance(schema, str) or not isinstance(version, str):
            raise TypeError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise BindgenError(
            f"{source}: the {SECTION_NAME} section has an unreadable chunk header "
            f"{header[:60]!r}; the section is corrupt, rebuild the crate"
        ) from None
    return schema, version
