"""Schema "0.2.128" (wasm-bindgen 0.2.128-0.2.129): "0.2.122"'s plus JSPI (``Function.jspi``,
``ImportFunction.suspending``, refused here), per-monomorphisation generic imports through the
renamed, keyed ``__wbindgen_describe_generic_import`` marker, and export and struct symbols
carrying the crate's hash. The same host rules as "0.2.130", whose program adds the module
path and whose enums cross as f64."""

from dataclasses import replace

from ..describe import ItemOrigins, Markers
from ..model.host import HostRules
from ..model.naming import Naming
from .base import Version, successor
from .v0_2_102 import DESCRIBED_ALL, PROTOCOL
from .v0_2_122 import VERSION as V0_2_122

# the generic-import marker's descriptors start with a key (empty for a plain cast)
MARKERS = Markers(cast="__wbindgen_describe_generic_import", keyed=True)
# the renamed marker, string_from_utf8_lossy, the JSPI intrinsics (a host without stack
# switching reports it is not in a JSPI context) and the externref statics' end
HOST = HostRules(
    protocol={
        **PROTOCOL,
        "__wbindgen_describe_generic_import": "cast_marker",
        "__wbindgen_externref_statics_end": "statics_end",
    },
    described_intrinsics={
        **DESCRIBED_ALL,
        "__wbindgen_string_from_utf8_lossy": "string_from_utf8_lossy",
        "__wbindgen_jspi_in_context": "jspi_in_context",
        "__wbindgen_jspi_spawn_poll": "jspi_spawn",
        "__wbindgen_jspi_spawn_first": "jspi_spawn",
    },
    refused={
        "__wbindgen_jspi_suspend": "JSPI (js_sys::futures::jspi) needs stack switching, which "
        "wasmbindgen does not have; await a JsFuture in an async fn instead",
    },
)

SCHEMA = V0_2_122.schema.derive(
    """
    ImportFunction = shim:str catch:bool variadic:bool assert_no_shim:bool suspending:bool
        method:MethodData? structural:bool function:Function generic_per_mono:bool
    Function = args:[FunctionArgument] asyncness:bool jspi:bool name:str
        _generate_typescript:bool _generate_jsdoc:bool variadic:bool _ret_ty_override:str?
        _ret_desc:str?
    """
)

VERSION: Version = successor(
    V0_2_122,
    "0.2.128",
    ("0.2.128", "0.2.129"),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_122.descriptors, item_origins=ItemOrigins.CRATE, generic_import_key=True
    ),
    markers=MARKERS,
    naming=Naming(namespaced=True, sanitized=True, crate_mangled=True),
    host=HOST,
    runtime=dict(cast_marker="__wbindgen_describe_generic_import"),
)
