"""JavaScript semantics over Python values, for the operator and type-test intrinsics.

The value model: ``None`` is undefined, ``null`` is null, ``bool`` is boolean, ``str`` is string;
``int``/``float`` are numbers, except ``BigInt`` instances and ints beyond 2**53 (bigint);
callables are functions; ``Symbol`` is symbol; everything else is an object.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .builtins.errors import RangeError
from .builtins.errors import SyntaxError as JsSyntaxError
from .values import null

MAX_SAFE_INTEGER = 2**53 - 1


class BigInt(int):
    """A JS BigInt made by Rust (``JsValue::from(u64)``, ``BigInt``); an ``int`` to Python."""

    def __repr__(self) -> str:
        return f"{int(self)}n"


class Symbol:
    """A JS Symbol: unique, with an optional description."""

    __slots__ = ("description",)

    def __init__(self, description: str | None = None) -> None:
        self.description = description

    def __repr__(self) -> str:
        return f"Symbol({self.description or ''})"

    def toString(self) -> str:  # noqa: N802 - the JS method names
        return repr(self)

    def valueOf(self) -> Symbol:  # noqa: N802
        return self


def is_bigint(value: Any) -> bool:
    return isinstance(value, BigInt) or (
        type(value) is int and not -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    )


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not is_bigint(value)


def typeof(value: Any) -> str:
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (int, float)):
        return "bigint" if is_bigint(value) else "number"
    if isinstance(value, Symbol):
        return "symbol"
    if (callable(value) and not isinstance(value, type)) or isinstance(value, type):
        return "function"
    return "object"


def number(value: float) -> int | float:
    """A JS number as Python: ``int`` when integral and safe, else ``float``."""
    if (
        value.is_integer()
        and abs(value) <= MAX_SAFE_INTEGER
        and not (value == 0 and math.copysign(1.0, value) < 0)
    ):
        return int(value)
    return value


def is_falsy(value: Any) -> bool:
    if value is None or value is null or value is False:
        return True
    if isinstance(value, str):
        return value == ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == 0 or value != value
    return False


def to_number(value: Any) -> float:
    """JS ``ToNumber``; raises ``TypeError`` for symbols and BigInts as JS does."""
    if value is None:
        return math.nan
    if value is null or value is False:
        return 0.0
    if value is True:
        return 1.0
    if isinstance(value, (int, float)):
        if is_bigint(value):
            raise TypeError("Cannot convert a BigInt value to a number")
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0.0
        try:
            if text[:2].lower() in ("0x", "0o", "0b"):
                return float(int(text, 0))
            if text in ("Infinity", "+Infinity", "-Infinity"):
                return -math.inf if text.startswith("-") else math.inf
            if any(c.isalpha() and c not in "eE" for c in text):
                return math.nan
            return float(text)
        except ValueError:
            return math.nan
    if isinstance(value, Symbol):
        raise TypeError("Cannot convert a Symbol value to a number")
    if isinstance(value, list):
        return to_number(to_string(value))
    return math.nan


def relative_index(value: Any, length: int, default: int) -> int:
    """A built-in's start/end argument: an integer counting from the end when negative, clamped
    to ``[0, length]``; ``default`` when undefined (``slice``, ``fill``, ``copyWithin``…)."""
    if value is None:
        return default
    n = to_number(value)
    if math.isnan(n):
        return 0
    if math.isinf(n):
        return length if n > 0 else 0
    index = int(n)
    return max(0, length + index) if index < 0 else min(index, length)


def number_to_string(value: float) -> str:
    """``Number.prototype.toString()`` for a finite or special float."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = Decimal(repr(abs(float(value)))).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple.digits))
    k = len(digits)
    n = int(digits_tuple.exponent) + k
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
        text = f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    return sign + text


