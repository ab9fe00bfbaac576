"""``console``: log/info/debug print to stdout, warn/error to stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from .. import jsops


def _console_text(args: tuple[Any, ...]) -> str:
    return " ".join(a if isinstance(a, str) else _display(a) for a in args)


def _display(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return jsops.debug_string(value)
    try:
        return jsops.to_string(value)
    except TypeError:
        return repr(value)


class Console:
    """``console``: log/info/debug print to stdout, warn/error to stderr.

    ``console.error`` text that starts as Rust's panic message does (what
    ``console_error_panic_hook`` writes just before the module traps) is also handed to
    ``panic_sink``, so the ``RustPanic`` that follows carries the message and stack."""

    def __init__(self) -> None:
        self.panic_sink: Callable[[str], None] | None = None

    def log(self, *args: Any) -> None:
        print(_console_text(args), file=sys.stdout, flush=True)

    info = debug = log

    def warn(self, *args: Any) -> None:
        print(_console_text(args), file=sys.stderr, flush=True)

    def error(self, *args: Any) -> None:
        text = _console_text(args)
        print(text, file=sys.stderr, flush=True)
        if self.panic_sink is not None and text.startswith("panicked at"):
            self.panic_sink(text.strip())
