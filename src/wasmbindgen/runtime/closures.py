"""Heap closures (``Closure<dyn Fn…>``) created by Rust at run time.

Placeholder until heap closures land: the describe recorder is live, and creating a heap
closure raises a clear error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import BindgenError

if TYPE_CHECKING:
    from .instance import Runtime


class ClosureFactory:
    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.words: list[int] = []

    def record(self, word: int) -> None:
        self.words.append(word)

    def make(self, a: int, b: int, desc_idx: int) -> int:
        raise BindgenError(
            f"{self.runtime.source}: heap closures (Closure<…>) are not supported yet"
        )

    def drop(self, slot: int) -> int:
        self.runtime.heap.drop(slot)
        return 1
