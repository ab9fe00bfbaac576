//! web-time, gloo-timers (callbacks and futures) and console_log + log.
use gloo_timers::callback::{Interval, Timeout};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_time::{Duration, Instant, SystemTime, UNIX_EPOCH};

// ---- web-time -----------------------------------------------------------------------------

#[wasm_bindgen]
pub fn unix_millis() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_millis() as f64
}

/// Spins for `ms` on `Instant`, returns the elapsed milliseconds it measured.
#[wasm_bindgen]
pub fn instant_spin(ms: f64) -> f64 {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs_f64(ms / 1000.0) {}
    let later = Instant::now();
    assert!(later >= start);
    (later - start).as_secs_f64() * 1000.0
}

// ---- gloo-timers --------------------------------------------------------------------------

/// Sleeps `ms` with TimeoutFuture, then returns what it was given.
#[wasm_bindgen]
pub async fn sleep_then(ms: u32, value: String) -> String {
    TimeoutFuture::new(ms).await;
    value
}

/// gloo's sleep with a std Duration.
#[wasm_bindgen]
pub async fn sleep_duration(ms: u32) {
    gloo_timers::future::sleep(Duration::from_millis(ms as u64)).await;
}

/// A Timeout that calls `done(label)` after `ms`; `forget` keeps it alive without a handle.
#[wasm_bindgen]
pub fn timeout_callback(ms: u32, done: js_sys::Function, label: String) {
    Timeout::new(ms, move || {
        done.call1(&JsValue::NULL, &label.into()).unwrap();
    })
    .forget();
}

/// A Timeout dropped (cancelled) at once: `never` must not be called.
#[wasm_bindgen]
pub fn timeout_cancelled(ms: u32, never: js_sys::Function) {
    let timeout = Timeout::new(ms, move || {
        never.call0(&JsValue::NULL).unwrap();
    });
    drop(timeout);
}

#[wasm_bindgen]
pub struct Ticker {
    _interval: Interval,
    count: Rc<RefCell<u32>>,
}

#[wasm_bindgen]
impl Ticker {
    /// An Interval every `ms` that counts ticks until dropped (free()).
    #[wasm_bindgen(constructor)]
    pub fn new(ms: u32) -> Ticker {
        let count = Rc::new(RefCell::new(0));
        let inner = count.clone();
        let interval = Interval::new(ms, move || *inner.borrow_mut() += 1);
        Ticker { _interval: interval, count }
    }

    #[wasm_bindgen(getter)]
    pub fn ticks(&self) -> u32 {
        *self.count.borrow()
    }
}

/// An async stream of ticks: gloo's IntervalStream, `n` items.
#[wasm_bindgen]
pub async fn interval_stream(ms: u32, n: usize) -> usize {
    use futures_util::StreamExt;
    gloo_timers::future::IntervalStream::new(ms).take(n).count().await
}

// ---- console_log + log --------------------------------------------------------------------

#[wasm_bindgen]
pub fn init_logging(level: &str) -> Result<(), String> {
    let level: log::Level = level.parse().map_err(|e: log::ParseLevelError| e.to_string())?;
    console_log::init_with_level(level).map_err(|e| e.to_string())
}

#[wasm_bindgen]
pub fn log_everything(message: &str) {
    log::error!("error: {}", message);
    log::warn!("warn: {}", message);
    log::info!("info: {}", message);
    log::debug!("debug: {}", message);
    log::trace!("trace: {}", message);
}
