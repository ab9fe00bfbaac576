"""Schema "0.2.105" (wasm-bindgen 0.2.105): closures end through a ``_wbg_cb_unref`` method
import, and ``Option<JsValue>`` crosses."""

from .base import Version, successor
from .v0_2_102 import VERSION as V0_2_102

VERSION: Version = successor(
    V0_2_102,
    "0.2.105",
    ("0.2.105",),
    runtime=dict(closure_protocol="unref"),
)
