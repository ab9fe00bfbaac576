//! js-sys built-ins that js-sys 0.3.104 (wasm-bindgen 0.2.127) binds and 0.3.60 did not, called
//! from Rust with each result asserted: a failed check panics, and console_error_panic_hook puts
//! the failing line into the RustPanic the Python test sees.
#![allow(deprecated)]
use std::cell::Cell;
use std::rc::Rc;

use js_sys::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn s(v: &str) -> JsValue { JsValue::from_str(v) }
fn n(v: f64) -> JsValue { JsValue::from_f64(v) }
fn num(v: &JsValue) -> f64 { v.as_f64().expect("a number") }
fn get(target: &JsValue, key: &str) -> JsValue { Reflect::get(target, &s(key)).unwrap() }

fn numbers(values: &[f64]) -> Array {
    let array = Array::new();
    for v in values {
        array.push(&n(*v));
    }
    array
}

fn as_f64s(array: &Array) -> Vec<f64> { array.iter().map(|v| num(&v)).collect() }

#[wasm_bindgen(start)]
pub fn start() { console_error_panic_hook::set_once(); }

#[wasm_bindgen] pub fn arrays_modern() {
    let a = numbers(&[1.0, 5.0, 2.0, 8.0]);
    assert_eq!(a.find_last(&mut |v, _, _| num(&v) < 6.0), n(2.0));
    assert_eq!(a.find_last_index(&mut |v, _, _| num(&v) > 4.0), 3);
    assert_eq!(a.find_last_index(&mut |v, _, _| num(&v) > 100.0), -1);
    assert_eq!(as_f64s(&a.to_reversed()), vec![8.0, 2.0, 5.0, 1.0]);
    assert_eq!(as_f64s(&a), vec![1.0, 5.0, 2.0, 8.0]); // the copying methods leave `a` alone
    let words: Array = ["b", "a", "c"].iter().map(|w| s(w)).collect();
    assert_eq!(words.to_sorted().join(","), "a,b,c");
    let by = a.to_sorted_by(&mut |x, y| (num(&y) - num(&x)) as i32);
    assert_eq!(as_f64s(&by), vec![8.0, 5.0, 2.0, 1.0]);
    let spliced = a.to_spliced(1, 2, &[n(0.0)]);
    assert_eq!(as_f64s(&spliced), vec![1.0, 0.0, 8.0]);
    assert_eq!(as_f64s(&a.with(0, &n(9.0))), vec![9.0, 5.0, 2.0, 8.0]);
}

#[wasm_bindgen] pub fn array_tuples() {
    let t = ArrayTuple::new8(
        &n(0.0), &n(1.0), &n(2.0), &n(3.0), &n(4.0), &n(5.0), &n(6.0), &n(7.0),
    );
    let got = [t.get0(), t.get1(), t.get2(), t.get3(), t.get4(), t.get5(), t.get6(), t.get7()];
    for (i, v) in got.iter().enumerate() {
        assert_eq!(num(v), i as f64);
    }
    t.set0(&n(10.0)); t.set1(&n(11.0)); t.set2(&n(12.0)); t.set3(&n(13.0));
    t.set4(&n(14.0)); t.set5(&n(15.0)); t.set6(&n(16.0)); t.set7(&n(17.0));
    assert_eq!(num(&t.get0()) + num(&t.get7()), 27.0);
    assert_eq!(t.unchecked_ref::<Array>().length(), 8);
}

#[wasm_bindgen] pub async fn arrays_from_async() -> Result<(), JsValue> {
    let source: JsValue = numbers(&[1.0, 2.0]).into();
    let promise = Array::from_async(&source)?;
    let array: Array = JsFuture::from(promise.unchecked_into::<Promise>()).await?.unchecked_into();
    assert_eq!(as_f64s(&array), vec![1.0, 2.0]);
    Ok(())
}

