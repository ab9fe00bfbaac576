//! The web platform APIs environment-agnostic crates call, through web-sys as a crate would.
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Crypto, Headers, Performance, Request, RequestInit, Response, TextDecodeOptions,
    TextDecoder, TextDecoderOptions, TextEncoder, Url, UrlSearchParams,
};

#[wasm_bindgen]
extern "C" {
    // The globals, found as crates find them (getrandom 0.2, web-time): by name on the global.
    #[wasm_bindgen(thread_local_v2, js_name = crypto)]
    static CRYPTO: Crypto;
    #[wasm_bindgen(thread_local_v2, js_name = performance)]
    static PERFORMANCE: Performance;

    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with_request(input: &Request) -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetch, catch)]
    fn fetch_with_str(input: &str) -> Result<js_sys::Promise, JsValue>;

    // encodeInto, which web-sys leaves out
    #[wasm_bindgen(js_name = TextEncoder)]
    type Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Encoder;
    #[wasm_bindgen(method, js_class = TextEncoder, js_name = encodeInto)]
    fn encode_into(this: &Encoder, source: &str, dest: &Uint8Array) -> Object;

    // Browser-only: present in browsers, absent under wasmbindgen.
    #[wasm_bindgen(js_name = alert, catch)]
    fn alert(message: &str) -> Result<(), JsValue>;
}

/// "Name: message" of a thrown JS error, as a Rust caller sees it through `catch`.
fn describe(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => format!("{:?}", error),
    }
}

fn outcome<T: core::fmt::Debug>(result: Result<T, JsValue>) -> String {
    match result {
        Ok(value) => format!("ok {:?}", value),
        Err(error) => describe(error),
    }
}

// ---- crypto -------------------------------------------------------------------------------

#[wasm_bindgen]
pub fn random_bytes(n: usize) -> Result<Vec<u8>, JsValue> {
    let mut buf = vec![0u8; n];
    CRYPTO.with(|c| c.get_random_values_with_u8_array(&mut buf))?;
    Ok(buf)
}

#[wasm_bindgen]
pub fn random_into_js_array(n: u32) -> Result<Vec<u8>, JsValue> {
    let array = Uint8Array::new_with_length(n);
    let returned = CRYPTO.with(|c| c.get_random_values_with_js_u8_array(&array))?;
    assert!(Object::is(&returned, &array), "getRandomValues returns its argument");
    Ok(array.to_vec())
}

/// getRandomValues on any typed array the caller passes (its errors reach Rust through catch).
#[wasm_bindgen]
pub fn random_values_of(view: &JsValue) -> String {
    let view: &Object = view.unchecked_ref();
    outcome(CRYPTO.with(|c| c.get_random_values_with_array_buffer_view(view)).map(|_| ()))
}

#[wasm_bindgen]
pub fn random_too_many() -> String {
    let mut buf = vec![0u8; 65537];
    outcome(CRYPTO.with(|c| c.get_random_values_with_u8_array(&mut buf)).map(|_| ()))
}

#[wasm_bindgen]
pub fn random_uuid() -> String {
    CRYPTO.with(|c| c.random_uuid())
}

// ---- performance --------------------------------------------------------------------------

#[wasm_bindgen]
pub fn perf_now() -> f64 {
    PERFORMANCE.with(|p| p.now())
}

#[wasm_bindgen]
pub fn perf_time_origin() -> f64 {
    PERFORMANCE.with(|p| p.time_origin())
}

/// Marks `start`, spins until `ms` passed, marks `end`, measures: the measure's duration.
#[wasm_bindgen]
pub fn perf_measure(ms: f64) -> Result<f64, JsValue> {
    PERFORMANCE.with(|p| {
        p.clear_marks();
        p.clear_measures();
        p.mark("start")?;
        let t0 = p.now();
        while p.now() - t0 < ms {}
        p.mark("end")?;
        p.measure_with_start_mark_and_end_mark("span", "start", "end")?;
        let entries = p.get_entries_by_name("span");
        let entry: web_sys::PerformanceEntry = entries.get(0).dyn_into()?;
        assert_eq!(entry.entry_type(), "measure");
        assert_eq!(p.get_entries_by_type("mark").length(), 2);
        Ok(entry.duration())
    })
}

#[wasm_bindgen]
pub fn perf_measure_unknown_mark() -> String {
    PERFORMANCE.with(|p| outcome(p.measure_with_start_mark("x", "no-such-mark")))
}

// ---- encoding -----------------------------------------------------------------------------

#[wasm_bindgen]
pub fn encode(text: &str) -> Result<Vec<u8>, JsValue> {
    let encoder = TextEncoder::new()?;
    assert_eq!(encoder.encoding(), "utf-8");
    Ok(encoder.encode_with_input(text))
}

