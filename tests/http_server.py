"""A small HTTP server on 127.0.0.1 for the fetch and reqwest tests, started per test session
in a thread (the event loop under test stays free)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self,
        status: int,
        body: str | bytes,
        content_type: str = "text/plain; charset=utf-8",
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in extra:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = parse_qs(url.query)
        if url.path == "/text":
            self._send(200, "hello " + self.headers.get("X-Test", "-"))
        elif url.path == "/bytes":
            self._send(200, bytes(range(256)), "application/octet-stream")
        elif url.path == "/item":
            item = {
                "id": int(query["id"][0]),
                "name": "thing",
                "tags": [self.headers.get("X-Client", "")],
            }
            self._send(200, json.dumps(item), "application/json")
        elif url.path == "/json":
            self._send(200, json.dumps({"a": [1, 2.5, None], "b": "x"}), "application/json")
        elif url.path == "/slow":
            time.sleep(1.5)
            self._send(200, "late")
        elif url.path == "/missing":
            self._send(404, "nope")
        elif url.path == "/redirect":
            self._send(302, "", extra=(("Location", "/text"),))
        elif url.path == "/headers":
            self._send(200, "", extra=(("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("X-B", "2")))
        else:
            self._send(500, "unknown path")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        got = json.loads(body) if body[:1] in (b"{", b"[") else body.decode()
        echo = {"got": got, "type": self.headers.get("Content-Type"), "method": self.command}
        self._send(201, json.dumps(echo), "application/json")

    do_PUT = do_POST  # noqa: N815 - the handler name http.server looks up


@contextmanager
def serving() -> Iterator[str]:
    """The base URL of a running server (``http://127.0.0.1:<port>``), stopped afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def refused_url() -> str:
    """A URL whose port nobody listens on (bound, then closed)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
