"""Schema "0.2.128" (wasm-bindgen 0.2.128-0.2.129): "0.2.122"'s plus JSPI (``Function.jspi``,
``ImportFunction.suspending``, refused here), per-monomorphisation generic imports through the
renamed, keyed ``__wbindgen_describe_generic_import`` marker, and export and struct symbols
carrying the crate's hash. The same host rules as "0.2.130", whose program adds the module
path and whose enums cross as f64."""

from dataclasses import replace

from ..describe import ItemOrigins
from ..model.naming import Naming
from .base import Version
from .v0_2_122 import VERSION as V0_2_122
from .v0_2_130.descriptors import MARKERS
from .v0_2_130.intrinsics import HOST

SCHEMA = V0_2_122.schema.derive(
    """
    ImportFunction = shim:str catch:bool variadic:bool assert_no_shim:bool suspending:bool
        method:MethodData? structural:bool function:Function generic_per_mono:bool
    Function = args:[FunctionArgument] asyncness:bool jspi:bool name:str
        _generate_typescript:bool _generate_jsdoc:bool variadic:bool _ret_ty_override:str?
        _ret_desc:str?
    """
)

VERSION: Version = replace(
    V0_2_122,
    schema_version="0.2.128",
    releases=("0.2.128", "0.2.129"),
    schema=SCHEMA,
    descriptors=replace(
        V0_2_122.descriptors, item_origins=ItemOrigins.CRATE, generic_import_key=True
    ),
    markers=MARKERS,
    naming=Naming(namespaced=True, sanitized=True, crate_mangled=True),
    host=HOST,
    runtime=replace(
        V0_2_122.runtime,
        schema_version="0.2.128",
        cast_marker="__wbindgen_describe_generic_import",
    ),
)
