"""``eval``, ``Proxy``, ``Intl``, ``Temporal``, ``WebAssembly``: present, so that using one says
why it fails."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import EvalError

_WHY = {
    "eval": "it runs JavaScript source, and wasmbindgen has no JavaScript engine",
    "Proxy": "Python objects cannot trap every JS operation; pass an object with the "
    "attributes or keys you need",
    "Intl": "wasmbindgen does not ship ICU locale data; format in Python and pass strings",
    "Temporal": "wasmbindgen has no calendar and time-zone engine; use Date, or Python's "
    "datetime and zoneinfo and pass the results",
    "crypto.subtle": "wasmbindgen does not implement Web Crypto's SubtleCrypto; hash, sign "
    "and encrypt in Rust (sha2, ring...) or in Python and pass the results",
    "WebAssembly": "wasmbindgen does not nest wasm instances; load the other module with "
    "wasmbindgen.load and pass its functions in",
}


class Unsupported:
    """Calling it, constructing it or reading any member raises ``EvalError`` saying why."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _fail(self, what: str) -> EvalError:
        return EvalError(f"{what} is not supported by wasmbindgen: {_WHY[self._name]}")

    def __call__(self, *_args: Any) -> Any:
        raise self._fail(self._name)

    def __getattr__(self, member: str) -> Any:
        if member.startswith("__"):
            raise AttributeError(member)
        raise self._fail(f"{self._name}.{member}")


def unsupported_globals(names: Iterable[str]) -> dict[str, Unsupported]:
    return {name: Unsupported(name) for name in names}
