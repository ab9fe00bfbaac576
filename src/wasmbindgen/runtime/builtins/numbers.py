"""``Number`` and the global functions (``parseInt``, ``isNaN``, URI coding, …)."""

from __future__ import annotations

import math
import re
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .. import jsops
from .errors import RangeError, URIError
from .prototypes import CONSTRUCTORS, register

MAX_SAFE_INTEGER = 2**53 - 1
_FLOAT_PREFIX = re.compile(r"^[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")


def parse_float(text: Any = None) -> int | float:
    match = _FLOAT_PREFIX.match(jsops.to_string(text).lstrip())
    if not match:
        return math.nan
    token = match.group(0)
    return jsops.number(float(token.replace("Infinity", "inf")))


def parse_int(text: Any = None, radix: Any = None) -> int | float:
    """JS ``parseInt``: an ``int`` for an integral result, as every JS number here is."""
    s = jsops.to_string(text).strip()
    sign = -1 if s.startswith("-") else 1
    s = s[1:] if s[:1] in "+-" else s
    base = int(jsops.to_number(radix)) if radix is not None else 0
    if base == 0:
        base = 10
        if s[:2].lower() == "0x":
            base, s = 16, s[2:]
    elif base == 16 and s[:2].lower() == "0x":
        s = s[2:]
    if not 2 <= base <= 36:
        return math.nan
    digits = ""
    for ch in s:
        if ch.isascii() and ch.isalnum() and int(ch, 36) < base:
            digits += ch
        else:
            break
    return jsops.number(float(sign * int(digits, base))) if digits else math.nan


def is_nan(value: Any = None) -> bool:
    return math.isnan(jsops.to_number(value))


def is_finite(value: Any = None) -> bool:
    return math.isfinite(jsops.to_number(value))


_URI_RESERVED = ";/?:@&=+$,#"
_URI_UNESCAPED = "-_.!~*'()"


def _encode(text: Any, safe: str) -> str:
    s = jsops.to_string(text)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise URIError("URI malformed") from None
    return urllib.parse.quote(s, safe=safe)


def _decode(text: Any, keep: str) -> str:
    s = jsops.to_string(text)
    out, i = [], 0
    while i < len(s):
        if s[i] != "%":
            out.append(s[i])
            i += 1
            continue
        run = bytearray()
        start = i
        while i < len(s) and s[i] == "%":
            hex_pair = s[i + 1 : i + 3]
            if len(hex_pair) < 2 or not all(c in "0123456789abcdefABCDEF" for c in hex_pair):
                raise URIError("URI malformed")
            run.append(int(hex_pair, 16))
            i += 3
        try:
            decoded = run.decode("utf-8")
        except UnicodeDecodeError:
            raise URIError("URI malformed") from None
        # decodeURI leaves escapes of reserved characters as they were
        pos = start
        for ch in decoded:
            width = 3 * len(ch.encode("utf-8"))
            out.append(s[pos : pos + width] if ch in keep else ch)
            pos += width
    return "".join(out)


def encode_uri_component(text: Any = None) -> str:
    return _encode(text, _URI_UNESCAPED)


def encode_uri(text: Any = None) -> str:
    return _encode(text, _URI_UNESCAPED + _URI_RESERVED)


def decode_uri_component(text: Any = None) -> str:
    return _decode(text, "")


def decode_uri(text: Any = None) -> str:
    return _decode(text, _URI_RESERVED)


def escape(text: Any = None) -> str:
    out = []
    for ch in jsops.to_string(text):
        code = ord(ch)
        if ch.isascii() and (ch.isalnum() or ch in "@*_+-./"):
            out.append(ch)
        elif code < 256:
            out.append(f"%{code:02X}")
        else:
            out.append(f"%u{code:04X}")
    return "".join(out)


def unescape(text: Any = None) -> str:
    s = jsops.to_string(text)
    s = re.sub(r"%u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    return re.sub(r"%([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), s)


GLOBAL_FUNCTIONS = {
    "parseInt": parse_int,
    "parseFloat": parse_float,
    "isNaN": is_nan,
    "isFinite": is_finite,
    "encodeURIComponent": encode_uri_component,
    "encodeURI": encode_uri,
    "decodeURIComponent": decode_uri_component,
    "decodeURI": decode_uri,
    "escape": escape,
    "unescape": unescape,
    "NaN": math.nan,
    "Infinity": math.inf,
}


def _digits(value: Any, low: int, high: int, what: str) -> int:
    n = 0 if value is None else int(jsops.to_number(value))
    if not low <= n <= high:
        raise RangeError(f"{what} argument must be between {low} and {high}")
    return n


def _to_radix(value: float, radix: int) -> str:
    if not math.isfinite(value) or radix == 10:
        return jsops.number_to_string(value)
    sign, value = ("-", -value) if value < 0 else ("", value)
    whole, frac = int(value), value - int(value)
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        whole, d = divmod(whole, radix)
        out = chars[d] + out
        if not whole:
            break
    if frac:
        out += "."
        for _ in range(52):
            frac *= radix
            d = int(frac)
            out += chars[d]
            frac -= d
            if not frac:
                break
    return sign + out


def _fixed(value: float, digits: int) -> str:
    """Exactly ``value`` rounded to ``digits`` decimals, ties away from zero (JS picks the
    larger candidate), where Python's format rounds ties to even."""
    quantum = Decimal(1).scaleb(-digits)
    text = str(Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP))
    return text if value < 0 or not text.startswith("-") else text[1:]


