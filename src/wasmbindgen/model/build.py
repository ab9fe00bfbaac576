"""Programs + descriptors + the module's real imports and exports → ``Interface``.

Follows the CLI's binding rule: an export or import the module does not really have is skipped
(js-sys describes hundreds of imports a module never uses), and every wasm-bindgen import the
module does have must be bound to something.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from ..describe import Descriptions, Descriptor, Tag
from ..errors import BindgenError
from ..runtime.config import RuntimeConfig
from ..runtime.intrinsics import NAMES as INTRINSIC_NAMES
from ..schema import (
    Export,
    ImportModule,
    ImportString,
    ImportType,
    OperationKind,
    Program,
    StartKind,
    StringEnum,
)
from ..schema import ImportFunction as SchemaImportFunction
from ..schema import ImportStatic as SchemaImportStatic
from ..wasm.reader import KIND_FUNC, WasmModule
from . import types as m
from .abi import AbiRules, wasm_params
from .declared import OPERATION_CALLS
from .host import HostRules
from .lower import Lowering, UnsupportedType
from .naming import Naming, qualified_name

PLACEHOLDER_MODULE = "__wbindgen_placeholder__"
XFORM_MODULE = "__wbindgen_externref_xform__"


def enum_hole(values: list[int]) -> int:
    """The value meaning None for Option<Enum>: the first gap after a used value, else max+1
    (the rule of wasm-bindgen-macro-support 0.2.83)."""
    ordered = sorted(values)
    gaps = (a + 1 for a, b in itertools.pairwise(ordered) if a + 1 != b)
    return next(gaps, ordered[-1] + 1)


@dataclass(frozen=True)
class Rules:
    """A release's rules, as the model builder needs them."""

    naming: Naming
    abi: AbiRules
    host: HostRules
    runtime: RuntimeConfig
    toolchain: str = ""  # how the release's modules are built, for the C ABI message


