//! A module with a suspending import (JSPI): refused at load, like a JSPI export.
#![allow(deprecated)] // JSPI is marked experimental
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(suspending)]
    fn host_value() -> JsValue;
}

#[wasm_bindgen]
pub fn read_host() -> JsValue {
    host_value()
}
