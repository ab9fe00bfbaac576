//! js-sys objects built-ins called from Rust, each result asserted: a failed check panics, and
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

#[wasm_bindgen] pub fn objects() {
    let o = Object::new();
    Reflect::set(&o, &s("a"), &n(1.0)).unwrap();
    assert!(Reflect::has(&o, &s("a")).unwrap());
    assert_eq!(Reflect::get(&o, &s("a")).unwrap(), n(1.0));
    assert!(o.has_own_property(&s("a")));
    assert_eq!(Object::keys(&o).length(), 1);
    assert_eq!(Object::values(&o).get(0), n(1.0));
    assert_eq!(Object::entries(&o).length(), 1);
    let target = Object::new();
    Object::assign(&target, &o);
    assert_eq!(Reflect::get(&target, &s("a")).unwrap(), n(1.0));
    assert!(Reflect::delete_property(&target, &s("a")).unwrap());
    assert!(!Reflect::has(&target, &s("a")).unwrap());
    assert!(Object::is(&n(f64::NAN), &n(f64::NAN)));
    assert!(!Object::is(&n(0.0), &n(-0.0)));
    assert_eq!(Reflect::own_keys(&o).unwrap().length(), 1);
    let max: Function = Reflect::get(&Reflect::get(&global(), &s("Math")).unwrap(), &s("max")).unwrap().into();
    assert_eq!(Reflect::apply(&max, &JsValue::NULL, &Array::of2(&n(1.0), &n(2.0))).unwrap(), n(2.0));
    assert!(Reflect::get(&n(1.0), &s("x")).is_err()); // TypeError: not an object
    let entries = Array::of1(&Array::of2(&s("k"), &s("v")));
    let from = Object::from_entries(&entries).unwrap();
    assert_eq!(Reflect::get(&from, &s("k")).unwrap(), s("v"));
}

#[wasm_bindgen] pub fn objects_all() {
    let o = Object::new();
    Reflect::set(&o, &s("x"), &n(1.0)).unwrap();
    assert!(o.property_is_enumerable(&s("x")));
    assert_eq!(o.to_string(), "[object Object]");
    assert_eq!(o.to_locale_string(), "[object Object]");
    assert!(o.value_of().is_object());
    assert!(o.constructor().is_function() || o.constructor().is_undefined() == false);
    assert!(Object::has_own(&o, &s("x")));
    let made = Object::create(&Object::new());
    assert!(made.is_object());
    let desc = Object::new();
    Reflect::set(&desc, &s("value"), &n(2.0)).unwrap();
    Object::define_property(&o, &s("y"), &desc);
    assert_eq!(Reflect::get(&o, &s("y")).unwrap(), n(2.0));
    let many = Object::new();
    Reflect::set(&many, &s("z"), &desc).unwrap();
    Object::define_properties(&o, &many);
    assert_eq!(Reflect::get(&o, &s("z")).unwrap(), n(2.0));
    let d = Object::get_own_property_descriptor(&o, &s("x"));
    assert_eq!(Reflect::get(&d, &s("value")).unwrap(), n(1.0));
    assert!(Object::get_own_property_descriptors(&o).is_object());
    assert_eq!(Object::get_own_property_names(&o).length(), 3);
    assert_eq!(Object::get_own_property_symbols(&o).length(), 0);
    assert!(!Object::get_prototype_of(&o).is_undefined());
    Object::set_prototype_of(&o, &Object::new());
    assert!(Object::is_extensible(&o));
    let frozen = Object::freeze(&Object::new());
    assert!(frozen.is_object());
    Object::seal(&Object::new());
    Object::prevent_extensions(&Object::new());
    assert!(Object::is_frozen(&JsValue::from_str("primitive").unchecked_into::<Object>()));
    assert!(Object::is_sealed(&JsValue::from_str("primitive").unchecked_into::<Object>()));
    let proto = Object::new();
    assert!(!proto.is_prototype_of(&o));
    // Reflect
    let target = Object::new();
    assert!(Reflect::define_property(&target, &s("k"), &desc).unwrap());
    assert!(Reflect::get_own_property_descriptor(&target, &s("k")).unwrap().is_object());
    assert!(!Reflect::get_prototype_of(&target).unwrap().is_undefined());
    assert!(Reflect::is_extensible(&target).unwrap());
    assert!(Reflect::prevent_extensions(&target).unwrap());
    assert!(!Reflect::set_prototype_of(&target, &Object::new()).unwrap());
    let ctor: Function = Reflect::get(&global(), &s("Array")).unwrap().unchecked_into();
    let built = Reflect::construct(&ctor, &Array::of2(&n(1.0), &n(2.0))).unwrap();
    assert_eq!(Array::from(&built).length(), 2);
    assert!(Reflect::get_f64(&Array::of1(&n(9.0)), 0.0).unwrap() == n(9.0));
    assert!(Reflect::set_f64(&Array::new(), 0.0, &n(1.0)).unwrap());
    assert!(Reflect::get_u32(&Array::of1(&n(9.0)), 0).unwrap() == n(9.0));
    assert!(Reflect::set_u32(&Array::new(), 0, &n(1.0)).unwrap());
    assert!(Reflect::set_with_receiver(&Object::new(), &s("a"), &n(1.0), &JsValue::UNDEFINED).unwrap());
}

#[wasm_bindgen] pub fn is_instance(v: &JsValue) -> String {
    format!("{} {} {} {}", v.is_instance_of::<Array>(), v.is_instance_of::<Map>(), v.is_instance_of::<Date>(), v.dyn_ref::<RegExp>().is_some())
}

#[wasm_bindgen] pub fn misc_global() {
    assert!(global().is_object());
}
