"""The web API globals of one instance."""

from __future__ import annotations

from typing import Any

from .abort import AbortController, AbortSignal
from .console import Console
from .crypto import Crypto
from .dom import DOMException, Event, EventTarget
from .encoding import TextDecoder, TextEncoder
from .fetch import Headers, Request, Response, fetch
from .performance import PERFORMANCE_CLASSES, Performance
from .url import URL, URLSearchParams


def web_globals() -> dict[str, Any]:
    """Fresh web API globals for one instance (objects like ``console`` and ``performance``
    keep per-instance state)."""
    return {
        "console": Console(),
        "crypto": Crypto(),
        "Crypto": Crypto,
        "performance": Performance(),
        "Performance": Performance,
        **PERFORMANCE_CLASSES,
        "TextEncoder": TextEncoder,
        "TextDecoder": TextDecoder,
        "URL": URL,
        "URLSearchParams": URLSearchParams,
        "AbortController": AbortController,
        "AbortSignal": AbortSignal,
        "DOMException": DOMException,
        "Event": Event,
        "EventTarget": EventTarget,
        "Headers": Headers,
        "Request": Request,
        "Response": Response,
        "fetch": fetch,
    }
