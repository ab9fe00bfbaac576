//! js-sys strings built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn strings() {
    let text = JsString::from("Hello, World");
    assert_eq!(text.length(), 12);
    assert_eq!(text.to_lower_case(), "hello, world");
    assert_eq!(text.to_upper_case(), "HELLO, WORLD");
    assert_eq!(text.index_of("World", 0), 7);
    assert!(text.starts_with("Hell", 0));
    assert!(text.ends_with("ld", 12));
    assert!(text.includes("o, W", 0));
    assert_eq!(text.slice(0, 5), "Hello");
    assert_eq!(text.substring(7, 12), "World");
    assert_eq!(text.char_at(1), "e");
    assert_eq!(text.char_code_at(0), 72.0);
    assert_eq!(JsString::from("ab").repeat(3), "ababab");
    assert_eq!(JsString::from("5").pad_start(3, "0"), "005");
    assert_eq!(JsString::from("  x ").trim(), "x");
    assert_eq!(text.split(", ").length(), 2);
    assert_eq!(text.replace("World", "Rust"), "Hello, Rust");
    assert_eq!(JsString::from("a-b-c").replace_all("-", "+"), "a+b+c");
    assert_eq!(JsString::from_char_code1(65), "A");
    assert_eq!(text.concat(&s("!")), "Hello, World!");
    let re = RegExp::new("(\\d+)-(\\d+)", "g");
    assert!(re.test("10-20"));
    let re = RegExp::new("(\\d+)-(\\d+)", "");
    let m = re.exec("a 10-20 b").unwrap();
    assert_eq!(JsValue::from(m.get(1)), s("10"));
    assert_eq!(re.source(), "(\\d+)-(\\d+)");
    assert_eq!(JsString::from("x1y22").replace_by_pattern(&RegExp::new("\\d+", "g"), "#"), "x#y#");
}

#[wasm_bindgen] pub fn strings_all() {
    let t = JsString::from("héllo wörld");
    assert_eq!(t.at(0), Some(JsString::from("h")));
    assert_eq!(t.at(-1), Some(JsString::from("d")));
    assert_eq!(t.code_point_at(1), n(233.0));
    assert_eq!(t.last_index_of("l", 100), 9);
    assert_eq!(JsString::from("a").locale_compare("b", &Array::new(), &Object::new()), -1);
    let m = t.match_(&RegExp::new("w(ö)", "")).unwrap();
    assert_eq!(Reflect::get(&m, &n(1.0)).unwrap(), s("ö"));
    let all: Vec<JsValue> = t.match_all(&RegExp::new("l", "g")).into_iter().map(|v| v.unwrap()).collect();
    assert_eq!(all.len(), 3);
    assert_eq!(JsString::from("e\u{301}").normalize("NFC"), "é");
    assert_eq!(JsString::from("ab").pad_end(4, "-"), "ab--");
    let upper = Function::from(JsValue::from(Closure::<dyn Fn(JsValue) -> JsValue>::new(|m: JsValue| s(&m.as_string().unwrap().to_uppercase())).into_js_value()));
    assert_eq!(JsString::from("abc").replace_with_function("b", &upper), "aBc");
    assert_eq!(JsString::from("abab").replace_all_with_function("a", &upper), "AbAb");
    assert_eq!(JsString::from("a1b2").replace_by_pattern_with_function(&RegExp::new("\\d", "g"), &upper), "a1b2");
    assert_eq!(JsString::from("a1b2").replace_all_by_pattern_with_function(&RegExp::new("[a-z]", "g"), &upper), "A1B2");
    assert_eq!(t.search(&RegExp::new("w", "")), 6);
    assert_eq!(JsString::from("a,b,c").split_limit(",", 2).length(), 2);
    assert_eq!(JsString::from("a1b22c").split_by_pattern(&RegExp::new("\\d+", "")).length(), 3);
    assert_eq!(JsString::from("a1b22c").split_by_pattern_limit(&RegExp::new("\\d+", ""), 2).length(), 2);
    assert_eq!(JsString::from("hello").substr(1, 3), "ell");
    assert_eq!(JsString::from("ABC").to_locale_lower_case(None), "abc");
    assert_eq!(JsString::from("abc").to_locale_upper_case(None), "ABC");
    assert_eq!(t.to_string(), "héllo wörld");
    assert_eq!(JsString::from(" x ").trim_end(), " x");
    assert_eq!(JsString::from(" x ").trim_start(), "x ");
    #[allow(deprecated)]
    { assert_eq!(JsString::from(" x ").trim_left(), "x "); assert_eq!(JsString::from(" x ").trim_right(), " x"); }
    assert_eq!(t.value_of(), "héllo wörld");
    assert_eq!(JsString::from_code_point1(0x1F600).unwrap(), "😀");
    assert_eq!(JsString::from_char_code2(72, 105), "Hi");
    let strings = Array::of2(&s("a"), &s("b"));
    let tpl = Object::new();
    Reflect::set(&tpl, &s("raw"), &strings).unwrap();
    assert_eq!(JsString::raw_1(&tpl, "-").unwrap(), "a-b");
    assert!(JsString::from("x").is_valid_utf16());
    // RegExp accessors
    let re = RegExp::new("a.", "mig");
    assert_eq!(re.flags(), "gim");
    assert!(re.global() && re.ignore_case() && re.multiline());
    assert!(!re.sticky() && !re.unicode());
    re.set_last_index(1);
    assert_eq!(re.last_index(), 1);
    assert_eq!(re.to_string(), "/a./gim");
    let copy = RegExp::new_regexp(&re, "y");
    assert!(copy.sticky());
    re.exec("xxab");
    assert_eq!(RegExp::input(), "xxab");
    assert_eq!(RegExp::last_paren(), "");
    assert_eq!(RegExp::right_context(), "");
    let _ = (RegExp::n2(), RegExp::n3(), RegExp::n4(), RegExp::n5(), RegExp::n6(), RegExp::n7(), RegExp::n8(), RegExp::n9());
}