class _Builder:
    def __init__(self, wasm: WasmModule, descriptions: Descriptions, rules: Rules) -> None:
        self.wasm = wasm
        self.source = wasm.source
        self.descriptors = descriptions.items
        self.descriptions = descriptions
        self.rules = rules
        self.naming = rules.naming
        self.lower = Lowering(rules.abi)
        self.exports = {e.name for e in wasm.exports if e.kind == KIND_FUNC}
        self.placeholder_imports: dict[str, int] = {}
        for imp in wasm.imports:
            if imp.module in (PLACEHOLDER_MODULE, XFORM_MODULE) and imp.kind == KIND_FUNC:
                self.placeholder_imports[imp.name] = len(wasm.types[imp.type_index].params)
        self.bound: set[str] = set()
        self.interface = m.Interface(
            source=wasm.source,
            crate="",
            schema_version=rules.runtime.schema_version,
            runtime=rules.runtime,
        )
        self.classes: dict[str, m.Class] = {}
        self.inline_counts: dict[str, int] = {}

    # -- helpers ------------------------------------------------------------------------------

    def fail(self, item: str, problem: str) -> BindgenError:
        return BindgenError(f"{self.source}: {item}: {problem}")

    def descriptor(self, item: str, key: str) -> Descriptor:
        desc = self.descriptors.get(key)
        if desc is None:
            raise self.fail(item, f"the describe function __wbindgen_describe_{key} is missing")
        return desc

    def function_signature(
        self, item: str, key: str, names: tuple[str, ...], into_rust: bool
    ) -> m.Signature:
        desc = self.descriptor(item, key)
        if desc.function is None:
            raise self.fail(item, f"its descriptor is {desc}, expected a function")
        try:
            return self.lower.signature(desc.function, names, into_rust)
        except UnsupportedType as exc:
            raise self.fail(item, str(exc)) from None

    def value_type(self, item: str, desc: Descriptor) -> m.ValueType:
        self._inline_string_enums(desc)
        try:
            return self.lower.value(desc)
        except UnsupportedType as exc:
            raise self.fail(item, str(exc)) from None

    def _inline_string_enums(self, desc: Descriptor) -> None:
        """0.2.93 names a string enum's strings in its descriptors, not in the section."""
        for found in _walk(desc):
            known = {e.js_name for e in self.interface.string_enums}
            if found.tag is Tag.STRING_ENUM and found.strings and found.name not in known:
                self.interface.string_enums.append(m.StringEnumType(found.name, found.strings))

    def class_for(self, key: str, js_name: str, crate_hash: str) -> m.Class:
        if key not in self.classes:
            free = self.naming.struct(key, "free", crate_hash)
            self.classes[key] = m.Class(js_name, free, key=key)
        return self.classes[key]

    def bind(self, shim: str) -> bool:
        """Claim placeholder import ``shim`` if the module has it and nothing has it yet."""
        if shim not in self.placeholder_imports or shim in self.bound:
            return False
        self.bound.add(shim)
        return True

    # -- exports ------------------------------------------------------------------------------

    def add_export(self, export: Export, program: Program) -> None:
        fn = export.function
        wasm_name = self.naming.export(
            export.class_name, fn.name, export.js_namespace, program.crate_hash
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
        item = f"export {fn.name!r}"
        if fn.jspi:
            raise self.fail(item, _JSPI)
        if wasm_name not in self.exports:
            raise self.fail(
                item,
                f"the module has its descriptor but no export {wasm_name!r}; two exports with "
                "one name but different signatures? Rename one",
            )
        if export.start is not StartKind.NONE:
            self.interface.starts.append(wasm_name)
            if export.start is StartKind.PRIVATE:
                return
        sig = self.function_signature(item, wasm_name, fn.arg_names, into_rust=True)
        if fn.asyncness:
            sig = replace(sig, is_async=True)
        sig = replace(sig, params=_optional_tail(sig.params, fn.variadic))
        kind, receiver, prop = m.ExportKind.FUNCTION, m.Receiver.NONE, ""
        mk = export.method_kind
        if export.class_name is not None:
            if mk.constructor:
                kind = m.ExportKind.CONSTRUCTOR
            elif mk.operation is OperationKind.GETTER:
                kind = m.ExportKind.STATIC_GETTER if mk.is_static else m.ExportKind.GETTER
                prop = mk.property or fn.name
            elif mk.operation is OperationKind.SETTER:
                kind = m.ExportKind.STATIC_SETTER if mk.is_static else m.ExportKind.SETTER
                prop = mk.property or fn.name
            else:
                kind = m.ExportKind.STATIC_METHOD if mk.is_static else m.ExportKind.METHOD
            if not mk.constructor and not mk.is_static:
                receiver = m.Receiver.CONSUMED if export.consumed else m.Receiver.BORROWED
        function = m.ExportFunction(
            fn.name,
            wasm_name,
            kind,
            sig,
            receiver,
            prop,
            export.comments,
            variadic=fn.variadic,
            takes_this=mk.operation is OperationKind.REGULAR_THIS,
            namespace=export.js_namespace or () if export.class_name is None else (),
        )
        if export.class_name is None:
            self.interface.functions.append(function)
        else:
            key = self.naming.struct_name(export.class_name, export.js_namespace)
            self.class_for(key, export.class_name, program.crate_hash).methods.append(function)

    # -- imports ------------------------------------------------------------------------------

    def root(
        self,
        module: ImportModule | None,
        namespace: tuple[str, ...] | None,
        crate: str,
        inline_js: tuple[str, ...],
        inline_base: int,
    ) -> m.ImportRoot:
        ns = namespace or ()
        if module is None:
            return m.ImportRoot(namespace=ns)
        if module.kind == "inline":
            number = inline_base + module.inline_index
            specifier = f"{crate}/inline{number}.js"
            text = inline_js[module.inline_index] if module.inline_index < len(inline_js) else ""
            self.note_snippet(m.InlineSnippet(specifier, "inline", text))
            return m.ImportRoot(specifier, "inline", ns)
        return m.ImportRoot(module.specifier, module.kind, ns)

    def note_snippet(self, snippet: m.InlineSnippet) -> None:
        if all(s.specifier != snippet.specifier for s in self.interface.snippets):
            self.interface.snippets.append(snippet)

    def check_arity(self, item: str, shim: str, sig: m.Signature) -> None:
        expected = wasm_params(sig)
        actual = self.placeholder_imports.get(shim)
        if actual is not None and actual != expected:
            raise self.fail(
                item,
                f"the wasm import takes {actual} parameters but its Rust signature needs "
                f"{expected}; this wasm-bindgen release needs {self.rules.toolchain}",
            )

    def add_import_function(
        self, imp: SchemaImportFunction, root: m.ImportRoot, prefixes: dict[str, tuple[str, ...]]
    ) -> None:
        shim = imp.shim
        if not self.bind(shim):
            return
        item = f"import {imp.function.name!r} (shim {shim})"
        if imp.suspending:
            raise self.fail(item, _JSPI)
        if imp.generic_per_mono:
            return  # reached only through the generic-import marker (refused there)
        sig = self.function_signature(item, shim, imp.function.arg_names, into_rust=False)
        call, class_name, name = m.CallKind.FUNCTION, "", imp.function.name
        if root.module_kind == "raw" and root.module == PLACEHOLDER_MODULE:
            function = self.rules.host.described_intrinsics.get(name)
            refused = self.rules.host.refused.get(name)
            if refused is not None:
                raise self.fail(item, refused)
            if function is None:
                raise self.fail(item, f"{name} is not an intrinsic this wasmbindgen knows")
            self.check_arity(item, shim, sig)
            self.interface.imports.append(
                m.ImportFunction(shim, m.INTRINSIC_ROOT, function, call, sig, catch=imp.catch)
            )
            return
        if imp.method is not None:
            class_name = imp.method.class_name
            kind = imp.method.kind
            if kind.constructor:
                call = m.CallKind.CONSTRUCTOR
            else:
                call = OPERATION_CALLS[(kind.operation, kind.is_static)]
                if kind.operation in (OperationKind.GETTER, OperationKind.SETTER):
                    name = kind.property
        self.check_arity(item, shim, sig)
        self.interface.imports.append(
            m.ImportFunction(
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
            )
        )

    def add_import_static(self, imp: SchemaImportStatic, root: m.ImportRoot) -> None:
        if not self.bind(imp.shim):
            return
        item = f"imported static {imp.name!r} (shim {imp.shim})"
        vt = self.value_type(item, self.descriptor(item, imp.shim))
        self.interface.statics.append(
            m.ImportStatic(imp.shim, root, imp.name, vt, len(vt.abi.wasm) > 1, vt.optional)
        )

    def add_raw_intrinsics(self) -> None:
        for shim, intrinsic in self.rules.host.raw_intrinsics.items():
            if not self.bind(shim):
                continue
            item = f"intrinsic {shim}"
            try:
                sig = self.lower.signature(intrinsic.signature, into_rust=False)
            except UnsupportedType as exc:  # pragma: no cover - the tables are ours
                raise self.fail(item, str(exc)) from None
            self.check_arity(item, shim, sig)
            self.interface.imports.append(
                m.ImportFunction(
                    shim, m.INTRINSIC_ROOT, intrinsic.function, m.CallKind.FUNCTION, sig
                )
            )

    # -- closures and casts -------------------------------------------------------------------

    def add_closures(self) -> None:
        for index, closure in sorted(self.descriptions.closures.items()):
            item = f"closure type (describe function {index})"
            try:
                sig = self.lower.signature(closure.function)
            except UnsupportedType as exc:
                raise self.fail(item, str(exc)) from None
            self.interface.closures.append(
                m.ClosureType(
                    index,
                    replace(sig, mutable=closure.mutable),
                    closure.invoke_idx,
                    closure.dtor_idx,
                )
            )

    def add_casts(self) -> None:
        for site in self.descriptions.casts:
            item = f"cast function {site.function}"
            if site.generic_key:
                raise self.fail(
                    f"generic import {site.generic_key!r}",
                    "#[wasm_bindgen(experimental_generic_mono)] imports (js-sys's "
                    "js_sys_unstable_apis) are not supported; build without that cfg",
                )
            function = site.descriptor
            if len(function.args) != 1:
                raise self.fail(item, f"a cast takes one value, this one {len(function.args)}")
            (source_desc,) = function.args
            source = self.value_type(item, source_desc)
            target = self.value_type(item, function.ret)
            closure = None
            if source_desc.tag is Tag.CLOSURE and source_desc.closure is not None:
                described = source_desc.closure
                assert source.closure is not None
                closure = m.ClosureType(
                    site.key,
                    source.closure,
                    described.invoke_idx,
                    dtor_idx=described.dtor_idx,  # 0.2.102-0.2.114: the host calls it
                    owned=described.owned,
                )
                self.interface.closures.append(closure)
            ftype = self.wasm.function_type(site.function)
            self.interface.casts.append(
                m.Cast(site.key, source, target, ftype.params, ftype.results, closure)
            )

    # -- programs -----------------------------------------------------------------------------

    def add_program(self, program: Program) -> None:
        crate = program.unique_crate_identifier
        if not self.interface.crate:
            self.interface.crate = program.crate_name
        for local in program.local_modules:
            self.note_snippet(m.InlineSnippet(local.identifier, "named", local.contents))
        for export in program.exports:
            self.add_export(export, program)
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
            elif isinstance(kind, ImportString):
                if self.bind(kind.shim):
                    self.interface.strings.append(m.ImportString(kind.shim, kind.string))
            elif isinstance(kind, ImportType):
                if self.bind(kind.instanceof_shim):
                    self.interface.instanceofs.append(
                        m.InstanceOf(kind.instanceof_shim, root, kind.name, kind.vendor_prefixes)
                    )
            elif isinstance(kind, StringEnum) and kind.name:
                self.interface.string_enums.append(
                    m.StringEnumType(
                        qualified_name(kind.js_namespace, kind.name),
                        kind.variant_values,
                        kind.comments,
                    )
                )
        self.inline_counts[crate] = inline_base + len(program.inline_js)
        for enum in program.enums:
            self.interface.enums.append(
                m.EnumType(
                    qualified_name(enum.js_namespace, enum.name),
                    tuple(m.EnumVariantInfo(v.name, v.value, v.comments) for v in enum.variants),
                    enum_hole([v.value for v in enum.variants]),
                    enum.comments,
                    enum.signed,
                )
            )
        for struct in program.structs:
            key = self.naming.struct_name(struct.name, struct.js_namespace)
            cls = self.class_for(key, struct.name, program.crate_hash)
            cls.comments = struct.comments
            cls.inspectable = struct.is_inspectable
            cls.namespace = struct.js_namespace or ()
            for fld in struct.fields:
                self.add_field(cls, key, fld.name, fld.readonly, fld.comments, program.crate_hash)
            for action in ("wrap", "unwrap"):
                shim = self.naming.struct(
                    key, "new" if action == "wrap" else action, program.crate_hash
                )
                if self.bind(shim):
                    self.interface.struct_handles.append(m.StructHandle(shim, key, action))

    def add_field(
        self,
        cls: m.Class,
        key: str,
        name: str,
        readonly: bool,
        comments: tuple[str, ...],
        crate_hash: str,
    ) -> None:
        getter = self.naming.field(key, name, False, crate_hash)
        setter = None if readonly else self.naming.field(key, name, True, crate_hash)
        if getter not in self.descriptors and getter not in self.exports:
            return  # #[wasm_bindgen(skip)] or not linked
        item = f"field {cls.js_name}.{name}"
        vt = self.value_type(item, self.descriptor(item, getter))
        cls.fields.append(m.Field(name, vt, getter, setter, comments))

    def add_raw_functions(self) -> None:
        """Plain wasm imports (from modules other than wasm-bindgen's) and exports (named
        without a leading ``__``, not a wasm-bindgen export) pass numbers through."""
        wasm, interface = self.wasm, self.interface
        index = 0
        for imp in wasm.imports:
            if imp.kind != KIND_FUNC:
                continue
            if imp.module not in (PLACEHOLDER_MODULE, XFORM_MODULE):
                ftype = wasm.function_type(index)
                interface.raw_imports.append(
                    m.RawFunction(imp.module, imp.name, ftype.params, ftype.results)
                )
            index += 1
        bindgen = {fn.wasm_name for fn in interface.functions}
        for cls in interface.classes:
            bindgen |= {cls.free, *(fn.wasm_name for fn in cls.methods)}
            bindgen |= {name for f in cls.fields for name in (f.getter, f.setter) if name}
        bindgen |= set(interface.starts)
        for export in wasm.exports:
            name = export.name
            if export.kind != KIND_FUNC or name.startswith("__") or name in bindgen:
                continue
            ftype = wasm.function_type(export.index)
            interface.raw_exports.append(m.RawFunction("", name, ftype.params, ftype.results))

    def finish(self) -> m.Interface:
        interface = self.interface
        self.add_raw_intrinsics()
        self.add_closures()
        self.add_casts()
        interface.classes = sorted(self.classes.values(), key=lambda c: c.js_name)
        self.add_raw_functions()
        interface.functions.sort(key=lambda f: f.js_name)
        for cls in interface.classes:
            cls.methods.sort(key=lambda f: (f.kind.value, f.js_name))
        interface.enums.sort(key=lambda e: e.js_name)
        interface.string_enums.sort(key=lambda e: e.js_name)
        interface.snippets.sort(key=lambda s: (s.kind, s.specifier))
        interface.imports.sort(key=lambda i: i.shim)
        interface.statics.sort(key=lambda s: s.shim)
        interface.strings.sort(key=lambda s: s.shim)
        interface.instanceofs.sort(key=lambda s: s.shim)
        interface.struct_handles.sort(key=lambda s: s.shim)
        for imp in interface.imports:
            if imp.intrinsic and imp.name not in INTRINSIC_NAMES:  # pragma: no cover - ours
                raise self.fail(f"intrinsic {imp.shim}", f"no runtime function {imp.name!r}")
        unbound = []
        for name in sorted(set(self.placeholder_imports) - self.bound):
            role = self.rules.host.protocol.get(name)
            if role is not None:
                interface.protocol[name] = role
            else:
                unbound.append(name)
        if unbound:
            link = [n for n in unbound if n.startswith("__wbindgen_link_")]
            if link:
                raise BindgenError(
                    f"{self.source}: the module uses wasm_bindgen::link_to! ({link[0]}), which "
                    "needs a JavaScript bundler's URL for a JS file; not supported"
                )
            raise BindgenError(
                f"{self.source}: the module imports {', '.join(unbound[:5])} from "
                f"{PLACEHOLDER_MODULE}, which neither its wasm-bindgen data nor the intrinsics of "
                f"schema {interface.schema_version} describe; was it built with the wasm-bindgen "
                "release its custom section names?"
            )
        return interface


_JSPI = (
    "it uses JSPI (#[wasm_bindgen(jspi)] exports or suspending imports), which needs "
    "stack switching; wasmbindgen cannot suspend a wasm call. Use async fn and JsFuture instead"
)


def _optional_tail(params: tuple[m.Param, ...], variadic: bool) -> tuple[m.Param, ...]:
    """Trailing ``Option`` parameters may be left out, as JS passes ``undefined`` for them."""
    out = list(params)
    i = len(out) - (1 if variadic else 0)
    while i > 0 and out[i - 1].type.optional:
        out[i - 1] = replace(out[i - 1], optional=True)
        i -= 1
    return tuple(out)


def build_interface(
    wasm: WasmModule, programs: list[Program], descriptions: Descriptions, rules: Rules
) -> m.Interface:
    """The module's interface under its release's ``rules``."""
    builder = _Builder(wasm, descriptions, rules)
    for program in programs:
        builder.add_program(program)
    return builder.finish()


def _walk(desc: Descriptor) -> list[Descriptor]:
    """``desc`` and every descriptor inside it (wrapped types, function signatures)."""
    found, stack = [], [desc]
    while stack:
        current = stack.pop()
        found.append(current)
        if current.inner is not None:
            stack.append(current.inner)
        function = current.function or (current.closure.function if current.closure else None)
        if function is not None:
            stack += [*function.args, function.ret, function.inner_ret]
        stack += current.variants
    return found
