from __future__ import annotations

from wasmbindgen.model import ExportKind, Kind, Receiver, Ref, Scalar
from wasmbindgen.model.abi import c_layout, needs_retptr, result_layout, wasm_values
from wasmbindgen.model.build import enum_hole
from wasmbindgen.model.types import ValueType
from wasmbindgen.pipeline import analyse


def interface(wasm_path, name):
    return analyse(wasm_path(name).read_bytes(), name)[0]


def test_enum_hole_rule():
    assert enum_hole([1, 2, 5]) == 3
    assert enum_hole([0, 1]) == 2
    assert enum_hole([0]) == 1
    assert enum_hole([3]) == 4


def test_exports_interface(wasm_path):
    iface = interface(wasm_path, "exports")
    assert iface.crate == "exports"
    assert iface.start == "on_start"
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
    assert functions["renamedFunction"].wasm_name == "renamedFunction"
    colors = {e.js_name: e for e in iface.enums}
    assert colors["Color"].hole == 3


def test_imports_interface(wasm_path):
    iface = interface(wasm_path, "imports")
    shims = {i.name: i for i in iface.imports}
    assert shims["log"].root.namespace == ("console",)
    assert shims["host_may_fail"].catch
    assert shims["host_sum"].variadic
    assert shims["helper_double"].root.module == "helpers"
    assert shims["host_upper"].retptr
    assert {s.name for s in iface.statics} == {"MAGIC", "DEFAULT"}
    assert [i.class_name for i in iface.instanceofs] == ["Widget"]
    assert "__wbindgen_object_drop_ref" in iface.intrinsics


def test_abi_layouts():
    f64 = ValueType(Kind.NUMBER, scalar=Scalar.F64)
    opt_f64 = ValueType(Kind.NUMBER, scalar=Scalar.F64, optional=True)
    string = ValueType(Kind.STRING)
    unit = ValueType(Kind.UNIT)
    assert wasm_values(opt_f64) == ["u32", "f64"]
    assert c_layout(["u32", "f64"]) == ([0, 8], 16, 8)
    assert result_layout(unit, True) == ([], 4)
    assert result_layout(f64, True) == ([0], 12)
    assert result_layout(string, True) == ([0, 4], 12)
    assert result_layout(opt_f64, True) == ([0, 8], 20)
    assert needs_retptr(string) and not needs_retptr(f64) and needs_retptr(f64, True)
