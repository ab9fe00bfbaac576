//! js-sys built-ins that js-sys 0.3.107 (wasm-bindgen 0.2.130) binds and 0.3.104 did not, called
//! from Rust with each result asserted: a failed check panics, and console_error_panic_hook puts
//! the failing line into the RustPanic the Python test sees.
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn s(v: &str) -> JsValue { JsValue::from_str(v) }
fn n(v: f64) -> JsValue { JsValue::from_f64(v) }
fn num(v: &JsValue) -> f64 { v.as_f64().expect("a number") }
fn text(v: &JsValue) -> String { v.as_string().expect("a string") }
fn get(target: &JsValue, key: &str) -> JsValue { Reflect::get(target, &s(key)).unwrap() }

fn numbers(values: &[f64]) -> Array {
    let array = Array::new();
    for v in values {
        array.push(&n(*v));
    }
    array
}

fn as_f64s(array: &Array) -> Vec<f64> { array.iter().map(|v| num(&v)).collect() }

type Log = Rc<RefCell<Vec<String>>>;

fn logger(log: &Log, entry: &'static str) -> Closure<dyn FnMut()> {
    let log = log.clone();
    Closure::new(move || log.borrow_mut().push(entry.to_string()))
}

/// An object whose `[symbol]` method logs `entry`.
fn resource(log: &Log, symbol: &Symbol, entry: &'static str) -> (Object, Closure<dyn FnMut()>) {
    let object = Object::new();
    let method = logger(log, entry);
    Reflect::set(&object, symbol, method.as_ref()).unwrap();
    (object, method)
}

#[wasm_bindgen(start)]
pub fn start() { console_error_panic_hook::set_once(); }

#[wasm_bindgen] pub fn disposable_stacks() {
    let log: Log = Rc::default();
    let stack = DisposableStack::new();
    assert!(!stack.disposed());
    let (file, _keep) = resource(&log, &Symbol::dispose(), "file");
    assert_eq!(JsValue::from(stack.use_(&file).unwrap()), JsValue::from(&file));
    let adopt_log = log.clone();
    let on_adopted = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        adopt_log.borrow_mut().push(format!("adopted {}", num(&v)))
    });
    assert_eq!(stack.adopt(&n(5.0), &on_adopted).unwrap(), n(5.0));
    let deferred = logger(&log, "deferred");
    stack.defer(&deferred).unwrap();
    stack.dispose().unwrap();
    assert!(stack.disposed());
    assert_eq!(*log.borrow(), ["deferred", "adopted 5", "file"]); // in reverse order
    stack.dispose().unwrap(); // a second dispose does nothing
    assert!(stack.use_(&file).unwrap_err().is_instance_of::<ReferenceError>());

    let first = DisposableStack::new();
    let again = logger(&log, "moved");
    first.defer(&again).unwrap();
    let moved = first.move_().unwrap();
    assert!(first.disposed() && !moved.disposed());
    first.dispose().unwrap();
    assert_eq!(log.borrow().len(), 3); // the actions left with the new stack
    moved.dispose().unwrap();
    assert_eq!(log.borrow().last().unwrap(), "moved");
}

/// An object whose `[Symbol.dispose]` is `thrower`.
fn failing_resource(thrower: &JsValue) -> Object {
    let object = Object::new();
    Reflect::set(&object, &Symbol::dispose(), thrower).unwrap();
    object
}

#[wasm_bindgen] pub fn disposal_errors_are_suppressed() {
    let json = get(&global().into(), "JSON");
    let parse: Function = get(&json, "parse").unchecked_into();
    let bad_json = parse.bind1(&JsValue::NULL, &s("{")); // throws a SyntaxError
    let empty_reduce = get(&Array::new(), "reduce"); // no callback: throws a TypeError
    let failing = DisposableStack::new();
    failing.use_(&failing_resource(&bad_json)).unwrap();
    failing.use_(&failing_resource(&empty_reduce)).unwrap();
    let error: SuppressedError = failing.dispose().unwrap_err().dyn_into().unwrap();
    assert!(error.error().is_instance_of::<SyntaxError>()); // ran last: suppresses the other
    assert!(error.suppressed().is_instance_of::<TypeError>());
}

