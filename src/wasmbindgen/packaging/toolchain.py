"""Finding a cargo that builds for ``wasm32-unknown-unknown``.

Tried in order: ``$WASMBINDGEN_CARGO`` (a cargo executable), ``cargo`` on ``PATH``, then the
toolchain wasmbindgen's setup script installs (Debian's rustc-web under
``/opt/wasmbindgen/rust-1.96``). A toolchain serves if its sysroot has the wasm32 standard
library (rustup's ``rustup target add wasm32-unknown-unknown``), or the standard library's
source (``rust-src``), from which cargo builds it (``-Zbuild-std``, about 45 s once per target
directory).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BindgenError

TARGET = "wasm32-unknown-unknown"
SETUP_PREFIX = Path("/opt/wasmbindgen/rust-1.96/usr")


@dataclass(frozen=True)
class Toolchain:
    cargo: Path
    rustc: Path
    env: dict[str, str] = field(default_factory=dict)  # added to the build's environment
    build_std: bool = False  # the wasm32 std is built from source

    def build_args(self) -> list[str]:
        args = ["build", "--release", "--target", TARGET]
        return [*args, "-Zbuild-std=std,panic_abort"] if self.build_std else args


def _candidates() -> list[Path]:
    found = []
    if explicit := os.environ.get("WASMBINDGEN_CARGO"):
        found.append(Path(explicit))
    if on_path := shutil.which("cargo"):
        found.append(Path(on_path))
    found.append(SETUP_PREFIX / "bin" / "cargo")
    return found


def _library_env(prefix: Path) -> dict[str, str]:
    """A toolchain unpacked outside /usr (as the setup script does) finds its shared
    libraries through LD_LIBRARY_PATH."""
    dirs = [*prefix.glob("lib/*-linux-gnu"), *prefix.glob("lib/llvm-*/lib")]
    if not dirs or prefix == Path("/usr"):
        return {}
    paths = [str(d) for d in dirs]
    if os.environ.get("LD_LIBRARY_PATH"):
        paths.append(os.environ["LD_LIBRARY_PATH"])
    return {"LD_LIBRARY_PATH": ":".join(paths)}


def _probe(cargo: Path) -> Toolchain | str:
    """The toolchain of ``cargo``, or why it cannot build for wasm32."""
    if not cargo.exists():
        return f"{cargo}: not found"
    rustc = cargo.with_name("rustc")
    if not rustc.exists():
        rustc = Path(shutil.which("rustc") or "rustc")
    env = _library_env(cargo.parent.parent)
    try:
        sysroot = subprocess.run(
            [str(rustc), "--print", "sysroot"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **env},
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"{rustc}: cannot run it ({exc})"
    rustlib = Path(sysroot) / "lib" / "rustlib"
    env = {**env, "RUSTC": str(rustc)}
    if (rustlib / TARGET / "lib").is_dir():
        return Toolchain(cargo, rustc, env)
    if (rustlib / "src" / "rust" / "library" / "std").is_dir():
        return Toolchain(cargo, rustc, {**env, "RUSTC_BOOTSTRAP": "1"}, build_std=True)
    return f"{rustc} (sysroot {sysroot}): no {TARGET} standard library and no rust-src"


def find_toolchain() -> Toolchain:
    """The first toolchain that can build for wasm32, else ``BindgenError`` saying what was
    tried and how to get one."""
    tried = []
    for cargo in _candidates():
        probed = _probe(cargo)
        if isinstance(probed, Toolchain):
            return probed
        tried.append(probed)
    raise BindgenError(
        f"no Rust toolchain here builds for {TARGET}; tried: " + "; ".join(tried) + ". Fix: "
        f"`rustup target add {TARGET}`, or install Debian's rustc-web and rust-web-src "
        "(bash scripts/setup-toolchain.sh), or point WASMBINDGEN_CARGO at a cargo that can"
    )
