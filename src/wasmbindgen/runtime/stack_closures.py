"""Stack closures: ``&dyn Fn`` / ``&mut dyn FnMut`` passed to an import for one call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ExpiredClosureError

if TYPE_CHECKING:
    from .engine import FuncRef
    from .instance import Runtime


def stack_closure_class(rt: Runtime) -> type[Any]:
    """The state class of one runtime's stack closures (it looks up the function table)."""

    class StackClosure:
        __slots__ = ("a", "b", "mutable", "shim", "what")

        def __init__(self, shim: int, a: int, b: int, mutable: bool, what: str) -> None:
            self.shim, self.a, self.b, self.mutable, self.what = shim, a, b, mutable, what

        def enter(self) -> tuple[int, int, FuncRef]:
            if not self.b:
                raise ExpiredClosureError(
                    f"the {self.what} has expired: Rust stack closures (&dyn Fn) may only be "
                    "called while the import they were passed to is running; use a "
                    "Closure<dyn Fn> for callbacks that outlive the call"
                )
            a = self.a
            if self.mutable:
                self.a = 0  # a re-entrant call reaches Rust with a == 0 and is refused there
            return a, self.b, rt.table_func_ref(self.shim)

        def leave(self, a: int) -> None:
            if self.mutable and self.b:
                self.a = a

        def invalidate(self) -> None:
            self.a = self.b = 0

    return StackClosure
