//! js-sys binary built-ins called from Rust, each result asserted: a failed check panics, and
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

macro_rules! typed_array_checks {
    ($name:ident, $ty:ty, $a:expr, $b:expr) => {{
        let arr = $name::new_with_length(4);
        assert_eq!(arr.length(), 4);
        assert_eq!(arr.byte_length() as usize, 4 * std::mem::size_of::<$ty>());
        assert_eq!(arr.byte_offset(), 0);
        arr.fill($a, 0, 4);
        assert_eq!(arr.get_index(3), $a);
        arr.set_index(0, $b);
        assert_eq!(arr.at(0), Some($b));
        assert_eq!(arr.at(-1), Some($a));
        let mut seen = 0;
        arr.for_each(&mut |_, _, _| seen += 1);
        assert_eq!(seen, 4);
        let sub = arr.subarray(1, 3);
        assert_eq!(sub.length(), 2);
        assert_eq!(sub.byte_offset() as usize, std::mem::size_of::<$ty>());
        let part = arr.slice(0, 2);
        assert_eq!(part.get_index(0), $b);
        let buffer = arr.buffer();
        assert_eq!(buffer.byte_length(), arr.byte_length());
        let over = $name::new_with_byte_offset(&buffer, std::mem::size_of::<$ty>() as u32);
        assert_eq!(over.length(), 3);
        let same = $name::new(&arr);
        assert_eq!(same.get_index(0), $b);
        let other = $name::new_with_length(4);
        other.set(&arr, 0);
        assert_eq!(other.to_vec(), arr.to_vec());
        assert!(arr.is_instance_of::<$name>());
    }};
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

#[wasm_bindgen] pub fn typed_arrays_all() {
    typed_array_checks!(Int8Array, i8, -3, 7);
    typed_array_checks!(Uint8Array, u8, 3, 7);
    typed_array_checks!(Uint8ClampedArray, u8, 3, 7);
    typed_array_checks!(Int16Array, i16, -300, 7);
    typed_array_checks!(Uint16Array, u16, 300, 7);
    typed_array_checks!(Int32Array, i32, -70000, 7);
    typed_array_checks!(Uint32Array, u32, 70000, 7);
    typed_array_checks!(Float32Array, f32, 1.5, -0.25);
    typed_array_checks!(Float64Array, f64, 1.5, -0.25);
    typed_array_checks!(BigInt64Array, i64, -5, 7);
    typed_array_checks!(BigUint64Array, u64, 5, 7);
    let shared = SharedArrayBuffer::new(8);
    assert_eq!(shared.byte_length(), 8);
    assert_eq!(shared.slice(2).byte_length(), 6);
    assert_eq!(shared.slice_with_end(2, 4).byte_length(), 2);
    let buffer = ArrayBuffer::new(4);
    assert_eq!(buffer.slice_with_end(1, 3).byte_length(), 2);
}

#[wasm_bindgen] pub fn data_views_all() {
    let buffer = ArrayBuffer::new(16);
    let v = DataView::new(&buffer, 0, 16);
    assert_eq!(v.byte_length(), 16);
    assert_eq!(v.byte_offset(), 0);
    assert_eq!(v.buffer().byte_length(), 16);
    v.set_int8(0, -1); assert_eq!(v.get_int8(0), -1);
    v.set_uint8(0, 200); assert_eq!(v.get_uint8(0), 200);
    v.set_int16(0, -2); assert_eq!(v.get_int16(0), -2);
    v.set_int16_endian(0, -3, true); assert_eq!(v.get_int16_endian(0, true), -3);
    v.set_uint16(0, 513); assert_eq!(v.get_uint16(0), 513);
    assert_eq!(v.get_uint16_endian(0, true), 258);
    v.set_int32(0, -4); assert_eq!(v.get_int32(0), -4);
    v.set_int32_endian(0, -5, true); assert_eq!(v.get_int32_endian(0, true), -5);
    v.set_uint32(4, 7); assert_eq!(v.get_uint32(4), 7);
    v.set_uint32_endian(4, 8, true); assert_eq!(v.get_uint32_endian(4, true), 8);
    v.set_float32(8, 1.5); assert_eq!(v.get_float32(8), 1.5);
    v.set_float32_endian(8, 2.5, true); assert_eq!(v.get_float32_endian(8, true), 2.5);
    v.set_float64(8, -1.25); assert_eq!(v.get_float64(8), -1.25);
    v.set_float64_endian(8, 3.5, true); assert_eq!(v.get_float64_endian(8, true), 3.5);
    let offset = DataView::new(&buffer, 4, 4);
    assert_eq!(offset.byte_offset(), 4);
}

#[wasm_bindgen] pub fn misc_atomics() {
    let cells = Int32Array::new_with_length(1);
    Atomics::store(&cells, 0, 6).unwrap();
    assert_eq!(Atomics::sub(&cells, 0, 1).unwrap(), 6);
    assert_eq!(Atomics::and(&cells, 0, 4).unwrap(), 5);
    assert_eq!(Atomics::or(&cells, 0, 1).unwrap(), 4);
    assert_eq!(Atomics::xor(&cells, 0, 1).unwrap(), 5);
    assert_eq!(Atomics::notify(&cells, 0).unwrap(), 0);
    assert_eq!(Atomics::wait(&cells, 0, 99).unwrap(), "not-equal");
}
