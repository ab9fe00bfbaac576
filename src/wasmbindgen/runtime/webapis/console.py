"""``console``: the whole Console API, written to stdout/stderr as Node does, or to Python's
``logging`` (``wasmbindgen.set_console("logging")`` or ``load(..., console=...)``)."""

from __future__ import annotations

import logging
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from .. import jsops

_PACKAGE_DIR = str(Path(__file__).resolve().parents[2])
# console method -> (stream of the stdio output, level of the logging output)
_LEVELS: dict[str, tuple[str, int]] = {
    "log": ("stdout", logging.INFO),
    "info": ("stdout", logging.INFO),
    "debug": ("stdout", logging.DEBUG),
    "dir": ("stdout", logging.INFO),
    "table": ("stdout", logging.INFO),
    "group": ("stdout", logging.INFO),
    "time": ("stdout", logging.INFO),
    "count": ("stdout", logging.INFO),
    "warn": ("stderr", logging.WARNING),
    "error": ("stderr", logging.ERROR),
    "assert": ("stderr", logging.ERROR),
    "trace": ("stderr", logging.DEBUG),
}
CONSOLE_LOGGER = "wasmbindgen.console"


class ConsoleOutput(Protocol):
    def write(self, method: str, text: str) -> None: ...


class StdioOutput:
    """Node's choice: warnings, errors, failed asserts and traces to stderr, the rest stdout."""

    def write(self, method: str, text: str) -> None:
        stream = sys.stderr if _LEVELS[method][0] == "stderr" else sys.stdout
        print(text, file=stream, flush=True)


class LoggingOutput:
    """Each console call becomes one record of ``logger``: ``log``/``info`` at INFO, ``debug``
    and ``trace`` at DEBUG, ``warn`` at WARNING, ``error`` and failed asserts at ERROR; the
    record's ``console_method`` attribute names the console method."""

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger

    def write(self, method: str, text: str) -> None:
        self.logger.log(_LEVELS[method][1], "%s", text, extra={"console_method": method})


ConsoleTarget = str | logging.Logger | ConsoleOutput


def output_for(target: ConsoleTarget) -> ConsoleOutput:
    """``"stdio"``, ``"logging"`` (the ``wasmbindgen.console`` logger), a ``Logger``, or any
    object with ``write(method, text)``."""
    if target == "stdio":
        return StdioOutput()
    if target == "logging":
        return LoggingOutput(logging.getLogger(CONSOLE_LOGGER))
    if isinstance(target, logging.Logger):
        return LoggingOutput(target)
    if isinstance(target, str) or not callable(getattr(target, "write", None)):
        raise ValueError(
            f"console target {target!r}: expected 'stdio', 'logging', a logging.Logger or an "
            "object with write(method, text)"
        )
    return target


_default: list[ConsoleOutput] = [StdioOutput()]


def set_console(target: ConsoleTarget) -> None:
    """Where every instance's ``console`` writes from now on (those loaded with their own
    ``console=`` excepted): ``"stdio"`` (the default), ``"logging"`` or a ``Logger``."""
    _default[0] = output_for(target)


def format_args(args: tuple[Any, ...]) -> str:
    """What a console method prints for ``args``: ``%s %d %i %f %o %O %c %%`` in a leading
    string take arguments in turn (as Node's ``util.format``), the rest follow, space-separated."""
    if not args:
        return ""
    rest = list(args)
    parts: list[str] = []
    if isinstance(args[0], str) and "%" in args[0]:
        rest.pop(0)
        parts.append(_substitute(args[0], rest))
    parts += [_display(a) for a in rest]
    return " ".join(parts)


def _substitute(template: str, rest: list[Any]) -> str:
    out, i = [], 0
    while i < len(template):
        char = template[i]
        spec = template[i + 1] if char == "%" and i + 1 < len(template) else ""
        if spec == "%":
            out.append("%")
        elif spec in ("s", "d", "i", "f", "o", "O", "c", "j") and rest:
            out.append(_convert(spec, rest.pop(0)))
        else:
            out.append(char)
            i += 1
            continue
        i += 2
    return "".join(out)


def _convert(spec: str, value: Any) -> str:
    if spec == "c":
        return ""  # CSS styling: nothing to show in a terminal
    if spec == "s":
        return value if isinstance(value, str) else _display(value)
    if spec in "oOj":
        return jsops.debug_string(value)
    number = jsops.to_number(value) if not isinstance(value, str) else _parse_number(value)
    if spec == "i" or (spec == "d" and isinstance(value, str)):
        return "NaN" if number != number else str(int(number))
    return jsops.to_string(number)


_NUMBER_PREFIX = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def _parse_number(text: str) -> float:
    """``parseFloat``: the longest numeric prefix, else NaN."""
    found = _NUMBER_PREFIX.match(text)
    return float(found.group(1)) if found else float("nan")


