"""Generated glue and stubs compared with checked-in reference outputs.

Run with BLESS=1 to rewrite the references after an intended change, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wasmbindgen.pipeline import generate

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize("crate", ["basics", "exports", "imports", "promises"])
@pytest.mark.parametrize("kind", ["glue", "stubs"])
def test_reference_output(wasm_path, crate, kind):
    generated = generate(wasm_path(crate).read_bytes(), f"{crate}.wasm", f"{crate}_bg.wasm")
    text = generated.glue if kind == "glue" else generated.stubs
    reference = GOLDEN / f"{crate}.{'py' if kind == 'glue' else 'pyi'}.txt"
    if os.environ.get("BLESS") == "1":
        reference.write_text(text)
    assert reference.exists(), f"no reference output {reference.name}; run with BLESS=1"
    assert text == reference.read_text(), f"{reference.name} changed; review, then BLESS=1"


def test_generated_glue_is_deterministic(wasm_path):
    data = wasm_path("exports").read_bytes()
    first = generate(data, "e.wasm", "e_bg.wasm")
    second = generate(data, "e.wasm", "e_bg.wasm")
    assert first.glue == second.glue and first.stubs == second.stubs
