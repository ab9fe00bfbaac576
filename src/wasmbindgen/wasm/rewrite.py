"""Rewrite a raw rustc module into the one the host runs.

- rustc's LLD exports neither the function table (closures are reached through it) nor the
  shadow-stack pointer (restored when an exception unwinds wasm frames): both are exported
  under names no Rust code can clash with.
- Functions may be exported under extra names (the describe stage runs marker callers).
- Function bodies may be replaced and mutable i32 globals appended: wasm-bindgen's cast
  functions are rewritten into direct marker calls (``trampoline.py``). Appended globals and
  replaced bodies shift no index, so nothing else in the module changes.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import BindgenError
from ._bytes import ByteCursor, sleb, uleb
from .reader import (
    KIND_FUNC,
    KIND_GLOBAL,
    KIND_TABLE,
    SECTION_CODE,
    SECTION_CUSTOM,
    SECTION_EXPORT,
    SECTION_FUNCTION,
    SECTION_GLOBAL,
    SECTION_IMPORT,
    SECTION_TABLE,
    SECTION_TYPE,
    VALTYPE_I32,
    Section,
    TableType,
    WasmModule,
)

REFTYPE_FUNCREF = 0x70

FUNCTION_TABLE_EXPORT = "__wbindgen_function_table_export"
STACK_POINTER_EXPORT = "__wbindgen_stack_pointer_export"


def _export_entry(name: str, kind: int, index: int) -> bytes:
    raw = name.encode()
    return uleb(len(raw)) + raw + bytes([kind]) + uleb(index)


def host_exports(module: WasmModule, adds_table: bool = False) -> list[bytes]:
    """Export entries for the function table and the stack pointer, where missing."""
    wanted: list[bytes] = []
    existing = module.export_names()
    has_table_export = any(e.kind == KIND_TABLE for e in module.exports)
    exported = has_table_export or FUNCTION_TABLE_EXPORT in existing
    if (module.table_count or adds_table) and not exported:
        wanted.append(_export_entry(FUNCTION_TABLE_EXPORT, KIND_TABLE, 0))
    stack_pointer = module.stack_pointer_global()
    if stack_pointer is not None and STACK_POINTER_EXPORT not in existing:
        wanted.append(_export_entry(STACK_POINTER_EXPORT, KIND_GLOBAL, stack_pointer))
    return wanted


def ensure_host_exports(module: WasmModule) -> bytes:
    """The module's bytes with the function table and stack pointer exported (when present)."""
    return rewrite(module)


def add_exports(module: WasmModule, functions: Mapping[str, int]) -> bytes:
    """The module with its host exports and ``functions`` (name -> index) exported."""
    return rewrite(module, functions=functions)


def rewrite(
    module: WasmModule,
    *,
    functions: Mapping[str, int] | None = None,
    bodies: Mapping[int, bytes] | None = None,
    globals: Mapping[str, int] | None = None,
    table_slots: int = 0,
) -> bytes:
    """The module with its host exports, ``functions`` exported, the bodies of the functions
    in ``bodies`` replaced, one exported mutable i32 global per ``globals`` entry (name ->
    initial value) appended after the module's own, and ``table_slots`` null slots appended to
    the function table (see ``appended_table_slot``)."""
    functions, bodies, globals = functions or {}, bodies or {}, globals or {}
    first_global = len(module.globals)
    entries = host_exports(module, table_slots > 0)
    entries += [_export_entry(name, KIND_FUNC, index) for name, index in functions.items()]
    entries += [
        _export_entry(name, KIND_GLOBAL, first_global + i) for i, name in enumerate(globals)
    ]
    replaced: dict[int, bytes] = {}
    if entries:
        replaced[SECTION_EXPORT] = _append_items(module, SECTION_EXPORT, entries)
    if globals:
        items = [bytes([VALTYPE_I32, 1, 0x41]) + sleb(v) + b"\x0b" for v in globals.values()]
        replaced[SECTION_GLOBAL] = _append_items(module, SECTION_GLOBAL, items)
    if bodies:
        replaced[SECTION_CODE] = _code_section(module, bodies)
    if table_slots:
        replaced[SECTION_TABLE] = _grown_table(module, table_slots)
    if not replaced:
        return module.data
    out = bytearray(module.data[:8])
    table_written = SECTION_TABLE not in replaced or bool(module.defined_tables)
    for section in module.sections:
        if not table_written and section.id not in _BEFORE_TABLE:  # the module had no table
            out += _section(SECTION_TABLE, replaced[SECTION_TABLE])
            table_written = True
        payload = replaced.get(section.id) if section.id != 0 else None
        if payload is None:
            out += module.data[section.start : section.payload_end]
        else:
            out += _section(section.id, payload)
    if not table_written:
        out += _section(SECTION_TABLE, replaced[SECTION_TABLE])
    return bytes(out)


_BEFORE_TABLE = frozenset({SECTION_CUSTOM, SECTION_TYPE, SECTION_IMPORT, SECTION_FUNCTION})


def appended_table_slot(module: WasmModule) -> int:
    """The first of the slots ``rewrite(table_slots=...)`` appends to table 0."""
    if module.table_count > len(module.defined_tables):
        raise BindgenError(
            f"{module.source}: the module imports its function table; wasmbindgen runs modules "
            "rustc links for wasm32-unknown-unknown, which define it"
        )
    return module.defined_tables[0].minimum if module.defined_tables else 0


def _grown_table(module: WasmModule, extra: int) -> bytes:
    """The table section with table 0 ``extra`` slots longer (its maximum too, if it has one)."""
    appended_table_slot(module)  # refuses an imported table
    tables = module.defined_tables or [TableType(REFTYPE_FUNCREF, 0, 0)]
    if tables[0].reftype != REFTYPE_FUNCREF or any(t.reftype in (0x63, 0x64) for t in tables):
        raise BindgenError(f"{module.source}: table 0 is not a plain funcref table")
    out = bytearray(uleb(len(tables)))
    for i, table in enumerate(tables):
        grow = extra if i == 0 else 0
        limits = b"\x00" + uleb(table.minimum + grow)
        if table.maximum is not None:
            limits = b"\x01" + uleb(table.minimum + grow) + uleb(table.maximum + grow)
        out += bytes([table.reftype]) + limits
    return bytes(out)


def _section(section_id: int, payload: bytes) -> bytes:
    return bytes([section_id]) + uleb(len(payload)) + payload


def _only_section(module: WasmModule, section_id: int) -> Section:
    sections = [s for s in module.sections if s.id == section_id]
    if len(sections) != 1:
        raise BindgenError(
            f"{module.source}: expected one section {section_id}, found {len(sections)}; "
            "is this a module built by rustc for wasm32-unknown-unknown?"
        )
    return sections[0]


def _append_items(module: WasmModule, section_id: int, items: list[bytes]) -> bytes:
    """A vector section's payload with ``items`` appended."""
    section = _only_section(module, section_id)
    body = module.data[section.payload_start : section.payload_end]
    reader = ByteCursor(body)
    count = reader.leb_u32()
    return uleb(count + len(items)) + body[reader.pos :] + b"".join(items)


def _code_section(module: WasmModule, bodies: Mapping[int, bytes]) -> bytes:
    data = module.data
    out = bytearray(uleb(len(module.bodies)))
    for body in module.bodies:
        new = bodies.get(body.function)
        code = data[body.start : body.end] if new is None else new
        out += uleb(len(code)) + code
    return bytes(out)