#[wasm_bindgen] pub async fn async_disposable_stacks() -> Result<(), JsValue> {
    let log: Log = Rc::default();
    let stack = AsyncDisposableStack::new();
    let (connection, _keep) = resource(&log, &Symbol::async_dispose(), "connection");
    stack.use_(&connection)?;
    let adopt_log = log.clone();
    let on_adopted = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |v: JsValue| {
        adopt_log.borrow_mut().push(format!("adopted {}", text(&v)));
        Promise::resolve(&JsValue::UNDEFINED)
    });
    stack.adopt(&s("x"), &on_adopted)?;
    let defer_log = log.clone();
    let deferred = Closure::<dyn FnMut() -> Promise>::new(move || {
        defer_log.borrow_mut().push("deferred".into());
        Promise::resolve(&JsValue::UNDEFINED)
    });
    stack.defer(&deferred)?;
    let later = AsyncDisposableStack::new();
    let moved = stack.move_()?;
    assert!(stack.disposed() && !later.disposed());
    JsFuture::from(moved.dispose_async()).await?;
    assert!(moved.disposed());
    assert_eq!(*log.borrow(), ["deferred", "adopted x", "connection"]);
    JsFuture::from(later.dispose_async()).await?;
    Ok(())
}

#[wasm_bindgen] pub fn errors_newest() {
    assert!(Error::is_error(&Error::new("x")));
    assert!(Error::is_error(&TypeError::new("x")));
    assert!(!Error::is_error(&Object::new()));
    assert!(!Error::is_error(&s("Error")));
    let e = SuppressedError::new(&s("now"), &s("before"));
    assert_eq!((e.error(), e.suppressed()), (s("now"), s("before")));
    let named = SuppressedError::new_with_message(&n(1.0), &n(2.0), "while disposing");
    assert_eq!(String::from(named.message()), "while disposing");
    assert!(named.is_instance_of::<Error>());
}

macro_rules! typed_newest_checks {
    ($($name:ident: $ty:ty),*) => {$({
        let what = stringify!($name);
        let arr = $name::new_from_slice(&[3 as $ty, 1 as $ty, 2 as $ty, 1 as $ty]);
        assert_eq!(arr.to_reversed().to_vec(), vec![1 as $ty, 2 as $ty, 1 as $ty, 3 as $ty], "{}", what);
        assert_eq!(arr.to_sorted().to_vec(), vec![1 as $ty, 1 as $ty, 2 as $ty, 3 as $ty], "{}", what);
        assert_eq!(arr.with(-1, 9 as $ty).unwrap().to_vec(), vec![3 as $ty, 1 as $ty, 2 as $ty, 9 as $ty], "{}", what);
        assert!(arr.with(4, 0 as $ty).unwrap_err().is_instance_of::<RangeError>(), "{}", what);
        assert_eq!(arr.get_index(3), 1 as $ty, "{}", what); // the copying methods leave it alone
        assert_eq!(arr.find_last(&mut |v, _, _| v < 3 as $ty), Some(1 as $ty), "{}", what);
        assert_eq!(arr.find_last(&mut |v, _, _| v > 5 as $ty), None, "{}", what);
        assert_eq!(arr.find_last_index(&mut |v, _, _| v == 2 as $ty), 2, "{}", what);
        assert_eq!(arr.find_last_index(&mut |v, _, _| v == 7 as $ty), -1, "{}", what);
        assert!(arr.includes(2 as $ty, 0) && !arr.includes(2 as $ty, 3), "{}", what);
        assert!(arr.includes(1 as $ty, -1), "{}", what);
        assert_eq!((arr.index_of(1 as $ty, 0), arr.index_of(1 as $ty, 2), arr.index_of(8 as $ty, 0)), (1, 3, -1), "{}", what);
    })*};
}

