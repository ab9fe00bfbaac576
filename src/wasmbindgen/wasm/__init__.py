"""Stage 1: read the wasm binary — types, imports, functions, exports, custom sections — and
rewrite it into the module the host runs (host exports, cast trampolines)."""

from .reader import WasmModule, read_module
from .rewrite import FUNCTION_TABLE_EXPORT, add_exports, ensure_host_exports, rewrite

__all__ = [
    "FUNCTION_TABLE_EXPORT",
    "WasmModule",
    "add_exports",
    "ensure_host_exports",
    "read_module",
    "rewrite",
]
