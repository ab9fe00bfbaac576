//! Closures both ways: stack closures passed to imports, heap closures kept by Python.
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn call_fn0(f: &dyn Fn()) -> JsValue;
    fn call_fn2(f: &dyn Fn(u32, u32) -> u32) -> u32;
    fn call_fn_str(f: &dyn Fn(String, String) -> String) -> String;
    fn call_fnmut(f: &mut dyn FnMut(f64) -> f64) -> f64;
    fn call_fn7(f: &dyn Fn(u8, i16, u32, i64, f32, bool, char) -> String) -> String;
    fn keep(f: &JsValue);
    fn keep_closure(f: &Closure<dyn FnMut(u32) -> u32>);
    fn keep_opt(f: Option<&Closure<dyn Fn()>>) -> bool;
    fn reenter(f: &JsValue);
    fn call_heap(f: &Closure<dyn Fn(u32) -> u32>, x: u32) -> u32;
}

#[wasm_bindgen] pub fn stack_fn0() -> JsValue { call_fn0(&|| ()) }
#[wasm_bindgen] pub fn stack_fn2() -> u32 { call_fn2(&|a, b| a * 10 + b) }
#[wasm_bindgen] pub fn stack_str() -> String { call_fn_str(&|a, b| format!("{}+{}", a, b)) }
#[wasm_bindgen] pub fn stack_fnmut() -> f64 {
    let mut total = 0.0;
    let r = call_fnmut(&mut |x| { total += x; total });
    r + total
}
#[wasm_bindgen] pub fn stack_fn7() -> String {
    call_fn7(&|a, b, c, d, e, f, g| format!("{} {} {} {} {} {} {}", a, b, c, d, e, f, g))
}

#[wasm_bindgen]
pub struct Held { closure: Option<Closure<dyn FnMut(u32) -> u32>>, calls: Rc<Cell<u32>> }

#[wasm_bindgen]
impl Held {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Held {
        let calls = Rc::new(Cell::new(0));
        let c = calls.clone();
        let closure = Closure::new(move |x: u32| { c.set(c.get() + 1); x * 2 });
        keep_closure(&closure);
        Held { closure: Some(closure), calls }
    }
    pub fn calls(&self) -> u32 { self.calls.get() }
    pub fn drop_closure(&mut self) { self.closure = None; }
}

#[wasm_bindgen] pub fn heap_fn_str() {
    let c = Closure::wrap(Box::new(|s: String| -> String { s.to_uppercase() }) as Box<dyn Fn(String) -> String>);
    keep(c.as_ref());
    c.forget();
}
#[wasm_bindgen] pub fn heap_into_value() -> JsValue {
    Closure::<dyn Fn(f64) -> f64>::new(|x: f64| x + 0.5).into_js_value()
}
#[wasm_bindgen] pub fn heap_once() -> JsValue {
    let s = String::from("once!");
    Closure::once_into_js(move || s)
}
#[wasm_bindgen] pub fn heap_once_closure() -> JsValue {
    let v = vec![1u8, 2, 3];
    let c = Closure::once(move || v.len() as u32);
    let js = c.as_ref().clone();
    c.forget();
    js
}
#[wasm_bindgen] pub fn opt_closure(some: bool) -> bool {
    let c = Closure::<dyn Fn()>::new(|| ());
    keep_opt(if some { Some(&c) } else { None })
}

thread_local!(static SELF_DROP: RefCell<Option<Closure<dyn FnMut()>>> = RefCell::new(None));
#[wasm_bindgen] pub fn self_dropping() -> JsValue {
    let c = Closure::<dyn FnMut()>::new(|| { SELF_DROP.with(|s| s.borrow_mut().take()); });
    let js = c.as_ref().clone();
    SELF_DROP.with(|s| *s.borrow_mut() = Some(c));
    js
}
#[wasm_bindgen] pub fn recursive() -> JsValue {
    let c = Closure::<dyn FnMut(JsValue)>::new(|f: JsValue| reenter(&f));
    c.into_js_value()
}


#[wasm_bindgen] pub fn churn(n: u32) -> u32 {
    let mut total = 0u32;
    for i in 0..n {
        let c = Closure::<dyn Fn(u32) -> u32>::new(move |x: u32| x.wrapping_add(i));
        total = total.wrapping_add(call_heap(&c, 1));
    }
    total
}
#[wasm_bindgen] pub fn memory_bytes() -> usize { core::arch::wasm32::memory_size(0) * 65536 }

