//! Promises and futures (the seed's promises-and-futures document) with Python as the host.
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, spawn_local, JsFuture};

#[wasm_bindgen]
extern "C" {
    fn record(s: &str);
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &JsValue, millis: u32) -> f64;

    /// Python `async def` functions imported as async functions.
    async fn py_value(x: u32) -> JsValue;
    async fn py_nothing();
    #[wasm_bindgen(catch)]
    async fn py_may_fail(fail: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn py_may_fail_unit(fail: bool) -> Result<(), JsValue>;
    /// Returns any Python awaitable (coroutine, Future, Task) or a Promise.
    fn host_awaitable() -> Promise;
}

fn text(v: &JsValue) -> String {
    v.as_string().or_else(|| v.as_f64().map(|n| n.to_string())).unwrap_or_else(|| format!("{:?}", v))
}

// ---- #[wasm_bindgen] pub async fn exports ----

#[wasm_bindgen] pub async fn unit_async() { record("unit_async ran"); }
#[wasm_bindgen] pub async fn double_async(x: u32) -> u32 { x * 2 }
#[wasm_bindgen] pub async fn greet_async(name: &str) -> String {
    // the &str outlives the synchronous call: it moved into the future
    JsFuture::from(Promise::resolve(&JsValue::NULL)).await.unwrap();
    format!("hello {}", name)
}
#[wasm_bindgen] pub async fn checked_async(x: i32) -> Result<i32, JsValue> {
    if x < 0 { Err(JsError::new("negative input").into()) } else { Ok(x + 1) }
}
#[wasm_bindgen] pub async fn checked_unit(x: i32) -> Result<(), JsValue> {
    if x < 0 { Err(JsValue::from_str("plain value")) } else { Ok(()) }
}
#[wasm_bindgen] pub async fn panics_async(x: u32) -> u32 {
    JsFuture::from(Promise::resolve(&JsValue::NULL)).await.unwrap();
    if x > 0 { panic!("future panicked") }
    x
}

#[wasm_bindgen]
pub struct Counter { n: u32 }

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new(n: u32) -> Counter { Counter { n } }
    pub async fn plus_async(&self, by: u32) -> u32 {
        let _ = JsFuture::from(Promise::resolve(&JsValue::NULL)).await;
        self.n + by
    }
    pub fn get(&self) -> u32 { self.n }
}
#[wasm_bindgen] pub async fn make_counter_async(start: u32) -> Counter { Counter { n: start } }

// ---- awaiting the host: JsFuture over Python awaitables, imported async functions ----

#[wasm_bindgen] pub async fn await_host() -> Result<JsValue, JsValue> {
    JsFuture::from(host_awaitable()).await
}
#[wasm_bindgen] pub async fn await_py_value(x: u32) -> u32 {
    py_value(x).await.as_f64().unwrap() as u32 + 1
}
#[wasm_bindgen] pub async fn await_py_nothing() -> u32 { py_nothing().await; 7 }
#[wasm_bindgen] pub async fn await_py_may_fail(fail: bool) -> Result<JsValue, JsValue> {
    py_may_fail(fail).await
}
#[wasm_bindgen] pub async fn await_py_may_fail_unit(fail: bool) -> String {
    match py_may_fail_unit(fail).await {
        Ok(()) => "ok".into(),
        Err(e) => format!("caught {}", text(&e)),
    }
}

// ---- spawn_local and future_to_promise ----

#[wasm_bindgen] pub fn spawn_two() {
    record("spawn: before");
    spawn_local(async { record("task 1"); });
    spawn_local(async {
        record("task 2 start");
        let v = JsFuture::from(Promise::resolve(&JsValue::from(5))).await.unwrap();
        record(&format!("task 2 got {}", text(&v)));
    });
    record("spawn: after");
}
#[wasm_bindgen] pub fn to_promise(ok: bool) -> Promise {
    future_to_promise(async move {
        JsFuture::from(Promise::resolve(&JsValue::NULL)).await?;
        if ok { Ok(JsValue::from(42)) } else { Err(JsValue::from_str("rejected by Rust")) }
    })
}

