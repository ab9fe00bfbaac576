"""The Rust test crates, built once per supported wasm-bindgen release.

``python tests/crate_builds.py`` builds every release's crates (the test command runs it);
``python tests/crate_builds.py --lock 0.2.130`` regenerates that release's committed lockfile.

Sources live in ``tests/crates/<crate>/src``. Releases built with rustc 1.96 share the workspace
``tests/crates`` and differ by lockfile (``tests/versions/<schema>/Cargo.lock``): Cargo allows one
wasm-bindgen per dependency graph, so one lockfile pins one release. wasm-bindgen 0.2.83 needs
Debian's rustc 1.63, whose Cargo predates workspace inheritance; its workspace
``tests/versions/v0_2_83/crates`` points each crate at the same sources.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CARGO_WASM = ROOT / "scripts" / "cargo-wasm.sh"


@dataclass(frozen=True)
class CrateBuild:
    """One wasm-bindgen release's test crates."""

    release: str  # the wasm-bindgen crate version the lockfile pins
    schema: str  # the schema version its modules carry
    toolchain: str  # "legacy" (rustc 1.63) or "current" (rustc 1.96)
    workspace: Path
    pins: dict[str, str] = field(default_factory=dict)  # crate -> version, for --lock
    # workspace crates that need a newer js-sys than this release's
    excluded: tuple[str, ...] = ()
    # a variant of the release's build: its name, the environment it builds in, its crates
    variant: str = ""
    env: dict[str, str] = field(default_factory=dict)
    only: tuple[str, ...] = ()  # the crates to build, when not all of the workspace

    @property
    def name(self) -> str:
        """How tests and messages name this build (``0.2.130``, ``0.2.130-unwind``)."""
        return f"{self.release}-{self.variant}" if self.variant else self.release

    @property
    def folder(self) -> Path:
        """``tests/versions/<schema>``: reference outputs and the lockfile of this release."""
        return TESTS / "versions" / ("v" + self.schema.replace(".", "_"))

    @property
    def lockfile(self) -> Path:
        if self.toolchain == "legacy":
            return self.workspace / "Cargo.lock"
        return self.folder / "Cargo.lock"

    @property
    def target(self) -> Path:
        if self.toolchain == "legacy":
            return self.workspace / "target"
        return self.workspace / "target" / self.name

    def builds(self, crate: str) -> bool:
        """Whether this release's workspace has ``crate`` (named as in Cargo.toml)."""
        manifest = tomllib.loads((self.workspace / "Cargo.toml").read_text())
        members = {Path(member).name for member in manifest["workspace"]["members"]}
        wanted = crate in self.only if self.only else crate not in self.excluded
        return crate in members and wanted

    def wasm(self, crate: str) -> Path:
        return (
            self.target / "wasm32-unknown-unknown" / "release" / f"{crate.replace('-', '_')}.wasm"
        )

    def cargo(self, *args: str) -> list[str]:
        command = ["bash", str(CARGO_WASM), self.toolchain, *args]
        if self.toolchain == "current":
            command += [
                "-Zlockfile-path",
                "--config",
                f'resolver.lockfile-path="{self.lockfile}"',
                "--locked",
            ]
        return command

    def build(self, quiet: bool = True, packages: list[str] | None = None) -> None:
        env = dict(os.environ, CARGO_TARGET_DIR=str(self.target), **self.env)
        selection = [f"--package={name}" for name in packages or self.only]
        if not selection and self.excluded:
            selection = ["--workspace", *(f"--exclude={name}" for name in self.excluded)]
        command = self.cargo(*(["--quiet"] if quiet else []), *selection)
        subprocess.run(command, cwd=self.workspace, env=env, check=True)

    def lock(self) -> None:
        """Regenerate the lockfile: resolve a copy of the workspace whose shared dependencies
        are pinned to this release's crates, keep its lockfile."""
        assert self.toolchain == "current", "the 0.2.83 lockfile resolves offline as it is"
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "crates"
            shutil.copytree(self.workspace, copy, ignore=shutil.ignore_patterns("target"))
            manifest = copy / "Cargo.toml"
            text = manifest.read_text()
            for crate, version in self.pins.items():
                text, count = re.subn(
                    rf'^{re.escape(crate)} = "[^"]*"$', f'{crate} = "={version}"', text, flags=re.M
                )
                assert count == 1, f"{crate} is not a plain workspace dependency"
            manifest.write_text(text)
            prefix = Path("/opt/wasmbindgen/rust-1.96/usr")
            env = dict(
                os.environ,
                PATH=f"{prefix}/bin:{os.environ['PATH']}",
                LD_LIBRARY_PATH=f"{prefix}/lib/x86_64-linux-gnu:{prefix}/lib/llvm-22/lib",
                RUSTC=str(prefix / "bin" / "rustc"),
            )
            subprocess.run(
                [str(prefix / "bin" / "cargo"), "generate-lockfile"], cwd=copy, env=env, check=True
            )
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy / "Cargo.lock", self.lockfile)


