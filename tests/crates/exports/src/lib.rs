//! Exports of every supported type, in both directions.
use wasm_bindgen::prelude::*;

macro_rules! echo_numbers {
    ($($name:ident $opt:ident $vec:ident $slice_sum:ident $mut_slice:ident : $t:ty),*) => {$(
        #[wasm_bindgen] pub fn $name(x: $t) -> $t { x }
        #[wasm_bindgen] pub fn $opt(x: Option<$t>) -> Option<$t> { x }
        #[wasm_bindgen] pub fn $vec(x: Vec<$t>) -> Vec<$t> { x.into_iter().rev().collect() }
        #[wasm_bindgen] pub fn $slice_sum(x: &[$t]) -> f64 { x.iter().map(|v| *v as f64).sum() }
        #[wasm_bindgen] pub fn $mut_slice(x: &mut [$t]) { for v in x.iter_mut() { *v = *v + (1 as $t); } }
    )*};
}

echo_numbers! {
    echo_i8 echo_opt_i8 rev_i8 sum_i8 inc_i8: i8,
    echo_u8 echo_opt_u8 rev_u8 sum_u8 inc_u8: u8,
    echo_i16 echo_opt_i16 rev_i16 sum_i16 inc_i16: i16,
    echo_u16 echo_opt_u16 rev_u16 sum_u16 inc_u16: u16,
    echo_i32 echo_opt_i32 rev_i32 sum_i32 inc_i32: i32,
    echo_u32 echo_opt_u32 rev_u32 sum_u32 inc_u32: u32,
    echo_i64 echo_opt_i64 rev_i64 sum_i64 inc_i64: i64,
    echo_u64 echo_opt_u64 rev_u64 sum_u64 inc_u64: u64,
    echo_f32 echo_opt_f32 rev_f32 sum_f32 inc_f32: f32,
    echo_f64 echo_opt_f64 rev_f64 sum_f64 inc_f64: f64
}

#[wasm_bindgen] pub fn echo_isize(x: isize) -> isize { x }
#[wasm_bindgen] pub fn echo_usize(x: usize) -> usize { x }
#[wasm_bindgen] pub fn add(a: u32, b: u32) -> u32 { a.wrapping_add(b) }
#[wasm_bindgen] pub fn echo_bool(x: bool) -> bool { x }
#[wasm_bindgen] pub fn echo_opt_bool(x: Option<bool>) -> Option<bool> { x }
#[wasm_bindgen] pub fn echo_char(x: char) -> char { x }
#[wasm_bindgen] pub fn echo_opt_char(x: Option<char>) -> Option<char> { x }
#[wasm_bindgen] pub fn echo_str(x: &str) -> String { x.to_string() }
#[wasm_bindgen] pub fn repeat_str(s: &str, n: u32) -> String { s.repeat(n as usize) }
#[wasm_bindgen] pub fn echo_string(x: String) -> String { x }
#[wasm_bindgen] pub fn echo_opt_string(x: Option<String>) -> Option<String> { x }
#[wasm_bindgen] pub fn str_len(x: &str) -> usize { x.len() }
#[wasm_bindgen] pub fn char_count(x: &str) -> usize { x.chars().count() }
#[wasm_bindgen] pub fn word_count(x: &str) -> usize { x.split_whitespace().count() }
#[wasm_bindgen] pub fn sum_bytes(x: &[u8]) -> u32 { x.iter().map(|b| *b as u32).sum() }
#[wasm_bindgen] pub fn echo_bytes(x: &[u8]) -> Vec<u8> { x.to_vec() }
#[wasm_bindgen] pub fn echo_opt_bytes(x: Option<Vec<u8>>) -> Option<Vec<u8>> { x }
#[wasm_bindgen] pub fn boxed_bytes(n: u32) -> Box<[u8]> { (0..n).map(|i| i as u8).collect() }
#[wasm_bindgen] pub fn clamp_len(x: wasm_bindgen::Clamped<Vec<u8>>) -> usize { x.0.len() }
#[wasm_bindgen] pub fn nothing() {}

// JsValue
#[wasm_bindgen] pub fn echo_value(x: JsValue) -> JsValue { x }
#[wasm_bindgen] pub fn echo_value_ref(x: &JsValue) -> JsValue { x.clone() }
#[wasm_bindgen] pub fn is_same(a: &JsValue, b: &JsValue) -> bool { a == b }
#[wasm_bindgen] pub fn value_list(n: u32) -> Box<[JsValue]> {
    (0..n).map(|i| if i % 2 == 0 { JsValue::from(i) } else { JsValue::from_str(&i.to_string()) }).collect()
}
#[wasm_bindgen] pub fn value_list_len(x: Box<[JsValue]>) -> usize { x.len() }
#[wasm_bindgen] pub fn echo_value_list(x: Box<[JsValue]>) -> Box<[JsValue]> { x }
#[wasm_bindgen] pub fn describe_value(x: &JsValue) -> String { format!("{:?}", x) }
#[wasm_bindgen] pub fn undefined_value() -> JsValue { JsValue::UNDEFINED }
#[wasm_bindgen] pub fn null_value() -> JsValue { JsValue::NULL }
#[wasm_bindgen] pub fn true_value() -> JsValue { JsValue::TRUE }
#[wasm_bindgen] pub fn value_kinds(x: &JsValue) -> String {
    format!("null={} undefined={} string={:?} number={:?} bool={:?} object={} function={} truthy={}",
        x.is_null(), x.is_undefined(), x.as_string(), x.as_f64(), x.as_bool(), x.is_object(),
        x.is_function(), x.is_truthy())
}

