//! OpenAPI specs under `openapi/`: one file onboards one service.
//!
//! The document is read as plain JSON (YAML is converted) so 3.0 and 3.1 share one loader.
//! `x-gateway: {upstream: NAME, base_path: /prefix}` binds the service to an upstream from
//! `policies/`; every operation becomes a route. Errors carry the file and a JSON pointer.

use crate::auth::scopes::{SchemeKind, SchemeRequirement, Security};
use crate::report::Report;
use crate::router::Router;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A loaded spec, before routing.
#[derive(Debug)]
pub struct Spec {
    pub service: String,
    pub version: String,
    pub doc: Value,
    pub upstream: Option<String>,
    pub base_path: String,
    pub declares_matrix_params: bool,
    /// `x-gateway.security_schemes`: how the gateway handles a scheme of the spec (overrides
    /// the mapping by scheme type; `delegate` passes the credential through to the upstream).
    pub scheme_map: BTreeMap<String, SchemeKind>,
}

/// A scheme mapping as written in `x-gateway.security_schemes`.
fn scheme_kind(s: &str) -> Option<SchemeKind> {
    match s {
        "bearer" => Some(SchemeKind::Bearer),
        "api_key" => Some(SchemeKind::ApiKey),
        "basic" => Some(SchemeKind::Basic),
        "delegate" => Some(SchemeKind::Delegated),
        "mtls" => Some(SchemeKind::MutualTls),
        _ => None,
    }
}

/// Escape one JSON-pointer token (RFC 6901).
pub fn ptr_token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// Parse a spec file (YAML or JSON) and read its gateway binding.
pub fn load(file: &Path, report: &mut Report) -> Option<Spec> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            report.error(file, "", format!("cannot read: {e}"));
            return None;
        }
    };
    let is_json = file.extension().and_then(|e| e.to_str()) == Some("json");
    let doc: Value = if is_json {
        match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                report.error(
                    file,
                    format!("line {} column {}", e.line(), e.column()),
                    e.to_string(),
                );
                return None;
            }
        }
    } else {
        match crate::report::parse_yaml_document(&text) {
            Ok(v) => v,
            Err(e) => {
                report.error(file, "", e);
                return None;
            }
        }
    };
    from_value(file, doc, report)
}

/// Validate the top of a parsed document.
pub fn from_value(file: &Path, doc: Value, report: &mut Report) -> Option<Spec> {
    let service = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("spec")
        .to_string();
    let version = match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0.") || v.starts_with("3.1.") => v.to_string(),
        Some(v) => {
            report.error(
                file,
                "/openapi",
                format!("OpenAPI {v:?} is not supported (3.0.x or 3.1.x)"),
            );
            return None;
        }
        None => {
            report.error(
                file,
                "/openapi",
                "missing `openapi` version: not an OpenAPI 3 document",
            );
            return None;
        }
    };
    let mut upstream = None;
    let mut base_path = String::new();
    let mut scheme_map = BTreeMap::new();
    match doc.get("x-gateway") {
        None => report.error(
            file,
            "/x-gateway",
            "missing `x-gateway: {upstream: NAME}` binding",
        ),
        Some(Value::Object(m)) => {
            for (k, v) in m {
                match (k.as_str(), v) {
                    ("upstream", Value::String(s)) => upstream = Some(s.clone()),
                    ("base_path", Value::String(s)) => {
                        if !s.starts_with('/') || s.ends_with('/') {
                            report.error(
                                file,
                                "/x-gateway/base_path",
                                "must start with '/' and not end with '/'",
                            );
                        } else {
                            base_path = s.clone();
                        }
                    }
                    ("screening", Value::String(s))
                        if matches!(s.as_str(), "block" | "monitor" | "off") => {}
                    ("strict", Value::Bool(_)) => {}
                    ("security_schemes", Value::Object(m)) => {
                        for (name, how) in m {
                            let loc = format!("/x-gateway/security_schemes/{}", ptr_token(name));
                            if doc
                                .pointer(&format!(
                                    "/components/securitySchemes/{}",
                                    ptr_token(name)
                                ))
                                .is_none()
                            {
                                report.error(
                                    file,
                                    &loc,
                                    format!(
                                        "{name:?} is not declared in components.securitySchemes"
                                    ),
                                );
                                continue;
                            }
                            match how.as_str().and_then(scheme_kind) {
                                Some(k) => {
                                    if k == SchemeKind::Delegated {
                                        report.warn(
                                            file,
                                            &loc,
                                            format!("security scheme {name:?} is delegated: the gateway does not authenticate it, the upstream must (its credential is forwarded)"),
                                        );
                                    }
                                    scheme_map.insert(name.clone(), k);
                                }
                                None => report.error(
                                    file,
                                    &loc,
                                    "must be one of basic, api_key, bearer, delegate, mtls",
                                ),
                            }
                        }
                    }
                    (k, _) => report.error(
                        file,
                        format!("/x-gateway/{}", ptr_token(k)),
                        "unknown key or wrong type",
                    ),
                }
            }
            if upstream.is_none() {
                report.error(file, "/x-gateway/upstream", "required");
            }
        }
        Some(_) => report.error(file, "/x-gateway", "must be an object"),
    }
    semantic_rules(file, &doc, report);
    let declares_matrix_params = find_matrix(&doc);
    Some(Spec {
        service,
        version,
        doc,
        upstream,
        base_path,
        declares_matrix_params,
        scheme_map,
    })
}

