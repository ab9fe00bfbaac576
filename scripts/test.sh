#!/usr/bin/env bash
# The whole test suite: toolchain, package with test extras, lint and types, test crates, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
python3 -m pip install -q -e '.[test]' 2>&1 | grep -v "Running pip as the 'root' user" || true
python3 -m ruff check src tests benchmarks
python3 -m mypy
(cd tests/crates && bash ../../scripts/cargo-wasm.sh --quiet)
WASMBINDGEN_SKIP_CARGO=1 python3 -m pytest -q "$@"
