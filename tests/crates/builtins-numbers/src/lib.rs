//! js-sys numbers built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn numbers_math_json() {
    assert_eq!(Number::parse_int("42px", 10), 42.0);
    assert_eq!(Number::parse_float("3.5e1x"), 35.0);
    assert!(Number::is_integer(&n(4.0)));
    assert!(!Number::is_safe_integer(&n(2f64.powi(60))));
    assert!(Number::is_nan(&n(f64::NAN)));
    assert_eq!(Number::from(255.0).to_string(16).unwrap(), "ff");
    assert_eq!(Number::from(3.14159).to_fixed(2).unwrap(), "3.14");
    assert_eq!(Number::from(1234.5).to_precision(3).unwrap(), "1.23e+3");
    assert!(Number::from(1.0).to_fixed(101).is_err()); // RangeError under catch
    assert_eq!(parse_int("0x1f", 0), 31.0);
    assert!(is_finite(&s("12")) && !is_finite(&s("abc")));
    assert!(is_finite(&s("12")));
    assert_eq!(encode_uri_component("a b&c"), "a%20b%26c");
    assert_eq!(decode_uri_component("a%20b%26c").unwrap(), "a b&c");
    assert!(decode_uri_component("%E0%A4%A").is_err()); // URIError
    assert_eq!(encode_uri("http://x/a b?q=1"), "http://x/a%20b?q=1");
    assert_eq!(Math::max(1.0, 7.0), 7.0);
    assert_eq!(Math::abs(-2.5), 2.5);
    assert_eq!(Math::floor(1.7), 1.0);
    assert_eq!(Math::round(2.5), 3.0);
    assert_eq!(Math::round(-2.5), -2.0);
    assert_eq!(Math::sign(-3.0), -1.0);
    assert_eq!(Math::imul(0xffffffffu32 as i32, 5), -5);
    assert_eq!(Math::clz32(1), 31);
    assert!(Math::sqrt(-1.0).is_nan());
    assert_eq!(Math::hypot(3.0, 4.0), 5.0);
    let r = Math::random();
    assert!((0.0..1.0).contains(&r));
    let parsed = JSON::parse("{\"a\":[1,2,{\"b\":null}]}").unwrap();
    let a = Reflect::get(&parsed, &s("a")).unwrap();
    assert_eq!(Array::from(&a).length(), 3);
    assert_eq!(JSON::stringify(&parsed).unwrap(), "{\"a\":[1,2,{\"b\":null}]}");
    assert!(JSON::parse("{bad").is_err()); // SyntaxError
    #[allow(deprecated)]
    let b = Boolean::new(&s(""));
    assert!(!b.value_of());
}

#[wasm_bindgen] pub fn math_all() {
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert!(close(Math::acos(1.0), 0.0) && close(Math::acosh(1.0), 0.0));
    assert!(close(Math::asin(0.0), 0.0) && close(Math::asinh(0.0), 0.0));
    assert!(close(Math::atan(0.0), 0.0) && close(Math::atan2(1.0, 1.0), std::f64::consts::FRAC_PI_4));
    assert!(close(Math::atanh(0.0), 0.0) && close(Math::cbrt(27.0), 3.0));
    assert_eq!(Math::ceil(1.2), 2.0);
    assert!(close(Math::cos(0.0), 1.0) && close(Math::cosh(0.0), 1.0));
    assert!(close(Math::exp(0.0), 1.0) && close(Math::expm1(0.0), 0.0));
    assert_eq!(Math::fround(5.5), 5.5);
    assert!(close(Math::log(1.0), 0.0) && close(Math::log10(100.0), 2.0));
    assert!(close(Math::log1p(0.0), 0.0) && close(Math::log2(8.0), 3.0));
    assert_eq!(Math::min(1.0, 2.0), 1.0);
    assert_eq!(Math::pow(2.0, 10.0), 1024.0);
    assert!(close(Math::sin(0.0), 0.0) && close(Math::sinh(0.0), 0.0));
    assert!(close(Math::tan(0.0), 0.0) && close(Math::tanh(0.0), 0.0));
    assert_eq!(Math::trunc(-1.7), -1.0);
    assert_eq!(Math::log(0.0), f64::NEG_INFINITY);
}

#[wasm_bindgen] pub fn misc_numbers() {
    #[allow(deprecated)]
    let num = Number::new(&s("12.5"));
    assert_eq!(num.value_of(), 12.5);
    assert_eq!(<Number as std::str::FromStr>::from_str("42").unwrap().value_of(), 42.0);
    assert_eq!(num.to_exponential(1).unwrap(), "1.3e+1");
    assert_eq!(Number::from(1234.5).to_locale_string("en-US"), "1,234.5");
    assert!(Number::is_finite(&n(1.0)) && !Number::is_finite(&s("1")));
    assert_eq!(parse_float("2.5abc"), 2.5);
    assert_eq!(decode_uri("a%20b%3F").unwrap(), "a b%3F");
    assert_eq!(escape("a b"), "a%20b");
    assert_eq!(unescape("a%20b%u0041"), "a bA");
}
