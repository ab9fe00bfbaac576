"""Schema programs + descriptors + the module's real imports and exports → ``Interface``.

Follows the CLI's binding rule: an export or import the module does not really have is skipped
(js-sys describes hundreds of imports a module never uses), and every wasm-bindgen import the
module does have must be bound to something.
"""

from __future__ import annotations

import itertools

from ..describe import Descriptor
from ..errors import BindgenError
from ..schema import (
    Export,
    ImportModule,
    ImportType,
    OperationKind,
    Program,
)
from ..schema import (
    ImportFunction as SchemaImportFunction,
)
from ..schema import (
    ImportStatic as SchemaImportStatic,
)
from ..wasm.reader import KIND_FUNC, WasmModule
from . import abi
from .declared import OPERATION_CALLS
from .lower import UnsupportedType, signature, value_type
from .types import (
    CallKind,
    Class,
    EnumType,
    ExportFunction,
    ExportKind,
    Field,
    ImportFunction,
    ImportRoot,
    ImportStatic,
    InlineSnippet,
    InstanceOf,
    Interface,
    Receiver,
    Signature,
)

PLACEHOLDER_MODULE = "__wbindgen_placeholder__"


def lower_name(name: str) -> str:
    return "".join(ch.lower() for ch in name)


def enum_hole(values: list[int]) -> int:
    """The value meaning None for Option<Enum>: the first gap after a used value, else max+1
    (the rule of wasm-bindgen-macro-support 0.2.83)."""
    ordered = sorted(values)
    gaps = (a + 1 for a, b in itertools.pairwise(ordered) if a + 1 != b)
    return next(gaps, ordered[-1] + 1)


