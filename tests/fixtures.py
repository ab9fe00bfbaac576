"""The schema fixtures: one library-style crate (tests/fixtures/library) built against the
oldest release of every wasm-bindgen schema, committed with its Cargo.lock and a digest.

``python tests/fixtures.py`` rebuilds every fixture (about 40 s each: too slow for every CI run,
so the built modules are committed); ``python tests/fixtures.py 0.2.100`` one schema's.
``tests/e2e/test_schemas.py`` runs the same checks on each, and fails when a committed module's
digest no longer matches its source, manifest and lockfile.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from wasmbindgen.wasm._bytes import ByteCursor
from wasmbindgen.wasm.reader import SECTION_CUSTOM, read_module

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SOURCE = TESTS / "fixtures" / "library" / "src" / "lib.rs"
TARGET = TESTS / "fixtures" / "target"  # shared: the wasm32 std is built once
CARGO_WASM = ROOT / "scripts" / "cargo-wasm.sh"
CURRENT = Path("/opt/wasmbindgen/rust-1.96/usr")


@dataclass(frozen=True)
class Fixture:
    schema: str  # the schema version the module carries
    release: str  # the wasm-bindgen release it is built with (the schema's oldest usable)
    toolchain: str = "current"  # "current" (rustc 1.96) or "legacy" (rustc 1.63)

    @property
    def name(self) -> str:
        return self.release if self.release == self.schema else f"{self.schema}@{self.release}"

    @property
    def folder(self) -> Path:
        tag = "v" + self.schema.replace(".", "_")
        sub = "fixture" if self.release == self.schema else f"fixture-{self.release}"
        return TESTS / "versions" / tag / sub

    @property
    def wasm(self) -> Path:
        return self.folder / "library.wasm"

    @property
    def digest_file(self) -> Path:
        return self.folder / "library.wasm.source-sha256"

    def source_digest(self) -> str:
        """What the module was built from: the shared source, the manifest and the lockfile."""
        digest = hashlib.sha256()
        for path in (SOURCE, self.folder / "Cargo.toml", self.folder / "Cargo.lock"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return digest.hexdigest()

    def manifest(self) -> str:
        source = os.path.relpath(SOURCE, self.folder)
        return MANIFEST.format(release=self.release, source=source)


MANIFEST = """\
# The schema fixture (tests/fixtures.py): tests/fixtures/library built with wasm-bindgen {release}.
[package]
name = "library"
version = "0.1.0"
edition = "2021"
publish = false
rust-version = "1.63"

[lib]
crate-type = ["cdylib"]
path = "{source}"

[dependencies]
wasm-bindgen = "={release}"
js-sys = "0.3"
wasm-bindgen-futures = "0.4"

[profile.release]
opt-level = "s"
lto = true
debug = false