#[wasm_bindgen] pub fn typed_arrays_newest() {
    typed_newest_checks!(
        Int8Array: i8, Uint8Array: u8, Uint8ClampedArray: u8, Int16Array: i16,
        Uint16Array: u16, Int32Array: i32, Uint32Array: u32, Float32Array: f32,
        Float64Array: f64, BigInt64Array: i64, BigUint64Array: u64
    );
    let floats = Float64Array::new_from_slice(&[f64::NAN, 0.0, -0.0, -1.0]);
    assert!(floats.includes(f64::NAN, 0)); // SameValueZero finds NaN; indexOf's === does not
    assert_eq!(floats.index_of(f64::NAN, 0), -1);
    let sorted = floats.to_sorted().to_vec();
    assert_eq!(&sorted[..3], &[-1.0, -0.0, 0.0]);
    assert!(sorted[1].is_sign_negative() && sorted[3].is_nan()); // -0 before +0, NaN last
}

#[wasm_bindgen] pub fn uint8_codecs() {
    assert_eq!(Uint8Array::from_base64("aGk=").unwrap().to_vec(), b"hi");
    assert_eq!(Uint8Array::from_base64(" aG\nk ").unwrap().to_vec(), b"hi"); // whitespace, no padding
    let url = Base64Options::new();
    url.set_alphabet(Base64Alphabet::Base64Url);
    assert_eq!(Uint8Array::from_base64_with_options("-_8", &url).unwrap().to_vec(), [0xfb, 0xff]);
    assert!(Uint8Array::from_base64_with_options("+/8", &url).unwrap_err().is_instance_of::<SyntaxError>());
    let strict = Base64Options::new();
    strict.set_last_chunk_handling(Base64LastChunkHandling::Strict);
    assert!(Uint8Array::from_base64_with_options("aGk", &strict).is_err()); // padding required
    assert!(Uint8Array::from_base64_with_options("aGl=", &strict).is_err()); // stray low bits
    assert!(Uint8Array::from_base64("a").unwrap_err().is_instance_of::<SyntaxError>());
    assert_eq!(Uint8Array::from_hex("cafe").unwrap().to_vec(), [0xca, 0xfe]);
    assert!(Uint8Array::from_hex("caf").is_err());
    assert!(Uint8Array::from_hex("zz").unwrap_err().is_instance_of::<SyntaxError>());

    let bytes = Uint8Array::new_from_slice(&[0xfb, 0xff, 0x01]);
    assert_eq!(String::from(bytes.to_base64()), "+/8B");
    let compact = Base64Options::new();
    compact.set_alphabet(Base64Alphabet::Base64Url);
    compact.set_omit_padding(true);
    assert_eq!(String::from(Uint8Array::new_from_slice(b"hi").to_base64_with_options(&compact)), "aGk");
    assert_eq!(String::from(bytes.to_hex()), "fbff01");

    let two = Uint8Array::new_with_length(2);
    let result = two.set_from_base64("aGk=").unwrap();
    assert_eq!((result.read(), result.written()), (4, 2));
    assert_eq!(two.to_vec(), b"hi");
    let one = Uint8Array::new_with_length(1);
    let result = one.set_from_base64("aGk=").unwrap(); // the chunk would not fit: nothing read
    assert_eq!((result.read(), result.written()), (0, 0));
    let result = one.set_from_base64_with_options("aA==", &strict).unwrap();
    assert_eq!((result.read(), result.written(), one.get_index(0)), (4, 1, 0x68));
    let result = two.set_from_hex("0a0b0c").unwrap(); // stops when full
    assert_eq!((result.read(), result.written()), (4, 2));
    assert_eq!(two.to_vec(), [0x0a, 0x0b]);
    assert!(two.set_from_hex("01zz").is_err());
    assert_eq!(two.get_index(0), 0x01); // what was decoded before the error is written
}

