from __future__ import annotations

import pytest

from wasmbindgen.describe import Tag, decode_descriptor, run_describes
from wasmbindgen.describe.descriptor import DescriptorError
from wasmbindgen.runtime.engine import compile_module
from wasmbindgen.wasm import ensure_host_exports, read_module


def test_greet_stream():
    desc = decode_descriptor([11, 0, 1, 15, 14, 14, 14])
    assert desc.function is not None
    (arg,) = desc.function.args
    assert arg.tag == Tag.REF and arg.inner is not None and arg.inner.tag == Tag.STRING
    assert desc.function.ret.tag == Tag.STRING


def test_struct_name_and_closure():
    name = [ord(c) for c in "Interval"]
    desc = decode_descriptor([11, 0, 0, 22, 8, *name, 22, 8, *name])
    assert desc.function is not None and desc.function.ret.name == "Interval"
    closure = decode_descriptor([12, 13, 14, 16, 11, 15, 0, 26, 26])
    assert closure.closure is not None
    assert (closure.closure.invoke_idx, closure.closure.dtor_idx) == (13, 14)
    assert closure.closure.mutable


def test_clamped_marks_u8():
    desc = decode_descriptor([27, 15, 17, 1])
    assert desc.tag == Tag.REF and desc.inner is not None and desc.inner.inner is not None
    assert desc.inner.inner.clamped


@pytest.mark.parametrize("words", [[], [99], [11, 0, 1], [20, 3, 65], [14, 14], [20, 1, 0xD800]])
def test_bad_streams(words):
    with pytest.raises(DescriptorError):
        decode_descriptor(words)


def test_runs_every_describe_export(wasm_path):
    data = wasm_path("exports").read_bytes()
    module = compile_module(ensure_host_exports(read_module(data, "e")), "e")
    descriptors = run_describes(module, "e")
    assert descriptors["add"].function is not None
    assert [a.tag for a in descriptors["add"].function.args] == [Tag.U32, Tag.U32]
    assert descriptors["__wbg_get_point_x"].tag == Tag.F64
    opt_color = descriptors["echo_opt_color"].function
    assert opt_color is not None and opt_color.args[0].inner is not None
    assert opt_color.args[0].inner.hole == 3
