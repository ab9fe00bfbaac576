#!/usr/bin/env bash
# The main job: build the example crate and use it from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
python3 -m pip install -q . 2>&1 | grep -v "Running pip as the 'root' user" || true
(cd examples/hello && bash ../../scripts/cargo-wasm.sh --quiet)
python3 examples/hello/main.py
