"""Schema "0.2.102" (wasm-bindgen 0.2.102-0.2.104): intrinsics are described imports named by
``function.name`` (the runtime serves the same functions), and casts — ``JsValue::from_str``,
``Closure::new``… — go through the ``__wbindgen_describe_cast`` marker; closures still end
through ``__wbindgen_cb_drop``, now described."""

from dataclasses import replace

from ..describe import Markers
from ..model.host import HostRules
from .base import Version
from .v0_2_101 import VERSION as V0_2_101
from .v0_2_122.intrinsics import DESCRIBED, PROTOCOL

# every function.name a release of the described era uses (a module imports only its own)
DESCRIBED_ALL = {
    **DESCRIBED,
    "__wbindgen_cb_drop": "cb_drop",  # 0.2.102-0.2.104
    "__wbindgen_object_is_null_or_undefined": "is_null_or_undefined",  # 0.2.105-0.2.113
    "__wbindgen_object_is_undefined": "is_undefined",  # 0.2.105-0.2.113
}
CAST_MARKER = "__wbindgen_describe_cast"

VERSION: Version = replace(
    V0_2_101,
    schema_version="0.2.102",
    releases=("0.2.102", "0.2.103", "0.2.104"),
    markers=Markers(cast=CAST_MARKER),
    host=HostRules(
        protocol={**PROTOCOL, CAST_MARKER: "cast_marker"}, described_intrinsics=DESCRIBED_ALL
    ),
    runtime=replace(
        V0_2_101.runtime, schema_version="0.2.102", closure_marker="", cast_marker=CAST_MARKER
    ),
)
