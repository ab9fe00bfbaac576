//! Defects found on 0.2.83, tried as a new user would: each one has a Python test on every
//! supported release (tests/e2e/test_defects.py).
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;

/// A struct made by an async constructor.
#[wasm_bindgen]
pub struct Slow { v: u32 }

#[wasm_bindgen]
impl Slow {
    #[wasm_bindgen(constructor)]
    pub async fn new(v: u32) -> Slow { Slow { v } }
    #[wasm_bindgen(getter)]
    pub fn v(&self) -> u32 { self.v }
}

thread_local! { static SHARED: Cell<u32> = Cell::new(7); }

/// An instance property and a static property with the same JS name.
#[wasm_bindgen]
pub struct Dual { v: u32 }

#[wasm_bindgen]
impl Dual {
    #[wasm_bindgen(constructor)]
    pub fn new(v: u32) -> Dual { Dual { v } }
    #[wasm_bindgen(getter = value)]
    pub fn instance_value(&self) -> u32 { self.v }
    #[wasm_bindgen(setter = value)]
    pub fn set_instance_value(&mut self, v: u32) { self.v = v; }
    #[wasm_bindgen(getter = value)]
    pub fn static_value() -> u32 { SHARED.with(|s| s.get()) }
    #[wasm_bindgen(setter = value)]
    pub fn set_static_value(v: u32) { SHARED.with(|s| s.set(v)) }
}

/// Sums any number of arguments.
#[wasm_bindgen(variadic)]
pub fn sum_all(first: u32, rest: Box<[JsValue]>) -> u32 {
    first + rest.iter().map(|v| v.as_f64().unwrap_or(0.0) as u32).sum::<u32>()
}

#[wasm_bindgen]
pub fn greet_opt(name: &str, greeting: Option<String>, times: Option<u32>) -> String {
    let greeting = greeting.unwrap_or_else(|| "Hello".into());
    (0..times.unwrap_or(1)).map(|_| format!("{}, {}!", greeting, name)).collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen]
pub struct Item { id: u32 }
#[wasm_bindgen]
impl Item {
    #[wasm_bindgen(constructor)]
    pub fn new(id: u32) -> Item { Item { id } }
    pub fn id(&self) -> u32 { self.id }
}
#[wasm_bindgen] pub fn id_of(item: Option<Item>) -> i32 { item.map_or(-1, |i| i.id as i32) }
#[wasm_bindgen] pub fn consume(item: Item) -> u32 { item.id }

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = parseInt)]
    fn parse_int(text: &str) -> u32;
    fn host_echo_bytes(data: &[u8]) -> Vec<u8>;
    fn host_echo_u32s(data: &[u32]) -> Vec<u32>;
    fn host_clamped(data: Clamped<&[u8]>) -> String;
    fn host_clamped_owned(data: Clamped<Vec<u8>>) -> String;
}

#[wasm_bindgen] pub fn parse_three() -> u32 { parse_int("3") + parse_int("4.5") }
#[wasm_bindgen] pub fn echo_through_host(n: u8) -> Vec<u8> { host_echo_bytes(&(0..n).collect::<Vec<_>>()) }
#[wasm_bindgen] pub fn echo_u32s_through_host() -> Vec<u32> { host_echo_u32s(&[1, 70_000, 3]) }
#[wasm_bindgen] pub fn clamped_to_host() -> String {
    format!("{} {}", host_clamped(Clamped(&[1, 2, 255])), host_clamped_owned(Clamped(vec![9, 8])))
}

/// Shows its fields.
#[wasm_bindgen(inspectable)]
pub struct Pt {
    pub x: i32,
    pub y: i32,
}
#[wasm_bindgen]
impl Pt {
    #[wasm_bindgen(constructor)]
    pub fn new(x: i32, y: i32) -> Pt { Pt { x, y } }
}

/// Shades of grey.
#[wasm_bindgen]
pub enum Shade {
    /// The darkest.
    Dark = 0,
    /// Neither.
    Mid = 1,
    Light = 2,
}
#[wasm_bindgen] pub fn lighter(s: Shade) -> Shade {
    match s { Shade::Dark => Shade::Mid, _ => Shade::Light }
}
