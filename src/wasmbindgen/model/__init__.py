"""Stage 4: the backend-neutral model of a module's interface, built from the decoded
schema and the descriptors."""

from .build import build_interface
from .types import (
    CallKind,
    Class,
    EnumType,
    ExportFunction,
    ExportKind,
    Field,
    ImportFunction,
    ImportRoot,
    ImportStatic,
    InlineSnippet,
    InstanceOf,
    Interface,
    Kind,
    Param,
    Receiver,
    Ref,
    Scalar,
    Signature,
    ValueType,
)

__all__ = [
    "CallKind",
    "Class",
    "EnumType",
    "ExportFunction",
    "ExportKind",
    "Field",
    "ImportFunction",
    "ImportRoot",
    "ImportStatic",
    "InlineSnippet",
    "InstanceOf",
    "Interface",
    "Kind",
    "Param",
    "Receiver",
    "Ref",
    "Scalar",
    "Signature",
    "ValueType",
    "build_interface",
]
