//! Promises as Rust futures and Rust futures as Promises, on the host's microtask queue.
//!
//! The same public surface and host protocol as wasm-bindgen-futures 0.4.33: `JsFuture` settles
//! through a two-closure `then`; tasks run from a `Promise.resolve(undefined).then(closure)`
//! microtask; `future_to_promise` builds its Promise with a synchronous executor.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use js_sys::Promise;
use wasm_bindgen::prelude::*;

mod queue;
mod task;

pub use js_sys;
pub use wasm_bindgen;

/// Runs `future` to completion on the current thread, driven by the host's microtasks.
pub fn spawn_local<F>(future: F)
where
    F: Future<Output = ()> + 'static,
{
    task::Task::spawn(Box::pin(future));
}

struct Shared {
    result: Option<Result<JsValue, JsValue>>,
    waker: Option<Waker>,
    callbacks: Option<(Closure<dyn FnMut(JsValue)>, Closure<dyn FnMut(JsValue)>)>,
}

/// A JS Promise awaited from Rust: `Ok` when it fulfils, `Err` when it rejects.
pub struct JsFuture {
    shared: Rc<RefCell<Shared>>,
}

impl std::fmt::Debug for JsFuture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "JsFuture {{ ... }}")
    }
}

impl From<Promise> for JsFuture {
    fn from(promise: Promise) -> JsFuture {
        let shared = Rc::new(RefCell::new(Shared { result: None, waker: None, callbacks: None }));

        fn settle(shared: &RefCell<Shared>, value: Result<JsValue, JsValue>) {
            let (waker, callbacks) = {
                let mut state = shared.borrow_mut();
                debug_assert!(state.result.is_none());
                state.result = Some(value);
                (state.waker.take(), state.callbacks.take())
            };
            // Dropping both closures here: the one running now is destroyed when it returns.
            drop(callbacks);
            if let Some(waker) = waker {
                waker.wake();
            }
        }

        let on_ok = {
            let shared = shared.clone();
            Closure::once(move |value| settle(&shared, Ok(value)))
        };
        let on_err = {
            let shared = shared.clone();
            Closure::once(move |value| settle(&shared, Err(value)))
        };
        let _ = promise.then2(&on_ok, &on_err);
        shared.borrow_mut().callbacks = Some((on_ok, on_err));
        JsFuture { shared }
    }
}

impl Future for JsFuture {
    type Output = Result<JsValue, JsValue>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.shared.borrow_mut();
        if let Some(result) = state.result.take() {
            return Poll::Ready(result);
        }
        state.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A Promise that settles with `future`'s result; the future starts on the next microtask.
pub fn future_to_promise<F>(future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let mut future = Some(future);
    Promise::new(&mut |resolve, reject| {
        let future = future.take().unwrap_throw();
        spawn_local(async move {
            match future.await {
                Ok(value) => resolve.call1(&JsValue::undefined(), &value).unwrap_throw(),
                Err(value) => reject.call1(&JsValue::undefined(), &value).unwrap_throw(),
            };
        });
    })
}