BUILDS = [
    CrateBuild("0.2.83", "0.2.83", "legacy", TESTS / "versions" / "v0_2_83" / "crates"),
    CrateBuild(
        "0.2.127",
        "0.2.122",
        "current",
        TESTS / "crates",
        {
            "wasm-bindgen": "0.2.127",
            "js-sys": "0.3.104",
            "wasm-bindgen-futures": "0.4.77",
            "web-sys": "0.3.104",
        },
        excluded=("builtins-newest", "refused-jspi", "refused-suspending"),
    ),
    CrateBuild(
        "0.2.130",
        "0.2.130",
        "current",
        TESTS / "crates",
        {
            "wasm-bindgen": "0.2.130",
            "js-sys": "0.3.107",
            "wasm-bindgen-futures": "0.4.80",
            "web-sys": "0.3.107",
        },
    ),
]
BY_RELEASE = {build.release: build for build in BUILDS}
NEWEST = BY_RELEASE["0.2.130"]
# panic=unwind builds of the crates that test catching panics (PanicError)
UNWIND = CrateBuild(
    NEWEST.release,
    NEWEST.schema,
    "current",
    NEWEST.workspace,
    NEWEST.pins,
    variant="unwind",
    env={"WASMBINDGEN_PANIC": "unwind"},  # read by scripts/cargo-wasm.sh
    only=("panics", "seed-closures"),
)
# the futures seed with #[wasm_bindgen] emitting js_sys::futures (the seed's
# --cfg=wasm_bindgen_use_js_sys; the macro reads it from the environment when cross-compiling)
JS_SYS_FUTURES = CrateBuild(
    NEWEST.release,
    NEWEST.schema,
    "current",
    NEWEST.workspace,
    NEWEST.pins,
    variant="js-sys-futures",
    env={"WASM_BINDGEN_USE_JS_SYS": "1"},
    only=("seed-futures",),
)
VARIANTS = [UNWIND, JS_SYS_FUTURES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "releases",
        nargs="*",
        help="builds: 0.2.83, 0.2.127, 0.2.130 and the variants 0.2.130-unwind, "
        "0.2.130-js-sys-futures (default: all)",
    )
    parser.add_argument("--lock", action="store_true", help="regenerate the lockfiles instead")
    parser.add_argument("--verbose", action="store_true", help="show cargo's progress")
    parser.add_argument("--package", action="append", help="build only this crate (repeatable)")
    args = parser.parse_args()
    every = {build.name: build for build in [*BUILDS, *VARIANTS]}
    builds = [every[name] for name in args.releases] if args.releases else list(every.values())
    for build in builds:
        if args.lock:
            if not build.variant:
                build.lock()
        else:
            print(f"building the test crates for wasm-bindgen {build.name}", file=sys.stderr)
            build.build(quiet=not args.verbose, packages=args.package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
