//! A module exporting a JSPI function (WebAssembly JS Promise Integration), which needs stack
//! switching this host does not have: wasmbindgen must refuse it at load, naming the feature.
#![allow(deprecated)] // JSPI is marked experimental
use wasm_bindgen::prelude::*;

#[wasm_bindgen(jspi)]
pub async fn wait_for_host() -> u32 {
    7
}
