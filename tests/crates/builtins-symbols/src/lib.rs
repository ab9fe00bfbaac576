//! js-sys symbols built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn symbols_iterators_bigint_atomics() {
    // the iteration protocol over any Python iterable
    let arr = Array::of3(&n(1.0), &n(2.0), &n(3.0));
    let mut total = 0.0;
    for item in try_iter(&arr).unwrap().unwrap() {
        total += item.unwrap().as_f64().unwrap();
    }
    assert_eq!(total, 6.0);
    assert!(try_iter(&n(5.0)).is_err()); // Reflect.get on a number throws, as in JS
    assert!(try_iter(&Object::new()).unwrap().is_none()); // plain objects are not iterable
    let it: Iterator = Reflect::get(&arr, &Symbol::iterator()).unwrap().dyn_into::<Function>().unwrap().call0(&arr).unwrap().unchecked_into();
    let step = it.next().unwrap();
    assert!(!step.done());
    assert_eq!(step.value(), n(1.0));
    assert_eq!(Symbol::for_("app").to_string(), "Symbol(app)");
    assert_eq!(Symbol::key_for(&Symbol::for_("app")), JsValue::from_str("app"));
    assert!(Symbol::iterator().as_string().is_none());
    // BigInt
    let big = BigInt::from(255u64);
    assert_eq!(big.to_string(16).unwrap(), "ff");
    assert_eq!(BigInt::as_int_n(8.0, &BigInt::from(255u64)), BigInt::from(-1i64));
    assert_eq!(BigInt::as_uint_n(8.0, &BigInt::from(-1i64)), BigInt::from(255u64));
    // Atomics on an integer typed array
    let cells = Int32Array::new_with_length(2);
    assert_eq!(Atomics::add(&cells, 0, 5).unwrap(), 0);
    assert_eq!(Atomics::load(&cells, 0).unwrap(), 5);
    assert_eq!(Atomics::compare_exchange(&cells, 0, 5, 9).unwrap(), 5);
    assert_eq!(Atomics::exchange(&cells, 0, 1).unwrap(), 9);
    assert_eq!(Atomics::store(&cells, 1, 7).unwrap(), 7);
    assert!(Atomics::is_lock_free(4));
    assert!(Atomics::add(&Float64Array::new_with_length(1), 0, 1).is_err()); // TypeError
    // RegExp's legacy statics describe the last match
    let re = RegExp::new("(a)(b)", "");
    re.exec("xxab yy").unwrap();
    assert_eq!(RegExp::n1(), "a");
    assert_eq!(RegExp::last_match(), "ab");
    assert_eq!(RegExp::left_context(), "xx");
    // Error cause
    let opts = Object::new();
    Reflect::set(&opts, &s("cause"), &s("root")).unwrap();
    let err = Error::new_with_options("outer", &opts);
    assert_eq!(err.cause(), s("root"));
    assert_eq!(err.message(), "outer");
    // globals
    assert!(Reflect::get(&global(), &s("Math")).unwrap().is_object());
}

#[wasm_bindgen] pub fn drive_generator(gen: &Generator) -> f64 {
    let mut total = 0.0;
    loop {
        let step: IteratorNext = gen.next(&JsValue::UNDEFINED).unwrap().unchecked_into();
        if step.done() { break; }
        total += step.value().as_f64().unwrap();
    }
    total
}

/// `throw` into a Python generator (it catches and yields), then `return`.
#[wasm_bindgen] pub fn generator_controls(g: &Generator) -> String {
    let first: IteratorNext = g.next(&JsValue::UNDEFINED).unwrap().unchecked_into();
    let caught: IteratorNext = g.throw(&Error::new("stop")).unwrap().unchecked_into();
    let done: IteratorNext = g.return_(&n(9.0)).unchecked_into();
    format!("{:?} {:?} {:?} {}", first.value(), caught.value(), done.value(), done.done())
}

#[wasm_bindgen] pub fn async_next(it: &AsyncIterator) -> Promise { it.next().unwrap() }

#[wasm_bindgen] pub fn misc_symbols() {
    assert!(Boolean::from(true).value_of());
    assert_eq!(BigInt::from(7u64).to_locale_string(&JsValue::UNDEFINED, &JsValue::UNDEFINED), "7");
    assert_eq!(BigInt::from(7u64).value_of(10), BigInt::from(7u64));
    for sym in [Symbol::async_iterator(), Symbol::has_instance(), Symbol::is_concat_spreadable(), Symbol::match_(), Symbol::replace(), Symbol::search(), Symbol::species(), Symbol::split(), Symbol::to_primitive(), Symbol::to_string_tag(), Symbol::unscopables()] {
        assert!(String::from(Symbol::to_string(&sym)).starts_with("Symbol(Symbol."));
        assert!(JsValue::from(sym.value_of()) == JsValue::from(sym));
    }
}