// ---- js-sys Promise bindings ----

#[wasm_bindgen] pub fn with_executor(ok: bool) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        record("executor ran");
        if ok {
            resolve.call1(&JsValue::UNDEFINED, &JsValue::from_str("first")).unwrap();
            resolve.call1(&JsValue::UNDEFINED, &JsValue::from_str("second")).unwrap();
            reject.call1(&JsValue::UNDEFINED, &JsValue::from_str("late")).unwrap();
        } else {
            reject.call1(&JsValue::UNDEFINED, &JsValue::from_str("no")).unwrap();
        }
    })
}
#[wasm_bindgen] pub fn resolve(v: &JsValue) -> Promise { Promise::resolve(v) }
#[wasm_bindgen] pub fn reject(v: &JsValue) -> Promise { Promise::reject(v) }
#[wasm_bindgen] pub fn all(items: &JsValue) -> Promise { Promise::all(items) }
#[wasm_bindgen] pub fn all_settled(items: &JsValue) -> Promise { Promise::all_settled(items) }
#[wasm_bindgen] pub fn race(items: &JsValue) -> Promise { Promise::race(items) }
#[wasm_bindgen] pub fn any(items: &JsValue) -> Promise { Promise::any(items) }

/// `then`, `then2`, `catch` and `finally` on one promise, each recording what it saw.
#[wasm_bindgen] pub fn observe(p: &Promise, label: String) -> Promise {
    let (a, b, c, d, e) = (label.clone(), label.clone(), label.clone(), label.clone(), label);
    let on_then = Closure::once(move |v: JsValue| record(&format!("{} then {}", a, text(&v))));
    let on_ok = Closure::once(move |v: JsValue| record(&format!("{} then2 ok {}", b, text(&v))));
    let on_err = Closure::once(move |v: JsValue| record(&format!("{} then2 err {}", c, text(&v))));
    let on_catch = Closure::once(move |v: JsValue| record(&format!("{} catch {}", d, text(&v))));
    let on_finally = Closure::once(move || record(&format!("{} finally", e)));
    let _ = p.then(&on_then);
    let _ = p.then2(&on_ok, &on_err);
    let _ = p.catch(&on_catch);
    let last = p.finally(&on_finally);
    on_then.forget();
    on_ok.forget();
    on_err.forget();
    on_catch.forget();
    on_finally.forget();
    last
}

/// Awaits each promise in turn and reports `ok:`/`err:` per item.
#[wasm_bindgen] pub async fn await_each(items: Box<[JsValue]>) -> String {
    let mut out = Vec::new();
    for item in items.iter() {
        match JsFuture::from(Promise::resolve(item)).await {
            Ok(v) => out.push(format!("ok:{}", text(&v))),
            Err(e) => out.push(format!("err:{}", text(&e))),
        }
    }
    out.join(",")
}

// ---- ordering ----

/// Records from a timer, from promise reactions and from a spawned task.
#[wasm_bindgen] pub fn ordering() {
    set_timeout(&Closure::once_into_js(|| record("timer")), 0);
    let on_a = Closure::once(|_v: JsValue| record("promise a"));
    let on_b = Closure::once(|_v: JsValue| record("promise b"));
    let _ = Promise::resolve(&JsValue::from(1)).then(&on_a);
    spawn_local(async { record("task"); });
    let _ = Promise::resolve(&JsValue::from(2)).then(&on_b);
    on_a.forget();
    on_b.forget();
    record("sync end");
}

#[wasm_bindgen] pub fn add(a: u32, b: u32) -> u32 { a + b }
#[wasm_bindgen] pub async fn add_async(a: u32, b: u32) -> u32 {
    let v = py_value(a).await.as_f64().unwrap() as u32;
    v + b
}
