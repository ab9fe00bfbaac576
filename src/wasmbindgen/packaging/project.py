"""``python -m wasmbindgen build path/to/crate``: cargo, then the package, then the wheel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..pipeline import build
from .cargo import Crate, build_crate, read_crate
from .toolchain import find_toolchain
from .wheel import build_wheel


@dataclass(frozen=True)
class ProjectBuild:
    crate: Crate
    wasm: Path  # what cargo wrote
    package_dir: Path  # the importable package
    wheel: Path | None


def build_project(
    path: Path, out_dir: Path | None = None, wheel_dir: Path | None = None
) -> ProjectBuild:
    """Build the crate at ``path`` for wasm32 and write its package to ``out_dir`` (default
    ``<crate>/pkg/<import name>``); with ``wheel_dir``, also a wheel there."""
    toolchain = find_toolchain()
    crate = read_crate(path, toolchain)
    wasm = build_crate(crate, toolchain)
    package_dir = out_dir or crate.manifest.parent / "pkg" / crate.import_name
    build(wasm, package_dir)
    wheel = build_wheel(crate, package_dir, wheel_dir) if wheel_dir is not None else None
    return ProjectBuild(crate, wasm, package_dir, wheel)