#[wasm_bindgen] pub fn errors_modern() {
    let inner = [Error::new("one").into(), s("two")];
    let all = AggregateError::new_with_message(&inner, "both failed");
    assert_eq!(all.errors().length(), 2);
    assert_eq!(String::from(all.message()), "both failed");
    assert!(all.is_instance_of::<Error>());
    let plain = AggregateError::new(&[n(1.0)]);
    assert_eq!(plain.errors().get(0), n(1.0));
    let before = Error::stack_trace_limit();
    assert_eq!(before, n(10.0));
    Error::set_stack_trace_limit(&n(3.0));
    assert_eq!(Error::stack_trace_limit(), n(3.0));
    Error::set_stack_trace_limit(&before);
}

#[wasm_bindgen] pub fn sets_modern() {
    let a = Set::new(&numbers(&[1.0, 2.0, 3.0]));
    let b = Set::new(&numbers(&[3.0, 4.0]));
    let sorted = |set: &Set| {
        let mut v: Vec<f64> = Array::from(set.as_ref()).iter().map(|x| num(&x)).collect();
        v.sort_by(|x, y| x.partial_cmp(y).unwrap());
        v
    };
    assert_eq!(sorted(&a.union(&b)), vec![1.0, 2.0, 3.0, 4.0]);
    assert_eq!(sorted(&a.intersection(&b)), vec![3.0]);
    assert_eq!(sorted(&a.difference(&b)), vec![1.0, 2.0]);
    assert_eq!(sorted(&a.symmetric_difference(&b)), vec![1.0, 2.0, 4.0]);
    assert!(Set::new(&numbers(&[1.0])).is_subset_of(&a));
    assert!(a.is_superset_of(&Set::new(&numbers(&[2.0, 3.0]))));
    assert!(a.is_disjoint_from(&Set::new(&numbers(&[9.0]))));
    assert!(!a.is_disjoint_from(&b));
}

#[wasm_bindgen] pub fn weak_refs() {
    let target = Date::new_0();
    let weak = WeakRef::new(&target);
    assert_eq!(weak.deref().map(JsValue::from), Some(JsValue::from(&target)));
}

/// A FinalizationRegistry's callback runs once its target is collected: dropping Rust's last
/// reference frees the Python object, and the cleanup runs as a job of its own.
#[wasm_bindgen] pub async fn finalization() -> Result<(), JsValue> {
    let cleaned = Rc::new(Cell::new(0.0));
    let seen = cleaned.clone();
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |held: JsValue| seen.set(num(&held)));
    let registry = FinalizationRegistry::new(callback.as_ref().unchecked_ref());
    let token = Object::new();
    let kept = Date::new_0();
    registry.register_with_token(&kept, &n(1.0), &token);
    assert!(registry.unregister(&token));
    assert!(!registry.unregister(&token));
    registry.register(&Date::new_0(), &n(42.0)); // the temporary Date is dropped at once
    JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await?;
    assert_eq!(cleaned.get(), 42.0);
    drop(kept);
    JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await?;
    assert_eq!(cleaned.get(), 42.0); // unregistered: no cleanup for it
    drop(callback);
    Ok(())
}

#[wasm_bindgen] pub fn math_pi() {
    assert_eq!(Math::PI.with(|pi| *pi), std::f64::consts::PI);
}

