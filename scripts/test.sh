#!/usr/bin/env bash
# The whole test suite: both Rust toolchains, the package with its test extras, lint and types,
# the test crates of every supported wasm-bindgen release, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
python3 -m pip install -q -e '.[test]' 2>&1 | grep -v "Running pip as the 'root' user" || true
python3 -m ruff check src tests benchmarks
python3 -m mypy
python3 tests/crate_builds.py
WASMBINDGEN_SKIP_CARGO=1 python3 -m pytest -q "$@"
