//! Imports of every shape, bound to Python.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
    #[wasm_bindgen(js_namespace = console, js_name = log)]
    fn log_value(v: &JsValue);

    fn host_add(a: u32, b: u32) -> u32;
    fn host_upper(s: &str) -> String;
    fn host_maybe(s: Option<String>) -> Option<String>;
    fn host_opt_f64(x: Option<f64>) -> Option<f64>;
    fn host_opt_u8(x: Option<u8>) -> Option<u8>;
    fn host_bytes(b: &[u8]) -> Vec<u8>;
    fn host_fill(b: &mut [u8]);
    fn host_value() -> JsValue;
    fn host_u64(x: u64) -> u64;
    fn host_i64(x: i64) -> i64;
    fn host_bool(x: bool) -> bool;
    fn host_char(x: char) -> char;
    fn host_f32(x: f32) -> f32;
    fn host_owned_string(s: String) -> u32;
    fn host_values(v: Box<[JsValue]>) -> Box<[JsValue]>;
    fn missing_function() -> u32;

    #[wasm_bindgen(js_name = hostRenamed)]
    fn host_renamed() -> u32;

    #[wasm_bindgen(catch)]
    fn host_may_fail(fail: bool) -> Result<u32, JsValue>;
    #[wasm_bindgen(catch)]
    fn host_may_fail_string(fail: bool) -> Result<String, JsValue>;

    #[wasm_bindgen(variadic)]
    fn host_sum(first: u32, rest: Box<[JsValue]>) -> u32;

    #[wasm_bindgen(js_namespace = ["outer", "inner"])]
    fn nested() -> u32;

    // a class
    type Widget;
    #[wasm_bindgen(constructor)]
    fn new(size: u32) -> Widget;
    #[wasm_bindgen(method)]
    fn grow(this: &Widget, by: u32) -> u32;
    #[wasm_bindgen(method, getter)]
    fn size(this: &Widget) -> u32;
    #[wasm_bindgen(method, setter)]
    fn set_size(this: &Widget, size: u32);
    #[wasm_bindgen(method, getter = label)]
    fn label(this: &Widget) -> String;
    #[wasm_bindgen(static_method_of = Widget)]
    fn default_size() -> u32;
    #[wasm_bindgen(static_method_of = Widget, js_name = make)]
    fn make_widget(size: u32) -> Widget;
    #[wasm_bindgen(method, final, js_name = grow)]
    fn grow_final(this: &Widget, by: u32) -> u32;
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get_item(this: &Widget, key: &str) -> JsValue;
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_item(this: &Widget, key: &str, value: &JsValue);
    #[wasm_bindgen(method, structural, indexing_deleter)]
    fn delete_item(this: &Widget, key: &str);
    #[wasm_bindgen(catch, constructor, js_class = "Widget")]
    fn try_new(size: u32) -> Result<Widget, JsValue>;

    #[wasm_bindgen(static_method_of = Widget, getter = count)]
    fn widget_count() -> u32;

    // duck-typed object
    type Duck;
    #[wasm_bindgen(method, structural)]
    fn quack(this: &Duck) -> String;
    #[wasm_bindgen(method, getter, structural)]
    fn name(this: &Duck) -> String;

    static MAGIC: JsValue;
    #[wasm_bindgen(js_namespace = Widget, js_name = DEFAULT)]
    static WIDGET_DEFAULT: JsValue;
}

#[wasm_bindgen(module = "helpers")]
extern "C" {
    fn helper_double(x: u32) -> u32;
}

#[wasm_bindgen(raw_module = "math")]
extern "C" {
    #[wasm_bindgen(js_name = gcd)]
    fn py_gcd(a: u32, b: u32) -> u32;
}

