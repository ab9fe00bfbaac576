//! Real crates nobody here wrote, used as their users do.
use chrono::{Datelike, Local, TimeZone, Utc};
use wasm_bindgen::prelude::*;

/// console_error_panic_hook: install the hook, then panic.
#[wasm_bindgen] pub fn install_hook() { console_error_panic_hook::set_once(); }
#[wasm_bindgen] pub fn panic_with(message: &str) { panic!("{}", message); }

/// chrono with its js-sys feature: clocks come from `Date`.
#[wasm_bindgen] pub fn utc_now_millis() -> f64 { Utc::now().timestamp_millis() as f64 }
#[wasm_bindgen] pub fn local_now_millis() -> f64 { Local::now().timestamp_millis() as f64 }
#[wasm_bindgen] pub fn local_offset_seconds() -> i32 { Local::now().offset().local_minus_utc() }
#[wasm_bindgen] pub fn utc_rfc3339() -> String { Utc::now().to_rfc3339() }
#[wasm_bindgen] pub fn year_of_millis(ms: f64) -> i32 { Utc.timestamp_millis_opt(ms as i64).unwrap().year() }
#[wasm_bindgen] pub fn date_roundtrip(ms: f64) -> f64 {
    let date = js_sys::Date::new(&JsValue::from(ms));
    let dt: chrono::DateTime<Utc> = date.into();
    let back: js_sys::Date = dt.into();
    back.get_time()
}
