#!/usr/bin/env bash
# Both Rust toolchains the test crates need, from Debian's packages (no rustup downloads here):
#
# legacy  — Debian's rustc 1.63 with its wasm32 standard library and packaged crates, for
#           wasm-bindgen 0.2.83, which needs rustc's legacy wasm32 C ABI (removed in 2025).
#           Crates come from Debian's registry directory, merged with the two crates.io
#           crates Debian lacks (wasm-bindgen-futures 0.4.33 and web-sys, which it names).
# current — rustc/cargo 1.96 (rustc-web, bookworm-security) for today's wasm-bindgen. It
#           conflicts with rustc 1.63 in apt (both ship /usr/bin/rust-clang), so its .debs are
#           unpacked into a private prefix; its wasm32 std is built from source by
#           scripts/cargo-wasm.sh (-Zbuild-std), and crates come from crates.io.
set -euo pipefail
prefix=/opt/wasmbindgen
current=$prefix/rust-1.96
legacy_registry=$prefix/registry-legacy
debian_registry=/usr/share/cargo/registry
legacy_crates=(wasm-bindgen-0.2.83 js-sys-0.3.60 futures-core-0.3.21 console_error_panic_hook-0.1.7
               chrono-0.4.23 iana-time-zone-0.1.53)
from_crates_io=(wasm-bindgen-futures-0.4.33 web-sys-0.3.60)

legacy_ready() {
  [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/wasm32-unknown-unknown ] || return 1
  for crate in "${legacy_crates[@]}" "${from_crates_io[@]}"; do
    [ -e "$legacy_registry/$crate/Cargo.toml" ] || return 1
  done
}

current_ready() {
  [ -x "$current/usr/bin/rustc" ] && [ -d "$current/usr/lib/rustlib/src/rust/library" ] \
    && PATH="$current/usr/bin:$PATH" \
       LD_LIBRARY_PATH="$current/usr/lib/x86_64-linux-gnu:$current/usr/lib/llvm-22/lib" \
       "$current/usr/bin/rustc" -V >/dev/null 2>&1
}

if legacy_ready && current_ready; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq

if ! legacy_ready; then
  apt-get install -y -qq rustc cargo libstd-rust-dev-wasm32 lld \
    librust-wasm-bindgen-dev librust-js-sys-dev librust-futures-dev librust-cfg-if-dev \
    librust-console-error-panic-hook-dev librust-chrono-dev librust-iana-time-zone-dev >/dev/null
  rm -rf "$legacy_registry.new" && mkdir -p "$legacy_registry.new"
  for entry in "$debian_registry"/*; do
    ln -s "$entry" "$legacy_registry.new/"
  done
  for crate in "${from_crates_io[@]}"; do
    name=${crate%-*}
    file=$(mktemp)
    curl -fsSL "https://static.crates.io/crates/$name/$crate.crate" -o "$file"
    tar -xzf "$file" -C "$legacy_registry.new"
    printf '{"package":"%s","files":{}}' "$(sha256sum "$file" | cut -d' ' -f1)" \
      >"$legacy_registry.new/$crate/.cargo-checksum.json"
    rm -f "$file"
  done
  rm -rf "$legacy_registry" && mv "$legacy_registry.new" "$legacy_registry"
fi

if ! current_ready; then
  # What the unpacked binaries link against (none of it conflicts with the legacy toolchain).
  apt-get install -y -qq curl gcc libc6-dev binutils libedit2 libffi8 libxml2 libz3-4 libzstd1 \
    zlib1g libcurl4 libsqlite3-0 libssh2-1 libssl3 >/dev/null
  work=$(mktemp -d)
  (cd "$work" && apt-get download -qq rustc-web cargo-web rust-web-src rust-web-llvm \
     libstd-rust-web-dev "libstd-rust-web-1.96" lld-22 libllvm22 libgit2-1.5 2>/dev/null)
  rm -rf "$current" && mkdir -p "$current"
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$current"
  done
  rm -rf "$work"
  current_ready || { echo "setup-toolchain: rustc 1.96 in $current does not run" >&2; exit 1; }
fi
