"""Real crates from crates.io, unchanged, as their users call them: serde-wasm-bindgen,
getrandom + rand + uuid, web-time, gloo-timers, console_log + log and reqwest (crates
tests/crates/crates-*; chrono and console_error_panic_hook are in test_thirdparty.py)."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid

import pytest

import wasmbindgen
from http_server import refused_url
from wasmbindgen.runtime.builtins.collections import Map

# -- serde-wasm-bindgen ------------------------------------------------------------------------


@pytest.fixture
def serde(wasm_path):
    return wasmbindgen.load(wasm_path("crates-serde"))


def test_serde_struct_to_python(serde):
    person = serde.make_person()
    assert person == {
        "name": "Ferris",
        "age": 7,
        "email": None,
        "tags": ["crab", "rust"],
        "scores": {"math": 9.5},
        "role": {"kind": "User", "level": 3},
        "big": 2**64 - 1,
        "small": -(2**63),
    }
    assert isinstance(person["big"], int)


def test_serde_python_to_struct_and_back(serde):
    person = {
        "name": "Ada",
        "age": 36,
        "email": "ada@example.com",
        "tags": [],
        "scores": {"x": 1.0, "y": 2.5},
        "role": {"kind": "Admin"},
        "big": 2**53 + 1,
        "small": -5,
    }
    older = serde.birthday(person)
    assert older["age"] == 37 and older["tags"] == ["older"] and older["email"] == "ada@example.com"
    assert older["big"] == 2**53 + 1 and older["small"] == -5
    # the default serializer makes maps JS Maps
    assert isinstance(older["scores"], Map)
    assert dict(older["scores"].entries()) == {"x": 1.0, "y": 2.5}


def test_serde_errors_name_the_field(serde):
    assert serde.describe_person({"name": "A"}) == "error: Error: missing field `age`"
    assert "expected u8" in serde.describe_person(
        {
            "name": "A",
            "age": 300,
            "tags": [],
            "scores": {},
            "role": {"kind": "Admin"},
            "big": 1,
            "small": 1,
        }
    )
    with pytest.raises(wasmbindgen.Error, match="expected u64"):
        serde.u64_roundtrip(-1)


def test_serde_enums_maps_options_and_64_bit_integers(serde):
    assert serde.shapes() == [
        "Unit",
        {"Circle": 1.5},
        {"Point": [-1, 2]},
        {"Rect": {"w": 3, "h": 4}},
    ]
    assert serde.shape_area({"Rect": {"w": 3, "h": 4}}) == 12 and serde.shape_area("Unit") == 0
    assert serde.map_roundtrip({"y": [], "x": [1, None, 3]}) == {
        "x": [1, wasmbindgen.null, 3],
        "y": [],
    }
    for n in (0, 1, 2**53, 2**64 - 1):
        assert serde.u64_roundtrip(wasmbindgen.BigInt(n)) == n
    for n in (-(2**63), -1, 2**63 - 1):
        assert serde.i64_roundtrip(wasmbindgen.BigInt(n)) == n
    assert serde.tuple_and_bytes() == [True, None, "x", [[1, 2], []]]


# -- getrandom, rand, uuid --------------------------------------------------------------------


@pytest.fixture
def rand(wasm_path):
    return wasmbindgen.load(wasm_path("crates-random"))


def test_getrandom_over_the_js_backend(rand):
    big = rand.getrandom_bytes(200_000)  # getrandom splits it into 65,536-byte calls
    assert len(big) == 200_000 and big.count(0) < 2000
    assert rand.getrandom_bytes(32) != rand.getrandom_bytes(32)
    assert 0 <= rand.getrandom_u64() < 2**64


def test_rand_thread_rng(rand):
    rolls = rand.dice(600)
    assert set(rolls) == {1, 2, 3, 4, 5, 6}
    assert sorted(rand.shuffled(50)) == list(range(50))
    assert all(0.0 <= x < 1.0 for x in rand.unit_floats(100))
    assert rand.next_u32_via_trait() != rand.next_u32_via_trait()


def test_uuid_v4(rand):
    ids = {rand.uuid_v4() for _ in range(50)}
    assert len(ids) == 50 and all(uuid.UUID(i).version == 4 for i in ids)
    assert rand.uuid_v4_version() == 4


# -- web-time, gloo-timers, console_log --------------------------------------------------------


@pytest.fixture
def timing(wasm_path):
    return wasmbindgen.load(wasm_path("crates-time"))


def test_web_time(timing):
    assert abs(timing.unix_millis() - time.time() * 1000) < 1000
    assert 3.0 <= timing.instant_spin(3.0) < 500


def test_gloo_timer_futures(timing):
    async def main():
        start = time.monotonic()
        value = await timing.sleep_then(30, "done")
        await timing.sleep_duration(10)
        return value, time.monotonic() - start, await timing.interval_stream(5, 4)

    value, elapsed, ticks = asyncio.run(main())
    assert value == "done" and elapsed >= 0.035 and ticks == 4


def test_gloo_timer_callbacks_and_cancellation(timing):
    calls = []

    async def main():
        timing.timeout_callback(10, calls.append, "fired")
        timing.timeout_cancelled(5, lambda: calls.append("never"))
        ticker = timing.Ticker(5)
        await asyncio.sleep(0.12)
        seen = ticker.ticks
        ticker.free()  # drops the Interval: it stops
        await asyncio.sleep(0.05)
        return seen

    seen = asyncio.run(main())
    assert calls == ["fired"]
    assert seen >= 5


def test_console_log_reaches_python_logging(wasm_path, caplog, capsys):
    m = wasmbindgen.load(wasm_path("crates-time"), console="logging")
    assert m.init_logging("debug") is None
    with caplog.at_level(logging.DEBUG, logger=wasmbindgen.CONSOLE_LOGGER):
        m.log_everything("m")
    records = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert (logging.ERROR, "error: m") in records[0:1] or records[0][1].endswith("error: m")
    levels = [level for level, _ in records]
    assert levels == [logging.ERROR, logging.WARNING, logging.INFO, logging.INFO]  # trace is off
    assert capsys.readouterr() == ("", "")
    with pytest.raises(wasmbindgen.JsException, match="attempted to set a logger"):
        m.init_logging("info")  # log allows one logger per process (instance here)


# -- reqwest -----------------------------------------------------------------------------------


@pytest.fixture
def http(wasm_path):
    return wasmbindgen.load(wasm_path("crates-http"))


def test_reqwest_get_and_json(http, http_base):
    async def main():
        return (
            await http.get_text(http_base + "/text"),
            await http.get_item(http_base + "/item", 7),
            await http.get_bytes(http_base + "/bytes"),
        )

    text, item, data = asyncio.run(main())
    assert text == "200|text/plain; charset=utf-8|hello -"
    assert item == 'Item { id: 7, name: "thing", tags: ["reqwest"] }'
    assert data == bytes(range(256))


def test_reqwest_post_json(http, http_base):
    status, body = asyncio.run(http.post_item(http_base + "/echo", 3, "x")).split(" ", 1)
    assert status == "201"
    assert json.loads(body) == {
        "got": {"id": 3, "name": "x", "tags": ["posted"]},
        "type": "application/json",
        "method": "POST",
    }


def test_reqwest_errors(http, http_base):
    async def main():
        with pytest.raises(
            wasmbindgen.JsException, match=r"status: HTTP status client error \(404"
        ):
            await http.get_item(http_base + "/missing", 1)
        with pytest.raises(wasmbindgen.JsException, match=r"^JavaScript-style exception: 'timeout"):
            await http.get_with_timeout(http_base + "/slow", 100)
        return await http.get_error(refused_url()), await http.get_error("not a url")

    refused, unparsable = asyncio.run(main())
    assert refused.startswith("request: error sending request")
    assert unparsable.startswith("builder:")
