"""The code walker: finding callers and call sites, and inlining a constant import."""

from __future__ import annotations

import pytest
import wasmtime
from hypothesis import given
from hypothesis import strategies as st

from wasmbindgen.model.build import XFORM_MODULE
from wasmbindgen.pipeline import analyse
from wasmbindgen.wasm import read_module, rewrite
from wasmbindgen.wasm._bytes import ByteCursor, padded_sleb
from wasmbindgen.wasm.code import call_sites, calls_to, inline_constant
from wasmbindgen.wasm.rewrite import appended_table_slot
from wasmbindgen.wasm.trampoline import table_trampoline

CALLER = """
(module
  (import "m" "answer" (func $answer (result i32)))
  (func (export "twice") (result i32) (i32.add (call $answer) (call $answer)))
  (func (export "other") (result i32) (i32.const 3)))
"""


@given(st.integers(min_value=1, max_value=5), st.data())
def test_padded_sleb_reads_back(size, data):
    bound = 1 << (7 * size - 1)
    value = data.draw(st.integers(min_value=-bound, max_value=bound - 1))
    encoded = padded_sleb(value, size)
    assert len(encoded) == size
    assert ByteCursor(encoded, 0, size).leb_s64() == value


def test_padded_sleb_refuses_what_does_not_fit():
    with pytest.raises(ValueError, match="does not fit"):
        padded_sleb(64, 1)


def test_inline_constant_replaces_each_call_in_place():
    module = read_module(wasmtime.wat2wasm(CALLER), "c.wasm")
    twice = module.imported_functions  # the first defined function
    assert calls_to(module, 0) == [twice]
    assert len(call_sites(module.data, module.body(twice), 0)) == 2
    assert inline_constant(module, 0, 1028) == {}  # a 1-byte index cannot hold it: left alone
    bodies = inline_constant(module, 0, 36)
    assert set(bodies) == {twice}
    patched = read_module(rewrite(module, bodies=bodies), "c.wasm")
    assert calls_to(patched, 0) == []
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    linker = wasmtime.Linker(engine)
    linker.define_func("m", "answer", wasmtime.FuncType([], [wasmtime.ValType.i32()]), lambda: 0)
    instance = linker.instantiate(store, wasmtime.Module(engine, patched.data))
    assert instance.exports(store)["twice"](store) == 72  # the host was not asked


def test_current_modules_drop_js_values_without_asking_for_statics_end(wasm_path, release):
    """0.2.130's JsValue drop asks `__wbindgen_externref_statics_end` each time; the module
    the host runs has that answer inlined, as the CLI does."""
    data = wasm_path("closures").read_bytes()
    raw = read_module(data, "closures.wasm")
    index = raw.function_import_index(XFORM_MODULE, "__wbindgen_externref_statics_end")
    if index is None:
        assert release != "0.2.130"
        return
    assert calls_to(raw, index)
    ran = read_module(analyse(data, "closures.wasm").wasm_bytes, "closures.wasm")
    assert calls_to(ran, index) == []


def test_appended_table_slots_take_host_functions():
    """A cast function's body becomes a call_indirect of its own type to a slot the rewrite
    appends; the host puts its function there."""
    wat = """
    (module
      (type $t (func (param i32 f64) (result i32)))
      (table 2 2 funcref)
      (func $cast (type $t) (i32.const 99))
      (func (export "run") (result i32) (call $cast (i32.const 7) (f64.const 1.5))))
    """
    module = read_module(wasmtime.wat2wasm(wat), "t.wasm")
    slot = appended_table_slot(module)
    assert slot == 2
    body = table_trampoline(2, module.function_types[0], slot)
    data = rewrite(module, bodies={0: body}, table_slots=1)
    grown = read_module(data, "t.wasm")
    assert grown.defined_tables[0].minimum == grown.defined_tables[0].maximum == 3
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    instance = wasmtime.Instance(store, wasmtime.Module(engine, data), [])
    exports = instance.exports(store)
    i32, f64 = wasmtime.ValType.i32(), wasmtime.ValType.f64()
    host = wasmtime.Func(store, wasmtime.FuncType([i32, f64], [i32]), lambda a, b: a + int(b * 2))
    exports["__wbindgen_function_table_export"].set(store, slot, host)
    assert exports["run"](store) == 10  # the host got both arguments in place