#[wasm_bindgen] pub fn hello(name: &str) { log(&format!("Hello, {}!", name)); }
#[wasm_bindgen] pub fn log_it(v: &JsValue) { log_value(v) }
#[wasm_bindgen] pub fn call_add(a: u32, b: u32) -> u32 { host_add(a, b) }
#[wasm_bindgen] pub fn call_upper(s: &str) -> String { host_upper(s) }
#[wasm_bindgen] pub fn call_maybe(s: Option<String>) -> Option<String> { host_maybe(s) }
#[wasm_bindgen] pub fn call_opt_f64(x: Option<f64>) -> Option<f64> { host_opt_f64(x) }
#[wasm_bindgen] pub fn call_opt_u8(x: Option<u8>) -> Option<u8> { host_opt_u8(x) }
#[wasm_bindgen] pub fn call_bytes(b: &[u8]) -> Vec<u8> { host_bytes(b) }
#[wasm_bindgen] pub fn call_fill(n: usize) -> Vec<u8> { let mut v = vec![0u8; n]; host_fill(&mut v); v }
#[wasm_bindgen] pub fn call_value() -> JsValue { host_value() }
#[wasm_bindgen] pub fn call_u64(x: u64) -> u64 { host_u64(x) }
#[wasm_bindgen] pub fn call_i64(x: i64) -> i64 { host_i64(x) }
#[wasm_bindgen] pub fn call_bool(x: bool) -> bool { host_bool(x) }
#[wasm_bindgen] pub fn call_char(x: char) -> char { host_char(x) }
#[wasm_bindgen] pub fn call_f32(x: f32) -> f32 { host_f32(x) }
#[wasm_bindgen] pub fn call_owned_string(s: &str) -> u32 { host_owned_string(s.to_string()) }
#[wasm_bindgen] pub fn call_values(n: u32) -> usize { host_values((0..n).map(JsValue::from).collect()).len() }
#[wasm_bindgen] pub fn call_missing() -> u32 { missing_function() }
#[wasm_bindgen] pub fn call_renamed() -> u32 { host_renamed() }
#[wasm_bindgen] pub fn call_may_fail(fail: bool) -> String {
    match host_may_fail(fail) { Ok(v) => format!("ok {}", v), Err(e) => format!("err {:?}", e) }
}
#[wasm_bindgen] pub fn call_may_fail_string(fail: bool) -> Result<String, JsValue> { host_may_fail_string(fail) }
#[wasm_bindgen] pub fn call_sum() -> u32 { host_sum(1, vec![JsValue::from(2), JsValue::from(3)].into_boxed_slice()) }
#[wasm_bindgen] pub fn call_nested() -> u32 { nested() }
#[wasm_bindgen] pub fn call_helper(x: u32) -> u32 { helper_double(x) }
#[wasm_bindgen] pub fn call_gcd(a: u32, b: u32) -> u32 { py_gcd(a, b) }
#[wasm_bindgen] pub fn widget_story() -> String {
    let w = Widget::new(3);
    let a = w.grow(2);
    w.set_size(10);
    let b = w.size();
    let c = w.grow_final(1);
    w.set_item("k", &JsValue::from(7));
    let item = w.get_item("k").as_f64();
    w.delete_item("k");
    let gone = w.get_item("k").is_undefined();
    let made = Widget::make_widget(4).size();
    format!("{} {} {} {} {:?} {} {} {} {} {}", a, b, c, w.label(), item, gone, Widget::default_size(), made, Widget::widget_count(), JsValue::from(w).is_instance_of::<Widget>())
}
#[wasm_bindgen] pub fn try_widget(size: u32) -> String {
    match Widget::try_new(size) { Ok(w) => format!("ok {}", w.size()), Err(e) => format!("err {:?}", e.as_string()) }
}
#[wasm_bindgen] pub fn is_widget(v: &JsValue) -> bool { v.is_instance_of::<Widget>() }
#[wasm_bindgen] pub fn duck(d: &JsValue) -> String {
    let d: &Duck = d.unchecked_ref();
    format!("{} says {}", d.name(), d.quack())
}
#[wasm_bindgen] pub fn magic() -> JsValue { MAGIC.clone() }
#[wasm_bindgen] pub fn widget_default() -> JsValue { WIDGET_DEFAULT.clone() }
