"""What a trap means, in words: the reason a ``RustPanic`` gives."""

from __future__ import annotations

import re

ALLOC_FAILED = re.compile(r"rust_oom|handle_alloc_error|__rust_alloc_error_handler")


def headline(panic: str) -> str:
    """A panic message's first line; rustc 1.73+ writes ``panicked at file:line:col:`` and the
    message on the next line, so that line joins it."""
    lines = panic.strip().splitlines() or [""]
    if lines[0].endswith(":") and len(lines) > 1:
        return f"{lines[0]} {lines[1].strip()}"
    return lines[0]


def trap_reason(message: str) -> str:
    text = message.strip().splitlines()
    first = text[0] if text else "trap"
    if ALLOC_FAILED.search(message):
        return "Rust could not allocate memory (the module's 4 GiB are used up or fragmented)"
    if "unreachable" in message:
        return "Rust panicked (wasm `unreachable` executed)"
    if "thrown Wasm exception" in message:  # panic=unwind: nothing caught it at the boundary
        return (
            "a Rust panic unwound out of the module uncaught (in a Drop, an *_aborting closure "
            "or other code outside wasm-bindgen's catching boundaries): a hard abort"
        )
    cause = re.search(r"wasm trap: (.+)", message)
    if cause and "call stack exhausted" in cause[1]:
        return "the wasm call stack is exhausted (recursion too deep)"
    if cause:
        return cause[1].strip()
    return first.removeprefix("error while executing at wasm backtrace:").strip() or first
