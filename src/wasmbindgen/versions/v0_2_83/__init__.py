"""wasm-bindgen 0.2.83 (2022), schema "0.2.83": the first release wasmbindgen supported.

Its modules need rustc's legacy wasm32 C ABI (rustc before 2025, e.g. Debian's rustc 1.63):
aggregates are flattened into wasm parameters by rustc, not by wasm-bindgen.
"""

from ...model.abi import AbiRules
from ...model.naming import Naming
from ...model.types import MutSlice
from ...runtime.config import RuntimeConfig
from ..base import Version
from .descriptors import GRAMMAR, MARKERS
from .intrinsics import HOST
from .schema import SCHEMA

VERSION = Version(
    schema_version="0.2.83",
    releases=("0.2.83",),
    schema=SCHEMA,
    descriptors=GRAMMAR,
    markers=MARKERS,
    naming=Naming(),
    abi=AbiRules(option_f64_sentinel=None, mut_slice=MutSlice.COPY_BACK),
    host=HOST,
    runtime=RuntimeConfig(
        schema_version="0.2.83",
        heap_base=32,
        closure_protocol="cb_drop",
        closure_marker="__wbindgen_describe_closure",
    ),
    toolchain="a rustc from before 2025 (legacy wasm32 C ABI), e.g. Debian's rustc 1.63",
)
