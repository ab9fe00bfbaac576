from __future__ import annotations

import struct

import pytest

from wasmbindgen import BindgenError
from wasmbindgen.schema import SECTION_NAME, decode_section
from wasmbindgen.schema.v0_2_83 import MethodKind, OperationKind
from wasmbindgen.wasm import read_module


def section(wasm_path, name):
    module = read_module(wasm_path(name).read_bytes(), name)
    return module.custom[SECTION_NAME]


def chunk(header: bytes, program: bytes) -> bytes:
    return struct.pack("<I", len(header)) + header + struct.pack("<I", len(program)) + program


HELLO = (
    bytes.fromhex("01000000000005")
    + b"hello"
    + bytes.fromhex("010001010000")
    + bytes(6)
    + (b"\x17" + b"sample-0123456789abcdef" + b"\x00")
)


def test_decodes_worked_example():
    header = b'{"schema_version":"0.2.83","version":"0.2.83"}'
    (program,) = decode_section([chunk(header, HELLO)], "x.wasm")
    (export,) = program.exports
    assert export.function.name == "hello"
    assert export.class_name is None
    assert export.method_kind == MethodKind(False, True, OperationKind.REGULAR)
    assert program.unique_crate_identifier == "sample-0123456789abcdef"


def test_decodes_real_sections(wasm_path):
    programs = decode_section(section(wasm_path, "exports"), "exports.wasm")
    names = {e.function.name for p in programs for e in p.exports}
    assert {"add", "echo_str", "new", "norm"} <= names
    structs = {s.name: s for p in programs for s in p.structs}
    assert [f.name for f in structs["Point"].fields] == ["x", "y"]
    assert structs["Token"].fields[0].readonly
    enums = {e.name: e for p in programs for e in p.enums}
    assert [(v.name, v.value) for v in enums["Color"].variants] == [
        ("Red", 1),
        ("Green", 2),
        ("Blue", 5),
    ]


def test_schema_version_mismatch_names_both_versions_and_fix():
    header = b'{"schema_version":"0.2.92","version":"0.2.92"}'
    with pytest.raises(BindgenError) as info:
        decode_section([chunk(header, HELLO)], "new.wasm")
    text = str(info.value)
    assert "new.wasm" in text and "0.2.92" in text and "0.2.83" in text
    assert "Cargo.toml" in text


@pytest.mark.parametrize(
    "payload",
    [
        b"\x05\x00\x00",
        chunk(b"not json", HELLO),
        chunk(b'{"schema_version":"0.2.83"}', HELLO[:-5]),
        chunk(b'{"schema_version":"0.2.83"}', HELLO + b"\x00"),
        chunk(b'{"schema_version":"0.2.83"}', b"\x01\x00\x00\x00\x00\x00\x07"),
    ],
)
def test_corrupt_sections_raise_bindgen_error(payload):
    with pytest.raises(BindgenError, match=r"c\.wasm"):
        decode_section([payload], "c.wasm")


def test_missing_section_says_how_to_fix():
    with pytest.raises(BindgenError, match=r"#\[wasm_bindgen\]"):
        decode_section([], "plain.wasm")
