"""Read the parts of a wasm binary the pipeline needs.

Only the structure is read here (sections, imports, exports, globals, custom sections);
validation and compilation are wasmtime's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BindgenError
from ._bytes import ByteCursor, MalformedError, TruncatedError

MAGIC = b"\0asm"
VERSION = b"\x01\0\0\0"

SECTION_CUSTOM = 0
SECTION_IMPORT = 2
SECTION_TABLE = 4
SECTION_GLOBAL = 6
SECTION_EXPORT = 7

KIND_FUNC, KIND_TABLE, KIND_MEMORY, KIND_GLOBAL, KIND_TAG = 0, 1, 2, 3, 4
VALTYPE_I32 = 0x7F
OP_I32_CONST, OP_END = 0x41, 0x0B


@dataclass(frozen=True)
class Section:
    id: int
    start: int  # offset of the section id byte
    payload_start: int
    payload_end: int


@dataclass(frozen=True)
class Import:
    module: str
    name: str
    kind: int


@dataclass(frozen=True)
class Export:
    name: str
    kind: int
    index: int


@dataclass(frozen=True)
class Global:
    index: int
    mutable: bool
    valtype: int
    i32_init: int | None  # the value when the initialiser is a plain i32.const


@dataclass
class WasmModule:
    """The structure of one wasm binary, with the bytes it was read from."""

    source: str
    data: bytes
    sections: list[Section] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    exports: list[Export] = field(default_factory=list)
    globals: list[Global] = field(default_factory=list)
    custom: dict[str, list[bytes]] = field(default_factory=dict)
    table_count: int = 0

    def export_names(self) -> set[str]:
        return {export.name for export in self.exports}

    def imported(self, kind: int) -> list[Import]:
        return [imp for imp in self.imports if imp.kind == kind]

    def stack_pointer_global(self) -> int | None:
        """The shadow-stack pointer: the one mutable i32 global with a non-zero constant start."""
        candidates = [
            g.index for g in self.globals if g.mutable and g.valtype == VALTYPE_I32 and g.i32_init
        ]
        return candidates[0] if len(candidates) == 1 else None


def read_module(data: bytes, source: str) -> WasmModule:
    """Parse ``data``; ``source`` names the file in error messages."""
    if len(data) < 8 or data[:4] != MAGIC:
        raise BindgenError(
            f"{source}: not a WebAssembly module (it does not start with the \\0asm magic bytes); "
            "pass the .wasm file cargo wrote under target/wasm32-unknown-unknown/"
        )
    if data[4:8] != VERSION:
        raise BindgenError(
            f"{source}: unsupported WebAssembly binary version {data[4:8].hex()} "
            "(expected 01000000); wasmbindgen reads core wasm modules, not components"
        )
    module = WasmModule(source=source, data=data)
    cursor = ByteCursor(data, 8)
    try:
        while not cursor.at_end():
            start = cursor.pos
            section_id = cursor.byte()
            size = cursor.leb_u32()
            if cursor.pos + size > len(data):
                raise TruncatedError(
                    f"section {section_id} at offset {start} claims {size} bytes, "
                    f"only {len(data) - cursor.pos} remain"
                )
            section = Section(section_id, start, cursor.pos, cursor.pos + size)
            module.sections.append(section)
            _read_section(module, section)
            cursor.pos = section.payload_end
    except TruncatedError as exc:
        raise BindgenError(
            f"{source}: the module is truncated or corrupt ({exc}); rebuild it with cargo"
        ) from None
    except MalformedError as exc:
        raise BindgenError(f"{source}: malformed wasm ({exc}); rebuild it with cargo") from None
    return module


def _read_section(module: WasmModule, section: Section) -> None:
    body = ByteCursor(module.data, section.payload_start, section.payload_end)
    if section.id == SECTION_CUSTOM:
        name = body.name()
        module.custom.setdefault(name, []).append(body.take(body.remaining()))
    elif section.id == SECTION_IMPORT:
        for _ in range(body.leb_u32()):
            imp = Import(body.name(), body.name(), body.byte())
            _skip_import_description(body, imp.kind)
            module.imports.append(imp)
            if imp.kind == KIND_TABLE:
                module.table_count += 1
            if imp.kind == KIND_GLOBAL:
                module.globals.append(Global(len(module.globals), False, -1, None))
    elif section.id == SECTION_TABLE:
        module.table_count += body.leb_u32()
    elif section.id == SECTION_GLOBAL:
        for _ in range(body.leb_u32()):
            valtype = body.byte()
            mutable = body.byte() == 1
            init = _read_const_i32(body)
            module.globals.append(Global(len(module.globals), mutable, valtype, init))
    elif section.id == SECTION_EXPORT:
        for _ in range(body.leb_u32()):
            module.exports.append(Export(body.name(), body.byte(), body.leb_u32()))


def _skip_import_description(body: ByteCursor, kind: int) -> None:
    if kind == KIND_FUNC:
        body.leb_u32()
    elif kind == KIND_TABLE:
        body.byte()  # element reference type
        _skip_limits(body)
    elif kind == KIND_MEMORY:
        _skip_limits(body)
    elif kind == KIND_GLOBAL:
        body.byte()
        body.byte()
    elif kind == KIND_TAG:
        body.byte()
        body.leb_u32()
    else:
        raise MalformedError(f"unknown import kind {kind}")


def _skip_limits(body: ByteCursor) -> None:
    flags = body.byte()
    body.leb_s64()
    if flags & 1:
        body.leb_s64()


def _read_const_i32(body: ByteCursor) -> int | None:
    """Read a constant expression up to its ``end``; its value if it is one ``i32.const``."""
    opcode = body.byte()
    if opcode == OP_I32_CONST:
        value = body.leb_s64()
        if body.byte() == OP_END:
            return value
        raise MalformedError("unsupported global initialiser")
    while opcode != OP_END:
        _skip_const_immediate(body, opcode)
        opcode = body.byte()
    return None


def _skip_const_immediate(body: ByteCursor, opcode: int) -> None:
    if opcode in (0x42, 0x23, 0xD2):  # i64.const, global.get, ref.func
        body.leb_s64()
    elif opcode == 0x43:  # f32.const
        body.take(4)
    elif opcode == 0x44:  # f64.const
        body.take(8)
    elif opcode == 0xD0:  # ref.null
        body.byte()
    elif opcode not in (0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E):  # extended-const arithmetic
        raise MalformedError(f"unsupported opcode 0x{opcode:02x} in a constant expression")
