from __future__ import annotations

import pytest

from wasmbindgen import BindgenError
from wasmbindgen.wasm import FUNCTION_TABLE_EXPORT, ensure_host_exports, read_module
from wasmbindgen.wasm.reader import KIND_TABLE
from wasmbindgen.wasm.rewrite import STACK_POINTER_EXPORT

EMPTY = b"\0asm\x01\0\0\0"


def test_reads_real_module(wasm_path):
    data = wasm_path("basics").read_bytes()
    module = read_module(data, "basics.wasm")
    names = module.export_names()
    assert {"memory", "__wbindgen_malloc"} <= names
    # 0.2.128+ mangles export symbols with the crate's hash: add_<hash>
    assert {n.split("_")[0] for n in names} >= {"add", "greet"}
    assert module.table_count == 1
    assert module.stack_pointer_global() == 0
    assert "__wasm_bindgen_unstable" in module.custom


def test_rewrite_exports_table_and_stack_pointer(wasm_path):
    data = wasm_path("basics").read_bytes()
    rewritten = read_module(ensure_host_exports(read_module(data, "b")), "b")
    exports = {e.name: e for e in rewritten.exports}
    assert exports[FUNCTION_TABLE_EXPORT].kind == KIND_TABLE
    assert STACK_POINTER_EXPORT in exports
    # rewriting twice changes nothing more
    assert ensure_host_exports(rewritten) == rewritten.data


def test_empty_module_needs_no_rewrite():
    module = read_module(EMPTY, "empty")
    assert ensure_host_exports(module) == EMPTY


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a WebAssembly module"),
        (b"hello world, not wasm", "not a WebAssembly module"),
        (b"\0asm\x0d\0\x01\0", "component, not a core module"),
        (b"\0asm\x02\0\0\0", "unsupported WebAssembly binary version"),
        (EMPTY + b"\x07\x80\x01", "truncated"),
        (EMPTY + b"\x02\x05\x01\x01a", "truncated"),
        (EMPTY + b"\x07\x06\xff\xff\xff\xff\xff\x0f", "malformed"),
    ],
)
def test_bad_bytes_raise_bindgen_error(data, message):
    with pytest.raises(BindgenError, match=message) as info:
        read_module(data, "bad.wasm")
    assert "bad.wasm" in str(info.value)


def test_every_truncation_of_a_real_module_is_a_clean_error(wasm_path):
    data = wasm_path("basics").read_bytes()
    for cut in range(8, len(data), max(1, len(data) // 300)):
        try:
            read_module(data[:cut], "cut.wasm")
        except BindgenError as exc:
            assert "cut.wasm" in str(exc)
