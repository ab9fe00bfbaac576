use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn add(a: u32, b: u32) -> u32 { a.wrapping_add(b) }

#[wasm_bindgen]
pub fn greet(name: &str) -> String { format!("Hello, {}!", name) }
