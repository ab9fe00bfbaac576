//! The examples of `shared/seeds/promises-and-futures.txt`, as close to verbatim as a runnable
//! crate allows: each snippet sits in an export the Python test awaits, and the JS functions it
//! names are imports the test provides (`fetch_item` stands in for the seed's web-sys
//! `worker.fetch_with_str_and_init(&url, &init)`, which needs a browser).
use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, JsString, Number, Promise, Uint8Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn fetch_number() -> Promise<Number>;
    fn fetchNumbers() -> Promise<Array<Number>>;
    /// Resolves with `"item {i}"`; rejects with `"no item {i}"` when `i` is odd and `fail` is set.
    fn fetch_item(i: u32, fail: bool) -> Promise<JsString>;
    fn fetch_buffer() -> Promise<ArrayBuffer>;
}

// ---- Awaiting a Promise directly ----

// The seed writes `Promise::resolve(&42.into())`; `resolve` is generic, so the value is typed.
async fn get_from_js() -> Result<JsValue, JsValue> {
    let promise = Promise::resolve(&JsValue::from(42));
    let result = promise.await?;
    Ok(result)
}

async fn get_number() -> Result<Number, JsValue> {
    let promise: Promise<Number> = fetch_number();
    let number = promise.await?; // number: Number
    Ok(number)
}

#[wasm_bindgen]
pub async fn awaiting_directly() -> Result<f64, JsValue> {
    let first = get_from_js().await?.as_f64().unwrap();
    let second = get_number().await?.value_of();
    Ok(first + second)
}

// ---- Using JsFuture explicitly ----

mod explicit {
    use js_sys::futures::JsFuture;
    use wasm_bindgen::JsValue;

    pub async fn get_from_js() -> Result<JsValue, JsValue> {
        let promise = js_sys::Promise::resolve(&JsValue::from(42));
        let result = JsFuture::from(promise).await?;
        Ok(result)
    }
}

mod reexported {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    pub async fn get_from_js() -> Result<JsValue, JsValue> {
        let promise = js_sys::Promise::resolve(&JsValue::from(43));
        JsFuture::from(promise).await
    }
}

#[wasm_bindgen]
pub async fn js_futures() -> Result<f64, JsValue> {
    let a = explicit::get_from_js().await?.as_f64().unwrap();
    let b = reexported::get_from_js().await?.as_f64().unwrap();
    Ok(a * 100.0 + b)
}

// ---- Importing JS async functions ----

#[wasm_bindgen]
extern "C" {
    async fn async_func_1_ret_number() -> JsValue;
    async fn async_func_2();
    async fn async_func_3_ret_string() -> JsString;
    async fn async_func_4_ret_array() -> Uint8Array;
}

async fn get_from_js_import() -> f64 {
    async_func_1_ret_number().await.as_f64().unwrap_or(0.0)
}

#[wasm_bindgen]
pub async fn async_imports() -> String {
    let number = get_from_js_import().await;
    async_func_2().await;
    let text = String::from(async_func_3_ret_string().await);
    let bytes = async_func_4_ret_array().await.to_vec();
    format!("{} {} {:?}", number, text, bytes)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn async_func_3() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn async_func_4() -> Result<(), JsValue>;
}

#[wasm_bindgen]
pub async fn async_imports_catching() -> String {
    let three = match async_func_3().await {
        Ok(v) => format!("ok {:?}", v),
        Err(e) => format!("err {:?}", e),
    };
    let four = match async_func_4().await {
        Ok(()) => "ok".to_string(),
        Err(e) => format!("err {:?}", e),
    };
    format!("{} / {}", three, four)
}

// ---- Exporting Rust async fn, and their return values ----

thread_local!(static FOO_CALLS: Cell<u32> = Cell::new(0));

#[wasm_bindgen]
pub async fn foo() {
    FOO_CALLS.with(|c| c.set(c.get() + 1));
}

#[wasm_bindgen]
pub fn foo_calls() -> u32 { FOO_CALLS.with(|c| c.get()) }

#[wasm_bindgen]
pub async fn returns_value(x: u32) -> u32 { x + 1 }

