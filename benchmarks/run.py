"""Boundary benchmarks: wasmbindgen's generated calls against wasmtime-py's public API.

Run: ``python benchmarks/run.py`` (builds the test crates first unless --no-build). Each row is
measured side by side in one run; the ratio column is baseline time / wasmbindgen time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import struct
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wasmbindgen

ROOT = Path(__file__).resolve().parent.parent
CRATES = ROOT / "tests" / "crates"
RELEASE = CRATES / "target" / "wasm32-unknown-unknown" / "release"
WASM = RELEASE / "exports.wasm"


def best_time(fn: Callable[[], Any], number: int, repeat: int = 5) -> float:
    """Seconds per call: the best of ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


class PublicApi:
    """The same raw exports called through wasmtime-py's public ``Func.__call__``."""

    def __init__(self, module: Any) -> None:
        wasm = module._wb_rt.wasm
        self.store, self.exports, self.memory = wasm.store, wasm.exports, wasm.memory
        self.malloc = self.exports["__wbindgen_malloc"]
        self.free = self.exports["__wbindgen_free"]

    def call(self, name: str, *args: Any) -> Any:
        return self.exports[name](self.store, *args)

    def pass_bytes(self, data: bytes) -> int:
        ptr = self.malloc(self.store, len(data))
        self.memory.write(self.store, data, ptr)
        return int(ptr)

    def echo(self, text: str) -> str:
        data = text.encode()
        ptr = self.pass_bytes(data)
        rp = self.malloc(self.store, 16)
        self.call("echo_str", rp, ptr, len(data))
        out_ptr, out_len = struct.unpack("<II", self.memory.read(self.store, rp, rp + 8))
        result = self.memory.read(self.store, out_ptr, out_ptr + out_len).decode()
        self.free(self.store, out_ptr, out_len)
        self.free(self.store, rp, 16)
        return str(result)

    def sum_bytes(self, data: bytes) -> int:
        return int(self.call("sum_bytes", self.pass_bytes(data), len(data)))