fn find_matrix(v: &Value) -> bool {
    match v {
        Value::Object(m) => {
            (m.get("in").and_then(Value::as_str) == Some("path")
                && m.get("style").and_then(Value::as_str) == Some("matrix"))
                || m.values().any(find_matrix)
        }
        Value::Array(a) => a.iter().any(find_matrix),
        _ => false,
    }
}

/// Top-level keys OAS defines (3.0 and 3.1); anything else must be an `x-` extension.
const TOP_LEVEL: [&str; 11] = [
    "openapi",
    "info",
    "jsonSchemaDialect",
    "servers",
    "paths",
    "webhooks",
    "components",
    "security",
    "tags",
    "externalDocs",
    "x-gateway",
];

/// Follow a local `$ref` (`#/…`) chain; external refs are left as they are.
fn local<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    let mut v = v;
    for _ in 0..16 {
        match v
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            Some(p) => match doc.pointer(&p.replace("%7B", "{").replace("%7D", "}")) {
                Some(t) => v = t,
                None => return v,
            },
            None => return v,
        }
    }
    v
}

/// The rules of the OAS text that a document can break without breaking its JSON shape:
/// unknown top-level keys, `servers` not a list, path template variables without a path
/// parameter (and the reverse), path parameters not `required`, a parameter declared twice
/// in one list, `example` beside `examples`, `allowReserved` outside the query.
pub fn semantic_rules(file: &Path, doc: &Value, report: &mut Report) {
    if let Some(m) = doc.as_object() {
        for k in m.keys() {
            if !TOP_LEVEL.contains(&k.as_str()) && !k.starts_with("x-") {
                report.error(
                    file,
                    format!("/{}", ptr_token(k)),
                    "OAS defines no such top-level field (extensions start with `x-`)",
                );
            }
        }
    }
    if doc.get("servers").is_some_and(|s| !s.is_array()) {
        report.error(file, "/servers", "`servers` must be a list");
    }
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return;
    };
    for (template, item) in paths {
        let ptr = format!("/paths/{}", ptr_token(template));
        let item = local(doc, item);
        let vars: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|t| t.split_once('}').map(|(v, _)| v))
            .collect();
        let shared = item.get("parameters").and_then(Value::as_array);
        param_list(file, doc, shared, &format!("{ptr}/parameters"), report);
        let ops: Vec<(&String, &Value)> = item
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, v)| METHODS.contains(&k.as_str()) && v.is_object())
            .collect();
        for (method, op) in ops {
            let op_ptr = format!("{ptr}/{method}");
            let own = op.get("parameters").and_then(Value::as_array);
            param_list(file, doc, own, &format!("{op_ptr}/parameters"), report);
            let mut path_params: Vec<String> = Vec::new();
            for p in own.into_iter().chain(shared).flatten() {
                let p = local(doc, p);
                if p.get("in").and_then(Value::as_str) == Some("path") {
                    if let Some(n) = p.get("name").and_then(Value::as_str) {
                        if !path_params.iter().any(|x| x == n) {
                            path_params.push(n.to_string());
                        }
                    }
                }
            }
            for v in &vars {
                if !path_params.iter().any(|p| p == v) {
                    report.error(
                        file,
                        &op_ptr,
                        format!("path template variable {{{v}}} has no `in: path` parameter"),
                    );
                }
            }
            for p in &path_params {
                if !vars.contains(&p.as_str()) {
                    report.error(
                        file,
                        &op_ptr,
                        format!("path parameter {p:?} is not a variable of the path template"),
                    );
                }
            }
            for (mt, m) in op
                .pointer("/requestBody/content")
                .map(|c| local(doc, c))
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if m.get("example").is_some() && m.get("examples").is_some() {
                    report.error(
                        file,
                        format!("{op_ptr}/requestBody/content/{}", ptr_token(mt)),
                        "`example` and `examples` are mutually exclusive",
                    );
                }
            }
        }
    }
}

