//! The examples of `shared/seeds/closures.txt`, as close to verbatim as a runnable crate allows:
//! each snippet sits in an exported function the Python test calls, with the imports it names
//! provided by the test. Built with panic=abort and panic=unwind; where the seed's spelling does
//! not exist in the release, the nearest one is used and says so.
use std::cell::RefCell;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

// ---- Stack-lifetime closures ----

// Import JS functions that take closures
#[wasm_bindgen]
extern "C" {
    fn takes_immutable_closure(f: &dyn Fn());

    fn takes_mutable_closure(f: &mut dyn FnMut());
}

/// The seed's usage; returns `times_called`. Under panic=unwind a closure capturing
/// `&mut times_called` is not `UnwindSafe`, so the counter is captured through
/// `AssertUnwindSafe`, by value (what the release asks for; the seed predates the bound).
#[wasm_bindgen]
pub fn stack_closures() -> u32 {
    takes_immutable_closure(&|| {
        // ...
    });

    let mut times_called = 0;
    let mut counter = AssertUnwindSafe(&mut times_called);
    takes_mutable_closure(&mut move || {
        **counter += 1; // through the wrapper, so the closure captures all of it
    });
    times_called
}

#[wasm_bindgen]
extern "C" {
    fn takes_closure_that_takes_int_and_returns_string(x: &dyn Fn(u32) -> String);
}

#[wasm_bindgen]
pub fn int_to_string_closure() {
    takes_closure_that_takes_int_and_returns_string(&|x: u32| -> String {
        format!("x is {}", x)
    });
}

// ---- Heap-allocated closures: the Interval example, verbatim ----

#[wasm_bindgen]
extern "C" {
    fn setInterval(closure: &Closure<dyn FnMut()>, millis: u32) -> f64;
    fn clearInterval(token: f64);

    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
}

#[wasm_bindgen]
pub struct Interval {
    closure: Closure<dyn FnMut()>,
    token: f64,
}

impl Interval {
    pub fn new<F: 'static>(millis: u32, f: F) -> Interval
    where
        F: FnMut() + std::panic::UnwindSafe, // the bound Closure::new asks for under unwind
    {
        // Construct a new closure.
        let closure = Closure::new(f);

        // Pass the closure to JS, to run every n milliseconds.
        let token = setInterval(&closure, millis);

        Interval { closure, token }
    }
}

// When the Interval is destroyed, clear its `setInterval` timer.
impl Drop for Interval {
    fn drop(&mut self) {
        clearInterval(self.token);
    }
}

// A struct holding a Closure with `&self` methods must be RefUnwindSafe under unwind.
impl std::panic::RefUnwindSafe for Interval {}

// Keep logging "hello" every second until the resulting `Interval` is dropped.
#[wasm_bindgen]
pub fn hello() -> Interval {
    Interval::new(1_000, || log("hello"))
}

#[wasm_bindgen]
impl Interval {
    /// Whether the closure is still a live JS function (for the test).
    pub fn alive(&self) -> bool {
        self.closure.as_ref().is_function()
    }
}

// ---- Panic handling in closures ----

#[wasm_bindgen]
extern "C" {
    fn call_closure(f: &Closure<dyn FnMut()>);
    #[wasm_bindgen(catch)]
    fn call_closure_catching(f: &Closure<dyn FnMut()>) -> Result<(), JsValue>;
}

/// Fix 1: abort variants. The seed's `Closure::new_aborting` does not exist in the release;
/// `Closure::own_aborting` is its spelling. No UnwindSafe requirement — aborts on panic.
#[wasm_bindgen]
pub fn abort_variant(panic: bool) -> u32 {
    let data = Rc::new(RefCell::new(0));
    let seen = data.clone();

    // No UnwindSafe requirement — aborts on panic instead of catching
    let closure = Closure::own_aborting(move || {
        *data.borrow_mut() += 1;
        if panic {
            panic!("aborting closure panicked");
        }
    });
    call_closure(&closure);
    let value = *seen.borrow();
    value
}

/// Fix 2: assert unwind safety. The seed's `Closure::new(AssertUnwindSafe(..))` does not compile
/// (the wrapper is only FnOnce); `Closure::own_assert_unwind_safe` is the release's spelling.
/// A panic inside is caught: the catching import sees it as an Err.
#[wasm_bindgen]
pub fn assert_unwind_safe_variant(panic: bool) -> String {
    let data = Rc::new(RefCell::new(0));
    let inner = data.clone();
    let closure = Closure::own_assert_unwind_safe(move || {
        // you're asserting this is safe across panics
        *inner.borrow_mut() += 1;
        if panic {
            panic!("asserted closure panicked");
        }
    });
    let outcome = match call_closure_catching(&closure) {
        Ok(()) => "ok".to_string(),
        Err(e) => format!("caught: {}", js_error_message(&e)),
    };
    let calls = *data.borrow();
    format!("{} after {} call(s)", outcome, calls)
}

fn js_error_message(e: &JsValue) -> String {
    js_sys_free_message(e).unwrap_or_else(|| format!("{:?}", e))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> String;
}

fn js_sys_free_message(e: &JsValue) -> Option<String> {
    Some(js_string(e))
}

/// Type inference with Box: the two correct patterns.
#[wasm_bindgen]
pub fn wrap_patterns() -> u32 {
    // ✅ Correct — use turbofish, let concrete type flow through
    let first = Closure::<dyn FnMut()>::wrap(Box::new(|| {}));
    // ✅ Correct — use type annotation on binding
    let closure: Closure<dyn FnMut()> = Closure::wrap(Box::new(|| {}));
    call_closure(&first);
    call_closure(&closure);
    2
}
