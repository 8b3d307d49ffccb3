//! Non-JSON bodies: `application/x-www-form-urlencoded` and `multipart/form-data` are turned
//! into a JSON object (values coerced by the property's declared type) and validated against
//! the same compiled schema; XML is parsed with a safe reader.
//!
//! XML: `quick-xml` never expands entities or fetches anything, and on top of that any DTD
//! (`<!DOCTYPE`), any entity reference other than the five predefined ones and any
//! processing instruction other than the XML declaration is refused, so XXE and "billion
//! laughs" cannot even be expressed. Element depth is capped. Where the operation declares a
//! schema, the document is mapped onto it the way OpenAPI's `xml` object describes (element
//! and attribute names, `xml.attribute`, wrapped and unwrapped arrays) and validated like JSON;
//! elements and attributes the schema does not declare become properties too, so strict mode
//! refuses them. Without a schema, the document is checked for well-formedness and every text
//! and attribute value is screened.

use super::shape::{prim_of, resolve};
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

/// Whether the schema declares property `name` (through combinators).
fn declared(root: &Value, name: &str) -> bool {
    fn go(root: &Value, s: &Value, name: &str, depth: usize) -> bool {
        if depth > 16 {
            return false;
        }
        let s = resolve(root, s);
        s.get("properties").and_then(|p| p.get(name)).is_some()
            || ["allOf", "anyOf", "oneOf"].iter().any(|k| {
                s.get(*k)
                    .and_then(Value::as_array)
                    .is_some_and(|a| a.iter().any(|x| go(root, x, name, depth + 1)))
            })
    }
    go(root, root, name, 0)
}

/// Add one already-typed member; a repeated member becomes an array only when the schema
/// does not declare it (an undeclared field is free-form: non-strict mode lets it through,
/// strict mode refuses it as undeclared either way).
fn insert_value(
    root: &Value,
    obj: &mut Map<String, Value>,
    name: String,
    v: Value,
) -> Result<(), Violation> {
    match obj.get_mut(&name) {
        None => {
            obj.insert(name, v);
            Ok(())
        }
        Some(prev) if !declared(root, &name) => {
            match prev {
                Value::Array(a) => a.push(v),
                other => {
                    let first = std::mem::take(other);
                    *other = Value::Array(vec![first, v]);
                }
            }
            Ok(())
        }
        Some(_) => Err(Violation::new("/body", "duplicate-field")),
    }
}

/// How the members of a form body are encoded (`encoding` of the media type object).
#[derive(Debug, Clone, Default)]
pub struct FormEncoding {
    /// Members whose value is a JSON document (`contentType: application/json`).
    pub json: Vec<String>,
    /// Members serialised with `style: deepObject` (`card[number]=…`).
    pub deep: Vec<String>,
}

