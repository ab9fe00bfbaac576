"""A guest never takes the host down: limits per call and per instance, Ctrl-C, the thread
rule, deep recursion (crate tests/crates/sandbox)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import wasmbindgen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def wasm(wasm_path):
    return wasm_path("sandbox")


def assert_poisoned_then_fresh(m, wasm, why: str):
    with pytest.raises(wasmbindgen.RustPanic, match=why):
        m.add(1, 2)
    assert wasmbindgen.load(wasm).add(1, 2) == 3


def test_timeout_stops_an_endless_loop(wasm):
    m = wasmbindgen.load(wasm, timeout=0.2)
    assert m.spin(1000) and m.add(1, 2) == 3  # short calls are unaffected
    start = time.monotonic()
    with pytest.raises(wasmbindgen.Timeout, match=r"timeout=0\.2 seconds") as caught:
        m.spin_forever()
    assert 0.2 <= time.monotonic() - start < 2.0
    assert isinstance(caught.value, TimeoutError)
    assert_poisoned_then_fresh(m, wasm, "stopped by its timeout")


def test_the_timeout_is_per_call(wasm):
    free = wasmbindgen.load(wasm)
    start = time.monotonic()
    free.spin(20_000_000)
    n = int(20_000_000 * 0.25 / max(time.monotonic() - start, 1e-3))  # ~0.25 s a call
    m = wasmbindgen.load(wasm, timeout=1.0)
    start = time.monotonic()
    for _ in range(6):  # more than the timeout in all, well under it each
        m.spin(n)
    assert time.monotonic() - start > 1.0
    assert m.add(2, 2) == 4


def test_fuel_is_an_instruction_budget_per_call(wasm):
    m = wasmbindgen.load(wasm, fuel=2_000_000)
    assert m.spin(10_000) == wasmbindgen.load(wasm).spin(10_000)
    assert m.spin(10_000)  # the budget is per call: a second call gets it whole again
    with pytest.raises(wasmbindgen.OutOfFuel, match=r"fuel=2000000"):
        m.spin(10**9)
    assert_poisoned_then_fresh(m, wasm, "used up fuel")


def test_max_memory_refuses_a_memory_bomb(wasm):
    m = wasmbindgen.load(wasm, max_memory=64 << 20)
    assert m.allocate(8) == 128
    with pytest.raises(wasmbindgen.MemoryLimitError, match=r"max_memory=67108864") as caught:
        m.hoard()  # memory.grow in a loop
    assert isinstance(caught.value, MemoryError)
    assert_poisoned_then_fresh(m, wasm, "needed more than max_memory")


def test_max_memory_refuses_one_huge_allocation(wasm):
    m = wasmbindgen.load(wasm, max_memory=64 << 20)
    with pytest.raises(wasmbindgen.MemoryLimitError, match="linear memory is at"):
        m.allocate(200)  # vec![0u8; 200 MiB]
    assert wasmbindgen.load(wasm).allocate(100) == 1600  # without the cap it fits


def test_limits_are_checked(wasm):
    for bad in ({"timeout": 0}, {"fuel": -1}, {"max_memory": True}):
        with pytest.raises(ValueError, match="a limit must be a positive number"):
            wasmbindgen.load(wasm, **bad)


def test_default_limits_apply_to_later_instances(wasm):
    wasmbindgen.set_default_limits(fuel=1_000_000)
    try:
        m = wasmbindgen.load(wasm)
        with pytest.raises(wasmbindgen.OutOfFuel):
            m.spin(10**9)
    finally:
        wasmbindgen.set_default_limits()
    assert wasmbindgen.load(wasm).spin(10) is not None


def test_ctrl_c_stops_the_guest(wasm):
    """SIGINT during a long guest call raises KeyboardInterrupt, as for Python code; outside
    wasm, Ctrl-C is Python's own. (The child restores Python's default SIGINT handler, as an
    interactive Python has it: a background job inherits SIGINT ignored.)"""
    script = textwrap.dedent(
        f"""
        import os, signal, threading, time, wasmbindgen
        signal.signal(signal.SIGINT, signal.default_int_handler)
        m = wasmbindgen.load({str(wasm)!r})
        threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        start = time.monotonic()
        try:
            m.spin_forever()
        except KeyboardInterrupt:
            print("interrupted", round(time.monotonic() - start, 1))
        try:
            m.add(1, 2)
        except wasmbindgen.RustPanic as e:
            print("poisoned", "Ctrl-C" in str(e))
        print("fresh", wasmbindgen.load({str(wasm)!r}).add(1, 2))
        threading.Timer(0.1, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            time.sleep(5)
        except KeyboardInterrupt:
            print("outside", "python")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    words = done.stdout.split()
    assert words[:1] == ["interrupted"] and 0.3 <= float(words[1]) < 2.0, done.stderr
    assert words[2:] == ["poisoned", "True", "fresh", "3", "outside", "python"], done.stderr


def test_another_thread_gets_a_clear_error(wasm):
    m = wasmbindgen.load(wasm)
    errors = []

    def other() -> None:
        try:
            m.add(1, 2)
        except wasmbindgen.ThreadError as exc:
            errors.append(str(exc))

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert len(errors) == 1 and "belongs to the thread that loaded it" in errors[0]
    assert m.add(1, 2) == 3  # nothing poisoned


def test_instances_of_different_threads_are_independent(wasm):
    results: dict[int, int] = {}

    def work(i: int) -> None:
        mine = wasmbindgen.load(wasm)
        results[i] = sum(mine.add(k, i) for k in range(20_000))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {i: sum(range(20_000)) + 20_000 * i for i in range(4)}


def test_rust_stack_overflow_is_a_rust_panic(wasm):
    m = wasmbindgen.load(wasm)
    assert m.recurse(1000) == 1000
    with pytest.raises(wasmbindgen.RustPanic, match="call stack is exhausted"):
        m.recurse(10**8)
    assert_poisoned_then_fresh(m, wasm, "trapped earlier")


def test_python_rust_python_recursion_ends_clearly(wasm):
    m = wasmbindgen.load(wasm)

    def again(depth: int) -> int:
        return m.bounce(again, depth - 1) if depth > 0 else 0

    assert m.bounce(again, 50) == 0
    with pytest.raises((RecursionError, wasmbindgen.RustPanic)):
        m.bounce(again, 1_000_000)
    assert wasmbindgen.load(wasm).add(1, 1) == 2


def test_fuzzed_loading_only_ever_raises_bindgen_error(wasm_path):
    """A small fixed-seed run of `python -m wasmbindgen fuzz` (the README gives a long run)."""
    from wasmbindgen.fuzz import fuzz

    report = fuzz(wasm_path("basics").read_bytes(), count=60, seed=7)
    assert report.other == []
    assert report.modules == 60 and report.refused > 20
    assert set(report.by_strategy) == {"flip", "truncate", "section", "section-run", "describe"}


def test_garbage_is_a_bindgen_error():
    for garbage in (b"", b"\0asm", b"\0asm\x01\0\0\0\x01\xff", bytes(range(256)) * 4):
        with pytest.raises(wasmbindgen.BindgenError):
            wasmbindgen.load(garbage)


def test_the_soak_command_stays_flat():
    """benchmarks/soak.py, shortened: the heap and linear memory do not grow."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import soak

    rows = asyncio.run(soak.soak(3000, 1000))
    assert len({heap for _, heap, _, _ in rows}) == 1
    assert len({memory for _, _, memory, _ in rows}) == 1


def test_a_loaded_module_pickles_by_its_bytes_and_options(wasm):
    import pickle

    m = wasmbindgen.load(wasm, timeout=5.0)
    again = pickle.loads(pickle.dumps(m))
    assert again is not m and again.add(2, 3) == 5 and again.__file__ == m.__file__
    assert again._instance().__dict__["_wb_rt"].limits.timeout == 5.0  # options travel too
    results = []  # unpickled, it gives each thread its own instance (the thread rule holds)
    thread = threading.Thread(target=lambda: results.append(again.add(1, 1)))
    thread.start()
    thread.join()
    assert results == [2]
    assert pickle.loads(pickle.dumps(again)).add(3, 3) == 6


def test_rust_values_refuse_pickling(wasm_path):
    import pickle

    m = wasmbindgen.load(wasm_path("exports"))
    point = m.Point(1.0, 2.0)
    with pytest.raises(TypeError, match="cannot pickle Point: it is a Rust value"):
        pickle.dumps(point)
    with pytest.raises(TypeError, match="cannot pickle a Promise"):
        pickle.dumps(wasmbindgen.Promise.resolve(1))


def _add_one(module, x):
    return module.add(x, 1)


def test_a_process_pool_ships_the_module(wasm):
    import concurrent.futures
    import functools

    m = wasmbindgen.load(wasm)
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        assert list(pool.map(functools.partial(_add_one, m), range(6))) == [1, 2, 3, 4, 5, 6]


def _spin_with_timeout(path: str) -> str:
    m = wasmbindgen.load(path, timeout=0.2)
    try:
        m.spin_forever()
    except wasmbindgen.Timeout as exc:
        return type(exc).__name__
    return "not stopped"


def test_the_timeout_works_in_a_forked_child(wasm):
    """The epoch ticker is a thread: a forked child starts its own for the engines it got."""
    import concurrent.futures
    import multiprocessing

    wasmbindgen.load(wasm, timeout=1.0).add(1, 2)  # the parent's ticker runs
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        assert pool.submit(_spin_with_timeout, str(wasm)).result(timeout=60) == "Timeout"


def test_a_python_thread_runs_while_wasm_does(wasm):
    """A call into wasm lets other Python threads run (it releases the GIL when one exists)."""
    m = wasmbindgen.load(wasm, timeout=0.5)
    ticks: list[float] = []
    stop = threading.Event()

    def count() -> None:
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.005)

    worker = threading.Thread(target=count)
    worker.start()
    try:
        time.sleep(0.02)
        before = len(ticks)
        with pytest.raises(wasmbindgen.Timeout):
            m.spin_forever()
        assert len(ticks) - before > 20  # it kept running through the half second
    finally:
        stop.set()
        worker.join()


def test_a_dask_cluster_maps_a_rust_export(wasm):
    distributed = pytest.importorskip("distributed")
    m = wasmbindgen.load(wasm)

    def work(x: int) -> int:  # cloudpickle ships it by value, with the module it uses
        return m.add(x, 100)

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:  # fmt: skip
        assert client.gather(client.map(work, range(8))) == [100 + i for i in range(8)]
