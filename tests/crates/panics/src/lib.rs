//! Panics under panic=unwind (built so by tests/crate_builds.py beside the panic=abort build):
//! wasm-bindgen catches them at the boundary and throws a PanicError, and the instance lives on;
//! the `*_aborting` closures abort instead.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn call_me(f: &Closure<dyn FnMut(u32) -> u32>, x: u32) -> u32;
    #[wasm_bindgen(catch)]
    fn call_me_catching(f: &Closure<dyn FnMut(u32) -> u32>, x: u32) -> Result<u32, JsValue>;
    fn call_stack(f: &dyn Fn(u32) -> u32, x: u32) -> u32;
    fn call_back_into_rust(x: u32) -> u32;
}

thread_local!(static COUNT: Cell<u32> = Cell::new(0));

/// Panics when `x` is 0, else counts the call and returns `x * 2`.
#[wasm_bindgen] pub fn double_or_panic(x: u32) -> u32 {
    if x == 0 {
        panic!("x must not be zero");
    }
    COUNT.with(|c| c.set(c.get() + 1));
    x * 2
}

#[wasm_bindgen] pub fn calls() -> u32 { COUNT.with(|c| c.get()) }

#[wasm_bindgen] pub fn panic_with_string(n: u32) -> u32 {
    std::panic::panic_any(format!("formatted panic {}", n));
}

#[wasm_bindgen] pub fn echo_after_panic(s: &str) -> String { format!("still alive: {}", s) }

/// A catching heap closure (Closure::new), handed to Python to call.
#[wasm_bindgen] pub fn catching_closure() -> JsValue {
    Closure::<dyn FnMut(u32) -> u32>::new(|x: u32| {
        if x == 0 { panic!("closure got zero"); }
        x + 1
    })
    .into_js_value()
}

/// The same through the aborting constructor: a panic is a hard abort.
#[wasm_bindgen] pub fn aborting_closure() -> JsValue {
    let data = Rc::new(RefCell::new(0));
    Closure::<dyn FnMut(u32) -> u32>::own_aborting(move |x: u32| {
        *data.borrow_mut() += 1;
        if x == 0 { panic!("aborting closure got zero"); }
        x + 1
    })
    .into_js_value()
}

/// A stack closure that panics while Python's import runs it.
#[wasm_bindgen] pub fn stack_closure_panics(x: u32) -> u32 {
    call_stack(&|v: u32| -> u32 { if v == 0 { panic!("stack closure got zero") } v * 3 }, x)
}

/// Python → Rust → Python → Rust, where the inner Rust call panics.
#[wasm_bindgen] pub fn outer(x: u32) -> u32 { call_back_into_rust(x) + 1 }

#[wasm_bindgen] pub async fn async_panics(x: u32) -> u32 {
    if x == 0 { panic!("async got zero"); }
    x
}

/// A struct whose Drop panics (run by free()).
#[wasm_bindgen] pub struct Grumpy { value: u32 }

#[wasm_bindgen]
impl Grumpy {
    #[wasm_bindgen(constructor)]
    pub fn new(value: u32) -> Grumpy { Grumpy { value } }
    pub fn value(&self) -> u32 { self.value }
    /// Panics while `&self` is borrowed.
    pub fn explode(&self) -> u32 { panic!("explode while borrowed ({})", self.value) }
}

impl Drop for Grumpy {
    fn drop(&mut self) {
        if self.value == 13 { panic!("unlucky drop"); }
    }
}

#[wasm_bindgen]
extern "C" {
    fn call_plain(f: &Closure<dyn FnMut()>);
    fn call_scoped(f: &ScopedClosure<dyn FnMut()>);
    fn call_scoped_fn(f: &ScopedClosure<dyn Fn()>);
}

/// Every `*_aborting` constructor the release has, each panicking when called: a hard abort.
/// (The seed's `new_aborting` and `once_into_js_aborting` do not exist; `own_aborting` and
/// `once_aborting(..).into_js_value()` are the release's spellings.)
#[wasm_bindgen]
pub fn aborting_variant(kind: &str) {
    let data = Rc::new(RefCell::new(0)); // not UnwindSafe: fine for the aborting variants
    match kind {
        "own_aborting" => call_plain(&Closure::own_aborting(move || {
            *data.borrow_mut() += 1;
            panic!("own_aborting");
        })),
        "wrap_aborting" => call_plain(&Closure::<dyn FnMut()>::wrap_aborting(Box::new(move || {
            *data.borrow_mut() += 1;
            panic!("wrap_aborting");
        }))),
        "once_aborting" => call_plain(&Closure::once_aborting(move || {
            *data.borrow_mut() += 1;
            panic!("once_aborting");
        })),
        "once_aborting_into_js" => {
            let f: JsValue = Closure::<dyn FnMut()>::once_aborting(move || {
                *data.borrow_mut() += 1;
                panic!("once_aborting into_js_value");
            })
            .into_js_value();
            let _ = js_sys::Function::from(f).call0(&JsValue::NULL);
        }
        "borrow_aborting" => {
            let f = move || {
                let _ = &data;
                panic!("borrow_aborting");
            };
            call_scoped_fn(&ScopedClosure::<dyn Fn()>::borrow_aborting(&f));
        }
        "borrow_mut_aborting" => {
            let mut f = move || {
                *data.borrow_mut() += 1;
                panic!("borrow_mut_aborting");
            };
            call_scoped(&ScopedClosure::<dyn FnMut()>::borrow_mut_aborting(&mut f));
        }
        other => panic!("unknown variant {}", other),
    }
}
