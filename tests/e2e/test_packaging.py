"""``python -m wasmbindgen build path/to/crate [--wheel]``: cargo, the package, a wheel that
pip installs into a fresh venv, stubs that mypy checks callers against (crate examples/hello)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from wasmbindgen import BindgenError
from wasmbindgen.packaging.cargo import read_crate
from wasmbindgen.packaging.wheel import python_version

ROOT = Path(__file__).resolve().parents[2]
HELLO = ROOT / "examples" / "hello"
# the example's own target folder: later runs (and the demo) reuse its wasm32 std build
CARGO_ENV = {"CARGO_TARGET_DIR": str(HELLO / "target")}


def wasmbindgen_cli(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wasmbindgen", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **CARGO_ENV, **(env or {})},
        timeout=900,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example crate built by the CLI: its package and wheel in a temporary folder."""
    out = tmp_path_factory.mktemp("built")
    result = wasmbindgen_cli(
        "build", str(HELLO), "--out-dir", str(out / "hello"), "--wheel", "--wheel-dir", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {out / 'hello'}" in result.stdout
    return out


def test_build_from_a_crate_writes_the_package(built):
    package = built / "hello"
    assert sorted(p.name for p in package.iterdir()) == [
        "__init__.py",
        "__init__.pyi",
        "hello_bg.wasm",
        "py.typed",
    ]
    result = subprocess.run(
        [sys.executable, "-c", "import hello; print(hello.word_count('a b c'))"],
        capture_output=True,
        text=True,
        cwd=built,
    )
    assert result.stdout.strip() == "3", result.stderr


def test_the_wheel_carries_cargo_metadata(built):
    (wheel,) = built.glob("*.whl")
    assert wheel.name == "hello-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read("hello-0.1.0.dist-info/METADATA").decode()
    assert {
        "hello/__init__.py",
        "hello/__init__.pyi",
        "hello/py.typed",
        "hello/hello_bg.wasm",
    } <= names
    assert "Name: hello\n" in metadata and "Version: 0.1.0\n" in metadata
    assert "Summary: Greetings and word counts from Rust, for Python\n" in metadata
    assert "MIT OR Apache-2.0" in metadata
    assert "Requires-Dist: wasmbindgen>=" in metadata


def test_the_wheel_installs_in_a_fresh_venv_and_mypy_checks_callers(built, tmp_path):
    (wheel,) = built.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(ROOT), str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr
    run = subprocess.run(
        [str(python), "-c", "import hello; print(hello.greet('venv'))"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.stdout.splitlines() == ["Hello, venv!", "Hello, venv!"], run.stderr  # log + print
    good = tmp_path / "good.py"
    good.write_text(
        textwrap.dedent(
            """
            import hello

            greeting: str = hello.greet("mypy")
            count: int = hello.word_count("a b")
            total: int = hello.Tally().add("x y")
            """
        )
    )
    bad = tmp_path / "bad.py"
    bad.write_text("import hello\n\nhello.word_count(3)\nname: int = hello.greet('x')\n")
    mypy = [sys.executable, "-m", "mypy", "--python-executable", str(python), "--no-incremental"]
    checked = subprocess.run([*mypy, str(good)], capture_output=True, text=True, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    refused = subprocess.run([*mypy, str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert refused.returncode == 1
    assert (
        'Argument 1 to "word_count" has incompatible type "int"; expected "str"' in refused.stdout
    )
    assert "Incompatible types in assignment" in refused.stdout


def test_a_folder_that_is_not_a_crate(tmp_path):
    result = wasmbindgen_cli("build", str(tmp_path))
    assert result.returncode == 1
    assert "not a Cargo project (no Cargo.toml)" in result.stderr
    assert "Traceback" not in result.stderr


def _crate(tmp_path: Path, manifest: str, source: str = "") -> Path:
    crate = tmp_path / "crate"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(textwrap.dedent(manifest))
    (crate / "src" / "lib.rs").write_text(source)
    return crate


def test_a_crate_without_cdylib(tmp_path):
    crate = _crate(
        tmp_path,
        """
        [package]
        name = "plain"
        version = "0.1.0"
        edition = "2021"

        [dependencies]
        """,
    )
    cdylib = r"(?s)does not build a cdylib.*crate-type = \[\"cdylib\"\]"
    with pytest.raises(BindgenError, match=cdylib):
        read_crate(crate)


def test_a_crate_without_wasm_bindgen(tmp_path):
    crate = _crate(
        tmp_path,
        """
        [package]
        name = "plain"
        version = "0.1.0"
        edition = "2021"

        [lib]
        crate-type = ["cdylib"]
        """,
    )
    result = wasmbindgen_cli("build", str(crate))
    assert result.returncode == 1
    assert "does not depend on wasm-bindgen" in result.stderr
    assert 'wasm-bindgen = "0.2"' in result.stderr


def test_a_cargo_failure_shows_cargo_output(tmp_path):
    crate = tmp_path / "broken"
    shutil.copytree(HELLO, crate, ignore=shutil.ignore_patterns("target", "pkg", "out"))
    (crate / "src" / "lib.rs").write_text("pub fn oops( {}\n")
    result = wasmbindgen_cli("build", str(crate))
    assert result.returncode == 1
    assert "cargo build failed (exit 101)" in result.stderr
    assert "src/lib.rs" in result.stderr and "error" in result.stderr
    assert "Traceback" not in result.stderr


def test_wheel_needs_the_crate(tmp_path, built):
    result = wasmbindgen_cli("build", str(built / "hello" / "hello_bg.wasm"), "--wheel")
    assert result.returncode == 1 and "--wheel needs the crate" in result.stderr


@pytest.mark.parametrize(
    ("cargo", "python"),
    [
        ("1.2.3", "1.2.3"),
        ("1.0.0-beta.2", "1.0.0b2"),
        ("0.3.0-rc", "0.3.0rc0"),
        ("2.0.0+abc", "2.0.0+abc"),
    ],
)
def test_cargo_versions_become_pep_440(cargo, python, tmp_path):
    crate = read_crate(HELLO)
    assert python_version(type(crate)(**{**crate.__dict__, "version": cargo})) == python


def test_a_version_python_cannot_say(tmp_path):
    crate = read_crate(HELLO)
    with pytest.raises(BindgenError, match="has no Python equivalent"):
        python_version(type(crate)(**{**crate.__dict__, "version": "1.0.0-nightly.1"}))
