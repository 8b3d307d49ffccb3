//! Parameter serialisation: every `style` / `explode` combination OAS 3.0 and 3.1 define for
//! each location, decoded into the JSON value the parameter's schema describes.
//!
//! | location | styles |
//! |---|---|
//! | path | `simple` (default), `label` (`.a.b`), `matrix` (`;id=5`) |
//! | query | `form` (default), `spaceDelimited`, `pipeDelimited`, `deepObject` (`f[a]=1`) |
//! | header | `simple` |
//! | cookie | `form` |
//!
//! Arrays and objects are accepted in every style that can express them; a value whose shape
//! the style cannot carry (an odd key/value list, a label value without its `.`) is refused
//! with the rule `style`. `deepObject` (and form bodies whose `encoding` says `deepObject`)
//! read bracket paths the way common frameworks do: `f[a][b]=1`, `f[]=x` and `f[0]=x` for
//! arrays, guided by the schema so that only arrays the schema declares are built.

use super::shape::{prim_of, resolve};
use super::{coerce, Param, ParamLoc, Prim, Style};
use serde_json::{Map, Value};

/// Deepest bracket path read (`a[b][c]…`).
const MAX_BRACKETS: usize = 8;
/// Highest array index accepted in a bracket path (`a[40]`): the array would be padded.
const MAX_INDEX: usize = 1000;

type R<T> = Result<T, &'static str>;

fn types(root: &Value, s: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 8 {
        return;
    }
    let s = resolve(root, s);
    match s.get("type") {
        Some(Value::String(t)) => out.push(t.clone()),
        Some(Value::Array(a)) => out.extend(a.iter().filter_map(Value::as_str).map(String::from)),
        _ => {}
    }
    for k in ["allOf", "anyOf", "oneOf"] {
        if let Some(a) = s.get(k).and_then(Value::as_array) {
            for x in a {
                types(root, x, out, depth + 1);
            }
        }
    }
}

/// Whether some branch of the schema describes an array (and none an object).
pub(super) fn is_array(root: &Value, s: &Value) -> bool {
    let mut t = Vec::new();
    types(root, s, &mut t, 0);
    t.iter().any(|t| t == "array") && !t.iter().any(|t| t == "object")
}

/// The subschema for member `key` (or array items for `None`), through combinators.
pub(super) fn child<'a>(root: &'a Value, s: &'a Value, key: Option<&str>) -> Option<&'a Value> {
    fn go<'a>(root: &'a Value, s: &'a Value, key: Option<&str>, depth: usize) -> Option<&'a Value> {
        if depth > 8 {
            return None;
        }
        let s = resolve(root, s);
        let own = match key {
            Some(k) => s
                .get("properties")
                .and_then(|p| p.get(k))
                .or_else(|| s.get("additionalProperties").filter(|a| a.is_object())),
            None => s.get("items").filter(|i| i.is_object()),
        };
        if own.is_some() {
            return own;
        }
        for c in ["allOf", "anyOf", "oneOf"] {
            if let Some(a) = s.get(c).and_then(Value::as_array) {
                if let Some(f) = a.iter().find_map(|x| go(root, x, key, depth + 1)) {
                    return Some(f);
                }
            }
        }
        None
    }
    go(root, s, key, 0)
}

/// The primitive a raw text at this schema is coerced to (`Any` picks the first that fits).
fn leaf(root: &Value, s: Option<&Value>, raw: &str) -> Value {
    match s {
        Some(s) => coerce(raw, &prim_of(root, s, 1)),
        None => Value::String(raw.to_string()),
    }
}

/// `name[a][b]` → (`name`, [`a`, `b`]); `None` when the key has no well-formed brackets.
pub(super) fn brackets(key: &str) -> Option<(&str, Vec<&str>)> {
    let open = key.find('[')?;
    let (name, mut rest) = key.split_at(open);
    let mut toks = Vec::new();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        let tok = &inner[..close];
        if tok.contains('[') || toks.len() >= MAX_BRACKETS {
            return None;
        }
        toks.push(tok);
        rest = &inner[close + 1..];
    }
    (!name.is_empty()).then_some((name, toks))
}

