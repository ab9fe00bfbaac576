"""What the runtime needs to know of a module's wasm-bindgen release.

The generated glue passes one ``RuntimeConfig`` to the runtime, so a built package knows its
release without the analyser; the runtime itself holds no release's knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuntimeConfig:
    schema_version: str = "0.2.83"
    heap_base: int = 32  # JSIDX_OFFSET: the undefined slot; null, true, false follow
    allocator_align: bool = False  # __wbindgen_malloc/realloc/free take an alignment (0.2.87+)
    struct_free_flag: bool = False  # __wbg_<s>_free(ptr, allow_delayed) (0.2.93+)
    closure_protocol: str = "cb_drop"  # "cb_drop" (0.2.83) or "unref" (0.2.105+)
    destroy_closure: bool = False  # closures end through __wbindgen_destroy_closure (0.2.115+)
    # the placeholder imports the runtime itself serves, by role
    closure_marker: str = ""  # makes a heap closure from (a, b, describe table index)
    cast_marker: str = ""  # serves a cast from (key, address of its arguments)

    @property
    def reserved(self) -> int:
        """The first slot Rust may free: the four constants end at ``heap_base + 4``."""
        return self.heap_base + 4