// Results
#[wasm_bindgen] pub fn checked_div(a: i32, b: i32) -> Result<i32, JsValue> {
    if b == 0 { Err(JsValue::from_str("division by zero")) } else { Ok(a / b) }
}
#[wasm_bindgen] pub fn parse_f64(s: &str) -> Result<f64, JsError> {
    s.parse::<f64>().map_err(|e| JsError::new(&e.to_string()))
}
#[wasm_bindgen] pub fn maybe_string(ok: bool) -> Result<String, JsValue> {
    if ok { Ok("fine".into()) } else { Err(JsValue::from(42)) }
}
#[wasm_bindgen] pub fn maybe_unit(ok: bool) -> Result<(), JsValue> {
    if ok { Ok(()) } else { Err(JsValue::from_str("unit failed")) }
}
#[wasm_bindgen] pub fn maybe_opt_f64(ok: bool, v: Option<f64>) -> Result<Option<f64>, JsValue> {
    if ok { Ok(v) } else { Err(JsValue::NULL) }
}
#[wasm_bindgen] pub fn maybe_point(ok: bool) -> Result<Point, JsValue> {
    if ok { Ok(Point { x: 1.0, y: 2.0 }) } else { Err(JsValue::from_str("no point")) }
}
#[wasm_bindgen] pub fn throw_str_now(msg: &str) { wasm_bindgen::throw_str(msg) }
#[wasm_bindgen] pub fn throw_value(v: JsValue) { wasm_bindgen::throw_val(v) }
#[wasm_bindgen] pub fn panic_now(msg: &str) { panic!("{}", msg) }

// Enums
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq)]
/// A colour, with explicit discriminants.
pub enum Color { Red = 1, Green = 2, Blue = 5 }
#[wasm_bindgen] pub enum Unit { Only }
#[wasm_bindgen] pub fn next_color(c: Color) -> Color {
    match c { Color::Red => Color::Green, Color::Green => Color::Blue, Color::Blue => Color::Red }
}
#[wasm_bindgen] pub fn echo_opt_color(c: Option<Color>) -> Option<Color> { c }
#[wasm_bindgen] pub fn only_unit(u: Unit) -> u32 { match u { Unit::Only => 7 } }

// Structs
/// A point in the plane.
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub struct Point { pub x: f64, pub y: f64 }

#[wasm_bindgen]
impl Point {
    #[wasm_bindgen(constructor)]
    pub fn new(x: f64, y: f64) -> Point { Point { x, y } }
    pub fn origin() -> Point { Point { x: 0.0, y: 0.0 } }
    /// Distance from the origin.
    pub fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }
    pub fn scale(&mut self, k: f64) { self.x *= k; self.y *= k; }
    pub fn into_sum(self) -> f64 { self.x + self.y }
    pub fn add(&self, other: &Point) -> Point { Point { x: self.x + other.x, y: self.y + other.y } }
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_string_js(&self) -> String { format!("({}, {})", self.x, self.y) }
}

#[wasm_bindgen]
pub struct Counter { count: u32, label: String }

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new(label: &str) -> Result<Counter, JsValue> {
        if label.is_empty() { return Err(JsValue::from_str("empty label")); }
        Ok(Counter { count: 0, label: label.into() })
    }
    pub fn increment(&mut self) -> u32 { self.count += 1; self.count }
    #[wasm_bindgen(getter)]
    pub fn count(&self) -> u32 { self.count }
    #[wasm_bindgen(setter)]
    pub fn set_count(&mut self, v: u32) { self.count = v; }
    #[wasm_bindgen(getter = label)]
    pub fn label_text(&self) -> String { self.label.clone() }
    pub fn into_label(self) -> String { self.label }
    pub fn call_with(&self, f: &js_sys_free::Callback) -> u32 { f.call(self.count) }
}

/// Not constructible from Python.
#[wasm_bindgen]
pub struct Token { #[wasm_bindgen(readonly)] pub id: u32 }
#[wasm_bindgen] pub fn make_token(id: u32) -> Token { Token { id } }
#[wasm_bindgen] pub fn token_id(t: Token) -> u32 { t.id }
#[wasm_bindgen] pub fn token_id_ref(t: &Token) -> u32 { t.id }
#[wasm_bindgen] pub fn maybe_token(id: Option<u32>) -> Option<Token> { id.map(|id| Token { id }) }
#[wasm_bindgen] pub fn opt_token_id(t: Option<Token>) -> Option<u32> { t.map(|t| t.id) }
#[wasm_bindgen] pub fn point_as_value(x: f64) -> JsValue { Point { x, y: 0.0 }.into() }

#[wasm_bindgen(js_name = renamedFunction)]
pub fn renamed_function() -> u32 { 5 }

#[wasm_bindgen(js_name = Renamed)]
pub struct RenamedStruct { value: u32 }
#[wasm_bindgen(js_class = Renamed)]
impl RenamedStruct {
    #[wasm_bindgen(constructor)]
    pub fn new() -> RenamedStruct { RenamedStruct { value: 3 } }
    #[wasm_bindgen(js_name = getValue)]
    pub fn value(&self) -> u32 { self.value }
}

#[wasm_bindgen] pub fn keyword_args(lambda: u32, from: u32) -> u32 { lambda + from }

pub mod js_sys_free {
    use wasm_bindgen::prelude::*;
    #[wasm_bindgen]
    extern "C" {
        pub type Callback;
        #[wasm_bindgen(method, js_name = call)]
        pub fn call(this: &Callback, x: u32) -> u32;
    }
}

static mut STARTED: u32 = 0;
#[wasm_bindgen(start)]
pub fn on_start() { unsafe { STARTED += 1; } }
#[wasm_bindgen] pub fn start_count() -> u32 { unsafe { STARTED } }
