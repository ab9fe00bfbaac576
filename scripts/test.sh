#!/usr/bin/env bash
# The whole test suite: both Rust toolchains, the package with its test extras (and its compiled
# boundary, which must build here), lint and types, the test crates of every supported
# wasm-bindgen release, then pytest twice: on the compiled boundary, and on the pure-Python one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-toolchain.sh
# the compiled boundary needs a C compiler and Python's headers (Debian's python3-dev for its
# own python3; other builds of Python ship theirs)
headers=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['include'])")
if ! command -v gcc >/dev/null || [ ! -e "$headers/Python.h" ]; then
  apt-get update -qq && apt-get install -y -qq gcc libc6-dev python3-dev >/dev/null
fi
WASMBINDGEN_REQUIRE_NATIVE=1 python3 -m pip install -q -e '.[test]' 2>&1 \
  | grep -v "Running pip as the 'root' user" || true
python3 -m ruff check src tests benchmarks
python3 -m mypy
python3 tests/crate_builds.py
echo "== pytest on the compiled boundary"
WASMBINDGEN_REQUIRE_NATIVE=1 WASMBINDGEN_SKIP_CARGO=1 python3 -m pytest -q "$@"
echo "== pytest on the pure-Python boundary (WASMBINDGEN_PURE=1)"
WASMBINDGEN_PURE=1 WASMBINDGEN_SKIP_CARGO=1 python3 -m pytest -q "$@"
