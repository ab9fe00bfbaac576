"""Shared fixtures: the Rust test crates, built once per wasm-bindgen release, and the release
every end-to-end test runs against (each test runs once per supported release).

``WASMBINDGEN_RELEASES=0.2.130`` limits a run to some releases; ``WASMBINDGEN_SKIP_CARGO=1``
uses the crates as built (the test command builds them first).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import wasmbindgen

sys.path.insert(0, str(Path(__file__).parent))
from crate_builds import BUILDS, BY_RELEASE, JS_SYS_FUTURES, UNWIND, CrateBuild

SELECTED = [
    r for r in os.environ.get("WASMBINDGEN_RELEASES", "").replace(",", " ").split() if r
] or [b.release for b in BUILDS]
_built: set[str] = set()


def crate_build(release: str, build: CrateBuild | None = None) -> CrateBuild:
    build = build or BY_RELEASE[release]
    if build.name not in _built and os.environ.get("WASMBINDGEN_SKIP_CARGO") != "1":
        build.build()
    _built.add(build.name)
    return build


def variant_paths(variant: CrateBuild) -> Callable[[str], Path]:
    build = crate_build(variant.release, variant)

    def path(name: str) -> Path:
        found = build.wasm(name)
        assert found.exists(), f"{found} was not built"
        return found

    return path


def pytest_report_header() -> str:
    from wasmbindgen.runtime import native

    return f"wasmbindgen boundary: {native.describe()}"


@pytest.fixture(scope="session")
def unwind_wasm_path() -> Callable[[str], Path]:
    """The panic=unwind build of a crate (newest release): panics caught as PanicError."""
    return variant_paths(UNWIND)


@pytest.fixture(scope="session")
def js_sys_futures_wasm_path() -> Callable[[str], Path]:
    """A crate built with #[wasm_bindgen] emitting js_sys::futures (WASM_BINDGEN_USE_JS_SYS)."""
    return variant_paths(JS_SYS_FUTURES)


@pytest.fixture(scope="session", params=SELECTED)
def release(request: pytest.FixtureRequest) -> str:
    """The wasm-bindgen release whose test crates this test uses."""
    return str(request.param)


@pytest.fixture(scope="session")
def wasm_path(release: str) -> Callable[[str], Path]:
    build = crate_build(release)

    def path(name: str) -> Path:
        if not build.builds(name.replace("_", "-")):
            pytest.skip(f"the wasm-bindgen {release} build has no {name} crate (see its source)")
        found = build.wasm(name)
        assert found.exists(), f"{found} was not built"
        return found

    return path


@pytest.fixture
def exports(wasm_path):  # type: ignore[no-untyped-def]
    return wasmbindgen.load(wasm_path("exports"))


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    """A local HTTP server for fetch and reqwest (tests/http_server.py), one per session."""
    from http_server import serving

    with serving() as base:
        yield base
