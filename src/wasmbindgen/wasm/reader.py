"""Read the parts of a wasm binary the pipeline needs.

Only the structure is read here (types, imports, functions, exports, globals, memories, where
each function body lies, custom sections); validation and compilation are wasmtime's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BindgenError
from ._bytes import ByteCursor, MalformedError, TruncatedError

MAGIC = b"\0asm"
VERSION = b"\x01\0\0\0"
COMPONENT_VERSIONS = (b"\x0d\0\x01\0", b"\x0e\0\x01\0")  # a component, not a core module

SECTION_CUSTOM = 0
SECTION_TYPE = 1
SECTION_IMPORT = 2
SECTION_FUNCTION = 3
SECTION_TABLE = 4
SECTION_MEMORY = 5
SECTION_GLOBAL = 6
SECTION_EXPORT = 7
SECTION_CODE = 10
SECTION_TAG = 13

KIND_FUNC, KIND_TABLE, KIND_MEMORY, KIND_GLOBAL, KIND_TAG = 0, 1, 2, 3, 4
VALTYPE_I32 = 0x7F
VALTYPES = {0x7F: "i32", 0x7E: "i64", 0x7D: "f32", 0x7C: "f64", 0x7B: "v128"}
REF_TYPES = {0x70: "funcref", 0x6F: "externref", 0x69: "exnref"}
OP_I32_CONST, OP_END = 0x41, 0x0B


@dataclass(frozen=True)
class Section:
    id: int
    start: int  # offset of the section id byte
    payload_start: int
    payload_end: int


@dataclass(frozen=True)
class FuncType:
    params: tuple[str, ...]
    results: tuple[str, ...]


@dataclass(frozen=True)
class Import:
    module: str
    name: str
    kind: int
    type_index: int = -1  # functions and tags: the index into ``types``


@dataclass(frozen=True)
class Export:
    name: str
    kind: int
    index: int


@dataclass(frozen=True)
class TableType:
    """A table the module defines: its element type's code and its limits."""

    reftype: int
    minimum: int
    maximum: int | None


@dataclass(frozen=True)
class Global:
    index: int
    mutable: bool
    valtype: int
    i32_init: int | None  # the value when the initialiser is a plain i32.const


@dataclass(frozen=True)
class Memory:
    shared: bool
    memory64: bool


@dataclass(frozen=True)
class Body:
    """Where one defined function's body (locals and code) lies in the module's bytes."""

    function: int  # its index in the function index space
    start: int
    end: int


@dataclass
class WasmModule:
    """The structure of one wasm binary, with the bytes it was read from."""

    source: str
    data: bytes
    sections: list[Section] = field(default_factory=list)
    types: list[FuncType] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    function_types: list[int] = field(default_factory=list)  # per function index: type index
    exports: list[Export] = field(default_factory=list)
    globals: list[Global] = field(default_factory=list)
    memories: list[Memory] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    custom: dict[str, list[bytes]] = field(default_factory=dict)
    table_count: int = 0
    defined_tables: list[TableType] = field(default_factory=list)
    imported_functions: int = 0
    has_tags: bool = False  # a tag section or tag imports: wasm exception handling

    def export_names(self) -> set[str]:
        return {export.name for export in self.exports}

    def imported(self, kind: int) -> list[Import]:
        return [imp for imp in self.imports if imp.kind == kind]

    def function_import_index(self, module: str, name: str) -> int | None:
        """The function index of imported function ``module.name``, if imported."""
        index = 0
        for imp in self.imports:
            if imp.kind != KIND_FUNC:
                continue
            if imp.module == module and imp.name == name:
                return index
            index += 1
        return None

    def function_type(self, function: int) -> FuncType:
        return self.types[self.function_types[function]]

    def body(self, function: int) -> Body:
        return self.bodies[function - self.imported_functions]

    def stack_pointer_global(self) -> int | None:
        """The shadow-stack pointer: the one mutable i32 global with a non-zero constant start."""
        candidates = [
            g.index for g in self.globals if g.mutable and g.valtype == VALTYPE_I32 and g.i32_init
        ]
        return candidates[0] if len(candidates) == 1 else None

    def target_features(self) -> dict[str, bool]:
        """The ``target_features`` custom section LLVM writes: feature -> enabled."""
        found: dict[str, bool] = {}
        for payload in self.custom.get("target_features", []):
            cursor = ByteCursor(payload)
            try:
                for _ in range(cursor.leb_u32()):
                    prefix = cursor.byte()
                    found[cursor.name()] = prefix != ord("-")
            except (TruncatedError, MalformedError):
                break  # informational only: a damaged section tells nothing
        return found


