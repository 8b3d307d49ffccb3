//! OpenAPI → prepared validators, once at load.
//!
//! Every schema reachable from an operation is converted to a JSON Schema 2020-12 document
//! whose `$ref`s all point into its own `$defs` (one entry per referenced (file, pointer,
//! strictness)), so each validator is self-contained and nothing is fetched at request time.
//! `$ref`s may point into the same file or another file under `openapi/`; anything with a
//! scheme (`http:`, `https:`, `file:`…) is refused.
//!
//! OAS 3.0 schema objects are not JSON Schema: `nullable: true` becomes a `"null"` type (or
//! an `anyOf` with `{"type":"null"}`), boolean `exclusiveMinimum`/`exclusiveMaximum` become the
//! numeric 2020-12 forms, siblings of `$ref` are ignored (3.0 says so), and `example`, `xml`,
//! `externalDocs` and `discriminator` are dropped. 3.1 schemas are already 2020-12.
//!
//! Strict mode (the default): an object schema with `properties` (or an `allOf`) that says
//! nothing about extra fields gets `unevaluatedProperties: false`. `unevaluatedProperties`
//! (not `additionalProperties`) so it sees through `allOf`/`anyOf`/`oneOf` and `$ref`; the
//! branches themselves are compiled non-strict, since each branch alone lacks its siblings'
//! (and its parent's) properties. A
//! `readOnly` property becomes the `false` schema in requests: sending it fails validation.

use super::shape::{percent_decode, prim_of, resolve};
use super::{Action, BodyKind, BodySpec, Media, Operation, Param, ParamLoc, Prim, Style};
use crate::report::Report;
use crate::spec::{ptr_token, Spec, METHODS};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Deepest schema nesting the converter follows before refusing the spec.
const MAX_SCHEMA_DEPTH: usize = 200;

/// Most backtracking steps one `pattern` match may take (ECMA-262 patterns, lookaround
/// included, run on `fancy-regex`): past it the value is refused, so a catastrophic pattern
/// costs a bounded amount of CPU per value.
pub const PATTERN_BACKTRACK_LIMIT: usize = 100_000;

/// Per-spec compilation state.
pub struct Compiler<'r> {
    dir: PathBuf,
    root_file: PathBuf,
    v30: bool,
    strict: bool,
    docs: HashMap<PathBuf, Arc<Value>>,
    names: HashMap<(PathBuf, String, bool), String>,
    defs: BTreeMap<String, Value>,
    pending: Vec<(PathBuf, String, bool, String)>,
    report: &'r mut Report,
    errors: usize,
    /// Validators by their (self-contained) schema text: operations sharing a body or
    /// parameter schema share one compiled validator.
    cache: HashMap<String, Arc<jsonschema::Validator>>,
    /// Compiled body schemas by their JSON text: operations that share a body schema share one
    /// copy of it (with its `$defs`), its validator and its screening plan.
    bodies: HashMap<String, BodySchema>,
}

/// Where an error is reported: the file and JSON pointer of the offending node.
#[derive(Clone)]
struct At {
    file: PathBuf,
    ptr: String,
}

impl At {
    fn child(&self, tok: &str) -> At {
        At {
            file: self.file.clone(),
            ptr: format!("{}/{}", self.ptr, ptr_token(tok)),
        }
    }
}

#[derive(Clone, Copy)]
struct Conv {
    strict: bool,
    depth: usize,
}

fn is_scheme_ref(r: &str) -> bool {
    let head = r.split('#').next().unwrap_or("");
    head.starts_with("//")
        || head.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
}

fn pct_decode(s: &str) -> String {
    percent_decode(s).unwrap_or_else(|| s.to_string())
}

impl<'r> Compiler<'r> {
    pub fn new(dir: &Path, file: &Path, spec: &Spec, report: &'r mut Report) -> Self {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let root_file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        let mut docs = HashMap::new();
        docs.insert(root_file.clone(), Arc::new(spec.doc.clone()));
        let strict = spec
            .doc
            .pointer("/x-gateway/strict")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        Compiler {
            dir,
            root_file,
            v30: spec.version.starts_with("3.0."),
            strict,
            docs,
            names: HashMap::new(),
            defs: BTreeMap::new(),
            pending: Vec::new(),
            report,
            errors: 0,
            cache: HashMap::new(),
            bodies: HashMap::new(),
        }
    }

