#!/usr/bin/env bash
# Debian's Rust 1.63 toolchain, the wasm32 standard library and the packaged wasm-bindgen 0.2.83
# crates. wasm-bindgen 0.2.83 needs rustc's legacy wasm32 C ABI, so a 2025+ rustc will not do.
set -euo pipefail
registry=/usr/share/cargo/registry
if [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/wasm32-unknown-unknown ] \
   && [ -d "$registry/wasm-bindgen-0.2.83" ] && [ -d "$registry/js-sys-0.3.60" ] \
   && [ -d "$registry/console_error_panic_hook-0.1.7" ] && [ -d "$registry/chrono-0.4.23" ] \
   && [ -d "$registry/iana-time-zone-0.1.53" ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq rustc cargo libstd-rust-dev-wasm32 lld \
  librust-wasm-bindgen-dev librust-js-sys-dev librust-futures-dev \
  librust-console-error-panic-hook-dev librust-chrono-dev librust-iana-time-zone-dev >/dev/null