fn insert(
    root: &Value,
    obj: &mut Map<String, Value>,
    name: String,
    raw: String,
) -> Result<(), Violation> {
    let prim = prop_prim(root, &name);
    if !matches!(prim, Prim::Array(_)) && obj.contains_key(&name) && !declared(root, &name) {
        return insert_value(root, obj, name, Value::String(raw));
    }
    match prim {
        Prim::Array(item) => {
            let v = coerce(&raw, &item);
            match obj.entry(name).or_insert_with(|| Value::Array(Vec::new())) {
                Value::Array(a) => a.push(v),
                _ => return Err(Violation::new("/body", "duplicate-field")),
            }
        }
        // `oneOf`/`anyOf` with an array branch (Stripe's `anyOf: [array, enum: [""]]`): one
        // value is read as the scalar branches read it, a repeated one as that array's items.
        Prim::Any(branches) if obj.contains_key(&name) => {
            let Some(Prim::Array(item)) = branches.iter().find(|b| matches!(b, Prim::Array(_)))
            else {
                return Err(Violation::new("/body", "duplicate-field"));
            };
            let v = coerce(&raw, item);
            let prev = obj.entry(name).or_insert(Value::Null);
            match prev {
                Value::Array(a) => a.push(v),
                _ => {
                    let first = match std::mem::take(prev) {
                        Value::String(s) => coerce(&s, item),
                        other => coerce(&other.to_string(), item),
                    };
                    *prev = Value::Array(vec![first, v]);
                }
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

/// `a=1&b=x` → `{"a": 1, "b": "x"}` (by the schema's property types); `card[number]=…` for
/// members the encoding declares `deepObject`; JSON documents for members it declares JSON.
/// A raw `;` is refused: some parsers (older Python `parse_qs`, some CGI libraries) split
/// pairs on it too, so `note=hi;admin=1` would be one field here and two there.
pub fn urlencoded(
    body: &[u8],
    root: &Value,
    enc: &FormEncoding,
    caps: &super::json::Caps,
) -> Result<Value, Violation> {
    if std::str::from_utf8(body).is_err() {
        return Err(Violation::new("/body", "invalid-utf8"));
    }
    if body.contains(&b';') {
        return Err(Violation::new("/body", "ambiguous-separator"));
    }
    let mut obj = Map::new();
    for (k, v) in form_urlencoded::parse(body) {
        if let Some((name, toks)) = super::params::brackets(&k) {
            if enc.deep.iter().any(|d| d == name) {
                let sub = super::params::child(root, root, Some(name));
                let slot = obj.entry(name.to_string()).or_insert(Value::Null);
                super::params::insert_path(root, sub, slot, &toks, &v).map_err(|rule| {
                    Violation::new(format!("/body/{}", super::safe_token(name)), rule)
                })?;
                continue;
            }
        }
        if enc.json.iter().any(|j| *j == k) {
            let doc = super::json::parse(v.as_bytes(), caps).map_err(|mut e| {
                e.pointer = format!("/body/{}", super::safe_token(&k));
                e
            })?;
            insert_value(root, &mut obj, k.into_owned(), doc)?;
            continue;
        }
        insert(root, &mut obj, k.into_owned(), v.into_owned())?;
    }
    Ok(Value::Object(obj))
}

/// Whether property `name` is declared as a file (`format: binary` / `byte` / `base64`, or a
/// `contentMediaType` / `contentEncoding`), directly or as the items of an array.
fn file_prop(root: &Value, name: &str) -> bool {
    fn is_file(root: &Value, v: &Value, depth: usize) -> bool {
        let v = resolve(root, v);
        if depth > 4 {
            return false;
        }
        if v.get("contentMediaType").is_some() || v.get("contentEncoding").is_some() {
            return true;
        }
        if v.get("format")
            .and_then(Value::as_str)
            .is_some_and(|f| matches!(f, "binary" | "byte" | "base64"))
        {
            return true;
        }
        if let Some(i) = v.get("items") {
            return is_file(root, i, depth + 1);
        }
        ["allOf", "anyOf", "oneOf"].iter().any(|k| {
            v.get(*k)
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|x| is_file(root, x, depth + 1)))
        })
    }
    let s = resolve(root, root);
    let mut cands = vec![s];
    for k in ["allOf", "anyOf", "oneOf"] {
        if let Some(a) = s.get(k).and_then(Value::as_array) {
            cands.extend(a.iter().map(|x| resolve(root, x)));
        }
    }
    cands.iter().any(|c| {
        c.get("properties")
            .and_then(|p| p.get(name))
            .is_some_and(|p| is_file(root, p, 0))
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// How a file part's content is screened, by its declared type: HTML goes to the XSS
/// tokeniser; SVG and other XML is read with the safe XML reader and refused when it carries
/// script (an upload served back is stored XSS). Other content is data, not screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Html,
    Xml,
}

fn markup_by_name(file: &str) -> Option<Markup> {
    let ext = file.rsplit_once('.')?.1.trim().to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Some(Markup::Html),
        "svg" | "xml" | "xsl" | "xslt" => Some(Markup::Xml),
        _ => None,
    }
}

/// An RFC 5987 extended value (`charset'lang'percent-encoded`), decoded; `None` when it is
/// not valid percent-encoded UTF-8.
fn ext_value(v: &str) -> Option<String> {
    let encoded = v.splitn(3, '\'').nth(2).unwrap_or(v);
    super::shape::percent_decode(encoded)
}

fn markup_of(content_type: &str) -> Option<Markup> {
    let ct = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Markup::Html),
        "image/svg+xml" | "text/xml" | "application/xml" => Some(Markup::Xml),
        _ if ct.ends_with("+xml") => Some(Markup::Xml),
        _ => None,
    }
}

/// Whether an XML document (SVG above all) can run script when rendered: a script-bearing
/// element, an event-handler attribute, or a `javascript:`-style URL. `Err` when it is not
/// safe, well-formed XML (a DTD or an unknown entity is refused like in a body).
pub fn xml_runs_script(doc: &[u8], max_depth: usize) -> Result<bool, Violation> {
    fn walk(el: &Element) -> bool {
        let name = el.name.to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "script" | "foreignobject" | "iframe" | "object" | "embed" | "handler" | "listener"
        ) {
            return true;
        }
        for (k, v) in &el.attrs {
            let k = k.to_ascii_lowercase();
            if k.starts_with("on") {
                return true;
            }
            let url: String = v
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if [
                "javascript:",
                "vbscript:",
                "data:text/html",
                "data:image/svg",
            ]
            .iter()
            .any(|p| url.starts_with(p))
            {
                return true;
            }
        }
        el.children.iter().any(walk)
    }
    Ok(walk(&xml(doc, max_depth)?))
}

