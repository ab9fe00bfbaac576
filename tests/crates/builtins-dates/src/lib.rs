//! js-sys dates built-ins called from Rust, each result asserted: a failed check panics, and
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
