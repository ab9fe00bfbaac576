#!/usr/bin/env bash
# The main job: build the example crate (today's wasm-bindgen, rustc 1.96) and use it from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
python3 -m pip install -q . 2>&1 | grep -v "Running pip as the 'root' user" || true
(cd examples/hello && bash ../../scripts/cargo-wasm.sh current --quiet --locked)
python3 examples/hello/main.py
