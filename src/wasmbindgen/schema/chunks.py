"""Split the custom section into chunks and decode each with its schema version's decoder."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..errors import BindgenError
from ..wasm._bytes import ByteCursor, MalformedError, TruncatedError
from . import v0_2_83

SECTION_NAME = "__wasm_bindgen_unstable"

# schema version -> decoder; a new wasm-bindgen release adds its module and one line here.
DECODERS: dict[str, Callable[[bytes], v0_2_83.Program]] = {
    v0_2_83.SCHEMA_VERSION: v0_2_83.decode_program,
}


def decode_section(payloads: list[bytes], source: str) -> list[v0_2_83.Program]:
    """Decode every chunk of every ``__wasm_bindgen_unstable`` section, in order."""
    if not payloads:
        raise BindgenError(
            f"{source}: no {SECTION_NAME} custom section: this module was not built with "
            '#[wasm_bindgen] (add `wasm-bindgen = "0.2.83"` and annotate exports), or the '
            "section was stripped (do not run wasm-bindgen, wasm-opt or wasm-strip on it)"
        )
    programs = []
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
            decoder = DECODERS[_schema_version(header, source)]
            try:
                programs.append(decoder(body))
            except (MalformedError, TruncatedError) as exc:
                raise BindgenError(
                    f"{source}: cannot decode the wasm-bindgen data of chunk {len(programs) + 1} "
                    f"({exc}); the section is corrupt, rebuild the crate"
                ) from None
    return programs


def _schema_version(header: bytes, source: str) -> str:
    try:
        meta = json.loads(header.decode("utf-8"))
        schema = meta["schema_version"]
        version = meta.get("version", schema)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise BindgenError(
            f"{source}: the {SECTION_NAME} section has an unreadable chunk header "
            f"{header[:60]!r}; the section is corrupt, rebuild the crate"
        ) from None
    if schema not in DECODERS:
        supported = ", ".join(sorted(DECODERS))
        raise BindgenError(
            f"{source}: built with wasm-bindgen {version} (schema {schema}), but this wasmbindgen "
            f"reads wasm-bindgen schema {supported}. Fix: depend on "
            f'`wasm-bindgen = "={supported}"` in Cargo.toml and rebuild '
            f"(`cargo update -p wasm-bindgen --precise {supported}`)"
        )
    return str(schema)
