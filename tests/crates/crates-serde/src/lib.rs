//! serde-wasm-bindgen: Rust values <-> JS values, both directions.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use wasm_bindgen::prelude::*;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    name: String,
    age: u8,
    email: Option<String>,
    tags: Vec<String>,
    scores: HashMap<String, f64>,
    role: Role,
    big: u64,
    small: i64,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(tag = "kind")]
pub enum Role {
    Admin,
    User { level: u32 },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum Shape {
    Unit,
    Circle(f64),
    Point(i32, i32),
    Rect { w: u32, h: u32 },
}

/// A person from Rust, as a JS value (a Python dict).
#[wasm_bindgen]
pub fn make_person() -> Result<JsValue, JsValue> {
    let mut scores = HashMap::new();
    scores.insert("math".to_string(), 9.5);
    let person = Person {
        name: "Ferris".into(),
        age: 7,
        email: None,
        tags: vec!["crab".into(), "rust".into()],
        scores,
        role: Role::User { level: 3 },
        big: u64::MAX,
        small: i64::MIN,
    };
    // u64/i64 go out as BigInt (ints), maps as plain objects
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_large_number_types_as_bigints(true)
        .serialize_maps_as_objects(true);
    Ok(person.serialize(&serializer)?)
}

/// Reads a person from a JS value, changes it, gives it back (default serializer: maps as Map).
#[wasm_bindgen]
pub fn birthday(value: JsValue) -> Result<JsValue, JsValue> {
    let mut person: Person = serde_wasm_bindgen::from_value(value)?;
    person.age += 1;
    person.tags.push("older".into());
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    Ok(person.serialize(&serializer)?)
}

/// Debug text of the person a JS value deserializes to (or the error).
#[wasm_bindgen]
pub fn describe_person(value: JsValue) -> String {
    match serde_wasm_bindgen::from_value::<Person>(value) {
        Ok(person) => format!("{:?}", person),
        Err(error) => format!("error: {}", error),
    }
}

#[wasm_bindgen]
pub fn shapes() -> Result<JsValue, JsValue> {
    let all = vec![Shape::Unit, Shape::Circle(1.5), Shape::Point(-1, 2), Shape::Rect { w: 3, h: 4 }];
    Ok(serde_wasm_bindgen::to_value(&all)?)
}

#[wasm_bindgen]
pub fn shape_area(value: JsValue) -> Result<f64, JsValue> {
    let shape: Shape = serde_wasm_bindgen::from_value(value)?;
    Ok(match shape {
        Shape::Unit => 0.0,
        Shape::Circle(r) => 3.0 * r * r,
        Shape::Point(..) => 0.0,
        Shape::Rect { w, h } => (w * h) as f64,
    })
}

/// Round trip through Rust types: BTreeMap<String, Vec<Option<i32>>>.
#[wasm_bindgen]
pub fn map_roundtrip(value: JsValue) -> Result<JsValue, JsValue> {
    let map: BTreeMap<String, Vec<Option<i32>>> = serde_wasm_bindgen::from_value(value)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(map.serialize(&serializer)?)
}

#[wasm_bindgen]
pub fn u64_roundtrip(value: JsValue) -> Result<JsValue, JsValue> {
    let n: u64 = serde_wasm_bindgen::from_value(value)?;
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    Ok(n.serialize(&serializer)?)
}

#[wasm_bindgen]
pub fn i64_roundtrip(value: JsValue) -> Result<JsValue, JsValue> {
    let n: i64 = serde_wasm_bindgen::from_value(value)?;
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    Ok(n.serialize(&serializer)?)
}

/// Any JSON-like value through serde's data model: a tuple of (bytes, unit, char, nested).
#[wasm_bindgen]
pub fn tuple_and_bytes() -> Result<JsValue, JsValue> {
    let value = (serde_bytes_like(), (), 'x', vec![vec![1u8, 2], vec![]]);
    Ok(serde_wasm_bindgen::to_value(&value)?)
}

fn serde_bytes_like() -> Option<bool> {
    Some(true)
}
