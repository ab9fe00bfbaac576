"""Function bodies that hand their arguments straight to a host function in the table.

A wasm-bindgen cast function describes its conversion word by word on every call (one host
call per word) before calling the cast marker. Its body is replaced by a trampoline that
passes its own parameters on with ``call_indirect`` of its own type to a table slot appended
for it; the host puts a function of that type there at instantiation, so a cast costs one host
call with its arguments in place, like any import.
"""

from __future__ import annotations

from ._bytes import sleb, uleb

LOCAL_GET, I32_CONST, CALL_INDIRECT, END = 0x20, 0x41, 0x11, 0x0B


def table_trampoline(param_count: int, type_index: int, slot: int) -> bytes:
    """The body (locals and code) of a function of type ``type_index`` with ``param_count``
    parameters that tail-calls table 0's slot ``slot`` with them."""
    code = bytearray(b"\x00")  # no locals
    for i in range(param_count):
        code += bytes([LOCAL_GET]) + uleb(i)
    code += bytes([I32_CONST]) + sleb(slot)
    code += bytes([CALL_INDIRECT]) + uleb(type_index) + b"\x00"  # table 0
    code.append(END)
    return bytes(code)
