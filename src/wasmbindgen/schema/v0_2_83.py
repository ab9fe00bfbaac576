"""The wasm-bindgen 0.2.83 program schema (``shared_api!`` in wasm-bindgen-shared 0.2.83).

Field order is wire order: structs are their fields back to back, enums one tag byte then the
variant's payload, strings and lists LEB128-counted, options one presence byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum as _PyEnum
from typing import TypeVar

from ..wasm._bytes import ByteCursor, MalformedError

SCHEMA_VERSION = "0.2.83"

T = TypeVar("T")


class OperationKind(_PyEnum):
    REGULAR = 0
    GETTER = 1
    SETTER = 2
    INDEXING_GETTER = 3
    INDEXING_SETTER = 4
    INDEXING_DELETER = 5


@dataclass(frozen=True)
class MethodKind:
    """``Constructor`` when ``constructor`` is true, else an ``Operation``."""

    constructor: bool
    is_static: bool = False
    operation: OperationKind = OperationKind.REGULAR
    property: str = ""  # the JS property name of a getter or setter


@dataclass(frozen=True)
class MethodData:
    class_name: str
    kind: MethodKind


@dataclass(frozen=True)
class Function:
    arg_names: tuple[str, ...]
    asyncness: bool
    name: str
    generate_typescript: bool
    variadic: bool


@dataclass(frozen=True)
class ImportModule:
    """Where an import comes from: ``named`` (a crate-local file), ``raw`` (any specifier) or
    ``inline`` (an inline_js snippet)."""

    kind: str
    specifier: str = ""
    inline_index: int = 0


@dataclass(frozen=True)
class ImportFunction:
    shim: str
    catch: bool
    variadic: bool
    assert_no_shim: bool
    method: MethodData | None
    structural: bool
    function: Function


@dataclass(frozen=True)
class ImportStatic:
    name: str
    shim: str


@dataclass(frozen=True)
class ImportType:
    name: str
    instanceof_shim: str
    vendor_prefixes: tuple[str, ...]


@dataclass(frozen=True)
class ImportEnum:
    pass


@dataclass(frozen=True)
class Import:
    module: ImportModule | None
    js_namespace: tuple[str, ...] | None
    kind: ImportFunction | ImportStatic | ImportType | ImportEnum


@dataclass(frozen=True)
class Export:
    class_name: str | None
    comments: tuple[str, ...]
    consumed: bool
    function: Function
    method_kind: MethodKind
    start: bool


@dataclass(frozen=True)
class EnumVariant:
    name: str
    value: int
    comments: tuple[str, ...]


@dataclass(frozen=True)
class Enum:
    name: str
    variants: tuple[EnumVariant, ...]
    comments: tuple[str, ...]
    generate_typescript: bool


@dataclass(frozen=True)
class StructField:
    name: str
    readonly: bool
    comments: tuple[str, ...]
    generate_typescript: bool


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[StructField, ...]
    comments: tuple[str, ...]
    is_inspectable: bool
    generate_typescript: bool


@dataclass(frozen=True)
class LocalModule:
    identifier: str
    contents: str


@dataclass(frozen=True)
class Program:
    exports: tuple[Export, ...]
    enums: tuple[Enum, ...]
    imports: tuple[Import, ...]
    structs: tuple[Struct, ...]
    typescript_custom_sections: tuple[str, ...]
    local_modules: tuple[LocalModule, ...]
    inline_js: tuple[str, ...]
    unique_crate_identifier: str
    package_json: str | None


class _Decoder:
    def __init__(self, data: bytes) -> None:
        self.cur = ByteCursor(data)

    def bool(self) -> bool:
        return self.cur.byte() != 0

    def u32(self) -> int:
        return self.cur.leb_u32()

    def text(self) -> str:
        return self.cur.utf8(self.cur.leb_u32())

    def vec(self, item: Callable[[], T]) -> tuple[T, ...]:
        return tuple(item() for _ in range(self.cur.leb_u32()))

    def opt(self, item: Callable[[], T]) -> T | None:
        tag = self.cur.byte()
        if tag == 0:
            return None
        if tag == 1:
            return item()
        raise MalformedError(f"invalid Option tag {tag} before offset {self.cur.pos}")

    def tag(self, what: str, count: int) -> int:
        tag = self.cur.byte()
        if tag >= count:
            raise MalformedError(f"invalid {what} tag {tag} before offset {self.cur.pos}")
        return tag

    def strs(self) -> tuple[str, ...]:
        return self.vec(self.text)

    def function(self) -> Function:
        return Function(self.strs(), self.bool(), self.text(), self.bool(), self.bool())

    def method_kind(self) -> MethodKind:
        if self.tag("MethodKind", 2) == 0:
            return MethodKind(constructor=True)
        is_static = self.bool()
        operation = OperationKind(self.tag("OperationKind", 6))
        prop = self.text() if operation in (OperationKind.GETTER, OperationKind.SETTER) else ""
        return MethodKind(False, is_static, operation, prop)

    def import_module(self) -> ImportModule:
        tag = self.tag("ImportModule", 3)
        if tag == 0:
            return ImportModule("named", self.text())
        if tag == 1:
            return ImportModule("raw", self.text())
        return ImportModule("inline", inline_index=self.u32())

    def import_kind(self) -> ImportFunction | ImportStatic | ImportType | ImportEnum:
        tag = self.tag("ImportKind", 4)
        if tag == 0:
            return ImportFunction(
                shim=self.text(),
                catch=self.bool(),
                variadic=self.bool(),
                assert_no_shim=self.bool(),
                method=self.opt(lambda: MethodData(self.text(), self.method_kind())),
                structural=self.bool(),
                function=self.function(),
            )
        if tag == 1:
            return ImportStatic(self.text(), self.text())
        if tag == 2:
            return ImportType(self.text(), self.text(), self.strs())
        return ImportEnum()

    def import_(self) -> Import:
        return Import(self.opt(self.import_module), self.opt(self.strs), self.import_kind())

    def export(self) -> Export:
        return Export(
            self.opt(self.text),
            self.strs(),
            self.bool(),
            self.function(),
            self.method_kind(),
            self.bool(),
        )

    def program(self) -> Program:
        program = Program(
            exports=self.vec(self.export),
            enums=self.vec(
                lambda: Enum(self.text(), self.vec(self._variant), self.strs(), self.bool())
            ),
            imports=self.vec(self.import_),
            structs=self.vec(
                lambda: Struct(
                    self.text(),
                    self.vec(
                        lambda: StructField(self.text(), self.bool(), self.strs(), self.bool())
                    ),
                    self.strs(),
                    self.bool(),
                    self.bool(),
                )
            ),
            typescript_custom_sections=self.strs(),
            local_modules=self.vec(lambda: LocalModule(self.text(), self.text())),
            inline_js=self.strs(),
            unique_crate_identifier=self.text(),
            package_json=self.opt(self.text),
        )
        if not self.cur.at_end():
            raise MalformedError(f"{self.cur.remaining()} bytes left over after the program")
        return program

    def _variant(self) -> EnumVariant:
        return EnumVariant(self.text(), self.u32(), self.strs())


def decode_program(data: bytes) -> Program:
    """Decode one chunk's program bytes; raises ``MalformedError``/``TruncatedError``."""
    return _Decoder(data).program()
