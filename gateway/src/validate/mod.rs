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

pub mod compile;
pub mod formats;
pub mod forms;
pub mod json;
pub mod params;
pub mod plan;
pub mod screen;
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

/// An injection finding, forwarded in `monitor` mode: for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub pointer: String,
    pub class: screen::Class,
}

/// What to do with an injection finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Block,
    Monitor,
    Off,
}

impl Action {
    pub fn parse(s: &str) -> Option<Action> {
        match s {
            "block" => Some(Action::Block),
            "monitor" => Some(Action::Monitor),
            "off" => Some(Action::Off),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Action::Block => "block",
            Action::Monitor => "monitor",
            Action::Off => "off",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLoc {
    Path,
    Query,
    Header,
    Cookie,
}

impl ParamLoc {
    fn prefix(self) -> &'static str {
        match self {
            ParamLoc::Path => "/path/",
            ParamLoc::Query => "/query/",
            ParamLoc::Header => "/header/",
            ParamLoc::Cookie => "/cookie/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Form,
    Simple,
    Space,
    Pipe,
    DeepObject,
    Label,
    Matrix,
}

/// The shape a parameter's text is coerced to before schema validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prim {
    String,
    Integer,
    Number,
    Boolean,
    Array(Box<Prim>),
    Object,
    /// `content: {application/json: …}`: the text is a JSON document.
    Json,
    /// `oneOf`/`anyOf` branches of different shapes: the first whose value validates wins.
    Any(Vec<Prim>),
}

pub struct Param {
    pub name: String,
    pub lower_name: String,
    pub loc: ParamLoc,
    pub required: bool,
    pub style: Style,
    pub explode: bool,
    pub prim: Prim,
    pub validator: Arc<jsonschema::Validator>,
    /// Strict format (integer, uuid, enum…) or `x-gateway-screening: off`: not screened.
    pub exempt: bool,
    pub allow_empty: bool,
    /// The compiled schema (with its `$defs`): object members are coerced by it.
    pub schema: Arc<Value>,
    /// Declared property names of an object-valued parameter (exploded `form` objects).
    pub props: Vec<String>,
}

pub struct Media {
    /// Lower-case `type/subtype` as declared (may contain `*`).
    pub range: String,
    pub kind: BodyKind,
    pub validator: Option<Arc<jsonschema::Validator>>,
    /// The compiled root schema (with its `$defs`), walked for screening exemptions.
    pub schema: Arc<Value>,
    /// multipart: `encoding.<property>.contentType`, as lower-case media ranges.
    pub encoding: Vec<(String, Vec<String>)>,
    /// urlencoded: members declared JSON or `deepObject` by `encoding`.
    pub form: forms::FormEncoding,
    /// The screening plan of `schema` (see [`plan`]); `None` without a schema, or when the
    /// plan would be too large (the schema is then walked per request).
    pub plan: Option<Arc<plan::Plan>>,
}

pub struct BodySpec {
    pub required: bool,
    pub media: Vec<Media>,
}

/// The prepared validators of one operation.
pub struct Operation {
    pub params: Vec<Param>,
    /// `None`: the operation declares no request body; any body is refused (415).
    pub body: Option<BodySpec>,
    pub action: Action,
    pub strict_query: bool,
}

/// One request, as the validator sees it (no `Session`): the parts come from the one
/// [`crate::view::RequestView`] every pillar reads.
pub struct Input<'a> {
    /// (name, raw percent-encoded value), in template order.
    pub path_params: Vec<(&'a str, &'a str)>,
    /// Query pairs, decoded once (a credential the route takes from the query removed).
    pub query: &'a [crate::view::QueryPair],
    pub headers: &'a http::HeaderMap,
    /// Cookies, parsed once.
    pub cookies: &'a [(String, String)],
    /// The strictly parsed `Content-Type`.
    pub content_type: Option<&'a crate::view::MediaType>,
    /// The whole body; `None` or empty when the request has none.
    pub body: Option<&'a [u8]>,
}

/// Every route's prepared validators, by route id: the output of [`compile_all`], which the
/// plan builder hands out to the routes' plans (see [`crate::pipeline`]); not kept beside them.
pub struct Validation {
    pub ops: Vec<Option<Arc<Operation>>>,
    pub caps: Caps,
}

impl Validation {
    pub fn operation(&self, route_id: usize) -> Option<&Arc<Operation>> {
        self.ops.get(route_id).and_then(|o| o.as_ref())
    }

    /// Check one request against its operation (see [`Caps::check`]).
    pub fn check(&self, op: &Operation, input: &Input<'_>) -> Result<Vec<Finding>, Deny> {
        self.caps.check(op, input)
    }
}

impl std::fmt::Debug for Validation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validation")
            .field(
                "operations",
                &self.ops.iter().filter(|o| o.is_some()).count(),
            )
            .field("caps", &self.caps)
            .finish()
    }
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

/// Whether a string at this schema needs no screening: a strict format the schema check has
/// already enforced, or an explicit `x-gateway-screening: off`.
pub fn exempt_leaf(root: &Value, s: &Value) -> bool {
    exempt_at(root, s, 0)
}

fn exempt_at(root: &Value, s: &Value, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    let s = shape::resolve(root, s);
    let Some(m) = s.as_object() else {
        return false;
    };
    if m.get("x-gateway-screening").and_then(Value::as_str) == Some("off") {
        return true;
    }
    if m.contains_key("enum") || m.contains_key("const") {
        return true;
    }
    if m.get("format")
        .and_then(Value::as_str)
        .is_some_and(|f| formats::EXEMPT.contains(&f))
    {
        return true;
    }
    let ty: Vec<&str> = match m.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !ty.is_empty() && ty.iter().all(|t| *t != "string") {
        return true;
    }
    if let Some(a) = m.get("allOf").and_then(Value::as_array) {
        if a.iter().any(|x| exempt_at(root, x, depth + 1)) {
            return true;
        }
    }
    for k in ["anyOf", "oneOf"] {
        if let Some(a) = m.get(k).and_then(Value::as_array) {
            if !a.is_empty() && a.iter().all(|x| exempt_at(root, x, depth + 1)) {
                return true;
            }
        }
    }
    false
}

/// A subschema that may apply at some place of a document, and whether it is sure to apply
/// there (`true` through properties, `additionalProperties`, `items` and `allOf` from the root;
/// `false` once an `anyOf`/`oneOf` branch was taken: the document may satisfy another branch).
pub(crate) type Candidate<'a> = (&'a Value, bool);

