"""Each schema's decoder on its fixture (tests/fixtures.py): the programs hold exactly what the
library crate declares, read with that release's wire format."""

from __future__ import annotations

import pytest

from fixtures import FIXTURES, Fixture
from wasmbindgen.schema import SECTION_NAME, decode_chunks, split_section
from wasmbindgen.schema.program import OperationKind
from wasmbindgen.versions import VERSIONS, select_version
from wasmbindgen.wasm.reader import read_module


@pytest.fixture(params=FIXTURES, ids=lambda f: f.name)
def programs(request: pytest.FixtureRequest) -> list:
    fixture: Fixture = request.param
    wasm = read_module(fixture.wasm.read_bytes(), str(fixture.wasm))
    chunks = split_section(wasm.custom[SECTION_NAME], fixture.name)
    version = select_version(chunks, fixture.name)
    assert version.schema_version == fixture.schema
    assert version.schema is VERSIONS[fixture.schema].schema
    return [
        p
        for p in decode_chunks(chunks, version.schema, fixture.name)
        if p.unique_crate_identifier.startswith("library")
    ]


def test_exports(programs):
    exports = {e.function.name: e for p in programs for e in p.exports}
    free = {n for n, e in exports.items() if e.class_name is None}
    assert free == {
        "numbers", "wide", "negate", "next_char", "shout", "reversed", "sum", "squares",
        "maybe_double", "maybe_name", "checked_div", "identity", "describe", "next_color",
        "try_host", "apply_scaled", "give_callback", "later",
    }  # fmt: skip
    assert exports["later"].function.asyncness and not exports["shout"].function.asyncness
    assert exports["numbers"].function.arg_names == tuple("abcdefghij")
    methods = {e.function.name: e for e in exports.values() if e.class_name == "Counter"}
    assert set(methods) == {"new", "tick", "label", "set_label", "zero"}
    assert methods["new"].method_kind.constructor
    assert methods["zero"].method_kind.is_static
    assert methods["label"].method_kind.operation is OperationKind.GETTER
    assert methods["set_label"].method_kind.operation is OperationKind.SETTER


def test_structs_and_enums(programs):
    (counter,) = [s for p in programs for s in p.structs]
    assert counter.name == "Counter" and [f.name for f in counter.fields] == ["step"]
    (color,) = [e for p in programs for e in p.enums]
    assert [(v.name, v.value) for v in color.variants] == [("Red", 0), ("Green", 5), ("Blue", 6)]


def test_imports(programs):
    imports = {
        i.kind.function.name: i.kind
        for p in programs
        for i in p.imports
        if hasattr(i.kind, "function")
    }
    assert {"host_may_fail", "host_apply", "host_keep", "host_promise"} <= set(imports)
    assert imports["host_may_fail"].catch and not imports["host_apply"].catch