/// encodeInto a `size`-byte array: "read written bytes".
#[wasm_bindgen]
pub fn encode_into(text: &str, size: u32) -> Result<String, JsValue> {
    let dest = Uint8Array::new_with_length(size);
    let result = Encoder::new().encode_into(text, &dest);
    let read = Reflect::get(&result, &"read".into())?.as_f64().unwrap_or(-1.0);
    let written = Reflect::get(&result, &"written".into())?.as_f64().unwrap_or(-1.0);
    Ok(format!("{} {} {:?}", read, written, dest.to_vec()))
}

#[wasm_bindgen]
pub fn decode(bytes: &[u8], fatal: bool, ignore_bom: bool) -> String {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    Reflect::set(&options, &"ignoreBOM".into(), &ignore_bom.into()).unwrap();
    let decoder = TextDecoder::new_with_label_and_options("utf-8", &options).unwrap();
    assert_eq!(decoder.fatal(), fatal);
    match decoder.decode_with_u8_array(bytes) {
        Ok(text) => format!("ok {}", text),
        Err(error) => describe(error),
    }
}

/// Decodes `bytes` in chunks of `chunk` bytes with `{stream: true}`, then flushes.
#[wasm_bindgen]
pub fn decode_streaming(bytes: &[u8], chunk: usize) -> Result<String, JsValue> {
    let decoder = TextDecoder::new()?;
    let options = TextDecodeOptions::new();
    options.set_stream(true);
    let mut out = String::new();
    for piece in bytes.chunks(chunk.max(1)) {
        out += &decoder.decode_with_u8_array_and_options(piece, &options)?;
    }
    out += &decoder.decode()?;
    Ok(out)
}

#[wasm_bindgen]
pub fn decoder_label(label: &str) -> String {
    outcome(TextDecoder::new_with_label(label).map(|d| d.encoding()))
}

// ---- console ------------------------------------------------------------------------------

#[wasm_bindgen]
pub fn console_everything() {
    use web_sys::console;
    console::log_1(&"log line".into());
    console::log_2(&"two".into(), &JsValue::from(2));
    console::info_1(&"info line".into());
    console::warn_1(&"warn line".into());
    console::error_1(&"error line".into());
    console::debug_1(&"debug line".into());
    console::trace_1(&"trace line".into());
    console::group_1(&"group".into());
    console::log_1(&"inside".into());
    console::group_end();
    console::count_with_label("hits");
    console::count_with_label("hits");
    console::count_reset_with_label("hits");
    console::count_with_label("hits");
    console::time_with_label("timer");
    console::time_end_with_label("timer");
    console::assert_with_condition_and_data_1(true, &"not shown".into());
    console::assert_with_condition_and_data_1(false, &"shown".into());
    let rows = Array::of2(&Array::of2(&"a".into(), &1.into()), &Array::of2(&"b".into(), &2.into()));
    console::table_1(&rows);
    let object = Object::new();
    Reflect::set(&object, &"k".into(), &"v".into()).unwrap();
    console::dir_1(&object);
    console::log_2(&"%s is %d years".into(), &"Ferris".into());
}

// ---- URL ----------------------------------------------------------------------------------

#[wasm_bindgen]
pub fn url_parts(input: &str) -> Result<Vec<String>, JsValue> {
    let url = Url::new(input)?;
    Ok(vec![
        url.href(),
        url.protocol(),
        url.host(),
        url.hostname(),
        url.port(),
        url.pathname(),
        url.search(),
        url.hash(),
        url.origin(),
        url.username(),
    ])
}

#[wasm_bindgen]
pub fn url_join(base: &str, relative: &str) -> Result<String, JsValue> {
    Ok(Url::new_with_base(relative, base)?.href())
}

#[wasm_bindgen]
pub fn url_bad(input: &str) -> String {
    outcome(Url::new(input).map(|u| u.href()))
}

#[wasm_bindgen]
pub fn url_edit(input: &str) -> Result<String, JsValue> {
    let url = Url::new(input)?;
    url.set_pathname("/a b/c");
    url.set_hash("frag");
    url.search_params().append("q", "x y&z");
    url.search_params().set("page", "2");
    Ok(url.href())
}

#[wasm_bindgen]
pub fn search_params(query: &str) -> Vec<String> {
    let params = UrlSearchParams::new_with_str(query).unwrap();
    params.append("added", "1");
    params.delete("drop");
    params.sort().unwrap();
    let mut out = vec![params.to_string().into()];
    out.push(params.get("a").unwrap_or_else(|| "<none>".into()));
    out.push(format!("{}", params.has("missing")));
    out.push(params.get_all("a").iter().map(|v| v.as_string().unwrap()).collect::<Vec<_>>().join(","));
    out
}

// ---- abort --------------------------------------------------------------------------------

