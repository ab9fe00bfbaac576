//! The example crate: a few exports and one import, used from Python by `main.py`.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
}

/// Greets `name` on the console and returns the greeting.
#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    let text = format!("Hello, {}!", name);
    log(&text);
    text
}

#[wasm_bindgen]
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Counts words across several texts.
#[wasm_bindgen]
pub struct Tally {
    words: usize,
    texts: u32,
}

#[wasm_bindgen]
impl Tally {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Tally {
        Tally { words: 0, texts: 0 }
    }

    pub fn add(&mut self, text: &str) -> usize {
        self.texts += 1;
        self.words += word_count(text);
        self.words
    }

    #[wasm_bindgen(getter)]
    pub fn texts(&self) -> u32 {
        self.texts
    }
}