/// What a multipart body yields besides its JSON shape: text the caller screens.
#[derive(Debug, Default)]
pub struct PartTexts {
    /// File names, by pointer: screened like any value.
    pub names: Vec<(String, String)>,
    /// Markup file content, by pointer: screened for XSS.
    pub markup: Vec<(String, Markup, Vec<u8>)>,
}

/// `multipart/form-data` → one JSON property per part. File parts (with a `filename`, for a
/// property the schema declares as a file) are represented by an empty string in the JSON
/// shape; their file name is screened, markup content (HTML, SVG, XML) is screened for XSS,
/// and their `Content-Type` must be one the operation's `encoding` lists for that property,
/// when it lists any. A part with a `filename` for a property that is not a file is read as
/// the text it is: frameworks differ on whether it is a file or a field, so it is judged as
/// the field a service may read. `boundary` is the one parameter of the parsed media type.
pub fn multipart(
    body: &[u8],
    boundary: Option<&str>,
    root: &Value,
    encoding: &[(String, Vec<String>)],
    texts: &mut PartTexts,
) -> Result<Value, Violation> {
    let bad = || Violation::new("/body", "multipart-syntax");
    let b = boundary
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
        // `filename` and `filename*` (RFC 6266/5987: `UTF-8''%e2%82%ac.txt`), decoded: both
        // are screened, so percent-encoding cannot hide a payload.
        let mut filenames: Vec<String> = Vec::new();
        let mut part_type = None;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                return Err(bad());
            };
            let k = k.trim();
            if k.eq_ignore_ascii_case("content-disposition") {
                for p in v.split(';').skip(1) {
                    if let Some((pk, pv)) = p.trim().split_once('=') {
                        let pv = pv.trim().trim_matches('"').to_string();
                        match pk.trim().to_ascii_lowercase().as_str() {
                            // Two names: which one wins depends on the parser.
                            "name" if name.is_some() => return Err(bad()),
                            "name" => name = Some(pv),
                            "filename" => filenames.push(pv),
                            "filename*" => filenames.push(ext_value(&pv).ok_or_else(bad)?),
                            _ => {}
                        }
                    }
                }
            } else if k.eq_ignore_ascii_case("content-type") {
                part_type = Some(v.trim().to_string());
            }
        }
        let name = name.ok_or_else(bad)?;
        let ptr = format!("/body/{}", super::safe_token(&name));
        if let Some((_, allowed)) = encoding.iter().find(|(p, _)| *p == name) {
            let essence = part_type
                .as_deref()
                .unwrap_or("text/plain")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if !allowed.iter().any(|r| super::media_matches(r, &essence)) {
                return Err(Violation::new(ptr, "content-type"));
            }
        }
        // A part holding JSON (by its own type, or by the encoding the operation declares) is
        // a JSON document, validated as such.
        let part_json = part_type
            .as_deref()
            .is_some_and(|t| super::media_kind(&t.to_ascii_lowercase()) == super::BodyKind::Json)
            || encoding.iter().any(|(p, ranges)| {
                *p == name
                    && !ranges.is_empty()
                    && ranges
                        .iter()
                        .all(|r| super::media_kind(r) == super::BodyKind::Json)
            });
        if part_json && filenames.is_empty() {
            let doc =
                super::json::parse(content, &super::json::Caps::default()).map_err(|mut e| {
                    e.pointer = ptr.clone();
                    e
                })?;
            insert_value(root, &mut obj, name, doc)?;
            pos = next + 2 + delim.len();
            continue;
        }
        let value = if !filenames.is_empty() && file_prop(root, &name) {
            // Markup by declared type, or by a file name a server would serve as markup.
            let markup = part_type
                .as_deref()
                .and_then(markup_of)
                .or_else(|| filenames.iter().find_map(|f| markup_by_name(f)));
            if let Some(m) = markup {
                texts.markup.push((ptr.clone(), m, content.to_vec()));
            }
            for f in filenames {
                texts.names.push((ptr.clone(), f));
            }
            String::new()
        } else {
            for f in filenames {
                texts.names.push((ptr.clone(), f));
            }
            String::from_utf8(content.to_vec())
                .map_err(|_| Violation::new("/body", "invalid-utf8"))?
        };
        insert(root, &mut obj, name, value)?;
        pos = next + 2 + delim.len();
    }
    Ok(Value::Object(obj))
}

