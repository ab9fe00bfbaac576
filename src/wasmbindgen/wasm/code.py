"""Walk function bodies instruction by instruction, to find which functions call an import.

wasm-bindgen's raw modules announce closures and casts by calling a marker import from small
never-inlined functions (``breaks_if_inlined``); the CLI finds those callers by scanning code,
and so do we. Only immediates are decoded, to step over them exactly: a ``call`` opcode byte
inside an immediate must not count.
"""

from __future__ import annotations

from ._bytes import ByteCursor, MalformedError, padded_sleb, padded_uleb, sleb, uleb
from .reader import Body, WasmModule

OP_CALL, OP_RETURN_CALL = 0x10, 0x12

_NO_IMMEDIATE = frozenset(
    [0x00, 0x01, 0x05, 0x0A, 0x0B, 0x0F, 0x19, 0x1A, 0x1B, 0xD1, 0xD3, 0xD5, *range(0x45, 0xC5)]
)
_ONE_INDEX = frozenset(  # one LEB128 immediate
    [
        0x07,
        0x08,
        0x09,
        0x0C,
        0x0D,
        0x10,
        0x12,
        0x14,
        0x15,
        0x18,
        *range(0x20, 0x27),
        0xD2,
        0xD4,
        0xD6,
    ]
)
_TWO_INDICES = frozenset([0x11, 0x13])  # call_indirect, return_call_indirect
_MEMARG = frozenset(range(0x28, 0x3F))
_BLOCKS = frozenset([0x02, 0x03, 0x04, 0x06])  # block, loop, if, try (legacy exceptions)

# 0xFC prefix: sub-opcode -> number of LEB128 immediates
_FC_IMMEDIATES = {8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1}
# 0xFD (SIMD) sub-opcodes with a memarg, with a memarg and a lane, with a lane, with 16 bytes
_SIMD_MEMARG = frozenset([*range(0, 12), 92, 93])
_SIMD_MEMARG_LANE = frozenset(range(84, 92))
_SIMD_LANE = frozenset(range(21, 35))
_SIMD_BYTES16 = frozenset([12, 13])


def calls_to(module: WasmModule, target: int) -> list[int]:
    """The defined functions whose bodies call (or tail-call) function ``target``."""
    # LLD keeps the 5-byte padded LEB128 of relocated call sites (no --compress-relocations)
    encodings = (uleb(target), padded_uleb(target))
    needles = [bytes([op]) + enc for op in (OP_CALL, OP_RETURN_CALL) for enc in encodings]
    data = module.data
    found = []
    for body in module.bodies:
        chunk = data[body.start : body.end]
        if any(needle in chunk for needle in needles) and target in called_functions(data, body):
            found.append(body.function)
    return found


def inline_constant(module: WasmModule, target: int, value: int) -> dict[int, bytes]:
    """New bodies for the functions calling ``target``, a ``() -> i32`` import whose result is
    fixed for the module: each ``call`` becomes an ``i32.const value`` of the same length (the
    CLI does this to ``__wbindgen_externref_statics_end``; a host call per ``JsValue`` drop is
    what it saves). Functions that tail-call it, or whose call is too short to hold the constant
    (LLD pads relocated indices to 5 bytes, so real modules have room), keep the call."""
    bodies = {}
    data = module.data
    for function in calls_to(module, target):
        body = module.body(function)
        sites = call_sites(data, body, target)
        fits = [
            data[start] == OP_CALL and len(sleb(value)) <= end - start - 1 for start, end in sites
        ]
        if not all(fits):
            continue
        code = bytearray(data[body.start : body.end])
        for start, end in sites:
            code[start - body.start : end - body.start] = b"\x41" + padded_sleb(
                value, end - start - 1
            )
        bodies[function] = bytes(code)
    return bodies


