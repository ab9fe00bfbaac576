"""``String``: JS strings are Python ``str`` (indices count code points, not UTF-16 units)."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from .. import jsops
from ..jsops import relative_index
from .errors import RangeError, TypeError
from .prototypes import CONSTRUCTORS, register


def _s(value: Any) -> str:
    return jsops.to_string(value)


def _pos(value: Any, length: int, default: int = 0) -> int:
    if value is None:
        return default
    n = jsops.to_number(value)
    if math.isnan(n):
        return 0
    return max(0, min(length, int(n) if math.isfinite(n) else (length if n > 0 else 0)))


def _pattern(value: Any) -> re.Pattern[str] | None:
    return getattr(value, "pattern_object", None)


class StringPrototype:
    @staticmethod
    def at(this: str, index: Any = 0) -> str | None:
        i = int(jsops.to_number(index))
        i = i + len(this) if i < 0 else i
        return this[i] if 0 <= i < len(this) else None

    @staticmethod
    def charAt(this: str, index: Any = 0) -> str:  # noqa: N802 - JS names
        i = int(jsops.to_number(index))
        return this[i] if 0 <= i < len(this) else ""

    @staticmethod
    def charCodeAt(this: str, index: Any = 0) -> float:  # noqa: N802
        i = int(jsops.to_number(index))
        return float(ord(this[i])) if 0 <= i < len(this) else math.nan

    codePointAt = charCodeAt  # noqa: N815

    @staticmethod
    def concat(this: str, *parts: Any) -> str:
        return this + "".join(_s(p) for p in parts)

    @staticmethod
    def endsWith(this: str, search: Any, end: Any = None) -> bool:  # noqa: N802
        return this[: _pos(end, len(this), len(this))].endswith(_s(search))

    @staticmethod
    def startsWith(this: str, search: Any, start: Any = 0) -> bool:  # noqa: N802
        return this.startswith(_s(search), _pos(start, len(this)))

    @staticmethod
    def includes(this: str, search: Any, start: Any = 0) -> bool:
        if _pattern(search) is not None:
            raise TypeError("String.prototype.includes: the argument must not be a RegExp")
        return _s(search) in this[_pos(start, len(this)) :]

    @staticmethod
    def indexOf(this: str, search: Any, start: Any = 0) -> int:  # noqa: N802
        return this.find(_s(search), _pos(start, len(this)))

    @staticmethod
    def lastIndexOf(this: str, search: Any, start: Any = None) -> int:  # noqa: N802
        end = _pos(start, len(this), len(this)) + len(_s(search))
        return this.rfind(_s(search), 0, end)

    @staticmethod
    def localeCompare(this: str, other: Any, *_locale: Any) -> int:  # noqa: N802
        a, b = this, _s(other)
        return (a > b) - (a < b)

    @staticmethod
    def match(this: str, pattern: Any) -> Any:
        from .regexp import RegExp

        regexp = pattern if isinstance(pattern, RegExp) else RegExp(pattern)
        if not regexp.global_:
            return regexp.exec(this)
        found = [m.group(0) for m in regexp.pattern_object.finditer(this)]
        return found or None

    @staticmethod
    def matchAll(this: str, pattern: Any) -> Any:  # noqa: N802
        from .regexp import RegExp

        regexp = pattern if isinstance(pattern, RegExp) else RegExp(pattern, "g")
        from .symbols import JsIterator

        found = [regexp.match_array(m, this) for m in regexp.pattern_object.finditer(this)]
        return JsIterator(iter(found))

    @staticmethod
    def isWellFormed(this: str) -> bool:  # noqa: N802
        """No lone surrogates (a Python ``str`` made by UTF-8 decoding never has one)."""
        return not any(0xD800 <= ord(ch) <= 0xDFFF for ch in this)

    @staticmethod
    def toWellFormed(this: str) -> str:  # noqa: N802
        return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in this)

    @staticmethod
    def normalize(this: str, form: Any = "NFC") -> str:
        name = _s(form)
        if name not in ("NFC", "NFD", "NFKC", "NFKD"):
            raise RangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
        return unicodedata.normalize(name, this)  # type: ignore[arg-type]

    @staticmethod
    def padEnd(this: str, length: Any, fill: Any = " ") -> str:  # noqa: N802
        return StringPrototype._pad(this, length, fill, end=True)

    @staticmethod
    def padStart(this: str, length: Any, fill: Any = " ") -> str:  # noqa: N802
        return StringPrototype._pad(this, length, fill, end=False)

    @staticmethod
    def _pad(this: str, length: Any, fill: Any, end: bool) -> str:
        target, pad = int(jsops.to_number(length)), _s(fill)
        if target <= len(this) or not pad:
            return this
        padding = (pad * (target // len(pad) + 1))[: target - len(this)]
        return this + padding if end else padding + this

    @staticmethod
    def repeat(this: str, count: Any = 0) -> str:
        n = jsops.to_number(count)
        if n < 0 or math.isinf(n):
            raise RangeError(f"Invalid count value: {jsops.number_to_string(n)}")
        return this * int(n)

    @staticmethod
    def replace(this: str, pattern: Any, replacement: Any) -> str:
        return StringPrototype._replace(this, pattern, replacement, all_=False)

    @staticmethod
    def replaceAll(this: str, pattern: Any, replacement: Any) -> str:  # noqa: N802
        return StringPrototype._replace(this, pattern, replacement, all_=True)

    @staticmethod
    def _replace(this: str, pattern: Any, replacement: Any, all_: bool) -> str:
        regex = _pattern(pattern)
        if regex is None:
            regex = re.compile(re.escape(_s(pattern)))
        else:
            all_ = all_ or bool(pattern.global_)
        count = 0 if all_ else 1
        if callable(replacement):
            return regex.sub(
                lambda m: _s(replacement(m.group(0), *m.groups(), m.start(), this)), this, count
            )
        template = _s(replacement)

        def expand(m: re.Match[str]) -> str:
            return re.sub(
                r"\$(\$|&|\d\d?)",
                lambda t: (
                    "$"
                    if t.group(1) == "$"
                    else (m.group(0) if t.group(1) == "&" else (m.group(int(t.group(1))) or ""))
                ),
                template,
            )

        return regex.sub(expand, this, count)

    @staticmethod
    def search(this: str, pattern: Any) -> int:
        from .regexp import RegExp

        regexp = pattern if isinstance(pattern, RegExp) else RegExp(pattern)
        m = regexp.pattern_object.search(this)
        return m.start() if m else -1

    @staticmethod
    def slice(this: str, start: Any = 0, end: Any = None) -> str:
        n = len(this)
        return this[relative_index(start, n, 0) : relative_index(end, n, n)]

    @staticmethod
    def split(this: str, separator: Any = None, limit: Any = None) -> list[str]:
        cap = None if limit is None else int(jsops.to_number(limit)) & 0xFFFFFFFF
        if separator is None:
            parts = [this]
        elif _pattern(separator) is not None:
            parts = _pattern(separator).split(this)  # type: ignore[union-attr]
        elif _s(separator) == "":
            parts = list(this)
        else:
            parts = this.split(_s(separator))
        return parts if cap is None else parts[:cap]

    @staticmethod
    def substr(this: str, start: Any = 0, length: Any = None) -> str:
        begin = relative_index(start, len(this), 0)
        count = len(this) - begin if length is None else max(0, int(jsops.to_number(length)))
        return this[begin : begin + count]

    @staticmethod
    def substring(this: str, start: Any = 0, end: Any = None) -> str:
        a, b = _pos(start, len(this)), _pos(end, len(this), len(this))
        return this[min(a, b) : max(a, b)]

    @staticmethod
    def toLowerCase(this: str) -> str:  # noqa: N802
        return this.lower()

    @staticmethod
    def toUpperCase(this: str) -> str:  # noqa: N802
        return this.upper()

    toLocaleLowerCase, toLocaleUpperCase = toLowerCase, toUpperCase  # noqa: N815

    @staticmethod
    def toString(this: str) -> str:  # noqa: N802
        return this

    valueOf = toString  # noqa: N815

    @staticmethod
    def trim(this: str) -> str:
        return this.strip()

    @staticmethod
    def trimEnd(this: str) -> str:  # noqa: N802
        return this.rstrip()

    @staticmethod
    def trimStart(this: str) -> str:  # noqa: N802
        return this.lstrip()

    trimLeft, trimRight = trimStart, trimEnd  # noqa: N815


class String:
    """``String(value)`` converts to a string."""

    JS_PROPERTIES = frozenset({"length"})

    def __new__(cls, value: Any = "") -> str:  # type: ignore[misc]
        return value.toString() if isinstance(value, jsops.Symbol) else _s(value)

    @staticmethod
    def fromCharCode(*codes: Any) -> str:  # noqa: N802
        """UTF-16 code units; a surrogate pair becomes its one code point, as Python spells it."""
        units = "".join(chr(int(jsops.to_number(c)) & 0xFFFF) for c in codes)
        return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")

    @staticmethod
    def fromCodePoint(*codes: Any) -> str:  # noqa: N802
        out = []
        for c in codes:
            n = jsops.to_number(c)
            if not n.is_integer() or not 0 <= n <= 0x10FFFF:
                raise RangeError(f"Invalid code point {jsops.to_string(c)}")
            out.append(chr(int(n)))
        return "".join(out)

    @staticmethod
    def raw(strings: Any, *substitutions: Any) -> str:
        raw: Any = (
            strings.get("raw") if isinstance(strings, dict) else getattr(strings, "raw", strings)
        )
        parts = [_s(p) for p in raw]
        out = []
        for i, part in enumerate(parts):
            out.append(part)
            if i < len(substitutions) and i < len(parts) - 1:
                out.append(_s(substitutions[i]))
        return "".join(out)


register("String", StringPrototype, str, getters={"length": len})
CONSTRUCTORS["String"] = String
