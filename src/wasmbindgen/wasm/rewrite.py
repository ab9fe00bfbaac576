"""Add the exports a raw rustc module lacks.

rustc 1.63's LLD does not export the function table, which closures and their destructors are
reached through, nor the shadow-stack pointer. Both are appended to the export section under
names no Rust code can clash with.
"""

from __future__ import annotations

from ..errors import BindgenError
from ._bytes import ByteCursor
from .reader import KIND_GLOBAL, KIND_TABLE, SECTION_EXPORT, WasmModule

FUNCTION_TABLE_EXPORT = "__wbindgen_function_table_export"
STACK_POINTER_EXPORT = "__wbindgen_stack_pointer_export"


def _leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _export_entry(name: str, kind: int, index: int) -> bytes:
    raw = name.encode()
    return _leb(len(raw)) + raw + bytes([kind]) + _leb(index)


def ensure_host_exports(module: WasmModule) -> bytes:
    """The module's bytes with the function table and stack pointer exported (when present)."""
    wanted: list[bytes] = []
    existing = module.export_names()
    has_table_export = any(e.kind == KIND_TABLE for e in module.exports)
    if module.table_count and not has_table_export and FUNCTION_TABLE_EXPORT not in existing:
        wanted.append(_export_entry(FUNCTION_TABLE_EXPORT, KIND_TABLE, 0))
    stack_pointer = module.stack_pointer_global()
    if stack_pointer is not None and STACK_POINTER_EXPORT not in existing:
        wanted.append(_export_entry(STACK_POINTER_EXPORT, KIND_GLOBAL, stack_pointer))
    if not wanted:
        return module.data
    sections = [s for s in module.sections if s.id == SECTION_EXPORT]
    if len(sections) != 1:
        raise BindgenError(
            f"{module.source}: expected one export section, found {len(sections)}; "
            "is this a module built by rustc for wasm32-unknown-unknown?"
        )
    section = sections[0]
    data = module.data
    body = data[section.payload_start : section.payload_end]
    count_reader = ByteCursor(body)
    count = count_reader.leb_u32()
    new_body = _leb(count + len(wanted)) + body[count_reader.pos :] + b"".join(wanted)
    return (
        data[: section.start]
        + bytes([SECTION_EXPORT])
        + _leb(len(new_body))
        + new_body
        + data[section.payload_end :]
    )
