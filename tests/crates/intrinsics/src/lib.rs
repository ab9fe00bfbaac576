//! JsValue operators, type tests and conversions: each runs one or more intrinsics.
use wasm_bindgen::prelude::*;

fn text(v: JsValue) -> String { format!("{:?}", v) }

#[wasm_bindgen] pub fn arith(a: JsValue, b: JsValue) -> String {
    format!("{} {} {} {} {} {} {}", text(&a + &b), text(&a - &b), text(&a * &b), text(&a / &b),
            text(&a % &b), text(a.pow(&b)), text(-&a))
}
#[wasm_bindgen] pub fn bits(a: JsValue, b: JsValue) -> String {
    format!("{} {} {} {} {} {} {}", text(&a & &b), text(&a | &b), text(&a ^ &b), text(&a << &b),
            text(&a >> &b), a.unsigned_shr(&b), text(a.bit_not()))
}
#[wasm_bindgen] pub fn compare(a: JsValue, b: JsValue) -> String {
    format!("{} {} {} {} {} {}", a.lt(&b), a.le(&b), a.gt(&b), a.ge(&b), a == b, a.loose_eq(&b))
}
#[wasm_bindgen] pub fn checked_div(a: JsValue, b: JsValue) -> JsValue { a.checked_div(&b) }
#[wasm_bindgen] pub fn type_of(a: JsValue) -> JsValue { a.js_typeof() }
#[wasm_bindgen] pub fn tests(a: &JsValue) -> String {
    format!("null={} undefined={} symbol={} object={} function={} bigint={} string={} truthy={} falsy={} not={}",
        a.is_null(), a.is_undefined(), a.is_symbol(), a.is_object(), a.is_function(), a.is_bigint(),
        a.is_string(), a.is_truthy(), a.is_falsy(), (!a))
}
#[wasm_bindgen] pub fn has(key: JsValue, obj: JsValue) -> bool { key.js_in(&obj) }
#[wasm_bindgen] pub fn make(kind: &str) -> JsValue {
    match kind {
        "string" => JsValue::from_str("s"),
        "number" => JsValue::from_f64(2.5),
        "int" => JsValue::from_f64(3.0),
        "bigint" => JsValue::bigint_from_str("123456789012345678901234567890"),
        "i64" => JsValue::from(-5i64),
        "u64" => JsValue::from(u64::MAX),
        "i128" => JsValue::from(-170141183460469231731687303715884105728i128),
        "u128" => JsValue::from(u128::MAX),
        "symbol" => JsValue::symbol(Some("sym")),
        "anon" => JsValue::symbol(None),
        "true" => JsValue::from_bool(true),
        "null" => JsValue::null(),
        "error" => JsError::new("bad").into(),
        "memory" => wasm_bindgen::memory(),
        "table" => wasm_bindgen::function_table(),
        _ => JsValue::undefined(),
    }
}
#[wasm_bindgen] pub fn as_number(a: &JsValue) -> Option<f64> { a.as_f64() }
#[wasm_bindgen] pub fn as_bool(a: &JsValue) -> Option<bool> { a.as_bool() }
#[wasm_bindgen] pub fn as_string(a: &JsValue) -> Option<String> { a.as_string() }
#[wasm_bindgen] pub fn to_number(a: &JsValue) -> f64 { a.unchecked_into_f64() }
#[wasm_bindgen] pub fn debug(a: &JsValue) -> String { format!("{:?}", a) }
#[wasm_bindgen] pub fn eq_str(a: &JsValue, s: &str) -> bool { *a == s }
#[wasm_bindgen]
extern "C" {
    // the host's count of live JS values: wasm_bindgen::externref_heap_live_count() counts
    // Rust's own externref slab in modules built with reference-types, which a host never fills
    fn host_live_count() -> u32;
}

#[wasm_bindgen] pub fn clone_drop(a: &JsValue) -> u32 {
    let before = host_live_count();
    let copies: Vec<JsValue> = (0..10).map(|_| a.clone()).collect();
    let during = host_live_count();
    drop(copies);
    during - before + (host_live_count() - before) * 100
}
