//! js-sys built-ins called from Rust, each result asserted in Rust: a failed check panics, and
//! console_error_panic_hook puts the failing line into the RustPanic the Python test sees.
use js_sys::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
mod exhaustive;

fn s(v: &str) -> JsValue { JsValue::from_str(v) }
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
    assert_eq!(m.get(1), s("10"));
    assert_eq!(re.source(), "(\\d+)-(\\d+)");
    assert_eq!(JsString::from("x1y22").replace_by_pattern(&RegExp::new("\\d+", "g"), "#"), "x#y#");
}

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

#[wasm_bindgen] pub fn dates() -> f64 {
    let d = Date::new(&n(0.0));
    assert_eq!(d.get_utc_full_year(), 1970);
    assert_eq!(d.to_iso_string(), "1970-01-01T00:00:00.000Z");
    let e = Date::new(&s("2020-02-29T12:30:00Z"));
    assert_eq!(e.get_utc_month(), 1);
    assert_eq!(e.get_utc_date(), 29);
    assert_eq!(e.get_utc_hours(), 12);
    assert_eq!(Date::utc(2020.0, 0.0), 1577836800000.0);
    assert!(Date::parse("nonsense").is_nan());
    e.set_utc_full_year(2021);
    assert_eq!(e.get_utc_month(), 2); // Feb 29 2021 rolls over to March 1
    Date::now()
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

#[wasm_bindgen] pub fn functions(f: &Function) -> String {
    let bound = f.bind1(&JsValue::NULL, &n(2.0));
    let r = bound.call1(&JsValue::NULL, &n(3.0)).unwrap();
    format!("{} {}", r.as_f64().unwrap(), f.length())
}

#[wasm_bindgen] pub fn is_instance(v: &JsValue) -> String {
    format!("{} {} {} {}", v.is_instance_of::<Array>(), v.is_instance_of::<Map>(), v.is_instance_of::<Date>(), v.dyn_ref::<RegExp>().is_some())
}

#[wasm_bindgen] pub fn typed_arrays() {
    let data = [1u8, 2, 3, 250];
    let a = Uint8Array::from(&data[..]);           // a view of linear memory, sliced into a copy
    assert_eq!(a.length(), 4);
    assert_eq!(a.to_vec(), vec![1, 2, 3, 250]);   // copied back through a view of linear memory
    let mut out = [0u8; 4];
    a.copy_to(&mut out);
    assert_eq!(out, data);
    a.copy_from(&[9, 8, 7, 6]);
    assert_eq!(a.get_index(0), 9);
    a.set_index(1, 300u16 as u8);
    assert_eq!(a.get_index(1), 44);
    let sub = a.subarray(1, 3);
    sub.fill(5, 0, 2);
    assert_eq!(a.to_vec(), vec![9, 5, 5, 6]);      // subarray shares the buffer
    let copy = a.slice(0, 2);
    copy.fill(0, 0, 2);
    assert_eq!(a.get_index(0), 9);                 // slice does not
    assert_eq!(Uint8Array::new_with_length(3).length(), 3);
    let floats = Float64Array::from(&[0.5f64, -1.25][..]);
    assert_eq!(floats.to_vec(), vec![0.5, -1.25]);
    let ints = Int16Array::new(&Array::of2(&n(70000.0), &n(-1.0)));
    assert_eq!(ints.to_vec(), vec![4464, -1]);     // ToInt16 wraps
    let clamped = Uint8ClampedArray::new(&Array::of2(&n(300.0), &n(-5.0)));
    assert_eq!(clamped.to_vec(), vec![255, 0]);
    let big = BigInt64Array::new_with_length(1);
    big.set_index(0, -5);
    assert_eq!(big.get_index(0), -5);
    let buffer = ArrayBuffer::new(8);
    assert_eq!(buffer.byte_length(), 8);
    let view = DataView::new(&buffer, 0, 8);
    view.set_float64(0, 1.5);
    assert_eq!(view.get_float64(0), 1.5);
    view.set_uint16_endian(0, 0x0102, true);
    assert_eq!(view.get_uint8(0), 2);
    assert_eq!(view.get_uint16(0), 0x0201);
    let words = Uint32Array::new_with_byte_offset_and_length(&buffer, 4, 1);
    words.set_index(0, 0xdeadbeef);
    assert_eq!(view.get_uint32_endian(4, true), 0xdeadbeef);
    assert_eq!(buffer.slice(4).byte_length(), 4);
    assert!(ArrayBuffer::is_view(&view));
    let mut back = vec![0u32; 1];
    words.copy_to(&mut back);
    assert_eq!(back, vec![0xdeadbeef]);
}
/// A Uint8Array from Rust reaches Python as a sequence of numbers.
#[wasm_bindgen] pub fn make_bytes() -> Uint8Array { Uint8Array::from(&b"hi!"[..]) }
#[wasm_bindgen] pub fn sum_u8(a: &Uint8Array) -> u32 { a.to_vec().iter().map(|&b| b as u32).sum() }

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
