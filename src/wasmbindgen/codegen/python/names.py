"""Python spellings: identifiers from JS names, type hints from value types."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

from ...model import (
    EnumType,
    Interface,
    Kind,
    Param,
    Ref,
    Scalar,
    Signature,
    StringEnumType,
    ValueType,
)

GLUE_PREFIX = "_wb_"  # every name the glue defines for itself starts with this


def identifier(name: str) -> str:
    """A valid, non-keyword Python identifier for a JS or Rust name."""
    text = re.sub(r"\W", "_", name) or "_"
    if text[0].isdigit():
        text = "_" + text
    if keyword.iskeyword(text) or keyword.issoftkeyword(text) or text.startswith(GLUE_PREFIX):
        text += "_"
    return text


def enum_for(interface: Interface, vt: ValueType) -> EnumType | None:
    """The exported enum an ``ENUM`` value type refers to: by name (0.2.88+), else (0.2.83,
    whose descriptors carry only the hole) the one enum with that hole."""
    if vt.name:
        return next((e for e in interface.enums if e.js_name == vt.name), None)
    matches = [e for e in interface.enums if e.hole == vt.hole]
    return matches[0] if len(matches) == 1 else None


def string_enum_for(interface: Interface, name: str) -> StringEnumType | None:
    return next((e for e in interface.string_enums if e.js_name == name), None)


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
        enum = enum_for(interface, vt)
        hint = identifier(enum.js_name) if enum and not argument else "int"
    elif kind is Kind.STRING_ENUM:
        senum = string_enum_for(interface, vt.name)
        values = ", ".join(repr(v) for v in senum.values) if senum else ""
        hint = f"Literal[{values}]" if values else "str"
    elif kind in (Kind.SLICE, Kind.VECTOR):
        hint = _sequence_hint(vt, argument)
    elif kind in (Kind.STACK_CLOSURE, Kind.HEAP_CLOSURE):
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
    variadic: bool = False,
) -> str:
    """``(a: int, b: str | None = None) -> bool``; ``first`` is ``self`` for methods,
    ``returns`` overrides the result (``__init__`` returns ``None``), ``variadic`` spreads the
    last parameter (``*rest``)."""
    parts = [first] if first else []
    listed = list(params)
    for i, p in enumerate(listed):
        name = identifier(p.name)
        if variadic and i == len(listed) - 1:
            parts.append(f"*{name}: Any")
        elif p.optional:
            parts.append(f"{name}: {type_hint(p.type, interface, True)} = None")
        else:
            parts.append(f"{name}: {type_hint(p.type, interface, True)}")
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


RAW_DOC = "A plain wasm export (no #[wasm_bindgen]): numbers in, numbers out."
