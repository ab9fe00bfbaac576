"""Finding the Python object an import refers to, at call time, as JavaScript does."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from .builtins.array import store_element
from .builtins.errors import ReferenceError
from .builtins.prototypes import ACCESSOR_NAMES, prototype_getter, prototype_member
from .values import null
from .webapis.browser import BROWSER_ONLY, BROWSER_ONLY_WHY

_MISSING = object()


# Types whose instances are plain attribute bags (not mappings, not null): the hot path.
ATTRIBUTE_TYPES: set[type] = set()


def get_property(obj: Any, name: str) -> Any:
    """JS ``obj[name]`` over dicts and attributes; a missing property is ``None`` (undefined)."""
    if type(obj) in ATTRIBUTE_TYPES:
        return getattr(obj, name, None)
    if isinstance(obj, Mapping):
        value = obj.get(name)
    elif obj is None or obj is null:
        raise TypeError(f"Cannot read properties of {obj!r} (reading '{name}')")
    elif isinstance(obj, (list, tuple)) and (index := _array_index(name)) is not None:
        return obj[index] if index < len(obj) else None
    else:
        value = getattr(obj, name, None)
    if value is None:  # not own: JS looks along the prototype chain
        if name in ACCESSOR_NAMES:  # an accessor (``length``…)?
            getter = prototype_getter(obj, name)
            if getter is not None:
                return getter(obj)
        return prototype_member(obj, name)  # a method (``fn.call``), bound to ``obj``
    return value


def _array_index(name: str) -> int | None:
    """The element ``name`` names on a JS array ("0", "12"; not "01" or "-1")."""
    if name.isdigit() and name.isascii() and (name == "0" or name[0] != "0"):
        return int(name)
    return None


def set_property(obj: Any, name: str, value: Any) -> None:
    if isinstance(obj, dict):
        obj[name] = value
    elif isinstance(obj, list) and (index := _array_index(name)) is not None:
        store_element(obj, index, value)
    elif obj is None or obj is null:
        raise TypeError(f"Cannot set properties of {obj!r} (setting '{name}')")
    else:
        setattr(obj, name, value)


def snippet_keys(specifier: str) -> list[str]:
    """The keys ``modules=`` may use for a crate-local module or inline snippet: the full
    specifier (``crate-hash/inline0.js``) or its path within the crate (``inline0.js``,
    ``/js/foo.js``)."""
    path = specifier.split("/", 1)[1] if "/" in specifier else specifier
    return [specifier, path, "/" + path]


class Resolver:
    """Resolves import roots for one instance: its global scope and its ``modules=``."""

    def __init__(self, scope: dict[str, Any], modules: Mapping[str, Any], source: str) -> None:
        self.scope = scope
        self.modules = modules
        self.source = source
        self._module_cache: dict[str, Any] = {}

    def module(self, specifier: str, kind: str) -> Any:
        cached = self._module_cache.get(specifier, _MISSING)
        if cached is not _MISSING:
            return cached
        keys = snippet_keys(specifier) if kind in ("named", "inline") else [specifier]
        for key in keys:
            if key in self.modules:
                self._module_cache[specifier] = self.modules[key]
                return self.modules[key]
        if kind == "raw" and all(part.isidentifier() for part in specifier.split(".")):
            try:
                found = importlib.import_module(specifier)
            except ImportError:
                found = _MISSING
            if found is not _MISSING:
                self._module_cache[specifier] = found
                return found
        raise NameError(
            f"module {specifier!r} is not available (imported by {self.source}); pass it with "
            f"wasmbindgen.load(..., modules={{{specifier!r}: <module, object or dict>}})"
        )

    def root(self, module: str, kind: str, namespace: tuple[str, ...], what: str) -> Any:
        """The object an import's names are looked up in (``None`` means the global scope)."""
        if module:
            obj = self.module(module, kind)
        elif namespace:
            head = namespace[0]
            if head not in self.scope:
                raise undefined_global(head, what)
            obj = self.scope[head]
            namespace = namespace[1:]
        else:
            return self.scope
        for part in namespace:
            obj = get_property(obj, part)
        return obj

    def lookup(
        self, module: str, kind: str, namespace: tuple[str, ...], name: str, what: str
    ) -> Any:
        if not module and not namespace:  # a global (``queueMicrotask``): the common case
            found = self.scope.get(name, _MISSING)
            if found is not _MISSING:
                return found
        if "." in name:  # js_name = "prototype.set.call": a property path
            first, *path = name.split(".")
            value = self.lookup(module, kind, namespace, first, what)
            for part in path:
                value = get_property(value, part)
                if value is None:
                    dotted = ".".join((*namespace, name))
                    raise NameError(f"{dotted} is not defined ({what})")
            return value
        obj = self.root(module, kind, namespace, what)
        if obj is self.scope:
            if name not in obj:
                raise undefined_global(name, what)
            return obj[name]
        value = get_property(obj, name)
        if value is None and not module:
            dotted = ".".join((*namespace, name))
            raise NameError(f"{dotted} is not defined ({what})")
        if value is None and module and not _has(obj, name):
            raise NameError(f"{name} is not defined in module {module!r} ({what})")
        return value

    def lookup_class(
        self,
        module: str,
        kind: str,
        namespace: tuple[str, ...],
        name: str,
        prefixes: tuple[str, ...],
        what: str,
    ) -> Any:
        """A class, trying vendor-prefixed names (``webkitFoo``) after the plain one."""
        try:
            return self.lookup(module, kind, namespace, name, what)
        except NameError:
            for prefix in prefixes:
                try:
                    return self.lookup(module, kind, namespace, prefix + name, what)
                except NameError:
                    continue
            raise


def undefined_global(name: str, what: str) -> ReferenceError:
    """The ``ReferenceError`` (a ``NameError``) JS raises for a global nobody defined."""
    if name in BROWSER_ONLY:
        return ReferenceError(
            f"{name} is not defined ({what}): it is {BROWSER_ONLY_WHY}; pass "
            f"a stand-in with wasmbindgen.load(..., globals={{{name!r}: ...}}) if the crate "
            "needs one"
        )
    return ReferenceError(
        f"{name} is not defined ({what}); provide it with "
        f"wasmbindgen.load(..., globals={{{name!r}: ...}})"
    )


def _has(obj: Any, name: str) -> bool:
    if isinstance(obj, Mapping):
        return name in obj
    return hasattr(obj, name)
