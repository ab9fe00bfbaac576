"""``python -m wasmbindgen fuzz X.wasm``: load mutated and truncated copies of a module; only
``BindgenError`` may come out — no other exception, no crash, no hang.

Mutations, chosen in turn: bit flips anywhere, truncation, bit flips and byte runs in the
``__wasm_bindgen_unstable`` section (the programs), and in the code of the describe functions
(what they emit: the descriptors). Each load runs with a timeout, so a mutant that loops is a
``BindgenError`` from its describe or start function, not a hang.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import BindgenError
from .pipeline import load
from .schema import SECTION_NAME
from .wasm.reader import read_module

LOAD_TIMEOUT = 5.0


@dataclass
class FuzzReport:
    modules: int = 0
    refused: int = 0  # BindgenError: the expected outcome for a damaged module
    loaded: int = 0  # the mutation left a module that still loads
    internal: int = 0  # refused, but by the safety net around a stage: a decoder to harden
    other: list[str] = field(default_factory=list)  # anything else: a bug
    by_strategy: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def _regions(data: bytes) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Byte ranges of the wasm-bindgen section payloads and of the describe functions' bodies."""
    module = read_module(data, "fuzz")
    sections = []
    for payload in module.custom.get(SECTION_NAME, []):
        at = data.find(payload)
        if at >= 0 and payload:
            sections.append((at, at + len(payload)))
    described = {e.index for e in module.exports if e.name.startswith("__wbindgen_describe_")}
    bodies = [(b.start, b.end) for b in module.bodies if b.function in described]
    return sections, bodies


def _flip(data: bytearray, rng: random.Random, start: int, end: int, flips: int) -> None:
    for _ in range(flips):
        at = rng.randrange(start, end)
        data[at] ^= 1 << rng.randrange(8)


def mutants(data: bytes, rng: random.Random) -> Callable[[int], tuple[str, bytes]]:
    sections, bodies = _regions(data)

    def make(i: int) -> tuple[str, bytes]:
        strategy = ("flip", "truncate", "section", "section-run", "describe")[i % 5]
        out = bytearray(data)
        if strategy == "truncate":
            return strategy, bytes(out[: rng.randrange(len(out))])
        if strategy == "flip" or (strategy.startswith("section") and not sections):
            _flip(out, rng, 0, len(out), rng.randint(1, 8))
        elif strategy == "section":
            start, end = rng.choice(sections)
            _flip(out, rng, start, end, rng.randint(1, 4))
        elif strategy == "section-run":
            start, end = rng.choice(sections)
            at = rng.randrange(start, end)
            run = min(rng.randint(1, 16), end - at)
            out[at : at + run] = bytes(rng.randrange(256) for _ in range(run))
        else:  # describe: the words the describe functions emit come from their code
            start, end = rng.choice(bodies) if bodies else (0, len(out))
            _flip(out, rng, start, end, rng.randint(1, 3))
        return strategy, bytes(out)

    return make


def fuzz(
    data: bytes, count: int, seed: int, progress: Callable[[FuzzReport], None] | None = None
) -> FuzzReport:
    """Load ``count`` mutants of ``data``; the report counts what happened."""
    rng = random.Random(seed)
    make = mutants(data, rng)
    report = FuzzReport()
    started = time.monotonic()
    for i in range(count):
        strategy, mutant = make(i)
        report.modules += 1
        report.by_strategy[strategy] += 1
        try:
            load(mutant, timeout=LOAD_TIMEOUT)
            report.loaded += 1
        except BindgenError as exc:
            report.refused += 1
            if hasattr(exc, "internal"):
                report.internal += 1
        except Exception as exc:  # what the fuzzer exists to find
            report.other.append(
                f"mutant {i} ({strategy}, seed {seed}): {type(exc).__name__}: {exc}"
            )
        if progress is not None and (i + 1) % 1000 == 0:
            progress(report)
    report.seconds = time.monotonic() - started
    return report


def render(report: FuzzReport) -> str:
    lines = [
        f"{report.modules:,} mutated modules in {report.seconds:,.0f} s",
        f"  refused with BindgenError: {report.refused:,} "
        f"(of them {report.internal:,} through the safety net around a stage)",
        f"  still loading:            {report.loaded:,}",
        f"  any other outcome:        {len(report.other):,}",
        "  by mutation: " + ", ".join(f"{k} {v:,}" for k, v in sorted(report.by_strategy.items())),
    ]
    lines += [f"    {line}" for line in report.other[:20]]
    return "\n".join(lines)
