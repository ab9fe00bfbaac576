from __future__ import annotations

import pytest

from wasmbindgen.model import ExportKind, Kind, NoneAs, Receiver, Ref, Scalar
from wasmbindgen.model.abi import AbiRules, c_layout, ret_layout, value_abi, with_abi
from wasmbindgen.model.build import enum_hole
from wasmbindgen.model.naming import Naming, qualified_name, symbol_suffix
from wasmbindgen.model.types import ValueType
from wasmbindgen.pipeline import analyse

PAIRS = AbiRules(option_f64_sentinel=None)
F64_OPTIONS = AbiRules(option_f64_sentinel=9007199254740991.0)


def interface(wasm_path, name):
    return analyse(wasm_path(name).read_bytes(), name).interface


def test_enum_hole_rule():
    assert enum_hole([1, 2, 5]) == 3
    assert enum_hole([0, 1]) == 2
    assert enum_hole([0]) == 1
    assert enum_hole([3]) == 4


def test_exports_interface(wasm_path):
    iface = interface(wasm_path, "exports")
    assert iface.crate == "exports"
    assert len(iface.starts) == 1 and iface.starts[0].startswith("on_start")
    classes = {c.js_name: c for c in iface.classes}
    point = classes["Point"]
    kinds = {m.js_name: (m.kind, m.receiver) for m in point.methods}
    assert kinds["new"] == (ExportKind.CONSTRUCTOR, Receiver.NONE)
    assert kinds["origin"] == (ExportKind.STATIC_METHOD, Receiver.NONE)
    assert kinds["norm"] == (ExportKind.METHOD, Receiver.BORROWED)
    assert kinds["into_sum"] == (ExportKind.METHOD, Receiver.CONSUMED)
    assert [f.js_name for f in point.fields] == ["x", "y"]
    assert classes["Token"].fields[0].setter is None
    assert "Renamed" in classes
    functions = {f.js_name: f for f in iface.functions}
    echo = functions["echo_str"].signature
    assert echo.params[0].type == ValueType(Kind.STRING, ref=Ref.SHARED)
    assert functions["checked_div"].signature.fallible
    assert functions["renamedFunction"].wasm_name.startswith("renamedFunction")
    colors = {e.js_name: e for e in iface.enums}
    assert colors["Color"].hole == 3


def test_imports_interface(wasm_path):
    iface = interface(wasm_path, "imports")
    shims = {i.name: i for i in iface.imports}
    assert shims["log"].root.namespace == ("console",)
    assert shims["host_may_fail"].catch
    assert shims["host_sum"].variadic
    assert shims["helper_double"].root.module == "helpers"
    assert shims["host_upper"].signature.retptr is not None
    assert {s.name for s in iface.statics} >= {"MAGIC", "DEFAULT"}
    assert [i.class_name for i in iface.instanceofs] == ["Widget"]
    assert "__wbindgen_object_drop_ref" in iface.protocol


def test_abi_layouts():
    f64 = with_abi(ValueType(Kind.NUMBER, scalar=Scalar.F64), PAIRS)
    opt_f64 = with_abi(ValueType(Kind.NUMBER, scalar=Scalar.F64, optional=True), PAIRS)
    string = with_abi(ValueType(Kind.STRING), PAIRS)
    unit = ValueType(Kind.UNIT)
    assert opt_f64.abi.wasm == ("u32", "f64")
    assert c_layout(["u32", "f64"]) == ([0, 8], 16, 8)
    result_unit = ret_layout(unit, True)
    assert result_unit is not None and (result_unit.err, result_unit.is_err) == (0, 4)
    result_f64 = ret_layout(f64, True)
    assert result_f64 is not None and (result_f64.offsets, result_f64.is_err) == ((0,), 12)
    layout = ret_layout(string, True)
    assert layout is not None and (layout.offsets, layout.is_err) == ((0, 4), 12)
    layout = ret_layout(opt_f64, True)
    assert layout is not None and (layout.offsets, layout.is_err) == ((0, 8), 20)
    assert ret_layout(string, False) is not None and ret_layout(f64, False) is None


@pytest.mark.parametrize(
    ("scalar", "rules", "wasm", "none"),
    [
        (Scalar.U32, PAIRS, ("u32", "u32"), NoneAs.TAG),
        (Scalar.U32, F64_OPTIONS, ("f64",), NoneAs.F64_SENTINEL),
        (Scalar.F32, F64_OPTIONS, ("f64",), NoneAs.F64_SENTINEL),
        (Scalar.F64, F64_OPTIONS, ("u32", "f64"), NoneAs.TAG),
        (Scalar.U8, F64_OPTIONS, ("i32",), NoneAs.SENTINEL),
        (Scalar.I128, F64_OPTIONS, ("u32", "u64", "i64"), NoneAs.TAG),
    ],
)
def test_option_encodings_per_release(scalar, rules, wasm, none):
    abi = value_abi(ValueType(Kind.NUMBER, scalar=scalar, optional=True), rules)
    assert (abi.wasm, abi.none) == (wasm, none)


def test_i128_result_goes_through_a_return_pointer():
    i128 = with_abi(ValueType(Kind.NUMBER, scalar=Scalar.I128), F64_OPTIONS)
    layout = ret_layout(i128, False)
    assert i128.abi.wasm == ("u64", "i64") and layout is not None and layout.offsets == (0, 8)


def test_naming_rules_per_release():
    old, new = Naming(), Naming(namespaced=True, sanitized=True, crate_mangled=True)
    assert old.export("Point", "new", None, "abc") == "point_new"
    assert new.export("Point", "new", ("geo",), "abc") == "geo__point_new_abc"
    assert new.export(None, "[Symbol.iterator]", None, "h") == "Symbol_iterator_h"
    assert old.struct("Point", "free", "h") == "__wbg_point_free"
    assert new.field("geo__Point", "x", True, "h") == "__wbg_set_geo__point_x_h"
    assert qualified_name(("a", "b"), "C") == "a__b__C" and symbol_suffix("a-b") == "a_b"
