"""Value checks and conversions the generated call sites use, with precise error messages."""

from __future__ import annotations

import struct
from typing import Any

_RANGES = {
    "b": (-(2**7), 2**7 - 1),
    "B": (0, 2**8 - 1),
    "h": (-(2**15), 2**15 - 1),
    "H": (0, 2**16 - 1),
    "i": (-(2**31), 2**31 - 1),
    "I": (0, 2**32 - 1),
    "q": (-(2**63), 2**63 - 1),
    "Q": (0, 2**64 - 1),
}
_U64 = 2**64


def number_error(what: str, code: str, value: Any) -> Exception:
    if code in "fd":
        return TypeError(f"{what} must be a number (int or float), not {type(value).__name__}")
    if not isinstance(value, int):
        return TypeError(f"{what} must be int, not {type(value).__name__}")
    low, high = _RANGES[code]
    return OverflowError(f"{what} is {value}, outside the range of its Rust type ({low}..{high})")


def small_int(value: Any, typecode: str, what: str) -> int:
    """An ``Option<u8|i8|u16|i16>`` value, range-checked."""
    try:
        struct.pack(typecode, value)
    except struct.error:
        raise number_error(what, typecode, value) from None
    return int(value)


def f64_option(value: Any, typecode: str, what: str) -> float:
    """``Some`` of an ``Option<i32|u32|f32>`` that crosses as one f64 (0.2.96+)."""
    try:
        struct.pack(typecode, value)
    except struct.error:
        raise number_error(what, typecode, value) from None
    return float(value)


def arg_error(function: str, checked: tuple[tuple[str, str, Any], ...]) -> Exception:
    """The precise error for a number argument that did not pack."""
    for name, fmt, value in checked:
        try:
            struct.pack("<" + fmt, value)
        except struct.error:
            return number_error(f"{function} argument '{name}'", fmt[0], value)
    return TypeError(f"invalid arguments for {function}")


def split128(value: Any, signed: bool, what: str) -> tuple[int, int]:
    """An i128/u128 as its (low, high) u64 words, range-checked."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    low, high = (-(2**127), 2**127 - 1) if signed else (0, 2**128 - 1)
    if not low <= value <= high:
        raise OverflowError(
            f"{what} is {value}, outside the range of its Rust type ({low}..{high})"
        )
    value %= 2**128
    return value % _U64, value >> 64


def join128(low: int, high: int, signed: bool) -> int:
    value = (high % _U64) << 64 | (low % _U64)
    return value - 2**128 if signed and value >= 2**127 else value


def signed32(value: int) -> int:
    return value - 2**32 if value >= 2**31 else value


def as_int(value: Any, what: str) -> Any:
    """An import's integer result: integral floats (JS numbers) are integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def nonzero(value: Any, what: str) -> Any:
    if value == 0:
        raise ValueError(f"{what} is a NonNull pointer and must not be 0")
    return value


def char_value(value: Any, what: str) -> int:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{what} must be a one-character str, not {value!r}")
    return ord(value[0])


def enum_value(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an enum member or int, not {type(value).__name__}")
    return int(value) % 2**32


def enum_member(enum: Any, value: int) -> Any:
    try:
        return enum(value)
    except ValueError:
        return value


def string_enum_index(value: Any, values: tuple[str, ...], what: str) -> int:
    """A string enum's variant index; an unknown string is ``len(values)``, the hidden variant
    Rust reports as invalid, as in JS."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be one of {', '.join(map(repr, values))}, not {value!r}")
    try:
        return values.index(value)
    except ValueError:
        return len(values)


def string_enum_value(values: tuple[str, ...], index: int) -> str:
    return values[index]
