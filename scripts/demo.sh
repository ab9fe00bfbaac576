#!/usr/bin/env bash
# The main job: build the example crate (today's wasm-bindgen, rustc 1.96) into a wheel with
# wasmbindgen, install it with pip and use it from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
python3 -m pip install -q . 2>&1 | grep -v "Running pip as the 'root' user" || true
python3 -m wasmbindgen build examples/hello --wheel
python3 -m pip install -q --force-reinstall --no-deps examples/hello/pkg/hello-0.1.0-py3-none-any.whl 2>&1 \
  | grep -v "Running pip as the 'root' user" || true
(cd /tmp && python3 "$OLDPWD/examples/hello/main.py")