#[wasm_bindgen] pub fn resizable_buffers() {
    let buffer = ArrayBuffer::new_with_options(8, &ArrayBufferOptions::new(16));
    assert!(buffer.resizable());
    assert_eq!(buffer.max_byte_length(), 16);
    let tracking = Uint8Array::new(&buffer);
    let fixed = Uint8Array::new_with_byte_offset_and_length(&buffer, 0, 4);
    buffer.resize(12).unwrap();
    assert_eq!(buffer.byte_length(), 12);
    assert_eq!(tracking.length(), 12); // made without a length: follows the buffer
    assert_eq!(fixed.length(), 4);
    let error = buffer.resize(17).unwrap_err();
    assert!(error.is_instance_of::<RangeError>());
    tracking.set_index(0, 7);
    let moved = buffer.transfer().unwrap();
    assert!(buffer.detached());
    assert_eq!(buffer.byte_length(), 0);
    assert_eq!(tracking.length(), 0); // a view of a detached buffer is empty
    assert!(buffer.transfer().unwrap_err().is_instance_of::<TypeError>());
    assert!(moved.resizable() && moved.byte_length() == 12);
    assert_eq!(Uint8Array::new(&moved).get_index(0), 7);
    let shorter = moved.transfer_with_length(2).unwrap();
    assert_eq!(shorter.byte_length(), 2);
    let fixed_copy = shorter.transfer_to_fixed_length().unwrap();
    assert!(!fixed_copy.resizable());
    assert_eq!(fixed_copy.max_byte_length(), 2);
    let longer = fixed_copy.transfer_to_fixed_length_with_length(6).unwrap();
    assert_eq!(Uint8Array::new(&longer).to_vec(), vec![7, 0, 0, 0, 0, 0]);
    assert!(!ArrayBuffer::new(4).resizable());
}

#[wasm_bindgen] pub fn growable_shared_buffers() {
    let shared = SharedArrayBuffer::new_with_options(4, &ArrayBufferOptions::new(8));
    assert!(shared.growable());
    assert_eq!(shared.max_byte_length(), 8);
    shared.grow(6).unwrap();
    assert_eq!(shared.byte_length(), 6);
    assert!(shared.grow(2).unwrap_err().is_instance_of::<RangeError>()); // never shrinks
    assert!(shared.grow(9).unwrap_err().is_instance_of::<RangeError>());
    assert!(!SharedArrayBuffer::new(4).growable());
}

#[wasm_bindgen] pub fn float16() {
    let halves = Float16Array::new_with_length(4);
    assert_eq!((halves.length(), halves.byte_length(), halves.byte_offset()), (4, 8, 0));
    halves.fill_with_f32(1.5, 0, 4);
    halves.set_index_from_f32(1, 1.0001); // rounds to the nearest half: 1.0
    halves.set_index_from_f32(2, 70000.0); // past the largest half: Infinity
    assert_eq!(halves.get_index_as_f32(1), 1.0);
    assert_eq!(halves.get_index_as_f32(2), f32::INFINITY);
    assert_eq!(halves.at_as_f32(-1), Some(1.5));
    assert_eq!(halves.at_as_f32(9), None);
    let mut bits = [0u16; 4];
    halves.copy_to_u16_slice(&mut bits);
    assert_eq!(bits, [0x3e00, 0x3c00, 0x7c00, 0x3e00]);
    let mut total = 0.0;
    halves.for_each_as_f32(&mut |v, _, _| if v.is_finite() { total += v });
    assert_eq!(total, 4.0);
    assert_eq!(halves.subarray(1, 3).byte_offset(), 2);
    assert_eq!(halves.slice(0, 2).get_index_as_f32(0), 1.5);
    halves.copy_within(0, 1, 2);
    assert_eq!(halves.get_index_as_f32(0), 1.0);
    let copy = Float16Array::new(&halves);
    copy.set(&Array::of1(&n(0.5)), 3);
    assert_eq!(copy.get_index_as_f32(3), 0.5);
    assert_eq!(halves.get_index_as_f32(3), 1.5);
    let over = Float16Array::new_with_byte_offset(&halves.buffer(), 4);
    assert_eq!(over.length(), 2);
    let two = Float16Array::new_with_byte_offset_and_length(&halves.buffer(), 2, 1);
    assert_eq!(two.get_index_as_f32(0), 1.0);
    assert_eq!(Float16Array::new_from_u16_slice(&[0x4000]).get_index_as_f32(0), 2.0);
}