#[wasm_bindgen] pub fn iterator_helpers() {
    let items = numbers(&[1.0, 2.0, 3.0, 4.0]);
    let each = || Iterator::from_iterable(&items);
    let mut double = |v: JsValue, _: u32| n(num(&v) * 2.0);
    let double = ScopedClosure::borrow_mut(&mut double);
    assert_eq!(as_f64s(&each().map(&double).to_array().unwrap()), vec![2.0, 4.0, 6.0, 8.0]);
    let mut odd = |v: JsValue, _: u32| num(&v) % 2.0 == 1.0;
    let odd = ScopedClosure::borrow_mut(&mut odd);
    assert_eq!(as_f64s(&each().filter(&odd).to_array().unwrap()), vec![1.0, 3.0]);
    assert_eq!(as_f64s(&each().take(2).to_array().unwrap()), vec![1.0, 2.0]);
    assert_eq!(as_f64s(&each().drop(3).to_array().unwrap()), vec![4.0]);
    let mut twice = |v: JsValue, _: u32| Array::of2(&v, &v);
    let twice = ScopedClosure::borrow_mut(&mut twice);
    assert_eq!(each().flat_map(&twice).to_array().unwrap().length(), 8);
    let total = each().reduce(&mut |acc: JsValue, v: JsValue, _| n(num(&acc) + num(&v)), &n(0.0));
    assert_eq!(total.unwrap(), n(10.0));
    let mut seen = Vec::new();
    each().for_each(&mut |v, i| seen.push((num(&v), i))).unwrap();
    assert_eq!(seen, vec![(1.0, 0), (2.0, 1), (3.0, 2), (4.0, 3)]);
    assert!(each().some(&mut |v, _| num(&v) > 3.0).unwrap());
    assert!(!each().every(&mut |v, _| num(&v) > 3.0).unwrap());
    assert_eq!(each().find(&mut |v, _| num(&v) > 2.0).unwrap(), Some(n(3.0)));
    assert_eq!(each().find(&mut |v, _| num(&v) > 9.0).unwrap(), None);
    let joined = Iterator::concat(&[items.clone(), numbers(&[5.0])]).unwrap();
    assert_eq!(as_f64s(&joined.to_array().unwrap()), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
}

#[wasm_bindgen] pub fn json_raw() {
    let raw = JSON::raw_json("1e1000").unwrap();
    assert!(JSON::is_raw_json(&raw));
    assert!(!JSON::is_raw_json(&Object::new()));
    let holder = Object::new();
    Reflect::set(&holder, &s("big"), &raw).unwrap();
    assert_eq!(String::from(JSON::stringify(&holder).unwrap()), "{\"big\":1e1000}");
    assert!(JSON::raw_json("{}").unwrap_err().is_instance_of::<SyntaxError>()); // primitives only
}

#[wasm_bindgen] pub fn collections_newest() {
    let items = numbers(&[1.0, 2.0, 3.0]);
    let parity = |v: JsValue, _: u32| s(if num(&v) % 2.0 == 0.0 { "even" } else { "odd" });
    let groups = Map::group_by(&items, &mut parity.clone()).unwrap();
    assert_eq!(as_f64s(&groups.get(&s("odd"))), vec![1.0, 3.0]);
    let by_key = Object::group_by(&items, &mut parity.clone()).unwrap();
    assert_eq!(as_f64s(&get(&by_key, "even").unchecked_into()), vec![2.0]);

    let map: Map = Map::new();
    assert_eq!(map.get_or_insert(&s("a"), &n(1.0)), n(1.0));
    assert_eq!(map.get_or_insert(&s("a"), &n(2.0)), n(1.0)); // present: kept
    let computed = map.get_or_insert_computed(&s("b"), &mut |key| s(&format!("{}!", text(&key))));
    assert_eq!(computed, s("b!"));
    assert_eq!(map.size(), 2);

    let weak: WeakMap = WeakMap::new();
    let key = Object::new();
    assert_eq!(weak.get_or_insert(&key, &n(7.0)).unwrap(), n(7.0));
    assert_eq!(weak.get_or_insert_computed(&key, &mut |_| n(8.0)).unwrap(), n(7.0));
    let other = Object::new();
    assert_eq!(weak.get_or_insert_computed(&other, &mut |_| n(8.0)).unwrap(), n(8.0));
    let primitive = weak.get_or_insert(s("x").unchecked_ref(), &n(1.0)); // keys are objects
    assert!(primitive.unwrap_err().is_instance_of::<TypeError>());
}

