"""The web API classes on their own (the end-to-end tests call them from Rust)."""

from __future__ import annotations

import asyncio
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasmbindgen import DOMException, null
from wasmbindgen.runtime.builtins.errors import Error, RangeError, TypeError
from wasmbindgen.runtime.builtins.typed_arrays import Float32Array, Uint8Array, Uint16Array
from wasmbindgen.runtime.webapis.abort import AbortController, AbortSignal
from wasmbindgen.runtime.webapis.console import Console, LoggingOutput, format_args, render_table
from wasmbindgen.runtime.webapis.crypto import Crypto
from wasmbindgen.runtime.webapis.encoding import TextDecoder, TextEncoder
from wasmbindgen.runtime.webapis.fetch import Headers, Request, Response
from wasmbindgen.runtime.webapis.performance import Performance
from wasmbindgen.runtime.webapis.url import URL, URLSearchParams

text = st.text(st.characters(exclude_categories=["Cs"]))


@given(text, st.integers(1, 7))
def test_text_round_trip_in_any_chunks(value, chunk):
    data = TextEncoder().encode(value).tobytes()
    assert data == value.encode()
    decoder = TextDecoder()
    pieces = [
        decoder.decode(data[i : i + chunk], {"stream": True}) for i in range(0, len(data), chunk)
    ]
    assert "".join(pieces) + decoder.decode() == value.removeprefix("\ufeff")


@given(text, st.integers(0, 12))
def test_encode_into_writes_whole_characters(value, room):
    dest = Uint8Array(room)
    result = TextEncoder().encodeInto(value, dest)
    written = dest.tobytes()[: result["written"]]
    assert written.decode() == value.encode("utf-16-le", "surrogatepass")[
        : 2 * result["read"]
    ].decode("utf-16-le")
    assert result["written"] <= room


def test_decoder_fatal_resets_after_an_error():
    decoder = TextDecoder("utf-8", {"fatal": True})
    with pytest.raises(TypeError, match="not valid for encoding utf-8"):
        decoder.decode(b"\xc3")
    assert decoder.decode(b"ok") == "ok"
    assert TextDecoder("utf-16le").decode(Uint16Array([104, 105])) == "hi"
    with pytest.raises(RangeError):
        TextDecoder("klingon")


def test_get_random_values():
    crypto = Crypto()
    array = Uint16Array(8)
    assert crypto.getRandomValues(array) is array and any(array.tolist())
    view = bytearray(16)
    crypto.getRandomValues(memoryview(view))
    assert any(view)
    with pytest.raises(DOMException) as caught:
        crypto.getRandomValues(Float32Array(2))
    assert caught.value.name == "TypeMismatchError" and caught.value.code == 17
    with pytest.raises(DOMException, match="exceeds") as caught:
        crypto.getRandomValues(bytearray(65537))
    assert caught.value.name == "QuotaExceededError" and isinstance(caught.value, Error)
    with pytest.raises(TypeError, match="cannot be filled in place"):
        crypto.getRandomValues(b"immutable")
    with pytest.raises(Exception, match="SubtleCrypto"):
        crypto.subtle.digest("SHA-256", b"")


def test_performance_measures_between_marks():
    perf = Performance()
    perf.mark("a", {"startTime": 10})
    perf.mark("b", {"startTime": 25, "detail": {"k": 1}})
    assert perf.measure("ab", "a", "b").duration == 15
    assert perf.measure("opts", {"start": "a", "duration": 5}).startTime == 10
    assert [e.name for e in perf.getEntriesByType("mark")] == ["a", "b"]
    assert perf.getEntriesByName("b")[0].detail == {"k": 1}
    perf.clearMarks("a")
    with pytest.raises(DOMException, match="The mark 'a' does not exist"):
        perf.measure("x", "a")


@given(st.lists(st.tuples(text, text), max_size=6))
def test_search_params_round_trip(pairs):
    params = URLSearchParams(list(pairs))
    again = URLSearchParams(str(params))
    assert [list(p) for p in again] == [list(p) for p in pairs]