/// Put `raw` at the bracket path `toks` below `node`, whose schema is `s`.
pub(super) fn insert_path(
    root: &Value,
    s: Option<&Value>,
    node: &mut Value,
    toks: &[&str],
    raw: &str,
) -> R<()> {
    let array_here = s.is_some_and(|s| is_array(root, s));
    let Some((tok, rest)) = toks.split_first() else {
        // The end of the path: a value, or one more item of an array.
        if array_here {
            let item = s.and_then(|s| child(root, s, None));
            return push(node, leaf(root, item, raw));
        }
        if !node.is_null() {
            return Err("duplicate-parameter");
        }
        *node = leaf(root, s, raw);
        return Ok(());
    };
    if array_here {
        let item = s.and_then(|s| child(root, s, None));
        if node.is_null() {
            *node = Value::Array(Vec::new());
        }
        let Value::Array(a) = node else {
            return Err("style");
        };
        let i = if tok.is_empty() {
            a.len()
        } else {
            match tok.parse::<usize>() {
                Ok(i) if i <= a.len() && i <= MAX_INDEX => i,
                _ => return Err("style"),
            }
        };
        if i == a.len() {
            a.push(Value::Null);
        }
        return insert_path(root, item, &mut a[i], rest, raw);
    }
    if tok.is_empty() {
        return Err("style");
    }
    if node.is_null() {
        *node = Value::Object(Map::new());
    }
    let Value::Object(m) = node else {
        return Err("style");
    };
    let sub = s.and_then(|s| child(root, s, Some(tok)));
    let slot = m.entry(tok.to_string()).or_insert(Value::Null);
    insert_path(root, sub, slot, rest, raw)
}

fn push(node: &mut Value, v: Value) -> R<()> {
    if node.is_null() {
        *node = Value::Array(Vec::new());
    }
    match node {
        Value::Array(a) => {
            a.push(v);
            Ok(())
        }
        _ => Err("duplicate-parameter"),
    }
}

/// `deepObject`: every query pair `name[…]=v`, as one object (or array). `None` when absent.
pub(super) fn deep_object(p: &Param, pairs: &[(String, String)]) -> R<Option<Value>> {
    let root: &Value = &p.schema;
    let mut node = Value::Null;
    let mut any = false;
    for (k, v) in pairs {
        // A bare `name=v` is read as a form body member of the same encoding is: the value
        // itself (an item, for an array schema), judged by the schema like any other. OAS
        // defines `deepObject` for objects only, but clients send scalars this way (Stripe's
        // `created=…` beside `created[gt]=…`); ignored, the value would reach the service
        // neither validated nor screened.
        let (name, toks) = if k == &p.name {
            (k.as_str(), Vec::new())
        } else {
            match brackets(k) {
                Some(b) => b,
                None => continue,
            }
        };
        if name != p.name {
            continue;
        }
        any = true;
        insert_path(root, Some(root), &mut node, &toks, v)?;
    }
    Ok(any.then_some(node))
}

/// Whether query key `k` belongs to parameter `p` (its own name, a bracket path of a
/// `deepObject`, or a member of an exploded `form` object).
pub(super) fn owns_query_key(p: &Param, k: &str) -> bool {
    if p.loc != ParamLoc::Query {
        return false;
    }
    if p.name == k {
        return true;
    }
    match p.style {
        Style::DeepObject => brackets(k).is_some_and(|(n, _)| n == p.name),
        Style::Form if p.explode && p.prim == Prim::Object => p.props.iter().any(|m| m == k),
        _ => false,
    }
}

/// An exploded `form` object (query or cookie): the pairs named after its properties.
pub(super) fn exploded_object(p: &Param, pairs: &[(String, String)]) -> R<Option<Value>> {
    let root: &Value = &p.schema;
    let mut m = Map::new();
    for (k, v) in pairs {
        if !p.props.iter().any(|n| n == k) {
            continue;
        }
        if m.contains_key(k) {
            return Err("duplicate-parameter");
        }
        m.insert(k.clone(), leaf(root, child(root, root, Some(k)), v));
    }
    Ok((!m.is_empty()).then_some(Value::Object(m)))
}