#[wasm_bindgen] pub fn math_newest() {
    assert_eq!(Math::f16round(1.0001), 1.0);
    assert_eq!(Math::f16round(1.5), 1.5);
    assert_eq!(Math::f16round(70000.0), f64::INFINITY);
    assert_eq!(Math::sum_precise(&numbers(&[1e20, 0.1, -1e20])).unwrap(), 0.1); // no lost digits
    assert_eq!(Math::sum_precise(&Array::new()).unwrap(), -0.0);
    let mixed = Array::of2(&n(1.0), &s("2"));
    assert!(Math::sum_precise(&mixed).unwrap_err().is_instance_of::<TypeError>());
}

#[wasm_bindgen] pub async fn promises_newest() -> Result<(), JsValue> {
    let ok = Promise::try_(&mut || Ok(n(5.0)));
    assert_eq!(JsFuture::from(ok).await?, n(5.0));
    let failed = Promise::try_(&mut || -> Result<JsValue, JsError> { Err(JsError::new("nope")) });
    let error = JsFuture::from(failed).await.unwrap_err();
    assert_eq!(String::from(error.unchecked_ref::<Error>().message()), "nope");
    let pending = Promise::with_resolvers::<JsValue, JsValue>();
    pending.resolve().call1(&JsValue::UNDEFINED, &s("later"))?;
    assert_eq!(JsFuture::from(pending.promise()).await?, s("later"));
    let refused = Promise::with_resolvers::<JsValue, JsValue>();
    refused.reject().call1(&JsValue::UNDEFINED, &s("no"))?;
    assert_eq!(JsFuture::from(refused.promise()).await.unwrap_err(), s("no"));
    Ok(())
}

#[wasm_bindgen] pub fn regexp_newest() {
    let re = RegExp::new("a.b", "ds");
    assert!(re.dot_all() && re.has_indices() && !re.unicode_sets());
    assert!(re.test("a\nb")); // s: the dot matches a newline
    assert!(RegExp::new("[a]", "v").unicode_sets());
    assert!(!RegExp::new("x", "").dot_all());
    let escaped = RegExp::escape("a.b*");
    assert_eq!(String::from(escaped.clone()), "\\x61\\.b\\*");
    assert!(RegExp::new(&String::from(escaped), "").test("a.b*"));
    assert!(!RegExp::new(&String::from(RegExp::escape("a.b")), "").test("axb"));
}

#[wasm_bindgen] pub fn strings_newest() {
    assert!(JsString::from("héllo").is_well_formed());
    let lone = JsString::from_char_code1(0xd800);
    assert!(!lone.is_well_formed());
    assert_eq!(String::from(lone.to_well_formed()), "\u{fffd}");
    let pair = JsString::from_char_code2(0xd83d, 0xde00);
    assert!(pair.is_well_formed());
}

#[wasm_bindgen] pub fn symbols_newest() {
    let dispose = Symbol::dispose();
    assert_eq!(dispose.description().map(String::from), Some("Symbol.dispose".to_string()));
    assert_eq!(Symbol::async_dispose().description().map(String::from), Some("Symbol.asyncDispose".into()));
    assert_eq!(Symbol::for_("key").description().map(String::from), Some("key".into()));
    assert!(JsValue::from(dispose) != JsValue::from(Symbol::async_dispose()));
}