#[wasm_bindgen] pub fn data_view_float16() {
    let view = DataView::new(&ArrayBuffer::new(4), 0, 4);
    view.set_float16_from_f32(0, 1.5);
    assert_eq!(view.get_float16_as_f32(0), 1.5);
    assert_eq!(view.get_uint16(0), 0x3e00); // big-endian by default
    view.set_float16_endian_from_f32(2, -2.0, true);
    assert_eq!(view.get_float16_endian_as_f32(2, true), -2.0);
    assert_eq!(view.get_uint8(3), 0xc0);
}

macro_rules! copy_within_checks {
    ($($name:ident: $ty:ty),*) => {$({
        let arr = $name::new_from_slice(&[1 as $ty, 2 as $ty, 3 as $ty, 4 as $ty]);
        arr.copy_within(0, 2, 4);
        assert_eq!(arr.to_vec(), vec![3 as $ty, 4 as $ty, 3 as $ty, 4 as $ty], stringify!($name));
        arr.copy_within(1, 0, 3); // overlapping: as memmove
        assert_eq!(arr.to_vec(), vec![3 as $ty, 3 as $ty, 4 as $ty, 3 as $ty], stringify!($name));
        arr.copy_within(-1, 0, -3);
        assert_eq!(arr.get_index(3), 3 as $ty);
    })*};
}

#[wasm_bindgen] pub fn typed_copy_within() {
    copy_within_checks!(
        Int8Array: i8, Uint8Array: u8, Uint8ClampedArray: u8, Int16Array: i16,
        Uint16Array: u16, Int32Array: i32, Uint32Array: u32, Float32Array: f32,
        Float64Array: f64, BigInt64Array: i64, BigUint64Array: u64
    );
}

/// `Uint8Array.prototype.set.call(slice, array)`: js-sys's `copy_to` for every element type.
macro_rules! copy_to_checks {
    ($($name:ident: $ty:ty),*) => {$({
        let arr = $name::new_from_slice(&[5 as $ty, 6 as $ty]);
        let mut out = [0 as $ty; 2];
        arr.copy_to(&mut out);
        assert_eq!(out, [5 as $ty, 6 as $ty], stringify!($name));
    })*};
}

#[wasm_bindgen] pub fn typed_copy_to() {
    copy_to_checks!(
        Int8Array: i8, Uint8Array: u8, Uint8ClampedArray: u8, Int16Array: i16,
        Uint16Array: u16, Int32Array: i32, Uint32Array: u32, Float32Array: f32,
        Float64Array: f64, BigInt64Array: i64, BigUint64Array: u64
    );
}

#[wasm_bindgen] pub fn atomics_modern() {
    Atomics::pause();
    let cells = Int32Array::new(&SharedArrayBuffer::new(8));
    let result = Atomics::wait_async(&cells, 0, 1).unwrap();
    assert_eq!(get(&result, "async"), JsValue::FALSE);
    assert_eq!(get(&result, "value"), s("not-equal"));
    let timed = Atomics::wait_async_with_timeout(&cells, 0, 0, 0.0).unwrap();
    assert_eq!(get(&timed, "value"), s("timed-out"));
    let plain = Int32Array::new_with_length(2); // not shared: waiting on it is an error
    assert!(Atomics::wait_async(&plain, 0, 0).unwrap_err().is_instance_of::<TypeError>());
}

#[wasm_bindgen] pub async fn atomics_wait_async_notified() -> Result<(), JsValue> {
    let cells = Int32Array::new(&SharedArrayBuffer::new(8));
    let result = Atomics::wait_async(&cells, 1, 0)?;
    assert_eq!(get(&result, "async"), JsValue::TRUE);
    assert_eq!(Atomics::notify(&cells, 1)?, 1);
    let outcome = JsFuture::from(get(&result, "value").unchecked_into::<Promise>()).await?;
    assert_eq!(outcome, s("ok"));
    Ok(())
}