[workspace]
"""

FIXTURES = [
    # before 0.2.88 wasm-bindgen relied on rustc's legacy wasm32 C ABI: Debian's rustc 1.63
    Fixture("0.2.83", "0.2.83", "legacy"),
    Fixture("0.2.84", "0.2.84", "legacy"),
    Fixture("0.2.85", "0.2.85", "legacy"),
    Fixture("0.2.87", "0.2.87", "legacy"),
    Fixture("0.2.88", "0.2.89"),  # 0.2.88 itself is yanked
    Fixture("0.2.92", "0.2.92"),
    Fixture("0.2.93", "0.2.93"),
    # schema 0.2.94 has no fixture: its one release, 0.2.94, is yanked and Cargo resolves no
    # graph with it (js-sys and wasm-bindgen-futures of its day require 0.2.95)
    Fixture("0.2.95", "0.2.95"),
    Fixture("0.2.96", "0.2.96"),
    Fixture("0.2.98", "0.2.99"),
    Fixture("0.2.100", "0.2.100"),
    Fixture("0.2.101", "0.2.101"),
    Fixture("0.2.102", "0.2.102"),
    Fixture("0.2.105", "0.2.105"),
    Fixture("0.2.106", "0.2.106"),
    Fixture("0.2.107", "0.2.107"),
    Fixture("0.2.107", "0.2.112"),  # same schema, heap base 1024 (0.2.109-0.2.111 are yanked)
    Fixture("0.2.114", "0.2.114"),
    Fixture("0.2.115", "0.2.115"),
    Fixture("0.2.118", "0.2.118"),
    Fixture("0.2.119", "0.2.120"),  # 0.2.119 was never published
    Fixture("0.2.121", "0.2.121"),
    Fixture("0.2.122", "0.2.122"),
    Fixture("0.2.128", "0.2.128"),
    Fixture("0.2.130", "0.2.130"),
]


def without_debug_sections(data: bytes) -> bytes:
    """The module without DWARF (``.debug_*`` custom sections): Debian's prebuilt wasm32 std
    carries it, which would triple the size of a committed 0.2.83-0.2.87 fixture."""
    out = bytearray(data[:8])
    for section in read_module(data, "fixture").sections:
        if section.id == SECTION_CUSTOM:
            name = ByteCursor(data, section.payload_start, section.payload_end).name()
            if name.startswith(".debug"):
                continue
        out += data[section.start : section.payload_end]
    return bytes(out)


def _current_env() -> dict[str, str]:
    return dict(
        os.environ,
        PATH=f"{CURRENT}/bin:{os.environ['PATH']}",
        LD_LIBRARY_PATH=f"{CURRENT}/lib/x86_64-linux-gnu:{CURRENT}/lib/llvm-22/lib",
        RUSTC=str(CURRENT / "bin" / "rustc"),
        CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS="fallback",
    )


def lock(fixture: Fixture) -> None:
    """Write the manifest and resolve it (dependencies that still build with rustc 1.63)."""
    fixture.folder.mkdir(parents=True, exist_ok=True)
    (fixture.folder / "Cargo.toml").write_text(fixture.manifest())
    subprocess.run(
        [str(CURRENT / "bin" / "cargo"), "generate-lockfile"],
        cwd=fixture.folder,
        env=_current_env(),
        check=True,
    )


def _legacy_sources(fixture: Fixture) -> list[str]:
    """rustc 1.63's Cargo cannot read crates.io's sparse index (nor lockfile v4): vendor the
    locked crates with the current Cargo, downgrade the lockfile's format, and point Cargo
    1.63 at the vendored directory."""
    # outside any git checkout: wasm-bindgen-shared's build script would stamp the module's
    # version with the checkout's commit
    vendor = Path.home() / ".cache" / "wasmbindgen-fixtures" / "vendor" / fixture.release
    subprocess.run(
        [str(CURRENT / "bin" / "cargo"), "vendor", "--quiet", "--locked", str(vendor)],
        cwd=fixture.folder,
        env=_current_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    lockfile = fixture.folder / "Cargo.lock"
    lockfile.write_text(lockfile.read_text().replace("\nversion = 4\n", "\nversion = 3\n", 1))
    return [
        "--offline",
        "--config",
        'source.crates-io.replace-with="vendored"',
        "--config",
        f'source.vendored.directory="{vendor}"',
    ]


def build(fixture: Fixture) -> None:
    if not (fixture.folder / "Cargo.lock").exists():
        lock(fixture)
    sources = _legacy_sources(fixture) if fixture.toolchain == "legacy" else []
    env = dict(os.environ, CARGO_TARGET_DIR=str(TARGET / fixture.toolchain))
    subprocess.run(
        ["bash", str(CARGO_WASM), fixture.toolchain, "--quiet", "--locked", *sources],
        cwd=fixture.folder,
        env=env,
        check=True,
    )
    built = TARGET / fixture.toolchain / "wasm32-unknown-unknown" / "release" / "library.wasm"
    fixture.wasm.write_bytes(without_debug_sections(built.read_bytes()))
    fixture.digest_file.write_text(fixture.source_digest() + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schemas", nargs="*", help="fixtures to build (default: all)")
    parser.add_argument("--relock", action="store_true", help="resolve the lockfiles anew")
    args = parser.parse_args()
    wanted = set(args.schemas)
    chosen = [f for f in FIXTURES if not wanted or wanted & {f.name, f.schema, f.release}]
    failed = []
    for fixture in chosen:
        print(
            f"building the schema {fixture.schema} fixture (wasm-bindgen {fixture.release})",
            file=sys.stderr,
        )
        try:
            if args.relock:
                lock(fixture)
            build(fixture)
        except subprocess.CalledProcessError:
            failed.append(fixture.name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
