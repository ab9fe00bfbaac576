"""Generated glue and stubs compared with checked-in reference outputs.

Run with BLESS=1 to rewrite the references after an intended change, then review the diff.
"""

from __future__ import annotations

import os

import pytest

from crate_builds import BY_RELEASE
from fixtures import FIXTURES
from wasmbindgen.pipeline import generate


@pytest.mark.parametrize(
    "crate", ["basics", "exports", "imports", "promises", "closures", "defects", "modern"]
)
@pytest.mark.parametrize("kind", ["glue", "stubs"])
def test_reference_output(wasm_path, release, crate, kind):
    if crate == "modern" and release == "0.2.83":
        pytest.skip("wasm-bindgen 0.2.83 predates the modern crate's features")
    generated = generate(wasm_path(crate).read_bytes(), f"{crate}.wasm", f"{crate}_bg.wasm")
    text = generated.glue if kind == "glue" else generated.stubs
    golden = BY_RELEASE[release].folder / "golden"
    golden.mkdir(exist_ok=True)
    reference = golden / f"{crate}.{'py' if kind == 'glue' else 'pyi'}.txt"
    if os.environ.get("BLESS") == "1":
        reference.write_text(text)
    assert reference.exists(), f"no reference output {reference.name}; run with BLESS=1"
    assert text == reference.read_text(), f"{reference.name} changed; review, then BLESS=1"


def test_generated_glue_is_deterministic(wasm_path):
    data = wasm_path("exports").read_bytes()
    first = generate(data, "e.wasm", "e_bg.wasm")
    second = generate(data, "e.wasm", "e_bg.wasm")
    assert first.glue == second.glue and first.stubs == second.stubs


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.name)
@pytest.mark.parametrize("kind", ["glue", "stubs"])
def test_schema_fixture_reference_output(fixture, kind):
    """The library fixture's glue and stubs, per schema (tests/fixtures.py)."""
    generated = generate(fixture.wasm.read_bytes(), "library.wasm", "library_bg.wasm")
    text = generated.glue if kind == "glue" else generated.stubs
    reference = fixture.folder / f"library.{'py' if kind == 'glue' else 'pyi'}.txt"
    if os.environ.get("BLESS") == "1":
        reference.write_text(text)
    assert reference.exists(), f"no reference output {reference}; run with BLESS=1"
    assert text == reference.read_text(), f"{reference} changed; review, then BLESS=1"
