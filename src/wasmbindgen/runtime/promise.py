"""``wasmbindgen.Promise``: a JavaScript Promise on the asyncio loop, awaitable from Python.

The states, the resolving functions, adoption of thenables and the reaction jobs follow the
ECMAScript spec; reaction jobs run as microtasks (``eventloop``). Python awaitables — coroutines,
``asyncio.Future``s, ``Task``s — are adopted like thenables, so one can stand wherever Rust expects
a Promise. A rejection nobody handles by the end of a microtask checkpoint is reported to the
loop's exception handler, as a browser reports an unhandled rejection.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import weakref
from collections.abc import Awaitable, Callable, Generator, Iterable
from functools import partial
from typing import Any, Generic, TypeVar

from ..errors import JsException
from . import eventloop
from .builtins.errors import AggregateError
from .resolve import ATTRIBUTE_TYPES, get_property
from .values import is_nullish

T = TypeVar("T")
PENDING, FULFILLED, REJECTED = "pending", "fulfilled", "rejected"

# Reaction: (derived promise or None, on_fulfilled, on_rejected). With no derived promise the
# handlers are internal (``await``, combinators) and their own exceptions are not expected.
Handler = Callable[[Any], Any]
Reaction = tuple["Promise[Any] | None", "Handler | None", "Handler | None"]


def reason_of(exc: BaseException) -> Any:
    """The JS value a raised exception throws: ``JsException(v)`` throws ``v`` itself."""
    return exc.value if isinstance(exc, JsException) else exc


def exception_of(reason: Any) -> BaseException:
    """The Python exception that raises a rejection ``reason``."""
    return reason if isinstance(reason, BaseException) else JsException(reason)


# Values that are never thenables or awaitables: they settle a promise at once.
_PLAIN_TYPES = frozenset({int, float, str, bool, bytes, type(None), list, tuple})


def is_python_awaitable(value: Any) -> bool:
    """A coroutine, ``asyncio.Future``/``Task`` or other awaitable that is not a ``Promise``."""
    cls = type(value)
    if cls in _PLAIN_TYPES or cls is Promise:
        return False
    return hasattr(cls, "__await__") or inspect.isawaitable(value)


class Promise(Generic[T]):
    """A JavaScript Promise. ``await promise`` gives its value or raises its rejection."""

    __slots__ = ("__weakref__", "_handled", "_kept", "_reactions", "_state", "_value")

    def __init__(self, executor: Callable[[Callable[..., None], Callable[..., None]], Any]) -> None:
        self._init()
        if not callable(executor):
            raise TypeError(f"Promise resolver {executor!r} is not a function")
        resolve, reject = self._resolving_functions()
        try:
            executor(resolve, reject)
        except Exception as exc:
            reject(reason_of(exc))

    def _init(self) -> None:
        self._state = PENDING
        self._value: Any = None
        self._reactions: list[Reaction] = []
        self._handled = False
        self._kept: Any = None

    @classmethod
    def _pending(cls) -> Promise[Any]:
        promise: Promise[Any] = cls.__new__(cls)
        promise._init()
        return promise

    # -- settling -------------------------------------------------------------------------------

    def _resolving_functions(self) -> tuple[Callable[..., None], Callable[..., None]]:
        """The ``resolve``/``reject`` pair: whichever is called first wins, later calls do
        nothing (resolving twice is not an error in JS)."""
        done = False

        def resolve(value: Any = None) -> None:
            nonlocal done
            if not done:
                done = True
                self._resolve(value)

        def reject(reason: Any = None) -> None:
            nonlocal done
            if not done:
                done = True
                self._settle(REJECTED, reason)

        return resolve, reject

    def _resolve(self, value: Any) -> None:
        if type(value) in _PLAIN_TYPES:
            self._settle(FULFILLED, value)
        elif value is self:
            self._settle(REJECTED, TypeError("Chaining cycle detected for promise"))
        elif isinstance(value, Promise):
            eventloop.queue_microtask(partial(self._adopt_promise, value))
        elif is_python_awaitable(value):
            eventloop.queue_microtask(partial(self._adopt_awaitable, value))
        else:
            try:
                then = _then_of(value)
            except Exception as exc:
                self._settle(REJECTED, reason_of(exc))
                return
            if callable(then):
                eventloop.queue_microtask(partial(self._adopt_thenable, value, then))
            else:
                self._settle(FULFILLED, value)

    def _adopt_promise(self, other: Promise[Any]) -> None:
        resolve, reject = self._resolving_functions()
        other._react((None, resolve, reject))

    def _adopt_thenable(self, thenable: Any, then: Callable[..., Any]) -> None:
        resolve, reject = self._resolving_functions()
        try:
            then(resolve, reject)  # a bound method or a dict's function: `this` is implicit
        except Exception as exc:
            reject(reason_of(exc))

    def _adopt_awaitable(self, awaitable: Awaitable[Any]) -> None:
        resolve, reject = self._resolving_functions()
        try:
            future = asyncio.ensure_future(awaitable)
        except Exception as exc:  # an awaitable already awaited elsewhere, say
            reject(reason_of(exc))
            return

        def settle(done: asyncio.Future[Any]) -> None:
            if done.cancelled():
                reject(asyncio.CancelledError("the awaitable behind this Promise was cancelled"))
            elif done.exception() is not None:
                reject(reason_of(done.exception()))  # type: ignore[arg-type]
            else:
                resolve(done.result())

        future.add_done_callback(settle)

    def _settle(self, state: str, value: Any) -> None:
        if self._state is not PENDING:
            return
        self._state, self._value, self._kept = state, value, None
        reactions, self._reactions = self._reactions, []
        for reaction in reactions:
            eventloop.queue_microtask(partial(_run_reaction, reaction, state, value))
        if state is REJECTED and not self._handled:
            _track_unhandled(self)

    def _mark_handled(self) -> None:
        if not self._handled:
            self._handled = True
            _unhandled.pop(id(self), None)

    def _react(self, reaction: Reaction) -> None:
        self._mark_handled()
        if self._state is PENDING:
            self._reactions.append(reaction)
        else:
            eventloop.queue_microtask(partial(_run_reaction, reaction, self._state, self._value))

    # -- the JS prototype -------------------------------------------------------------------------

    def then(
        self,
        on_fulfilled: Callable[[Any], Any] | None = None,
        on_rejected: Callable[[Any], Any] | None = None,
    ) -> Promise[Any]:
        derived = Promise._pending()
        self._react(
            (
                derived,
                on_fulfilled if callable(on_fulfilled) else None,
                on_rejected if callable(on_rejected) else None,
            )
        )
        return derived

    def catch(self, on_rejected: Callable[[Any], Any] | None = None) -> Promise[Any]:
        return self.then(None, on_rejected)

    def finally_(self, on_finally: Callable[[], Any] | None = None) -> Promise[T]:
        if not callable(on_finally):
            return self.then(on_finally, on_finally)
        callback = on_finally

        def after_value(value: Any) -> Any:
            return Promise.resolve(callback()).then(lambda _: value)

        def after_reason(reason: Any) -> Any:
            def rethrow(_: Any) -> Any:
                raise exception_of(reason)

            return Promise.resolve(callback()).then(rethrow)

        return self.then(after_value, after_reason)

    # -- Python -----------------------------------------------------------------------------------

    def keep_until_settled(self, objects: Any) -> None:
        """Hold references to ``objects`` while the promise is pending."""
        self._kept = objects

    def reject_now(self, reason: Any) -> None:
        """Reject a pending promise from outside (the host gives up on it); no-op if settled."""
        self._settle(REJECTED, reason)

    @property
    def state(self) -> str:
        """``"pending"``, ``"fulfilled"`` or ``"rejected"``."""
        return self._state

    def __await__(self) -> Generator[Any, None, T]:
        # `await` suspends the awaiting code, and a suspended JS function lets queued microtasks
        # run: drain them here rather than a loop iteration later. Often they settle this very
        # promise (a Rust future that needed no host I/O), and no suspension is needed at all.
        self._mark_handled()
        loop = asyncio.get_running_loop()
        if eventloop.has_microtasks():
            eventloop.run_microtasks()
        if self._state is FULFILLED:
            return self._value  # type: ignore[no-any-return]
        if self._state is REJECTED:
            raise exception_of(self._value)
        future: asyncio.Future[T] = loop.create_future()
        self._react((None, partial(_set_result, future), partial(_set_exception, future)))
        return (yield from future)

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle a Promise: await it and pickle its value")

    def __repr__(self) -> str:
        shown = f" {self._value!r}" if self._state is not PENDING else ""
        return f"<Promise {self._state}{shown}>"

    # -- the JS constructor's statics -------------------------------------------------------------

    @staticmethod
    def resolve(value: Any = None) -> Promise[Any]:
        if isinstance(value, Promise):
            return value
        if is_python_awaitable(value):
            return _promise_for_awaitable(value)
        promise = Promise._pending()
        promise._resolve(value)
        return promise

    @staticmethod
    def reject(reason: Any = None) -> Promise[Any]:
        promise = Promise._pending()
        promise._settle(REJECTED, reason)
        return promise

    @staticmethod
    def all(iterable: Any = None) -> Promise[Any]:
        return _combine(iterable, "all")

    @staticmethod
    def allSettled(iterable: Any = None) -> Promise[Any]:  # noqa: N802 - the JS name
        return _combine(iterable, "allSettled")

    @staticmethod
    def any(iterable: Any = None) -> Promise[Any]:
        return _combine(iterable, "any")

    @staticmethod
    def try_(fn: Any = None, *args: Any) -> Promise[Any]:
        """``Promise.try(fn, ...args)``: ``fn``'s result, or its exception as a rejection."""
        try:
            return Promise.resolve(fn(*args))
        except Exception as exc:
            return Promise.reject(exc)

    @staticmethod
    def withResolvers() -> dict[str, Any]:  # noqa: N802
        promise: Promise[Any] = Promise._pending()
        resolve, reject = promise._resolving_functions()
        return {"promise": promise, "resolve": resolve, "reject": reject}

    @staticmethod
    def race(iterable: Any = None) -> Promise[Any]:
        try:
            items = list(_iterate(iterable, "race"))
        except TypeError as exc:
            return Promise.reject(exc)
        result = Promise._pending()
        resolve, reject = result._resolving_functions()
        for item in items:
            Promise.resolve(item)._react((None, resolve, reject))
        return result


