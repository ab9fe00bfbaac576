"""Boundary benchmarks for every supported wasm-bindgen release, side by side in one run.

Run: ``python benchmarks/run.py`` (builds the test crates first unless --no-build). Each call is
timed for every release in turn, round after round, keeping each one's best: the releases see
the same machine load, so their ratios are fair even where absolute figures drift. The first
table compares each call with the same raw export called through wasmtime-py's public
``Func.__call__``; the second compares callbacks and async round trips with a plain ``add``
call of the same release; the last columns give each newer release's time over 0.2.83's.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import pstats
import re
import struct
import sys
import timeit
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import wasmbindgen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from crate_builds import BUILDS, BY_RELEASE  # noqa: E402 - the test crates' builds

ROUNDS = 5


def seconds_per_call(fn: Callable[[], Any], number: int) -> float:
    return timeit.timeit(fn, number=number) / number


class PublicApi:
    """The same raw exports called through wasmtime-py's public ``Func.__call__``."""

    def __init__(self, module: Any) -> None:
        wasm = module._wb_rt.wasm
        self.store, self.exports, self.memory = wasm.store, wasm.exports, wasm.memory
        self.malloc = self.exports["__wbindgen_malloc"]
        self.free = self.exports["__wbindgen_free"]
        # 0.2.122+ pass the alignment; 0.2.130 suffixes exports with the crate's hash
        self.aligned = len(self.malloc.type(self.store).params) == 2
        self.names = {re.sub(r"_[0-9a-f]{16}$", "", name): name for name in self.exports}

    def call(self, name: str, *args: Any) -> Any:
        return self.exports[self.names[name]](self.store, *args)

    def alloc(self, size: int) -> int:
        return int(
            self.malloc(self.store, size, 1) if self.aligned else self.malloc(self.store, size)
        )

    def release(self, ptr: int, size: int) -> None:
        if self.aligned:
            self.free(self.store, ptr, size, 1)
        else:
            self.free(self.store, ptr, size)

    def pass_bytes(self, data: bytes) -> int:
        ptr = self.alloc(len(data))
        self.memory.write(self.store, data, ptr)
        return ptr

    def echo(self, text: str) -> str:
        data = text.encode()
        ptr = self.pass_bytes(data)
        rp = self.alloc(16)
        self.call("echo_str", rp, ptr, len(data))
        out_ptr, out_len = struct.unpack("<II", self.memory.read(self.store, rp, rp + 8))
        result = self.memory.read(self.store, out_ptr, out_ptr + out_len).decode()
        self.release(out_ptr, out_len)
        self.release(rp, 16)
        return str(result)

    def sum_bytes(self, data: bytes) -> int:
        return int(self.call("sum_bytes", self.pass_bytes(data), len(data)))


@dataclass
class Case:
    """One timed call of one release, with what it is compared with."""

    ours: Callable[[], Any]
    base: Callable[[], Any] | None  # None: compared with the release's `add` instead
    number: int
    best: float = float("inf")
    best_base: float = float("inf")

    def run_once(self) -> None:
        self.best = min(self.best, seconds_per_call(self.ours, self.number))
        if self.base is not None:
            self.best_base = min(self.best_base, seconds_per_call(self.base, self.number))


@dataclass
class Row:
    name: str
    baseline: str  # "Func.__call__", "encode+decode" or a target relative to `add`
    cases: dict[str, Case] = field(default_factory=dict)  # release -> case
    per: int = 1  # calls one timed call stands for (a Rust loop of `per` callbacks)


