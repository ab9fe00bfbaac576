"""Real crates nobody here wrote: console_error_panic_hook and chrono (js-sys feature)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime

import pytest

import wasmbindgen


@pytest.fixture
def m(wasm_path):
    return wasmbindgen.load(wasm_path("thirdparty"))


def test_console_error_panic_hook_message_and_stack_reach_rust_panic(m, capsys):
    m.install_hook()
    with pytest.raises(wasmbindgen.RustPanic) as caught:
        m.panic_with("the answer is not 41")
    text = str(caught.value)
    # rustc 1.63 writes "panicked at 'msg', file:line", later ones "panicked at file:line:\nmsg"
    assert "panicked at" in text and "the answer is not 41" in text
    assert "thirdparty/src/lib.rs" in text
    assert "Stack:" in text and "test_thirdparty.py" in text  # the Python side of the stack
    assert "the answer is not 41" in capsys.readouterr().err  # console.error
    with pytest.raises(wasmbindgen.RustPanic, match=r"the answer is not 41.*refuses further"):
        m.utc_now_millis()


def test_without_the_hook_a_panic_is_still_a_rust_panic(m):
    with pytest.raises(wasmbindgen.RustPanic, match="unreachable"):
        m.panic_with("quiet")


def test_chrono_clocks_agree_with_python(m):
    before = time.time() * 1000
    utc, local = m.utc_now_millis(), m.local_now_millis()
    after = time.time() * 1000
    assert before - 1 <= utc <= after + 1 and before - 1 <= local <= after + 1
    stamp = datetime.fromisoformat(m.utc_rfc3339())
    assert abs(stamp.timestamp() * 1000 - utc) < 1000
    assert m.year_of_millis(0) == 1970
    assert m.date_roundtrip(1_234_567_890_123.0) == 1_234_567_890_123.0


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "America/New_York"])
def test_chrono_local_offset_follows_the_process_time_zone(wasm_path, zone):
    script = textwrap.dedent(f"""
        import time, datetime, wasmbindgen
        time.tzset()
        m = wasmbindgen.load({str(wasm_path("thirdparty"))!r})
        expected = datetime.datetime.now().astimezone().utcoffset().total_seconds()
        print(m.local_offset_seconds(), int(expected))
    """)
    env = dict(os.environ, TZ=zone)
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    got, expected = out.stdout.split()
    assert got == expected
