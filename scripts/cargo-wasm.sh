#!/usr/bin/env bash
# cargo build --release --target wasm32-unknown-unknown in the current directory, with one of the
# two toolchains scripts/setup-toolchain.sh installs:
#
#   cargo-wasm.sh current [cargo args]   rustc 1.96, for wasm-bindgen 0.2.88 and later
#   cargo-wasm.sh legacy  [cargo args]   Debian's rustc 1.63, for wasm-bindgen 0.2.83
#
# The current toolchain has no prebuilt wasm32 standard library, so it is built from source
# (-Zbuild-std, about 45 s once per target directory). WASMBINDGEN_PANIC=unwind builds with
# panic=unwind and wasm exception handling instead of panic=abort.
set -euo pipefail
toolchain=${1:?usage: cargo-wasm.sh current|legacy [cargo args]}
shift
case "$toolchain" in
  legacy)
    # Debian's packaged crates, offline (the directory source is set in .cargo/config.toml).
    RUSTC=/usr/bin/rustc exec /usr/bin/cargo build --release --target wasm32-unknown-unknown "$@"
    ;;
  current)
    prefix=/opt/wasmbindgen/rust-1.96
    export PATH="$prefix/usr/bin:$PATH"
    export LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu:$prefix/usr/lib/llvm-22/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export RUSTC="$prefix/usr/bin/rustc" RUSTDOC="$prefix/usr/bin/rustdoc"
    export RUSTC_BOOTSTRAP=1  # -Zbuild-std on a stable toolchain
    if [ "${WASMBINDGEN_PANIC:-abort}" = unwind ]; then
      std=std,panic_unwind
      export RUSTFLAGS="${RUSTFLAGS:-} -Cpanic=unwind -Ctarget-feature=+exception-handling -Cllvm-args=-wasm-use-legacy-eh=false"
    else
      std=std,panic_abort
    fi
    exec "$prefix/usr/bin/cargo" build --release --target wasm32-unknown-unknown \
      -Zbuild-std="$std" "$@"
    ;;
  *)
    echo "cargo-wasm.sh: unknown toolchain '$toolchain' (current or legacy)" >&2
    exit 2
    ;;
esac
