//! Which values are screened for injection, and screening them: schema exemptions (strict
//! formats the schema check enforces, `x-gateway-screening: off`), the JSON walk with its
//! float/integer rules, and request headers and cookies.

use super::*;

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
pub(super) fn has_float(v: &Value) -> bool {
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
        // Past ±2^63 an integer can only be held as a double (JSON literals and form values
        // alike), so a whole double that large is taken as the integer it was written as:
        // what is refused is `1.0` / `1e0` in the range a service reads into an integer type.
        Value::Number(n)
            if n.is_f64()
                && !n.as_f64().is_some_and(|f| {
                    f.fract() == 0.0 && f.abs() >= 9.223_372_036_854_775_808e18
                }) =>
        {
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
    s.iter()
        .any(|(s, _)| declared_keys(root, s, 0).contains(key))
}

/// The property names a schema is sure to declare: its own `properties`, those of every
/// `allOf` member, and those every branch of a `oneOf` / `anyOf` declares (whichever branch a
/// document matched declares them: Unblu's `$_type` discriminator is one). A name only some
/// branches declare is not counted: the document may have matched another, where it is a
/// free key.
pub(crate) fn declared_keys<'a>(
    root: &'a Value,
    s: &'a Value,
    depth: usize,
) -> std::collections::BTreeSet<&'a str> {
    let mut out = std::collections::BTreeSet::new();
    if depth > 16 {
        return out;
    }
    let s = shape::resolve(root, s);
    if let Some(p) = s.get("properties").and_then(Value::as_object) {
        out.extend(p.keys().map(String::as_str));
    }
    if let Some(a) = s.get("allOf").and_then(Value::as_array) {
        for x in a {
            out.extend(declared_keys(root, x, depth + 1));
        }
    }
    for c in ["oneOf", "anyOf"] {
        if let Some(a) = s.get(c).and_then(Value::as_array) {
            let mut branches = a.iter().map(|x| declared_keys(root, x, depth + 1));
            if let Some(first) = branches.next() {
                let all = branches.fold(first, |acc, b| acc.intersection(&b).copied().collect());
                out.extend(all);
            }
        }
    }
    out
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
pub(super) fn screen_headers(
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
