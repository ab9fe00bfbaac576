"""js-sys built-ins from the default scope, called from Rust: one test crate per family
(``tests/crates/builtins-*``). Each Rust function asserts its own results; a failed check panics,
and the panic hook puts the failing assertion into the ``RustPanic`` message.
"""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import wasmbindgen
from crate_builds import BY_RELEASE
from wasmbindgen.imports_report import import_uses, js_sys_coverage
from wasmbindgen.pipeline import analyse
from wasmbindgen.runtime.builtins.collections import Map
from wasmbindgen.runtime.builtins.date import Date
from wasmbindgen.runtime.builtins.typed_arrays import Uint8Array

FAMILY_CHECKS = {
    "objects": ["objects", "objects_all", "misc_global"],
    "arrays": ["arrays", "misc_arrays"],
    "strings": ["strings", "strings_all"],
    "numbers": ["numbers_math_json", "math_all", "misc_numbers"],
    "collections": ["collections", "misc_collections"],
    "dates": ["dates", "dates_all"],
    "binary": ["typed_arrays", "typed_arrays_all", "data_views_all", "misc_atomics"],
    "functions": ["misc_functions", "misc_errors"],
    "symbols": ["symbols_iterators_bigint_atomics", "misc_symbols"],
    # js-sys 0.3.104 (wasm-bindgen 0.2.127) and later
    "modern": [
        "arrays_modern",
        "array_tuples",
        "arrays_from_async",
        "errors_modern",
        "sets_modern",
        "weak_refs",
        "finalization",
        "math_pi",
        "resizable_buffers",
        "growable_shared_buffers",
        "float16",
        "data_view_float16",
        "typed_copy_within",
        "typed_copy_to",
        "atomics_modern",
        "atomics_wait_async_notified",
    ],
    # js-sys 0.3.107 (wasm-bindgen 0.2.130) and later
    "newest": [
        "disposable_stacks",
        "disposal_errors_are_suppressed",
        "async_disposable_stacks",
        "errors_newest",
        "typed_arrays_newest",
        "uint8_codecs",
        "iterator_helpers",
        "json_raw",
        "collections_newest",
        "math_newest",
        "promises_newest",
        "regexp_newest",
        "strings_newest",
        "symbols_newest",
    ],
}
CRATES = [f"builtins_{family}" for family in FAMILY_CHECKS]


@pytest.fixture
def family(wasm_path):
    """``family("dates")``: a fresh instance of that family's test crate."""
    return lambda name: wasmbindgen.load(wasm_path(f"builtins_{name}"))


@pytest.mark.parametrize(
    ("name", "check"), [(name, check) for name, checks in FAMILY_CHECKS.items() for check in checks]
)
def test_family_called_from_rust(family, name, check):
    result = getattr(family(name), check)()
    if inspect.isawaitable(result):  # an async check: its future runs on asyncio
        wasmbindgen.run(result)


@pytest.mark.parametrize(
    ("kind", "python_class"),
    [
        ("type", TypeError),
        ("range", ValueError),
        ("syntax", ValueError),
        ("uri", ValueError),
        ("reference", NameError),
        ("eval", wasmbindgen.Error),
    ],
)
def test_js_errors_are_python_exceptions(family, kind, python_class):
    m = family("functions")
    error = m.errors(kind)
    assert isinstance(error, python_class) and isinstance(error, wasmbindgen.Error)
    assert m.error_message(error).endswith(str(error))
    assert error.stack.startswith(error.toString())


def test_a_js_type_error_from_rust_is_caught_by_except_type_error(family):
    with pytest.raises(TypeError, match="thrown from Rust"):
        family("functions").throw_type_error()


def test_unsupported_features_raise_a_clear_error(family):
    with pytest.raises(wasmbindgen.Error, match="eval is not supported by wasmbindgen"):
        family("functions").call_unsupported()


def test_typed_arrays_cross_to_python_as_sequences(family):
    m = family("binary")
    data = m.make_bytes()
    assert isinstance(data, Uint8Array)
    assert data.tobytes() == b"hi!" and list(data) == [104, 105, 33] and len(data) == 3
    assert m.sum_u8(Uint8Array(b"abc")) == 294
    assert m.sum_u8(Uint8Array([1, 2, 300])) == 47  # 300 wraps to 44, as JS ToUint8 does


def test_generator_throw_return_and_async_iterators(family):
    m = family("symbols")

    def numbers():
        try:
            yield 1
        except Exception as exc:
            yield f"caught {exc}"
        yield 3

    async def later():
        yield 5

    assert m.generator_controls(numbers()) == 'JsValue(1) JsValue("caught stop") JsValue(9) true'
    assert wasmbindgen.run(m.async_next(later())) == {"done": False, "value": 5}


@pytest.mark.parametrize("with_args", [False, True])
def test_function_from_source_is_unsupported(family, with_args):
    with pytest.raises(wasmbindgen.Error, match="cannot run"):
        family("functions").function_from_source(with_args)


