"""``DOMException``, ``Event`` and ``EventTarget``: what the web APIs here throw and dispatch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import jsops
from ..builtins.errors import Error
from ..eventloop import report_uncaught
from ..values import null

# WebIDL's legacy codes of the DOMException names that have one
_CODES = {
    "IndexSizeError": 1,
    "NotFoundError": 8,
    "NotSupportedError": 9,
    "InvalidStateError": 11,
    "SyntaxError": 12,
    "InvalidAccessError": 15,
    "TypeMismatchError": 17,
    "NetworkError": 19,
    "AbortError": 20,
    "TimeoutError": 23,
    "DataCloneError": 25,
    "QuotaExceededError": 22,
}


def member(init: Any, key: str) -> Any:
    """``init[key]`` of a WebIDL dictionary argument — a dict or any object; a missing one, or
    a ``null``/``undefined`` dictionary, gives ``None``."""
    if init is None or init is null:
        return None
    return init.get(key) if isinstance(init, dict) else getattr(init, key, None)


class DOMException(Error):
    """``new DOMException(message, name)``: an ``Error`` (``instanceof Error`` holds, as in
    browsers) whose ``name`` says what failed (``AbortError``, ``QuotaExceededError``…)."""

    JS_PROPERTIES = Error.JS_PROPERTIES | {"code"}

    def __init__(self, message: Any = "", name: Any = "Error") -> None:
        self.name = jsops.to_string(name)  # per instance: the class attribute is "Error"
        self.code = _CODES.get(self.name, 0)
        super().__init__(message)

    def __repr__(self) -> str:
        return f"DOMException({self.message!r}, {self.name!r})"


class Event:
    """``new Event(type)``: what ``dispatchEvent`` hands each listener."""

    def __init__(self, type: Any = "", options: Any = None) -> None:
        self.type = jsops.to_string(type)
        self.target: Any = None
        self.currentTarget: Any = None
        self.defaultPrevented = False
        self.timeStamp = 0.0

    def preventDefault(self) -> None:  # noqa: N802
        self.defaultPrevented = True

    def stopPropagation(self) -> None:  # noqa: N802
        pass  # nothing propagates: targets here have no parents


class EventTarget:
    """``addEventListener``/``removeEventListener``/``dispatchEvent`` and ``on<type>``
    handlers; a listener that raises is reported as uncaught, the others still run."""

    def __init__(self) -> None:
        self._listeners: dict[str, list[tuple[Any, bool]]] = {}

    def addEventListener(self, type: Any, listener: Any = None, options: Any = None) -> None:  # noqa: N802
        if listener is None:
            return
        once = bool(options.get("once")) if isinstance(options, dict) else False
        entries = self._listeners.setdefault(jsops.to_string(type), [])
        if all(existing is not listener for existing, _ in entries):
            entries.append((listener, once))

    def removeEventListener(self, type: Any, listener: Any = None, options: Any = None) -> None:  # noqa: N802
        entries = self._listeners.get(jsops.to_string(type), [])
        entries[:] = [(f, once) for f, once in entries if f is not listener]

    def dispatchEvent(self, event: Event) -> bool:  # noqa: N802
        event.target = event.currentTarget = self
        handler = getattr(self, "on" + event.type, None)
        callbacks: list[Callable[..., Any]] = [handler] if callable(handler) else []
        entries = self._listeners.get(event.type, [])
        callbacks += [f for f, _ in entries]
        entries[:] = [(f, once) for f, once in entries if not once]
        for callback in callbacks:
            listener = getattr(callback, "handleEvent", callback)
            try:
                listener(event)
            except Exception as exc:  # as a browser reports a listener's exception
                report_uncaught(f"an {event.type!r} event listener", exc)
        return not event.defaultPrevented