/// Whether strings at a place with these candidates need no screening: only a schema that is
/// sure to apply can exempt them (a strict format in one `oneOf` branch says nothing about a
/// document that satisfies another branch).
pub(crate) fn exempt_candidates(root: &Value, schemas: &[Candidate<'_>]) -> bool {
    schemas
        .iter()
        .any(|(s, sure)| *sure && exempt_leaf(root, s))
}

/// The candidate subschemas for member `key` (or array items when `key` is `None`).
fn children<'a>(
    root: &'a Value,
    (s, sure): Candidate<'a>,
    key: Option<&str>,
    out: &mut Vec<Candidate<'a>>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    let s = shape::resolve(root, s);
    let Some(m) = s.as_object() else { return };
    match key {
        Some(k) => {
            if let Some(p) = m.get("properties").and_then(|p| p.get(k)) {
                out.push((p, sure));
            } else if let Some(a) = m.get("additionalProperties").filter(|a| a.is_object()) {
                out.push((a, sure));
            }
        }
        None => {
            if let Some(i) = m.get("items").filter(|i| i.is_object()) {
                out.push((i, sure));
            }
        }
    }
    for c in ["allOf", "anyOf", "oneOf"] {
        if let Some(a) = m.get(c).and_then(Value::as_array) {
            for x in a {
                children(root, (x, sure && c == "allOf"), key, out, depth + 1);
            }
        }
    }
}

/// Whether a JSON document holds a number written with a fraction or an exponent.
fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(a) => a.iter().any(has_float),
        Value::Object(m) => m.values().any(has_float),
        _ => false,
    }
}

