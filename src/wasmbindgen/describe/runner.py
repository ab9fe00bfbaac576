"""Run a module's describe code in wasmtime with a recording import.

Three kinds of code describe types by calling ``__wbindgen_describe(u32)`` once per word:

- the ``__wbindgen_describe_*`` exports, one per exported function, import and field;
- (0.2.83) the describe function of each kind of heap closure, whose table index the module
  passes to its closure marker when it makes one;
- (0.2.102+) each cast function, which describes its conversion and then calls the cast marker.

The last two are found as the CLI finds them: by scanning code for callers of the marker
imports. Each caller is exported under a probe name and run once with zero arguments; the
marker stubs record what they are given.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, field

import wasmtime

from ..errors import BindgenError, JsException, RustPanic, Timeout
from ..runtime.engine import WasmInstance, compile_module
from ..runtime.hostcall import HostFunction, slot_format
from ..runtime.limits import Limits
from ..wasm import WasmModule, add_exports
from ..wasm.code import calls_to
from ..wasm.rewrite import FUNCTION_TABLE_EXPORT
from .descriptor import (
    ClosureDescriptor,
    Descriptor,
    DescriptorError,
    DescriptorGrammar,
    FunctionDescriptor,
    Tag,
    Words,
    decode_descriptor,
    decode_function,
)

DESCRIBE_PREFIX = "__wbindgen_describe_"
# describe functions only emit words: one that runs on, or emits without end, is malformed
DESCRIBE_LIMITS = Limits(timeout=10.0, max_memory=1 << 30)
MAX_WORDS = 1_000_000
DESCRIBE_IMPORT = "__wbindgen_describe"
PLACEHOLDER = "__wbindgen_placeholder__"
PROBE_PREFIX = "__wbindgen_probe_"
_SCRATCH = 64  # what the cast marker stub returns: zeroed low memory (the shadow stack's far end)


@dataclass(frozen=True)
class Markers:
    """The marker imports through which a release's modules make closures and casts."""

    closure: str = ""  # __wbindgen_describe_closure(a, b, describe table index) -> slot
    cast: str = ""  # __wbindgen_describe_cast(func, args) -> result address
    keyed: bool = False  # cast descriptors start with a NAME key ("" for plain casts)


@dataclass(frozen=True)
class CastSite:
    """A cast function found in the module, and what it converts."""

    function: int  # its index in the function index space
    key: int  # the number the rewritten function hands the marker
    descriptor: FunctionDescriptor  # FUNCTION 0 1 <from> <to> <to>
    generic_key: str = ""  # a generic import's key (0.2.128+); "" for a plain cast


@dataclass(frozen=True)
class Descriptions:
    items: dict[str, Descriptor]  # export / import shim / field getter -> descriptor
    closures: dict[int, ClosureDescriptor] = field(default_factory=dict)  # by describe index
    casts: tuple[CastSite, ...] = ()


def run_describes(
    wasm: WasmModule, grammar: DescriptorGrammar, markers: Markers, source: str
) -> Descriptions:
    """Every descriptor the module holds, decoded with ``grammar``."""
    closure_callers = _callers(wasm, markers.closure)
    cast_callers = _callers(wasm, markers.cast)
    probes = {f"{PROBE_PREFIX}{f}": f for f in (*closure_callers, *cast_callers)}
    data = add_exports(wasm, probes)
    recorder = _Recorder(markers)
    instance = WasmInstance(
        compile_module(data, source), recorder.host(source), source, DESCRIBE_LIMITS
    )
    items = {}
    for export in wasm.exports:
        if not export.name.startswith(DESCRIBE_PREFIX):
            continue
        words = recorder.run(instance, export.name, (), source)
        items[export.name[len(DESCRIBE_PREFIX) :]] = _decode(words, grammar, export.name, source)
    closures = {}
    for function in closure_callers:
        recorder.run(instance, f"{PROBE_PREFIX}{function}", _params(wasm, function), source)
        for index in recorder.take_closure_indices():
            words = recorder.run_table(instance, index, source)
            descriptor = _decode(words, grammar, f"closure describe function {index}", source)
            if descriptor.closure is None:
                raise BindgenError(
                    f"{source}: table entry {index} describes {descriptor}, not a closure; "
                    "was the crate built with the wasm-bindgen release it claims?"
                )
            closures[index] = descriptor.closure
    casts = []
    for key, function in enumerate(cast_callers):
        words = recorder.run(instance, f"{PROBE_PREFIX}{function}", _params(wasm, function), source)
        casts.append(_cast(function, key, words, grammar, markers, source))
    return Descriptions(items, closures, tuple(casts))


