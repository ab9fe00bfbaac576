"""Run every ``__wbindgen_describe_*`` export in wasmtime with a recording import.

A describe function reports its item's type by calling ``__wbindgen_describe(u32)`` once per
word; nothing else is imported by describe code in 0.2.83, so every other import is a stub that
fails loudly if it is ever reached.
"""

from __future__ import annotations

import wasmtime

from ..errors import BindgenError, JsException, RustPanic
from ..runtime.engine import HostFunction, WasmInstance
from .descriptor import Descriptor, DescriptorError, decode_descriptor

DESCRIBE_PREFIX = "__wbindgen_describe_"
DESCRIBE_IMPORT = "__wbindgen_describe"


def run_describes(module: wasmtime.Module, source: str) -> dict[str, Descriptor]:
    """Map each described item (export name, import shim, field getter) to its descriptor."""
    words: list[int] = []

    def host(module_name: str, name: str) -> HostFunction:
        if name == DESCRIBE_IMPORT:
            return HostFunction(words.append, "<I12x")

        def unexpected(*_args: object) -> None:
            raise BindgenError(
                f"{source}: a describe function called import {module_name}.{name}; "
                "describe functions of wasm-bindgen 0.2.83 only call __wbindgen_describe"
            )

        return HostFunction(unexpected, "<")

    instance = WasmInstance(module, host, source)
    descriptors = {}
    for export in module.exports:
        if not export.name.startswith(DESCRIBE_PREFIX):
            continue
        item = export.name[len(DESCRIBE_PREFIX) :]
        words.clear()
        try:
            instance.call_raw(export.name, "<", "<")
            descriptors[item] = decode_descriptor(words)
        except (RustPanic, JsException) as exc:
            raise BindgenError(f"{source}: describe function {export.name} failed: {exc}") from None
        except DescriptorError as exc:
            raise BindgenError(
                f"{source}: describe function {export.name} reported an invalid type ({exc}); "
                "was the crate built against wasm-bindgen 0.2.83?"
            ) from None
    return descriptors
