//! Non-JSON bodies: `application/x-www-form-urlencoded` and `multipart/form-data` are turned
//! into a JSON object (values coerced by the property's declared type) and validated against
//! the same compiled schema; XML is parsed with a safe reader.
//!
//! XML: `quick-xml` never expands entities or fetches anything, and on top of that any DTD
//! (`<!DOCTYPE`), any entity reference other than the five predefined ones and any
//! processing instruction other than the XML declaration is refused, so XXE and "billion
//! laughs" cannot even be expressed. Element depth is capped. The document is checked for
//! well-formedness and its text and attribute values are screened; its structure is not
//! mapped onto the JSON schema.

use super::compile::{prim_of, resolve};
use super::{coerce, Prim, Violation};
use quick_xml::events::Event;
use serde_json::{Map, Value};

/// The declared primitive of property `name` in an object schema.
fn prop_prim(root: &Value, name: &str) -> Prim {
    let s = resolve(root, root);
    let mut cands = vec![s];
    for k in ["allOf", "anyOf", "oneOf"] {
        if let Some(a) = s.get(k).and_then(Value::as_array) {
            cands.extend(a.iter().map(|x| resolve(root, x)));
        }
    }
    for c in cands {
        if let Some(p) = c.get("properties").and_then(|p| p.get(name)) {
            return prim_of(root, p, 0);
        }
    }
    Prim::String
}

fn insert(
    root: &Value,
    obj: &mut Map<String, Value>,
    name: String,
    raw: String,
) -> Result<(), Violation> {
    let prim = prop_prim(root, &name);
    match prim {
        Prim::Array(item) => {
            let v = coerce(&raw, &item);
            match obj.entry(name).or_insert_with(|| Value::Array(Vec::new())) {
                Value::Array(a) => a.push(v),
                _ => return Err(Violation::new("/body", "duplicate-field")),
            }
        }
        p => {
            if obj.contains_key(&name) {
                return Err(Violation::new("/body", "duplicate-field"));
            }
            obj.insert(name, coerce(&raw, &p));
        }
    }
    Ok(())
}

/// `a=1&b=x` → `{"a": 1, "b": "x"}` (by the schema's property types).
pub fn urlencoded(body: &[u8], root: &Value) -> Result<Value, Violation> {
    if std::str::from_utf8(body).is_err() {
        return Err(Violation::new("/body", "invalid-utf8"));
    }
    let mut obj = Map::new();
    for (k, v) in form_urlencoded::parse(body) {
        insert(root, &mut obj, k.into_owned(), v.into_owned())?;
    }
    Ok(Value::Object(obj))
}

/// The `boundary` parameter of a multipart content type.
pub fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// `multipart/form-data` → one JSON property per part. File parts (with a `filename`) are
/// represented by an empty string: their content is not JSON-validated or screened.
pub fn multipart(body: &[u8], content_type: &str, root: &Value) -> Result<Value, Violation> {
    let bad = || Violation::new("/body", "multipart-syntax");
    let b = boundary(content_type)
        .filter(|b| !b.is_empty() && b.len() <= 70)
        .ok_or_else(bad)?;
    let delim = format!("--{b}");
    let mut obj = Map::new();
    let mut pos = find(body, delim.as_bytes(), 0).ok_or_else(bad)? + delim.len();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            break;
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return Err(bad());
        }
        pos += 2;
        let head_end = find(body, b"\r\n\r\n", pos).ok_or_else(bad)?;
        let head = std::str::from_utf8(&body[pos..head_end]).map_err(|_| bad())?;
        let next = find(body, format!("\r\n{delim}").as_bytes(), head_end + 4).ok_or_else(bad)?;
        let content = &body[head_end + 4..next];
        let mut name = None;
        let mut file = false;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                return Err(bad());
            };
            if k.trim().eq_ignore_ascii_case("content-disposition") {
                for p in v.split(';').skip(1) {
                    if let Some((pk, pv)) = p.trim().split_once('=') {
                        let pv = pv.trim().trim_matches('"').to_string();
                        match pk.trim().to_ascii_lowercase().as_str() {
                            "name" => name = Some(pv),
                            "filename" | "filename*" => file = true,
                            _ => {}
                        }
                    }
                }
            }
        }
        let name = name.ok_or_else(bad)?;
        let value = if file {
            String::new()
        } else {
            String::from_utf8(content.to_vec())
                .map_err(|_| Violation::new("/body", "invalid-utf8"))?
        };
        insert(root, &mut obj, name, value)?;
        pos = next + 2 + delim.len();
    }
    Ok(Value::Object(obj))
}

/// Parse XML safely; returns every text and attribute value for screening.
pub fn xml(body: &[u8], max_depth: usize) -> Result<Vec<String>, Violation> {
    if body.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Violation::new("/body", "byte-order-mark"));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(Violation::new("/body", "invalid-utf8"));
    }
    let mut r = quick_xml::Reader::from_reader(body);
    r.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    let mut texts = Vec::new();
    let syntax = || Violation::new("/body", "xml-syntax");
    loop {
        let ev = r.read_event().map_err(|_| syntax())?;
        let ev_kind = if matches!(ev, Event::Empty(_)) { 1 } else { 0 };
        match ev {
            Event::DocType(_) => return Err(Violation::new("/body", "xml-dtd")),
            Event::GeneralRef(e) => {
                let name = e.decode().map_err(|_| syntax())?;
                let ok = matches!(&*name, "lt" | "gt" | "amp" | "apos" | "quot")
                    || name.starts_with('#');
                if !ok {
                    return Err(Violation::new("/body", "xml-entity"));
                }
            }
            Event::PI(_) => return Err(Violation::new("/body", "xml-processing-instruction")),
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev_kind, 1);
                if depth == 0 {
                    roots += 1;
                }
                if depth + 1 > max_depth {
                    return Err(Violation::new("/body", "max-depth"));
                }
                if !empty {
                    depth += 1;
                }
                for a in e.attributes() {
                    let a = a.map_err(|_| syntax())?;
                    let v = a
                        .unescape_value()
                        .map_err(|_| Violation::new("/body", "xml-entity"))?;
                    texts.push(v.into_owned());
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) => {
                let s = t.decode().map_err(|_| syntax())?;
                if !s.trim().is_empty() {
                    if depth == 0 {
                        return Err(syntax());
                    }
                    texts.push(s.into_owned());
                }
            }
            Event::CData(c) => texts.push(String::from_utf8_lossy(&c).into_owned()),
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(syntax());
    }
    Ok(texts)
}
