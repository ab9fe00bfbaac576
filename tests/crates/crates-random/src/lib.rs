//! getrandom (its wasm_js backend), rand and uuid, as their users call them.
use rand::{Rng, RngExt};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn getrandom_bytes(n: usize) -> Result<Vec<u8>, String> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf)
}

#[wasm_bindgen]
pub fn getrandom_u64() -> Result<u64, String> {
    getrandom::u64().map_err(|e| e.to_string())
}

/// `n` dice rolls from the thread-local generator rand seeds from getrandom.
#[wasm_bindgen]
pub fn dice(n: usize) -> Vec<u8> {
    let mut rng = rand::rng();
    (0..n).map(|_| rng.random_range(1..=6)).collect()
}

#[wasm_bindgen]
pub fn shuffled(n: u32) -> Vec<u32> {
    use rand::seq::SliceRandom;
    let mut items: Vec<u32> = (0..n).collect();
    items.shuffle(&mut rand::rng());
    items
}

#[wasm_bindgen]
pub fn unit_floats(n: usize) -> Vec<f64> {
    let mut rng = rand::rng();
    (0..n).map(|_| rng.random::<f64>()).collect()
}

#[wasm_bindgen]
pub fn next_u32_via_trait() -> u32 {
    let mut rng = rand::rng();
    rng.next_u32()
}

#[wasm_bindgen]
pub fn uuid_v4() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[wasm_bindgen]
pub fn uuid_v4_version() -> usize {
    uuid::Uuid::new_v4().get_version_num()
}
