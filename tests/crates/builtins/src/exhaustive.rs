//! Every remaining js-sys binding called at least once, each result asserted.
use js_sys::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn s(v: &str) -> JsValue { JsValue::from_str(v) }
fn n(v: f64) -> JsValue { JsValue::from_f64(v) }

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

#[wasm_bindgen] pub fn dates_all() {
    let d = Date::new_with_year_month_day_hr_min_sec_milli(2021, 2, 14, 15, 9, 26, 535);
    assert_eq!((d.get_full_year(), d.get_month(), d.get_date()), (2021, 2, 14));
    assert_eq!((d.get_hours(), d.get_minutes(), d.get_seconds(), d.get_milliseconds()), (15, 9, 26, 535));
    assert_eq!(d.get_day(), 0); // a Sunday
    let utc_hours = (15.0 + d.get_timezone_offset() / 60.0).rem_euclid(24.0);
    assert_eq!(d.get_utc_hours() as f64, utc_hours.floor());
    assert_eq!(Date::new_with_year_month(2020, 5).get_month(), 5);
    assert_eq!(Date::new_with_year_month_day(2020, 5, 6).get_date(), 6);
    assert_eq!(Date::new_with_year_month_day_hr(2020, 5, 6, 7).get_hours(), 7);
    assert_eq!(Date::new_with_year_month_day_hr_min(2020, 5, 6, 7, 8).get_minutes(), 8);
    assert_eq!(Date::new_with_year_month_day_hr_min_sec(2020, 5, 6, 7, 8, 9).get_seconds(), 9);
    assert!(Date::new_0().get_time() > 1.6e12);
    let u = Date::new(&n(Date::utc(2000.0, 0.0)));
    assert_eq!((u.get_utc_full_year(), u.get_utc_month(), u.get_utc_date(), u.get_utc_day()), (2000, 0, 1, 6));
    assert_eq!((u.get_utc_minutes(), u.get_utc_seconds(), u.get_utc_milliseconds()), (0, 0, 0));
    assert_eq!(u.value_of(), 946684800000.0);
    assert_eq!(u.to_json(), "2000-01-01T00:00:00.000Z");
    assert_eq!(u.to_utc_string(), "Sat, 01 Jan 2000 00:00:00 GMT");
    assert!(String::from(u.to_string()).len() > 20);
    assert!(String::from(u.to_date_string()).len() >= 15);
    assert!(String::from(u.to_time_string()).contains("GMT"));
    assert!(String::from(u.to_locale_string("en-US", &JsValue::UNDEFINED)).contains(","));
    assert!(String::from(u.to_locale_date_string("en-US", &JsValue::UNDEFINED)).contains("/"));
    assert!(String::from(u.to_locale_time_string("en-US")).contains(":"));
    assert_eq!(Date::parse("2000-01-01T00:00:00Z"), 946684800000.0);
    let t = Date::new(&n(0.0));
    assert_eq!(t.set_time(1000.0), 1000.0);
    t.set_utc_milliseconds(5); assert_eq!(t.get_utc_milliseconds(), 5);
    t.set_utc_seconds(6); assert_eq!(t.get_utc_seconds(), 6);
    t.set_utc_minutes(7); assert_eq!(t.get_utc_minutes(), 7);
    t.set_utc_hours(8); assert_eq!(t.get_utc_hours(), 8);
    t.set_utc_date(9); assert_eq!(t.get_utc_date(), 9);
    t.set_utc_month(10); assert_eq!(t.get_utc_month(), 10);
    t.set_utc_full_year_with_month(1999, 1); assert_eq!((t.get_utc_full_year(), t.get_utc_month()), (1999, 1));
    t.set_utc_full_year_with_month_date(1998, 2, 3); assert_eq!(t.get_utc_date(), 3);
    let l = Date::new_with_year_month_day(2010, 0, 1);
    l.set_milliseconds(1); assert_eq!(l.get_milliseconds(), 1);
    l.set_seconds(2); assert_eq!(l.get_seconds(), 2);
    l.set_minutes(3); assert_eq!(l.get_minutes(), 3);
    l.set_hours(4); assert_eq!(l.get_hours(), 4);
    l.set_date(5); assert_eq!(l.get_date(), 5);
    l.set_month(6); assert_eq!(l.get_month(), 6);
    l.set_full_year(2011); assert_eq!(l.get_full_year(), 2011);
    l.set_full_year_with_month(2012, 7); assert_eq!(l.get_month(), 7);
    l.set_full_year_with_month_date(2013, 8, 9); assert_eq!((l.get_full_year(), l.get_date()), (2013, 9));
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
    assert!(Object::is_frozen(&JsValue::from_str("primitive").unchecked_into()));
    assert!(Object::is_sealed(&JsValue::from_str("primitive").unchecked_into()));
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

/// `new Function(source)` needs eval: it throws (to Python, the import being no `catch`).
#[wasm_bindgen] pub fn function_from_source(with_args: bool) -> Function {
    if with_args { Function::new_with_args("a", "return a") } else { Function::new_no_args("return 1") }
}

