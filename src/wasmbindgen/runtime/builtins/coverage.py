"""Which declared bindings the default global scope implements (``imports`` and the coverage
figure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...model.declared import DeclaredImport
from ...model.types import CallKind
from ..resolve import get_property
from ..webapis.browser import PROBED_BY_JS_SYS
from .prototypes import PROTOTYPES, has_member

# JS features wasmbindgen does not provide: they need a JS engine (eval, Proxy), ICU (Intl), a
# calendar and time-zone database (Temporal) or a nested wasm engine (WebAssembly). Calling one
# raises a clear unsupported error.
UNSUPPORTED_ROOTS = frozenset({"eval", "Proxy", "Intl", "Temporal", "WebAssembly"})
# js-sys bindings without a ``js_name``, whose Rust name no JS engine has either: calling one
# fails in a browser as here ("... is not a function").
ABSENT_IN_JS = frozenset(
    {
        "Array.prototype.concat_many",
        "String.prototype.concat_many",
        "SharedArrayBuffer.prototype.slice_from",
        "Atomics.notify_bigint",
        "Generator.prototype.next_iterator",
        "AsyncIterator.prototype.next_iterator",
        "Reflect.set_symbol",
        "Atomics.pause_with_hint",
    }
)
# Members that hand out values of an unsupported family.
UNSUPPORTED_MEMBERS = frozenset({"Date.prototype.toTemporalInstant"})
# Browser-only globals js-sys probes for: defining them would tell crates they run in a browser.
ABSENT_BY_DESIGN = PROBED_BY_JS_SYS
# js-sys types whose methods are declared on the Rust name, not the JS class.
CLASS_ALIASES = {"JsString": "String", "MaybeIterator": "Iterator", "IteratorNext": "Object"}


def _get(owner: Any, name: str) -> Any:
    try:
        return get_property(owner, name)
    except Exception:
        return None


def provides(scope: dict[str, Any], binding: DeclaredImport) -> bool:
    """Whether looking ``binding`` up in ``scope`` finds an implementation."""
    owner: Any = scope
    for part in binding.namespace:
        owner = _get(owner, part)
        if owner is None:
            return False
    if binding.kind == "static":
        return _get(owner, binding.name) is not None
    if binding.kind == "type":  # an instanceof check needs the class
        return callable(_get(owner, CLASS_ALIASES.get(binding.class_name, binding.class_name)))
    call = binding.call
    if call is CallKind.FUNCTION:  # a dotted js_name walks a path: "prototype.set.call"
        for part in binding.name.split("."):
            owner = _get(owner, part)
        return callable(owner)
    class_name = CLASS_ALIASES.get(binding.class_name, binding.class_name)
    cls = _get(owner, class_name)
    if call is CallKind.CONSTRUCTOR:
        return callable(cls)
    if call in (CallKind.METHOD, CallKind.GETTER, CallKind.SETTER):
        if has_member(class_name, binding.name) or (class_name, binding.name) in _STEP_FIELDS:
            return True
        return cls is not None and (
            hasattr(cls, binding.name) or binding.name in getattr(cls, "JS_PROPERTIES", ())
        )
    if call in (CallKind.STATIC_METHOD, CallKind.STATIC_GETTER, CallKind.STATIC_SETTER):
        return cls is not None and (
            hasattr(cls, binding.name) or _get(cls, binding.name) is not None
        )
    return cls is not None or class_name in PROTOTYPES  # indexing: generic


# js-sys reads an iterator step's ``done``/``value`` through its ``IteratorNext`` type: they are
# own keys of the step dicts ``JsIterator.next`` returns, not prototype members.
_STEP_FIELDS = frozenset({("Object", "done"), ("Object", "value")})


@dataclass
class Coverage:
    implemented: list[DeclaredImport] = field(default_factory=list)
    missing: list[DeclaredImport] = field(default_factory=list)
    unsupported: list[DeclaredImport] = field(default_factory=list)
    # members of dictionary types (options bags, result records): any object serves them
    structural: list[DeclaredImport] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Implemented / (implemented + missing): unsupported features are left out."""
        counted = len(self.implemented) + len(self.missing)
        return len(self.implemented) / counted if counted else 1.0


def coverage(scope: dict[str, Any], bindings: Iterable[DeclaredImport]) -> Coverage:
    result = Coverage()
    for binding in bindings:
        if binding.kind == "type" or binding.module:
            continue  # instanceof checks (see provides()), and wasm-bindgen's own intrinsics
        path = binding.js_path
        if (
            binding.root_name in UNSUPPORTED_ROOTS | ABSENT_BY_DESIGN
            or path in ABSENT_IN_JS
            or path in UNSUPPORTED_MEMBERS
        ):
            result.unsupported.append(binding)
        elif provides(scope, binding):
            result.implemented.append(binding)
        elif binding.dictionary:
            result.structural.append(binding)
        else:
            result.missing.append(binding)
    return result