def public_rows(release: str, m: Any, scale: int) -> dict[str, tuple[str, Case]]:
    api = PublicApi(m)
    kib, mib = "x" * 1024, "é" * (512 * 1024)  # 1 KiB and 1 MiB of UTF-8
    blob = bytes(range(256)) * 4096  # 1 MiB
    point = m.Point(3.0, 4.0)
    obj = object()
    checks = [
        m.add(1, 2) == api.call("add", 1, 2) == 3,
        m.echo_str(kib) == api.echo(kib),
        m.sum_bytes(blob) == api.sum_bytes(blob),
    ]
    assert all(checks), f"wasmbindgen and the public API disagree on {release}"

    def case(ours: Callable[[], Any], base: Callable[[], Any], n: int) -> Case:
        return Case(ours, base, max(1, n // scale))

    heap = m._wb_rt.heap
    return {
        "add(u32, u32)": (
            "Func.__call__",
            case(lambda: m.add(1, 2), lambda: api.call("add", 1, 2), 20000),
        ),
        "echo(&str) 1 KiB": (
            "Func.__call__",
            case(lambda: m.echo_str(kib), lambda: api.echo(kib), 5000),
        ),
        "echo(&str) 1 MiB": (
            "Func.__call__",
            case(lambda: m.echo_str(mib), lambda: api.echo(mib), 20),
        ),
        "echo(&str) 1 MiB vs s.encode().decode()": (
            "encode+decode",
            case(lambda: m.echo_str(mib), lambda: mib.encode().decode(), 20),
        ),
        "sum(&[u8]) 1 MiB": (
            "Func.__call__",
            case(lambda: m.sum_bytes(blob), lambda: api.sum_bytes(blob), 50),
        ),
        "struct method Point.norm()": (
            "Func.__call__",
            case(point.norm, lambda: api.call("point_norm", point._ptr), 20000),
        ),
        "JsValue round trip": (
            "Func.__call__",
            case(lambda: m.echo_value(obj), lambda: api.call("echo_value", heap.add(obj)), 20000),
        ),
    }


def relative_rows(release: str, scale: int) -> dict[str, tuple[str, Case, int]]:
    """Callbacks, timed as a Rust loop of ``per_loop`` calls."""
    closures = wasmbindgen.load(BY_RELEASE[release].wasm("closures"))
    per_loop = 1000 // scale
    loops = max(1, 20 // max(1, scale // 5))

    def ignore(_value: Any) -> None:
        return None

    add_one = closures.add_one_closure()
    assert closures.call_n(ignore, 3) == 3 and add_one(1) == 2
    return {
        "Rust→Python: `f.call1(&NULL, &arg)` in a Rust loop, one argument made once": (
            "≤ 3×",
            Case(lambda: closures.call_n_same_arg(ignore, per_loop), None, loops),
            per_loop,
        ),
        "same, building `JsValue::from(i)` each time (+ number_new, 2 drops)": (
            "—",
            Case(lambda: closures.call_n(ignore, per_loop), None, loops),
            per_loop,
        ),
        "Python→Rust: heap `Closure<dyn Fn(u32) -> u32>` called": (
            "≤ 3×",
            Case(lambda: add_one(1), None, max(1, 20000 // scale)),
            1,
        ),
    }


def async_rows(release: str, quick: bool) -> dict[str, tuple[str, Case, int]]:
    promises = wasmbindgen.load(
        BY_RELEASE[release].wasm("promises"), globals={"py_value": wasmbindgen.Promise.resolve}
    )
    n, many = (200, 1000) if quick else (2000, 10_000)

    def sequential() -> None:
        async def run() -> None:
            for _ in range(n):
                await promises.add_async(1, 2)

        asyncio.run(run())

    def concurrent() -> None:
        async def run() -> None:
            results = await asyncio.gather(*(promises.add_async(i, 1) for i in range(many)))
            assert results == [i + 1 for i in range(many)]

        asyncio.run(run())

    return {
        "async export awaiting one host Promise, awaited from Python": (
            "≤ 20×",
            Case(sequential, None, 1),
            n,
        ),
        f"{many:,} of them concurrently (asyncio.gather), per call": (
            "—",
            Case(concurrent, None, 1),
            many,
        ),
    }


def crossings(release: str, rounds: int = 200) -> tuple[float, float]:
    """Host calls and calls into wasm per sequential async round trip, counted by profiling
    the engine's two boundary functions (the trampoline wasm calls, the invoke Python calls)."""
    promises = wasmbindgen.load(
        BY_RELEASE[release].wasm("promises"), globals={"py_value": wasmbindgen.Promise.resolve}
    )

    async def run(n: int) -> None:
        for _ in range(n):
            await promises.add_async(1, 2)

    asyncio.run(run(10))
    profile = cProfile.Profile()
    profile.enable()
    asyncio.run(run(rounds))
    profile.disable()
    counts = {"trampoline": 0, "invoke": 0}
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (path, _line, function), (_prim, calls, *_rest) in stats.items():
        if path.endswith("engine.py") and function in counts:
            counts[function] += calls
    return counts["trampoline"] / rounds, counts["invoke"] / rounds


def measure(releases: list[str], quick: bool) -> tuple[list[Row], list[Row], dict[str, Case]]:
    scale = 10 if quick else 1
    public: dict[str, Row] = {}
    relative: dict[str, Row] = {}
    adds: dict[str, Case] = {}
    for release in releases:
        m = wasmbindgen.load(BY_RELEASE[release].wasm("exports"))
        for name, (baseline, case) in public_rows(release, m, scale).items():
            public.setdefault(name, Row(name, baseline)).cases[release] = case
        adds[release] = Case(functools.partial(m.add, 1, 2), None, 20000 // scale)
        for name, (target, case, per) in {
            **relative_rows(release, scale),
            **async_rows(release, quick),
        }.items():
            row = relative.setdefault(name, Row(name, target, per=per))
            row.cases[release] = case
    cases = [c for row in (*public.values(), *relative.values()) for c in row.cases.values()]
    for _ in range(ROUNDS):  # interleaved: every release's case once per round
        for case in (*cases, *adds.values()):
            case.run_once()
    return list(public.values()), list(relative.values()), adds


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs"


def print_tables(
    releases: list[str], public: list[Row], relative: list[Row], adds: dict[str, Case]
) -> None:
    first, newer = releases[0], releases[1:]
    head = " | ".join(releases)
    versus = "".join(f" {r} / {first} |" for r in newer)
    print(f"| call | baseline is | {head} |{versus}")
    print("|---|---|" + "---:|" * (len(releases) + len(newer)))
    for row in public:
        cells = [
            f"{micro(row.cases[r].best)} ({row.cases[r].best_base / row.cases[r].best:,.1f}×)"
            for r in releases
        ]
        ratios = [f"{row.cases[r].best / row.cases[first].best:.2f}" for r in newer]
        print(f"| {row.name} | {row.baseline} | " + " | ".join(cells + ratios) + " |")
    print(
        "\n(each cell: wasmbindgen's time per call, and in brackets the baseline's time over "
        "wasmbindgen's)"
    )
    print(f"\n| relative to `add(1, 2)` from Python | target | {head} |{versus}")
    print("|---|---|" + "---:|" * (len(releases) + len(newer)))
    for row in relative:
        per_call = {r: row.cases[r].best / row.per for r in releases}
        cells = [f"{micro(per_call[r])} ({per_call[r] / adds[r].best:,.2f}×)" for r in releases]
        ratios = [f"{per_call[r] / per_call[first]:.2f}" for r in newer]
        print(f"| {row.name} | {row.baseline} | " + " | ".join(cells + ratios) + " |")
    adds_line = ", ".join(f"{r}: {micro(adds[r].best)}" for r in releases)
    print(f"\n(each cell: time per call, and in brackets its ratio to `add` — {adds_line})")
    print("\n| one async round trip | " + " | ".join(releases) + " |")
    print("|---|" + "---:|" * len(releases))
    counted = {r: crossings(r) for r in releases}
    print(
        "| host calls (wasm → Python) | "
        + " | ".join(f"{counted[r][0]:.0f}" for r in releases)
        + " |"
    )
    print(
        "| calls into wasm (Python → wasm) | "
        + " | ".join(f"{counted[r][1]:.0f}" for r in releases)
        + " |"
    )
    print(
        f"\nPython {sys.version.split()[0]}, wasmtime-py "
        f"{__import__('importlib.metadata').metadata.version('wasmtime')}, best of {ROUNDS} "
        "interleaved rounds"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="use the crates already built")
    parser.add_argument("--quick", action="store_true", help="fewer iterations (a smoke run)")
    parser.add_argument(
        "--releases", nargs="+", default=[b.release for b in BUILDS], help="wasm-bindgen releases"
    )
    args = parser.parse_args()
    if not args.no_build:
        for release in args.releases:
            BY_RELEASE[release].build()
    public, relative, adds = measure(args.releases, args.quick)
    print_tables(args.releases, public, relative, adds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
