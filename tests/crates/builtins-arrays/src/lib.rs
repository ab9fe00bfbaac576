//! js-sys arrays built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn arrays() {
    let a = Array::new();
    assert_eq!(a.push(&n(3.0)), 1);
    a.push(&n(1.0));
    a.push(&n(2.0));
    assert_eq!(a.length(), 3);
    assert_eq!(a.join(","), "3,1,2");
    a.sort();
    assert_eq!(a.join("-"), "1-2-3");
    assert_eq!(a.index_of(&n(2.0), 0), 1);
    assert!(a.includes(&n(3.0), 0));
    assert_eq!(a.slice(1, 3).length(), 2);
    let doubled = a.map(&mut |v, _, _| n(v.as_f64().unwrap() * 2.0));
    assert_eq!(doubled.join(","), "2,4,6");
    let evens = a.filter(&mut |v, _, _| v.as_f64().unwrap() as u32 % 2 == 0);
    assert_eq!(evens.length(), 1);
    let sum = a.reduce(&mut |acc, v, _, _| n(acc.as_f64().unwrap() + v.as_f64().unwrap()), &n(0.0));
    assert_eq!(sum, n(6.0));
    assert_eq!(a.find(&mut |v, _, _| v.as_f64().unwrap() > 1.5), n(2.0));
    assert_eq!(a.pop(), n(3.0));
    assert_eq!(a.shift(), n(1.0));
    a.unshift(&n(9.0));
    assert_eq!(a.to_vec().len(), 2);
    a.reverse();
    assert_eq!(a.get(0), n(2.0));
    a.set(5, s("x"));
    assert_eq!(a.length(), 6);
    assert!(Array::is_array(&a));
    assert!(!Array::is_array(&Object::new()));
    assert_eq!(Array::from(&JsValue::from_str("ab")).length(), 2);
    let nested = Array::of2(&Array::of1(&n(1.0)), &n(2.0));
    assert_eq!(nested.flat(1).length(), 2);
    assert_eq!(nested.concat(&Array::of1(&n(3.0))).length(), 3);
    let mut seen = 0;
    a.for_each(&mut |_, _, _| seen += 1);
    assert_eq!(seen, 6);
    assert!(a.some(&mut |v| v.is_string()));
    assert!(!a.every(&mut |v, _, _| v.is_string()));
    assert_eq!(a.splice(0, 2, &JsValue::UNDEFINED).length(), 2);
}

#[wasm_bindgen] pub fn misc_arrays() {
    let a = Array::of5(&n(1.0), &n(2.0), &n(3.0), &n(2.0), &n(5.0));
    assert_eq!(a.at(-1), n(5.0));
    assert_eq!(a.last_index_of(&n(2.0), 4), 3);
    assert_eq!(a.find_index(&mut |v, _, _| v == n(3.0)), 2);
    assert_eq!(a.flat_map(&mut |v, _, _| vec![v.clone(), v]).length(), 10);
    assert_eq!(a.reduce_right(&mut |acc, v, _, _| n(acc.as_f64().unwrap() * 10.0 + v.as_f64().unwrap()), &n(0.0)), n(52321.0));
    assert_eq!(Array::of3(&n(1.0), &n(2.0), &n(3.0)).copy_within(0, 1, 3).join(","), "2,3,3");
    assert_eq!(Array::of2(&n(1.0), &n(2.0)).fill(&n(0.0), 0, 2).join(","), "0,0");
    assert_eq!(a.to_string(), "1,2,3,2,5");
    assert_eq!(a.to_locale_string(&JsValue::UNDEFINED, &JsValue::UNDEFINED), "1,2,3,2,5");
    assert_eq!(a.keys().next().unwrap().value(), n(0.0));
    assert_eq!(a.values().next().unwrap().value(), n(1.0));
    assert!(Array::is_array(&a.entries().next().unwrap().value()));
    assert_eq!(Array::new_with_length(2).length(), 2);
    a.delete(0);
    assert_eq!(Array::of4(&n(1.0), &n(2.0), &n(3.0), &n(4.0)).length(), 4);
}
