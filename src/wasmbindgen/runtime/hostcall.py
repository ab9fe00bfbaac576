"""Host functions: the Python functions wasm calls, and how their arguments and results move
through the value slots wasmtime hands them — by ``struct`` on the pure path, in C on the
compiled one (which returns here for what it does not pack itself, and for failures)."""

from __future__ import annotations

import ctypes
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import c_api
from .c_api import SLOT

# The process's address space as one buffer: host callbacks read and write the value array
# wasmtime passes them in place, without making a ctypes object per call. (Addresses above
# 2**47 are rare on 64-bit hosts; callbacks fall back to a per-call window for them.)
HOST_MEMORY = memoryview((ctypes.c_char * (1 << 47)).from_address(0))

# One format letter per wasm value type, padded to a whole slot.
WASM_FORMATS = {
    "i32": "i12x",
    "u32": "I12x",
    "i64": "q8x",
    "u64": "Q8x",
    "f32": "f12x",
    "f64": "d8x",
}


def slot_format(kinds: list[str] | tuple[str, ...]) -> str:
    """The ``struct`` format of consecutive value slots, e.g. ``["i32", "f64"]``."""
    return "<" + "".join(WASM_FORMATS[k] for k in kinds)


@dataclass(frozen=True)
class HostFunction:
    """A Python function called by wasm with its arguments unpacked by ``params``
    (a ``struct`` format over value slots); its result is packed back by ``result``."""

    handler: Callable[..., Any]
    params: str
    result: str = ""
    label: str = ""  # how JS spells the import (``Map.prototype.size``), for error messages
    # A shape the compiled boundary may run in C instead of calling ``handler``: ``"js_call"``
    # (Function.prototype.call of heap values, the result added to the heap) or
    # ``"js_call_catch"`` (the same, an ``Exception`` becoming the Err through ``catch``).
    special: str = ""


class HostCall:
    """One host function as wasm calls it: the pure trampoline (a ctypes callback), and what the
    compiled trampoline hands back to Python — a result its C code does not pack, a failure."""

    def __init__(self, wasm: Any, host: HostFunction, module: str, name: str) -> None:
        self.wasm, self.host, self.name = wasm, host, name
        self.size = max(
            struct.calcsize(host.params), struct.calcsize(host.result) if host.result else 0, SLOT
        )
        self.window = ctypes.c_char * self.size
        self.limit = len(HOST_MEMORY) - self.size
        self.trap_text = f"host function {module}.{name} raised".encode()

    def codes(self) -> tuple[str, str] | None:
        """The compiled trampoline's (parameter codes, result code), or None when the formats
        are not one plain value per slot."""
        params = slot_codes(self.host.params)
        result = slot_codes(self.host.result) if self.host.result else "-"
        if params is None or result is None or len(result) != 1:
            return None
        return params, result

    def _values(self, values: int) -> tuple[Any, int]:
        """A writable view over the value slots at ``values``, and their offset in it."""
        if values >= self.limit:
            return self.window.from_address(values), 0
        return HOST_MEMORY, values

    def failed(self, exc: BaseException, value: Any) -> int:
        """Keep ``exc`` for the call into wasm to raise; the trap that unwinds to it."""
        host = self.host
        if isinstance(exc, struct.error):  # the value does not fit the import's return type
            exc = TypeError(
                f"{self.wasm.source}: {host.label or self.name} returned {value!r}, which its "
                f"Rust signature cannot take (wasm result {host.result!r}); is the receiver or "
                "the provided value of the kind the binding expects?"
            )
        self.wasm.pending = exc
        return c_api.trap_new(self.trap_text, len(self.trap_text)) or 0

    def finish(self, value: Any, values: int) -> int:
        """Pack the handler's result into the slots at ``values``: 0, or a trap."""
        try:
            view, at = self._values(values)
            struct.pack_into(self.host.result, view, at, value)
            return 0
        except BaseException as exc:
            return self.failed(exc, value)

    def pure(self, _env: int, _caller: int, values: int, _count: int) -> int:
        state, host = self.wasm.state, self.host
        state.host_depth += 1
        value = None
        try:
            view, at = self._values(values)
            value = host.handler(*struct.unpack_from(host.params, view, at))
            if host.result:
                struct.pack_into(host.result, view, at, value)
            return 0
        except BaseException as exc:
            return self.failed(exc, value)
        finally:
            state.host_depth -= 1


SLOT_CODE = re.compile(r"([iIqQfd])(\d*)x")


def slot_codes(fmt: str) -> str | None:
    """``'<I12xd8x'`` -> ``'Id'``: one value per 16-byte slot (a lone last value may be
    unpadded, as results are), or None for any other layout."""
    body, pos = fmt.removeprefix("<"), 0
    codes: list[str] = []
    while pos < len(body):
        match = SLOT_CODE.match(body, pos)
        if match is None:
            if pos == len(body) - 1 and body[pos] in "iIqQfd" and not codes:
                return body[pos]
            return None
        letter, pad = match[1], int(match[2] or 1)
        if struct.calcsize("<" + letter) + pad != SLOT:
            return None
        codes.append(letter)
        pos = match.end()
    return "".join(codes)
