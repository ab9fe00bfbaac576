"""``fetch`` on asyncio, with ``Headers``, ``Request`` and ``Response``.

The transport is httpx: it is asyncio-native, so a fetch is a task that an ``AbortSignal`` (or
reqwest's timeout) cancels mid-flight, and it follows redirects, decompresses and honours proxy
settings as browsers and Node do. The standard library's ``urllib`` would block a thread per
request and cannot be cancelled. Bodies are read whole before the promise resolves (no
``ReadableStream``).
"""

from __future__ import annotations

import asyncio
import functools
import re
import ssl
from collections.abc import Iterator
from typing import Any

import httpx

from ...errors import NoEventLoopError
from .. import jsops
from ..builtins.buffers import ArrayBuffer, ByteBuffer
from ..builtins.data_view import DataView
from ..builtins.errors import Error, RangeError, TypeError
from ..builtins.json_math import JSON
from ..builtins.symbols import JsIterator
from ..builtins.typed_arrays import TypedArray, Uint8Array, buffer_class
from ..eventloop import running_loop
from ..promise import Promise
from ..values import null
from ._buffers import buffer_bytes
from .abort import AbortSignal
from .dom import member
from .url import URL, URLSearchParams

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_NORMALIZED_METHODS = {"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"}
_FORBIDDEN_METHODS = {"CONNECT", "TRACE", "TRACK"}
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}


def _option(init: Any, key: str) -> Any:
    """``init[key]`` of a RequestInit/ResponseInit, its ``null`` members as undefined."""
    value = member(init, key)
    return None if value is null else value


# -- Headers ----------------------------------------------------------------------------------


class Headers:
    """Case-insensitive, in insertion order; iteration is sorted by lowercased name with the
    values of one name joined by ``", "`` (``set-cookie`` kept apart), as the standard says."""

    def __init__(self, init: Any = None) -> None:
        self._list: list[tuple[str, str]] = []
        if init is None or init is null:
            return
        pairs = (
            init._list
            if isinstance(init, Headers)
            else (list(init.items()) if isinstance(init, dict) else list(init))
        )
        for pair in pairs:
            if len(pair) != 2:
                raise TypeError("Failed to construct 'Headers': Invalid value")
            self.append(pair[0], pair[1])

    @staticmethod
    def _checked(method: str, name: Any, value: Any = "") -> tuple[str, str]:
        key = jsops.to_string(name)
        text = jsops.to_string(value).strip(" \t\r\n")
        if not _TOKEN.match(key):
            raise TypeError(f"Failed to execute '{method}' on 'Headers': Invalid name")
        if any(c in text for c in "\0\r\n"):
            raise TypeError(f"Failed to execute '{method}' on 'Headers': Invalid value")
        return key.lower(), text

    def append(self, name: Any = None, value: Any = None) -> None:
        self._list.append(self._checked("append", name, value))

    def delete(self, name: Any = None) -> None:
        key, _ = self._checked("delete", name)
        self._list = [(k, v) for k, v in self._list if k != key]

    def get(self, name: Any = None) -> Any:
        key, _ = self._checked("get", name)
        values = [v for k, v in self._list if k == key]
        return ", ".join(values) if values else null

    def getSetCookie(self) -> list[str]:  # noqa: N802
        return [v for k, v in self._list if k == "set-cookie"]

    def has(self, name: Any = None) -> bool:
        key, _ = self._checked("has", name)
        return any(k == key for k, _ in self._list)

    def set(self, name: Any = None, value: Any = None) -> None:
        key, text = self._checked("set", name, value)
        index = next((i for i, (k, _) in enumerate(self._list) if k == key), None)
        self._list = [(k, v) for k, v in self._list if k != key]
        self._list.insert(len(self._list) if index is None else index, (key, text))

    def _sorted(self) -> list[list[str]]:
        out: list[list[str]] = []
        for key in sorted({k for k, _ in self._list}):
            values = [v for k, v in self._list if k == key]
            out += [[key, v] for v in values] if key == "set-cookie" else [[key, ", ".join(values)]]
        return out

    def entries(self) -> JsIterator:
        return JsIterator(iter(self._sorted()))

    def keys(self) -> JsIterator:
        return JsIterator(iter([k for k, _ in self._sorted()]))

    def values(self) -> JsIterator:
        return JsIterator(iter([v for _, v in self._sorted()]))

    def forEach(self, callback: Any, this: Any = None) -> None:  # noqa: N802
        for key, value in self._sorted():
            callback(value, key, self)

    def __iter__(self) -> Iterator[list[str]]:
        return iter(self._sorted())

    def __repr__(self) -> str:
        return f"Headers({self._sorted()!r})"


# -- bodies -----------------------------------------------------------------------------------


