"""The compiled boundary (``wasmbindgen.runtime._native``): which path runs, the C heap against
its Python twin, bounds and argument checks, and a build for another wasmtime refused.

The rest of the suite runs on whichever path this process uses; the test command runs it once
on each (``WASMBINDGEN_PURE=1`` the second time), so behaviour is compared by the same tests.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wasmbindgen
from wasmbindgen.runtime import native
from wasmbindgen.runtime.heap import BorrowStackExhausted, Heap
from wasmbindgen.runtime.values import null

ROOT = Path(__file__).resolve().parents[2]
compiled = pytest.mark.skipif(native.NATIVE is None, reason=native.describe())


def test_the_path_in_use_is_the_one_asked_for():
    """CI builds the extension (WASMBINDGEN_REQUIRE_NATIVE=1) and runs the suite on both paths."""
    pure = os.environ.get(native.PURE_ENV, "") not in ("", "0")
    if pure:
        assert native.NATIVE is None and "WASMBINDGEN_PURE" in native.describe()
    elif os.environ.get("WASMBINDGEN_REQUIRE_NATIVE") == "1":
        assert native.NATIVE is not None, native.describe()
        assert native.describe().startswith("compiled")
    else:
        pytest.skip(f"neither path required here; this process runs {native.describe()}")


def test_wasmbindgen_pure_forces_the_pure_path(tmp_path):
    code = "from wasmbindgen.runtime import native; print(native.NATIVE is None, native.describe())"
    env = {**os.environ, native.PURE_ENV: "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("True pure-Python (WASMBINDGEN_PURE=1)"), out.stdout


# -- the heap and its twin ------------------------------------------------------------------------


def heaps(base: int) -> list[object]:
    made: list[object] = [Heap(base)]
    if native.NATIVE is not None:
        made.append(native.NATIVE.Heap(base, null, BorrowStackExhausted))
    return made


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from([None, 1, "s", null, True, 2.5])),
        st.tuples(st.sampled_from(["get", "drop", "take", "clone"]), st.integers(0, 60)),
        st.tuples(st.just("borrow"), st.sampled_from([None, "b", 3])),
        st.tuples(st.just("unwind"), st.integers(0, 40)),
        st.tuples(st.just("live_count"), st.none()),
    ),
    max_size=80,
)


def run_ops(heap: object, ops: list[tuple[str, object]]) -> list[object]:
    seen: list[object] = []
    for name, arg in ops:
        method = getattr(heap, name)
        try:
            seen.append(method() if name == "live_count" else method(arg))
        except (IndexError, BorrowStackExhausted) as exc:
            seen.append(type(exc))
    seen.append((heap.borrow_top, heap.live_count()))  # type: ignore[attr-defined]
    return seen


@compiled
@settings(max_examples=300, deadline=None)
@given(ops=OPS, base=st.sampled_from([8, 32]))
def test_the_c_heap_behaves_as_the_python_heap(ops, base):
    python_heap, c_heap = heaps(base)
    assert run_ops(c_heap, ops) == run_ops(python_heap, ops)


@compiled
def test_the_c_heap_refuses_bad_construction():
    with pytest.raises(ValueError, match="base"):
        native.NATIVE.Heap(0, null, BorrowStackExhausted)  # type: ignore[union-attr]
    heap = native.NATIVE.Heap(32, null, BorrowStackExhausted)  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="already"):
        heap.__init__(32, null, BorrowStackExhausted)
    with pytest.raises(TypeError):
        heap.get("one")


# -- the boundary's own checks --------------------------------------------------------------------


@pytest.fixture
def exports_module(wasm_path):
    return wasmbindgen.load(wasm_path("exports"))


@compiled
def test_memory_access_outside_linear_memory_is_an_exception(exports_module):
    boundary = exports_module._wb_rt.wasm.native
    size = len(exports_module._wb_rt.wasm.whole_view())
    with pytest.raises(wasmbindgen.RustPanic) as error:
        boundary.read_str(size - 2, 8)
    source = exports_module._wb_rt.source  # worded as the pure path words it
    assert str(error.value) == f"{source}: access to {size + 6:#x} is outside linear memory"
    with pytest.raises(wasmbindgen.RustPanic, match="outside linear memory"):
        boundary.take_str(size, 1)
    with pytest.raises(ValueError, match="not a wasm32 span"):
        boundary.read_str(2**40, 1)
    with pytest.raises(OverflowError):
        boundary.read_str(-1, 1)
    with pytest.raises(TypeError):
        boundary.read_str(0)
    assert boundary.read_str(0, 0) == ""
    assert exports_module.add(1, 2) == 3  # nothing was poisoned


@compiled
def test_bad_calls_to_the_boundary_are_exceptions(exports_module):
    wasm = exports_module._wb_rt.wasm
    boundary = wasm.native
    add = wasm.func_ref(next(name for name in wasm.exports if name.startswith("add")))
    with pytest.raises(ValueError, match="does not fit the call buffer"):
        boundary.invoke(add, 10_000)
    with pytest.raises(ValueError, match="NULL"):
        boundary.invoke(0, 2)
    with pytest.raises(TypeError):
        boundary.invoke(add)
    with pytest.raises(ValueError, match="unknown value code"):
        boundary.export(add, "Iz", "I", print)
    with pytest.raises(ValueError, match="one result code"):
        boundary.export(add, "II", "", print)
    with pytest.raises(TypeError, match="callable"):
        boundary.export(add, "II", "I", None)
    with pytest.raises(ValueError, match="js_call"):
        boundary.host(print, "I", "I", print, print, native.NATIVE.JS_CALL, None)  # type: ignore[union-attr]
    assert exports_module.add(2, 3) == 5


@compiled
def test_a_compiled_export_hands_every_unusual_call_to_its_python_function(exports_module):
    m = exports_module
    assert type(m.add).__name__ == "DirectExport"
    assert m.add.__wrapped__.__name__ == "add" == m.add.__name__
    assert str(inspect.signature(m.add)) == "(a: 'int', b: 'int') -> 'int'"
    bad_calls = [
        (m.add, ("1", 2), {}),
        (m.add, (1,), {}),
        (m.add, (1, 2, 3), {}),
        (m.add, (-1, 2), {}),
        (m.add, (2**32, 2), {}),
        (m.add, (1.5, 2), {}),
        (m.echo_u8, (256,), {}),
        (m.echo_i8, (-129,), {}),
        (m.echo_f32, ("x",), {}),
        (m.echo_i64, (2**63,), {}),
        (m.echo_u64, (-1,), {}),
    ]
    for fn, args, kwargs in bad_calls:
        with pytest.raises(Exception) as compiled_error:
            fn(*args, **kwargs)
        with pytest.raises(Exception) as python_error:
            fn.__wrapped__(*args, **kwargs)
        assert type(compiled_error.value) is type(python_error.value), (fn, args)
        assert str(compiled_error.value) == str(python_error.value), (fn, args)
    assert m.add(a=1, b=2) == 3  # keywords: the Python function
    assert m.add(True, 2) == 3 and m.echo_f64(3) == 3.0 and m.echo_bool(1) is True


@compiled
@settings(max_examples=200, deadline=None)
@given(
    u32=st.integers(0, 2**32 - 1),
    i64=st.integers(-(2**63), 2**63 - 1),
    f=st.floats(allow_nan=False, width=32),
    d=st.floats(allow_nan=False),
    b=st.booleans(),
)
def test_compiled_and_python_calls_agree(wasm_path, u32, i64, f, d, b):
    m = wasm_path_module(wasm_path)
    for name, value in [
        ("echo_u32", u32),
        ("echo_i64", i64),
        ("echo_f32", f),
        ("echo_f64", d),
        ("echo_bool", b),
    ]:
        fn = getattr(m, name)
        assert fn(value) == fn.__wrapped__(value), (name, value)


_MODULES: dict[str, object] = {}


def wasm_path_module(wasm_path):  # type: ignore[no-untyped-def]
    path = str(wasm_path("exports"))
    if path not in _MODULES:
        _MODULES[path] = wasmbindgen.load(path)
    return _MODULES[path]


@compiled
def test_function_call_in_c_keeps_the_rules_of_function_prototype_call(wasm_path):
    m = wasmbindgen.load(wasm_path("closures"))

    def takes_this(this, *args):
        return sum(args) + (100 if this is null else 0)

    takes_this._wb_takes_this = True  # type: ignore[attr-defined]  # gets `this`, as in JS
    assert m.call_python(takes_this, [4]).startswith("JsValue(100) JsValue(101)")

    class Adder:
        def __call__(self, *args):
            return sum(args)

        def method(self, *args):
            return sum(args)

    expected = "JsValue(0) JsValue(1) JsValue(3) JsValue(6) JsValue(4) JsValue(30)"
    for callable_ in (Adder(), Adder().method, lambda *a: sum(a)):
        assert m.call_python(callable_, [4]) == expected
    with pytest.raises(SystemExit):  # not an Exception: no Err, it ends the call
        m.call_python(sys.exit, [])


# -- an extension built for another wasmtime ------------------------------------------------------


@compiled
def test_an_extension_for_another_wasmtime_is_refused_with_one_warning(tmp_path, wasm_path):
    """Build the extension as if for wasmtime 1.0.0, put it beside a copy of the package, and
    use that copy: one CompiledPathWarning, then everything runs on the pure path."""
    package = tmp_path / "site" / "wasmbindgen"
    shutil.copytree(
        ROOT / "src" / "wasmbindgen", package, ignore=shutil.ignore_patterns("*.so", "__pycache__")
    )
    env = {**os.environ, "WASMBINDGEN_WASMTIME_VERSION": "1.0.0"}
    subprocess.run(
        [
            sys.executable,
            "setup.py",
            "-q",
            "build_ext",
            "--build-lib",
            str(tmp_path / "lib"),
            "--build-temp",
            str(tmp_path / "tmp"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    built = tmp_path / "lib" / "wasmbindgen" / "runtime" / f"_native{suffix}"
    shutil.copy(built, package / "runtime")
    script = textwrap.dedent(f"""
        import warnings
        warnings.simplefilter("always")
        with warnings.catch_warnings(record=True) as caught:
            import wasmbindgen
            from wasmbindgen.runtime import native
            m = wasmbindgen.load({str(wasm_path("exports"))!r})
            assert m.add(2, 3) == 5 and m.echo_str("é") == "é"
            wasmbindgen.load({str(wasm_path("exports"))!r}).add(1, 1)
        assert native.NATIVE is None, native.describe()
        assert wasmbindgen.__file__.startswith({str(package)!r})
        mine = [w for w in caught if issubclass(w.category, wasmbindgen.CompiledPathWarning)]
        assert len(mine) == 1, [str(w.message) for w in caught]
        print(mine[0].message)
    """)
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    env.pop(native.PURE_ENV, None)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    assert "built for wasmtime 1.0.0" in out.stdout and "pure-Python path" in out.stdout
