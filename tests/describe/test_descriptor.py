from __future__ import annotations

import pytest

from wasmbindgen.describe import ClosureForm, Descriptions, Tag, decode_descriptor, run_describes
from wasmbindgen.describe.descriptor import DescriptorError
from wasmbindgen.schema import SECTION_NAME, split_section
from wasmbindgen.versions import VERSIONS, select_version
from wasmbindgen.wasm import read_module

G83 = VERSIONS["0.2.83"].descriptors


def words(grammar, *items):
    """Descriptor words from tags and plain numbers."""
    return [grammar.number(i) if isinstance(i, Tag) else i for i in items]


def test_greet_stream():
    desc = decode_descriptor([11, 0, 1, 15, 14, 14, 14], G83)
    assert desc.function is not None
    (arg,) = desc.function.args
    assert arg.tag == Tag.REF and arg.inner is not None and arg.inner.tag == Tag.STRING
    assert desc.function.ret.tag == Tag.STRING


def test_struct_name_and_closure():
    name = [ord(c) for c in "Interval"]
    desc = decode_descriptor([11, 0, 0, 22, 8, *name, 22, 8, *name], G83)
    assert desc.function is not None and desc.function.ret.name == "Interval"
    closure = decode_descriptor([12, 13, 14, 16, 11, 15, 0, 26, 26], G83)
    assert closure.closure is not None
    assert (closure.closure.invoke_idx, closure.closure.dtor_idx) == (13, 14)
    assert closure.closure.mutable


def test_clamped_marks_u8():
    desc = decode_descriptor([27, 15, 17, 1], G83)
    assert desc.tag == Tag.REF and desc.inner is not None and desc.inner.inner is not None
    assert desc.inner.inner.clamped


@pytest.mark.parametrize("schema", sorted(VERSIONS))
def test_every_release_decodes_its_own_tags(schema):
    grammar = VERSIONS[schema].descriptors
    for tag in (Tag.U32, Tag.STRING, Tag.UNIT, Tag.EXTERNREF, Tag.CHAR, Tag.BOOLEAN):
        assert decode_descriptor([grammar.number(tag)], grammar).tag is tag
    opt = decode_descriptor(words(grammar, Tag.OPTIONAL, Tag.F64), grammar)
    assert opt.tag is Tag.OPTIONAL and opt.inner is not None and opt.inner.tag is Tag.F64


@pytest.mark.parametrize(
    "schema", [s for s in VERSIONS if VERSIONS[s].descriptors.closure is ClosureForm.OWNED_MUTABLE]
)
def test_owned_mutable_closures(schema):
    grammar = VERSIONS[schema].descriptors
    stream = words(grammar, Tag.CLOSURE, 1, 0, Tag.FUNCTION, 77, 1, Tag.U32, Tag.UNIT, Tag.UNIT)
    closure = decode_descriptor(stream, grammar).closure
    assert closure is not None and closure.owned and not closure.mutable
    assert closure.invoke_idx == 77 and [a.tag for a in closure.function.args] == [Tag.U32]
    with pytest.raises(DescriptorError, match="0/1 flag"):
        decode_descriptor(words(grammar, Tag.CLOSURE, 2, 0, Tag.FUNCTION), grammar)


@pytest.mark.parametrize("words_", [[], [99], [11, 0, 1], [20, 3, 65], [14, 14], [20, 1, 0xD800]])
def test_bad_streams(words_):
    with pytest.raises(DescriptorError):
        decode_descriptor(words_, G83)


def describe(wasm_path, crate) -> Descriptions:
    wasm = read_module(wasm_path(crate).read_bytes(), crate)
    version = select_version(split_section(wasm.custom[SECTION_NAME], crate), crate)
    return run_describes(wasm, version.descriptors, version.markers, crate)


def test_runs_every_describe_export(wasm_path):
    items = describe(wasm_path, "exports").items
    add = next(d for k, d in items.items() if k.split("_")[0] == "add" and d.function)
    assert add.function is not None
    assert [a.tag for a in add.function.args] == [Tag.U32, Tag.U32]
    getter = next(d for k, d in items.items() if k.startswith("__wbg_get_point_x"))
    assert getter.tag == Tag.F64


def test_finds_every_kind_of_closure_the_module_makes(wasm_path):
    found = describe(wasm_path, "closures")
    closures = list(found.closures.values()) + [
        c.descriptor.args[0].closure for c in found.casts if c.descriptor.args[0].closure
    ]
    assert len(closures) >= 5
    assert any(c.mutable for c in closures) and any(not c.mutable for c in closures)


def _name(text: str) -> list[int]:
    return [len(text), *map(ord, text)]


def test_string_enum_strings_are_inline_only_in_0_2_93():
    """0.2.93's STRING_ENUM lists its variants' strings; 0.2.94 moved them to the section."""
    g93, g95 = VERSIONS["0.2.93"].descriptors, VERSIONS["0.2.95"].descriptors
    inline = decode_descriptor(
        words(g93, Tag.STRING_ENUM, *_name("Fruit"), 2, *_name("apple"), *_name("pear")), g93
    )
    assert (inline.name, inline.count, inline.strings) == ("Fruit", 2, ("apple", "pear"))
    later = decode_descriptor(words(g95, Tag.STRING_ENUM, *_name("Fruit"), 2), g95)
    assert (later.name, later.count, later.strings) == ("Fruit", 2, ())
    with pytest.raises(DescriptorError):  # read as 0.2.95, the strings are left over
        decode_descriptor(
            words(g95, Tag.STRING_ENUM, *_name("Fruit"), 2, *_name("apple"), *_name("pear")), g95
        )


def test_0_2_128_names_the_crate_of_structs_and_enums_only():
    g128 = VERSIONS["0.2.128"].descriptors
    enum = decode_descriptor(words(g128, Tag.ENUM, *_name("Color"), 3, *_name("lib-1")), g128)
    assert (enum.name, enum.hole, enum.crate) == ("Color", 3, "lib-1")
    fruit = decode_descriptor(words(g128, Tag.STRING_ENUM, *_name("Fruit"), 2), g128)
    assert fruit.crate == ""
    g130 = VERSIONS["0.2.130"].descriptors  # 0.2.130 adds a module hash after the crate
    enum = decode_descriptor(words(g130, Tag.ENUM, *_name("Color"), 3, *_name("lib-1"), 99), g130)
    assert enum.crate == "lib-1"