def to_string(value: Any) -> str:
    """JS ``String(value)``."""
    if value is None:
        return "undefined"
    if value is null:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return number_to_string(value)
    if isinstance(value, Symbol):
        raise TypeError("Cannot convert a Symbol value to a string")
    if isinstance(value, (list, tuple)):
        return ",".join("" if v is None or v is null else to_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    if isinstance(value, BaseException):
        name = getattr(value, "name", type(value).__name__)
        message = str(getattr(value, "message", value))
        return f"{name}: {message}" if message else str(name)
    return str(value)


def to_primitive(value: Any) -> Any:
    if value is None or value is null or isinstance(value, (bool, int, float, str, Symbol)):
        return value
    return to_string(value)


def strict_equals(a: Any, b: Any) -> bool:
    if is_number(a) and is_number(b):
        return bool(a == b)
    if is_bigint(a) and is_bigint(b):
        return bool(a == b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, bool) and isinstance(b, bool):
        return a == b
    return a is b


def loose_equals(a: Any, b: Any) -> bool:
    nullish_a, nullish_b = a is None or a is null, b is None or b is null
    if nullish_a or nullish_b:
        return nullish_a and nullish_b
    if typeof(a) == typeof(b):
        return strict_equals(a, b)
    if isinstance(a, bool):
        return loose_equals(to_number(a), b)
    if isinstance(b, bool):
        return loose_equals(a, to_number(b))
    if is_bigint(a) or is_bigint(b):
        try:
            return int(to_primitive(a)) == int(to_primitive(b))
        except (TypeError, ValueError):
            return False
    pa, pb = to_primitive(a), to_primitive(b)
    if isinstance(pa, (int, float, str)) and isinstance(pb, (int, float, str)):
        return to_number(pa) == to_number(pb)
    return a is b


def _numeric_pair(a: Any, b: Any, op: str) -> tuple[Any, Any, bool]:
    """Both operands as numbers or both as BigInts (JS forbids mixing)."""
    pa, pb = to_primitive(a), to_primitive(b)
    if is_bigint(pa) or is_bigint(pb):
        if not (is_bigint(pa) and is_bigint(pb)):
            raise TypeError(f"Cannot mix BigInt and other types in {op}, use explicit conversions")
        return int(pa), int(pb), True
    return to_number(pa), to_number(pb), False


def _int32(x: float) -> int:
    if x != x or x in (math.inf, -math.inf):
        return 0
    value = int(x) & 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def binary(op: str, a: Any, b: Any) -> Any:
    """A JS binary operator: ``+ - * / % ** & | ^ << >> >>>``."""
    if op == "+":
        pa, pb = to_primitive(a), to_primitive(b)
        if isinstance(pa, str) or isinstance(pb, str):
            return to_string(pa) + to_string(pb)
    x, y, big = _numeric_pair(a, b, op)
    if big:
        if op in ("/", "%") and y == 0:
            raise RangeError("Division by zero")
        if op == ">>>":
            raise TypeError("BigInts have no unsigned right shift, use >> instead")
        if op == "**" and y < 0:
            raise RangeError("Exponent must be non-negative")
        result = _BIGINT_OPERATORS[op](int(x), int(y))
        return BigInt(result)
    if op in ("&", "|", "^", "<<", ">>", ">>>"):
        ia, ib = _int32(x), _int32(y)
        if op == "&":
            return ia & ib
        if op == "|":
            return _int32(ia | ib)
        if op == "^":
            return _int32(ia ^ ib)
        if op == "<<":
            return _int32(ia << (ib & 31))
        if op == ">>":
            return ia >> (ib & 31)
        return (ia & 0xFFFFFFFF) >> (ib & 31)
    return number(_float_op(op, x, y))


def _shift_left(x: int, y: int) -> int:
    return x << y if y >= 0 else x >> -y


def _bigdiv(x: int, y: int) -> int:
    """BigInt division: truncates toward zero."""
    q = abs(x) // abs(y)
    return q if (x >= 0) == (y >= 0) else -q


_BIGINT_OPERATORS: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": _bigdiv,
    "%": lambda x, y: x - y * _bigdiv(x, y),
    "**": operator.pow,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
    "<<": _shift_left,
    ">>": lambda x, y: _shift_left(x, -y),
}


def _float_op(op: str, x: float, y: float) -> float:
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        if y == 0:
            if x == 0 or x != x:
                return math.nan
            return math.copysign(math.inf, x) * math.copysign(1.0, y)
        return x / y
    if op == "%":
        if y == 0 or x in (math.inf, -math.inf) or x != x or y != y:
            return math.nan
        if y in (math.inf, -math.inf):
            return x
        return math.fmod(x, y)
    if op == "**":
        try:
            return float(x**y) if not (x == 1 and y != y) else math.nan
        except OverflowError:
            return math.inf
        except ZeroDivisionError:
            return math.inf
    raise AssertionError(op)


def unary_minus(value: Any) -> Any:
    prim = to_primitive(value)
    if is_bigint(prim):
        return BigInt(-int(prim))
    return number(-to_number(prim))


