//! What wasm-bindgen gained after 0.2.83, on the releases that have it (0.2.122 and later):
//! string enums, 128-bit integers, Option<JsValue>, vectors of strings and structs, borrowed
//! JsValue slices, static strings, namespaced exports, several start functions, `this`,
//! scoped closures and closures handed over by value.
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Fruit {
    Apple = "apple",
    Banana = "banana",
    Cherry = "cherry",
}

#[wasm_bindgen] pub fn next_fruit(f: Fruit) -> Fruit {
    match f { Fruit::Apple => Fruit::Banana, Fruit::Banana => Fruit::Cherry, _ => Fruit::Apple }
}
#[wasm_bindgen] pub fn maybe_fruit(f: Option<Fruit>) -> Option<Fruit> { f }
#[wasm_bindgen] pub fn fruit_name(f: Fruit) -> String { format!("{:?}", f) }

#[wasm_bindgen] pub fn echo_i128(x: i128) -> i128 { x }
#[wasm_bindgen] pub fn echo_u128(x: u128) -> u128 { x }
#[wasm_bindgen] pub fn opt_i128(x: Option<i128>) -> Option<i128> { x.map(|v| v.wrapping_neg()) }
#[wasm_bindgen] pub fn i128_value(hi: i64, lo: u64) -> JsValue { JsValue::from(((hi as i128) << 64) | lo as i128) }

#[wasm_bindgen] pub fn opt_value(v: Option<JsValue>) -> Option<JsValue> { v }
#[wasm_bindgen] pub fn is_some_value(v: Option<JsValue>) -> bool { v.is_some() }

#[wasm_bindgen] pub fn echo_opt_u32(x: Option<u32>) -> Option<u32> { x }
#[wasm_bindgen] pub fn echo_opt_i32(x: Option<i32>) -> Option<i32> { x }
#[wasm_bindgen] pub fn echo_opt_f32(x: Option<f32>) -> Option<f32> { x }

#[wasm_bindgen] pub fn words(text: &str) -> Vec<String> { text.split_whitespace().map(String::from).collect() }
#[wasm_bindgen] pub fn join(parts: Vec<String>) -> String { parts.join("+") }

#[wasm_bindgen]
pub struct Tag { name: String }
#[wasm_bindgen]
impl Tag {
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str) -> Tag { Tag { name: name.into() } }
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String { self.name.clone() }
}
#[wasm_bindgen] pub fn make_tags(n: u32) -> Vec<Tag> { (0..n).map(|i| Tag { name: format!("t{}", i) }).collect() }
#[wasm_bindgen] pub fn tag_names(tags: Vec<Tag>) -> String {
    tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(",")
}

#[wasm_bindgen]
extern "C" {
    fn host_count(values: &[JsValue]) -> u32;
    #[wasm_bindgen(thread_local_v2, static_string)]
    static GREETING: js_sys::JsString = "hello from a static string";
    fn host_keep(f: Closure<dyn FnMut(u32) -> u32>);
    fn host_call_kept(x: u32) -> u32;
    fn host_call_scoped(f: &ScopedClosure<dyn FnMut(u32) -> u32>) -> u32;
}

#[wasm_bindgen] pub fn count_values(n: u32) -> u32 {
    let values: Vec<JsValue> = (0..n).map(JsValue::from).collect();
    host_count(&values)
}
#[wasm_bindgen] pub fn greeting() -> JsValue { GREETING.with(|g| JsValue::from(g.clone())) }

#[wasm_bindgen] pub fn hand_over_closure(base: u32) -> u32 {
    host_keep(Closure::new(move |x: u32| x + base));
    host_call_kept(1)
}
#[wasm_bindgen] pub fn scoped(base: u32) -> u32 {
    let mut total = 0;
    let result = {
        let mut add = |x: u32| { total += x; x + base };
        let f = ScopedClosure::borrow_mut(&mut add);
        host_call_scoped(&f)
    };
    result + total
}

#[wasm_bindgen(js_namespace = geo)]
pub fn area(w: f64, h: f64) -> f64 { w * h }
#[wasm_bindgen(js_namespace = ["geo", "solid"], js_name = area)]
pub fn volume(w: f64, h: f64, d: f64) -> f64 { w * h * d }

thread_local! { static STARTS: Cell<u32> = Cell::new(0); }
#[wasm_bindgen(start, private)]
pub fn first_start() { STARTS.with(|s| s.set(s.get() + 1)); }
#[wasm_bindgen(start)]
pub fn second_start() { STARTS.with(|s| s.set(s.get() + 10)); }
#[wasm_bindgen] pub fn starts() -> u32 { STARTS.with(|s| s.get()) }

#[wasm_bindgen(this)]
pub fn describe_this(this: &JsValue, extra: u32) -> String {
    format!("{:?} {}", this, extra)
}

#[wasm_bindgen] pub fn array_is_array(v: &JsValue) -> bool { js_sys::Array::is_array(v) }
#[wasm_bindgen] pub fn strings_of(v: JsValue) -> Option<Vec<String>> {
    use wasm_bindgen::convert::TryFromJsValue;
    Vec::<String>::try_from_js_value(v).ok()
}

#[wasm_bindgen] pub async fn js_sys_future(p: js_sys::Promise) -> Result<JsValue, JsValue> {
    js_sys::futures::JsFuture::from(p).await
}
#[wasm_bindgen] pub async fn futures_crate_future(p: js_sys::Promise) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(p).await
}
