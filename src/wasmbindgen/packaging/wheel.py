"""A built package as a ``py3-none-any`` wheel, by setuptools through ``pip wheel``: the
metadata comes from the crate's Cargo.toml, the files from ``build``."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import __version__
from ..errors import BindgenError
from .cargo import Crate

_SEMVER = re.compile(
    r"^(?P<release>\d+\.\d+\.\d+)(?:-(?P<pre>alpha|beta|rc)(?:\.?(?P<n>\d+))?)?(?:\+(?P<local>[\w.]+))?$"
)
_PRE = {"alpha": "a", "beta": "b", "rc": "rc"}
_SETUPTOOLS_WITH_WHEELS = "70.1"  # the first setuptools that builds wheels on its own


def _setuptools_builds_wheels() -> bool:
    """Whether this Python's setuptools can build the wheel; if not, pip builds it in an
    isolated environment with a current setuptools from PyPI."""
    try:
        installed = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    parts = [int(p) for p in re.findall(r"\d+", installed)[:2]]
    return tuple(parts) >= (70, 1)


def python_version(crate: Crate) -> str:
    """The crate's semver as a PEP 440 version (``1.0.0-beta.2`` → ``1.0.0b2``)."""
    found = _SEMVER.match(crate.version)
    if found is None:
        raise BindgenError(
            f"{crate.manifest}: version {crate.version!r} has no Python equivalent; use "
            "MAJOR.MINOR.PATCH, optionally with -alpha.N, -beta.N or -rc.N"
        )
    version = found["release"]
    if found["pre"]:
        version += _PRE[found["pre"]] + (found["n"] or "0")
    if found["local"]:
        version += "+" + found["local"]
    return version


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _author(text: str) -> str:
    name, _, email = text.partition("<")
    fields = [f"name = {_toml(name.strip())}"]
    if email.strip(">"):
        fields.append(f"email = {_toml(email.strip().rstrip('>'))}")
    return "{ " + ", ".join(fields) + " }"


def pyproject(crate: Crate, has_readme: bool) -> str:
    name = crate.import_name
    lines = [
        "[build-system]",
        f'requires = ["setuptools>={_SETUPTOOLS_WITH_WHEELS}"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f"name = {_toml(crate.name)}",
        f"version = {_toml(python_version(crate))}",
        f"description = {_toml(crate.description)}",
        'requires-python = ">=3.11"',
        f"dependencies = [{_toml(f'wasmbindgen>={__version__}')}]",
    ]
    if crate.license:
        lines.append(f"license = {{ text = {_toml(crate.license)} }}")
    if crate.authors:
        lines.append("authors = [" + ", ".join(map(_author, crate.authors)) + "]")
    if has_readme:
        lines.append('readme = "README.md"')
    lines += [
        "",
        "[tool.setuptools]",
        f"packages = [{_toml(name)}]",
        "",
        "[tool.setuptools.package-data]",
        f'{name} = ["*.wasm", "*.pyi", "py.typed"]',
        "",
    ]
    return "\n".join(lines)


def build_wheel(crate: Crate, package_dir: Path, wheel_dir: Path) -> Path:
    """Pack ``package_dir`` (what ``build`` wrote) into a wheel in ``wheel_dir``."""
    readme = crate.manifest.parent / "README.md"
    with tempfile.TemporaryDirectory(prefix="wasmbindgen-wheel-") as tmp:
        stage = Path(tmp)
        shutil.copytree(package_dir, stage / crate.import_name)
        if readme.is_file():
            shutil.copyfile(readme, stage / "README.md")
        (stage / "pyproject.toml").write_text(pyproject(crate, readme.is_file()))
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", tmp + "/out"]
        if _setuptools_builds_wheels():
            command.append("--no-build-isolation")  # offline, and faster
        result = subprocess.run([*command, str(stage)], capture_output=True, text=True)
        wheels = sorted((stage / "out").glob("*.whl"))
        if result.returncode != 0 or len(wheels) != 1:
            output = (result.stderr or result.stdout).strip()[-3000:]
            raise BindgenError(
                f"{crate.manifest}: pip wheel failed to pack {package_dir}:\n{output}\nFix: "
                f"install pip and setuptools>={_SETUPTOOLS_WITH_WHEELS} in this Python, or let "
                "pip reach PyPI"
            )
        wheel_dir.mkdir(parents=True, exist_ok=True)
        target = wheel_dir / wheels[0].name
        shutil.copyfile(wheels[0], target)
    return target
