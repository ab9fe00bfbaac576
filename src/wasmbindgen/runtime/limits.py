"""Per-instance limits — wall-clock time per call, an instruction budget, memory — and Ctrl-C.

Every engine interrupts by epoch: a ticker advances the epoch every ``TICK`` seconds — a native
thread of the compiled boundary where it is built (so calls need not release the GIL when no
other Python thread exists), else a daemon Python thread — and
each store's epoch callback runs then while wasm is executing (never while it is not). The
callback runs Python on the calling thread, so a pending ``SIGINT`` raises its
``KeyboardInterrupt`` there; it also ends a call that outlived its ``timeout``. Fuel needs an
engine compiled for it, so instances with ``fuel`` use a second engine.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import threading
from dataclasses import dataclass

import wasmtime

from . import c_api
from .native import NATIVE

TICK = 0.01  # seconds between epoch checks: Ctrl-C and timeout latency
_engines: dict[bool, wasmtime.Engine] = {}
_ticker: threading.Thread | None = None
_stopped = threading.Event()  # set at exit: the engines are about to be freed
_lock = threading.Lock()


@dataclass(frozen=True)
class Limits:
    """What ``wasmbindgen.load(..., timeout=, fuel=, max_memory=)`` was given."""

    timeout: float | None = None  # seconds per call from Python into the module
    fuel: int | None = None  # wasm instructions (fuel units) per call from Python
    max_memory: int | None = None  # bytes of linear memory; tables get max_memory // 8 slots

    def __post_init__(self) -> None:
        for name in ("timeout", "fuel", "max_memory"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not value > 0):
                raise ValueError(f"{name}={value!r}: a limit must be a positive number or None")

    @property
    def per_call(self) -> bool:
        return self.timeout is not None or self.fuel is not None


NO_LIMITS = Limits()
_defaults: list[Limits] = [NO_LIMITS]


def set_default_limits(
    timeout: float | None = None, fuel: int | None = None, max_memory: int | None = None
) -> None:
    """The limits of every instance made from now on without its own — built packages at
    import included (call this before importing one)."""
    _defaults[0] = Limits(timeout, fuel, max_memory)


def default_limits() -> Limits:
    return _defaults[0]


def engine(fuel: bool = False) -> wasmtime.Engine:
    """The process's engine (one per fuel setting): engines are costly, modules reusable."""
    with _lock:
        found = _engines.get(fuel)
        if found is None:
            config = wasmtime.Config()
            config.epoch_interruption = True
            config.consume_fuel = fuel
            found = _engines[fuel] = wasmtime.Engine(config)
            _start_ticker(found)
        return found


def _start_ticker(found: wasmtime.Engine) -> None:
    global _ticker
    if NATIVE is not None:
        increment = c_api.address("wasmtime_engine_increment_epoch")
        NATIVE.tick_engine(increment, ctypes.cast(found.ptr(), ctypes.c_void_p).value, TICK)
    elif _ticker is None:
        _ticker = threading.Thread(target=_tick, name="wasmbindgen-epoch", daemon=True)
        _ticker.start()


@atexit.register
def _stop_ticker() -> None:
    """No tick once Python starts freeing the engines (a tick on a freed one would crash)."""
    _stopped.set()
    if NATIVE is not None:
        NATIVE.stop_ticker()
    elif _ticker is not None:
        _ticker.join(timeout=1.0)


def _after_fork() -> None:
    """A forked child has no ticker thread: start one for the engines it inherited."""
    global _ticker
    if NATIVE is not None:
        NATIVE.after_fork()
    elif _ticker is not None:
        _ticker = threading.Thread(target=_tick, name="wasmbindgen-epoch", daemon=True)
        _ticker.start()


os.register_at_fork(after_in_child=_after_fork)


def _tick() -> None:
    while not _stopped.wait(TICK):
        for found in list(_engines.values()):
            found.increment_epoch()
