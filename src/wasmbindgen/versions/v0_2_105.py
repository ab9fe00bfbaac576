"""Schema "0.2.105" (wasm-bindgen 0.2.105): closures end through a ``_wbg_cb_unref`` method
import, and ``Option<JsValue>`` crosses."""

from dataclasses import replace

from .base import Version
from .v0_2_102 import VERSION as V0_2_102

VERSION: Version = replace(
    V0_2_102,
    schema_version="0.2.105",
    releases=("0.2.105",),
    runtime=replace(V0_2_102.runtime, schema_version="0.2.105", closure_protocol="unref"),
)
