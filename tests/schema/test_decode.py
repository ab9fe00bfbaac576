from __future__ import annotations

import struct

import pytest

from wasmbindgen import BindgenError
from wasmbindgen.schema import SECTION_NAME, MethodKind, OperationKind, decode_chunks, split_section
from wasmbindgen.schema.grammar import parse_definitions
from wasmbindgen.versions import VERSIONS, select_version
from wasmbindgen.wasm import read_module


def section(wasm_path, name):
    module = read_module(wasm_path(name).read_bytes(), name)
    return module.custom[SECTION_NAME]


def chunk(header: bytes, program: bytes) -> bytes:
    return struct.pack("<I", len(header)) + header + struct.pack("<I", len(program)) + program


CRATE_ID = b"\x17" + b"sample-0123456789abcdef"
HELLO_83 = (
    bytes.fromhex("01000000000005")
    + b"hello"
    + bytes.fromhex("010001010000")
    + bytes(6)
    + CRATE_ID
    + b"\x00"
)
# the same export at schema 0.2.122: + jsdoc, two option bytes, namespace, StartKind, linked
HELLO_122 = (
    bytes.fromhex("01000000000005")
    + b"hello"
    + bytes.fromhex("0101000000")
    + b"\x00"
    + bytes.fromhex("010100")
    + b"\x00"
    + bytes(6)
    + CRATE_ID
    + b"\x00"
    + b"\x00"
)
# 0.2.130: + jspi after asyncness, + module_path after the crate identifier
HELLO_130 = (
    bytes.fromhex("0100000000000005")
    + b"hello"
    + bytes.fromhex("0101000000")
    + b"\x00"
    + bytes.fromhex("010100")
    + b"\x00"
    + bytes(6)
    + CRATE_ID
    + b"\x06sample"
    + b"\x00"
    + b"\x00"
)
EXAMPLES = {"0.2.83": HELLO_83, "0.2.122": HELLO_122, "0.2.130": HELLO_130}


def header(schema: str) -> bytes:
    return f'{{"schema_version":"{schema}","version":"{schema}"}}'.encode()


@pytest.mark.parametrize("schema", sorted(EXAMPLES))
def test_decodes_worked_example(schema):
    chunks = split_section([chunk(header(schema), EXAMPLES[schema])], "x.wasm")
    version = select_version(chunks, "x.wasm")
    (program,) = decode_chunks(chunks, version.schema, "x.wasm")
    (export,) = program.exports
    assert export.function.name == "hello"
    assert export.class_name is None
    assert export.method_kind == MethodKind(False, True, OperationKind.REGULAR)
    assert program.unique_crate_identifier == "sample-0123456789abcdef"
    assert program.crate_hash == "0123456789abcdef"


def test_the_worked_examples_are_registered_versions():
    assert set(EXAMPLES) <= set(VERSIONS)  # every version's own decoding: tests/versions


def test_decodes_real_sections(wasm_path):
    chunks = split_section(section(wasm_path, "exports"), "exports.wasm")
    version = select_version(chunks, "exports.wasm")
    programs = decode_chunks(chunks, version.schema, "exports.wasm")
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


def test_unsupported_schema_names_both_versions_and_fix():
    with pytest.raises(BindgenError) as info:
        select_version(split_section([chunk(header("0.2.86"), HELLO_83)], "new.wasm"), "new.wasm")
    text = str(info.value)  # 0.2.86 was a development value, never released
    assert "new.wasm" in text and "0.2.86" in text and "0.2.83" in text
    assert "Cargo.toml" in text and "wasm-bindgen 0.2.86" in text


def test_a_schema_newer_than_any_known_says_how_to_proceed():
    with pytest.raises(BindgenError, match=r"newer than any .*upgrade wasmbindgen"):
        select_version(split_section([chunk(header("0.2.999"), b"")], "n.wasm"), "n.wasm")


def test_chunks_of_two_schemas_are_refused_naming_both():
    payload = chunk(header("0.2.83"), HELLO_83) + chunk(header("0.2.122"), HELLO_122)
    with pytest.raises(BindgenError, match=r"0\.2\.83.*and 0\.2\.122.*one release"):
        select_version(split_section([payload], "mix.wasm"), "mix.wasm")


@pytest.mark.parametrize(
    "payload",
    [
        b"\x05\x00\x00",
        chunk(b"not json", HELLO_83),
        chunk(b'{"schema_version":"0.2.83"}', HELLO_83[:-5]),
        chunk(b'{"schema_version":"0.2.83"}', HELLO_83 + b"\x00"),
        chunk(b'{"schema_version":"0.2.83"}', b"\x01\x00\x00\x00\x00\x00\x07"),
    ],
)
def test_corrupt_sections_raise_bindgen_error(payload):
    with pytest.raises(BindgenError, match=r"c\.wasm"):
        chunks = split_section([payload], "c.wasm")
        decode_chunks(chunks, select_version(chunks, "c.wasm").schema, "c.wasm")


def test_missing_section_says_how_to_fix():
    with pytest.raises(BindgenError, match=r"#\[wasm_bindgen\]"):
        split_section([], "plain.wasm")


def test_schema_notation():
    defs = parse_definitions(
        """
        Pair = left:str right:[u32]?
            _skipped:bool
        Choice = A | B(Pair)
        """
    )
    assert [f for f, _ in defs["Pair"].fields] == ["left", "right", "_skipped"]
    assert defs["Choice"].variants == (("A", None), ("B", "Pair"))
    with pytest.raises(ValueError):
        parse_definitions("Bad = a:str b")