def _exponential(value: float, digits: int) -> str:
    exact = Decimal(value)
    exponent = exact.adjusted()
    mantissa = exact.scaleb(-exponent).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if abs(mantissa) >= 10:  # 9.96 rounded to 1 digit carries into the exponent
        exponent += 1
        mantissa = exact.scaleb(-exponent).quantize(
            Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP
        )
    return f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def _rounded_exponent(value: float, precision: int) -> int:
    return int(_exponential(value, precision - 1).split("e")[1])


class NumberPrototype:
    @staticmethod
    def toString(this: Any, radix: Any = None) -> str:  # noqa: N802 - JS names
        base = _digits(radix, 2, 36, "toString()") if radix is not None else 10
        return _to_radix(float(this), base)

    @staticmethod
    def toFixed(this: Any, digits: Any = None) -> str:  # noqa: N802
        n = _digits(digits, 0, 100, "toFixed()")
        value = float(this)
        if not math.isfinite(value) or abs(value) >= 1e21:
            return jsops.number_to_string(value)
        return _fixed(value, n)

    @staticmethod
    def toExponential(this: Any, digits: Any = None) -> str:  # noqa: N802
        value = float(this)
        if not math.isfinite(value):
            return jsops.number_to_string(value)
        if digits is None:  # as many digits as it takes to tell the number apart
            text = jsops.number_to_string(abs(value)).replace(".", "").lstrip("0")
            count = max(0, len(text.split("e")[0].rstrip("0")) - 1)
        else:
            count = _digits(digits, 0, 100, "toExponential()")
        return _exponential(value, count)

    @staticmethod
    def toPrecision(this: Any, precision: Any = None) -> str:  # noqa: N802
        value = float(this)
        if precision is None or not math.isfinite(value):
            return jsops.number_to_string(value)
        p = _digits(precision, 1, 100, "toPrecision()")
        if value == 0:
            return "0" + ("." + "0" * (p - 1) if p > 1 else "")
        exponent = _rounded_exponent(value, p)
        if exponent < -6 or exponent >= p:
            return _exponential(value, p - 1)
        return _fixed(value, max(0, p - 1 - exponent))

    @staticmethod
    def toLocaleString(this: Any, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        value = float(this)
        if not math.isfinite(value):
            return jsops.number_to_string(value)
        text = f"{value:,.3f}".rstrip("0").rstrip(".")
        return text

    @staticmethod
    def valueOf(this: Any) -> Any:  # noqa: N802
        return this


class Number:
    """``Number(value)`` converts; the statics test numbers without converting."""

    MAX_SAFE_INTEGER = MAX_SAFE_INTEGER
    MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER
    EPSILON = 2.0**-52
    MAX_VALUE = 1.7976931348623157e308
    MIN_VALUE = 5e-324
    NaN = math.nan
    POSITIVE_INFINITY = math.inf
    NEGATIVE_INFINITY = -math.inf

    def __new__(cls, value: Any = 0) -> Any:
        return jsops.number(jsops.to_number(value))

    parseFloat = staticmethod(parse_float)  # noqa: N815
    parseInt = staticmethod(parse_int)  # noqa: N815

    @staticmethod
    def isFinite(value: Any = None) -> bool:  # noqa: N802
        return jsops.is_number(value) and math.isfinite(value)

    @staticmethod
    def isNaN(value: Any = None) -> bool:  # noqa: N802
        return isinstance(value, float) and math.isnan(value)

    @staticmethod
    def isInteger(value: Any = None) -> bool:  # noqa: N802
        return Number.isFinite(value) and float(value).is_integer()

    @staticmethod
    def isSafeInteger(value: Any = None) -> bool:  # noqa: N802
        return Number.isInteger(value) and abs(value) <= MAX_SAFE_INTEGER


register("Number", NumberPrototype, int, float)
CONSTRUCTORS["Number"] = Number
