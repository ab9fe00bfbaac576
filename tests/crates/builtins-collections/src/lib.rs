//! js-sys collections built-ins called from Rust, each result asserted: a failed check panics, and
//! console_error_panic_hook puts the failing line into the RustPanic the Python test sees.
#![allow(deprecated)]
use js_sys::*;
use wasm_bindgen::prelude::*;
#[allow(unused_imports)]
use wasm_bindgen::JsCast;

#[allow(dead_code)]
fn s(v: &str) -> JsValue { JsValue::from_str(v) }
#[allow(dead_code)]
fn n(v: f64) -> JsValue { JsValue::from_f64(v) }

#[wasm_bindgen(start)]
pub fn start() { console_error_panic_hook::set_once(); }

#[wasm_bindgen] pub fn collections() {
    let m = Map::new();
    m.set(&s("a"), &n(1.0)).set(&n(f64::NAN), &n(2.0));
    assert_eq!(m.size(), 2);
    assert_eq!(m.get(&n(f64::NAN)), n(2.0));
    assert!(m.has(&s("a")));
    assert!(m.delete(&s("a")));
    assert!(!m.has(&s("a")));
    let mut count = 0;
    m.for_each(&mut |_, _| count += 1);
    assert_eq!(count, 1);
    m.clear();
    assert_eq!(m.size(), 0);
    let set = Set::new(&JsValue::UNDEFINED);
    set.add(&n(1.0)).add(&n(1.0)).add(&s("1"));
    assert_eq!(set.size(), 2);
    assert!(set.has(&s("1")));
    assert!(set.delete(&n(1.0)));
    let weak = WeakMap::new();
    let key = Object::new();
    weak.set(&key, &n(5.0));
    assert_eq!(weak.get(&key), n(5.0));
    assert!(weak.has(&key));
    let wset = WeakSet::new();
    wset.add(&key);
    assert!(wset.has(&key));
    assert!(wset.delete(&key));
}

#[wasm_bindgen] pub fn misc_collections() {
    let m = Map::new();
    m.set(&s("k"), &n(1.0));
    assert_eq!(m.keys().next().unwrap().value(), s("k"));
    assert_eq!(m.values().next().unwrap().value(), n(1.0));
    assert!(Array::is_array(&m.entries().next().unwrap().value()));
    let set = Set::new(&Array::of2(&n(1.0), &n(2.0)));
    let mut count = 0;
    set.for_each(&mut |_, _, _| count += 1);
    assert_eq!(count, 2);
    assert_eq!(set.values().next().unwrap().value(), n(1.0));
    assert_eq!(set.keys().next().unwrap().value(), n(1.0));
    assert!(Array::is_array(&set.entries().next().unwrap().value()));
    set.clear();
    assert_eq!(set.size(), 0);
    let weak = WeakMap::new();
    let key = Object::new();
    weak.set(&key, &n(1.0));
    assert!(weak.delete(&key));
}

/// For bad-input tests: Python passes values that are not Maps.
#[wasm_bindgen] pub fn map_size(m: &Map) -> u32 { m.size() }

#[wasm_bindgen] pub fn map_get(m: &Map, key: &JsValue) -> JsValue { m.get(key) }
