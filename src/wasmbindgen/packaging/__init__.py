"""From a Cargo project to a Python package and a wheel: ``toolchain`` finds a cargo that can
build for wasm32, ``cargo`` reads the crate and builds it, ``wheel`` packs a built package."""