def call_sites(data: bytes, body: Body, target: int) -> list[tuple[int, int]]:
    """Where ``body`` calls (or tail-calls) ``target``: each instruction's start and end."""
    cursor = ByteCursor(data, body.start, body.end)
    skip_locals(cursor)
    sites = []
    while not cursor.at_end():
        start = cursor.pos
        opcode = cursor.byte()
        if opcode in (OP_CALL, OP_RETURN_CALL):
            if cursor.leb_u32() == target:
                sites.append((start, cursor.pos))
        else:
            _skip_immediates(cursor, opcode)
    return sites


def called_functions(data: bytes, body: Body) -> set[int]:
    """Every function index ``body`` calls directly."""
    cursor = ByteCursor(data, body.start, body.end)
    skip_locals(cursor)
    called = set()
    while not cursor.at_end():
        opcode = cursor.byte()
        if opcode in (OP_CALL, OP_RETURN_CALL):
            called.add(cursor.leb_u32())
        else:
            _skip_immediates(cursor, opcode)
    return called


def skip_locals(cursor: ByteCursor) -> None:
    for _ in range(cursor.leb_u32()):
        cursor.leb_u32()
        if cursor.byte() in (0x63, 0x64):
            cursor.leb_s64()


def _skip_immediates(cursor: ByteCursor, opcode: int) -> None:
    if opcode in _NO_IMMEDIATE:
        return
    if opcode in _ONE_INDEX:
        cursor.leb_u32()
    elif opcode in _MEMARG:
        _memarg(cursor)
    elif opcode in _BLOCKS:
        _block_type(cursor)
    elif opcode in _TWO_INDICES:
        cursor.leb_u32()
        cursor.leb_u32()
    elif opcode == 0x41 or opcode == 0x42:  # i32.const
        cursor.leb_s64()
    elif opcode == 0x43:
        cursor.take(4)
    elif opcode == 0x44:
        cursor.take(8)
    elif opcode == 0x0E:  # br_table
        for _ in range(cursor.leb_u32() + 1):
            cursor.leb_u32()
    elif opcode == 0x1C:  # select with types
        for _ in range(cursor.leb_u32()):
            if cursor.byte() in (0x63, 0x64):
                cursor.leb_s64()
    elif opcode == 0x1F:  # try_table
        _block_type(cursor)
        for _ in range(cursor.leb_u32()):
            kind = cursor.byte()
            if kind in (0x00, 0x01):  # catch / catch_ref name a tag
                cursor.leb_u32()
            cursor.leb_u32()  # label
    elif opcode in (0x3F, 0x40):  # memory.size / memory.grow
        cursor.leb_u32()
    elif opcode == 0xD0:  # ref.null
        cursor.leb_s64()
    elif opcode == 0xFC:
        for _ in range(_FC_IMMEDIATES.get(cursor.leb_u32(), 0)):
            cursor.leb_u32()
    elif opcode == 0xFD:
        _simd(cursor)
    elif opcode == 0xFE:  # atomics
        if cursor.leb_u32() == 0x03:  # atomic.fence
            cursor.byte()
        else:
            _memarg(cursor)
    else:
        raise MalformedError(f"unsupported opcode 0x{opcode:02x} at offset {cursor.pos - 1}")


def _memarg(cursor: ByteCursor) -> None:
    align = cursor.leb_u32()
    if align & 0x40:  # multi-memory: a memory index follows
        cursor.leb_u32()
    cursor.leb_s64()


def _block_type(cursor: ByteCursor) -> None:
    code = cursor.data[cursor.pos] if cursor.pos < cursor.end else 0x40
    if code in (0x63, 0x64):
        cursor.byte()
        cursor.leb_s64()
    else:
        cursor.leb_s64()  # 0x40, a value type (one negative LEB byte) or a type index


def _simd(cursor: ByteCursor) -> None:
    sub = cursor.leb_u32()
    if sub in _SIMD_MEMARG:
        _memarg(cursor)
    elif sub in _SIMD_MEMARG_LANE:
        _memarg(cursor)
        cursor.byte()
    elif sub in _SIMD_LANE:
        cursor.byte()
    elif sub in _SIMD_BYTES16:
        cursor.take(16)
