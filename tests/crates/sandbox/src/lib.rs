//! Guests that misbehave: endless loops, memory bombs, deep recursion (tests/e2e/test_sandbox.py).
use wasm_bindgen::prelude::*;

/// Counts to `n` the slow way (a busy loop the optimizer cannot remove).
#[wasm_bindgen]
pub fn spin(n: u64) -> u64 {
    let mut x: u64 = 0;
    for i in 0..n {
        x = core::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
    }
    x
}

/// Never returns.
#[wasm_bindgen]
pub fn spin_forever() -> u32 {
    let mut x: u32 = 0;
    loop {
        x = core::hint::black_box(x.wrapping_add(1));
    }
}

/// Allocates `mib` MiB and touches every page.
#[wasm_bindgen]
pub fn allocate(mib: u32) -> u32 {
    let mut block = vec![0u8; (mib as usize) << 20];
    for i in (0..block.len()).step_by(65536) {
        block[i] = 1;
    }
    core::hint::black_box(&block);
    block.iter().step_by(65536).map(|&b| b as u32).sum()
}

/// Grows a Vec without bound.
#[wasm_bindgen]
pub fn hoard() -> usize {
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    loop {
        chunks.push(vec![1u8; 1 << 20]);
        core::hint::black_box(&chunks);
    }
}

/// Recurses `depth` times in Rust.
#[wasm_bindgen]
pub fn recurse(depth: u32) -> u32 {
    if depth == 0 {
        0
    } else {
        core::hint::black_box(recurse(depth - 1)) + 1
    }
}

/// Calls `f(depth - 1)` back in the host: Python -> Rust -> Python -> ...
#[wasm_bindgen]
pub fn bounce(f: &js_sys::Function, depth: u32) -> Result<JsValue, JsValue> {
    f.call1(&JsValue::NULL, &JsValue::from(depth))
}

#[wasm_bindgen]
pub fn add(a: u32, b: u32) -> u32 {
    a.wrapping_add(b)
}
