"""A Cargo project as ``build`` needs it: its metadata, checked, and its wasm32 build."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import BindgenError
from .toolchain import Toolchain, find_toolchain

_OUTPUT_TAIL = 40  # lines of cargo's output an error shows


@dataclass(frozen=True)
class Crate:
    """What a wheel's metadata and the build need from ``Cargo.toml``."""

    manifest: Path
    name: str
    version: str
    description: str
    license: str
    authors: tuple[str, ...]
    wasm_bindgen: str  # the requirement on wasm-bindgen, as written

    @property
    def import_name(self) -> str:
        return self.name.replace("-", "_")


def manifest_of(path: Path) -> Path:
    """``path``'s Cargo.toml (``path`` a crate folder or the manifest itself)."""
    manifest = path if path.name == "Cargo.toml" else path / "Cargo.toml"
    if not manifest.is_file():
        raise BindgenError(
            f"{path}: not a Cargo project (no Cargo.toml); pass a crate's folder "
            "(cargo new --lib NAME makes one) or a .wasm module"
        )
    return manifest


def _cargo(toolchain: Toolchain, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **toolchain.env}
    try:
        return subprocess.run(
            [str(toolchain.cargo), *args], cwd=cwd, env=env, capture_output=True, text=True
        )
    except OSError as exc:
        raise BindgenError(f"{toolchain.cargo}: cannot run cargo ({exc})") from None


def _failure(
    what: str, manifest: Path, result: subprocess.CompletedProcess[str], fix: str
) -> BindgenError:
    lines = (result.stderr or result.stdout).strip().splitlines()[-_OUTPUT_TAIL:]
    shown = "\n".join("    " + line for line in lines)
    return BindgenError(f"{manifest}: {what} failed (exit {result.returncode}):\n{shown}\n{fix}")


def read_crate(path: Path, toolchain: Toolchain | None = None) -> Crate:
    """The crate at ``path``, checked: a ``cdylib`` that depends on wasm-bindgen."""
    manifest = manifest_of(path).resolve()
    toolchain = toolchain or find_toolchain()
    result = _cargo(
        toolchain,
        ["metadata", "--no-deps", "--format-version", "1", "--manifest-path", str(manifest)],
        manifest.parent,
    )
    if result.returncode != 0:
        raise _failure("cargo metadata", manifest, result, "Fix the manifest as cargo says.")
    metadata = json.loads(result.stdout)
    package = next((p for p in metadata["packages"] if Path(p["manifest_path"]) == manifest), None)
    if package is None:
        raise BindgenError(
            f"{manifest}: a workspace manifest, not a crate; pass the folder of the member "
            "crate to build"
        )
    kinds = {kind for target in package["targets"] for kind in target["crate_types"]}
    if "cdylib" not in kinds:
        raise BindgenError(
            f"{manifest}: crate {package['name']!r} does not build a cdylib, so cargo writes no "
            '.wasm for it; add to Cargo.toml:\n    [lib]\n    crate-type = ["cdylib"]'
        )
    bindgen = next((d for d in package["dependencies"] if d["name"] == "wasm-bindgen"), None)
    if bindgen is None:
        raise BindgenError(
            f"{manifest}: crate {package['name']!r} does not depend on wasm-bindgen, so it has "
            'no #[wasm_bindgen] interface; add to [dependencies]:\n    wasm-bindgen = "0.2"'
        )
    return Crate(
        manifest=manifest,
        name=package["name"],
        version=package["version"],
        description=package.get("description") or "",
        license=package.get("license") or "",
        authors=tuple(package.get("authors") or ()),
        wasm_bindgen=bindgen["req"],
    )


def build_crate(crate: Crate, toolchain: Toolchain | None = None, quiet: bool = True) -> Path:
    """``cargo build --release --target wasm32-unknown-unknown`` of ``crate``: its .wasm."""
    toolchain = toolchain or find_toolchain()
    args = [
        *toolchain.build_args(),
        "--manifest-path",
        str(crate.manifest),
        "--message-format=json-render-diagnostics",
    ]
    result = _cargo(toolchain, args, crate.manifest.parent)
    if result.returncode != 0:
        raise _failure(
            "cargo build",
            crate.manifest,
            result,
            "Fix: correct what cargo reports, then run the build again (cargo's own output: "
            f"{toolchain.cargo} {' '.join(toolchain.build_args())}).",
        )
    for line in result.stdout.splitlines():
        message = json.loads(line) if line.startswith("{") else {}
        target = message.get("target", {})
        if message.get("reason") == "compiler-artifact" and "cdylib" in target.get("kind", []):
            wasm = [f for f in message.get("filenames", []) if f.endswith(".wasm")]
            if wasm and message.get("manifest_path") == str(crate.manifest):
                return Path(wasm[0])
    raise BindgenError(
        f"{crate.manifest}: cargo build succeeded but reported no .wasm for {crate.name!r}; "
        "check that the crate's [lib] is a cdylib"
    )
