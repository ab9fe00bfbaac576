"""The exceptions wasmbindgen raises.

``BindgenError`` covers every problem found while loading or building a module; the others are
raised while calling into a loaded module.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BindgenError",
    "ExpiredClosureError",
    "JsException",
    "NoEventLoopError",
    "RustPanic",
]


class BindgenError(Exception):
    """A module could not be loaded or built; the message names the file, the item and the fix."""


class JsException(Exception):
    """A thrown JavaScript-style value that is not a Python exception; ``.value`` holds it.

    Raised when Rust throws a plain value (``throw_val``, ``Err(JsValue)``). A Python import that
    raises ``JsException(v)`` throws ``v`` itself into Rust.
    """

    def __init__(self, value: Any) -> None:
        super().__init__(value)
        self.value = value

    def __str__(self) -> str:
        return f"JavaScript-style exception: {self.value!r}"


class RustPanic(Exception):
    """The module trapped: a Rust panic, ``unreachable`` or an out-of-bounds access.

    The instance refuses further calls afterwards, because its state is unknown; a fresh
    ``wasmbindgen.load()`` of the same module works.
    """


class ExpiredClosureError(RuntimeError):
    """A Rust closure was called after its lifetime ended: a stack closure (``&dyn Fn``) after
    the import it was passed to returned, a ``Closure`` after Rust dropped it, a ``once``
    closure after its one call."""


class NoEventLoopError(RuntimeError):
    """A timer (``setTimeout``/``setInterval``) was set while no asyncio loop is running."""


class Timeout(TimeoutError):
    """A call into the module ran longer than ``load(..., timeout=)`` allows. The guest was
    stopped mid-run, so the instance is poisoned like after a trap; load the module again."""


class OutOfFuel(RuntimeError):
    """A call into the module used up ``load(..., fuel=)``, its instruction budget. The instance
    is poisoned like after a trap; load the module again."""


class MemoryLimitError(MemoryError):
    """The module needed more linear memory (or table space) than ``load(..., max_memory=)``
    allows. The instance is poisoned like after a trap; load the module again."""


class ThreadError(RuntimeError):
    """An instance was called from a thread other than the one that loaded it. wasm-bindgen
    modules assume one JS agent (one thread); load the module once per thread instead."""


class CompiledPathWarning(RuntimeWarning):
    """The compiled boundary (the optional C extension) is present but cannot be used — it was
    built for another wasmtime release than the installed one. Calls run on the pure-Python
    path, with the same behaviour; reinstall wasmbindgen to rebuild the extension."""