#[wasm_bindgen]
pub async fn returns_unit_result(fail: bool) -> Result<(), JsValue> {
    if fail { Err(JsValue::from_str("unit failed")) } else { Ok(()) }
}

#[wasm_bindgen]
pub async fn returns_result(fail: bool) -> Result<String, JsError> {
    if fail { Err(JsError::new("value failed")) } else { Ok("value".into()) }
}

// ---- spawn_local and future_to_promise ----

#[wasm_bindgen]
pub async fn spawned() -> Result<u32, JsValue> {
    use js_sys::futures::spawn_local;

    let done = Rc::new(Cell::new(0));
    let seen = done.clone();
    spawn_local(async move {
        // drive a future to completion on the JS microtask queue
        let v = Promise::resolve(&JsValue::from(5)).await.unwrap();
        seen.set(v.as_f64().unwrap() as u32);
    });
    wasm_bindgen_futures::spawn_local(async {}); // re-exported unchanged
    Promise::resolve(&JsValue::UNDEFINED).await?;
    Promise::resolve(&JsValue::UNDEFINED).await?;
    Ok(done.get())
}

#[wasm_bindgen]
pub fn make_promise() -> Promise {
    use js_sys::futures::future_to_promise;

    let promise = future_to_promise(async { Ok(JsValue::from(42)) });
    promise
}

// ---- Combining JS Promises concurrently ----

#[wasm_bindgen]
pub async fn all_iterable() -> Result<String, JsValue> {
    // responses: Array<JsString>
    let responses = Promise::all_iterable(&Array::from_iter_typed(
        (0..10).map(|i| fetch_item(i, false)),
    ))
    .await?;
    Ok(responses.iter().map(String::from).collect::<Vec<_>>().join(","))
}

#[wasm_bindgen]
pub async fn all_iterable_rejects() -> String {
    let outcome = Promise::all_iterable(&Array::from_iter_typed((0..4).map(|i| fetch_item(i, true))))
        .await;
    match outcome {
        Ok(_) => "fulfilled".into(),
        Err(e) => format!("rejected with {:?}", e), // the first rejection
    }
}

#[wasm_bindgen]
pub async fn all_settled_iterable() -> Result<String, JsValue> {
    // results: Array<PromiseState<JsString>>
    let results = Promise::all_settled_iterable(&Array::from_iter_typed(
        (0..4).map(|i| fetch_item(i, true)),
    ))
    .await?;
    let mut out = Vec::new();
    for state in results.iter() {
        if state.is_fulfilled() {
            let value = state.get_value().unwrap();
            out.push(format!("ok {}", String::from(value)));
        } else {
            let reason = state.get_reason().unwrap();
            out.push(format!("failed {:?}", reason));
        }
    }
    Ok(out.join("; "))
}

#[wasm_bindgen]
pub async fn race_iterable() -> Result<String, JsValue> {
    // first: JsString
    let first = Promise::race_iterable(&Array::from_iter_typed((0..10).map(|i| fetch_item(i, false))))
        .await?;
    Ok(first.into())
}

#[wasm_bindgen]
pub async fn array_of() -> Result<u32, JsValue> {
    let promises: Vec<Promise<JsString>> = (0..3).map(|i| fetch_item(i, false)).collect();
    let all = Promise::all_iterable(&Array::of(&promises)).await?;
    Ok(all.length())
}

#[wasm_bindgen]
pub async fn all_tuple() -> Result<String, JsValue> {
    let fetch_promise = fetch_item(1, false);
    let buffer_promise = fetch_buffer();
    let (response, buffer) = Promise::all_tuple((fetch_promise, buffer_promise)).await?.into_tuple();
    Ok(format!("{} {}", String::from(response), buffer.byte_length()))
}

macro_rules! tuple_of {
    ($($i:expr),*) => {{
        let joined = Promise::all_tuple(($(fetch_item($i, false),)*)).await?;
        let values: Vec<String> =
            Array::from(joined.as_ref()).iter().map(|v| v.as_string().unwrap()).collect();
        values.join(",")
    }};
}

