"""The backend-neutral interface of a module: what a code generator reads.

Value types are normalised from descriptors: references, options and element types become
fields of one ``ValueType``, so a backend switches on ``kind`` and a few flags. How a value
crosses the ABI of the module's wasm-bindgen release — its wasm values and how ``None`` is
spelled — is decided once, here, as the value's ``abi``; backends only render it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..runtime.config import RuntimeConfig


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
    I128 = ("i128", 16, "", True, True)
    U128 = ("i128", 16, "", False, True)
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
        """The ``array``/``struct`` letter of one element of this type ("" for 128-bit)."""
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
    STRING_ENUM = "string_enum"  # an enum of JS strings, crossing as the variant's index
    SLICE = "slice"  # &[T], &mut [T]
    VECTOR = "vector"  # Vec<T>, Box<[T]>
    STACK_CLOSURE = "stack_closure"  # &dyn Fn / &mut dyn FnMut passed to an import
    HEAP_CLOSURE = "heap_closure"  # a Closure Rust hands over (the From of a closure cast)


class Ref(Enum):
    OWNED = "owned"
    SHARED = "shared"  # &T
    MUT = "mut"  # &mut T


class NoneAs(Enum):
    """How an ``Option`` says ``None`` on the wire."""

    NOT_OPTIONAL = "not optional"
    SENTINEL = "one value no Some uses"  # small numbers, bool, char, enums: ``none_value``
    TAG = "a leading is_some word"  # Option<f64/i64/u64/i128> (and 0.2.83's Option<i32>)
    F64_SENTINEL = "one f64, ``none_value`` for None"  # Option<i32/u32/f32> from 0.2.96
    NULL = "pointer or slot 0"  # strings, vectors, structs, JsValues, closures


class MutSlice(Enum):
    """How an export's ``&mut [T]`` argument gets Rust's writes back."""

    COPY_BACK = "the host copies the slice back and frees it (0.2.83)"
    BUFFER_SLOT = "a third value, the caller's buffer; Rust writes back through an intrinsic"


@dataclass(frozen=True)
class ValueAbi:
    """How one value crosses: its wasm values (as an argument) and its ``None``."""

    wasm: tuple[str, ...] = ()  # "i32" (signed), "u32", "i64", "u64", "f32", "f64"
    none: NoneAs = NoneAs.NOT_OPTIONAL
    none_value: int | float = 0
    mut_slice: MutSlice = MutSlice.COPY_BACK


@dataclass(frozen=True)
class ValueType:
    kind: Kind
    scalar: Scalar | None = None  # NUMBER; element of SLICE/VECTOR (None means JsValue elements)
    ref: Ref = Ref.OWNED
    optional: bool = False
    name: str = ""  # STRUCT/ENUM/STRING_ENUM: the item's name; JSVALUE: its TypeScript name
    hole: int = 0  # ENUM: the value meaning None
    clamped: bool = False
    cached: bool = False  # an interned string (ptr 0 means "heap slot in len")
    nonzero: bool = False  # NonNull<T>: a pointer Rust requires to be non-zero
    closure: Signature | None = None  # STACK_CLOSURE, HEAP_CLOSURE
    abi: ValueAbi = field(default=ValueAbi(), compare=False)

    def describe(self) -> str:
        """A short Rust-like spelling for messages."""
        text = {
            Kind.NUMBER: self.scalar.name.lower() if self.scalar else "number",
            Kind.SLICE: f"[{self.scalar.name.lower() if self.scalar else 'JsValue'}]",
            Kind.VECTOR: f"Vec<{self.scalar.name.lower() if self.scalar else 'JsValue'}>",
            Kind.STRUCT: self.name,
            Kind.ENUM: self.name or "enum",
            Kind.STRING_ENUM: self.name,
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
    optional: bool = False  # may be left out by the caller (trailing Option arguments)


@dataclass(frozen=True)
class RetLayout:
    """Where a result passed through a return pointer lies: the offset of each wasm value and,
    for ``Result``, of ``err`` and ``is_err``."""

    offsets: tuple[int, ...]
    err: int | None = None
    is_err: int | None = None
    size: int = 0


@dataclass(frozen=True)
class Signature:
    params: tuple[Param, ...]
    ret: ValueType
    fallible: bool = False  # returns Result<T, E>: Err is raised
    is_async: bool = False  # returns a Promise of ``inner_ret``
    inner_ret: ValueType = UNIT
    shim_idx: int = 0  # closures: the table index of the invoke shim
    mutable: bool = False  # closures: FnMut
    retptr: RetLayout | None = None  # the result goes through a return pointer (wasm param 0)


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
    STATIC_GETTER = "static_getter"
    STATIC_SETTER = "static_setter"


@dataclass(frozen=True)
class ExportFunction:
    js_name: str  # the name users see (js_name applied)
    wasm_name: str
    kind: ExportKind
    signature: Signature
    receiver: Receiver = Receiver.NONE
    property: str = ""  # GETTER/SETTER
    comments: tuple[str, ...] = ()
    variadic: bool = False  # the last parameter takes the remaining arguments
    takes_this: bool = False  # #[wasm_bindgen(this)]: the first parameter is JS's `this`
    namespace: tuple[str, ...] = ()  # js_namespace: reached as module.a.b.name


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
    inspectable: bool = False  # #[wasm_bindgen(inspectable)]: toJSON/toString/repr show fields
    namespace: tuple[str, ...] = ()  # js_namespace: reached as module.a.b.Name too
    key: str = ""  # the (namespace-qualified) name descriptors and symbols use

    @property
    def py_name(self) -> str:
        """The name the class is defined under in the glue: its qualified name."""
        return self.key or self.js_name


@dataclass(frozen=True)
class EnumVariantInfo:
    name: str
    value: int
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class EnumType:
    js_name: str
    variants: tuple[EnumVariantInfo, ...]
    hole: int
    comments: tuple[str, ...] = ()
    signed: bool = False


@dataclass(frozen=True)
class StringEnumType:
    js_name: str
    values: tuple[str, ...]  # the JS strings, by variant index
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


INTRINSIC_MODULE = "__wbindgen_placeholder__"  # where the runtime's own functions are found


@dataclass(frozen=True)
class ImportRoot:
    """Where an imported name is looked up: a module (``modules=`` or a Python import) or,
    when ``module`` is empty, the instance's global scope; then each of ``namespace`` in turn.
    ``module_kind`` "intrinsic" means the runtime's own function ``name``."""

    module: str = ""  # the specifier; "" for the global scope
    module_kind: str = ""  # "", "raw", "named" (crate-local file), "inline" or "intrinsic"
    namespace: tuple[str, ...] = ()


