//! reqwest on wasm (the fetch API), GET and POST with JSON.
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Serialize, Deserialize, Debug)]
pub struct Item {
    id: u32,
    name: String,
    tags: Vec<String>,
}

fn failure(error: reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timeout"
    } else if error.is_status() {
        "status"
    } else if error.is_request() {
        "request"
    } else if error.is_builder() {
        "builder"
    } else if error.is_decode() {
        "decode"
    } else {
        "other"
    };
    format!("{}: {}", kind, error)
}

/// GET `url`: "status|content-type|body".
#[wasm_bindgen]
pub async fn get_text(url: String) -> Result<String, String> {
    let response = reqwest::get(&url).await.map_err(failure)?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = response.text().await.map_err(failure)?;
    Ok(format!("{}|{}|{}", status, content_type, body))
}

/// GET `url` as JSON into an Item, with a header and query parameters.
#[wasm_bindgen]
pub async fn get_item(url: String, id: u32) -> Result<String, String> {
    let client = reqwest::Client::new();
    let item: Item = client
        .get(&url)
        .query(&[("id", id.to_string())])
        .header("X-Client", "reqwest")
        .send()
        .await
        .map_err(failure)?
        .error_for_status()
        .map_err(failure)?
        .json()
        .await
        .map_err(failure)?;
    Ok(format!("{:?}", item))
}

/// POST an Item as JSON; the server echoes what it got: the echoed Item, re-read.
#[wasm_bindgen]
pub async fn post_item(url: String, id: u32, name: String) -> Result<String, String> {
    let item = Item { id, name, tags: vec!["posted".into()] };
    let response = reqwest::Client::new().post(&url).json(&item).send().await.map_err(failure)?;
    let status = response.status().as_u16();
    let echoed: serde_json::Value = response.json().await.map_err(failure)?;
    Ok(format!("{} {}", status, echoed))
}

/// GET raw bytes.
#[wasm_bindgen]
pub async fn get_bytes(url: String) -> Result<Vec<u8>, String> {
    let bytes = reqwest::get(&url).await.map_err(failure)?.bytes().await.map_err(failure)?;
    Ok(bytes.to_vec())
}

/// GET with a timeout (reqwest aborts the fetch through its AbortController).
#[wasm_bindgen]
pub async fn get_with_timeout(url: String, ms: u32) -> Result<String, String> {
    let response = reqwest::Client::new()
        .get(&url)
        .timeout(std::time::Duration::from_millis(ms as u64))
        .send()
        .await
        .map_err(failure)?;
    response.text().await.map_err(failure)
}

/// A request that fails: the error's kind and text.
#[wasm_bindgen]
pub async fn get_error(url: String) -> String {
    match reqwest::get(&url).await {
        Ok(response) => format!("ok {}", response.status()),
        Err(error) => failure(error),
    }
}