#[wasm_bindgen]
pub async fn all_tuple_arities() -> Result<String, JsValue> {
    let (one,) = Promise::all_tuple((fetch_item(0, false),)).await?.into_tuple();
    let eight = Promise::all_tuple((
        fetch_item(0, false), fetch_item(1, false), fetch_item(2, false), fetch_item(3, false),
        fetch_item(4, false), fetch_item(5, false), fetch_item(6, false), fetch_item(7, false),
    ))
    .await?
    .into_tuple();
    let parts = [
        tuple_of!(0, 1),
        tuple_of!(0, 1, 2),
        tuple_of!(0, 1, 2, 3),
        tuple_of!(0, 1, 2, 3, 4),
        tuple_of!(0, 1, 2, 3, 4, 5),
        tuple_of!(0, 1, 2, 3, 4, 5, 6),
    ];
    Ok(format!("{} | {} | {}", String::from(one), String::from(eight.7), parts.join(" | ")))
}

#[wasm_bindgen]
pub async fn all_settled_tuple() -> Result<String, JsValue> {
    let fetch_promise = fetch_item(1, true);
    let buffer_promise = fetch_buffer();
    let results = Promise::all_settled_tuple((fetch_promise, buffer_promise)).await?;
    let (response_state, buffer_state) = results.into_tuple();
    let first = if response_state.is_fulfilled() {
        let response = response_state.get_value().unwrap();
        format!("ok {}", String::from(response))
    } else {
        format!("failed {:?}", response_state.get_reason().unwrap())
    };
    let second = buffer_state.get_value().map(|b| b.byte_length()).unwrap_or(0);
    Ok(format!("{} / {}", first, second))
}

#[wasm_bindgen]
pub async fn all_settled_tuple_arities() -> Result<String, JsValue> {
    let (one,) = Promise::all_settled_tuple((fetch_item(1, true),)).await?.into_tuple();
    let eight = Promise::all_settled_tuple((
        fetch_item(0, true), fetch_item(1, true), fetch_item(2, true), fetch_item(3, true),
        fetch_item(4, true), fetch_item(5, true), fetch_item(6, true), fetch_item(7, true),
    ))
    .await?
    .into_tuple();
    let states = [
        eight.0.is_fulfilled(), eight.1.is_fulfilled(), eight.2.is_fulfilled(),
        eight.3.is_fulfilled(), eight.4.is_fulfilled(), eight.5.is_fulfilled(),
        eight.6.is_fulfilled(), eight.7.is_fulfilled(),
    ];
    let marks: String = states.iter().map(|ok| if *ok { 'F' } else { 'R' }).collect();
    Ok(format!("{} {}", one.is_rejected(), marks))
}

async fn fetch_via_rust() -> Result<JsString, JsValue> {
    Ok(JsString::from("from rust"))
}

async fn buffer_from_rust() -> Result<ArrayBuffer, JsValue> {
    Ok(ArrayBuffer::new(3))
}

#[wasm_bindgen]
pub async fn mixing_futures() -> Result<String, JsValue> {
    use js_sys::futures::future_to_promise_typed;

    let fetch_promise = fetch_item(2, false);
    // For homogeneous batches, mix both shapes into one `Array<Promise<T>>`:
    let responses = Promise::all_iterable(&Array::from_iter_typed([
        fetch_promise,
        future_to_promise_typed(async { Ok(fetch_via_rust().await?) }),
    ]))
    .await?;

    // For heterogeneous tuples, lift each future before passing the tuple:
    let fetch_promise = fetch_item(3, false);
    let (response, buffer) = Promise::all_tuple((
        fetch_promise,
        future_to_promise_typed(async { Ok(buffer_from_rust().await?) }),
    ))
    .await?
    .into_tuple();
    let joined: Vec<String> = responses.iter().map(String::from).collect();
    Ok(format!("{} | {} {}", joined.join(","), String::from(response), buffer.byte_length()))
}

// ---- Using generic Promise types ----

async fn process_numbers() -> Result<f64, JsValue> {
    // Await the typed promise — no cast needed
    let numbers: Array<Number> = fetchNumbers().await?;

    let mut sum = 0.0;
    for i in 0..numbers.length() {
        sum += numbers.get(i).value_of();
    }
    Ok(sum)
}

#[wasm_bindgen]
pub async fn generic_promises() -> Result<f64, JsValue> {
    process_numbers().await
}