    fn err(&mut self, at: &At, msg: impl Into<String>) {
        self.errors += 1;
        self.report.error(&at.file, at.ptr.clone(), msg);
    }

    fn load_doc(&mut self, path: &Path) -> Result<Arc<Value>, String> {
        if let Some(d) = self.docs.get(path) {
            return Ok(d.clone());
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let v: Value = if path.extension().and_then(|e| e.to_str()) == Some("json") {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
        } else {
            crate::report::parse_yaml_document(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?
        };
        let v = Arc::new(v);
        self.docs.insert(path.to_path_buf(), v.clone());
        Ok(v)
    }

    /// Resolve a `$ref` written in `file` to (file, pointer).
    fn locate(&mut self, file: &Path, r: &str) -> Result<(PathBuf, String), String> {
        if is_scheme_ref(r) {
            return Err(format!("network or absolute $ref {r:?} is refused: only local refs and files under openapi/"));
        }
        let (f, frag) = match r.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (r, ""),
        };
        let target = if f.is_empty() {
            file.to_path_buf()
        } else {
            let base = file.parent().unwrap_or(Path::new("."));
            let p = base.join(pct_decode(f));
            let p = std::fs::canonicalize(&p).map_err(|e| format!("$ref file {f:?}: {e}"))?;
            if !p.starts_with(&self.dir) {
                return Err(format!("$ref file {f:?} is outside the openapi directory"));
            }
            p
        };
        let ptr = pct_decode(frag);
        if !ptr.is_empty() && !ptr.starts_with('/') {
            return Err(format!("$ref fragment {frag:?} is not a JSON pointer"));
        }
        let doc = self.load_doc(&target)?;
        if doc.pointer(&ptr).is_none() {
            return Err(format!("$ref {r:?}: target not found"));
        }
        Ok((target, ptr))
    }

    /// Follow `$ref` chains of a non-schema object (parameter, request body).
    fn deref_object(&mut self, at: &At, v: &Value) -> Option<(At, Value)> {
        let mut at = at.clone();
        let mut v = v.clone();
        for _ in 0..16 {
            let Some(r) = v.get("$ref").and_then(Value::as_str).map(String::from) else {
                return Some((at, v));
            };
            match self.locate(&at.file, &r) {
                Ok((f, p)) => {
                    let doc = self.docs.get(&f).cloned()?;
                    v = doc.pointer(&p).cloned()?;
                    at = At { file: f, ptr: p };
                }
                Err(e) => {
                    let at2 = at.child("$ref");
                    self.err(&at2, e);
                    return None;
                }
            }
        }
        self.err(&at, "$ref chain too long or circular");
        None
    }

    /// The `$defs` name of a referenced schema, queueing it for conversion.
    fn def_for(&mut self, at: &At, r: &str, strict: bool) -> Option<String> {
        match self.locate(&at.file, r) {
            Ok((f, p)) => {
                let key = (f.clone(), p.clone(), strict);
                if let Some(n) = self.names.get(&key) {
                    return Some(n.clone());
                }
                let n = format!("d{}", self.names.len());
                self.names.insert(key, n.clone());
                self.pending.push((f, p, strict, n.clone()));
                Some(n)
            }
            Err(e) => {
                self.err(&at.child("$ref"), e);
                None
            }
        }
    }

    fn drain(&mut self) {
        while let Some((f, p, strict, name)) = self.pending.pop() {
            let Some(doc) = self.docs.get(&f).cloned() else {
                continue;
            };
            let Some(v) = doc.pointer(&p) else { continue };
            let at = At { file: f, ptr: p };
            let c = self.convert(&at, v, Conv { strict, depth: 0 });
            self.defs.insert(name, c);
        }
    }

    /// Convert one schema object.
    fn convert(&mut self, at: &At, v: &Value, cv: Conv) -> Value {
        if cv.depth > MAX_SCHEMA_DEPTH {
            self.err(at, "schema nested too deeply");
            return Value::Bool(true);
        }
        let m = match v {
            Value::Bool(b) if !self.v30 => return Value::Bool(*b),
            Value::Object(m) => m,
            _ => {
                self.err(at, "a schema must be an object");
                return Value::Bool(true);
            }
        };
        let sub = Conv {
            strict: self.strict,
            depth: cv.depth + 1,
        };
        let branch = Conv {
            strict: false,
            depth: cv.depth + 1,
        };
        let mut out = Map::new();
        if let Some(r) = m.get("$ref") {
            let Some(r) = r.as_str() else {
                self.err(&at.child("$ref"), "$ref must be a string");
                return Value::Bool(true);
            };
            let name = self.def_for(at, r, cv.strict);
            let rv = Value::String(format!("#/$defs/{}", name.unwrap_or_default()));
            if self.v30 {
                // OAS 3.0: siblings of $ref are ignored.
                let mut o = Map::new();
                o.insert("$ref".into(), rv);
                return Value::Object(o);
            }
            out.insert("$ref".into(), rv);
        }
        for (k, val) in m {
            let a = at.child(k);
            match k.as_str() {
                "$ref" => {}
                "properties" | "patternProperties" | "$defs" | "definitions"
                | "dependentSchemas" => {
                    let Some(props) = val.as_object() else {
                        self.err(&a, "must be an object");
                        continue;
                    };
                    let mut po = Map::new();
                    for (pk, pv) in props {
                        let c = self.convert(&a.child(pk), pv, sub);
                        po.insert(pk.clone(), c);
                    }
                    out.insert(
                        if k == "definitions" {
                            "$defs".into()
                        } else {
                            k.clone()
                        },
                        Value::Object(po),
                    );
                }
                "allOf" | "anyOf" | "oneOf" => {
                    let Some(items) = val.as_array() else {
                        self.err(&a, "must be an array");
                        continue;
                    };
                    // Branches are non-strict: each alone lacks its siblings' (and the
                    // parent's) members; the parent's `unevaluatedProperties` closes the object.
                    let c = branch;
                    let arr = items
                        .iter()
                        .enumerate()
                        .map(|(i, s)| self.convert(&a.child(&i.to_string()), s, c))
                        .collect();
                    out.insert(k.clone(), Value::Array(arr));
                }
                "prefixItems" => {
                    let arr = val
                        .as_array()
                        .map(|items| {
                            items
                                .iter()
                                .enumerate()
                                .map(|(i, s)| self.convert(&a.child(&i.to_string()), s, sub))
                                .collect()
                        })
                        .unwrap_or_default();
                    out.insert(k.clone(), Value::Array(arr));
                }
                // OAS 3.0 allows a boolean here (and only here); 3.1 anywhere a schema goes.
                "additionalProperties" if val.is_boolean() => {
                    out.insert(k.clone(), val.clone());
                }
                "items" if self.v30 && val.is_array() => {
                    self.err(&a, "OAS 3.0 `items` must be a schema, not an array");
                }
                "items"
                | "additionalProperties"
                | "unevaluatedProperties"
                | "unevaluatedItems"
                | "contains"
                | "propertyNames"
                | "additionalItems" => {
                    let c = self.convert(&a, val, sub);
                    out.insert(k.clone(), c);
                }
                "not" | "if" | "then" | "else" => {
                    let c = self.convert(&a, val, branch);
                    out.insert(k.clone(), c);
                }
                "exclusiveMinimum" | "exclusiveMaximum" if self.v30 => {
                    if val.as_bool() == Some(true) {
                        let base = if k == "exclusiveMinimum" {
                            "minimum"
                        } else {
                            "maximum"
                        };
                        match m.get(base) {
                            Some(n) if n.is_number() => {
                                out.insert(k.clone(), n.clone());
                            }
                            _ => self.err(&a, format!("`{k}: true` without a numeric `{base}`")),
                        }
                    } else if !val.is_boolean() {
                        self.err(&a, "OAS 3.0 expects a boolean");
                    }
                }
                "minimum" | "maximum" if self.v30 => {
                    let ex = if k == "minimum" {
                        "exclusiveMinimum"
                    } else {
                        "exclusiveMaximum"
                    };
                    if m.get(ex).and_then(Value::as_bool) != Some(true) {
                        out.insert(k.clone(), val.clone());
                    }
                }
                "nullable" if self.v30 => {}
                "type" if self.v30 && !val.is_string() => {
                    self.err(
                        &a,
                        "OAS 3.0 `type` is one string (a list of types is 3.1; use `nullable`)",
                    );
                }
                // Kept as an annotation: the XML reader maps elements onto properties by it.
                "xml" if val.is_object() => {
                    out.insert(k.clone(), val.clone());
                }
                "example" | "examples" | "xml" | "externalDocs" | "discriminator" | "$schema"
                | "$id" | "$anchor" | "$comment" => {}
                "$dynamicRef" | "$dynamicAnchor" | "$recursiveRef" => {
                    self.err(&a, "dynamic references are not supported");
                }
                "x-gateway-screening" => {
                    out.insert(k.clone(), val.clone());
                }
                _ if k.starts_with("x-") => {}
                "pattern" => {
                    if let Some(p) = val.as_str() {
                        if let Err(e) = fancy_regex::Regex::new(p) {
                            self.err(&a, format!("invalid pattern: {e}"));
                            continue;
                        }
                    }
                    out.insert(k.clone(), val.clone());
                }
                _ => {
                    out.insert(k.clone(), val.clone());
                }
            }
        }
        // Integer formats bound the number (`int32`: −2^31 ..= 2^31−1).
        if let Some((lo, hi)) = m
            .get("format")
            .and_then(Value::as_str)
            .and_then(super::formats::integer_bounds)
        {
            let num = |v: i128| -> Value {
                i64::try_from(v)
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::from(u64::try_from(v).unwrap_or(u64::MAX)))
            };
            let b = serde_json::json!({"minimum": num(lo), "maximum": num(hi)});
            match out.get_mut("allOf") {
                Some(Value::Array(a)) => a.push(b),
                _ => {
                    out.insert("allOf".into(), Value::Array(vec![b]));
                }
            }
        }
        // readOnly properties may not be sent.
        let ro: Vec<String> = m
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| {
                p.iter()
                    .filter(|(_, s)| s.get("readOnly").and_then(Value::as_bool) == Some(true))
                    .map(|(k, _)| k.clone())
                    .collect()
            })
            .unwrap_or_default();
        if !ro.is_empty() {
            if let Some(Value::Object(po)) = out.get_mut("properties") {
                for k in &ro {
                    po.insert(k.clone(), Value::Bool(false));
                }
            }
            if let Some(Value::Array(req)) = out.get_mut("required") {
                req.retain(|r| r.as_str().is_none_or(|r| !ro.iter().any(|k| k == r)));
            }
        }
        if cv.strict
            && ["properties", "allOf", "anyOf", "oneOf"]
                .iter()
                .any(|k| m.contains_key(*k))
            && !m.contains_key("additionalProperties")
            && !m.contains_key("unevaluatedProperties")
            && !m.contains_key("patternProperties")
        {
            out.insert("unevaluatedProperties".into(), Value::Bool(false));
        }
        if self.v30 && m.get("nullable").and_then(Value::as_bool) == Some(true) {
            match out.get("type").cloned() {
                Some(Value::String(t)) => {
                    out.insert(
                        "type".into(),
                        Value::Array(vec![Value::String(t), "null".into()]),
                    );
                    if let Some(Value::Array(e)) = out.get_mut("enum") {
                        if !e.contains(&Value::Null) {
                            e.push(Value::Null);
                        }
                    }
                }
                _ => {
                    let inner = Value::Object(out);
                    let mut o = Map::new();
                    o.insert(
                        "anyOf".into(),
                        Value::Array(vec![inner, serde_json::json!({"type": "null"})]),
                    );
                    return Value::Object(o);
                }
            }
        }
        Value::Object(out)
    }

    /// Convert a root schema and wrap it with the `$defs` it reaches.
    fn root(&mut self, at: &At, v: &Value) -> Value {
        let c = self.convert(
            at,
            v,
            Conv {
                strict: self.strict,
                depth: 0,
            },
        );
        self.drain();
        let mut reach = HashSet::new();
        let mut stack = Vec::new();
        collect_refs(&c, &mut stack);
        while let Some(n) = stack.pop() {
            if reach.insert(n.clone()) {
                if let Some(d) = self.defs.get(&n) {
                    collect_refs(d, &mut stack);
                }
            }
        }
        // In name order: the schema's text is then the same for every operation with the same
        // body, so the validator cache below finds it (a hash set's order differs per set).
        let mut reach: Vec<String> = reach.into_iter().collect();
        reach.sort();
        let mut defs = Map::new();
        for n in reach {
            if let Some(d) = self.defs.get(&n) {
                defs.insert(n, d.clone());
            }
        }
        match c {
            Value::Object(mut o) => {
                if !defs.is_empty() {
                    o.insert("$defs".into(), Value::Object(defs));
                }
                Value::Object(o)
            }
            Value::Bool(b) => {
                if defs.is_empty() {
                    Value::Bool(b)
                } else {
                    serde_json::json!({"allOf": [b], "$defs": defs})
                }
            }
            other => other,
        }
    }

    fn build(&mut self, at: &At, schema: &Value) -> Option<Arc<jsonschema::Validator>> {
        let key = schema.to_string();
        if let Some(v) = self.cache.get(&key) {
            return Some(v.clone());
        }
        match super::formats::register(jsonschema::options())
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .with_pattern_options(
                jsonschema::PatternOptions::fancy_regex().backtrack_limit(PATTERN_BACKTRACK_LIMIT),
            )
            .build(schema)
        {
            Ok(v) => {
                let v = Arc::new(v);
                self.cache.insert(key, v.clone());
                Some(v)
            }
            Err(e) => {
                self.err(at, format!("schema does not compile: {e}"));
                None
            }
        }
    }

    /// Compile every operation of the spec; `routes` maps (METHOD, full template) → route id.
    pub fn compile_spec(
        mut self,
        spec: &Spec,
        routes: &HashMap<(String, String), usize>,
        out: &mut Vec<Option<Arc<Operation>>>,
    ) -> usize {
        let default_action = match spec
            .doc
            .pointer("/x-gateway/screening")
            .and_then(Value::as_str)
        {
            Some(a) => Action::parse(a).unwrap_or(Action::Block),
            None => Action::Block,
        };
        let Some(paths) = spec.doc.get("paths").and_then(Value::as_object) else {
            return self.errors;
        };
        let file = self.root_file.clone();
        for (template, item) in paths {
            let pat = At {
                file: file.clone(),
                ptr: format!("/paths/{}", ptr_token(template)),
            };
            let Some(item) = item.as_object() else {
                continue;
            };
            let shared: Vec<Value> = item
                .get("parameters")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for (method, op) in item {
                if !METHODS.contains(&method.as_str()) || !op.is_object() {
                    continue;
                }
                let key = (
                    method.to_ascii_uppercase(),
                    format!("{}{}", spec.base_path, template),
                );
                let Some(&id) = routes.get(&key) else {
                    continue;
                };
                let oat = pat.child(method);
                let action = match op.get("x-gateway-screening") {
                    None => default_action,
                    Some(v) => match v.as_str().and_then(Action::parse) {
                        Some(a) => a,
                        None => {
                            self.err(
                                &oat.child("x-gateway-screening"),
                                "must be block, monitor or off",
                            );
                            default_action
                        }
                    },
                };
                let compiled = self.operation(&pat, &oat, &shared, op, action);
                if out.len() <= id {
                    out.resize(id + 1, None);
                }
                out[id] = compiled.map(Arc::new);
            }
        }
        self.errors
    }

    fn operation(
        &mut self,
        pat: &At,
        oat: &At,
        shared: &[Value],
        op: &Value,
        action: Action,
    ) -> Option<Operation> {
        let before = self.errors;
        let mut params: Vec<Param> = Vec::new();
        let own: Vec<Value> = op
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut seen: HashSet<(String, String)> = HashSet::new();
        // Operation-level parameters override path-level ones with the same name and location.
        let mut list: Vec<(At, Value)> = Vec::new();
        for (i, p) in own.iter().enumerate() {
            list.push((oat.child("parameters").child(&i.to_string()), p.clone()));
        }
        for (i, p) in shared.iter().enumerate() {
            list.push((pat.child("parameters").child(&i.to_string()), p.clone()));
        }
        for (at, p) in list {
            let Some((at, p)) = self.deref_object(&at, &p) else {
                continue;
            };
            let (Some(name), Some(loc)) = (
                p.get("name").and_then(Value::as_str),
                p.get("in").and_then(Value::as_str),
            ) else {
                self.err(&at, "a parameter needs `name` and `in`");
                continue;
            };
            if !seen.insert((name.to_string(), loc.to_string())) {
                continue;
            }
            let loc = match loc {
                "path" => ParamLoc::Path,
                "query" => ParamLoc::Query,
                "header" => ParamLoc::Header,
                "cookie" => ParamLoc::Cookie,
                other => {
                    self.err(
                        &at.child("in"),
                        format!("unknown parameter location {other:?}"),
                    );
                    continue;
                }
            };
            if let Some(prm) = self.param(&at, &p, name, loc) {
                params.push(prm);
            }
        }
        let body = match op.get("requestBody") {
            None => None,
            Some(rb) => {
                let at = oat.child("requestBody");
                self.body(&at, rb)
            }
        };
        if self.errors > before {
            return None;
        }
        Some(Operation {
            params,
            body,
            action,
            strict_query: self.strict,
        })
    }

    fn param(&mut self, at: &At, p: &Value, name: &str, loc: ParamLoc) -> Option<Param> {
        let required =
            p.get("required").and_then(Value::as_bool).unwrap_or(false) || loc == ParamLoc::Path;
        let default_style = match loc {
            ParamLoc::Query | ParamLoc::Cookie => "form",
            ParamLoc::Path | ParamLoc::Header => "simple",
        };
        let style_s = p
            .get("style")
            .and_then(Value::as_str)
            .unwrap_or(default_style);
        let style = match (style_s, loc) {
            ("form", ParamLoc::Query | ParamLoc::Cookie) => Style::Form,
            ("simple", ParamLoc::Path | ParamLoc::Header) => Style::Simple,
            ("spaceDelimited", ParamLoc::Query) => Style::Space,
            ("pipeDelimited", ParamLoc::Query) => Style::Pipe,
            ("deepObject", ParamLoc::Query) => Style::DeepObject,
            ("label", ParamLoc::Path) => Style::Label,
            ("matrix", ParamLoc::Path) => Style::Matrix,
            (s, _) => {
                self.err(
                    &at.child("style"),
                    format!("OAS defines no parameter style {s:?} for this location"),
                );
                return None;
            }
        };
        let explode = p
            .get("explode")
            .and_then(Value::as_bool)
            .unwrap_or(style == Style::Form);
        let (schema_v, schema_at, json_content) = if let Some(s) = p.get("schema") {
            (s.clone(), at.child("schema"), false)
        } else if let Some(c) = p.get("content").and_then(Value::as_object) {
            let Some((mt, m)) = c.iter().next() else {
                self.err(&at.child("content"), "empty content map");
                return None;
            };
            let sch = m.get("schema").cloned().unwrap_or(Value::Bool(true));
            let is_json = super::media_kind(mt) == BodyKind::Json;
            (sch, at.child("content").child(mt).child("schema"), is_json)
        } else {
            (serde_json::json!({}), at.clone(), false)
        };
        let before = self.errors;
        let schema = self.root(&schema_at, &schema_v);
        if self.errors > before {
            return None;
        }
        let prim = if json_content {
            Prim::Json
        } else {
            prim_of(&schema, &schema, 0)
        };
        let validator = self.build(&schema_at, &schema)?;
        let mut props = Vec::new();
        property_names(&schema, &schema, &mut props, 0);
        Some(Param {
            name: name.to_string(),
            lower_name: name.to_ascii_lowercase(),
            pointer: format!("{}{}", loc.prefix(), super::safe_token(name)),
            loc,
            required,
            style,
            explode,
            prim,
            validator,
            exempt: super::exempt_leaf(&schema, &schema),
            allow_empty: p
                .get("allowEmptyValue")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            schema: Arc::new(schema),
            props,
        })
    }

    /// A schema object with its `$ref` chain followed (no conversion, no error).
    fn peek(&mut self, at: &At, v: &Value) -> Value {
        let mut file = at.file.clone();
        let mut v = v.clone();
        for _ in 0..16 {
            let Some(r) = v.get("$ref").and_then(Value::as_str).map(String::from) else {
                break;
            };
            let Ok((f, p)) = self.locate(&file, &r) else {
                break;
            };
            let Some(t) = self.docs.get(&f).and_then(|d| d.pointer(&p)).cloned() else {
                break;
            };
            file = f;
            v = t;
        }
        v
    }

    fn body(&mut self, at: &At, rb: &Value) -> Option<BodySpec> {
        let (at, rb) = self.deref_object(at, rb)?;
        let required = rb.get("required").and_then(Value::as_bool).unwrap_or(false);
        let Some(content) = rb.get("content").and_then(Value::as_object) else {
            self.err(&at.child("content"), "requestBody needs a content map");
            return None;
        };
        let mut media = Vec::new();
        for (mt, m) in content {
            let mat = at.child("content").child(mt);
            let range = mt
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let kind = super::media_kind(&range);
            // A media range (`*/*`, `application/*`) with a structured schema is validated
            // against it, whatever concrete type matches; a string schema there describes raw
            // content (`format: binary`), which has no structure to check.
            let raw_content = kind == BodyKind::Other
                && m.get("schema").is_some_and(|s| {
                    let s = self.peek(&mat, s);
                    s.get("type").and_then(Value::as_str) == Some("string")
                        || s.as_object().is_some_and(|o| o.is_empty())
                });
            let (schema, validator, plan) = match (kind, m.get("schema")) {
                (_, Some(s)) if !raw_content => {
                    let sat = mat.child("schema");
                    let before = self.errors;
                    let schema = self.root(&sat, s);
                    if self.errors > before {
                        (Arc::new(schema), None, None)
                    } else {
                        let key = schema.to_string();
                        match self.bodies.get(&key) {
                            Some(b) => b.clone(),
                            None => {
                                let v = self.build(&sat, &schema);
                                let plan = v
                                    .as_ref()
                                    .and_then(|_| super::plan::Plan::build(&schema))
                                    .map(Arc::new);
                                let b = (Arc::new(schema), v, plan);
                                // A schema that failed to compile is not remembered, so every
                                // operation using it reports the error at its own location.
                                if b.1.is_some() {
                                    self.bodies.insert(key, b.clone());
                                }
                                b
                            }
                        }
                    }
                }
                _ => (Arc::new(Value::Bool(true)), None, None),
            };
            let encoding = m
                .get("encoding")
                .and_then(Value::as_object)
                .map(|e| {
                    e.iter()
                        .filter_map(|(prop, enc)| {
                            let ct = enc.get("contentType")?.as_str()?;
                            let ranges = ct
                                .split(',')
                                .map(|r| {
                                    r.split(';')
                                        .next()
                                        .unwrap_or("")
                                        .trim()
                                        .to_ascii_lowercase()
                                })
                                .filter(|r| !r.is_empty())
                                .collect();
                            Some((prop.clone(), ranges))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut form = super::forms::FormEncoding::default();
            for (prop, enc) in m
                .get("encoding")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if enc.get("style").and_then(Value::as_str) == Some("deepObject") {
                    form.deep.push(prop.clone());
                }
                if enc
                    .get("contentType")
                    .and_then(Value::as_str)
                    .is_some_and(|ct| {
                        ct.split(',').all(|r| {
                            let r = r
                                .split(';')
                                .next()
                                .unwrap_or("")
                                .trim()
                                .to_ascii_lowercase();
                            super::media_kind(&r) == BodyKind::Json
                        })
                    })
                {
                    form.json.push(prop.clone());
                }
            }
            media.push(Media {
                range,
                kind,
                validator,
                schema,
                encoding,
                form,
                plan,
            });
        }
        Some(BodySpec { required, media })
    }
}

/// A compiled body schema: the self-contained schema, its validator and its screening plan.
type BodySchema = (
    Arc<Value>,
    Option<Arc<jsonschema::Validator>>,
    Option<Arc<super::plan::Plan>>,
);

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                if let Some(n) = r.strip_prefix("#/$defs/") {
                    out.push(n.to_string());
                }
            }
            for (k, x) in m {
                if k != "$defs" {
                    collect_refs(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_refs(x, out)),
        _ => {}
    }
}

/// The declared property names of an object schema (through combinators).
fn property_names(root: &Value, v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 16 {
        return;
    }
    let v = resolve(root, v);
    if let Some(p) = v.get("properties").and_then(Value::as_object) {
        for k in p.keys() {
            if !out.contains(k) {
                out.push(k.clone());
            }
        }
    }
    for k in ["allOf", "anyOf", "oneOf"] {
        for b in v.get(k).and_then(Value::as_array).into_iter().flatten() {
            property_names(root, b, out, depth + 1);
        }
    }
}

/// Compile every spec's operations into the per-route table (`gateway check` reports errors).
pub fn compile_all(
    specs: &[(PathBuf, Spec)],
    openapi_dir: &Path,
    router: &crate::router::Router,
    report: &mut Report,
) -> Vec<Option<Arc<Operation>>> {
    let mut routes = HashMap::new();
    for r in router.routes() {
        routes.insert((r.method.as_str().to_string(), r.template.clone()), r.id);
    }
    let mut out = vec![None; router.routes().len()];
    for (file, spec) in specs {
        let c = Compiler::new(openapi_dir, file, spec, report);
        c.compile_spec(spec, &routes, &mut out);
    }
    out
}
