"""Every import a module's ``#[wasm_bindgen]`` programs declare, used or not.

A module linking js-sys carries the whole of js-sys's extern blocks in its custom section, even
when LTO dropped the wasm imports it does not use: that list is what the built-ins coverage
figure is measured against.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.program import ImportFunction as SchemaImportFunction
from ..schema.program import ImportStatic as SchemaImportStatic
from ..schema.program import ImportType as SchemaImportType
from ..schema.program import OperationKind, Program
from .types import CallKind, ImportFunction, ImportStatic, InstanceOf

OPERATION_CALLS = {
    (OperationKind.REGULAR, False): CallKind.METHOD,
    (OperationKind.REGULAR, True): CallKind.STATIC_METHOD,
    (OperationKind.GETTER, False): CallKind.GETTER,
    (OperationKind.GETTER, True): CallKind.STATIC_GETTER,
    (OperationKind.SETTER, False): CallKind.SETTER,
    (OperationKind.SETTER, True): CallKind.STATIC_SETTER,
    (OperationKind.INDEXING_GETTER, False): CallKind.INDEXING_GETTER,
    (OperationKind.INDEXING_GETTER, True): CallKind.STATIC_INDEXING_GETTER,
    (OperationKind.INDEXING_SETTER, False): CallKind.INDEXING_SETTER,
    (OperationKind.INDEXING_SETTER, True): CallKind.STATIC_INDEXING_SETTER,
    (OperationKind.INDEXING_DELETER, False): CallKind.INDEXING_DELETER,
    (OperationKind.INDEXING_DELETER, True): CallKind.STATIC_INDEXING_DELETER,
}


@dataclass(frozen=True)
class DeclaredImport:
    """One binding: ``kind`` is "function", "static" (an imported value) or "type"."""

    crate: str
    module: str  # the module specifier; "" for the global scope
    namespace: tuple[str, ...]
    class_name: str
    name: str
    kind: str
    call: CallKind = CallKind.FUNCTION
    structural: bool = True  # a member looked up on the receiver (the default), not the class
    # a member of a type no JS global stands for (an options bag, a result record): any object
    # with the property serves it
    dictionary: bool = False

    @property
    def js_path(self) -> str:
        """How JS code would spell the binding: ``Math.abs``, ``new Date``,
        ``Array.prototype.push``, ``Promise.resolve``, ``instanceof Map``."""
        owner = ".".join((*self.namespace, self.class_name) if self.class_name else self.namespace)
        if self.kind == "type":
            return f"instanceof {owner}"
        call = self.call
        if call is CallKind.CONSTRUCTOR:
            return f"new {owner}"
        if call in (CallKind.METHOD, CallKind.GETTER, CallKind.SETTER):
            return f"{owner}.prototype.{self.name}"
        if call.value.startswith(("indexing", "static_indexing")):
            return f"{owner}[index]"
        return f"{owner}.{self.name}" if owner else self.name

    @property
    def root_name(self) -> str:
        """The global name everything else hangs off (``Math``, ``Array``, ``parseInt``)."""
        first = self.namespace[0] if self.namespace else (self.class_name or self.name)
        return first.split(".")[0]  # js_class "Intl.Collator" belongs to Intl


# calls whose target is looked up on the receiver (``this``)
MEMBER_CALLS = frozenset(
    {
        CallKind.METHOD,
        CallKind.GETTER,
        CallKind.SETTER,
        CallKind.INDEXING_GETTER,
        CallKind.INDEXING_SETTER,
        CallKind.INDEXING_DELETER,
    }
)


def declared_imports(programs: list[Program]) -> list[DeclaredImport]:
    """One binding per JS member the programs declare. A member inherits the JS namespace of
    its type (``Intl.Locale.prototype.baseName``); a type with neither a constructor nor a
    static member is a dictionary type, whose members any object serves."""
    type_namespaces: dict[str, tuple[str, ...]] = {}
    global_classes: set[str] = set()
    for program in programs:
        for imp in program.imports:
            kind = imp.kind
            if isinstance(kind, SchemaImportType) and imp.js_namespace:
                type_namespaces[kind.name] = imp.js_namespace
            elif isinstance(kind, SchemaImportFunction) and kind.method is not None:
                method = kind.method.kind
                if method.constructor or method.is_static:
                    global_classes.add(kind.method.class_name)
    found: dict[tuple[object, ...], DeclaredImport] = {}
    for program in programs:
        crate = program.crate_name
        for imp in program.imports:
            module = imp.module.specifier if imp.module is not None else ""
            namespace = imp.js_namespace or ()
            kind = imp.kind
            if isinstance(kind, SchemaImportFunction):
                class_name, name, call = "", kind.function.name, CallKind.FUNCTION
                if kind.method is not None:
                    method = kind.method.kind
                    class_name = kind.method.class_name
                    if method.constructor:
                        call, name = CallKind.CONSTRUCTOR, class_name
                    else:
                        call = OPERATION_CALLS[(method.operation, method.is_static)]
                        name = method.property or name
                member = call in MEMBER_CALLS
                if member and not namespace:
                    namespace = type_namespaces.get(class_name, ())
                binding = DeclaredImport(
                    crate,
                    module,
                    namespace,
                    class_name,
                    name,
                    "function",
                    call,
                    kind.structural,
                    member and kind.structural and class_name not in global_classes,
                )
            elif isinstance(kind, SchemaImportStatic):
                binding = DeclaredImport(crate, module, namespace, "", kind.name, "static")
            elif isinstance(kind, SchemaImportType):
                binding = DeclaredImport(crate, module, namespace, kind.name, kind.name, "type")
            else:
                continue
            # overloads (new_0, new_with_length, …) bind the same JS member: count it once
            found.setdefault((binding.module, binding.js_path, binding.kind), binding)
    return list(found.values())


def declared_from(item: ImportFunction | ImportStatic | InstanceOf, crate: str) -> DeclaredImport:
    """The binding behind an import the module uses (for its JS spelling and its lookup)."""
    root = item.root
    if isinstance(item, ImportFunction):
        return DeclaredImport(
            crate, root.module, root.namespace, item.class_name, item.name, "function", item.call
        )
    if isinstance(item, ImportStatic):
        return DeclaredImport(crate, root.module, root.namespace, "", item.name, "static")
    return DeclaredImport(crate, root.module, root.namespace, item.class_name, "", "type")
