"""How a release names the wasm symbols of ``#[wasm_bindgen]`` items.

The rules are wasm-bindgen-shared's: struct symbols lowercase the struct's (qualified) name,
exports may be prefixed by their JS namespace (0.2.106+) and, from 0.2.128, carry the crate's
hash so that same-named items of two crates link side by side.
"""

from __future__ import annotations

from dataclasses import dataclass


def lower_name(name: str) -> str:
    return "".join(ch.lower() for ch in name)


def qualified_name(namespace: tuple[str, ...] | None, name: str) -> str:
    """``a__b__Name`` for ``Name`` in JS namespace ``a.b``."""
    return "__".join((*namespace, name)) if namespace else name


def symbol_suffix(name: str) -> str:
    """A JS name as a symbol suffix: ``[Symbol.iterator]`` becomes ``Symbol_iterator``."""
    out = []
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch == "_"):
            out.append(ch)
        elif ch == "." or ch not in "[]":
            out.append("_")
    return "".join(out)


@dataclass(frozen=True)
class Naming:
    namespaced: bool = False  # js_namespace prefixes export symbols (0.2.106+)
    sanitized: bool = False  # non-identifier characters of JS names are rewritten (0.2.121+)
    crate_mangled: bool = False  # export and struct symbols end in _<crate hash> (0.2.128+)

    def mangle(self, base: str, crate_hash: str) -> str:
        return f"{base}_{crate_hash}" if self.crate_mangled else base

    def suffix(self, name: str) -> str:
        return symbol_suffix(name) if self.sanitized else name

    def export(
        self, class_name: str | None, name: str, namespace: tuple[str, ...] | None, crate_hash: str
    ) -> str:
        """The wasm export of a function, method or constructor."""
        base = (
            self.suffix(name)
            if class_name is None
            else f"{lower_name(class_name)}_{self.suffix(name)}"
        )
        if self.namespaced and namespace:
            base = "__".join((*namespace, base))
        return self.mangle(base, crate_hash)

    def struct(self, qualified: str, action: str, crate_hash: str) -> str:
        """``__wbg_<struct>_<action>``: the ``free`` export, the ``new``/``unwrap`` imports."""
        return self.mangle(f"__wbg_{lower_name(qualified)}_{action}", crate_hash)

    def field(self, qualified: str, field: str, setter: bool, crate_hash: str) -> str:
        prefix = "__wbg_set_" if setter else "__wbg_get_"
        return self.mangle(f"{prefix}{lower_name(qualified)}_{self.suffix(field)}", crate_hash)

    def struct_name(self, name: str, namespace: tuple[str, ...] | None) -> str:
        """The name a struct's symbols and descriptors use."""
        return qualified_name(namespace, name) if self.namespaced else name
