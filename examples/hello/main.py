"""Use the example crate from Python, both ways: load() and a built package."""

import subprocess
import sys
from pathlib import Path

import wasmbindgen

HERE = Path(__file__).parent
WASM = HERE / "target" / "wasm32-unknown-unknown" / "release" / "hello.wasm"

m = wasmbindgen.load(WASM)
print(m.greet("world"))
print("words:", m.word_count("the quick brown fox"))
tally = m.Tally()
tally.add("one two")
print("total:", tally.add("three"), "words in", tally.texts, "texts")

# The same module as an importable, typed package.
out = HERE / "out" / "hello_pkg"
subprocess.run([sys.executable, "-m", "wasmbindgen", "build", str(WASM), "--out-dir", str(out)],
               check=True)
sys.path.insert(0, str(out.parent))
import hello_pkg  # noqa: E402

print("from the package:", hello_pkg.word_count("a b c"))