# ``finally`` is a Python keyword: JS code and Rust's js-sys bindings look it up by this name.
setattr(Promise, "finally", Promise.finally_)
setattr(Promise, "try", Promise.try_)
ATTRIBUTE_TYPES.add(Promise)


def run(awaitable: Awaitable[T]) -> T:
    """``asyncio.run`` for any awaitable (a ``Promise`` too): run a fresh loop until it settles.

    Calls into the module made before (with no loop running) have their microtasks run too."""

    async def main() -> T:
        return await awaitable

    return asyncio.run(main())


def _then_of(value: Any) -> Any:
    if is_nullish(value) or isinstance(value, (bool, int, float, str, bytes)):
        return None
    return get_property(value, "then")


def _run_reaction(reaction: Reaction, state: str, value: Any) -> None:
    derived, on_fulfilled, on_rejected = reaction
    handler = on_fulfilled if state is FULFILLED else on_rejected
    if derived is None:
        if handler is not None:
            handler(value)
        return
    if handler is None:
        if state is FULFILLED:
            derived._resolve(value)
        else:
            derived._settle(REJECTED, value)
        return
    try:
        result = handler(value)
    except Exception as exc:
        derived._settle(REJECTED, reason_of(exc))
    else:
        derived._resolve(result)


def _set_result(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)