def test_search_params_and_url_stay_in_step():
    url = URL("https://example.com/p?a=1")
    url.searchParams.append("b", "x y")
    assert url.search == "?a=1&b=x+y"
    url.search = "?c=3"
    assert url.searchParams.get("c") == "3" and url.searchParams.get("a") is null
    url.searchParams.delete("c")
    assert url.href == "https://example.com/p"
    assert URL.canParse("/x", "https://a.com") and not URL.canParse("/x")
    assert URL.parse("nope") is null


def test_headers_follow_the_fetch_standard():
    headers = Headers({"B": "2", "a": " 1 "})
    headers.append("Set-Cookie", "x=1")
    headers.append("set-cookie", "y=2")
    headers.append("A", "3")
    assert headers.get("a") == "1, 3" and headers.get("missing") is null
    assert list(headers) == [
        ["a", "1, 3"],
        ["b", "2"],
        ["set-cookie", "x=1"],
        ["set-cookie", "y=2"],
    ]
    assert headers.getSetCookie() == ["x=1", "y=2"]
    with pytest.raises(TypeError, match="Invalid value"):
        headers.set("x", "a\nb")


def test_request_and_response_bodies():
    request = Request("https://a.com/x", {"method": "post", "body": URLSearchParams("q=1")})
    assert request.method == "POST"
    assert request.headers.get("content-type").startswith("application/x-www-form-urlencoded")
    with pytest.raises(TypeError, match="GET/HEAD method cannot have body"):
        Request("https://a.com", {"body": "x"})
    with pytest.raises(TypeError, match="Failed to parse URL from /relative"):
        Request("/relative")
    with pytest.raises(RangeError):
        Response(None, {"status": 99})

    async def bodies():
        response = Response.json({"n": [1, None]}, {"status": 202})
        assert response.status == 202 and response.ok
        data = await response.json()
        with pytest.raises(TypeError, match="already been read"):
            await response.text()
        buffer = await Response(Uint8Array([1, 2, 3])).arrayBuffer()
        return data, buffer.byteLength

    assert asyncio.run(bodies()) == ({"n": [1, null]}, 3)


def test_abort_signals():
    controller = AbortController()
    seen = []
    controller.signal.addEventListener("abort", lambda event: seen.append(event.type))
    controller.signal.onabort = lambda event: seen.append("on")
    controller.abort("why")
    controller.abort("twice")  # no second event
    assert seen == ["on", "abort"] and controller.signal.reason == "why"
    assert AbortSignal.any([AbortSignal(), AbortSignal.abort(1)]).reason == 1

    async def timed_out():
        signal = AbortSignal.timeout(5)
        await asyncio.sleep(0.05)
        return signal.reason

    assert asyncio.run(timed_out()).name == "TimeoutError"


def test_console_format_specifiers():
    assert format_args(("%s=%d (%i) %f%%", "n", 4.5, "7.9px", "2.5")) == "n=4.5 (7) 2.5%"
    assert format_args(("%c styled", "color: red")) == " styled"
    assert format_args(("%o", {"a": [1]})) == 'Object({"a":[1]})'
    assert format_args((1, None, [1, "x"])) == '1 undefined [1, "x"]'
    assert render_table([{"a": 1}, {"b": "x"}, 5]).splitlines()[1].split("│")[1:-1] == [
        " (index) ",
        " a ",
        "  b  ",
        " Values ",
    ]


def test_console_counters_timers_and_groups(caplog):
    console = Console(LoggingOutput(logging.getLogger("tests.unit.console")))
    with caplog.at_level(logging.DEBUG, logger="tests.unit.console"):
        console.countReset("nobody")
        console.timeEnd("nobody")
        console.time("t")
        console.time("t")
        console.group("g")
        console.count()
        console.groupEnd()
        console.count()
    assert caplog.messages[:4] == [
        "Count for 'nobody' does not exist",
        "No such label 'nobody' for console.timeEnd()",
        "Label 't' already exists for console.time()",
        "g",
    ]
    assert caplog.messages[4:] == ["  default: 1", "default: 2"]