def test_python_generators_are_js_generators(family):
    m = family("symbols")

    def numbers():
        yield 1
        yield 2.5

    assert m.drive_generator(numbers()) == 3.5


def test_functions_and_instanceof(family):
    assert family("functions").functions(lambda a, b: a * b) == "6 2"
    m = family("objects")
    assert m.is_instance([1]) == "true false false false"
    assert m.is_instance(Map()) == "false true false false"
    assert m.is_instance(Date()) == "false false true false"


def test_coverage_of_js_sys_bindings(wasm_path):
    """Every binding of the js-sys the release links, outside eval/Proxy/Intl/Temporal/
    WebAssembly (and the browser-only self/window), is implemented by the default scope: a
    missing one fails here, by name. Members of dictionary types (option bags) are structural."""
    cov = js_sys_coverage(analyse(wasm_path("builtins_objects").read_bytes(), "o.wasm").programs)
    assert cov is not None
    assert len(cov.implemented) + len(cov.missing) + len(cov.unsupported) > 500
    assert not cov.missing, [b.js_path for b in cov.missing]
    implemented = {b.js_path for b in cov.implemented}
    for path in ("Array.prototype.push", "Object.keys", "Reflect.get", "JSON.parse", "Math.max"):
        assert path in implemented
    allowed = {"eval", "Proxy", "Intl", "Temporal", "WebAssembly", "self", "window"}
    # bindings whose Rust name no JS engine defines (js-sys forgot a js_name)
    absent_in_js = {"concat_many", "slice_from", "notify_bigint", "next_iterator", "set_symbol"}
    absent_in_js |= {"pause_with_hint", "toTemporalInstant"}
    for binding in cov.unsupported:
        assert binding.root_name in allowed or binding.name in absent_in_js, binding.js_path
    assert all(b.dictionary for b in cov.structural)


def test_the_test_crates_call_every_binding(wasm_path, release):
    """Every binding the default scope implements is imported (and called, with asserted
    results) by a Rust test crate: a binding added without a Rust test fails here."""
    used = set()
    crates = (*CRATES, "closures", "promises", "thirdparty")
    for crate in (c for c in crates if BY_RELEASE[release].builds(c.replace("_", "-"))):
        interface = analyse(wasm_path(crate).read_bytes(), crate).interface
        used |= {use.js_path for use in import_uses(interface)}
    cov = js_sys_coverage(analyse(wasm_path("builtins_objects").read_bytes(), "o.wasm").programs)
    assert cov is not None
    implemented = {b.js_path for b in cov.implemented}
    exercised = implemented & used
    assert exercised == implemented, sorted(implemented - used)


def test_imports_command_lists_uses_and_resolution(wasm_path):
    out = subprocess.run(
        [sys.executable, "-m", "wasmbindgen", "imports", str(wasm_path("promises"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Promise.resolve" in out and "default scope" in out
    assert "py_value" in out and "unresolved  (pass globals={'py_value': ...})" in out
    assert "js-sys bindings (of the js-sys wasm-bindgen" in out and "in the default scope:" in out


def test_imports_report_tells_structural_members_from_globals(wasm_path):
    interface = analyse(wasm_path("imports").read_bytes(), "imports.wasm").interface
    rows = {(row.js_path, row.resolves) for row in import_uses(interface)}
    assert ("Duck.prototype.quack", "the receiver") in rows  # structural: any object will do
    assert ("Widget.prototype.grow", "unresolved") in rows  # final: looked up on the class
    assert ("gcd", "Python module math") in rows  # raw_module = "math"
    assert ("console.log", "default scope") in rows
    uses = import_uses(interface, globals={"Widget": object})
    assert ("new Widget", "globals=") in {(row.js_path, row.resolves) for row in uses}


def test_imports_report_leaves_out_intrinsics_and_resolves_instanceof(wasm_path):
    interface = analyse(wasm_path("builtins_objects").read_bytes(), "o.wasm").interface
    rows = {row.js_path: row.resolves for row in import_uses(interface)}
    assert rows["instanceof Date"] == rows["instanceof Map"] == "default scope"
    assert rows.get("self", "absent") == "absent"  # js-sys's global() probes, then falls back
    assert not any("wbindgen" in path or path in ("throw", "jsval_eq") for path in rows)


def test_imports_command_rejects_a_bad_file_cleanly(tmp_path):
    bad = tmp_path / "bad.wasm"
    bad.write_bytes(b"\0asm junk")
    result = subprocess.run(
        [sys.executable, "-m", "wasmbindgen", "imports", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("wasmbindgen: error:") and "Traceback" not in result.stderr


def test_values_of_the_wrong_kind_name_the_binding(family):
    m = family("collections")
    assert m.map_size(Map([["a", 1]])) == 1 and m.map_get(Map([["a", 1]]), "a") == 1
    with pytest.raises(TypeError, match=r"Map\.prototype\.size returned None"):
        m.map_size("not a map")
    with pytest.raises(TypeError, match=r"str\.get is not a function"):
        m.map_get("not a map", "a")
