"""inline_js snippets and crate-local JS modules need Python replacements."""

from __future__ import annotations

import pytest

import wasmbindgen
from wasmbindgen import BindgenError


def test_unmapped_snippet_fails_at_load(wasm_path):
    with pytest.raises(BindgenError, match=r"inline_js snippet .*modules=\{'inline0.js'"):
        wasmbindgen.load(wasm_path("snippets"))


def test_unmapped_local_module_fails_at_load(wasm_path):
    with pytest.raises(BindgenError, match="crate-local JS module"):
        wasmbindgen.load(wasm_path("snippets"), modules={"inline0.js": {}})


def test_mapped_snippets(wasm_path):
    m = wasmbindgen.load(
        wasm_path("snippets"),
        modules={
            "inline0.js": {"inline_add": lambda a, b: a + b},
            "/js/local.js": {"local_name": lambda: "py"},
        },
    )
    assert m.use_inline(2, 3) == 5
    assert m.use_local() == "py"
