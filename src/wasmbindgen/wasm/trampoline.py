"""Function bodies that hand their arguments to a host import in one call.

A wasm-bindgen cast function describes its conversion word by word on every call (one host
call per word) before calling the cast marker. Its body is replaced by a trampoline: store
each parameter in an 8-byte slot of a scratch block (whose address the host keeps in an
appended global), call the marker with ``(key, scratch)``, and return what the marker returns
— an ``i32`` result itself; any other result is loaded from the address the marker returns.
"""

from __future__ import annotations

from ..errors import BindgenError
from ._bytes import sleb, uleb
from .reader import FuncType

SLOT = 8  # bytes per spilled parameter
_STORE = {"i32": (0x36, 2), "i64": (0x37, 3), "f32": (0x38, 2), "f64": (0x39, 3)}
_LOAD = {"i64": (0x29, 3), "f32": (0x2A, 2), "f64": (0x2B, 3)}
GLOBAL_GET, LOCAL_GET, I32_CONST, CALL, DROP, END = 0x23, 0x20, 0x41, 0x10, 0x1A, 0x0B


def marker_trampoline(ftype: FuncType, marker: int, key: int, scratch_global: int) -> bytes:
    """The body (locals and code) of a function of type ``ftype`` that calls ``marker``."""
    if len(ftype.results) > 1 or any(t not in _STORE for t in (*ftype.params, *ftype.results)):
        raise BindgenError(
            f"a wasm-bindgen cast function of type {ftype.params} -> {ftype.results} cannot be "
            "served: only number parameters and at most one number result are expected"
        )
    code = bytearray(b"\x00")  # no locals
    for i, param in enumerate(ftype.params):
        store, align = _STORE[param]
        code += bytes([GLOBAL_GET]) + uleb(scratch_global)
        code += bytes([LOCAL_GET]) + uleb(i)
        code += bytes([store]) + uleb(align) + uleb(SLOT * i)
    code += bytes([I32_CONST]) + sleb(key)
    code += bytes([GLOBAL_GET]) + uleb(scratch_global)
    code += bytes([CALL]) + uleb(marker)
    if not ftype.results:
        code.append(DROP)
    elif ftype.results[0] != "i32":
        load, align = _LOAD[ftype.results[0]]
        code += bytes([load]) + uleb(align) + uleb(0)
    code.append(END)
    return bytes(code)
