"""``crypto``: ``getRandomValues`` from the OS's randomness, ``randomUUID``."""

from __future__ import annotations

import os
import uuid
from typing import Any

from ..builtins.errors import TypeError
from ..builtins.typed_arrays import buffer_class
from ..builtins.unsupported import Unsupported
from ._buffers import byte_view
from .dom import DOMException

MAX_RANDOM_BYTES = 65536  # the Web Crypto limit per call
_INTEGER_KINDS = frozenset({"int", "uint", "clamped", "bigint", "biguint"})


class Crypto:
    """The global ``crypto`` (Web Crypto without ``subtle``)."""

    def __init__(self) -> None:
        self.subtle = Unsupported("crypto.subtle")

    def getRandomValues(self, array: Any = None) -> Any:  # noqa: N802 - the JS name
        """Fill an integer typed array (or a writable Python buffer) with random bytes and
        return it; at most 65,536 bytes, as browsers allow."""
        cls = buffer_class(array)
        if cls is None:
            raise TypeError(
                "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type "
                "'ArrayBufferView'"
            )
        if cls.KIND not in _INTEGER_KINDS:
            kind = cls.__name__.removesuffix("Array")
            raise DOMException(
                f"Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView "
                f"is of type '{kind}', which is not an integer array type.",
                "TypeMismatchError",
            )
        view = byte_view(array, "crypto.getRandomValues")
        if view.nbytes > MAX_RANDOM_BYTES:
            raise DOMException(
                f"Failed to execute 'getRandomValues' on 'Crypto': The ArrayBufferView's byte "
                f"length ({view.nbytes}) exceeds the number of bytes of entropy available via "
                f"this API ({MAX_RANDOM_BYTES}).",
                "QuotaExceededError",
            )
        if view.readonly:
            raise TypeError(
                f"crypto.getRandomValues: a {type(array).__name__} cannot be filled in place; "
                "pass a bytearray, an array.array or a typed array"
            )
        view[:] = os.urandom(view.nbytes)
        return array

    def randomUUID(self) -> str:  # noqa: N802
        """A random (version 4) UUID in its lowercase 36-character form."""
        return str(uuid.uuid4())
