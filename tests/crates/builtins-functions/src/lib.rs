//! js-sys functions built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn functions(f: &Function) -> String {
    let bound = f.bind1(&JsValue::NULL, &n(2.0));
    let r = bound.call1(&JsValue::NULL, &n(3.0)).unwrap();
    format!("{} {}", r.as_f64().unwrap(), f.length())
}

#[wasm_bindgen] pub fn misc_functions() {
    let max: Function = Reflect::get(&Reflect::get(&global(), &s("Math")).unwrap(), &s("max")).unwrap().unchecked_into();
    assert_eq!(max.call2(&JsValue::NULL, &n(1.0), &n(3.0)).unwrap(), n(3.0));
    assert_eq!(max.call3(&JsValue::NULL, &n(1.0), &n(3.0), &n(2.0)).unwrap(), n(3.0));
    assert_eq!(max.bind(&JsValue::NULL).call1(&JsValue::NULL, &n(4.0)).unwrap(), n(4.0));
    assert_eq!(max.bind0(&JsValue::NULL).call0(&JsValue::NULL).unwrap(), n(f64::NEG_INFINITY));
    assert_eq!(max.bind2(&JsValue::NULL, &n(1.0), &n(9.0)).call0(&JsValue::NULL).unwrap(), n(9.0));
    assert_eq!(max.bind3(&JsValue::NULL, &n(1.0), &n(9.0), &n(2.0)).call0(&JsValue::NULL).unwrap(), n(9.0));
    assert_eq!(max.name(), "max");
    assert!(String::from(max.to_string()).contains("max"));
}

/// `new Function(source)` needs eval: it throws (to Python, the import being no `catch`).
#[wasm_bindgen] pub fn function_from_source(with_args: bool) -> Function {
    if with_args { Function::new_with_args("a", "return a") } else { Function::new_no_args("return 1") }
}

#[wasm_bindgen] pub fn errors(kind: &str) -> JsValue {
    match kind {
        "type" => TypeError::new("bad type").into(),
        "range" => RangeError::new("out of range").into(),
        "syntax" => SyntaxError::new("bad syntax").into(),
        "reference" => ReferenceError::new("no such name").into(),
        "uri" => UriError::new("bad uri").into(),
        "eval" => EvalError::new("no eval").into(),
        _ => Error::new("plain").into(),
    }
}

#[wasm_bindgen] pub fn error_message(e: &Error) -> String { format!("{}: {}", String::from(e.name()), String::from(e.message())) }

#[wasm_bindgen] pub fn throw_type_error() -> Result<(), JsValue> { Err(TypeError::new("thrown from Rust").into()) }

#[wasm_bindgen] pub fn call_unsupported() -> Result<JsValue, JsValue> { eval("1 + 1") }

#[wasm_bindgen] pub fn misc_errors() {
    let e = Error::new("m");
    e.set_message("changed");
    e.set_name("Custom");
    e.set_cause(&s("why"));
    assert_eq!((String::from(e.message()), String::from(e.name())), ("changed".into(), "Custom".into()));
    assert_eq!(e.to_string(), "Custom: changed");
    assert_eq!(e.cause(), s("why"));
}
