"""``RegExp`` over Python's ``re``, where ``re`` can honour the pattern."""

from __future__ import annotations

import re
from typing import Any

from .. import jsops
from .errors import SyntaxError
from .prototypes import register_receivers

_FLAGS: dict[str, int] = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}
_FLAGS |= dict.fromkeys("uvgyd", 0)  # no re flag: handled by the methods, or nothing to do


def _translate(source: str) -> str:
    """JS syntax Python spells differently: named groups and their back-references."""
    source = re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", source)
    return re.sub(r"\\k<([A-Za-z_]\w*)>", r"(?P=\1)", source)


_LEGACY = {"$" + str(i) for i in range(1, 10)} | {
    "input",
    "lastMatch",
    "lastParen",
    "leftContext",
    "rightContext",
}


class _RegExpType(type):
    """The legacy statics (``RegExp.$1``, ``RegExp.lastMatch``…) describe the last match."""

    last: tuple[re.Match[str], str] | None = None

    def __getattr__(cls, name: str) -> Any:
        if name not in _LEGACY:
            raise AttributeError(name)
        if _RegExpType.last is None:
            return ""
        m, text = _RegExpType.last
        if name == "input":
            return text
        if name == "lastMatch":
            return m.group(0)
        if name == "lastParen":
            return (m.groups() or ("",))[-1] or ""
        if name == "leftContext":
            return text[: m.start()]
        if name == "rightContext":
            return text[m.end() :]
        index = int(name[1:])
        return (m.group(index) or "") if index <= len(m.groups()) else ""


class RegExp(metaclass=_RegExpType):
    """``RegExp(pattern, flags)``; ``exec``/``test`` honour ``lastIndex`` for ``g``/``y``."""

    JS_PROPERTIES = frozenset(
        {
            "flags",
            "global",
            "ignoreCase",
            "lastIndex",
            "multiline",
            "source",
            "sticky",
            "unicode",
            "dotAll",
            "hasIndices",
            "unicodeSets",
        }
    )

    source: str
    flags: str

    def __init__(self, pattern: Any = "(?:)", flags: Any = None) -> None:
        if isinstance(pattern, RegExp):
            source, flags = pattern.source, pattern.flags if flags is None else flags
        else:
            source = jsops.to_string(pattern) if pattern is not None else "(?:)"
        given = "" if flags is None else jsops.to_string(flags)
        unicode_twice = "u" in given and "v" in given  # v is u with set notation
        if set(given) - set(_FLAGS) or len(set(given)) != len(given) or unicode_twice:
            raise SyntaxError(f"Invalid flags supplied to RegExp constructor '{given}'")
        self.flags = "".join(f for f in "dgimsuvy" if f in given)  # JS's canonical order
        if "v" in given and any(op in source for op in ("--", "&&", "[[", "\\q{")):
            raise SyntaxError(
                f"Invalid regular expression: /{source}/v: wasmbindgen runs patterns with "
                "Python's re module, which has no set notation (--, &&, nested classes, \\q{})"
            )
        bits = 0
        for flag in self.flags:
            bits |= _FLAGS[flag]
        try:
            self.pattern_object = re.compile(_translate(source), bits)
        except re.error as exc:
            raise SyntaxError(
                f"Invalid regular expression: /{source}/: {exc} (wasmbindgen runs patterns with "
                "Python's re module, which lacks some JS syntax)"
            ) from None
        self.source = source
        self.lastIndex = 0
        self.global_ = "g" in self.flags
        self.ignoreCase = "i" in self.flags
        self.multiline = "m" in self.flags
        self.sticky = "y" in self.flags
        self.unicode = "u" in self.flags
        self.dotAll = "s" in self.flags
        self.hasIndices = "d" in self.flags
        self.unicodeSets = "v" in self.flags  # patterns without set notation run as with u

    def match_array(self, m: re.Match[str], text: str) -> MatchArray:
        """The JS match result: the match and its groups (``None`` for unmatched), with the
        match's ``index``, the ``input`` and the named ``groups``."""
        found = MatchArray([m.group(0), *m.groups()])
        found.index, found.input = m.start(), text
        named = m.groupdict()
        found.groups = dict(named) if named else None
        return found

    @staticmethod
    def escape(text: Any = None) -> str:
        """``RegExp.escape`` (ES2025): ``text`` as a pattern matching it literally."""
        out = []
        for i, ch in enumerate(jsops.to_string(text)):
            if i == 0 and ch.isascii() and ch.isalnum():
                out.append(f"\\x{ord(ch):02x}")
            elif ch in "^$\\.*+?()[]{}|/":
                out.append("\\" + ch)
            elif ch in ",-=<>#&!%:;@~'`\"" or ch.isspace():
                code = ord(ch)
                out.append(f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}")
            else:
                out.append(ch)
        return "".join(out)

    def exec(self, text: Any = None) -> list[Any] | None:
        s = jsops.to_string(text)
        start = self.lastIndex if (self.global_ or self.sticky) else 0
        if start > len(s):
            self.lastIndex = 0
            return None
        m = (self.pattern_object.match if self.sticky else self.pattern_object.search)(s, start)
        if m is None:
            if self.global_ or self.sticky:
                self.lastIndex = 0
            return None
        if self.global_ or self.sticky:
            self.lastIndex = m.end() if m.end() > m.start() else m.end() + 1
        _RegExpType.last = (m, s)
        return self.match_array(m, s)

    def test(self, text: Any = None) -> bool:
        return self.exec(text) is not None

    def toString(self) -> str:  # noqa: N802 - the JS name
        return f"/{self.source}/{self.flags}"

    def __repr__(self) -> str:
        return self.toString()


setattr(RegExp, "global", property(lambda self: self.global_))


class MatchArray(list[Any]):
    """What ``exec`` and ``match`` give: a JS array with ``index``, ``input`` and ``groups``."""

    index: int = 0  # type: ignore[assignment]  # JS arrays have no index(); the match position wins
    input: str = ""
    groups: dict[str, Any] | None = None


register_receivers("Array", MatchArray)
