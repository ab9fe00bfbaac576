"""The backend-neutral interface of a module: what a code generator reads.

Value types are normalised from descriptors: references, options and element types become
fields of one ``ValueType``, so a backend switches on ``kind`` and a few flags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Scalar(Enum):
    """A Rust number type: (wasm value type, bytes, array typecode, signed, is integer)."""

    I8 = ("i32", 1, "b", True, True)
    U8 = ("i32", 1, "B", False, True)
    I16 = ("i32", 2, "h", True, True)
    U16 = ("i32", 2, "H", False, True)
    I32 = ("i32", 4, "i", True, True)
    U32 = ("i32", 4, "I", False, True)
    I64 = ("i64", 8, "q", True, True)
    U64 = ("i64", 8, "Q", False, True)
    F32 = ("f32", 4, "f", True, False)
    F64 = ("f64", 8, "d", True, False)

    @property
    def wasm(self) -> str:
        return self.value[0]

    @property
    def size(self) -> int:
        return self.value[1]

    @property
    def typecode(self) -> str:
        """The ``array``/``struct`` letter of one element of this type."""
        return self.value[2]

    @property
    def signed(self) -> bool:
        return self.value[3]

    @property
    def is_integer(self) -> bool:
        return self.value[4]

    @property
    def bits(self) -> int:
        return self.size * 8


class Kind(Enum):
    NUMBER = "number"
    BOOL = "bool"
    CHAR = "char"
    UNIT = "unit"
    STRING = "string"
    JSVALUE = "jsvalue"  # JsValue, imported types, closures as values
    STRUCT = "struct"  # an exported Rust struct
    ENUM = "enum"  # an exported C-style enum
    SLICE = "slice"  # &[T], &mut [T]
    VECTOR = "vector"  # Vec<T>, Box<[T]>
    STACK_CLOSURE = "stack_closure"  # &dyn Fn / &mut dyn FnMut passed to an import


class Ref(Enum):
    OWNED = "owned"
    SHARED = "shared"  # &T
    MUT = "mut"  # &mut T


@dataclass(frozen=True)
class ValueType:
    kind: Kind
    scalar: Scalar | None = None  # NUMBER; element of SLICE/VECTOR (None means JsValue elements)
    ref: Ref = Ref.OWNED
    optional: bool = False
    name: str = ""  # STRUCT: class name; JSVALUE: the TypeScript type name when given
    hole: int = 0  # ENUM: the value meaning None
    clamped: bool = False
    cached: bool = False  # an interned string (ptr 0 means "heap slot in len")
    closure: Signature | None = None  # STACK_CLOSURE

    def describe(self) -> str:
        """A short Rust-like spelling for messages."""
        text = {
            Kind.NUMBER: self.scalar.name.lower() if self.scalar else "number",
            Kind.SLICE: f"[{self.scalar.name.lower() if self.scalar else 'JsValue'}]",
            Kind.VECTOR: f"Vec<{self.scalar.name.lower() if self.scalar else 'JsValue'}>",
            Kind.STRUCT: self.name,
            Kind.JSVALUE: self.name or "JsValue",
        }.get(self.kind, self.kind.value)
        if self.ref is Ref.SHARED:
            text = "&" + text
        elif self.ref is Ref.MUT:
            text = "&mut " + text
        return f"Option<{text}>" if self.optional else text


UNIT = ValueType(Kind.UNIT)


@dataclass(frozen=True)
class Param:
    name: str
    type: ValueType


@dataclass(frozen=True)
class Signature:
    params: tuple[Param, ...]
    ret: ValueType
    fallible: bool = False  # returns Result<T, E>: Err is raised
    is_async: bool = False  # returns a Promise of ``inner_ret``
    inner_ret: ValueType = UNIT
    shim_idx: int = 0  # stack closures: the table index of the invoke shim
    mutable: bool = False  # stack closures: FnMut


class Receiver(Enum):
    NONE = "none"  # free function, static method, constructor
    BORROWED = "borrowed"  # &self, &mut self
    CONSUMED = "consumed"  # self by value


class ExportKind(Enum):
    FUNCTION = "function"
    CONSTRUCTOR = "constructor"
    METHOD = "method"
    STATIC_METHOD = "static_method"
    GETTER = "getter"
    SETTER = "setter"


@dataclass(frozen=True)
class ExportFunction:
    js_name: str  # the name users see (js_name applied)
    wasm_name: str
    kind: ExportKind
    signature: Signature
    receiver: Receiver = Receiver.NONE
    property: str = ""  # GETTER/SETTER
    comments: tuple[str, ...] = ()
    start: bool = False


@dataclass(frozen=True)
class Field:
    js_name: str
    type: ValueType
    getter: str  # wasm export names
    setter: str | None
    comments: tuple[str, ...] = ()


@dataclass
class Class:
    js_name: str
    free: str  # the wasm export dropping an instance
    methods: list[ExportFunction] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class EnumType:
    js_name: str
    variants: tuple[tuple[str, int], ...]
    hole: int
    comments: tuple[str, ...] = ()


class CallKind(Enum):
    FUNCTION = "function"
    CONSTRUCTOR = "constructor"
    METHOD = "method"  # receiver is argument 0
    STATIC_METHOD = "static_method"
    GETTER = "getter"
    SETTER = "setter"
    STATIC_GETTER = "static_getter"
    STATIC_SETTER = "static_setter"
    INDEXING_GETTER = "indexing_getter"
    INDEXING_SETTER = "indexing_setter"
    INDEXING_DELETER = "indexing_deleter"
    STATIC_INDEXING_GETTER = "static_indexing_getter"
    STATIC_INDEXING_SETTER = "static_indexing_setter"
    STATIC_INDEXING_DELETER = "static_indexing_deleter"


@dataclass(frozen=True)
class ImportRoot:
    """Where an imported name is looked up: a module (``modules=`` or a Python import) or,
    when ``module`` is empty, the instance's global scope; then each of ``namespace`` in turn."""

    module: str = ""  # the specifier; "" for the global scope
    module_kind: str = ""  # "", "raw", "named" (crate-local file) or "inline"
    namespace: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportFunction:
    shim: str
    root: ImportRoot
    name: str  # the JS name (function, method, property or class name)
    call: CallKind
    signature: Signature
    class_name: str = ""  # the class for constructors, static members and methods
    class_prefixes: tuple[str, ...] = ()  # vendor prefixes of the class
    catch: bool = False
    variadic: bool = False
    structural: bool = True
    retptr: bool = False  # the wasm function takes a return pointer first


@dataclass(frozen=True)
class ImportStatic:
    shim: str
    root: ImportRoot
    name: str
    type: ValueType
    retptr: bool = False


@dataclass(frozen=True)
class InstanceOf:
    shim: str
    root: ImportRoot
    class_name: str
    prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class InlineSnippet:
    """A ``module``/``inline_js`` import the host cannot run: it must come from ``modules=``."""

    specifier: str
    kind: str  # "named" or "inline"
    text: str


@dataclass
class Interface:
    """Everything a backend needs to bind one module."""

    source: str
    crate: str
    functions: list[ExportFunction] = field(default_factory=list)
    classes: list[Class] = field(default_factory=list)
    enums: list[EnumType] = field(default_factory=list)
    imports: list[ImportFunction] = field(default_factory=list)
    statics: list[ImportStatic] = field(default_factory=list)
    instanceofs: list[InstanceOf] = field(default_factory=list)
    struct_wrappers: dict[str, str] = field(default_factory=dict)  # import shim -> class name
    snippets: list[InlineSnippet] = field(default_factory=list)
    start: str | None = None  # the wasm export to run once at load
    intrinsics: list[str] = field(default_factory=list)  # placeholder imports the runtime serves
