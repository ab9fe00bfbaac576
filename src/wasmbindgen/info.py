"""``python -m wasmbindgen info X.wasm``: what a module is and whether this host runs it.

Read without instantiating: the schema stamp and the wasm-bindgen releases that carry it, the
crate, the target features, the exports and imports in brief, and the verdict — the full
analysis ``load()`` would do, whose ``BindgenError`` (if any) is the reason it cannot run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .errors import BindgenError
from .imports_report import import_uses
from .model.types import Interface
from .pipeline import analyse, read_source
from .runtime import native
from .schema import SECTION_NAME, split_section
from .versions import KNOWN_RELEASES, VERSIONS, supported
from .wasm.reader import read_module


@dataclass(frozen=True)
class ModuleInfo:
    source: str
    size: int
    schema_versions: tuple[str, ...] = ()
    crate_versions: tuple[str, ...] = ()  # the wasm-bindgen releases the chunks name
    carried_by: str = ""  # the releases that carry the schema
    crate: str = ""
    target_features: tuple[str, ...] = ()
    exports: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    runs: bool = False
    why_not: str = ""


def _carried_by(schema: str) -> str:
    version = VERSIONS.get(schema)
    if version is not None:
        return f"wasm-bindgen {version.release_range}"
    known = KNOWN_RELEASES.get(schema)
    return f"wasm-bindgen {known}" if known else "no known wasm-bindgen release"


def _exports(interface: Interface) -> list[str]:
    lines = []
    functions = [f.js_name for f in interface.functions]
    if functions:
        lines.append(f"{len(functions)} function(s): {', '.join(sorted(functions))}")
    for cls in sorted(interface.classes, key=lambda c: c.js_name):
        members = sorted(
            {m.property or m.js_name for m in cls.methods} | {f.js_name for f in cls.fields}
        )
        lines.append(f"class {cls.js_name}: {', '.join(members) or '(no members)'}")
    for enum in sorted(interface.enums, key=lambda e: e.js_name):
        lines.append(f"enum {enum.js_name}")
    if interface.string_enums:  # most come from js-sys and web-sys: one line
        names = sorted(e.js_name for e in interface.string_enums)
        shown = ", ".join(names[:6]) + (f", … ({len(names) - 6} more)" if len(names) > 6 else "")
        lines.append(f"{len(names)} string enum(s): {shown}")
    if interface.raw_exports:
        lines.append(f"{len(interface.raw_exports)} plain wasm function(s)")
    return lines


def _imports(interface: Interface) -> list[str]:
    uses = import_uses(interface)
    by_kind: dict[str, int] = {}
    for use in uses:
        by_kind[use.resolves] = by_kind.get(use.resolves, 0) + 1
    intrinsics = sum(1 for f in interface.imports if f.intrinsic) + len(interface.protocol)
    lines = [f"{intrinsics} wasm-bindgen intrinsic(s), served by the runtime"]
    lines += [
        f"{n} resolved in: {kind}" for kind, n in sorted(by_kind.items()) if kind != "unresolved"
    ]
    unresolved = [u.js_path for u in uses if not u.resolved]
    if unresolved:
        lines.append(f"{len(unresolved)} unresolved: {', '.join(unresolved)}")
    return lines


def inspect(path: str | os.PathLike[str] | bytes) -> ModuleInfo:
    """Everything ``info`` prints, for a module path or bytes."""
    data, source = read_source(path)
    try:
        wasm = read_module(data, source)
    except BindgenError as exc:
        return ModuleInfo(source, len(data), why_not=str(exc))
    features = tuple(sorted(name for name, on in wasm.target_features().items() if on))
    base = ModuleInfo(source, len(data), target_features=features)
    try:
        chunks = split_section(wasm.custom.get(SECTION_NAME, []), source)
    except BindgenError as exc:
        return replace(base, why_not=str(exc))
    schemas = tuple(sorted({c.schema_version for c in chunks}))
    base = replace(
        base,
        schema_versions=schemas,
        crate_versions=tuple(sorted({c.crate_version for c in chunks})),
        carried_by="; ".join(_carried_by(s) for s in schemas),
    )
    try:
        analysis = analyse(data, source)
    except BindgenError as exc:
        return replace(base, why_not=str(exc))
    interface = analysis.interface
    return replace(
        base,
        crate=interface.crate,
        exports=_exports(interface),
        imports=_imports(interface),
        runs=True,
    )


def report(path: str | os.PathLike[str]) -> str:
    info = inspect(path)
    lines = [f"{info.source} ({info.size:,} bytes)"]
    if info.schema_versions:
        lines.append(f"  schema:          {', '.join(info.schema_versions)} ({info.carried_by})")
        lines.append(f"  built with:      wasm-bindgen {', '.join(info.crate_versions)}")
    if info.crate:
        lines.append(f"  crate:           {info.crate}")
    lines.append(f"  target features: {', '.join(info.target_features) or '(none listed)'}")
    for title, rows in (("exports", info.exports), ("imports", info.imports)):
        if rows:
            lines.append(f"  {title}:")
            lines += [f"    {row}" for row in rows]
    if info.runs:
        lines.append(f"  runs here:       yes ({native.kind()} boundary)")
    else:
        lines.append(f"  runs here:       no — {info.why_not}")
        lines.append(f"  this host reads schema {supported()}")
    return "\n".join(lines)
