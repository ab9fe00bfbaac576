"""A long run: a million mixed calls into one instance, printing the host heap's live slots,
linear memory and the process's resident memory at intervals — all should stay flat.

Run: ``python benchmarks/soak.py [--calls 1000000] [--every 100000]``. It uses the newest
schema fixture (tests/versions/v0_2_130/fixture, committed: nothing to build): strings, bytes,
structs created and freed, stack and heap closures, JsValues, exceptions raised and caught,
promises awaited.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import Any

import wasmbindgen

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "versions" / "v0_2_130" / "fixture" / "library.wasm"
MIXES = 10  # calls per round of the loop below


def resident_bytes() -> int:
    """The process's current resident set (Linux), in bytes."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _may_fail(fail: bool) -> str:
    if fail:
        raise wasmbindgen.JsException("no")
    return "yes"


async def soak(calls: int, every: int) -> list[tuple[int, int, int, int]]:
    kept: list[Any] = []
    m = wasmbindgen.load(
        FIXTURE,
        globals={
            "host_may_fail": _may_fail,
            "host_apply": lambda f, x: f(x),
            "host_keep": kept.append,
            "host_promise": lambda x: asyncio.sleep(0, x),
        },
    )
    runtime = m.__dict__["_wb_rt"]
    m.give_callback("p")  # forgotten by Rust (Closure::forget): one slot for good, as in JS
    rows = []
    payload = "soak ✓ " * 8
    blob = bytes(range(256))
    for i in range(0, calls, MIXES):
        assert m.shout(payload).endswith("!")
        assert m.reversed(blob)[0] == 255
        counter = m.Counter("c")
        counter.tick()
        counter.free()
        assert m.apply_scaled(i % 1000, 3) == (i % 1000) * 3
        kept[0]("x")  # a heap closure called from Python
        assert m.identity(payload) is payload
        assert m.try_host(i % 2 == 0).startswith(("ok", "err"))
        with contextlib.suppress(wasmbindgen.JsException):
            m.checked_div(1, 0)
        if i % 100 == 0:
            assert await m.later(i) == i + 1
        if i % every < MIXES:
            gc.collect()
            memory = len(runtime.wasm.whole_view())
            rows.append((i + MIXES, wasmbindgen.heap_live_count(m), memory, resident_bytes()))
            print(f"{rows[-1][0]:>10,}  {rows[-1][1]:>6}  {memory:>12,}  {rows[-1][3]:>14,}")
            sys.stdout.flush()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--every", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{'calls':>10}  {'heap':>6}  {'linear memory':>12}  {'resident bytes':>14}")
    rows = asyncio.run(soak(args.calls, args.every))
    first, last = rows[1] if len(rows) > 1 else rows[0], rows[-1]
    print(
        f"after the first interval: heap {first[1]} -> {last[1]} live slots, linear memory "
        f"{first[2]:,} -> {last[2]:,} bytes, resident {first[3] / 2**20:.1f} -> "
        f"{last[3] / 2**20:.1f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