def _set_exception(future: asyncio.Future[Any], reason: Any) -> None:
    if future.done():
        return
    if isinstance(reason, asyncio.CancelledError):
        future.cancel(*reason.args)
    else:
        future.set_exception(exception_of(reason))


_awaitable_promises: weakref.WeakKeyDictionary[Any, Promise[Any]] = weakref.WeakKeyDictionary()


def _promise_for_awaitable(awaitable: Any) -> Promise[Any]:
    """One Promise per awaitable: a coroutine can be awaited only once, so every use of it as a
    Promise shares the one that adopted it."""
    try:
        cached = _awaitable_promises.get(awaitable)
    except TypeError:  # not weakly referenceable
        cached = None
    if cached is not None:
        return cached
    promise = Promise._pending()
    promise._resolve(awaitable)
    with contextlib.suppress(TypeError):  # not weakly referenceable: no sharing
        _awaitable_promises[awaitable] = promise
    return promise


def _iterate(iterable: Any, name: str) -> Iterable[Any]:
    try:
        return iter(iterable)  # type: ignore[no-any-return]
    except TypeError:
        raise TypeError(f"Promise.{name}: {type(iterable).__name__} is not iterable") from None


def _combine(iterable: Any, mode: str) -> Promise[Any]:
    """``Promise.all``, ``allSettled`` and ``any``: one slot per input, settled when all are."""
    try:
        items = list(_iterate(iterable, mode))
    except TypeError as exc:
        return Promise.reject(exc)
    result = Promise._pending()
    resolve, reject = result._resolving_functions()
    slots: list[Any] = [None] * len(items)
    remaining = len(items)

    def filled(index: int, value: Any) -> None:
        nonlocal remaining
        slots[index] = value
        remaining -= 1
        if remaining == 0:
            if mode == "any":
                reject(AggregateError(slots, "All promises were rejected"))
            else:
                resolve(slots)

    if not items:
        if mode == "any":
            reject(AggregateError([], "All promises were rejected"))
        else:
            resolve([])
        return result
    on_ok: Handler
    on_err: Handler
    for index, item in enumerate(items):
        if mode == "all":
            on_ok, on_err = partial(filled, index), reject
        elif mode == "allSettled":
            on_ok = partial(_settled_entry, filled, index, "fulfilled", "value")
            on_err = partial(_settled_entry, filled, index, "rejected", "reason")
        else:  # any
            on_ok, on_err = resolve, partial(filled, index)
        Promise.resolve(item)._react((None, on_ok, on_err))
    return result


def _settled_entry(
    filled: Callable[[int, Any], None], index: int, status: str, key: str, value: Any
) -> None:
    filled(index, {"status": status, key: value})


# -- unhandled rejections -----------------------------------------------------------------------

_unhandled: dict[int, Promise[Any]] = {}


def _track_unhandled(promise: Promise[Any]) -> None:
    _unhandled[id(promise)] = promise
    eventloop.schedule_drain(force=True)


def _report_unhandled() -> None:
    """After a microtask checkpoint: report rejections that still have no handler."""
    while _unhandled:
        _, promise = _unhandled.popitem()
        if not promise._handled:
            promise._handled = True
            eventloop.report_uncaught(
                "a promise nobody handled (Uncaught (in promise))", exception_of(promise._value)
            )


eventloop.after_checkpoint.append(_report_unhandled)