def extract_body(body: Any) -> tuple[bytes | None, str | None]:
    """A body's bytes and the Content-Type it implies (the standard's "extract a body")."""
    if body is None or body is null:
        return None, None
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass"), "text/plain;charset=UTF-8"
    if isinstance(body, URLSearchParams):
        return str(body).encode(), "application/x-www-form-urlencoded;charset=UTF-8"
    if isinstance(body, (TypedArray, DataView, ByteBuffer)) or buffer_class(body) is not None:
        return buffer_bytes(body, "fetch body"), None
    return jsops.to_string(body).encode("utf-8", "surrogatepass"), "text/plain;charset=UTF-8"


class Body:
    """``text()``, ``json()``, ``arrayBuffer()``, ``bytes()``: promises of the body, readable
    once (``bodyUsed``)."""

    _body: bytes | None
    bodyUsed: bool  # noqa: N815 - the JS name

    def _read(self) -> Promise[Any]:
        if self.bodyUsed:
            return Promise.reject(TypeError("Body is unusable: Body has already been read"))
        self.bodyUsed = self._body is not None
        return Promise.resolve(self._body or b"")

    def text(self) -> Promise[Any]:
        return self._read().then(lambda data: data.decode("utf-8", "replace"))

    def json(self) -> Promise[Any]:
        return self.text().then(JSON.parse)

    def arrayBuffer(self) -> Promise[Any]:  # noqa: N802
        def to_buffer(data: bytes) -> ArrayBuffer:
            buffer = ArrayBuffer(len(data))
            buffer.bytes_view()[:] = data
            return buffer

        return self._read().then(to_buffer)

    def bytes(self) -> Promise[Any]:
        return self._read().then(lambda data: Uint8Array(bytearray(data)))

    def blob(self) -> Promise[Any]:
        return Promise.reject(
            TypeError("Blob is not supported by wasmbindgen: read the body with arrayBuffer()")
        )


def _set_default_type(headers: Headers, content_type: str | None) -> None:
    if content_type is not None and not headers.has("content-type"):
        headers.append("content-type", content_type)


# -- Request ----------------------------------------------------------------------------------


class Request(Body):
    """``new Request(input, init)``: ``input`` an absolute URL or another Request."""

    url: str
    method: str
    headers: Headers
    signal: Any
    mode: str
    credentials: str
    cache: str
    redirect: str
    referrer: str
    referrerPolicy: str  # noqa: N815 - JS names
    integrity: str
    keepalive: bool

    def __init__(self, input: Any = None, init: Any = None) -> None:
        source = input if isinstance(input, Request) else None
        if source is None:
            text = jsops.to_string(input)
            try:
                self.url = URL(text).href
            except TypeError:
                raise TypeError(f"Failed to parse URL from {text}") from None
        else:
            self.url = source.url
        method = _option(init, "method") or (source.method if source else "GET")
        self.method = self._method(jsops.to_string(method))
        headers = _option(init, "headers")
        self.headers = Headers(headers if headers is not None else (source and source.headers))
        for key in (
            "mode",
            "credentials",
            "cache",
            "redirect",
            "referrer",
            "referrerPolicy",
            "integrity",
            "keepalive",
        ):
            default = getattr(source, key) if source else _REQUEST_DEFAULTS[key]
            value = _option(init, key)
            setattr(self, key, default if value is None else value)
        self.signal = _option(init, "signal") or (source.signal if source else AbortSignal())
        body = _option(init, "body")
        if body is None and source is not None:
            self._body = source._body
        else:
            self._body, content_type = extract_body(body)
            _set_default_type(self.headers, content_type)
        if self._body is not None and self.method in ("GET", "HEAD"):
            raise TypeError("Request with GET/HEAD method cannot have body.")
        self.bodyUsed = False

    @staticmethod
    def _method(method: str) -> str:
        if not _TOKEN.match(method):
            raise TypeError(f"'{method}' is not a valid HTTP method.")
        if method.upper() in _FORBIDDEN_METHODS:
            raise TypeError(f"'{method}' HTTP method is unsupported.")
        return method.upper() if method.upper() in _NORMALIZED_METHODS else method

    def clone(self) -> Request:
        if self.bodyUsed:
            raise TypeError("Failed to execute 'clone' on 'Request': Request body is already used")
        return Request(self)

    def __repr__(self) -> str:
        return f"Request({self.method} {self.url})"


_REQUEST_DEFAULTS: dict[str, Any] = {
    "mode": "cors",
    "credentials": "same-origin",
    "cache": "default",
    "redirect": "follow",
    "referrer": "about:client",
    "referrerPolicy": "",
    "integrity": "",
    "keepalive": False,
}


# -- Response ---------------------------------------------------------------------------------


