"""The driver: bytes → wasm → schema → descriptors → model → Python glue.

``load()`` and ``build`` both go through ``generate``; ``load()`` executes the text in memory,
``build`` writes it to disk.
"""

from __future__ import annotations

import functools
import os
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import wasmtime

from .codegen.python.emit import generate_glue
from .codegen.python.stubs import generate_stubs
from .describe import run_describes
from .errors import BindgenError
from .model import Interface, build_interface
from .model.build import PLACEHOLDER_MODULE
from .runtime.engine import compile_module
from .runtime.glue import RUNTIME_KEY
from .runtime.instance import LoadOptions, Runtime
from .runtime.intrinsics import INTRINSIC_NAMES
from .runtime.resolve import snippet_keys
from .schema import SECTION_NAME, decode_section
from .wasm import WasmModule, ensure_host_exports, read_module

if sys.byteorder != "little":  # pragma: no cover - wasm memory is little-endian
    raise ImportError("wasmbindgen needs a little-endian host")


@dataclass(frozen=True)
class Generated:
    interface: Interface
    glue: str
    stubs: str
    compiled: wasmtime.Module
    wasm_bytes: bytes  # with the host exports added


def read_source(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "<bytes>"
    path = Path(source)
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise BindgenError(
            f"{path}: cannot read the module ({exc.strerror}); build it with "
            "`cargo build --release --target wasm32-unknown-unknown`"
        ) from None


def prepare_module(data: bytes, source: str) -> tuple[WasmModule, bytes, wasmtime.Module]:
    """Read the binary, add the exports a raw rustc module lacks (returned), and compile it."""
    wasm = read_module(data, source)
    rewritten = ensure_host_exports(wasm)
    return wasm, rewritten, compile_module(rewritten, source)


def analyse(data: bytes, source: str) -> tuple[Interface, wasmtime.Module, bytes]:
    wasm, wasm_bytes, compiled = prepare_module(data, source)
    programs = decode_section(wasm.custom.get(SECTION_NAME, []), source)
    descriptors = run_describes(compiled, source)
    arity = {
        imp.name or "": len(imp.type.params)
        for imp in compiled.imports
        if imp.module == PLACEHOLDER_MODULE and isinstance(imp.type, wasmtime.FuncType)
    }
    interface = build_interface(wasm, programs, descriptors, arity, set(INTRINSIC_NAMES))
    return interface, compiled, wasm_bytes


def generate(data: bytes, source: str, wasm_file: str) -> Generated:
    interface, compiled, wasm_bytes = analyse(data, source)
    return Generated(
        interface,
        generate_glue(interface, wasm_file),
        generate_stubs(interface),
        compiled,
        wasm_bytes,
    )


def _check_snippets(interface: Interface, modules: Mapping[str, Any]) -> None:
    for snippet in interface.snippets:
        if not any(key in modules for key in snippet_keys(snippet.specifier)):
            what = "inline_js snippet" if snippet.kind == "inline" else "crate-local JS module"
            raise BindgenError(
                f"{interface.source}: the {what} {snippet.specifier!r} is JavaScript, which "
                f"wasmbindgen cannot run; provide a Python replacement with "
                f"wasmbindgen.load(..., modules={{{snippet_keys(snippet.specifier)[1]!r}: ...}})"
            )


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    globals: Mapping[str, Any] | None = None,
    modules: Mapping[str, Any] | None = None,
) -> types.ModuleType:
    """Load a raw ``#[wasm_bindgen]`` module and return its Python bindings as a module object."""
    data, name = read_source(source)
    generated, code = _prepared(data, name)
    options = LoadOptions(dict(globals or {}), dict(modules or {}))
    _check_snippets(generated.interface, options.modules)
    runtime = Runtime(generated.compiled, name, options)
    module = types.ModuleType(generated.interface.crate or "wasm_module")
    module.__dict__[RUNTIME_KEY] = runtime
    module.__file__ = name
    exec(code, module.__dict__)
    return module


@functools.lru_cache(maxsize=16)
def _prepared(data: bytes, name: str) -> tuple[Generated, types.CodeType]:
    """Analysis, generated glue and compiled module for ``load()``: loading the same module
    again (another instance) reuses them; only instantiation is per instance."""
    generated = generate(data, name, Path(name).name)
    return generated, compile(generated.glue, f"<wasmbindgen glue for {name}>", "exec")


def write_if_changed(path: Path, content: str | bytes) -> bool:
    data = content.encode() if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def build(source: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write an importable package to ``out_dir``; returns the files written or changed."""
    data, name = read_source(source)
    out = Path(out_dir)
    package = out.name
    if not package.isidentifier():
        raise BindgenError(
            f"{out}: the package is imported by its folder name, and "
            f"{package!r} is not a Python identifier; choose another --out-dir"
        )
    wasm_file = f"{package}_bg.wasm"
    generated = generate(data, name, wasm_file)
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | bytes] = {
        "__init__.py": generated.glue,
        "__init__.pyi": generated.stubs,
        "py.typed": "",
        wasm_file: data,
    }
    return [out / f for f, content in files.items() if write_if_changed(out / f, content)]