INTRINSIC_ROOT = ImportRoot(INTRINSIC_MODULE, "intrinsic")


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

    @property
    def intrinsic(self) -> bool:
        return self.root.module_kind == "intrinsic"


@dataclass(frozen=True)
class ImportStatic:
    shim: str
    root: ImportRoot
    name: str
    type: ValueType
    retptr: bool = False
    optional: bool = False  # Option<T> static: a missing global is None, not an error


@dataclass(frozen=True)
class ImportString:
    """A ``static_string`` import: the shim returns ``value`` as a new JS string."""

    shim: str
    value: str


@dataclass(frozen=True)
class InstanceOf:
    shim: str
    root: ImportRoot
    class_name: str
    prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StructHandle:
    """A placeholder import that turns a struct pointer into a JS object (``new``) or moves
    the pointer out of one (``unwrap``)."""

    shim: str
    class_name: str
    action: str  # "wrap" or "unwrap"


@dataclass(frozen=True)
class ClosureType:
    """A kind of heap closure Rust makes (``Closure<dyn FnMut(A) -> R>``), found at build time.

    ``key`` is what the module hands the host when it makes one: 0.2.83's describe-function
    table index, or a cast's key."""

    key: int
    signature: Signature
    invoke_idx: int
    dtor_idx: int = 0  # the destructor's table index (before 0.2.115; then an export)
    owned: bool = True


@dataclass(frozen=True)
class Cast:
    """One ``wbg_cast``: Rust converts a value of ``source`` into ``target`` through the host
    (``JsValue::from_str``, ``Closure::new``…). The module's cast function was rewritten to pass
    its wasm parameters ``params`` on to the host function in its table slot (the slot of cast
    ``key``), which returns ``results``."""

    key: int
    source: ValueType
    target: ValueType
    params: tuple[str, ...]
    results: tuple[str, ...]
    closure: ClosureType | None = None  # when ``source`` is a closure


@dataclass(frozen=True)
class InlineSnippet:
    """A ``module``/``inline_js`` import the host cannot run: it must come from ``modules=``."""

    specifier: str
    kind: str  # "named" or "inline"
    text: str


@dataclass(frozen=True)
class RawFunction:
    """A plain wasm import or export outside wasm-bindgen (``extern "C" { fn foo(); }``,
    ``#[no_mangle] pub extern "C" fn bar()``): numbers in, numbers out, as a JS host sees it."""

    module: str  # the import's module ("env"); "" for an export
    name: str
    params: tuple[str, ...]  # wasm value types
    results: tuple[str, ...]


@dataclass
class Interface:
    """Everything a backend needs to bind one module."""

    source: str
    crate: str
    schema_version: str = ""
    runtime: RuntimeConfig = field(default_factory=RuntimeConfig)
    functions: list[ExportFunction] = field(default_factory=list)
    classes: list[Class] = field(default_factory=list)
    enums: list[EnumType] = field(default_factory=list)
    string_enums: list[StringEnumType] = field(default_factory=list)
    imports: list[ImportFunction] = field(default_factory=list)
    statics: list[ImportStatic] = field(default_factory=list)
    strings: list[ImportString] = field(default_factory=list)
    instanceofs: list[InstanceOf] = field(default_factory=list)
    struct_handles: list[StructHandle] = field(default_factory=list)
    closures: list[ClosureType] = field(default_factory=list)
    casts: list[Cast] = field(default_factory=list)
    snippets: list[InlineSnippet] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # wasm exports to run once at load, in order
    protocol: dict[str, str] = field(default_factory=dict)  # import -> role the runtime serves
    raw_imports: list[RawFunction] = field(default_factory=list)
    raw_exports: list[RawFunction] = field(default_factory=list)