#[wasm_bindgen] pub fn call_python(f: &js_sys::Function, args: &js_sys::Array) -> Result<String, JsValue> {
    let a = f.call0(&JsValue::NULL)?;
    let b = f.call1(&JsValue::NULL, &JsValue::from(1))?;
    let c = f.call2(&JsValue::NULL, &JsValue::from(1), &JsValue::from(2))?;
    let d = f.call3(&JsValue::NULL, &JsValue::from(1), &JsValue::from(2), &JsValue::from(3))?;
    let e = f.apply(&JsValue::NULL, args)?;
    let bound = f.bind1(&JsValue::NULL, &JsValue::from(10));
    let g = bound.call1(&JsValue::NULL, &JsValue::from(20))?;
    Ok(format!("{:?} {:?} {:?} {:?} {:?} {:?}", a, b, c, d, e, g))
}

// ---- Timers on the host's event loop: the seed's Interval example ----

#[wasm_bindgen]
extern "C" {
    fn setInterval(closure: &Closure<dyn FnMut()>, millis: u32) -> f64;
    fn clearInterval(token: f64);
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &JsValue, millis: u32) -> f64;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(token: f64);
    #[wasm_bindgen(js_name = queueMicrotask)]
    fn queue_microtask(f: &JsValue);
    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
    fn record(s: &str);
}

#[wasm_bindgen]
pub struct Interval {
    closure: Closure<dyn FnMut()>,
    token: f64,
}

impl Interval {
    pub fn new<F: 'static>(millis: u32, f: F) -> Interval
    where
        F: FnMut(),
    {
        let closure = Closure::new(f);
        let token = setInterval(&closure, millis);
        Interval { closure, token }
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        clearInterval(self.token);
    }
}

#[wasm_bindgen] pub fn hello() -> Interval { Interval::new(1_000, || log("hello")) }
#[wasm_bindgen] pub fn ticker(millis: u32) -> Interval {
    let mut n = 0;
    Interval::new(millis, move || { n += 1; record(&format!("tick {}", n)) })
}
#[wasm_bindgen] pub fn interval_closure_alive(i: &Interval) -> bool { i.closure.as_ref().is_function() }

/// Microtasks (FIFO, including ones queued by microtasks) run before a zero-delay timer.
#[wasm_bindgen] pub fn schedule_order() {
    set_timeout(&Closure::once_into_js(|| record("timeout")), 0);
    queue_microtask(&Closure::once_into_js(|| record("micro1")));
    queue_microtask(&Closure::once_into_js(|| {
        record("micro2");
        queue_microtask(&Closure::once_into_js(|| record("micro3")));
    }));
}
/// A cleared timeout never fires; its closure is Rust's to drop.
#[wasm_bindgen] pub fn cancelled_timeout() {
    let c = Closure::<dyn FnMut()>::new(|| record("should not fire"));
    let token = set_timeout(c.as_ref(), 5);
    clear_timeout(token);
}

// ---- Panics inside closures ----

#[wasm_bindgen] pub fn panicking_closure() -> JsValue {
    Closure::<dyn Fn(u32) -> u32>::new(|x: u32| if x > 0 { panic!("closure panicked on {}", x) } else { x })
        .into_js_value()
}

// ---- Benchmarks: Rust calling Python, Python calling a Rust closure ----

#[wasm_bindgen] pub fn call_n(f: &js_sys::Function, n: u32) -> Result<u32, JsValue> {
    for i in 0..n {
        f.call1(&JsValue::NULL, &JsValue::from(i))?;
    }
    Ok(n)
}
#[wasm_bindgen] pub fn call_n_same_arg(f: &js_sys::Function, n: u32) -> Result<u32, JsValue> {
    let arg = JsValue::from(7);
    for _ in 0..n {
        f.call1(&JsValue::NULL, &arg)?;
    }
    Ok(n)
}
#[wasm_bindgen] pub fn add_one_closure() -> JsValue {
    Closure::<dyn Fn(u32) -> u32>::new(|x: u32| x + 1).into_js_value()
}
#[wasm_bindgen] pub fn add(a: u32, b: u32) -> u32 { a + b }

thread_local!(static TRACKERS_DROPPED: std::cell::Cell<u32> = std::cell::Cell::new(0));
struct Tracker;
impl Drop for Tracker {
    fn drop(&mut self) { TRACKERS_DROPPED.with(|d| d.set(d.get() + 1)); }
}
/// A closure given away with `into_js_value`, owning a value whose drop is counted.
#[wasm_bindgen] pub fn tracked_closure() -> JsValue {
    let tracker = Tracker;
    Closure::<dyn Fn() -> u32>::new(move || { let _ = &tracker; 1 }).into_js_value()
}
#[wasm_bindgen] pub fn trackers_dropped() -> u32 { TRACKERS_DROPPED.with(|d| d.get()) }