/// One parsed XML element (local names; namespace prefixes dropped).
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    /// Every text and attribute value in the document, for screening without a schema.
    pub fn texts(&self, out: &mut Vec<String>) {
        out.extend(self.attrs.iter().map(|(_, v)| v.clone()));
        if !self.text.trim().is_empty() {
            out.push(self.text.clone());
        }
        for c in &self.children {
            c.texts(out);
        }
    }
}

fn local(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    match n.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => n.into_owned(),
    }
}

/// Parse XML safely into its element tree.
pub fn xml(body: &[u8], max_depth: usize) -> Result<Element, Violation> {
    if body.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(Violation::new("/body", "byte-order-mark"));
    }
    if std::str::from_utf8(body).is_err() {
        return Err(Violation::new("/body", "invalid-utf8"));
    }
    // The tree is walked recursively: its depth stays small whatever the JSON cap says.
    let max_depth = max_depth.min(256);
    let mut r = quick_xml::Reader::from_reader(body);
    r.config_mut().check_end_names = true;
    // The open elements; the finished root ends up in `root`.
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let syntax = || Violation::new("/body", "xml-syntax");
    loop {
        let ev = r.read_event().map_err(|_| syntax())?;
        match ev {
            Event::DocType(_) => return Err(Violation::new("/body", "xml-dtd")),
            Event::GeneralRef(e) => {
                let name = e.decode().map_err(|_| syntax())?;
                let text = match &*name {
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "amp" => "&".to_string(),
                    "apos" => "'".to_string(),
                    "quot" => "\"".to_string(),
                    n if n.starts_with('#') => {
                        let code = match n.strip_prefix("#x") {
                            Some(h) => u32::from_str_radix(h, 16).ok(),
                            None => n[1..].parse().ok(),
                        };
                        match code.and_then(char::from_u32) {
                            Some(c) => c.to_string(),
                            None => return Err(Violation::new("/body", "xml-entity")),
                        }
                    }
                    _ => return Err(Violation::new("/body", "xml-entity")),
                };
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None => return Err(syntax()),
                }
            }
            Event::PI(_) => return Err(Violation::new("/body", "xml-processing-instruction")),
            Event::Start(ref e) | Event::Empty(ref e) => {
                if stack.is_empty() && root.is_some() {
                    return Err(syntax());
                }
                if stack.len() + 1 > max_depth {
                    return Err(Violation::new("/body", "max-depth"));
                }
                let mut el = Element {
                    name: local(e.name().as_ref()),
                    ..Element::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|_| syntax())?;
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    let v = a
                        .unescape_value()
                        .map_err(|_| Violation::new("/body", "xml-entity"))?;
                    if key == "xmlns" || key.starts_with("xmlns:") {
                        // A namespace name is a URI: nothing else may hide in it, since it is
                        // neither mapped nor screened.
                        if v.chars().any(|c| {
                            c.is_whitespace() || c.is_control() || "<>\"'`{}\\^|".contains(c)
                        }) {
                            return Err(Violation::new("/body", "xml-namespace"));
                        }
                        continue;
                    }
                    el.attrs.push((local(key.as_bytes()), v.into_owned()));
                }
                if matches!(ev, Event::Empty(_)) {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(el),
                        None => root = Some(el),
                    }
                } else {
                    stack.push(el);
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(syntax)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|_| syntax())?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err(syntax()),
                }
            }
            Event::CData(c) => match stack.last_mut() {
                Some(el) => el.text.push_str(&String::from_utf8_lossy(&c)),
                None => return Err(syntax()),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    match (stack.is_empty(), root) {
        (true, Some(root)) => Ok(root),
        _ => Err(syntax()),
    }
}

