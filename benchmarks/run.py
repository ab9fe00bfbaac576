"""Boundary benchmarks: the compiled and the pure-Python path, on every supported wasm-bindgen
release, side by side in one run.

Run: ``python benchmarks/run.py`` (builds the test crates first unless --no-build). Each call is
timed on every release and path in turn, round after round, keeping each one's best: all see
the same machine load, so their ratios are fair even where absolute figures drift. Per release,
the first table gives each call on both paths beside the same raw export called through
wasmtime-py's public ``Func.__call__``; the second compares callbacks and async round trips with
a plain ``add`` on the same path; then the compiled path across releases, and the crossings one
async round trip makes.
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
from wasmbindgen.runtime import native

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


BOUNDARIES = ("pure", "compiled")


@dataclass
class Case:
    """One timed call, with what it is compared with."""

    ours: Callable[[], Any]
    base: Callable[[], Any] | None = None  # a baseline timed beside it (Func.__call__…)
    number: int = 1
    per: int = 1  # calls one timed call stands for (a Rust loop of `per` callbacks)
    best: float = float("inf")
    best_base: float = float("inf")

    def run_once(self) -> None:
        self.best = min(self.best, seconds_per_call(self.ours, self.number) / self.per)
        if self.base is not None:
            self.best_base = min(
                self.best_base, seconds_per_call(self.base, self.number) / self.per
            )


@dataclass
class Row:
    name: str
    baseline: str  # "Func.__call__", "encode+decode", or "add" (relative rows)
    target: str
    cases: dict[tuple[str, str], Case] = field(default_factory=dict)  # (release, boundary)


def public_rows(m: Any, scale: int) -> dict[str, tuple[str, str, Case]]:
    """Calls compared with the same raw export through wasmtime-py's public API."""
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
    assert all(checks), "wasmbindgen and the public API disagree"

    def case(ours: Callable[[], Any], base: Callable[[], Any], n: int) -> Case:
        return Case(ours, base, max(1, n // scale))

    heap = m._wb_rt.heap
    public = "Func.__call__"
    return {
        "add(u32, u32)": (
            public,
            "compiled ≥ 8× pure",
            case(lambda: m.add(1, 2), lambda: api.call("add", 1, 2), 20000),
        ),
        "echo(&str) 1 KiB": (
            public,
            "",
            case(lambda: m.echo_str(kib), lambda: api.echo(kib), 5000),
        ),
        "echo(&str) 1 MiB": (public, "", case(lambda: m.echo_str(mib), lambda: api.echo(mib), 20)),
        "echo(&str) 1 MiB vs s.encode().decode()": (
            "encode+decode",
            "compiled ≤ 1× encode+decode",
            case(lambda: m.echo_str(mib), lambda: mib.encode().decode(), 20),
        ),
        "echo_string(String) 1 MiB, moved back (no copy in Rust) vs s.encode().decode()": (
            "encode+decode",
            "",
            case(lambda: m.echo_string(mib), lambda: mib.encode().decode(), 20),
        ),
        "sum(&[u8]) 1 MiB": (
            public,
            "",
            case(lambda: m.sum_bytes(blob), lambda: api.sum_bytes(blob), 50),
        ),
        "struct method Point.norm()": (
            public,
            "",
            case(point.norm, lambda: api.call("point_norm", point._ptr), 20000),
        ),
        "JsValue round trip": (
            public,
            "",
            case(lambda: m.echo_value(obj), lambda: api.call("echo_value", heap.add(obj)), 20000),
        ),
    }


def relative_rows(
    release: str, boundary: str, scale: int, quick: bool
) -> dict[str, tuple[str, Case]]:
    """Callbacks and async round trips, compared with `add` on the same release and path."""
    closures = wasmbindgen.load(BY_RELEASE[release].wasm("closures"), boundary=boundary)
    promises = wasmbindgen.load(
        BY_RELEASE[release].wasm("promises"),
        globals={"py_value": wasmbindgen.Promise.resolve},
        boundary=boundary,
    )
    per_loop = 1000 // scale
    loops = max(1, 20 // max(1, scale // 5))
    n, many = (200, 1000) if quick else (2000, 10_000)

    def ignore(_value: Any) -> None:
        return None

    add_one = closures.add_one_closure()
    assert closures.call_n(ignore, 3) == 3 and add_one(1) == 2

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
        "Rust→Python: `f.call1(&NULL, &arg)` in a Rust loop, one argument made once": (
            "compiled ≤ 2× compiled add",
            Case(lambda: closures.call_n_same_arg(ignore, per_loop), number=loops, per=per_loop),
        ),
        "same, building `JsValue::from(i)` each time (+ number_new, 2 drops)": (
            "",
            Case(lambda: closures.call_n(ignore, per_loop), number=loops, per=per_loop),
        ),
        "Python→Rust: heap `Closure<dyn Fn(u32) -> u32>` called": (
            "",
            Case(lambda: add_one(1), number=max(1, 20000 // scale)),
        ),
        "async export awaiting one host Promise, awaited from Python": (
            "compiled ≤ 20× compiled add",
            Case(sequential, per=n),
        ),
        f"{many:,} of them concurrently (asyncio.gather), per call": (
            "",
            Case(concurrent, per=many),
        ),
    }


def asyncio_floor(quick: bool) -> Case:
    """What asyncio alone costs per await of a Future another callback resolves: the least any
    round trip through the event loop can cost."""
    n = 200 if quick else 2000

    def run() -> None:
        async def main() -> None:
            loop = asyncio.get_running_loop()
            for _ in range(n):
                future = loop.create_future()
                loop.call_soon(future.set_result, 3)
                await future

        asyncio.run(main())

    return Case(run, per=n)


def crossings(release: str, rounds: int = 200) -> tuple[float, float]:
    """Host calls and calls into wasm per sequential async round trip, counted on the pure path
    by profiling its two boundary functions (the trampoline wasm calls, the invoke Python
    calls); the compiled path makes the same crossings in C."""
    promises = wasmbindgen.load(
        BY_RELEASE[release].wasm("promises"),
        globals={"py_value": wasmbindgen.Promise.resolve},
        boundary="pure",
    )

    async def run(n: int) -> None:
        for _ in range(n):
            await promises.add_async(1, 2)

    asyncio.run(run(10))
    profile = cProfile.Profile()
    profile.enable()
    asyncio.run(run(rounds))
    profile.disable()
    # the pure trampoline (hostcall.py) and the pure invoke (engine.py)
    counts = {("hostcall.py", "pure"): 0, ("engine.py", "pure_invoke"): 0}
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (path, _line, function), (_prim, calls, *_rest) in stats.items():
        key = (path.rsplit("/", 1)[-1], function)
        if key in counts:
            counts[key] += calls
    host, wasm = counts.values()
    return host / rounds, wasm / rounds


@dataclass
class Measured:
    public: list[Row]
    relative: list[Row]
    adds: dict[tuple[str, str], Case]
    floor: Case


def measure(releases: list[str], boundaries: list[str], quick: bool) -> Measured:
    scale = 10 if quick else 1
    public: dict[str, Row] = {}
    relative: dict[str, Row] = {}
    adds: dict[tuple[str, str], Case] = {}
    for release in releases:
        for boundary in boundaries:
            key = (release, boundary)
            m = wasmbindgen.load(BY_RELEASE[release].wasm("exports"), boundary=boundary)
            for name, (baseline, target, case) in public_rows(m, scale).items():
                public.setdefault(name, Row(name, baseline, target)).cases[key] = case
            adds[key] = Case(functools.partial(m.add, 1, 2), number=20000 // scale)
            for name, (target, case) in relative_rows(release, boundary, scale, quick).items():
                relative.setdefault(name, Row(name, "add", target)).cases[key] = case
    floor = asyncio_floor(quick)
    cases = [c for row in (*public.values(), *relative.values()) for c in row.cases.values()]
    for _ in range(ROUNDS):  # interleaved: every case once per round
        for case in (*cases, *adds.values(), floor):
            case.run_once()
    return Measured(list(public.values()), list(relative.values()), adds, floor)


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs" if seconds >= 1e-5 else f"{seconds * 1e9:,.0f} ns"


def print_boundaries(release: str, boundaries: list[str], found: Measured) -> None:
    """The two paths side by side on one release."""
    both = len(boundaries) == 2
    heads = " | ".join(boundaries) + (" | pure / compiled" if both else "")
    print(f"| {release} | baseline | baseline's time | {heads} | baseline / compiled | target |")
    print("|---|---|---:|" + "---:|" * (len(boundaries) + (1 if both else 0)) + "---:|---|")
    last = boundaries[-1]
    for row in found.public:
        cells = [micro(row.cases[(release, b)].best) for b in boundaries]
        if both:
            cells.append(
                f"{row.cases[(release, 'pure')].best / row.cases[(release, last)].best:.1f}×"
            )
        base = row.cases[(release, last)].best_base
        versus = base / row.cases[(release, last)].best
        print(
            f"| {row.name} | {row.baseline} | {micro(base)} | "
            + " | ".join(cells)
            + f" | {versus:,.1f}× | {row.target} |"
        )
    print(
        f"\n| {release}, relative to `add(1, 2)` on the same path | "
        + " | ".join(boundaries)
        + " | target |"
    )
    print("|---|" + "---:|" * len(boundaries) + "---|")
    for row in found.relative:
        cells = []
        for b in boundaries:
            per_call, add = row.cases[(release, b)].best, found.adds[(release, b)].best
            cells.append(f"{micro(per_call)} ({per_call / add:,.1f}×)")
        print(f"| {row.name} | " + " | ".join(cells) + f" | {row.target} |")
    floor = found.floor.best
    cells = [f"{micro(floor)} ({floor / found.adds[(release, b)].best:,.1f}×)" for b in boundaries]
    print(
        "| asyncio alone: await a Future that `call_soon` resolves | " + " | ".join(cells) + " | |"
    )
    adds = ", ".join(f"{b} {micro(found.adds[(release, b)].best)}" for b in boundaries)
    print(f"\n(`add` on {release}: {adds})")


def print_releases(releases: list[str], boundary: str, found: Measured) -> None:
    """One path across the supported releases."""
    first, newer = releases[0], releases[1:]
    versus = "".join(f" {r} / {first} |" for r in newer)
    print(f"\n| {boundary} path | " + " | ".join(releases) + f" |{versus}")
    print("|---|" + "---:|" * (len(releases) + len(newer)))
    for row in (*found.public, *found.relative):
        times = {r: row.cases[(r, boundary)].best for r in releases}
        cells = [micro(times[r]) for r in releases]
        ratios = [f"{times[r] / times[first]:.2f}" for r in newer]
        print(f"| {row.name} | " + " | ".join(cells + ratios) + " |")


def print_tables(releases: list[str], boundaries: list[str], found: Measured) -> None:
    for release in releases:
        print_boundaries(release, boundaries, found)
        print()
    print_releases(releases, boundaries[-1], found)
    print("\n| one async round trip | " + " | ".join(releases) + " |")
    print("|---|" + "---:|" * len(releases))
    counted = {r: crossings(r) for r in releases}
    for i, what in enumerate(("host calls (wasm → Python)", "calls into wasm (Python → wasm)")):
        print(f"| {what} | " + " | ".join(f"{counted[r][i]:.0f}" for r in releases) + " |")
    print(
        f"\nPython {sys.version.split()[0]}, wasmtime-py "
        f"{__import__('importlib.metadata').metadata.version('wasmtime')}, "
        f"{native.describe()}; best of {ROUNDS} interleaved rounds"
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
    boundaries = [b for b in BOUNDARIES if b == "pure" or native.NATIVE is not None]
    if native.NATIVE is None:
        print(f"(the compiled boundary is not in use: {native.describe()})\n")
    print_tables(args.releases, boundaries, measure(args.releases, boundaries, args.quick))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