/// The rules of one `parameters` list.
fn param_list(file: &Path, doc: &Value, list: Option<&Vec<Value>>, ptr: &str, report: &mut Report) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, p) in list.into_iter().flatten().enumerate() {
        let at = format!("{ptr}/{i}");
        let p = local(doc, p);
        let (Some(name), Some(loc)) = (
            p.get("name").and_then(Value::as_str),
            p.get("in").and_then(Value::as_str),
        ) else {
            continue;
        };
        // Header names are case-insensitive.
        let key = if loc == "header" {
            (name.to_ascii_lowercase(), loc.to_string())
        } else {
            (name.to_string(), loc.to_string())
        };
        if seen.contains(&key) {
            report.error(
                file,
                &at,
                format!("parameter {name:?} in {loc} is declared twice in this list"),
            );
        }
        seen.push(key);
        if loc == "path" && p.get("required").and_then(Value::as_bool) != Some(true) {
            report.error(file, &at, "a path parameter must be `required: true`");
        }
        if p.get("allowReserved").is_some() && loc != "query" {
            report.error(
                file,
                &at,
                "`allowReserved` applies only to query parameters",
            );
        }
        if p.get("example").is_some() && p.get("examples").is_some() {
            report.error(file, &at, "`example` and `examples` are mutually exclusive");
        }
    }
}

/// Add every operation of `spec` to the router.
/// `upstreams`: the declared upstreams (only their names are read).
pub fn add_routes<U>(
    file: &Path,
    spec: &Spec,
    upstreams: &BTreeMap<String, U>,
    router: &mut Router,
    report: &mut Report,
) {
    let Some(up) = spec.upstream.as_deref() else {
        return;
    };
    if !upstreams.contains_key(up) {
        report.error(
            file,
            "/x-gateway/upstream",
            format!("upstream {up:?} is not declared in policies/"),
        );
        return;
    }
    let Some(paths) = spec.doc.get("paths") else {
        report.warn(file, "/paths", "no paths: the spec adds no route");
        return;
    };
    let Some(paths) = paths.as_object() else {
        report.error(file, "/paths", "must be an object");
        return;
    };
    for (template, item) in paths {
        let ptr = format!("/paths/{}", ptr_token(template));
        let Some(item) = item.as_object() else {
            report.error(file, &ptr, "a path item must be an object");
            continue;
        };
        if item.contains_key("$ref") {
            report.error(
                file,
                format!("{ptr}/$ref"),
                "path item $ref is not supported",
            );
            continue;
        }
        let full = format!("{}{}", spec.base_path, template);
        for (k, op) in item {
            if !METHODS.contains(&k.as_str()) {
                continue;
            }
            let op_ptr = format!("{ptr}/{k}");
            if !op.is_object() {
                report.error(file, &op_ptr, "an operation must be an object");
                continue;
            }
            let method = match http::Method::from_bytes(k.to_ascii_uppercase().as_bytes()) {
                Ok(m) => m,
                Err(_) => continue,
            };
            let op_id = op
                .get("operationId")
                .and_then(Value::as_str)
                .map(String::from);
            let security = operation_security(file, spec, op, &op_ptr, report);
            if let Err(e) = router.add(&spec.service, up, method, &full, op_id, security) {
                report.error(file, op_ptr, e);
            }
        }
    }
}