fn object_from(root: &Value, kv: Vec<(&str, &str)>) -> R<Value> {
    let mut m = Map::new();
    for (k, v) in kv {
        if m.contains_key(k) {
            return Err("duplicate-parameter");
        }
        m.insert(k.to_string(), leaf(root, child(root, root, Some(k)), v));
    }
    Ok(Value::Object(m))
}

fn alternating(parts: Vec<&str>) -> R<Vec<(&str, &str)>> {
    if parts.len() % 2 != 0 {
        return Err("style");
    }
    Ok(parts.chunks(2).map(|c| (c[0], c[1])).collect())
}

fn key_values(parts: Vec<&str>) -> R<Vec<(&str, &str)>> {
    parts
        .into_iter()
        .map(|kv| kv.split_once('=').ok_or("style"))
        .collect()
}

fn split(raw: &str, sep: char) -> Vec<&str> {
    if raw.is_empty() {
        Vec::new()
    } else {
        raw.split(sep).collect()
    }
}

/// Path values arrive percent-encoded: each part is decoded after splitting, so an encoded
/// delimiter stays data.
fn decoded(p: &Param, part: &str) -> R<String> {
    if p.loc == ParamLoc::Path {
        super::shape::percent_decode(part).ok_or("invalid-utf8")
    } else {
        Ok(part.to_string())
    }
}

/// The value of a parameter from its raw occurrences (all named `p.name`), as `prim`.
pub(super) fn value(p: &Param, prim: &Prim, raws: &[String]) -> R<Value> {
    let root: &Value = &p.schema;
    let sep = match p.style {
        Style::Space => ' ',
        Style::Pipe => '|',
        _ => ',',
    };
    // Repeated occurrences are an exploded array (query and cookie `form`, and the delimited
    // styles, which explode like `form`); anything else repeated is ambiguous.
    if raws.len() > 1 {
        return match prim {
            Prim::Array(item)
                if p.explode
                    && matches!(p.style, Style::Form | Style::Space | Style::Pipe)
                    && matches!(p.loc, ParamLoc::Query | ParamLoc::Cookie) =>
            {
                Ok(Value::Array(raws.iter().map(|r| coerce(r, item)).collect()))
            }
            _ => Err("duplicate-parameter"),
        };
    }
    let raw = raws.first().map(String::as_str).unwrap_or("");
    // Strip the label / matrix prefix, leaving the delimited list.
    let (body, item_sep, kv_sep) = match p.style {
        Style::Label => {
            let rest = raw.strip_prefix('.').ok_or("style")?;
            (rest.to_string(), if p.explode { '.' } else { ',' }, '.')
        }
        Style::Matrix => {
            let rest = raw.strip_prefix(';').ok_or("style")?;
            if p.explode && matches!(prim, Prim::Object) {
                (rest.to_string(), ';', ';')
            } else if p.explode && matches!(prim, Prim::Array(_)) {
                let prefix = format!("{}=", p.name);
                let mut items = Vec::new();
                for part in rest.split(';') {
                    items.push(
                        part.strip_prefix(prefix.as_str())
                            .ok_or("style")?
                            .to_string(),
                    );
                }
                (items.join(";"), ';', ';')
            } else {
                let v = match rest.strip_prefix(p.name.as_str()) {
                    Some("") => "",
                    Some(v) => v.strip_prefix('=').ok_or("style")?,
                    None => return Err("style"),
                };
                (v.to_string(), ',', ',')
            }
        }
        _ => (raw.to_string(), sep, sep),
    };
    match prim {
        Prim::Array(item) => {
            let mut out = Vec::new();
            for part in split(&body, item_sep) {
                out.push(coerce(&decoded(p, part)?, item));
            }
            Ok(Value::Array(out))
        }
        Prim::Object => {
            let exploded_kv =
                p.explode && matches!(p.style, Style::Simple | Style::Label | Style::Matrix);
            let parts = split(&body, kv_sep);
            let kv = if exploded_kv {
                key_values(parts)?
            } else {
                alternating(split(&body, item_sep))?
            };
            let mut dec = Vec::new();
            for (k, v) in kv {
                dec.push((decoded(p, k)?, decoded(p, v)?));
            }
            object_from(
                root,
                dec.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
            )
        }
        prim => Ok(coerce(&decoded(p, &body)?, prim)),
    }
}
