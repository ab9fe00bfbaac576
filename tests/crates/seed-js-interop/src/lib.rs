//! The example of `shared/seeds/js-interop-overview.txt`: a plain wasm import (module "env", as
//! the seed says) and a plain export, numbers only, beside one #[wasm_bindgen] export (without
//! wasm-bindgen data a module is not wasmbindgen's to load). Today's Rust spells the seed's
//! `extern { fn foo(); }` and `pub extern fn bar()` with `"C"` and `#[no_mangle]`, and its
//! `#[wasm_import_module]` as `#[link(wasm_import_module = "env")]` (LLD now refuses undefined
//! symbols rather than importing them from "env").
use wasm_bindgen::prelude::*;

// import a JS function called `foo` from the module `env`
#[link(wasm_import_module = "env")]
extern "C" {
    fn foo();
    fn add_numbers(a: i32, b: f64) -> f64;
}

// export a Rust function called `bar`
#[no_mangle]
pub extern "C" fn bar() {
    unsafe { foo() }
}

#[no_mangle]
pub extern "C" fn scaled_sum(a: i32, b: f64) -> f64 {
    unsafe { add_numbers(a, b) * 2.0 }
}

#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    format!("Hello, {}!", name)
}
