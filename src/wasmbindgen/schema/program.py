"""The decoded ``#[wasm_bindgen]`` programs, the same for every wasm-bindgen release.

Each release's schema (``versions/<v>/schema.py``) decodes into these classes; a field a release
does not have keeps its default. ``STRUCTS`` and ``ENUMS`` are the builders the schema notation
(``grammar.py``) calls by type name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum as _PyEnum
from typing import Any


class OperationKind(_PyEnum):
    REGULAR = "regular"
    REGULAR_THIS = "regular_this"  # #[wasm_bindgen(this)] on an export's first argument
    GETTER = "getter"
    SETTER = "setter"
    INDEXING_GETTER = "indexing_getter"
    INDEXING_SETTER = "indexing_setter"
    INDEXING_DELETER = "indexing_deleter"


class StartKind(_PyEnum):
    NONE = "none"
    PUBLIC = "public"  # run once at load, and exported
    PRIVATE = "private"  # run once at load only


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
class FunctionArgument:
    name: str
    optional: bool = False  # #[wasm_bindgen(optional)]-style trailing argument


@dataclass(frozen=True)
class Function:
    args: tuple[FunctionArgument, ...]
    asyncness: bool
    name: str
    variadic: bool = False
    jspi: bool = False

    @property
    def arg_names(self) -> tuple[str, ...]:
        return tuple(arg.name for arg in self.args)


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
    method: MethodData | None
    structural: bool
    function: Function
    assert_no_shim: bool = False
    suspending: bool = False  # JSPI
    generic_per_mono: bool = False  # bound per monomorphisation through the generic marker


@dataclass(frozen=True)
class ImportStatic:
    name: str
    shim: str


@dataclass(frozen=True)
class ImportString:
    """``static_string``: the shim returns ``string`` as a new JS string."""

    shim: str
    string: str


@dataclass(frozen=True)
class ImportType:
    name: str
    instanceof_shim: str
    vendor_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StringEnum:
    """An enum whose variants are JS strings; values cross as the variant's index."""

    name: str = ""
    variant_values: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    js_namespace: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DynamicUnion:
    name: str
    variant_strings: tuple[str, ...] = ()
    variant_type_cnt: int = 0
    fallback: bool = False


ImportKind = ImportFunction | ImportStatic | ImportString | ImportType | StringEnum | DynamicUnion


@dataclass(frozen=True)
class Import:
    module: ImportModule | None
    js_namespace: tuple[str, ...] | None
    kind: ImportKind


@dataclass(frozen=True)
class Export:
    class_name: str | None
    comments: tuple[str, ...]
    consumed: bool
    function: Function
    method_kind: MethodKind
    start: StartKind = StartKind.NONE
    js_namespace: tuple[str, ...] | None = None


@dataclass(frozen=True)
class EnumVariant:
    name: str
    value: int
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enum:
    name: str
    variants: tuple[EnumVariant, ...]
    comments: tuple[str, ...] = ()
    signed: bool = False
    js_namespace: tuple[str, ...] | None = None


@dataclass(frozen=True)
class StructField:
    name: str
    readonly: bool
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[StructField, ...]
    comments: tuple[str, ...] = ()
    is_inspectable: bool = False
    js_namespace: tuple[str, ...] | None = None
    extends: str | None = None
    extends_js_class: str | None = None
    extends_js_namespace: tuple[str, ...] | None = None


@dataclass(frozen=True)
class LocalModule:
    identifier: str
    contents: str
    linked_module: bool = False


@dataclass(frozen=True)
class LinkedModule:
    module: ImportModule
    link_function_name: str


@dataclass(frozen=True)
class Program:
    exports: tuple[Export, ...]
    enums: tuple[Enum, ...]
    imports: tuple[Import, ...]
    structs: tuple[Struct, ...]
    local_modules: tuple[LocalModule, ...]
    inline_js: tuple[str, ...]
    unique_crate_identifier: str
    package_json: str | None = None
    linked_modules: tuple[LinkedModule, ...] = ()
    typescript_custom_sections: tuple[str, ...] = ()
    module_path: str = ""

    @property
    def crate_name(self) -> str:
        """The crate's Cargo name: ``unique_crate_identifier`` is ``<name>-<16 hex>``."""
        return self.unique_crate_identifier.rsplit("-", 1)[0]

    @property
    def crate_hash(self) -> str:
        return self.unique_crate_identifier.rsplit("-", 1)[-1]


# -- builders the schema notation calls ---------------------------------------------------------


def _export(*, start: bool | StartKind = StartKind.NONE, **fields: Any) -> Export:
    if isinstance(start, bool):  # a plain flag until 0.2.118
        start = StartKind.PUBLIC if start else StartKind.NONE
    return Export(start=start, **fields)


def _argument(*, name: str, optional: bool = False) -> FunctionArgument:
    return FunctionArgument(name, optional)


def _operation(*, is_static: bool, kind: tuple[OperationKind, str]) -> MethodKind:
    operation, prop = kind
    return MethodKind(False, is_static, operation, prop)


def _method_kind(variant: str, payload: MethodKind | None) -> MethodKind:
    return MethodKind(constructor=True) if payload is None else payload


_OPERATIONS = {
    "Regular": OperationKind.REGULAR,
    "RegularThis": OperationKind.REGULAR_THIS,
    "Getter": OperationKind.GETTER,
    "Setter": OperationKind.SETTER,
    "IndexingGetter": OperationKind.INDEXING_GETTER,
    "IndexingSetter": OperationKind.INDEXING_SETTER,
    "IndexingDeleter": OperationKind.INDEXING_DELETER,
}
_IMPORT_MODULES = {"Named": "named", "RawNamed": "raw", "Inline": "inline"}
_STARTS = {"None": StartKind.NONE, "Public": StartKind.PUBLIC, "Private": StartKind.PRIVATE}


def _import_module(variant: str, payload: str | int) -> ImportModule:
    kind = _IMPORT_MODULES[variant]
    if kind == "inline":
        return ImportModule(kind, inline_index=int(payload))
    return ImportModule(kind, str(payload))


def _payload(_variant: str, payload: Any) -> Any:
    return payload


STRUCTS: dict[str, Callable[..., Any]] = {
    "Program": Program,
    "Import": Import,
    "ImportFunction": ImportFunction,
    "MethodData": MethodData,
    "Operation": _operation,
    "ImportStatic": ImportStatic,
    "ImportString": ImportString,
    "ImportType": ImportType,
    "StringEnum": StringEnum,
    "DynamicUnion": DynamicUnion,
    "Export": _export,
    "Enum": Enum,
    "EnumVariant": EnumVariant,
    "Function": Function,
    "FunctionArgument": _argument,
    "ArgumentName": _argument,  # 0.2.83-0.2.99 name arguments only
    "ImportEnum": StringEnum,  # 0.2.83-0.2.92: an empty placeholder
    "Struct": Struct,
    "StructField": StructField,
    "LocalModule": LocalModule,
    "LinkedModule": LinkedModule,
}
ENUMS: dict[str, Callable[[str, Any], Any]] = {
    "ImportModule": _import_module,
    "ImportKind": _payload,
    "MethodKind": _method_kind,
    "OperationKind": lambda variant, payload: (_OPERATIONS[variant], payload or ""),
    "StartKind": lambda variant, _payload: _STARTS[variant],
}
