"""``JSON`` and ``Math`` (namespaces of functions)."""

from __future__ import annotations

import math
import random
import struct
from collections.abc import Callable
from typing import Any

from .. import jsops
from .errors import SyntaxError, TypeError


class RawJSON:
    """``JSON.rawJSON(text)``: a primitive's JSON text, emitted as it is by ``stringify``."""

    def __init__(self, text: str) -> None:
        self.rawJSON = self._wb_raw_json = text


class JSON:
    @staticmethod
    def rawJSON(text: Any = None) -> RawJSON:  # noqa: N802
        source = jsops.to_string(text)
        value = jsops.json_parse(source) if source.strip() == source else None
        if source.strip() != source or isinstance(value, (dict, list)):
            raise SyntaxError(f"JSON.rawJSON cannot be used with {source!r}")
        return RawJSON(source)

    @staticmethod
    def isRawJSON(value: Any = None) -> bool:  # noqa: N802
        return isinstance(value, RawJSON)

    @staticmethod
    def parse(text: Any, reviver: Any = None) -> Any:
        value = jsops.json_parse(jsops.to_string(text))
        if callable(reviver):
            return _revive({"": value}, "", reviver)
        return value

    @staticmethod
    def stringify(value: Any, replacer: Any = None, space: Any = None) -> Any:
        """A ``str``, or ``None`` (undefined) for values JSON cannot hold."""
        if value is None or callable(value):
            return None
        if callable(replacer):
            value = _replace({"": value}, "", replacer)
        elif isinstance(replacer, list):
            keep = {jsops.to_string(k) for k in replacer}
            value = _pick(value, keep)
        text = jsops.json_stringify(value)
        if space is not None and text is not None:
            import json

            indent = space if isinstance(space, str) else " " * int(jsops.to_number(space))
            text = json.dumps(json.loads(text), indent=indent[:10] or None, ensure_ascii=False)
        return text


def _revive(holder: Any, key: Any, reviver: Callable[..., Any]) -> Any:
    value = holder[key]
    if isinstance(value, dict):
        for k in list(value):
            revived = _revive(value, k, reviver)
            if revived is None:
                del value[k]
            else:
                value[k] = revived
    elif isinstance(value, list):
        for i in range(len(value)):
            value[i] = _revive(value, i, reviver)
    return reviver(key, value)


def _replace(holder: Any, key: Any, replacer: Callable[..., Any]) -> Any:
    value = replacer(key, holder[key])
    if isinstance(value, dict):
        return {k: _replace(value, k, replacer) for k in value}
    if isinstance(value, list):
        return [_replace(value, i, replacer) for i in range(len(value))]
    return value


def _pick(value: Any, keep: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _pick(v, keep) for k, v in value.items() if k in keep}
    if isinstance(value, list):
        return [_pick(v, keep) for v in value]
    return value


def _num(value: Any) -> float:
    return jsops.to_number(value)


def _unary(fn: Callable[[float], float]) -> Callable[[Any], float]:
    def apply(x: Any = None) -> float:
        try:
            return fn(_num(x))
        except (ValueError, OverflowError):
            return _special(fn, _num(x))

    return staticmethod(apply)


def _special(fn: Callable[[float], float], x: float) -> float:
    """What JS gives where Python's math raises (domain errors → NaN, overflow → ±Infinity)."""
    if math.isnan(x):
        return math.nan
    if fn in (math.log, math.log2, math.log10) and x == 0:
        return -math.inf
    if fn in (math.exp, math.cosh, math.sinh) and x > 0:
        return math.inf
    if fn is math.sinh and x < 0:
        return -math.inf
    if fn is math.atanh and abs(x) == 1:
        return math.copysign(math.inf, x)
    if fn is math.log1p and x == -1:
        return -math.inf
    return math.nan


def _round(x: float) -> float:
    if not math.isfinite(x):
        return x
    return float(math.floor(x + 0.5))


def _sign(x: float) -> float:
    if math.isnan(x) or x == 0:
        return x
    return 1.0 if x > 0 else -1.0


