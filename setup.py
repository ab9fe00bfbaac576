"""The optional compiled boundary, ``wasmbindgen.runtime._native``, from ``src/native/*.c``.

Everything else is in pyproject.toml. The extension is built where a C compiler and Python's
headers exist; elsewhere the package installs without it and runs on the pure-Python path.
``WASMBINDGEN_REQUIRE_NATIVE=1`` makes a failed build an error (CI sets it), and
``WASMBINDGEN_WASMTIME_VERSION`` overrides the wasmtime release recorded in the extension.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def wasmtime_version() -> str:
    """The wasmtime release the extension is built for: the one in the build environment
    (pyproject's build requirements include wasmtime), unless overridden."""
    override = os.environ.get("WASMBINDGEN_WASMTIME_VERSION")
    if override:
        return override
    try:
        return metadata.version("wasmtime")
    except metadata.PackageNotFoundError:
        return "unknown"


class OptionalBuildExt(build_ext):
    """A failed compile leaves the pure-Python path, with a note, unless it is required."""

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # CompileError, LinkError, a missing compiler
            if os.environ.get("WASMBINDGEN_REQUIRE_NATIVE") == "1":
                raise
            print(f"wasmbindgen: the compiled boundary was not built ({exc}); "
                  "the pure-Python path will be used")


native = Extension(
    "wasmbindgen.runtime._native",
    sources=sorted(str(path) for path in Path("src/native").glob("*.c")),
    depends=["src/native/native.h"],
    define_macros=[("WB_WASMTIME_VERSION", f'"{wasmtime_version()}"')],
    extra_compile_args=["-O2", "-std=c11", "-fvisibility=hidden", "-Wall", "-Wextra",
                        "-Wno-unused-parameter", "-Wno-missing-field-initializers",
                        "-Wno-cast-function-type", "-pthread"],
    extra_link_args=["-pthread"],
    optional=os.environ.get("WASMBINDGEN_REQUIRE_NATIVE") != "1",
)

setup(ext_modules=[native], cmdclass={"build_ext": OptionalBuildExt})