/// The security of one operation: its own `security`, else the document's (OpenAPI rules).
fn operation_security(
    file: &Path,
    spec: &Spec,
    op: &Value,
    op_ptr: &str,
    report: &mut Report,
) -> Security {
    let doc = &spec.doc;
    let (sec, ptr) = match op.get("security") {
        Some(s) => (s, format!("{op_ptr}/security")),
        None => match doc.get("security") {
            Some(s) => (s, "/security".to_string()),
            None => return Security::Unspecified,
        },
    };
    let Some(alts) = sec.as_array() else {
        report.error(file, ptr, "`security` must be an array");
        return Security::Unspecified;
    };
    if alts.is_empty() {
        return Security::Public;
    }
    let schemes = doc.pointer("/components/securitySchemes");
    let mut out = Vec::new();
    for (i, alt) in alts.iter().enumerate() {
        let Some(alt) = alt.as_object() else {
            report.error(
                file,
                format!("{ptr}/{i}"),
                "a security requirement must be an object",
            );
            continue;
        };
        let mut reqs = Vec::new();
        for (name, scopes) in alt {
            let loc = format!("{ptr}/{i}/{}", ptr_token(name));
            let Some(scheme) = schemes.and_then(|s| s.get(name)) else {
                report.error(
                    file,
                    &loc,
                    format!(
                        "security scheme {name:?} is not declared in components.securitySchemes"
                    ),
                );
                continue;
            };
            let kind = match (
                spec.scheme_map.get(name),
                scheme.get("type").and_then(Value::as_str),
                scheme.get("scheme").and_then(Value::as_str),
            ) {
                (Some(k), _, _) => *k,
                (None, Some("apiKey"), _) => SchemeKind::ApiKey,
                (None, Some("mutualTLS"), _) => SchemeKind::MutualTls,
                (None, Some("oauth2") | Some("openIdConnect"), _) => SchemeKind::Bearer,
                (None, Some("http"), Some(s)) if s.eq_ignore_ascii_case("bearer") => {
                    SchemeKind::Bearer
                }
                (None, Some("http"), Some(s)) if s.eq_ignore_ascii_case("basic") => {
                    SchemeKind::Basic
                }
                (None, Some("http"), Some(s)) => {
                    report.error(file, &loc, format!("HTTP {s:?} authentication is not checked by the gateway: map scheme {name:?} in `x-gateway.security_schemes` (basic, api_key, bearer, mtls, or delegate to the upstream)"));
                    continue;
                }
                (None, Some(t), _) => {
                    report.error(
                        file,
                        &loc,
                        format!("security scheme type {t:?} is not checked by the gateway: map scheme {name:?} in `x-gateway.security_schemes` (basic, api_key, bearer, mtls, or delegate to the upstream)"),
                    );
                    continue;
                }
                (None, None, _) => {
                    report.error(file, &loc, "security scheme without `type`");
                    continue;
                }
            };
            let scopes: Vec<String> = scopes
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            reqs.push(SchemeRequirement {
                scheme: name.clone(),
                kind,
                scopes,
            });
        }
        out.push(reqs);
    }
    Security::Requirements(out)
}

/// Headers the gateway writes or removes itself, which a client must never be able to spell
/// another way (`x_forwarded_for` read as `X-Forwarded-For` by a CGI server).
const GATEWAY_HEADERS: [&str; 14] = [
    "x-forwarded-for",
    "x-forwarded-proto",
    "x-forwarded-host",
    "forwarded",
    "x-real-ip",
    "x-request-id",
    "traceparent",
    "tracestate",
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "upgrade",
];

/// Header names with `_` the specs declare: header parameters and `apiKey` schemes in a
/// header (lower-case, sorted, once each). One whose CGI spelling (`_` as `-`) is a header the
/// gateway asserts or strips is an error: accepting it would let a client hand a service its
/// own value for that header.
pub fn declared_underscore_headers(
    specs: &[(std::path::PathBuf, Spec)],
    headers: &crate::config::HeaderPolicy,
    report: &mut Report,
) -> Vec<String> {
    fn walk(v: &Value, ptr: &mut String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                let header = m.get("in").and_then(Value::as_str) == Some("header");
                if let (true, Some(n)) = (header, m.get("name").and_then(Value::as_str)) {
                    if n.contains('_') {
                        out.push((n.to_ascii_lowercase(), format!("{ptr}/name")));
                    }
                }
                for (k, child) in m {
                    let len = ptr.len();
                    ptr.push('/');
                    ptr.push_str(&ptr_token(k));
                    walk(child, ptr, out);
                    ptr.truncate(len);
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    let len = ptr.len();
                    ptr.push_str(&format!("/{i}"));
                    walk(child, ptr, out);
                    ptr.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut names = Vec::new();
    for (file, spec) in specs {
        let mut found = Vec::new();
        // Parameters and security schemes (`{in: header, name: …}` is how both say it).
        for part in ["paths", "components", "webhooks"] {
            if let Some(v) = spec.doc.get(part) {
                let mut ptr = format!("/{part}");
                walk(v, &mut ptr, &mut found);
            }
        }
        for (name, at) in found {
            let cgi = name.replace('_', "-");
            if headers.must_strip(&cgi)
                || GATEWAY_HEADERS.contains(&cgi.as_str())
                || cgi.starts_with("x-gateway")
            {
                report.error(
                    file,
                    at,
                    format!(
                        "header {name:?} is {cgi:?} to a CGI/WSGI service, a header the gateway \
                         sets or removes: not accepted from clients under any spelling"
                    ),
                );
                continue;
            }
            names.push(name);
        }
    }
    names.sort();
    names.dedup();
    names
}
