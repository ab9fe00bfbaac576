"""The schema matrix: the library fixture built against the oldest release of every
wasm-bindgen schema (tests/fixtures.py), the same checks on each."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import wasmbindgen
from fixtures import FIXTURES, Fixture
from wasmbindgen.info import inspect
from wasmbindgen.versions import VERSIONS

BY_NAME = {f.name: f for f in FIXTURES}


@pytest.fixture(params=sorted(BY_NAME, key=lambda n: tuple(map(int, n.split("@")[-1].split(".")))))
def fixture(request: pytest.FixtureRequest) -> Fixture:
    return BY_NAME[request.param]


def _may_fail(fail: bool) -> str:
    if fail:
        raise wasmbindgen.JsException("no")
    return "yes"


def load(fixture: Fixture, kept: list[Any]) -> Any:
    return wasmbindgen.load(
        fixture.wasm,
        globals={
            "host_may_fail": _may_fail,
            "host_apply": lambda f, x: f(x),
            "host_keep": kept.append,
            "host_promise": lambda x: asyncio.sleep(0.001, x),
        },
    )


def test_the_committed_module_matches_its_source(fixture):
    recorded = fixture.digest_file.read_text().strip()
    assert recorded == fixture.source_digest(), (
        f"{fixture.wasm} is stale: its source, Cargo.toml or Cargo.lock changed since it was "
        f"built; run `python tests/fixtures.py {fixture.name}`"
    )


def test_every_schema_has_a_fixture():
    covered = {f.schema for f in FIXTURES}
    assert set(VERSIONS) - covered == {"0.2.94"}  # yanked: see tests/fixtures.py


def test_numbers_strings_slices_options(fixture):
    m = load(fixture, [])
    assert m.numbers(-1, 2, -3, 4, -5, 6, -7, 8, 0.5, 0.25) == 4.75
    assert m.wide(-1, 2) == 1 and m.wide(0, 2**64 - 1) == 2**64 - 1
    assert m.negate(True) is False and m.next_char("a") == "b"
    assert m.shout("héllo") == "HÉLLO!"
    assert m.reversed(b"abc") == b"cba" and m.sum([1.5, 2.5]) == 4.0
    assert list(m.squares(4)) == [0, 1, 4, 9]
    assert m.maybe_double(None) is None and m.maybe_double(4) == 8
    assert m.maybe_name(None) == "nobody" and m.maybe_name("ann") == "ann"


def test_results_jsvalues_and_enums(fixture):
    m = load(fixture, [])
    assert m.checked_div(7, 2) == 3
    with pytest.raises(wasmbindgen.JsException, match="division by zero"):
        m.checked_div(1, 0)
    token = object()
    assert m.identity(token) is token
    assert [m.describe(v) for v in (None, "x", 2.5, [])] == [
        "undefined",
        "string x",
        "number 2.5",
        "other",
    ]
    assert m.next_color(m.Color.Green) is m.Color.Blue and m.Color.Blue == 6
    assert m.next_color(m.Color.Blue) is m.Color.Red


def test_struct_methods_and_properties(fixture):
    m = load(fixture, [])
    counter = m.Counter("c")
    counter.step = 5
    assert [counter.tick(), counter.tick()] == [5, 10] and counter.step == 5
    counter.label = "renamed"
    assert counter.label == "renamed" and m.Counter.zero().label == "zero"
    counter.free()
    with pytest.raises(ValueError):
        counter.tick()


def test_catching_import_and_closures(fixture):
    kept: list[Any] = []
    m = load(fixture, kept)
    assert m.try_host(False) == 'ok Some("yes")' and m.try_host(True) == 'err Some("no")'
    assert m.apply_scaled(3, 4) == 12  # a stack closure
    m.give_callback("p")  # a heap closure the host keeps
    assert callable(kept[0]) and kept[0]("x") is None and kept[0]("y") is None


def test_async_export(fixture):
    m = load(fixture, [])

    async def main() -> list[Any]:
        return list(await asyncio.gather(m.later(41), m.later(1)))

    assert asyncio.run(main()) == [42, 2]


def test_the_release_decides_what_the_schema_does_not(fixture):
    m = load(fixture, [])
    runtime = m.__dict__["_wb_rt"]
    release = tuple(map(int, fixture.release.split(".")))
    expected = 32 if release <= (0, 2, 83) else 128 if release < (0, 2, 109) else 1024
    assert runtime.config.heap_base == expected
    assert runtime.config.schema_version == fixture.schema


def test_info_reports_the_fixture(fixture):
    info = inspect(fixture.wasm)
    assert info.runs, info.why_not
    assert info.schema_versions == (fixture.schema,)
    assert info.crate_versions == (fixture.release,)
    assert info.crate == "library"
    assert "class Counter: label, new, step, tick, zero" in info.exports
    assert fixture.release in VERSIONS[fixture.schema].releases


def test_schema_0_2_94_by_a_restamped_0_2_95_module():
    """0.2.94 (yanked) differs from 0.2.95 on the wire only in string enums and local modules,
    which the fixture has none of: its 0.2.95 module stamped 0.2.94 loads through the 0.2.94
    decoder and runs."""
    data = BY_NAME["0.2.95"].wasm.read_bytes()
    stamped = data.replace(
        b'{"schema_version":"0.2.95","version":"0.2.95"}',
        b'{"schema_version":"0.2.94","version":"0.2.94"}',
    )
    assert stamped.count(b'"schema_version":"0.2.94"') >= 1 and b'"0.2.95"' not in stamped
    m = wasmbindgen.load(stamped, globals={"host_may_fail": _may_fail})
    assert m.__dict__["_wb_rt"].config.schema_version == "0.2.94"
    assert m.shout("x") == "X!" and m.try_host(True) == 'err Some("no")'
    assert inspect(stamped).schema_versions == ("0.2.94",)


def test_info_command(tmp_path):
    import subprocess
    import sys

    fixture = BY_NAME["0.2.88@0.2.89"]
    shown = subprocess.run(
        [sys.executable, "-m", "wasmbindgen", "info", str(fixture.wasm)],
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0, shown.stderr
    assert "schema:          0.2.88 (wasm-bindgen 0.2.88-0.2.91)" in shown.stdout
    assert "built with:      wasm-bindgen 0.2.89" in shown.stdout
    assert "runs here:       yes" in shown.stdout
    future = tmp_path / "future.wasm"
    future.write_bytes(
        fixture.wasm.read_bytes().replace(
            b'"schema_version":"0.2.88"', b'"schema_version":"0.2.99"'
        )
    )
    refused = subprocess.run(
        [sys.executable, "-m", "wasmbindgen", "info", str(future)], capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "runs here:       no — " in refused.stdout and "0.2.99" in refused.stdout
    plain = tmp_path / "plain.wasm"
    plain.write_bytes(b"\0asm\x01\0\0\0")
    bare = subprocess.run(
        [sys.executable, "-m", "wasmbindgen", "info", str(plain)], capture_output=True, text=True
    )
    assert bare.returncode == 1 and "no __wasm_bindgen_unstable custom section" in bare.stdout