def _display(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return jsops.debug_string(value)
    try:
        return jsops.to_string(value)
    except TypeError:
        return repr(value)


class Console:
    """The global ``console`` of one instance.

    ``console.error`` text that starts as Rust's panic message does (what
    ``console_error_panic_hook`` writes just before the module traps) is also handed to
    ``panic_sink``, so the ``RustPanic`` that follows carries the message and stack."""

    def __init__(self, output: ConsoleOutput | None = None) -> None:
        self.output = output  # None: the process-wide default (set_console)
        self.panic_sink: Callable[[str], None] | None = None
        self._indent = ""
        self._counts: dict[str, int] = {}
        self._timers: dict[str, float] = {}

    def _write(self, method: str, text: str) -> None:
        out = self.output if self.output is not None else _default[0]
        indented = "\n".join(self._indent + line for line in text.split("\n"))
        out.write(method, indented)

    def log(self, *args: Any) -> None:
        self._write("log", format_args(args))

    def info(self, *args: Any) -> None:
        self._write("info", format_args(args))

    def debug(self, *args: Any) -> None:
        self._write("debug", format_args(args))

    dirxml = log

    def warn(self, *args: Any) -> None:
        self._write("warn", format_args(args))

    def error(self, *args: Any) -> None:
        text = format_args(args)
        self._write("error", text)
        if self.panic_sink is not None and text.startswith("panicked at"):
            self.panic_sink(text.strip())

    def trace(self, *args: Any) -> None:
        """``Trace: <message>`` and the Python stack that led here (the wasm frames between
        are not visible to Python)."""
        frames = [
            f"    at {f.name} ({f.filename}:{f.lineno})"
            for f in traceback.extract_stack()[:-1]
            if not f.filename.startswith((_PACKAGE_DIR, "<wasmbindgen glue"))
        ]
        message = format_args(args)
        self._write("trace", "\n".join([f"Trace: {message}" if message else "Trace", *frames]))

    def assert_(self, condition: Any = None, *args: Any) -> None:
        if not jsops.is_falsy(condition):
            return
        message = format_args(args)
        self._write("assert", f"Assertion failed: {message}" if message else "Assertion failed")

    def dir(self, value: Any = None, _options: Any = None) -> None:
        self._write("dir", jsops.debug_string(value))

    def table(self, data: Any = None, columns: Any = None) -> None:
        if not isinstance(data, (list, tuple, dict)):
            self.log(data)
            return
        self._write("table", render_table(data, columns))

    def group(self, *labels: Any) -> None:
        if labels:
            self._write("group", format_args(labels))
        self._indent += "  "

    groupCollapsed = group  # noqa: N815 - the JS name

    def groupEnd(self) -> None:  # noqa: N802
        self._indent = self._indent[:-2]

    def count(self, label: Any = "default") -> None:
        key = jsops.to_string(label)
        self._counts[key] = self._counts.get(key, 0) + 1
        self._write("count", f"{key}: {self._counts[key]}")

    def countReset(self, label: Any = "default") -> None:  # noqa: N802
        key = jsops.to_string(label)
        if key not in self._counts:
            self._write("warn", f"Count for '{key}' does not exist")
        self._counts[key] = 0

    def time(self, label: Any = "default") -> None:
        key = jsops.to_string(label)
        if key in self._timers:
            self._write("warn", f"Label '{key}' already exists for console.time()")
            return
        self._timers[key] = time.perf_counter()

    def timeLog(self, label: Any = "default", *args: Any) -> None:  # noqa: N802
        self._time_report("timeLog", label, args, end=False)

    def timeEnd(self, label: Any = "default") -> None:  # noqa: N802
        self._time_report("timeEnd", label, (), end=True)

    def _time_report(self, method: str, label: Any, args: tuple[Any, ...], end: bool) -> None:
        key = jsops.to_string(label)
        started = self._timers.pop(key, None) if end else self._timers.get(key)
        if started is None:
            self._write("warn", f"No such label '{key}' for console.{method}()")
            return
        elapsed = f"{key}: {(time.perf_counter() - started) * 1000:.3f}ms"
        self._write("time", " ".join([elapsed, *(format_args(args),) * bool(args)]))

    def clear(self) -> None:
        pass  # a terminal or log is not a browser's console panel


setattr(Console, "assert", Console.assert_)


def render_table(data: Any, columns: Any = None) -> str:
    """``console.table``'s grid: one row per element or property, one column per key of the
    rows that are objects (or ``columns``), and ``Values`` for the rows that are not."""
    rows = list(data.items()) if isinstance(data, dict) else list(enumerate(data))
    keys: list[str] = [] if columns is None else [jsops.to_string(c) for c in columns]
    has_values = False
    for _, row in rows:
        if isinstance(row, (dict, list, tuple)):
            names = row.keys() if isinstance(row, dict) else map(str, range(len(row)))
            keys += [k for k in names if columns is None and k not in keys]
        else:
            has_values = True
    header = ["(index)", *keys, *(["Values"] if has_values else [])]
    body = []
    for index, row in rows:
        cells = [str(index)]
        for key in keys:
            if isinstance(row, dict):
                cells.append(_cell(row[key]) if key in row else "")
            elif isinstance(row, (list, tuple)) and key.isdigit() and int(key) < len(row):
                cells.append(_cell(row[int(key)]))
            else:
                cells.append("")
        if has_values:
            cells.append("" if isinstance(row, (dict, list, tuple)) else _cell(row))
        body.append(cells)
    widths = [max(len(r[i]) for r in [header, *body]) + 2 for i in range(len(header))]

    def line(left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * w for w in widths) + right

    def row_text(values: list[str]) -> str:
        return "│" + "│".join(v.center(w) for v, w in zip(values, widths, strict=True)) + "│"

    return "\n".join(
        [
            line("┌", "┬", "┐"),
            row_text(header),
            line("├", "┼", "┤"),
            *map(row_text, body),
            line("└", "┴", "┘"),
        ]
    )


def _cell(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else _display(value)