def rows(m: Any, quick: bool) -> list[tuple[str, float, float, str]]:
    api = PublicApi(m)
    scale = 10 if quick else 1
    kib, mib = "x" * 1024, "é" * (512 * 1024)  # 1 KiB and 1 MiB of UTF-8
    blob = bytes(range(256)) * 4096  # 1 MiB
    point = m.Point(3.0, 4.0)
    point_ptr = point._ptr
    obj = object()
    checks = [
        m.add(1, 2) == api.call("add", 1, 2) == 3,
        m.echo_str(kib) == api.echo(kib),
        m.sum_bytes(blob) == api.sum_bytes(blob),
    ]
    assert all(checks), "wasmbindgen and the public API disagree"
    out = []

    def row(
        name: str,
        ours: Callable[[], Any],
        base: Callable[[], Any],
        n: int,
        base_name: str = "Func.__call__",
    ) -> None:
        n = max(1, n // scale)
        out.append((name, best_time(ours, n), best_time(base, n), base_name))

    row("add(u32, u32)", lambda: m.add(1, 2), lambda: api.call("add", 1, 2), 20000)
    row("echo(&str) 1 KiB", lambda: m.echo_str(kib), lambda: api.echo(kib), 5000)
    row("echo(&str) 1 MiB", lambda: m.echo_str(mib), lambda: api.echo(mib), 20)
    row(
        "echo(&str) 1 MiB vs s.encode().decode()",
        lambda: m.echo_str(mib),
        lambda: mib.encode().decode(),
        20,
        "encode+decode",
    )
    row("sum(&[u8]) 1 MiB", lambda: m.sum_bytes(blob), lambda: api.sum_bytes(blob), 50)
    row("struct method Point.norm()", point.norm, lambda: api.call("point_norm", point_ptr), 20000)
    row(
        "JsValue round trip",
        lambda: m.echo_value(obj),
        lambda: api.call("echo_value", m._wb_rt.heap.add(obj)),
        20000,
    )
    return out


def relative_rows(m: Any, quick: bool) -> list[tuple[str, float, float, str]]:
    """Costs against a plain ``add`` call in the same run: (name, per call, add, target)."""
    closures = wasmbindgen.load(RELEASE / "closures.wasm")
    scale = 10 if quick else 1
    per_loop = 1000 // scale

    def ignore(_value: Any) -> None:
        return None

    add_one = closures.add_one_closure()
    assert closures.call_n(ignore, 3) == 3 and add_one(1) == 2
    add = best_time(lambda: m.add(1, 2), 20000 // scale)
    loop_calls = 20 // max(1, scale // 5)

    def per_call(fn: Callable[[], Any]) -> float:
        return best_time(fn, loop_calls) / per_loop

    return [
        (
            "Rust→Python: `f.call1(&NULL, &arg)` in a Rust loop, one argument made once",
            per_call(lambda: closures.call_n_same_arg(ignore, per_loop)),
            add,
            "≤ 3×",
        ),
        (
            "same, building `JsValue::from(i)` each time (4 crossings: + number_new, 2 drops)",
            per_call(lambda: closures.call_n(ignore, per_loop)),
            add,
            "—",
        ),
        (
            "Python→Rust: heap `Closure<dyn Fn(u32) -> u32>` called",
            best_time(lambda: add_one(1), 20000 // scale),
            add,
            "≤ 3×",
        ),
    ]


def async_rows(m: Any, quick: bool) -> list[tuple[str, float, float, str]]:
    """Async round trips against a plain ``add`` call in the same run."""
    promises = wasmbindgen.load(
        RELEASE / "promises.wasm", globals={"py_value": wasmbindgen.Promise.resolve}
    )
    n = 200 if quick else 2000
    add = best_time(lambda: m.add(1, 2), 20000 // (10 if quick else 1))

    async def sequential() -> float:
        start = time.perf_counter()
        for _ in range(n):
            await promises.add_async(1, 2)
        return (time.perf_counter() - start) / n

    async def concurrent() -> float:
        start = time.perf_counter()
        results = await asyncio.gather(*(promises.add_async(i, 1) for i in range(10_000)))
        assert results == [i + 1 for i in range(10_000)]
        return time.perf_counter() - start

    one = min(asyncio.run(sequential()) for _ in range(5))
    many = min(asyncio.run(concurrent()) for _ in range(1 if quick else 3))
    return [
        ("async export awaiting one host Promise, awaited from Python", one, add, "≤ 20×"),
        ("10,000 of them concurrently (asyncio.gather), per call", many / 10_000, add, "—"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-build", action="store_true", help="use the crates already built")
    parser.add_argument("--quick", action="store_true", help="fewer iterations (a smoke run)")
    args = parser.parse_args()
    if not args.no_build:
        env = dict(os.environ, RUSTC="/usr/bin/rustc")
        subprocess.run(
            ["/usr/bin/cargo", "build", "--release", "--quiet"], cwd=CRATES, env=env, check=True
        )
    m = wasmbindgen.load(WASM)
    table = rows(m, args.quick)
    print("| call | wasmbindgen | baseline | baseline is | ratio (baseline / ours) |")
    print("|---|---:|---:|---|---:|")
    for name, ours, base, base_name in table:
        print(
            f"| {name} | {ours * 1e6:,.2f} µs | {base * 1e6:,.2f} µs | {base_name} | "
            f"{base / ours:,.2f}× |"
        )
    print("\n| relative to `add(1, 2)` from Python | per call | add | ratio | target |")
    print("|---|---:|---:|---:|---|")
    for name, cost, add, target in relative_rows(m, args.quick) + async_rows(m, args.quick):
        print(
            f"| {name} | {cost * 1e6:,.2f} µs | {add * 1e6:,.2f} µs | {cost / add:,.2f}× "
            f"| {target} |"
        )
    print(
        f"\nPython {sys.version.split()[0]}, wasmtime-py "
        f"{__import__('importlib.metadata').metadata.version('wasmtime')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
