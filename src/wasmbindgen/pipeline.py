"""The driver: bytes → wasm → schema → descriptors → model → Python glue.

``load()`` and ``build`` both go through ``generate``; ``load()`` executes the text in memory,
``build`` writes it to disk beside the rewritten module it runs.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import wasmtime

from .codegen.python.emit import generate_glue
from .codegen.python.stubs import generate_stubs
from .describe import CastSite, run_describes
from .errors import BindgenError, MemoryLimitError
from .model import Interface, Rules, build_interface
from .model.build import XFORM_MODULE
from .runtime.engine import compile_module
from .runtime.glue import RUNTIME_KEY
from .runtime.instance import CAST_SLOTS_EXPORT, LoadOptions, Runtime
from .runtime.limits import Limits, default_limits
from .runtime.resolve import snippet_keys
from .runtime.webapis.console import ConsoleTarget, output_for
from .schema import SECTION_NAME, Program, decode_chunks, split_section
from .versions import Version, select_version
from .wasm import WasmModule, read_module, rewrite
from .wasm.code import inline_constant
from .wasm.rewrite import appended_table_slot
from .wasm.trampoline import table_trampoline

if sys.byteorder != "little":  # pragma: no cover - wasm memory is little-endian
    raise ImportError("wasmbindgen needs a little-endian host")


@dataclass(frozen=True)
class Analysis:
    interface: Interface
    version: Version
    release: str  # the wasm-bindgen crate release the chunks name
    programs: list[Program]
    wasm_bytes: bytes  # the module the host runs: host exports added, casts rewritten
    compiled: wasmtime.Module


@dataclass(frozen=True)
class Generated:
    interface: Interface
    glue: str
    stubs: str
    compiled: wasmtime.Module
    wasm_bytes: bytes


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


def check_features(wasm: WasmModule) -> None:
    """Refuse, at load, what this host cannot honour, rather than trapping later."""
    source = wasm.source
    if any(memory.memory64 for memory in wasm.memories):
        raise BindgenError(
            f"{source}: the module uses 64-bit memory (wasm64-unknown-unknown); wasmbindgen runs "
            "wasm32 modules: build with --target wasm32-unknown-unknown"
        )
    if any(memory.shared for memory in wasm.memories) or "__wbindgen_thread_destroy" in {
        e.name for e in wasm.exports
    }:
        raise BindgenError(
            f"{source}: the module uses shared memory (atomics, wasm-bindgen threads), which "
            "wasmbindgen does not support; build without -Ctarget-feature=+atomics"
        )
    if "__wasm_bindgen_emscripten_marker" in wasm.custom:
        raise BindgenError(
            f"{source}: the module was built for emscripten; wasmbindgen runs modules built for "
            "wasm32-unknown-unknown"
        )


def rules_of(version: Version) -> Rules:
    return Rules(version.naming, version.abi, version.host, version.runtime, version.toolchain)


@contextlib.contextmanager
def stage(source: str, what: str) -> Iterator[None]:
    """Stages raise ``BindgenError`` for what they check; anything else a damaged module
    provokes (an index out of range deep in a decoder…) becomes one too, naming the stage.
    The original stays on ``.internal`` for a bug report."""
    try:
        yield
    except (BindgenError, MemoryLimitError):  # the documented outcomes pass as they are
        raise
    except Exception as exc:
        error = BindgenError(
            f"{source}: {what} failed ({type(exc).__name__}: {exc}); the module is damaged or "
            "is not what its custom section says: rebuild it (if it is intact, please report "
            "this as a wasmbindgen bug)"
        )
        error.internal = exc  # type: ignore[attr-defined]
        raise error from None


def analyse(data: bytes, source: str) -> Analysis:
    with stage(source, "reading the module"):
        wasm = read_module(data, source)
        check_features(wasm)
    with stage(source, "decoding the wasm-bindgen section"):
        chunks = split_section(wasm.custom.get(SECTION_NAME, []), source)
        version = select_version(chunks, source)
        programs = decode_chunks(chunks, version.schema, source)
    with stage(source, "running the describe functions"):
        descriptions = run_describes(wasm, version.descriptors, version.markers, source)
    with stage(source, "building the interface"):
        interface = build_interface(wasm, programs, descriptions, rules_of(version))
    with stage(source, "preparing the module"):
        wasm_bytes = runtime_module(wasm, descriptions.casts, version)
        compiled = compile_module(wasm_bytes, source)
    return Analysis(interface, version, chunks[0].release, programs, wasm_bytes, compiled)


def runtime_module(wasm: WasmModule, casts: tuple[CastSite, ...], version: Version) -> bytes:
    """The module the host runs: host exports added; each cast function a trampoline to a
    table slot appended for it (``wasm/trampoline.py``), where the runtime puts the cast's
    host function; calls of imports with a fixed result made constants."""
    bodies = constant_import_bodies(wasm, version)
    if not casts:
        return rewrite(wasm, bodies=bodies)
    first_slot = appended_table_slot(wasm)
    for site in casts:  # keys are 0..n-1: the cast with key k has slot first_slot + k
        ftype = wasm.function_type(site.function)
        type_index = wasm.function_types[site.function]
        bodies[site.function] = table_trampoline(
            len(ftype.params), type_index, first_slot + site.key
        )
    return rewrite(
        wasm, bodies=bodies, globals={CAST_SLOTS_EXPORT: first_slot}, table_slots=len(casts)
    )


def constant_import_bodies(wasm: WasmModule, version: Version) -> dict[int, bytes]:
    """``__wbindgen_externref_statics_end`` (0.2.130+) answers the first heap slot Rust may
    drop, fixed per release: its calls become that constant, as the CLI makes them."""
    bodies: dict[int, bytes] = {}
    for name, role in version.host.protocol.items():
        index = wasm.function_import_index(XFORM_MODULE, name)
        if role == "statics_end" and index is not None:
            bodies |= inline_constant(wasm, index, version.runtime.reserved)
    return bodies


def generate(data: bytes, source: str, wasm_file: str) -> Generated:
    analysis = analyse(data, source)
    interface = analysis.interface
    with stage(source, "generating the Python glue"):
        glue, stubs = generate_glue(interface, wasm_file), generate_stubs(interface)
    return Generated(interface, glue, stubs, analysis.compiled, analysis.wasm_bytes)


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
    console: ConsoleTarget | None = None,
    timeout: float | None = None,
    fuel: int | None = None,
    max_memory: int | None = None,
    boundary: str = "auto",
) -> types.ModuleType:
    """Load a raw ``#[wasm_bindgen]`` module and return its Python bindings as a module object.

    ``globals`` adds to or replaces names of the JS global scope, ``modules`` provides the JS
    modules and snippets the crate imports, ``console`` sends this instance's ``console`` to
    ``"stdio"``, ``"logging"`` or a ``logging.Logger`` (default: ``set_console``'s choice).
    ``timeout`` (seconds), ``fuel`` (instructions) and ``max_memory`` (bytes) limit each call
    from Python and the instance's memory (default: ``set_default_limits``'s); exceeding one
    raises ``Timeout``, ``OutOfFuel`` or ``MemoryLimitError`` and poisons the instance.
    ``boundary`` picks how calls cross: ``"compiled"`` (the C extension), ``"pure"`` (Python
    only; the same behaviour, slower) or ``"auto"``: compiled where it is built and allowed
    (``WASMBINDGEN_PURE=1`` forbids it)."""
    if console is not None:
        output_for(console)  # a wrong target fails here, naming itself
    data, name = read_source(source)
    generated, code = _prepared(data, name)
    given = (timeout, fuel, max_memory) != (None, None, None)
    limits = Limits(timeout, fuel, max_memory) if given else default_limits()
    options = LoadOptions(dict(globals or {}), dict(modules or {}), console, limits, boundary)
    _check_snippets(generated.interface, options.modules)
    compiled = generated.compiled if limits.fuel is None else _metered(generated.wasm_bytes, name)
    runtime = Runtime(compiled, name, options)
    module = LoadedModule(generated.interface.crate or "wasm_module")
    module.__wbindgen_load__ = (  # what pickling needs to load it again elsewhere
        data,
        {
            "globals": globals,
            "modules": modules,
            "console": console,
            "timeout": timeout,
            "fuel": fuel,
            "max_memory": max_memory,
            "boundary": boundary,
        },
    )
    module.__dict__[RUNTIME_KEY] = runtime
    module.__file__ = name
    with stage(name, "instantiating the module"):
        exec(code, module.__dict__)
    return module


class LoadedModule(types.ModuleType):
    """What ``load()`` returns: a module that pickles by its bytes and load options, so
    ``multiprocessing``, ``ProcessPoolExecutor`` and Dask can ship functions that use it; the
    other side loads it afresh (its own instance and state)."""

    __wbindgen_load__: tuple[bytes, dict[str, Any]]

    def __reduce__(self) -> tuple[Any, ...]:
        data, options = self.__wbindgen_load__
        return (_load_again, (data, self.__file__, options))


def _load_again(data: bytes, name: str, options: dict[str, Any]) -> types.ModuleType:
    return PerThreadModule(data, name, options)


class PerThreadModule(types.ModuleType):
    """An unpickled module: each thread that uses it gets its own instance, loaded on first
    use (workers unpickle on one thread and run tasks on others; an instance belongs to the
    thread that loaded it)."""

    def __init__(self, data: bytes, name: str, options: dict[str, Any]) -> None:
        super().__init__("wasmbindgen_module")
        self.__file__ = name
        self.__wbindgen_load__ = (data, options)
        self._wb_local = threading.local()

    def _instance(self) -> types.ModuleType:
        instance = getattr(self._wb_local, "module", None)
        if instance is None:
            data, options = self.__wbindgen_load__
            instance = self._wb_local.module = load(data, **options)
        return instance

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self._instance(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        data, options = self.__wbindgen_load__
        return (_load_again, (data, self.__file__, options))


def heap_live_count(module: types.ModuleType) -> int:
    """How many host values (JS values) the Rust side of ``module`` holds handles to now: a
    count that grows without bound is a leak. (``wasm_bindgen::externref_heap_live_count()``
    counts Rust's own externref slab in modules built with reference-types, which a raw-module
    host leaves empty.)"""
    runtime = getattr(module, "_wb_rt", None)
    if not isinstance(runtime, Runtime):
        raise TypeError(f"{module!r} is not a module wasmbindgen loaded or built")
    return runtime.heap.live_count()


@functools.lru_cache(maxsize=16)
def _metered(data: bytes, name: str) -> wasmtime.Module:
    """The module compiled for the fuel-metering engine (fuel is compiled into the code)."""
    return compile_module(data, name, fuel=True)


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
        wasm_file: generated.wasm_bytes,
    }
    return [out / f for f, content in files.items() if write_if_changed(out / f, content)]