#[wasm_bindgen] pub fn misc_all() {
    // Array leftovers
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
    // Map / Set iterators and WeakMap.delete
    let m = Map::new();
    m.set(&s("k"), &n(1.0));
    assert_eq!(m.keys().next().unwrap().value(), s("k"));
    assert_eq!(m.values().next().unwrap().value(), n(1.0));
    assert!(Array::is_array(&m.entries().next().unwrap().value()));
    let set = Set::new(&Array::of2(&n(1.0), &n(2.0)));
    let mut count = 0;
    set.for_each(&mut |_, _, _| count += 1);
    assert_eq!(count, 2);
    assert_eq!(set.values().next().unwrap().value(), n(1.0));
    assert_eq!(set.keys().next().unwrap().value(), n(1.0));
    assert!(Array::is_array(&set.entries().next().unwrap().value()));
    set.clear();
    assert_eq!(set.size(), 0);
    let weak = WeakMap::new();
    let key = Object::new();
    weak.set(&key, &n(1.0));
    assert!(weak.delete(&key));
    // Number leftovers
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
    // Function leftovers
    let max: Function = Reflect::get(&Reflect::get(&global(), &s("Math")).unwrap(), &s("max")).unwrap().unchecked_into();
    assert_eq!(max.call2(&JsValue::NULL, &n(1.0), &n(3.0)).unwrap(), n(3.0));
    assert_eq!(max.call3(&JsValue::NULL, &n(1.0), &n(3.0), &n(2.0)).unwrap(), n(3.0));
    assert_eq!(max.bind(&JsValue::NULL).call1(&JsValue::NULL, &n(4.0)).unwrap(), n(4.0));
    assert_eq!(max.bind0(&JsValue::NULL).call0(&JsValue::NULL).unwrap(), n(f64::NEG_INFINITY));
    assert_eq!(max.bind2(&JsValue::NULL, &n(1.0), &n(9.0)).call0(&JsValue::NULL).unwrap(), n(9.0));
    assert_eq!(max.bind3(&JsValue::NULL, &n(1.0), &n(9.0), &n(2.0)).call0(&JsValue::NULL).unwrap(), n(9.0));
    assert_eq!(max.name(), "max");
    assert!(String::from(max.to_string()).contains("max"));
    // Boolean, BigInt, Symbol leftovers
    assert!(Boolean::from(true).value_of());
    assert_eq!(BigInt::from(7u64).to_locale_string(&JsValue::UNDEFINED, &JsValue::UNDEFINED), "7");
    assert_eq!(BigInt::from(7u64).value_of(10), BigInt::from(7u64));
    for sym in [Symbol::async_iterator(), Symbol::has_instance(), Symbol::is_concat_spreadable(), Symbol::match_(), Symbol::replace(), Symbol::search(), Symbol::species(), Symbol::split(), Symbol::to_primitive(), Symbol::to_string_tag(), Symbol::unscopables()] {
        assert!(String::from(Symbol::to_string(&sym)).starts_with("Symbol(Symbol."));
        assert!(JsValue::from(sym.value_of()) == JsValue::from(sym));
    }
    // Atomics leftovers
    let cells = Int32Array::new_with_length(1);
    Atomics::store(&cells, 0, 6).unwrap();
    assert_eq!(Atomics::sub(&cells, 0, 1).unwrap(), 6);
    assert_eq!(Atomics::and(&cells, 0, 4).unwrap(), 5);
    assert_eq!(Atomics::or(&cells, 0, 1).unwrap(), 4);
    assert_eq!(Atomics::xor(&cells, 0, 1).unwrap(), 5);
    assert_eq!(Atomics::notify(&cells, 0).unwrap(), 0);
    assert_eq!(Atomics::wait(&cells, 0, 99).unwrap(), "not-equal");
    // Error accessors and constructors
    let e = Error::new("m");
    e.set_message("changed");
    e.set_name("Custom");
    e.set_cause(&s("why"));
    assert_eq!((String::from(e.message()), String::from(e.name())), ("changed".into(), "Custom".into()));
    assert_eq!(e.to_string(), "Custom: changed");
    assert_eq!(e.cause(), s("why"));
    // globalThis
    assert!(global().is_object());
}

/// `throw` into a Python generator (it catches and yields), then `return`.
#[wasm_bindgen] pub fn generator_controls(g: &Generator) -> String {
    let first: IteratorNext = g.next(&JsValue::UNDEFINED).unwrap().unchecked_into();
    let caught: IteratorNext = g.throw(&Error::new("stop")).unwrap().unchecked_into();
    let done: IteratorNext = g.return_(&n(9.0)).unchecked_into();
    format!("{:?} {:?} {:?} {}", first.value(), caught.value(), done.value(), done.done())
}
#[wasm_bindgen] pub fn async_next(it: &AsyncIterator) -> Promise { it.next().unwrap() }

/// For bad-input tests: Python passes values that are not Maps.
#[wasm_bindgen] pub fn map_size(m: &Map) -> u32 { m.size() }
#[wasm_bindgen] pub fn map_get(m: &Map, key: &JsValue) -> JsValue { m.get(key) }
