//! Payload validation and content screening: each service's OpenAPI spec is the contract.
//!
//! At load, [`compile`] turns every operation into prepared validators (path, query, header and
//! cookie parameters; the accepted media types; the body schema, converted to JSON Schema
//! 2020-12). Per request, [`Validation::check`] decides on the whole request — parameters and
//! the complete, already-buffered body — before a byte goes upstream:
//!
//! - a contract violation → [`Deny::SchemaInvalid`] (400, every violation as pointer + rule);
//! - an undeclared media type → [`Deny::UnsupportedMediaType`] (415);
//! - an SQL/NoSQL injection or XSS payload → [`Deny::InjectionBlocked`] (400) when the
//!   operation's screening action is `block` (the default), or a [`Finding`] returned for the
//!   audit log when it is `monitor`.
//!
//! Values are never rewritten, and never echoed: violations carry a JSON pointer and a rule
//! name only.

mod check;
pub mod compile;
pub mod formats;
pub mod forms;
pub mod json;
mod model;
pub mod params;
pub mod plan;
pub mod screen;
mod screening;
mod shape;

use crate::problem::Deny;
use once_cell::sync::Lazy;
use prometheus::{register_int_counter_vec, IntCounterVec};
use serde_json::Value;
use std::sync::Arc;

pub use crate::problem::Violation;
pub use crate::view::{media_kind, BodyKind};
pub use compile::compile_all;
pub use json::Caps;
pub use model::*;
pub use screening::*;

/// Requests refused or flagged by this pillar: `reason` is a rule class, `action` block/monitor.
pub static SCREENED: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_validation_findings_total",
        "Injection findings by class and action",
        &["class", "action"]
    )
    .expect("metric")
});

pub fn init() {
    Lazy::force(&SCREENED);
}

/// A pointer token from client input is kept only when it is a plain identifier: anything
/// else (an attack payload used as a key) is replaced, so the problem body never echoes it.
pub fn safe_token(t: &str) -> String {
    if !t.is_empty()
        && t.len() <= 64
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
    {
        t.to_string()
    } else {
        "~".to_string()
    }
}

/// How specific a media range is: `type/subtype` 2, `type/*` 1, `*/*` 0.
pub(crate) fn specificity(range: &str) -> u8 {
    if range == "*/*" {
        0
    } else if range.ends_with("/*") {
        1
    } else {
        2
    }
}

pub(crate) fn media_matches(range: &str, actual: &str) -> bool {
    if range == actual || range == "*/*" {
        return true;
    }
    match range.strip_suffix("/*") {
        Some(t) => actual.split('/').next() == Some(t),
        None => false,
    }
}

/// Coerce parameter text to the declared primitive; on failure keep the string, so schema
/// validation reports the type violation.
pub fn coerce(raw: &str, prim: &Prim) -> Value {
    match prim {
        Prim::Integer => integer(raw).unwrap_or_else(|| Value::String(raw.into())),
        Prim::Any(cands) => cands
            .iter()
            .filter(|c| !matches!(c, Prim::Array(_) | Prim::Object | Prim::Json))
            .map(|c| coerce(raw, c))
            .find(|v| !v.is_string())
            .unwrap_or_else(|| Value::String(raw.into())),
        Prim::Number => raw
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(raw.into())),
        Prim::Boolean => match raw {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(raw.into()),
        },
        _ => Value::String(raw.into()),
    }
}

/// A decimal integer literal as a JSON number: exact up to 2^64 − 1 (`i64`, then `u64`);
/// beyond, the nearest double, as a JSON body with the same digits would be read.
fn integer(raw: &str) -> Option<Value> {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Ok(i) = raw.parse::<i64>() {
        return Some(Value::from(i));
    }
    if let Ok(u) = raw.parse::<u64>() {
        return Some(Value::from(u));
    }
    // Below −2^63 the nearest double may round up to −2^63 itself, which would pass an int64
    // minimum: take the first double below it instead (every integer bound an `i64` can hold
    // compares the same way). Above 2^64 − 1 the nearest double is already above every `u64`.
    const BELOW_I64_MIN: f64 = -9_223_372_036_854_777_856.0;
    raw.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(|f| {
            if raw.starts_with('-') {
                f.min(BELOW_I64_MIN)
            } else {
                f
            }
        })
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
}

/// The rule a validation refusal names first: the schema keyword (`maximum`, `required`,
/// `undeclared-property`, …) or the injection class (`sql-injection`, `xss`,
/// `nosql-injection`); the slug for a refusal without violations (`unsupported-media-type`).
/// A bounded name from the validator, never client input.
pub fn failed_rule(deny: &Deny) -> Option<&str> {
    match deny {
        Deny::SchemaInvalid(v) | Deny::InjectionBlocked(v) => {
            Some(v.first().map(|v| v.rule.as_str()).unwrap_or(deny.slug()))
        }
        Deny::UnsupportedMediaType => Some(deny.slug()),
        _ => None,
    }
}

/// A free function form for callers holding only an object map (benchmarks).
pub fn parse_json(body: &[u8], caps: &Caps) -> Result<Value, Violation> {
    json::parse(body, caps)
}

/// The table is shared by every worker thread.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Validation>();
};

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod spec_tests;
#[cfg(test)]
mod tests;