def bit_not(value: Any) -> Any:
    prim = to_primitive(value)
    if is_bigint(prim):
        return BigInt(~int(prim))
    return ~_int32(to_number(prim))


def compare(op: str, a: Any, b: Any) -> bool:
    pa, pb = to_primitive(a), to_primitive(b)
    if isinstance(pa, str) and isinstance(pb, str):
        x: Any = pa.encode("utf-16-le")
        y: Any = pb.encode("utf-16-le")
        x, y = (
            [int.from_bytes(x[i : i + 2], "little") for i in range(0, len(x), 2)],
            [int.from_bytes(y[i : i + 2], "little") for i in range(0, len(y), 2)],
        )
    elif is_bigint(pa) or is_bigint(pb):
        x = int(pa) if is_bigint(pa) else to_number(pa)
        y = int(pb) if is_bigint(pb) else to_number(pb)
    else:
        x, y = to_number(pa), to_number(pb)
        if x != x or y != y:
            return False
    return bool({"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op])


def has_property(obj: Any, key: Any) -> bool:
    """JS ``key in obj``."""
    if isinstance(obj, dict):
        return key in obj
    if isinstance(obj, (list, tuple)):
        if key == "length":
            return True
        try:
            index = int(key)
        except (TypeError, ValueError):
            return False
        return 0 <= index < len(obj)
    if not isinstance(key, str):
        key = to_string(key)
    if obj is None or obj is null or isinstance(obj, (str, int, float, bool)):
        raise TypeError(f"Cannot use 'in' operator to search for '{key}' in {to_string(obj)}")
    return hasattr(obj, key)


def json_stringify(value: Any) -> str:
    def default(obj: Any) -> Any:
        if obj is null:
            return None
        if isinstance(obj, tuple):
            return list(obj)
        if hasattr(obj, "toJSON"):
            return obj.toJSON()
        if isinstance(obj, (set, frozenset)):
            return {}
        return (
            {k: v for k, v in vars(obj).items() if not k.startswith("_")}
            if hasattr(obj, "__dict__")
            else {}
        )

    raw: list[str] = []  # JSON.rawJSON texts, spliced in after dumping

    def clean(obj: Any) -> Any:
        text = getattr(obj, "_wb_raw_json", None)
        if isinstance(text, str):
            raw.append(text)
            return f"\0raw{len(raw) - 1}\0"
        if isinstance(obj, dict):
            return {str(k): clean(v) for k, v in obj.items() if v is not None and not callable(v)}
        if isinstance(obj, (list, tuple)):
            return [None if v is None or callable(v) else clean(v) for v in obj]
        if isinstance(obj, float) and (obj != obj or obj in (math.inf, -math.inf)):
            return None
        if isinstance(obj, BigInt) or is_bigint(obj):
            raise TypeError("Do not know how to serialize a BigInt")
        return obj

    out = json.dumps(clean(value), default=default, separators=(",", ":"), ensure_ascii=False)
    for i, text in enumerate(raw):
        out = out.replace(f'"\\u0000raw{i}\\u0000"', text, 1)
    return out


def json_parse(text: str) -> Any:
    def js(value: Any) -> Any:  # JSON null is JS null at every depth; numbers as JS numbers
        if value is None:
            return null
        if isinstance(value, list):
            return [js(v) for v in value]
        if isinstance(value, float):
            return number(value)
        return value

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        return {k: js(v) for k, v in pairs}  # nested objects came through here already

    try:
        parsed = json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        raise JsSyntaxError(f"JSON.parse: {exc}") from None
    return js(parsed)


def debug_string(value: Any, depth: int = 0) -> str:
    """The rendering of ``Debug for JsValue``."""
    if value is None or value is null or isinstance(value, (bool, int, float)):
        return to_string(value)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, Symbol):
        return f"Symbol({value.description})" if value.description is not None else "Symbol"
    if isinstance(value, BaseException):
        name = getattr(value, "name", type(value).__name__)
        message = getattr(value, "message", str(value))
        stack = getattr(value, "stack", "")
        return f"{name}: {message}\n{stack}"
    if isinstance(value, (list, tuple)):
        if depth > 16:
            return "[...]"
        return "[" + ", ".join(debug_string(v, depth + 1) for v in value) + "]"
    if callable(value):
        name = getattr(value, "__name__", "")
        return f"Function({name})" if name and name != "<lambda>" else "Function"
    if isinstance(value, dict):
        try:
            return f"Object({json_stringify(value)})"
        except (TypeError, ValueError):
            return "Object"
    return type(value).__name__
