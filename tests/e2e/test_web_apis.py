"""The web platform APIs through web-sys, as crates call them (crate tests/crates/web-apis)."""

from __future__ import annotations

import array
import asyncio
import logging
import re
import time
import uuid

import pytest

import wasmbindgen
from http_server import refused_url


@pytest.fixture
def m(wasm_path):
    return wasmbindgen.load(wasm_path("web-apis"))


# -- crypto -------------------------------------------------------------------------------------


def test_get_random_values_fills_rust_memory_and_js_arrays(m):
    first, second = m.random_bytes(64), m.random_bytes(64)
    assert len(first) == 64 and first != second and first != bytes(64)
    assert len(m.random_into_js_array(4096)) == 4096
    assert m.random_bytes(65536) != bytes(65536)  # exactly the limit is fine


def test_get_random_values_refuses_what_browsers_refuse(m):
    assert m.random_too_many().startswith("QuotaExceededError: ")
    assert "(65537) exceeds" in m.random_too_many()
    assert m.random_values_of(array.array("f", [0.0] * 4)).startswith("TypeMismatchError: ")
    assert "'Float64'" in m.random_values_of(array.array("d", [0.0]))
    assert m.random_values_of(bytearray(8)) == "ok ()"
    assert m.random_values_of(array.array("I", [0] * 8)) == "ok ()"
    assert m.random_values_of("not a view").startswith("TypeError: ")


def test_random_uuid_is_a_version_4_uuid(m):
    text = m.random_uuid()
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", text
    )
    assert uuid.UUID(text).version == 4 and text != m.random_uuid()


# -- performance --------------------------------------------------------------------------------


def test_performance_now_and_time_origin(m):
    before = m.perf_now()
    time.sleep(0.02)
    assert 15 <= m.perf_now() - before < 1000
    # timeOrigin + now() is the wall clock, in milliseconds
    assert abs(m.perf_time_origin() + m.perf_now() - time.time() * 1000) < 1000


def test_performance_marks_and_measures(m):
    assert m.perf_measure(5.0) >= 5.0
    assert m.perf_measure_unknown_mark() == (
        "SyntaxError: Failed to execute 'measure' on 'Performance': The mark 'no-such-mark' "
        "does not exist."
    )


# -- encoding -----------------------------------------------------------------------------------


def test_text_encoder(m):
    assert m.encode("hé😀") == "hé😀".encode()
    assert m.encode("") == b""
    # encodeInto writes whole characters only: 'a' (1) + '😀' (4) fit in 5, 'b' does not
    assert m.encode_into("a😀b", 5) == "3 5 [97, 240, 159, 152, 128]"
    assert m.encode_into("a😀b", 4) == "1 1 [97, 0, 0, 0]"


def test_text_decoder_bom_fatal_and_labels(m):
    assert m.decode(b"\xef\xbb\xbfhi", False, False) == "ok hi"
    assert m.decode(b"\xef\xbb\xbfhi", False, True) == "ok \ufeffhi"
    assert m.decode(b"hi \xff", False, False) == "ok hi \ufffd"
    assert m.decode(b"hi \xff", True, False) == (
        "TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid "
        "for encoding utf-8"
    )
    assert m.decoder_label(" UTF8 ") == 'ok "utf-8"'
    assert m.decoder_label("latin1") == 'ok "windows-1252"'
    assert m.decoder_label("nope").startswith("RangeError: ")


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_text_decoder_streaming_keeps_split_characters(m, chunk):
    text = "aé€😀z" * 3
    assert m.decode_streaming(text.encode(), chunk) == text


# -- console ------------------------------------------------------------------------------------


def test_console_writes_stdout_and_stderr_as_node(m, capsys):
    m.console_everything()
    out, err = capsys.readouterr()
    assert out.splitlines()[:6] == [
        "log line",
        "two 2",
        "info line",
        "debug line",
        "group",
        "  inside",
    ]
    assert "hits: 1\nhits: 2\nhits: 1\n" in out
    assert re.search(r"^timer: \d+\.\d{3}ms$", out, re.M)
    assert "│ (index) │" in out and "'a'" in out  # the table
    assert out.rstrip().endswith("Ferris is %d years")  # %s took its argument, %d had none
    assert err.splitlines()[:3] == ["warn line", "error line", "Trace: trace line"]
    assert "test_web_apis.py" in err  # the trace shows the Python stack
    assert "Assertion failed: shown" in err and "not shown" not in err + out


def test_console_to_logging_per_instance(wasm_path, capsys, caplog):
    logger = logging.getLogger("tests.console")
    m = wasmbindgen.load(wasm_path("web-apis"), console=logger)
    with caplog.at_level(logging.DEBUG, logger="tests.console"):
        m.console_everything()
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    levels = {(r.console_method, r.levelno) for r in caplog.records}
    assert {("log", logging.INFO), ("warn", logging.WARNING), ("error", logging.ERROR)} <= levels
    assert {("debug", logging.DEBUG), ("assert", logging.ERROR), ("trace", logging.DEBUG)} <= levels
    assert "  inside" in caplog.messages


def test_set_console_routes_every_instance(m, capsys, caplog):
    wasmbindgen.set_console("logging")
    try:
        with caplog.at_level(logging.INFO, logger=wasmbindgen.CONSOLE_LOGGER):
            m.console_everything()
    finally:
        wasmbindgen.set_console("stdio")
    assert capsys.readouterr() == ("", "")
    assert "log line" in caplog.messages and "error line" in caplog.messages
    m.console_everything()
    assert "log line" in capsys.readouterr().out


