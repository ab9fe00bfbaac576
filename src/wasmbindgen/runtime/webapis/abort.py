"""``AbortController`` and ``AbortSignal``: how fetch (and reqwest's timeouts) cancel."""

from __future__ import annotations

from typing import Any

from ... import errors
from .. import jsops
from ..eventloop import set_timeout
from .dom import DOMException, Event, EventTarget


class AbortSignal(EventTarget):
    """``aborted``, ``reason``, ``throwIfAborted()``, ``onabort`` and ``abort`` listeners."""

    def __init__(self) -> None:
        super().__init__()
        self.aborted = False
        self.reason: Any = None
        self.onabort: Any = None

    def _abort(self, reason: Any) -> None:
        if self.aborted:
            return
        if reason is None:
            reason = DOMException("signal is aborted without reason", "AbortError")
        self.aborted, self.reason = True, reason
        self.dispatchEvent(Event("abort"))

    def throwIfAborted(self) -> None:  # noqa: N802
        if self.aborted:
            if isinstance(self.reason, BaseException):
                raise self.reason
            raise errors.JsException(self.reason)

    @staticmethod
    def abort(reason: Any = None) -> AbortSignal:
        signal = AbortSignal()
        signal._abort(reason)
        return signal

    @staticmethod
    def timeout(ms: Any = 0) -> AbortSignal:
        """A signal that aborts with a ``TimeoutError`` after ``ms`` (needs a running loop)."""
        signal = AbortSignal()
        error = DOMException("signal timed out", "TimeoutError")
        set_timeout(lambda: signal._abort(error), jsops.to_number(ms))
        return signal

    @staticmethod
    def any(signals: Any = ()) -> AbortSignal:
        """Aborts as soon as any of ``signals`` does, with its reason."""
        combined = AbortSignal()
        for signal in signals:
            if signal.aborted:
                combined._abort(signal.reason)
                return combined
        for signal in signals:
            signal.addEventListener("abort", lambda _e, s=signal: combined._abort(s.reason))
        return combined


class AbortController:
    """``new AbortController()``: ``signal`` and ``abort(reason)``."""

    def __init__(self) -> None:
        self.signal = AbortSignal()

    def abort(self, reason: Any = None) -> None:
        self.signal._abort(reason)
