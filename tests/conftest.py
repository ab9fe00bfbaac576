"""Shared fixtures: the Rust test crates are built once per session, in one Cargo workspace."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import wasmbindgen

CRATES = Path(__file__).parent / "crates"
TARGET = CRATES / "target" / "wasm32-unknown-unknown" / "release"
RUSTC = os.environ.get("WASMBINDGEN_RUSTC", "/usr/bin/rustc")
CARGO = os.environ.get("WASMBINDGEN_CARGO", "/usr/bin/cargo")


def build_crates() -> None:
    env = dict(os.environ, RUSTC=RUSTC)
    subprocess.run([CARGO, "build", "--release", "--quiet"], cwd=CRATES, env=env, check=True)


@pytest.fixture(scope="session")
def crates() -> Path:
    if os.environ.get("WASMBINDGEN_SKIP_CARGO") != "1":
        build_crates()
    return TARGET


@pytest.fixture(scope="session")
def wasm_path(crates: Path):  # type: ignore[no-untyped-def]
    def path(name: str) -> Path:
        found = crates / f"{name}.wasm"
        assert found.exists(), f"{found} was not built"
        return found

    return path


@pytest.fixture
def exports(wasm_path):  # type: ignore[no-untyped-def]
    return wasmbindgen.load(wasm_path("exports"))