def _callers(wasm: WasmModule, marker: str) -> list[int]:
    if not marker:
        return []
    index = wasm.function_import_index(PLACEHOLDER, marker)
    return [] if index is None else calls_to(wasm, index)


def _params(wasm: WasmModule, function: int) -> tuple[str, ...]:
    params = wasm.function_type(function).params
    if any(p not in ("i32", "i64", "f32", "f64") for p in params):
        raise BindgenError(
            f"{wasm.source}: function {function} calls a wasm-bindgen marker but takes "
            f"{params}; only number parameters are expected there"
        )
    return params


def _decode(words: list[int], grammar: DescriptorGrammar, what: str, source: str) -> Descriptor:
    try:
        return decode_descriptor(words, grammar)
    except DescriptorError as exc:
        raise BindgenError(
            f"{source}: {what} reported an invalid type ({exc}); was the crate built with the "
            "wasm-bindgen release its custom section names?"
        ) from None


def _cast(
    function: int,
    key: int,
    words: list[int],
    grammar: DescriptorGrammar,
    markers: Markers,
    source: str,
) -> CastSite:
    what = f"cast function {function}"
    reader = Words(words)
    try:
        generic_key = reader.name() if markers.keyed else ""
        if reader.next() != grammar.number(Tag.FUNCTION):
            raise DescriptorError("a cast descriptor must be a FUNCTION")
        descriptor = decode_function(reader, grammar)
        reader.finish()
    except DescriptorError as exc:
        raise BindgenError(f"{source}: {what} reported an invalid type ({exc})") from None
    return CastSite(function, key, descriptor, generic_key)


class _Recorder:
    """The describe instance's imports: the word recorder and the marker stubs."""

    def __init__(self, markers: Markers) -> None:
        self.markers = markers
        self.words: list[int] = []
        self.closure_indices: list[int] = []

    def host(self, source: str) -> Callable[[str, str], HostFunction]:
        def host_function(module: str, name: str) -> HostFunction:
            if module == PLACEHOLDER and name == DESCRIBE_IMPORT:
                return HostFunction(self._record, "<I12x")
            if module == PLACEHOLDER and name == self.markers.closure:
                return HostFunction(self._closure, "<I12xI12xI12x", "<I")
            if module == PLACEHOLDER and name == self.markers.cast:
                return HostFunction(lambda _func, _args: _SCRATCH, "<I12xI12x", "<I")

            def unexpected(*_args: object) -> None:
                raise BindgenError(
                    f"{source}: describe code called import {module}.{name}; describe code only "
                    "calls __wbindgen_describe and the closure and cast markers"
                )

            return HostFunction(unexpected, "<")

        return host_function

    def _closure(self, _a: int, _b: int, index: int) -> int:
        self.closure_indices.append(index)
        return 0

    def take_closure_indices(self) -> list[int]:
        found, self.closure_indices = self.closure_indices, []
        return found

    def _record(self, word: int) -> None:
        if len(self.words) >= MAX_WORDS:
            raise BindgenError(f"a describe function emitted over {MAX_WORDS:,} words")
        self.words.append(word)

    def run(
        self, instance: WasmInstance, export: str, params: tuple[str, ...], source: str
    ) -> list[int]:
        self.words.clear()
        results = instance.exports[export]
        assert isinstance(results, wasmtime.Func)
        result_kinds = results.type(instance.store).results
        try:
            instance.call_raw(
                export,
                slot_format(list(params)),
                "<" if not result_kinds else "<" + "16x" * len(result_kinds),
                *([0] * len(params)),
            )
        except (RustPanic, JsException, struct.error, Timeout, MemoryError, BindgenError) as exc:
            raise BindgenError(f"{source}: describe code {export} failed: {exc}") from None
        return list(self.words)

    def run_table(self, instance: WasmInstance, index: int, source: str) -> list[int]:
        table = instance.exports.get(FUNCTION_TABLE_EXPORT)
        func = table.get(instance.store, index) if isinstance(table, wasmtime.Table) else None
        if not isinstance(func, wasmtime.Func):
            raise BindgenError(
                f"{source}: the closure marker names table entry {index}, which is no function"
            )
        self.words.clear()
        try:
            func(instance.store)
        except (wasmtime.Trap, wasmtime.WasmtimeError, BindgenError) as exc:
            raise BindgenError(
                f"{source}: closure describe function {index} failed: {exc}"
            ) from None
        return list(self.words)