/// The `type` a schema declares (through `allOf`/`anyOf`/`oneOf` when it has none), with
/// `properties` meaning object.
fn schema_type<'a>(root: &'a Value, s: &'a Value, depth: usize) -> Option<&'a str> {
    let s = resolve(root, s);
    match s.get("type") {
        Some(Value::String(t)) => return Some(t),
        Some(Value::Array(a)) => {
            return a.iter().filter_map(Value::as_str).find(|t| *t != "null");
        }
        _ => {}
    }
    if s.get("properties").is_some() {
        return Some("object");
    }
    if depth < 8 {
        for k in ["allOf", "anyOf", "oneOf"] {
            for x in s.get(k).and_then(Value::as_array).into_iter().flatten() {
                if let Some(t) = schema_type(root, x, depth + 1) {
                    return Some(t);
                }
            }
        }
    }
    None
}

/// The declared properties of an object schema, `allOf`/`anyOf`/`oneOf` members included.
fn properties<'a>(
    root: &'a Value,
    s: &'a Value,
    out: &mut Vec<(&'a str, &'a Value)>,
    depth: usize,
) {
    let s = resolve(root, s);
    if let Some(p) = s.get("properties").and_then(Value::as_object) {
        for (k, v) in p {
            if !out.iter().any(|(n, _)| *n == k.as_str()) {
                out.push((k.as_str(), v));
            }
        }
    }
    if depth < 8 {
        for k in ["allOf", "anyOf", "oneOf"] {
            for x in s.get(k).and_then(Value::as_array).into_iter().flatten() {
                properties(root, x, out, depth + 1);
            }
        }
    }
}

/// The one child element named `name` (with its index), if any; two of them are
/// `duplicate-field` at `p`.
fn single_child<'e>(
    el: &'e Element,
    name: &str,
    p: &str,
) -> Result<Option<(usize, &'e Element)>, Violation> {
    let mut found = el
        .children
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name == name);
    let Some(first) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() {
        return Err(Violation::new(p, "duplicate-field"));
    }
    Ok(Some(first))
}

fn container_is_bare(el: &Element, ptr: &str) -> Result<(), Violation> {
    if el.attrs.is_empty() && el.text.trim().is_empty() {
        Ok(())
    } else {
        Err(Violation::new(ptr, "undeclared-property"))
    }
}

fn xml_hint<'a>(root: &'a Value, s: &'a Value, key: &str) -> Option<&'a Value> {
    resolve(root, s).get("xml").and_then(|x| x.get(key))
}