def read_module(data: bytes, source: str) -> WasmModule:
    """Parse ``data``; ``source`` names the file in error messages."""
    if len(data) < 8 or data[:4] != MAGIC:
        raise BindgenError(
            f"{source}: not a WebAssembly module (it does not start with the \\0asm magic bytes); "
            "pass the .wasm file cargo wrote under target/wasm32-unknown-unknown/"
        )
    if data[4:8] in COMPONENT_VERSIONS:
        raise BindgenError(
            f"{source}: this is a WebAssembly component, not a core module; wasmbindgen runs the "
            "core module rustc writes for wasm32-unknown-unknown (not wasm32-wasip2 components)"
        )
    if data[4:8] != VERSION:
        raise BindgenError(
            f"{source}: unsupported WebAssembly binary version {data[4:8].hex()} "
            "(expected 01000000); wasmbindgen reads core wasm modules"
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
        _check_consistent(module)
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
    elif section.id == SECTION_TYPE:
        for _ in range(body.leb_u32()):
            module.types.append(_read_func_type(body))
    elif section.id == SECTION_IMPORT:
        for _ in range(body.leb_u32()):
            mod, name, kind = body.name(), body.name(), body.byte()
            type_index = _read_import_description(module, body, kind)
            module.imports.append(Import(mod, name, kind, type_index))
    elif section.id == SECTION_FUNCTION:
        for _ in range(body.leb_u32()):
            module.function_types.append(body.leb_u32())
    elif section.id == SECTION_TABLE:
        count = body.leb_u32()
        module.table_count += count
        for _ in range(count):
            reftype = _read_valtype(body)
            flags, minimum = body.byte(), body.leb_u32()
            maximum = body.leb_u32() if flags & 1 else None
            module.defined_tables.append(TableType(reftype, minimum, maximum))
    elif section.id == SECTION_MEMORY:
        for _ in range(body.leb_u32()):
            module.memories.append(_read_limits(body))
    elif section.id == SECTION_GLOBAL:
        for _ in range(body.leb_u32()):
            valtype = _read_valtype(body)
            mutable = body.byte() == 1
            init = _read_const_i32(body)
            module.globals.append(Global(len(module.globals), mutable, valtype, init))
    elif section.id == SECTION_EXPORT:
        for _ in range(body.leb_u32()):
            module.exports.append(Export(body.name(), body.byte(), body.leb_u32()))
    elif section.id == SECTION_CODE:
        for i in range(body.leb_u32()):
            size = body.leb_u32()
            if body.pos + size > body.end:
                raise TruncatedError(f"function body {i} runs past its section")
            module.bodies.append(Body(module.imported_functions + i, body.pos, body.pos + size))
            body.pos += size
    elif section.id == SECTION_TAG:
        module.has_tags = True


def _read_func_type(body: ByteCursor) -> FuncType:
    form = body.byte()
    if form != 0x60:
        raise MalformedError(f"type form 0x{form:02x} is not a function type (GC types?)")
    params = tuple(_valtype_name(_read_valtype(body)) for _ in range(body.leb_u32()))
    results = tuple(_valtype_name(_read_valtype(body)) for _ in range(body.leb_u32()))
    return FuncType(params, results)


def _read_valtype(body: ByteCursor) -> int:
    code = body.byte()
    if code in (0x63, 0x64):  # (ref null? heaptype)
        body.leb_s64()
    return code


def _valtype_name(code: int) -> str:
    return VALTYPES.get(code) or REF_TYPES.get(code) or "ref"


def _read_import_description(module: WasmModule, body: ByteCursor, kind: int) -> int:
    if kind == KIND_FUNC:
        module.imported_functions += 1
        type_index = body.leb_u32()
        module.function_types.append(type_index)
        return type_index
    if kind == KIND_TABLE:
        _read_valtype(body)  # element reference type
        _read_limits(body)
        module.table_count += 1
    elif kind == KIND_MEMORY:
        module.memories.append(_read_limits(body))
    elif kind == KIND_GLOBAL:
        _read_valtype(body)
        body.byte()
        module.globals.append(Global(len(module.globals), False, -1, None))
    elif kind == KIND_TAG:
        body.byte()
        module.has_tags = True
        return body.leb_u32()
    else:
        raise MalformedError(f"unknown import kind {kind}")
    return -1


def _read_limits(body: ByteCursor) -> Memory:
    flags = body.byte()
    body.leb_s64()
    if flags & 1:
        body.leb_s64()
    return Memory(shared=bool(flags & 2), memory64=bool(flags & 4))


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
        body.leb_s64()
    elif opcode not in (0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E):  # extended-const arithmetic
        raise MalformedError(f"unsupported opcode 0x{opcode:02x} in a constant expression")


def _check_consistent(module: WasmModule) -> None:
    defined = len(module.function_types) - module.imported_functions
    if module.bodies and len(module.bodies) != defined:
        raise MalformedError(
            f"{defined} functions declared but {len(module.bodies)} function bodies"
        )
    if any(t >= len(module.types) for t in module.function_types):
        raise MalformedError("a function refers to a type that does not exist")
