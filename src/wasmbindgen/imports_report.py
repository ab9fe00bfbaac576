"""``python -m wasmbindgen imports X.wasm``: what a module imports and where each resolves.

Resolution is read off the same scope ``load()`` would build, without instantiating the module,
so a user sees before running what ``globals=``/``modules=`` must supply. For modules linking
js-sys it also gives the share of js-sys's bindings the default scope implements.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model.declared import MEMBER_CALLS, declared_from, declared_imports
from .model.types import (
    ImportFunction,
    ImportRoot,
    ImportStatic,
    InstanceOf,
    Interface,
)
from .pipeline import analyse, read_source
from .runtime.builtins.coverage import ABSENT_BY_DESIGN, Coverage, coverage, provides
from .runtime.builtins.scope import default_globals
from .runtime.resolve import snippet_keys
from .runtime.webapis.browser import BROWSER_ONLY, BROWSER_ONLY_WHY
from .schema import Program


@dataclass(frozen=True)
class ImportUse:
    js_path: str
    shim: str
    # "default scope", "globals=", "modules=", "Python module m", "the receiver", "absent" or
    # "unresolved"
    resolves: str
    detail: str = ""

    @property
    def resolved(self) -> bool:
        return self.resolves != "unresolved"


def _module_resolution(root: ImportRoot, modules: Mapping[str, Any]) -> tuple[str, str]:
    keys = snippet_keys(root.module) if root.module_kind in ("named", "inline") else [root.module]
    if any(key in modules for key in keys):
        return "modules=", ""
    if root.module_kind == "raw" and importlib.util.find_spec(root.module.split(".")[0]):
        return f"Python module {root.module}", ""
    what = "a JS snippet" if root.module_kind in ("named", "inline") else "a JS module"
    return "unresolved", f"{what}: pass modules={{{keys[-1]!r}: ...}}"


def import_uses(
    interface: Interface,
    globals: Mapping[str, Any] | None = None,
    modules: Mapping[str, Any] | None = None,
) -> list[ImportUse]:
    """One row per import the module really uses (intrinsics excluded: the runtime serves them)."""
    defaults = default_globals()
    scope = {**defaults, **(globals or {})}
    rows = []
    items: list[ImportFunction | ImportStatic | InstanceOf] = [
        *interface.imports,
        *interface.statics,
        *interface.instanceofs,
    ]
    for item in items:
        if isinstance(item, ImportFunction) and item.intrinsic:
            continue  # the runtime serves wasm-bindgen's own imports
        binding = declared_from(item, interface.crate)
        if item.root.module:
            resolves, detail = _module_resolution(item.root, modules or {})
        elif globals and binding.root_name in globals:
            resolves, detail = "globals=", ""
        elif provides(defaults, binding):
            resolves, detail = "default scope", ""
        elif provides(scope, binding):
            resolves, detail = "globals=", ""
        elif binding.root_name in ABSENT_BY_DESIGN:
            resolves, detail = "absent", "browser-only: js-sys probes it, then uses globalThis"
        elif binding.root_name in BROWSER_ONLY:
            outcome = "the check is false" if isinstance(item, InstanceOf) else "a call raises"
            resolves, detail = "unresolved", f"{BROWSER_ONLY_WHY}; {outcome}"
        elif isinstance(item, ImportFunction) and item.structural and item.call in MEMBER_CALLS:
            resolves, detail = "the receiver", "looked up on the object Rust passes as this"
        else:
            resolves = "unresolved"
            detail = f"pass globals={{{binding.root_name!r}: ...}}"
            if binding.root_name in defaults:
                detail = "the default scope lacks this member; " + detail
        rows.append(ImportUse(binding.js_path, item.shim, resolves, detail))
    for raw in interface.raw_imports:  # plain wasm imports: importObject[module][name] in JS
        root = ImportRoot(raw.module, "raw", ())
        resolves, detail = _module_resolution(root, modules or {})
        rows.append(ImportUse(f"{raw.module}.{raw.name}", raw.name, resolves, detail))
    unique = {(row.js_path, row.resolves): row for row in rows}  # overloads share a JS member
    return sorted(unique.values(), key=lambda row: (row.resolves, row.js_path))


def js_sys_coverage(programs: list[Program]) -> Coverage | None:
    """How much of js-sys the default scope implements, if the module links js-sys."""
    bindings = [b for b in declared_imports(programs) if b.crate == "js-sys"]
    return coverage(default_globals(), bindings) if bindings else None


def report(path: str | os.PathLike[str], show_missing: bool = False) -> str:
    data, source = read_source(path)
    analysis = analyse(data, source)
    uses = import_uses(analysis.interface)
    lines = [f"{source}: {len(uses)} import(s) besides wasm-bindgen's intrinsics"]
    width = max((len(u.js_path) for u in uses), default=0)
    for use in uses:
        note = f"  ({use.detail})" if use.detail else ""
        lines.append(f"  {use.js_path:<{width}}  {use.resolves}{note}")
    unresolved = sum(not u.resolved for u in uses)
    if unresolved:
        lines.append(f"{unresolved} unresolved: load() works, calling them raises NameError")
    cov = js_sys_coverage(analysis.programs)
    if cov is not None:
        lines.append(
            f"js-sys bindings (of the js-sys wasm-bindgen {analysis.release} links) in the "
            f"default scope: {len(cov.implemented)} of "
            f"{len(cov.implemented) + len(cov.missing)} ({cov.share:.0%}); "
            f"{len(cov.unsupported)} left out (eval, Proxy, Intl, Temporal and WebAssembly are "
            "unsupported, some bindings name members no JS engine has; "
            "the browser-only self and window are absent on purpose)"
        )
        if show_missing:
            lines += [f"  missing: {b.js_path}" for b in sorted(cov.missing, key=str)]
    return "\n".join(lines)
