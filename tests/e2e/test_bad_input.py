"""Bad modules raise BindgenError naming the file; nothing crashes or hangs."""

from __future__ import annotations

import re

import pytest
import wasmtime

import wasmbindgen
from wasmbindgen import BindgenError
from wasmbindgen.schema import SECTION_NAME
from wasmbindgen.wasm import read_module

PLAIN = wasmtime.wat2wasm(
    '(module (memory (export "memory") 1) (func (export "f") (result i32) i32.const 1))'
)


def test_garbage_and_missing_file(tmp_path):
    with pytest.raises(BindgenError, match="not a WebAssembly module"):
        wasmbindgen.load(b"garbage bytes here")
    with pytest.raises(BindgenError, match="cannot read the module"):
        wasmbindgen.load(tmp_path / "missing.wasm")


def test_plain_wasm_without_bindgen_data(tmp_path):
    path = tmp_path / "plain.wasm"
    path.write_bytes(PLAIN)
    with pytest.raises(BindgenError, match=r"plain\.wasm: no __wasm_bindgen_unstable"):
        wasmbindgen.load(path)


def test_truncated_real_module(wasm_path, tmp_path):
    data = wasm_path("basics").read_bytes()
    for cut in (9, len(data) // 3, len(data) - 1):
        path = tmp_path / "cut.wasm"
        path.write_bytes(data[:cut])
        with pytest.raises(BindgenError, match=r"cut\.wasm"):
            wasmbindgen.load(path)


# a schema of the same length this host does not read, for each release's
UNREAD = {"0.2.83": b"0.2.99", "0.2.127": b"0.2.124", "0.2.130": b"0.2.199"}


def test_other_schema_version(wasm_path, tmp_path, release):
    data = wasm_path("basics").read_bytes()
    other = UNREAD[release]
    patched = re.sub(rb'"schema_version":"[0-9.]+"', b'"schema_version":"' + other + b'"', data)
    assert patched != data and len(patched) == len(data)
    path = tmp_path / "other.wasm"
    path.write_bytes(patched)
    with pytest.raises(BindgenError) as info:
        wasmbindgen.load(path)
    text = str(info.value)
    assert "other.wasm" in text and other.decode() in text and "0.2.83" in text
    assert "Cargo.toml" in text or "upgrade wasmbindgen" in text


def test_missing_describe_export(wasm_path):
    data = bytearray(wasm_path("basics").read_bytes())
    module = read_module(bytes(data), "b")
    name = b"__wbindgen_describe_add"
    # rename the describe export in place (same length) so it no longer matches
    pos = data.index(name, next(s.payload_start for s in module.sections if s.id == 7))
    data[pos : pos + len(name)] = b"__wbindgen_xxxxxxxx_add"
    with pytest.raises(BindgenError, match=r"function __wbindgen_describe_add(_[0-9a-f]+)? is"):
        wasmbindgen.load(bytes(data))


def test_corrupt_section_bytes(wasm_path):
    data = bytearray(wasm_path("basics").read_bytes())
    module = read_module(bytes(data), "b")
    start = next(
        s
        for s in module.sections
        if s.id == 0
        and bytes(data[s.payload_start + 1 : s.payload_start + 24]) == SECTION_NAME.encode()
    )
    body = start.payload_start + 1 + len(SECTION_NAME)
    header_len = int.from_bytes(data[body : body + 4], "little")
    program = body + 4 + header_len + 4
    data[program] = 0x7F  # an absurd export count
    with pytest.raises(BindgenError, match="wasm-bindgen data"):
        wasmbindgen.load(bytes(data))


def test_a_failing_later_argument_frees_what_earlier_ones_allocated(exports):
    memory = exports._wb_rt.memory
    freed = []
    free = memory.free
    memory.free = lambda ptr, size, *align: (freed.append((ptr, size)), free(ptr, size, *align))[1]
    try:
        with pytest.raises(OverflowError):
            exports.repeat_str("héllo", -1)
        with pytest.raises(TypeError):
            exports.repeat_str("abc", 1.5)
    finally:
        memory.free = free
    assert [size for _, size in freed] == [6, 3]  # both strings' UTF-8 bytes went back
    assert exports.repeat_str("ab", 3) == "ababab"


@pytest.mark.parametrize("crate", ["refused_jspi", "refused_suspending"])
def test_jspi_is_refused_at_load(wasm_path, crate):
    """A JSPI export or suspending import (wasm-bindgen 0.2.130+) needs stack switching."""
    with pytest.raises(BindgenError, match=rf"{crate}\.wasm: .*uses JSPI.*stack switching"):
        wasmbindgen.load(wasm_path(crate))


@pytest.mark.parametrize(
    ("wat", "feature"),
    [
        ("(module (memory 1 2 shared))", "shared memory"),
        ('(module (func (export "__wbindgen_thread_destroy")))', "shared memory"),
        ("(module (memory i64 1))", "64-bit memory"),
    ],
)
def test_features_this_host_cannot_honour_are_refused_at_load(tmp_path, wat, feature):
    path = tmp_path / "threads.wasm"
    path.write_bytes(wasmtime.wat2wasm(wat))
    with pytest.raises(BindgenError, match=rf"threads\.wasm: the module uses {feature}"):
        wasmbindgen.load(path)


def test_a_component_is_refused_naming_core_modules(tmp_path):
    path = tmp_path / "component.wasm"
    path.write_bytes(b"\0asm\x0d\0\x01\0" + bytes(8))
    with pytest.raises(BindgenError, match=r"component\.wasm: .*component.*core module"):
        wasmbindgen.load(path)


def test_the_legacy_exception_encoding_is_refused_saying_how_to_rebuild():
    """rustc without -Cllvm-args=-wasm-use-legacy-eh=false writes `try`, which wasmtime refuses;
    the message says which flags give the standard encoding."""
    from wasmbindgen.runtime.engine import compile_module

    legacy = wasmtime.wat2wasm('(module (tag $e) (func (export "f") try nop catch $e end))')
    with pytest.raises(BindgenError, match=r"legacy\.wasm: .*legacy wasm exception encoding.*"):
        compile_module(legacy, "legacy.wasm")
    with pytest.raises(BindgenError, match="wasm-use-legacy-eh=false"):
        compile_module(legacy, "legacy.wasm")


def test_a_module_importing_an_exception_tag_loads_and_a_throw_is_a_hard_abort():
    """C or C++ code linked into a crate imports `env.__cpp_exception`: the host gives it a
    fresh tag, as a JS host does; an exception nothing catches is a hard abort."""
    from wasmbindgen.runtime.engine import WasmInstance, compile_module

    wat = """(module (import "env" "__cpp_exception" (tag $t (param i32)))
      (memory (export "memory") 1)
      (func (export "boom") i32.const 1 throw $t))"""
    module = compile_module(wasmtime.wat2wasm(wat), "tag.wasm")
    instance = WasmInstance(module, lambda m, n: None, "tag.wasm")  # no function imports
    with pytest.raises(wasmbindgen.RustPanic, match=r"tag\.wasm: .*hard abort"):
        instance.call_raw("boom", "", "")
