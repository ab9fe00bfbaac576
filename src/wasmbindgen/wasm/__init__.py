"""Stage 1: read the wasm binary — sections, imports, exports, custom sections — and add the
exports a raw rustc module lacks (the function table, the shadow-stack pointer)."""

from .reader import WasmModule, read_module
from .rewrite import FUNCTION_TABLE_EXPORT, ensure_host_exports

__all__ = ["FUNCTION_TABLE_EXPORT", "WasmModule", "ensure_host_exports", "read_module"]