class _Builder:
    def __init__(
        self, wasm: WasmModule, descriptors: dict[str, Descriptor], import_arity: dict[str, int]
    ) -> None:
        self.wasm = wasm
        self.source = wasm.source
        self.descriptors = descriptors
        self.exports = {e.name for e in wasm.exports if e.kind == KIND_FUNC}
        self.placeholder_imports = {
            imp.name
            for imp in wasm.imports
            if imp.module == PLACEHOLDER_MODULE and imp.kind == KIND_FUNC
        }
        self.import_arity = import_arity
        self.bound: set[str] = set()
        crate = ""
        self.interface = Interface(source=wasm.source, crate=crate)
        self.classes: dict[str, Class] = {}
        self.inline_counts: dict[str, int] = {}

    # -- helpers ------------------------------------------------------------------------------

    def fail(self, item: str, problem: str) -> BindgenError:
        return BindgenError(f"{self.source}: {item}: {problem}")

    def function_signature(self, item: str, key: str, names: tuple[str, ...]) -> Signature:
        desc = self.descriptors[key]
        if desc.function is None:
            raise self.fail(item, f"its descriptor is {desc}, expected a function")
        try:
            return signature(desc.function, names)
        except UnsupportedType as exc:
            raise self.fail(item, str(exc)) from None

    def class_for(self, name: str) -> Class:
        if name not in self.classes:
            self.classes[name] = Class(name, f"__wbg_{lower_name(name)}_free")
        return self.classes[name]

    # -- exports ------------------------------------------------------------------------------

    def add_export(self, export: Export) -> None:
        fn = export.function
        wasm_name = (
            fn.name if export.class_name is None else (f"{lower_name(export.class_name)}_{fn.name}")
        )
        if wasm_name not in self.descriptors:
            if wasm_name in self.exports:
                raise self.fail(
                    f"export {wasm_name!r}",
                    f"the describe function __wbindgen_describe_{wasm_name} is missing; the "
                    "module was post-processed (wasm-bindgen CLI, wasm-opt) or built without "
                    "#[wasm_bindgen]. Use the .wasm cargo wrote",
                )
            return  # not linked into this module: skipped, as the CLI does
        item = f"export {wasm_name!r}"
        sig = self.function_signature(item, wasm_name, fn.arg_names)
        if fn.asyncness:
            sig = Signature(sig.params, sig.ret, sig.fallible, True, sig.inner_ret)
        kind, receiver, prop = ExportKind.FUNCTION, Receiver.NONE, ""
        mk = export.method_kind
        if export.class_name is not None:
            if mk.constructor:
                kind = ExportKind.CONSTRUCTOR
            elif mk.operation is OperationKind.GETTER:
                kind, prop = ExportKind.GETTER, mk.property or fn.name
            elif mk.operation is OperationKind.SETTER:
                kind, prop = ExportKind.SETTER, mk.property or fn.name
            else:
                kind = ExportKind.STATIC_METHOD if mk.is_static else ExportKind.METHOD
            if not mk.constructor and not mk.is_static:
                receiver = Receiver.CONSUMED if export.consumed else Receiver.BORROWED
        function = ExportFunction(
            fn.name, wasm_name, kind, sig, receiver, prop, export.comments, export.start
        )
        if export.start:
            if self.interface.start is not None:
                raise self.fail(item, "more than one #[wasm_bindgen(start)] function")
            self.interface.start = wasm_name
        if export.class_name is None:
            self.interface.functions.append(function)
        else:
            self.class_for(export.class_name).methods.append(function)

    # -- imports ------------------------------------------------------------------------------

    def root(
        self,
        module: ImportModule | None,
        namespace: tuple[str, ...] | None,
        crate: str,
        inline_js: tuple[str, ...],
        inline_base: int,
    ) -> ImportRoot:
        ns = namespace or ()
        if module is None:
            return ImportRoot(namespace=ns)
        if module.kind == "inline":
            number = inline_base + module.inline_index
            specifier = f"{crate}/inline{number}.js"
            text = inline_js[module.inline_index] if module.inline_index < len(inline_js) else ""
            self.note_snippet(InlineSnippet(specifier, "inline", text))
            return ImportRoot(specifier, "inline", ns)
        return ImportRoot(module.specifier, module.kind, ns)

    def note_snippet(self, snippet: InlineSnippet) -> None:
        if all(s.specifier != snippet.specifier for s in self.interface.snippets):
            self.interface.snippets.append(snippet)

    def check_arity(self, item: str, shim: str, sig: Signature, retptr: bool) -> None:
        expected = sum(len(abi.wasm_values(p.type)) for p in sig.params) + int(retptr)
        actual = self.import_arity.get(shim)
        if actual is not None and actual != expected:
            raise self.fail(
                item,
                f"the wasm import takes {actual} parameters but its Rust signature needs "
                f"{expected}; wasm-bindgen 0.2.83 needs rustc's legacy wasm32 C ABI — build "
                "with Debian's rustc 1.63 (RUSTC=/usr/bin/rustc), not a 2025 or later rustc",
            )

    def unbound_import(self, shim: str) -> bool:
        """The module imports ``shim`` and nothing has been bound to it yet."""
        return shim in self.placeholder_imports and shim not in self.bound

    def add_import_function(
        self, imp: SchemaImportFunction, root: ImportRoot, prefixes: dict[str, tuple[str, ...]]
    ) -> None:
        shim = imp.shim
        if shim not in self.placeholder_imports or shim in self.bound:
            return
        item = f"import {imp.function.name!r} (shim {shim})"
        if shim not in self.descriptors:
            raise self.fail(item, f"the describe function __wbindgen_describe_{shim} is missing")
        sig = self.function_signature(item, shim, imp.function.arg_names)
        call, class_name, name = CallKind.FUNCTION, "", imp.function.name
        if imp.method is not None:
            class_name = imp.method.class_name
            kind = imp.method.kind
            if kind.constructor:
                call = CallKind.CONSTRUCTOR
            else:
                call = OPERATION_CALLS[(kind.operation, kind.is_static)]
                if kind.operation in (OperationKind.GETTER, OperationKind.SETTER):
                    name = kind.property
        retptr = abi.needs_retptr(sig.ret)
        self.check_arity(item, shim, sig, retptr)
        self.bound.add(shim)
        self.interface.imports.append(
            ImportFunction(
                shim,
                root,
                name,
                call,
                sig,
                class_name,
                prefixes.get(class_name, ()),
                imp.catch,
                imp.variadic,
                imp.structural,
                retptr,
            )
        )

    def add_import_static(self, imp: SchemaImportStatic, root: ImportRoot) -> None:
        if imp.shim not in self.placeholder_imports or imp.shim in self.bound:
            return
        item = f"imported static {imp.name!r} (shim {imp.shim})"
        if imp.shim not in self.descriptors:
            raise self.fail(
                item, f"the describe function __wbindgen_describe_{imp.shim} is missing"
            )
        try:
            vt = value_type(self.descriptors[imp.shim])
        except UnsupportedType as exc:
            raise self.fail(item, str(exc)) from None
        self.bound.add(imp.shim)
        self.interface.statics.append(
            ImportStatic(imp.shim, root, imp.name, vt, abi.needs_retptr(vt))
        )

    def add_program(self, program: Program) -> None:
        crate = program.unique_crate_identifier
        if not self.interface.crate:
            self.interface.crate = crate.rsplit("-", 1)[0]
        for local in program.local_modules:
            self.note_snippet(InlineSnippet(local.identifier, "named", local.contents))
        for export in program.exports:
            self.add_export(export)
        prefixes = {
            imp.kind.name: imp.kind.vendor_prefixes
            for imp in program.imports
            if isinstance(imp.kind, ImportType)
        }
        inline_base = self.inline_counts.get(crate, 0)
        for imp in program.imports:
            root = self.root(imp.module, imp.js_namespace, crate, program.inline_js, inline_base)
            kind = imp.kind
            if isinstance(kind, SchemaImportFunction):
                self.add_import_function(kind, root, prefixes)
            elif isinstance(kind, SchemaImportStatic):
                self.add_import_static(kind, root)
            elif isinstance(kind, ImportType) and self.unbound_import(kind.instanceof_shim):
                self.bound.add(kind.instanceof_shim)
                self.interface.instanceofs.append(
                    InstanceOf(kind.instanceof_shim, root, kind.name, kind.vendor_prefixes)
                )
        self.inline_counts[crate] = inline_base + len(program.inline_js)
        for enum in program.enums:
            self.interface.enums.append(
                EnumType(
                    enum.name,
                    tuple((v.name, v.value) for v in enum.variants),
                    enum_hole([v.value for v in enum.variants]),
                    enum.comments,
                )
            )
        for struct in program.structs:
            cls = self.class_for(struct.name)
            cls.comments = struct.comments
            for fld in struct.fields:
                self.add_field(cls, fld.name, fld.readonly, fld.comments)
            wrapper = f"__wbg_{lower_name(struct.name)}_new"
            if wrapper in self.placeholder_imports:
                self.bound.add(wrapper)
                self.interface.struct_wrappers[wrapper] = struct.name

    def add_field(self, cls: Class, name: str, readonly: bool, comments: tuple[str, ...]) -> None:
        getter = f"__wbg_get_{lower_name(cls.js_name)}_{name}"
        setter = None if readonly else f"__wbg_set_{lower_name(cls.js_name)}_{name}"
        if getter not in self.descriptors:
            raise self.fail(
                f"field {cls.js_name}.{name}",
                f"the describe function __wbindgen_describe_{getter} is missing",
            )
        try:
            vt = value_type(self.descriptors[getter])
        except UnsupportedType as exc:
            raise self.fail(f"field {cls.js_name}.{name}", str(exc)) from None
        cls.fields.append(Field(name, vt, getter, setter, comments))

    def finish(self, intrinsics: set[str]) -> Interface:
        interface = self.interface
        interface.classes = sorted(self.classes.values(), key=lambda c: c.js_name)
        interface.functions.sort(key=lambda f: f.js_name)
        for cls in interface.classes:
            cls.methods.sort(key=lambda f: (f.kind.value, f.js_name))
        interface.enums.sort(key=lambda e: e.js_name)
        interface.imports.sort(key=lambda i: i.shim)
        interface.statics.sort(key=lambda s: s.shim)
        interface.instanceofs.sort(key=lambda s: s.shim)
        unbound = []
        for name in sorted(self.placeholder_imports - self.bound):
            if name in intrinsics:
                interface.intrinsics.append(name)
            else:
                unbound.append(name)
        if unbound:
            raise BindgenError(
                f"{self.source}: the module imports {', '.join(unbound[:5])} from "
                f"{PLACEHOLDER_MODULE}, which neither its wasm-bindgen data nor the 0.2.83 "
                "intrinsics describe; was it built with wasm-bindgen 0.2.83?"
            )
        return interface


def build_interface(
    wasm: WasmModule,
    programs: list[Program],
    descriptors: dict[str, Descriptor],
    import_arity: dict[str, int],
    intrinsics: set[str],
) -> Interface:
    """The module's interface. ``import_arity`` maps placeholder import names to their wasm
    parameter counts (checked against the ABI); ``intrinsics`` are the names the runtime serves."""
    builder = _Builder(wasm, descriptors, import_arity)
    for program in programs:
        builder.add_program(program)
    return builder.finish(intrinsics)
