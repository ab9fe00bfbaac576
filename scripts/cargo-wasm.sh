#!/usr/bin/env bash
# cargo build --release for wasm32 with Debian's rustc (the rustc first on PATH may lack wasm32).
set -euo pipefail
RUSTC=/usr/bin/rustc exec /usr/bin/cargo build --release --target wasm32-unknown-unknown "$@"
