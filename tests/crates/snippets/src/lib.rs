//! inline_js and a crate-local JS module: the host needs Python replacements for both.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function inline_add(a, b) { return a + b; }")]
extern "C" {
    fn inline_add(a: u32, b: u32) -> u32;
}

#[wasm_bindgen(module = "/js/local.js")]
extern "C" {
    fn local_name() -> String;
}

#[wasm_bindgen] pub fn use_inline(a: u32, b: u32) -> u32 { inline_add(a, b) }
#[wasm_bindgen] pub fn use_local() -> String { local_name() }