/// Map an XML element onto the JSON value its schema describes (`None`: no schema, so the
/// natural shape: text, or an object of children and attributes).
pub fn xml_value(
    root: &Value,
    schema: Option<&Value>,
    el: &Element,
    ptr: &str,
) -> Result<Value, Violation> {
    let ty = schema.and_then(|s| schema_type(root, s, 0));
    let structured = !el.children.is_empty() || !el.attrs.is_empty();
    match ty {
        Some("object") => {}
        Some("array") => {
            // Only the items carry data: attributes or text on the container would reach the
            // service unvalidated and unscreened.
            container_is_bare(el, ptr)?;
            let items = schema.and_then(|s| resolve(root, s).get("items"));
            let mut out = Vec::with_capacity(el.children.len());
            for (i, c) in el.children.iter().enumerate() {
                out.push(xml_value(root, items, c, &format!("{ptr}/{i}"))?);
            }
            return Ok(Value::Array(out));
        }
        Some(t) if !structured => {
            let prim = match t {
                "integer" => Prim::Integer,
                "number" => Prim::Number,
                "boolean" => Prim::Boolean,
                _ => Prim::String,
            };
            return Ok(coerce(&el.text, &prim));
        }
        None if !structured => return Ok(Value::String(el.text.clone())),
        // Children where the schema expects a scalar: an object, which the schema refuses.
        _ => {}
    }
    let mut obj = Map::new();
    let mut used_children = vec![false; el.children.len()];
    let mut used_attrs = vec![false; el.attrs.len()];
    let mut props = Vec::new();
    if let Some(s) = schema {
        properties(root, s, &mut props, 0);
    }
    for (pname, ps) in props {
        let xname = xml_hint(root, ps, "name")
            .and_then(Value::as_str)
            .unwrap_or(pname);
        let p = format!("{ptr}/{}", super::safe_token(pname));
        if xml_hint(root, ps, "attribute").and_then(Value::as_bool) == Some(true) {
            if let Some(i) = el.attrs.iter().position(|(n, _)| n == xname) {
                used_attrs[i] = true;
                let prim = super::shape::prim_of(root, ps, 1);
                obj.insert(pname.to_string(), coerce(&el.attrs[i].1, &prim));
            }
            continue;
        }
        if schema_type(root, ps, 0) == Some("array") {
            let items = resolve(root, ps).get("items");
            let iname = items
                .and_then(|i| xml_hint(root, i, "name"))
                .and_then(Value::as_str)
                .unwrap_or(xname);
            let wrapped = xml_hint(root, ps, "wrapped").and_then(Value::as_bool) == Some(true);
            let mut out = Vec::new();
            let mut present = false;
            if wrapped {
                if let Some((i, w)) = single_child(el, xname, &p)? {
                    used_children[i] = true;
                    present = true;
                    container_is_bare(w, &p)?;
                    for (j, c) in w.children.iter().enumerate() {
                        if c.name != iname {
                            return Err(Violation::new(format!("{p}/{j}"), "undeclared-property"));
                        }
                        out.push(xml_value(root, items, c, &format!("{p}/{j}"))?);
                    }
                }
            } else {
                for (i, c) in el
                    .children
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.name == iname)
                {
                    used_children[i] = true;
                    present = true;
                    out.push(xml_value(root, items, c, &format!("{p}/{}", out.len()))?);
                }
            }
            if present {
                obj.insert(pname.to_string(), Value::Array(out));
            }
            continue;
        }
        if let Some((i, c)) = single_child(el, xname, &p)? {
            used_children[i] = true;
            obj.insert(pname.to_string(), xml_value(root, Some(ps), c, &p)?);
        }
    }
    // What the schema does not declare is kept, so strict mode refuses it; repeated, it is a
    // list (free-form content, as non-strict mode lets it through).
    let mut undeclared: Vec<&str> = Vec::new();
    let mut listed: Vec<&str> = Vec::new();
    for (i, c) in el.children.iter().enumerate() {
        if !used_children[i] {
            let p = format!("{ptr}/{}", super::safe_token(&c.name));
            let v = xml_value(root, None, c, &p)?;
            match obj.get_mut(&c.name) {
                None => {
                    undeclared.push(&c.name);
                    obj.insert(c.name.clone(), v);
                }
                Some(prev) if undeclared.contains(&c.name.as_str()) => {
                    if listed.contains(&c.name.as_str()) {
                        if let Value::Array(a) = prev {
                            a.push(v);
                        }
                    } else {
                        listed.push(&c.name);
                        let first = std::mem::take(prev);
                        *prev = Value::Array(vec![first, v]);
                    }
                }
                Some(_) => return Err(Violation::new(p, "duplicate-field")),
            }
        }
    }
    for (i, (n, v)) in el.attrs.iter().enumerate() {
        if !used_attrs[i] {
            if obj.contains_key(n) {
                return Err(Violation::new(
                    format!("{ptr}/{}", super::safe_token(n)),
                    "duplicate-field",
                ));
            }
            obj.insert(n.clone(), Value::String(v.clone()));
        }
    }
    if !el.text.trim().is_empty() {
        obj.insert("#text".into(), Value::String(el.text.clone()));
    }
    Ok(Value::Object(obj))
}