class Response(Body):
    """``new Response(body, {status, statusText, headers})``, or what ``fetch`` resolves to."""

    def __init__(self, body: Any = None, init: Any = None) -> None:
        status = _option(init, "status")
        self.status = 200 if status is None else int(jsops.to_number(status))
        if not 200 <= self.status <= 599:
            raise RangeError(
                f"Failed to construct 'Response': The status provided ({self.status}) is outside "
                "the range [200, 599]."
            )
        self.statusText = jsops.to_string(_option(init, "statusText") or "")
        self.headers = Headers(_option(init, "headers"))
        self._body, content_type = extract_body(body)
        _set_default_type(self.headers, content_type)
        self.bodyUsed = False
        self.url = ""
        self.redirected = False
        self.type = "default"

    @property
    def ok(self) -> bool:
        return 200 <= self.status <= 299

    @staticmethod
    def error() -> Response:
        response = Response()
        response.status, response.type = 0, "error"
        return response

    @staticmethod
    def redirect(url: Any = None, status: Any = 302) -> Response:
        code = int(jsops.to_number(status))
        if code not in _REDIRECT_STATUSES:
            raise RangeError(
                f"Failed to execute 'redirect' on 'Response': Invalid status code {code}"
            )
        response = Response(None, {"status": code})
        response.headers.set("location", URL(url).href)
        return response

    @staticmethod
    def _json_response(data: Any = None, init: Any = None) -> Response:
        response = Response(JSON.stringify(data), init)
        response.headers.set("content-type", "application/json")
        return response

    def clone(self) -> Response:
        if self.bodyUsed:
            raise TypeError(
                "Failed to execute 'clone' on 'Response': Response body is already used"
            )
        copy = Response.__new__(Response)
        copy.__dict__.update(self.__dict__, headers=Headers(self.headers))
        return copy

    def __repr__(self) -> str:
        return f"Response({self.status} {self.url or '(built)'})"


class _StaticOrMethod:
    """``Response.json(data)`` builds a Response; ``response.json()`` reads the body: one name,
    a static and a method, as in JS."""

    def __init__(self, static: Any, method: Any) -> None:
        self.static, self.method = static, method

    def __get__(self, instance: Any, owner: type) -> Any:
        return self.static if instance is None else self.method.__get__(instance, owner)


Response.json = _StaticOrMethod(Response._json_response, Body.json)  # type: ignore[assignment, method-assign]


# -- fetch ------------------------------------------------------------------------------------


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every fetch (making one per client costs milliseconds)."""
    return ssl.create_default_context()


def _failed(reason: str) -> TypeError:
    """What fetch rejects with when the request cannot be made: Node's ``TypeError: fetch
    failed`` with the reason as its ``cause``."""
    error = TypeError("fetch failed", {"cause": Error(reason)})
    error.__cause__ = error.cause
    return error


def _network_reason(exc: BaseException, url: str) -> str:
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect to {url}: {exc or 'connection refused'}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out talking to {url}"
    return f"{type(exc).__name__} while fetching {url}: {exc}"


async def _transfer(request: Request) -> Response:
    async with httpx.AsyncClient(
        follow_redirects=request.redirect == "follow", timeout=None, verify=_tls_context()
    ) as client:
        reply = await client.request(
            request.method, request.url, headers=request.headers._list, content=request._body
        )
    if request.redirect == "error" and reply.status_code in _REDIRECT_STATUSES:
        raise _failed(f"redirect mode is set to error: {request.url} redirects")
    response = Response()
    response.status, response.statusText = reply.status_code, reply.reason_phrase
    response.headers = Headers(
        [(k, v) for k, v in reply.headers.multi_items() if k.lower() != "content-encoding"]
    )
    response._body, response.url = reply.content, str(reply.url)
    response.redirected, response.type = bool(reply.history), "basic"
    return response


def fetch(input: Any = None, init: Any = None) -> Promise[Any]:
    """``fetch(input, init)``: a Promise of the Response, rejected with a ``TypeError`` when the
    request cannot be made or with the signal's reason when aborted. Needs a running asyncio
    loop (call the module from a coroutine)."""
    try:
        request = Request(input, init)
    except Exception as exc:
        return Promise.reject(exc)
    scheme = request.url.split(":", 1)[0]
    if scheme not in ("http", "https"):
        return Promise.reject(
            _failed(f"the {scheme}: scheme is not supported by wasmbindgen's fetch")
        )
    signal = request.signal
    if isinstance(signal, AbortSignal) and signal.aborted:
        return Promise.reject(signal.reason)
    loop = running_loop()
    if loop is None:
        return Promise.reject(
            NoEventLoopError(
                "fetch needs a running asyncio event loop: call into the module from inside "
                "asyncio.run(...) or a coroutine"
            )
        )
    pending = Promise.withResolvers()
    task = loop.create_task(_transfer(request))

    def on_abort(_event: Any) -> None:
        task.cancel()
        pending["reject"](signal.reason)

    def settle(done: asyncio.Task[Response]) -> None:
        if isinstance(signal, AbortSignal):
            signal.removeEventListener("abort", on_abort)
        if done.cancelled():
            return  # aborted: already rejected with the signal's reason
        exc = done.exception()
        if exc is None:
            pending["resolve"](done.result())
        elif isinstance(exc, TypeError):
            pending["reject"](exc)
        else:
            pending["reject"](_failed(_network_reason(exc, request.url)))

    if isinstance(signal, AbortSignal):
        signal.addEventListener("abort", on_abort)
    task.add_done_callback(settle)
    promise: Promise[Any] = pending["promise"]
    return promise
