"""`python -m wasmbindgen build` writes an importable, typed package."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from wasmbindgen import BindgenError, build


def run(code: str, cwd) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_build_and_import(wasm_path, tmp_path):
    out = tmp_path / "mycrate"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wasmbindgen",
            "build",
            str(wasm_path("exports")),
            "--out-dir",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "__init__.py",
        "__init__.pyi",
        "mycrate_bg.wasm",
        "py.typed",
    ]
    printed = run(
        """
        import mycrate
        p = mycrate.Point(3, 4)
        print(mycrate.add(1, 2), p.norm(), mycrate.Color.Blue.name, mycrate.start_count())
    """,
        tmp_path,
    )
    assert printed.split() == ["3", "5.0", "Blue", "1"]
    pickled = run(
        """
        import pickle, mycrate
        again = pickle.loads(pickle.dumps(mycrate))  # a package pickles as its name
        print(again is mycrate, again.add(2, 2))
    """,
        tmp_path,
    )
    assert pickled.split() == ["True", "4"]
    # unchanged output is not rewritten
    assert build(wasm_path("exports"), out) == []


def test_mypy_checks_callers_against_stubs(wasm_path, tmp_path):
    build(wasm_path("exports"), tmp_path / "typed")
    good = tmp_path / "good.py"
    good.write_text(
        textwrap.dedent("""
        import typed
        p: typed.Point = typed.Point(1.0, 2.0)
        n: float = p.norm()
        s: str = typed.echo_str("x")
        c: typed.Color = typed.next_color(typed.Color.Red)
        b: bytes = typed.echo_bytes(b"a")
    """)
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import typed\ntyped.add('x', 1)\nv: str = typed.add(1, 2)\n")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    ok = subprocess.run(
        [*mypy, str(good)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stdout
    failed = subprocess.run(
        [*mypy, str(bad)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1
    assert 'Argument 1 to "add" has incompatible type "str"' in failed.stdout
    assert "Incompatible types in assignment" in failed.stdout


def test_cli_reports_errors_cleanly(tmp_path):
    bad = tmp_path / "bad.wasm"
    bad.write_bytes(b"nope")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wasmbindgen",
            "build",
            str(bad),
            "--out-dir",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("wasmbindgen: error:") and "bad.wasm" in result.stderr
    assert "Traceback" not in result.stderr


def test_out_dir_must_be_an_identifier(wasm_path, tmp_path):
    with pytest.raises(BindgenError, match="not a Python identifier"):
        build(wasm_path("basics"), tmp_path / "my-crate")


def test_async_exports_are_typed_coroutines(wasm_path, tmp_path):
    build(wasm_path("promises"), tmp_path / "asyncpkg")
    good = tmp_path / "use_async.py"
    good.write_text(
        textwrap.dedent("""
        import asyncio
        import asyncpkg

        async def main() -> int:
            doubled: int = await asyncpkg.double_async(2)
            text: str = await asyncpkg.greet_async("x")
            return doubled + len(text)

        print(asyncio.run(main()))
    """)
    )
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(good)]
    checked = subprocess.run(mypy, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout
    ran = subprocess.run(
        [sys.executable, str(good)], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert ran.stdout.strip() == "11"


def test_stubs_of_newer_features_type_check(wasm_path, release, tmp_path):
    """Namespaces, string enums, defaulted and variadic parameters, static properties and
    async constructors are typed, and mypy rejects their misuse."""
    build(wasm_path("defects"), tmp_path / "defects_pkg")
    good = [
        "import defects_pkg as d",
        "async def main() -> int:",
        "    slow: d.Slow = await d.Slow(1)",
        "    return slow.v",
        "s: str = d.greet_opt('a')",
        "n: int = d.sum_all(1, 2, 3) + d.Dual(1).value",
        "shade: d.Shade = d.lighter(d.Shade.Dark)",
    ]
    bad = ["import defects_pkg as d", "d.greet_opt()", "x: str = d.sum_all(1)"]
    if release != "0.2.83":
        build(wasm_path("modern"), tmp_path / "modern_pkg")
        good += [
            "import modern_pkg as m",
            "a: float = m.geo.area(1, 2) + m.geo.solid.area(1, 2, 3)",
            "f: str = m.next_fruit('apple')",
            "w: list[str] = m.words('a b')",
            "big: int = m.echo_i128(2**100)",
        ]
        bad += ["import modern_pkg as m", "m.next_fruit('durian')", "m.geo.area('x', 1)"]
    (tmp_path / "good.py").write_text("\n".join(good) + "\n")
    (tmp_path / "bad.py").write_text("\n".join(bad) + "\n")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    ok = subprocess.run([*mypy, "good.py"], cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    failed = subprocess.run([*mypy, "bad.py"], cwd=tmp_path, capture_output=True, text=True)
    errors = [ln for ln in failed.stdout.splitlines() if ": error:" in ln]
    assert len(errors) == len(bad) - (2 if release != "0.2.83" else 1), failed.stdout
