//! The examples of `shared/seeds/closures-2018.txt` in the 2018 spelling (`&Fn()`,
//! `Closure<FnMut()>`, `cancelInterval`), edition 2018, as verbatim as a runnable crate allows.
//! The seed's `features = ["nightly"]` for `Closure` is long gone: `Closure` needs no feature.
//! Only wasm-bindgen 0.2.83 builds it (tests/versions/v0_2_83/crates/seed-closures-2018): the
//! macro of today's releases (syn 2) no longer parses bare trait objects such as `&Fn()`.
#![allow(bare_trait_objects)] // the 2018 spelling, which the seed shows

use wasm_bindgen::prelude::*;

// Import JS functions that take closures

#[wasm_bindgen]
extern "C" {
    fn takes_immutable_closure(f: &Fn());

    fn takes_mutable_closure(f: &mut FnMut());
}

// Usage, in an export the test calls; returns `times_called`.
#[wasm_bindgen]
pub fn stack_closures() -> u32 {
    takes_immutable_closure(&|| {
        // ...
    });

    let mut times_called = 0;
    takes_mutable_closure(&mut || {
        times_called += 1;
    });
    times_called
}

#[wasm_bindgen]
extern "C" {
    fn takes_closure_that_takes_int_and_returns_string(x: &Fn(u32) -> String);
}

#[wasm_bindgen]
pub fn int_to_string_closure() {
    takes_closure_that_takes_int_and_returns_string(&|x: u32| -> String {
        format!("x is {}", x)
    });
}

#[wasm_bindgen]
extern "C" {
    fn setInterval(closure: &Closure<FnMut()>, millis: u32) -> f64;
    fn cancelInterval(token: f64);

    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
}

#[wasm_bindgen]
pub struct Interval {
    closure: Closure<FnMut()>,
    token: f64,
}

impl Interval {
    pub fn new<F: 'static>(millis: u32, f: F) -> Interval
    where
        F: FnMut()
    {
        // Construct a new closure.
        let closure = Closure::new(f);

        // Pass the closuer to JS, to run every n milliseconds.
        let token = setInterval(&closure, millis);

        Interval { closure, token }
    }
}

// When the Interval is destroyed, cancel its `setInterval` timer.
impl Drop for Interval {
    fn drop(&mut self) {
        cancelInterval(self.token);
    }
}

// Keep logging "hello" every second until the resulting `Interval` is dropped.
#[wasm_bindgen]
pub fn hello() -> Interval {
    Interval::new(1_000, || log("hello"))
}

#[wasm_bindgen]
impl Interval {
    /// The timer's token (for the test, which cancels through it).
    pub fn token(&self) -> f64 {
        let _ = &self.closure;
        self.token
    }
}