/// `1.0` or `1e0` where the schema says `integer`: JSON Schema counts them as integers, but
/// services do not agree (Go and strict Jackson refuse them, Python reads a float, lenient
/// Jackson truncates), so the value the service reads is not the one that was judged. Refused
/// as a `type` violation; a document without a fraction or exponent costs one scan.
pub(crate) fn float_integers(
    root: &Value,
    schemas: &[Candidate<'_>],
    v: &Value,
    ptr: &mut String,
    out: &mut Vec<Violation>,
) {
    match v {
        Value::Number(n) if n.is_f64() => {
            let integer = schemas.iter().any(|(s, _)| {
                let s = shape::resolve(root, s);
                match s.get("type") {
                    Some(Value::String(t)) => t == "integer",
                    Some(Value::Array(a)) => {
                        a.iter().any(|t| t == "integer") && !a.iter().any(|t| t == "number")
                    }
                    _ => false,
                }
            });
            if integer {
                out.push(Violation::new(ptr.clone(), "type"));
            }
        }
        Value::Array(a) => {
            let mut kids = Vec::new();
            for s in schemas {
                children(root, *s, None, &mut kids, 0);
            }
            for (i, x) in a.iter().enumerate() {
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&i.to_string());
                float_integers(root, &kids, x, ptr, out);
                ptr.truncate(len);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                if !has_float(x) {
                    continue;
                }
                let mut kids = Vec::new();
                for s in schemas {
                    children(root, *s, Some(k), &mut kids, 0);
                }
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&safe_token(k));
                float_integers(root, &kids, x, ptr, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

fn declared_key(root: &Value, s: &[Candidate<'_>], key: &str) -> bool {
    s.iter().any(|(s, _)| {
        shape::resolve(root, s)
            .get("properties")
            .and_then(|p| p.get(key))
            .is_some()
    })
}

/// Screen every string value and key of a JSON document, guided by its schema. The reference
/// for the compiled [`plan::Plan`], which is what requests use.
pub(crate) fn screen_json(
    root: &Value,
    schemas: &[Candidate<'_>],
    v: &Value,
    ptr: &mut String,
    out: &mut Vec<Finding>,
) {
    match v {
        Value::String(s) => {
            if !exempt_candidates(root, schemas) {
                if let Some(c) = screen::text(s) {
                    out.push(Finding {
                        pointer: ptr.clone(),
                        class: c,
                    });
                }
            }
        }
        Value::Array(a) => {
            let mut kids = Vec::new();
            for s in schemas {
                children(root, *s, None, &mut kids, 0);
            }
            for (i, x) in a.iter().enumerate() {
                let len = ptr.len();
                ptr.push('/');
                ptr.push_str(&i.to_string());
                screen_json(root, &kids, x, ptr, out);
                ptr.truncate(len);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let len = ptr.len();
                if !declared_key(root, schemas, k) {
                    if let Some(c) = screen::key(k) {
                        out.push(Finding {
                            pointer: ptr.clone(),
                            class: c,
                        });
                    }
                }
                let mut kids = Vec::new();
                for s in schemas {
                    children(root, *s, Some(k), &mut kids, 0);
                }
                ptr.push('/');
                ptr.push_str(&safe_token(k));
                screen_json(root, &kids, x, ptr, out);
                ptr.truncate(len);
            }
        }
        _ => {}
    }
}

/// Headers that do not reach the service as the client wrote them, so are not screened:
/// framing and hop-by-hop fields (parsed by the HTTP layer, stripped before forwarding),
/// credentials (checked by the auth pillar), and the fields the gateway replaces with its own
/// (`ASSERTED` in `proxy.rs`). Everything else a client sends is forwarded, so it is screened,
/// whatever `headers.strip` says (screening a header that is then stripped costs nothing).
fn unscreened(name: &str) -> bool {
    matches!(
        name,
        "host"
            | "content-length"
            | "content-type"
            | "content-encoding"
            | "transfer-encoding"
            | "connection"
            | "keep-alive"
            | "te"
            | "trailer"
            | "upgrade"
            | "expect"
            | "authorization"
            | "proxy-authorization"
            | "x-request-id"
            | "traceparent"
            | "tracestate"
            | "x-forwarded-for"
            | "x-forwarded-proto"
            | "forwarded"
    )
}

/// Screen the undeclared header names and values, cookie values and `Content-Type`
/// parameters of a request: all of them reach the service.
fn screen_headers(
    op: &Operation,
    headers: &http::HeaderMap,
    cookies: &[(String, String)],
    content_type: Option<&crate::view::MediaType>,
    out: &mut Vec<Finding>,
) {
    let declared = |loc: ParamLoc, name: &str| {
        op.params.iter().any(|p| {
            p.loc == loc
                && if loc == ParamLoc::Header {
                    p.lower_name == name
                } else {
                    p.name == name
                }
        })
    };
    for (k, val) in cookies {
        if declared(ParamLoc::Cookie, k) {
            continue;
        }
        if let Some(class) = screen::text_cached(val).or_else(|| screen::param_name(k)) {
            out.push(Finding {
                pointer: format!("/cookie/{}", safe_token(k)),
                class,
            });
        }
    }
    if let Some(ct) = content_type {
        for (k, v) in &ct.params {
            if let Some(class) = screen::text_cached(v).or_else(|| screen::param_name(k)) {
                out.push(Finding {
                    pointer: "/header/content-type".into(),
                    class,
                });
            }
        }
    }
    for (name, value) in headers {
        let n = name.as_str();
        if n == "cookie" {
            continue;
        }
        // Every header name reaches the service (a name is a token, but `'` is a tchar).
        if let Some(class) = screen::text_cached(n) {
            out.push(Finding {
                pointer: "/header".into(),
                class,
            });
        }
        if unscreened(n) || declared(ParamLoc::Header, n) {
            continue;
        }
        let v = String::from_utf8_lossy(value.as_bytes());
        if let Some(class) = screen::text_cached(&v) {
            out.push(Finding {
                pointer: format!("/header/{}", safe_token(n)),
                class,
            });
        }
    }
}

fn schema_violations(
    v: &jsonschema::Validator,
    instance: &Value,
    prefix: &str,
    out: &mut Vec<Violation>,
) {
    // The common case, a valid instance, takes the short-circuiting check.
    if v.is_valid(instance) {
        return;
    }
    for e in v.iter_errors(instance).take(32) {
        let mut p = String::from(prefix);
        for tok in e.instance_path().to_string().split('/').skip(1) {
            p.push('/');
            p.push_str(&safe_token(&tok.replace("~1", "/").replace("~0", "~")));
        }
        let sp = e.schema_path().to_string();
        let last = sp.rsplit('/').next().unwrap_or("").to_string();
        let rule = match e.kind() {
            jsonschema::error::ValidationErrorKind::FalseSchema => "read-only".to_string(),
            _ if last == "unevaluatedProperties" || last == "additionalProperties" => {
                "undeclared-property".to_string()
            }
            _ if last.is_empty() || last.chars().all(|c| c.is_ascii_digit()) => "schema".into(),
            _ => last,
        };
        let viol = Violation::new(p, rule);
        if !out.contains(&viol) {
            out.push(viol);
        }
    }
}

/// The string leaves of a decoded value (what the client wrote), for screening.
fn leaf_texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| leaf_texts(x, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            leaf_texts(x, out)
        }),
        other => out.push(other.to_string()),
    }
}

/// The checks of one request against its operation, under the hard caps of `limits`.
impl Caps {
    /// A parameter's value from its raw occurrences, by its style and shape. With `oneOf` /
    /// `anyOf` branches of different shapes, the first shape whose value the schema accepts.
    fn param_value(&self, p: &Param, raws: &[String]) -> Result<Value, &'static str> {
        let one = |prim: &Prim| -> Result<Value, &'static str> {
            if *prim == Prim::Json {
                if raws.len() > 1 {
                    return Err("duplicate-parameter");
                }
                return json::parse(raws[0].as_bytes(), self).map_err(|_| "json-syntax");
            }
            params::value(p, prim, raws)
        };
        match &p.prim {
            Prim::Any(cands) => {
                let mut first = None;
                for c in cands {
                    match one(c) {
                        Ok(v) if p.validator.is_valid(&v) => return Ok(v),
                        r => {
                            if first.is_none() {
                                first = Some(r);
                            }
                        }
                    }
                }
                first.unwrap_or(Err("schema"))
            }
            prim => one(prim),
        }
    }

    /// Check one request against its operation. `Ok` carries monitor-mode findings.
    pub fn check(&self, op: &Operation, input: &Input<'_>) -> Result<Vec<Finding>, Deny> {
        let mut viol = Vec::new();
        let mut found = Vec::new();
        let screening = op.action != Action::Off;

        // Query pairs, decoded once by the request view.
        let pairs: Vec<(String, String)> = input
            .query
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        for (k, v) in &pairs {
            if k.contains('\u{FFFD}') || v.contains('\u{FFFD}') {
                viol.push(Violation::new("/query", "invalid-utf8"));
                break;
            }
        }

        for p in &op.params {
            let ptr = format!("{}{}", p.loc.prefix(), safe_token(&p.name));
            // Query objects spread over several pairs: `deepObject` and exploded `form`.
            let spread = match (p.loc, p.style, &p.prim) {
                (ParamLoc::Query, Style::DeepObject, _) => Some(params::deep_object(p, &pairs)),
                (ParamLoc::Query, Style::Form, Prim::Object) if p.explode => {
                    Some(params::exploded_object(p, &pairs))
                }
                (ParamLoc::Cookie, Style::Form, Prim::Object) if p.explode => {
                    Some(params::exploded_object(p, input.cookies))
                }
                _ => None,
            };
            let raws: Vec<String> = match p.loc {
                _ if spread.is_some() => Vec::new(),
                // Path values stay percent-encoded until split by their style.
                ParamLoc::Path => input
                    .path_params
                    .iter()
                    .filter(|(n, _)| *n == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
                ParamLoc::Query => pairs
                    .iter()
                    .filter(|(k, _)| *k == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
                ParamLoc::Header => input
                    .headers
                    .get_all(p.lower_name.as_str())
                    .iter()
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                    .collect(),
                ParamLoc::Cookie => input
                    .cookies
                    .iter()
                    .filter(|(k, _)| *k == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
            };
            let value = match spread {
                Some(Err(rule)) => {
                    viol.push(Violation::new(ptr.clone(), rule));
                    continue;
                }
                Some(Ok(None)) => None,
                Some(Ok(Some(v))) => Some(v),
                None if raws.is_empty() => None,
                None => {
                    // An empty query value: allowed only by `allowEmptyValue` (then there is no
                    // value to check); otherwise the empty string is checked like any value.
                    if raws.len() == 1
                        && raws[0].is_empty()
                        && p.loc == ParamLoc::Query
                        && p.allow_empty
                    {
                        continue;
                    }
                    match self.param_value(p, &raws) {
                        Ok(v) => Some(v),
                        Err(rule) => {
                            viol.push(Violation::new(ptr.clone(), rule));
                            continue;
                        }
                    }
                }
            };
            let Some(value) = value else {
                if p.required {
                    viol.push(Violation::new(ptr, "required"));
                }
                continue;
            };
            schema_violations(&p.validator, &value, &ptr, &mut viol);
            // Arrays and objects are screened leaf by leaf, each by its own schema (a strict
            // format exempts only the members it is declared on).
            if screening && matches!(value, Value::Array(_) | Value::Object(_)) {
                let root: &Value = &p.schema;
                let mut at = ptr.clone();
                screen_json(root, &[(root, true)], &value, &mut at, &mut found);
                continue;
            }
            let raws: Vec<String> = if p.loc == ParamLoc::Path {
                raws.iter()
                    .map(|r| shape::percent_decode(r).unwrap_or_else(|| r.clone()))
                    .collect()
            } else if raws.is_empty() {
                let mut t = Vec::new();
                leaf_texts(&value, &mut t);
                t
            } else {
                raws
            };
            if screening && !p.exempt {
                let cached = matches!(p.loc, ParamLoc::Header | ParamLoc::Cookie);
                for r in &raws {
                    let verdict = if cached {
                        screen::text_cached(r)
                    } else {
                        screen::text(r)
                    };
                    if let Some(c) = verdict {
                        found.push(Finding {
                            pointer: ptr.clone(),
                            class: c,
                        });
                    }
                }
            }
        }

        // Header and cookie values the spec does not declare still reach the service: screen
        // them too (declared ones were screened above, per their schema).
        if screening {
            screen_headers(
                op,
                input.headers,
                input.cookies,
                input.content_type,
                &mut found,
            );
        }

        // Undeclared query parameters, and bracket-syntax operators in any name.
        for (k, v) in &pairs {
            let declared = op.params.iter().any(|p| params::owns_query_key(p, k));
            if screening {
                if let Some(c) = screen::param_name(k) {
                    found.push(Finding {
                        pointer: "/query".into(),
                        class: c,
                    });
                }
            }
            if !declared {
                if op.strict_query {
                    let v = Violation::new("/query", "undeclared-parameter");
                    if !viol.contains(&v) {
                        viol.push(v);
                    }
                } else if screening {
                    if let Some(c) = screen::text(v) {
                        found.push(Finding {
                            pointer: "/query".into(),
                            class: c,
                        });
                    }
                }
            }
        }

        // Body.
        let body = input.body.filter(|b| !b.is_empty());
        let essence = input.content_type.map(|m| m.essence.as_str()).unwrap_or("");
        let boundary = input.content_type.and_then(|m| m.param("boundary"));
        match (&op.body, body) {
            (None, Some(_)) => return Err(Deny::UnsupportedMediaType),
            (None, None) => {}
            (Some(spec), None) => {
                if spec.required {
                    viol.push(Violation::new("/body", "required"));
                }
            }
            (Some(spec), Some(bytes)) => {
                // The most specific declared range that matches (OAS: `text/plain` beats
                // `text/*`, which beats `*/*`), validated against its own schema.
                let Some(media) = spec
                    .media
                    .iter()
                    .filter(|m| media_matches(&m.range, essence))
                    .max_by_key(|m| specificity(&m.range))
                else {
                    return Err(Deny::UnsupportedMediaType);
                };
                let kind = if media.kind == BodyKind::Other {
                    media_kind(essence)
                } else {
                    media.kind
                };
                // A range with a structured schema, matched by a type the gateway cannot read:
                // the body cannot be shown to satisfy the schema, so it is not forwarded.
                if kind == BodyKind::Other && media.validator.is_some() {
                    return Err(Deny::UnsupportedMediaType);
                }
                let parsed = match kind {
                    BodyKind::Json => json::parse(bytes, self).map(Some),
                    BodyKind::Form => {
                        forms::urlencoded(bytes, &media.schema, &media.form, self).map(Some)
                    }
                    BodyKind::Multipart => {
                        let mut parts = forms::PartTexts::default();
                        let doc = forms::multipart(
                            bytes,
                            boundary,
                            &media.schema,
                            &media.encoding,
                            &mut parts,
                        );
                        if screening && doc.is_ok() {
                            for (pointer, name) in parts.names {
                                if let Some(class) = screen::text(&name) {
                                    found.push(Finding { pointer, class });
                                }
                            }
                            for (pointer, kind, content) in parts.markup {
                                let script = match kind {
                                    forms::Markup::Html => {
                                        Ok(libinjectionrs::detect_xss(&content).is_injection())
                                    }
                                    forms::Markup::Xml => {
                                        forms::xml_runs_script(&content, self.max_depth)
                                    }
                                };
                                match script {
                                    Ok(true) => found.push(Finding {
                                        pointer,
                                        class: screen::Class::Xss,
                                    }),
                                    Ok(false) => {}
                                    Err(v) => viol.push(Violation::new(pointer, v.rule)),
                                }
                            }
                        }
                        doc.map(Some)
                    }
                    BodyKind::Xml => forms::xml(bytes, self.max_depth).and_then(|tree| {
                        if media.validator.is_some() {
                            let root: &Value = &media.schema;
                            return forms::xml_value(root, Some(root), &tree, "/body").map(Some);
                        }
                        if screening {
                            let mut texts = Vec::new();
                            tree.texts(&mut texts);
                            for t in texts {
                                if let Some(c) = screen::text(&t) {
                                    found.push(Finding {
                                        pointer: "/body".into(),
                                        class: c,
                                    });
                                }
                            }
                        }
                        Ok(None)
                    }),
                    BodyKind::Other => Ok(None),
                };
                match parsed {
                    Err(v) => viol.push(v),
                    Ok(None) => {}
                    Ok(Some(doc)) => {
                        if let Some(v) = &media.validator {
                            schema_violations(v, &doc, "/body", &mut viol);
                            if viol.is_empty() && has_float(&doc) {
                                let root: &Value = &media.schema;
                                let mut ptr = String::from("/body");
                                float_integers(root, &[(root, true)], &doc, &mut ptr, &mut viol);
                            }
                        }
                        if screening && viol.is_empty() {
                            let root: &Value = &media.schema;
                            let schemas: Vec<Candidate<'_>> = if media.validator.is_some() {
                                vec![(root, true)]
                            } else {
                                vec![]
                            };
                            let mut ptr = String::from("/body");
                            match &media.plan {
                                Some(plan) if media.validator.is_some() => {
                                    plan.screen(&doc, &mut ptr, &mut found)
                                }
                                _ => screen_json(root, &schemas, &doc, &mut ptr, &mut found),
                            }
                        }
                    }
                }
            }
        }

        if !viol.is_empty() {
            return Err(Deny::SchemaInvalid(viol));
        }
        for f in &found {
            SCREENED
                .with_label_values(&[f.class.rule(), op.action.label()])
                .inc();
        }
        if !found.is_empty() && op.action == Action::Block {
            let mut list: Vec<Violation> = Vec::new();
            for f in &found {
                let v = Violation::new(f.pointer.clone(), f.class.rule());
                if !list.contains(&v) {
                    list.push(v);
                }
            }
            return Err(Deny::InjectionBlocked(list));
        }
        Ok(found)
    }
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
