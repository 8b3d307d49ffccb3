//! Walking a compiled schema: `$ref` resolution, the primitive shape of a parameter, and
//! percent-decoding of the strings that carry them. Shared by the compiler and the
//! parameter, form and screening-plan readers; depends on none of them.

use super::Prim;
use serde_json::Value;

/// Percent-decode `s` (`None` for a broken escape or bytes that are not UTF-8).
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = b.get(i + 1..i + 3)?;
            let v = u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?;
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Follow a `#/$defs/…` reference inside a compiled root schema.
pub(crate) fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    let mut v = v;
    for _ in 0..32 {
        match v
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(n) => match root.get("$defs").and_then(|d| d.get(n)) {
                Some(t) => v = t,
                None => return v,
            },
            None => return v,
        }
    }
    v
}

/// The primitive shape of a parameter value, for coercing the string the client sent.
pub(crate) fn prim_of(root: &Value, v: &Value, depth: usize) -> Prim {
    prim_at(root, v, depth, 0)
}

/// `depth` 0 is the parameter itself (the only level where an array is a shape); `guard`
/// bounds the walk through combinators.
fn prim_at(root: &Value, v: &Value, depth: usize, guard: usize) -> Prim {
    let v = resolve(root, v);
    let ty = match v.get("type") {
        Some(Value::String(t)) => Some(t.as_str()),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    };
    match ty {
        Some("integer") => Prim::Integer,
        Some("number") => Prim::Number,
        Some("boolean") => Prim::Boolean,
        Some("array") if depth == 0 => Prim::Array(Box::new(
            v.get("items")
                .map(|i| prim_of(root, i, depth + 1))
                .unwrap_or(Prim::String),
        )),
        Some("object") => Prim::Object,
        Some(_) => Prim::String,
        None => {
            // Branches of different shapes (`oneOf: [string, array]`): each is tried.
            let mut cands: Vec<Prim> = Vec::new();
            for k in ["allOf", "anyOf", "oneOf"] {
                for b in v.get(k).and_then(Value::as_array).into_iter().flatten() {
                    if guard > 16 {
                        break;
                    }
                    match prim_at(root, b, depth, guard + 1) {
                        Prim::Any(inner) => cands.extend(inner),
                        p => cands.push(p),
                    }
                }
            }
            let mut uniq: Vec<Prim> = Vec::new();
            for c in cands {
                if !uniq.contains(&c) {
                    uniq.push(c);
                }
            }
            match uniq.len() {
                0 => Prim::String,
                1 => uniq.remove(0),
                _ => Prim::Any(uniq),
            }
        }
    }
}