#[wasm_bindgen]
pub fn abort_reason() -> Result<Vec<String>, JsValue> {
    let controller = AbortController::new()?;
    let signal = controller.signal();
    let before = signal.aborted();
    controller.abort_with_reason(&"stop".into());
    Ok(vec![before.to_string(), signal.aborted().to_string(), format!("{:?}", signal.reason())])
}

#[wasm_bindgen]
pub fn abort_default_reason() -> Result<String, JsValue> {
    let controller = AbortController::new()?;
    controller.abort();
    Ok(describe(controller.signal().reason()))
}

// ---- fetch --------------------------------------------------------------------------------

#[wasm_bindgen]
pub fn headers_roundtrip() -> Result<Vec<String>, JsValue> {
    let headers = Headers::new()?;
    headers.append("Content-Type", "text/plain")?;
    headers.append("X-Many", "one")?;
    headers.append("x-many", "two")?;
    headers.set("X-Set", "v")?;
    headers.delete("x-set")?;
    let mut out = vec![headers.get("content-type")?.unwrap_or_default(), headers.get("x-many")?.unwrap_or_default()];
    out.push(headers.has("X-SET")?.to_string());
    for entry in headers.entries() {
        let pair: Array = entry?.dyn_into()?;
        out.push(format!("{}={}", pair.get(0).as_string().unwrap(), pair.get(1).as_string().unwrap()));
    }
    out.push(outcome(headers.append("bad name", "v")));
    Ok(out)
}

/// fetch(url, {method, body, headers}) → "status statusText|content-type|body".
#[wasm_bindgen]
pub async fn fetch_text(url: String, method: String, body: Option<String>) -> Result<String, JsValue> {
    let init = RequestInit::new();
    init.set_method(&method);
    let headers = Headers::new()?;
    headers.set("X-Test", "wasmbindgen")?;
    init.set_headers(&headers);
    if let Some(body) = body {
        init.set_body(&body.into());
    }
    let request = Request::new_with_str_and_init(&url, &init)?;
    assert_eq!(request.method(), method);
    let response: Response = JsFuture::from(fetch_with_request(&request)).await?.dyn_into()?;
    let content_type = response.headers().get("content-type")?.unwrap_or_default();
    let status = format!("{} {} {}", response.status(), response.status_text(), response.ok());
    let text = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
    Ok(format!("{}|{}|{}", status, content_type, text))
}

#[wasm_bindgen]
pub async fn fetch_bytes(url: String) -> Result<Vec<u8>, JsValue> {
    let response: Response = JsFuture::from(fetch_with_str(&url)?).await?.dyn_into()?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen]
pub async fn fetch_json_field(url: String, field: String) -> Result<JsValue, JsValue> {
    let response: Response = JsFuture::from(fetch_with_str(&url)?).await?.dyn_into()?;
    let value = JsFuture::from(response.json()?).await?;
    Reflect::get(&value, &field.into())
}

/// The error a failed fetch rejects with, as Rust sees it.
#[wasm_bindgen]
pub async fn fetch_error(url: String) -> String {
    let promise = match fetch_with_str(&url) {
        Ok(promise) => promise,
        Err(error) => return format!("sync {}", describe(error)),
    };
    match JsFuture::from(promise).await {
        Ok(_) => "fetched".into(),
        Err(error) => describe(error),
    }
}

/// A fetch aborted through its signal before it completes.
#[wasm_bindgen]
pub async fn fetch_aborted(url: String) -> Result<String, JsValue> {
    let controller = AbortController::new()?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let promise = js_sys::Reflect::get(&js_sys::global(), &"fetch".into())?
        .unchecked_into::<js_sys::Function>()
        .call2(&JsValue::UNDEFINED, &url.into(), &init)?;
    controller.abort();
    Ok(match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => "fetched".into(),
        Err(error) => describe(error),
    })
}

#[wasm_bindgen]
pub fn response_built() -> Result<Vec<String>, JsValue> {
    let init = web_sys::ResponseInit::new();
    init.set_status(201);
    init.set_status_text("Made");
    let response = Response::new_with_opt_str_and_init(Some("hi"), &init)?;
    Ok(vec![response.status().to_string(), response.status_text(), response.ok().to_string()])
}

// ---- browser-only -------------------------------------------------------------------------

#[wasm_bindgen]
pub fn has_window() -> bool {
    web_sys::window().is_some()
}

#[wasm_bindgen]
pub fn call_alert() -> String {
    outcome(alert("hello"))
}

#[wasm_bindgen]
pub fn document_title() -> String {
    // web-sys reaches `document` through `window`; the browser-only binding as crates write it
    match web_sys::window().and_then(|w| w.document()) {
        Some(document) => document.title(),
        None => "<no document>".into(),
    }
}
