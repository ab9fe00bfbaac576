#!/usr/bin/env bash
# Debian's Rust 1.63 toolchain, the wasm32 standard library and the packaged wasm-bindgen 0.2.83
# crates. wasm-bindgen 0.2.83 needs rustc's legacy wasm32 C ABI, so a 2025+ rustc will not do.
set -euo pipefail
if [ -x /usr/bin/rustc ] && [ -d /usr/share/cargo/registry/wasm-bindgen-0.2.83 ] \
   && [ -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq rustc cargo libstd-rust-dev-wasm32 lld \
  librust-wasm-bindgen-dev librust-js-sys-dev librust-futures-dev \
  librust-console-error-panic-hook-dev librust-chrono-dev >/dev/null
