"""The placeholder imports of schema "0.2.130": "0.2.122"'s, the renamed generic-import marker,
``string_from_utf8_lossy``, the JSPI intrinsics (a host without stack switching reports it
is not in a JSPI context) and the externref statics bound."""

from ...model.host import HostRules
from ..v0_2_122.intrinsics import DESCRIBED, PROTOCOL

HOST = HostRules(
    protocol={
        **PROTOCOL,
        "__wbindgen_describe_generic_import": "cast_marker",
        "__wbindgen_externref_statics_end": "statics_end",
    },
    described_intrinsics={
        **DESCRIBED,
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
