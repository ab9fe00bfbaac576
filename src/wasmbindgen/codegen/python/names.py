"""Python spellings: identifiers from JS names, type hints from value types."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

from ...model import Interface, Kind, Param, Ref, Scalar, Signature, ValueType

GLUE_PREFIX = "_wb_"  # every name the glue defines for itself starts with this


def identifier(name: str) -> str:
    """A valid, non-keyword Python identifier for a JS or Rust name."""
    text = re.sub(r"\W", "_", name) or "_"
    if text[0].isdigit():
        text = "_" + text
    if keyword.iskeyword(text) or keyword.issoftkeyword(text) or text.startswith(GLUE_PREFIX):
        text += "_"
    return text


def enum_for_hole(interface: Interface, hole: int) -> str | None:
    """The enum a ``ENUM hole`` descriptor refers to, when only one enum has that hole."""
    matches = [e.js_name for e in interface.enums if e.hole == hole]
    return matches[0] if len(matches) == 1 else None


def _number_hint(scalar: Scalar | None) -> str:
    return "int" if scalar is not None and scalar.is_integer else "float"


def type_hint(vt: ValueType, interface: Interface, argument: bool) -> str:
    """The annotation of a value of ``vt`` as an argument (what is accepted) or a result."""
    kind = vt.kind
    if kind is Kind.NUMBER:
        hint = _number_hint(vt.scalar)
    elif kind is Kind.BOOL:
        hint = "bool"
    elif kind in (Kind.CHAR, Kind.STRING):
        hint = "str"
    elif kind is Kind.UNIT:
        return "None"
    elif kind is Kind.JSVALUE:
        return "Any"
    elif kind is Kind.STRUCT:
        hint = identifier(vt.name)
    elif kind is Kind.ENUM:
        enum = enum_for_hole(interface, vt.hole)
        hint = identifier(enum) if enum and not argument else "int"
    elif kind in (Kind.SLICE, Kind.VECTOR):
        hint = _sequence_hint(vt, argument)
    elif kind is Kind.STACK_CLOSURE:
        hint = "Callable[..., Any]"
    else:
        raise AssertionError(kind)
    return f"{hint} | None" if vt.optional else hint


def signature_hint(
    interface: Interface,
    params: Iterable[Param],
    sig: Signature,
    first: str = "",
    returns: str | None = None,
) -> str:
    """``(a: int, b: str) -> bool``; ``first`` is ``self`` for methods, ``returns`` overrides the
    result (``__init__`` returns ``None``)."""
    parts = [first] if first else []
    parts += [f"{identifier(p.name)}: {type_hint(p.type, interface, True)}" for p in params]
    if returns is None:
        returns = type_hint(sig.ret, interface, False)
        if sig.is_async:  # a coroutine over the Promise Rust made, resolving to inner_ret
            returns = f"Coroutine[Any, Any, {type_hint(sig.inner_ret, interface, False)}]"
    return f"({', '.join(parts)}) -> {returns}"


def _sequence_hint(vt: ValueType, argument: bool) -> str:
    if vt.scalar is None:
        return "Sequence[Any]" if argument else "list[Any]"
    element = _number_hint(vt.scalar)
    if argument:
        if vt.ref is Ref.MUT:
            return f"bytearray | memoryview | array.array[{element}] | list[{element}]"
        return f"bytes | bytearray | memoryview | array.array[{element}] | Sequence[{element}]"
    if vt.scalar is Scalar.U8:
        return "bytes"
    return f"array.array[{element}]"