def _int32(x: Any) -> int:
    n = _num(x)
    if not math.isfinite(n):
        return 0
    n = int(n) & 0xFFFFFFFF
    return n - 2**32 if n >= 2**31 else n


class Math:
    E, LN10, LN2, LOG10E, LOG2E = (
        math.e,
        math.log(10),
        math.log(2),
        1 / math.log(10),
        1 / math.log(2),
    )
    PI, SQRT1_2, SQRT2 = math.pi, math.sqrt(0.5), math.sqrt(2)
    abs = _unary(abs)
    acos, acosh, asin, asinh = (
        _unary(math.acos),
        _unary(math.acosh),
        _unary(math.asin),
        _unary(math.asinh),
    )
    atan, atanh, cbrt = _unary(math.atan), _unary(math.atanh), _unary(math.cbrt)
    ceil = _unary(lambda x: float(math.ceil(x)) if math.isfinite(x) else x)
    floor = _unary(lambda x: float(math.floor(x)) if math.isfinite(x) else x)
    trunc = _unary(lambda x: float(math.trunc(x)) if math.isfinite(x) else x)
    cos, cosh, exp, expm1 = (
        _unary(math.cos),
        _unary(math.cosh),
        _unary(math.exp),
        _unary(math.expm1),
    )
    log, log10, log1p, log2 = (
        _unary(math.log),
        _unary(math.log10),
        _unary(math.log1p),
        _unary(math.log2),
    )
    sin, sinh, sqrt, tan, tanh = (
        _unary(math.sin),
        _unary(math.sinh),
        _unary(math.sqrt),
        _unary(math.tan),
        _unary(math.tanh),
    )
    round, sign = _unary(_round), _unary(_sign)
    fround = _unary(
        lambda x: (
            struct.unpack("<f", struct.pack("<f", x))[0]
            if math.isfinite(x) and abs(x) < 3.5e38
            else (x if not math.isfinite(x) else math.copysign(math.inf, x))
        )
    )

    @staticmethod
    def atan2(y: Any = None, x: Any = None) -> float:
        return math.atan2(_num(y), _num(x))

    @staticmethod
    def clz32(x: Any = None) -> int:
        n = _int32(x) & 0xFFFFFFFF
        return 32 - n.bit_length()

    @staticmethod
    def f16round(x: Any = None) -> float:
        n = _num(x)
        try:
            return float(struct.unpack("<e", struct.pack("<e", n))[0])
        except OverflowError:
            return math.copysign(math.inf, n)

    @staticmethod
    def sumPrecise(values: Any = None) -> float:  # noqa: N802
        numbers = list(values or ())
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
            raise TypeError("Math.sumPrecise: every element must be a number")
        if not numbers:
            return -0.0
        return math.fsum(float(v) for v in numbers)

    @staticmethod
    def hypot(*values: Any) -> float:
        return math.hypot(*(_num(v) for v in values))

    @staticmethod
    def imul(a: Any = None, b: Any = None) -> int:
        return _int32(_int32(a) * _int32(b))

    @staticmethod
    def max(*values: Any) -> float:
        numbers = [_num(v) for v in values]
        if any(math.isnan(n) for n in numbers):
            return math.nan
        return max(numbers, default=-math.inf)

    @staticmethod
    def min(*values: Any) -> float:
        numbers = [_num(v) for v in values]
        if any(math.isnan(n) for n in numbers):
            return math.nan
        return min(numbers, default=math.inf)

    @staticmethod
    def pow(base: Any = None, exponent: Any = None) -> float:
        b, e = _num(base), _num(exponent)
        if math.isnan(e) or (abs(b) == 1 and math.isinf(e)):
            return math.nan
        try:
            return float(math.pow(b, e))
        except OverflowError:
            return math.inf if b > 0 or e % 2 == 0 else -math.inf
        except ValueError:
            return math.nan if b < 0 and not e.is_integer() else math.inf

    @staticmethod
    def random() -> float:
        return random.random()
