"""Use the example crate from Python, both ways: the installed package (the wheel `python -m
wasmbindgen build examples/hello --wheel` made) and load() on the raw module."""

from pathlib import Path

import hello  # the wheel, installed with pip

import wasmbindgen

print(hello.greet("world"))
print("words:", hello.word_count("the quick brown fox"))
tally = hello.Tally()
tally.add("one two")
print("total:", tally.add("three"), "words in", tally.texts, "texts")

# The raw module cargo wrote, loaded without a package; its console goes to logging here.
WASM = Path(__file__).parent / "target" / "wasm32-unknown-unknown" / "release" / "hello.wasm"
m = wasmbindgen.load(WASM, console="logging")
print("from load():", m.word_count("a b c"))