def test_a_wrong_console_target_is_refused(wasm_path):
    with pytest.raises(ValueError, match="console target 'file'"):
        wasmbindgen.load(wasm_path("web-apis"), console="file")


# -- URL ----------------------------------------------------------------------------------------


def test_url_parts_follow_the_whatwg_standard(m):
    assert m.url_parts("HTTPS://user:pw@Example.COM:8080/a/../b?x=1#h") == [
        "https://user:pw@example.com:8080/b?x=1#h",
        "https:",
        "example.com:8080",
        "example.com",
        "8080",
        "/b",
        "?x=1",
        "#h",
        "https://example.com:8080",
        "user",
    ]
    assert m.url_parts("https://example.com:443/")[4] == ""  # the default port is dropped
    assert m.url_join("https://a.com/b/c", "../x?y") == "https://a.com/x?y"


def test_url_setters_and_live_search_params(m):
    assert m.url_edit("https://a.com/p?q=0") == "https://a.com/a%20b/c?q=0&q=x+y%26z&page=2#frag"


def test_url_search_params(m):
    assert m.search_params("?b=2&a=1&drop=x&a=3") == ["a=1&a=3&added=1&b=2", "1", "false", "1,3"]


def test_unparsable_url_is_a_type_error_reaching_rust(m):
    assert m.url_bad("not a url") == "TypeError: Failed to construct 'URL': Invalid URL 'not a url'"
    assert m.url_bad("http://[::1").startswith("TypeError: ")


# -- abort --------------------------------------------------------------------------------------


def test_abort_controller(m):
    assert m.abort_reason() == ["false", "true", 'JsValue("stop")']
    assert m.abort_default_reason() == "AbortError: signal is aborted without reason"


# -- fetch --------------------------------------------------------------------------------------


def test_headers(m):
    assert m.headers_roundtrip() == [
        "text/plain",
        "one, two",
        "false",
        "content-type=text/plain",
        "x-many=one, two",
        "TypeError: Failed to execute 'append' on 'Headers': Invalid name",
    ]


def test_response_constructor(m):
    assert m.response_built() == ["201", "Made", "true"]


def test_fetch_get_and_post(m, http_base):
    async def main():
        got = await m.fetch_text(http_base + "/text", "GET", None)
        posted = await m.fetch_text(http_base + "/echo", "POST", "payload")
        return got, posted

    got, posted = asyncio.run(main())
    assert got == "200 OK true|text/plain; charset=utf-8|hello wasmbindgen"
    status, content_type, body = posted.split("|")
    assert status == "201 Created true" and content_type == "application/json"
    assert '"got": "payload"' in body and '"type": "text/plain;charset=UTF-8"' in body


def test_fetch_bytes_json_and_redirects(m, http_base):
    async def main():
        return (
            await m.fetch_bytes(http_base + "/bytes"),
            await m.fetch_json_field(http_base + "/json", "a"),
            await m.fetch_text(http_base + "/redirect", "GET", None),
        )

    data, field, redirected = asyncio.run(main())
    assert data == bytes(range(256))
    assert field == [1, 2.5, wasmbindgen.null]
    assert redirected.endswith("|hello wasmbindgen")


def test_fetch_failures_reach_rust_as_errors(m):
    async def main():
        return await m.fetch_error(refused_url()), await m.fetch_error("not a url")

    refused, unparsable = asyncio.run(main())
    assert refused == "TypeError: fetch failed"
    assert unparsable == "TypeError: Failed to parse URL from not a url"


def test_fetch_rejection_carries_its_cause_to_python(wasm_path):
    fetch = wasmbindgen.load(wasm_path("web-apis")).__dict__["_wb_rt"].scope["fetch"]

    async def main():
        await fetch(refused_url())

    with pytest.raises(TypeError, match="fetch failed") as caught:
        asyncio.run(main())
    assert "cannot connect to http://127.0.0.1" in str(caught.value.cause)


def test_fetch_is_cancelled_by_its_abort_signal(m, http_base):
    async def main():
        start = time.monotonic()
        result = await m.fetch_aborted(http_base + "/slow")
        return result, time.monotonic() - start

    result, elapsed = asyncio.run(main())
    assert result == "AbortError: signal is aborted without reason"
    assert elapsed < 1.0  # the server takes 1.5 s


def test_fetch_without_an_event_loop_rejects_clearly(m):
    fetch = m.__dict__["_wb_rt"].scope["fetch"]
    promise = fetch("http://127.0.0.1:9/")
    assert promise.state == "rejected"
    with pytest.raises(wasmbindgen.NoEventLoopError, match="fetch needs a running asyncio"):
        wasmbindgen.run(promise)


# -- browser-only -------------------------------------------------------------------------------


def test_browser_only_apis_are_absent(m):
    assert m.has_window() is False
    assert m.document_title() == "<no document>"
    text = m.call_alert()
    assert text.startswith("ReferenceError: alert is not defined")
    assert "browser-only" in text


def test_imports_report_lists_browser_only_uses(wasm_path):
    from wasmbindgen.imports_report import report

    text = report(wasm_path("web-apis"))
    assert re.search(r"^  alert +unresolved +\(browser-only", text, re.M)
    assert re.search(r"^  instanceof Window +unresolved .*the check is false", text, re.M)
    assert re.search(r"^  fetch +default scope", text, re.M)
    assert re.search(r"^  new TextDecoder +default scope", text, re.M)
