"""``DisposableStack`` and ``AsyncDisposableStack`` (explicit resource management, ES2026)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..jsops import Symbol
from .errors import ReferenceError, SuppressedError, TypeError

_DISPOSE: Symbol = Symbol.dispose  # type: ignore[attr-defined]
_ASYNC_DISPOSE: Symbol = Symbol.asyncDispose  # type: ignore[attr-defined]


def _disposer(value: Any, symbol: Symbol, what: str) -> Callable[[], Any]:
    method = getattr(value, "_wb_symbols", {}).get(symbol) if value is not None else None
    if method is None and isinstance(value, dict):
        method = value.get(symbol)
    if method is None:
        method = getattr(value, "dispose" if symbol is _DISPOSE else "disposeAsync", None)
    if not callable(method):
        raise TypeError(f"{what}: the value has no [{symbol.description}] method")
    return method  # type: ignore[no-any-return]


def _suppressing(error: BaseException, earlier: BaseException | None) -> BaseException:
    """A disposer's error suppresses the one already thrown, as JS chains them."""
    return error if earlier is None else SuppressedError(error, earlier)


class DisposableStack:
    """Resources disposed in reverse order by ``dispose()``; errors are chained into
    ``SuppressedError``s, as in JS."""

    JS_PROPERTIES = frozenset({"disposed"})

    def __init__(self) -> None:
        self._actions: list[Callable[[], Any]] = []
        self.disposed = False

    def _check(self, what: str) -> None:
        if self.disposed:
            raise ReferenceError(f"{type(self).__name__}.prototype.{what}: the stack is disposed")

    def use(self, value: Any = None) -> Any:
        self._check("use")
        if value is not None:
            self._actions.append(_disposer(value, self._symbol, "use"))
        return value

    def adopt(self, value: Any = None, on_dispose: Any = None) -> Any:
        self._check("adopt")
        if not callable(on_dispose):
            raise TypeError("adopt: onDispose is not a function")
        self._actions.append(lambda: on_dispose(value))
        return value

    def defer(self, on_dispose: Any = None) -> None:
        self._check("defer")
        if not callable(on_dispose):
            raise TypeError("defer: onDispose is not a function")
        self._actions.append(on_dispose)

    def move(self) -> DisposableStack:
        self._check("move")
        moved = type(self)()
        moved._actions, self._actions = self._actions, []
        self.disposed = True
        return moved

    _symbol = _DISPOSE

    def _take_actions(self) -> list[Callable[[], Any]]:
        """The actions to run, last registered first; none when already disposed."""
        if self.disposed:
            return []
        self.disposed = True
        actions, self._actions = self._actions[::-1], []
        return actions

    def dispose(self) -> None:
        error: BaseException | None = None
        for action in self._take_actions():
            try:
                action()
            except Exception as exc:
                error = _suppressing(exc, error)
        if error is not None:
            raise error


class AsyncDisposableStack(DisposableStack):
    """``disposeAsync()`` returns a Promise; each disposer's result is awaited in turn."""

    _symbol = _ASYNC_DISPOSE

    def dispose(self) -> None:  # only the async form exists in JS
        raise TypeError("AsyncDisposableStack has disposeAsync, not dispose")

    def disposeAsync(self) -> Any:  # noqa: N802 - the JS name
        from ..promise import Promise

        actions = self._take_actions()

        async def run() -> None:
            error: BaseException | None = None
            for action in actions:
                try:
                    await Promise.resolve(action())
                except Exception as exc:
                    error = _suppressing(exc, error)
            if error is not None:
                raise error

        return Promise.resolve(run())
