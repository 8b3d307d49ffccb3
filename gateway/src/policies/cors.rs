//! CORS (the Fetch standard's cross-origin rules) answered at the gateway, per route.
//!
//! - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`, to a path whose
//!   routes have no `OPTIONS` operation) is answered here with 204 from the route's settings,
//!   for the route of the requested method: it never reaches the router's 405 nor the service.
//! - An actual request with an allowed `Origin` is forwarded; its answer (the service's, or
//!   the gateway's own refusal) carries `Access-Control-Allow-Origin` and `Vary: Origin`, and
//!   any `Access-Control-*` header the service set is replaced by the gateway's.
//! - An `Origin` not in the list, a preflight for a method or header the route does not
//!   allow: 403 `cors-…-refused`, nothing forwarded.
//! - No `Origin`: not a cross-origin browser request; the policy does nothing.
//!
//! Configured per route by a policy file (`route_policies: [{path: /orders, cors: {…}}]`) or
//! in the spec (`x-gateway-cors: {…}` on an operation, a path item or the document).

use super::{settings, Kind, Stage};
use crate::pipeline::{Answer, Decisions, Policy, Request};
use crate::problem::{Deny, Refusal};
use crate::router::Route;
use async_trait::async_trait;
use http::{HeaderName, HeaderValue};
use pingora::http::ResponseHeader;
use serde::Deserialize;
use serde_json::Value;
use std::any::Any;
use std::sync::Arc;

pub const KIND: Kind = Kind {
    stage: Stage::Edge,
    key: "cors",
    compile,
};

/// `cors:` settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorsFile {
    /// Exact origins (`https://app.example.com`, `http://localhost:3000`), or `"*"` for any
    /// origin (not with `allow_credentials`).
    allow_origins: Vec<String>,
    /// Methods a preflight may ask for (default: the route's own method).
    #[serde(default)]
    allow_methods: Vec<String>,
    /// Request headers a preflight may ask for (case-insensitive). CORS-safelisted headers
    /// need not be listed.
    #[serde(default)]
    allow_headers: Vec<String>,
    /// Response headers the browser lets the page read.
    #[serde(default)]
    expose_headers: Vec<String>,
    /// Seconds a browser may cache a preflight answer (at most 86400).
    max_age: Option<u64>,
    /// Let the browser send cookies / HTTP auth, and the page read the answer.
    #[serde(default)]
    allow_credentials: bool,
}

const ORIGIN_REFUSED: Refusal = Refusal {
    status: 403,
    slug: "cors-origin-refused",
    detail: "This origin may not call this API.",
};

const PREFLIGHT_REFUSED: Refusal = Refusal {
    status: 403,
    slug: "cors-preflight-refused",
    detail: "The cross-origin request asks for a method or header that is not allowed here.",
};

/// One route's CORS settings, validated.
#[derive(Debug)]
pub struct Cors {
    /// Lower-case serialised origins; empty with `any`.
    origins: Vec<String>,
    any: bool,
    methods: Vec<http::Method>,
    /// Lower-case names.
    headers: Vec<String>,
    allow_methods: HeaderValue,
    allow_headers: Option<HeaderValue>,
    expose_headers: Option<HeaderValue>,
    max_age: Option<HeaderValue>,
    credentials: bool,
}

fn compile(v: &Value, route: &Route) -> Result<Arc<dyn Policy>, String> {
    let f: CorsFile = settings(v)?;
    let mut errors = Vec::new();
    let any = f.allow_origins.iter().any(|o| o == "*");
    let mut origins = Vec::new();
    for o in f.allow_origins.iter().filter(|o| *o != "*") {
        // An origin is exactly `scheme://host[:port]`, as a browser serialises it.
        match url::Url::parse(o) {
            Ok(u) if u.origin().ascii_serialization() == o.to_ascii_lowercase() => {
                origins.push(o.to_ascii_lowercase())
            }
            _ => errors.push(format!(
                "allow_origins: {o:?} is not an origin (scheme://host[:port], no path)"
            )),
        }
    }
    if f.allow_origins.is_empty() {
        errors.push("allow_origins: at least one origin is required".into());
    }
    if any && f.allow_credentials {
        errors.push("allow_origins: \"*\" cannot be combined with allow_credentials".into());
    }
    let mut methods = Vec::new();
    for m in &f.allow_methods {
        match http::Method::from_bytes(m.to_ascii_uppercase().as_bytes()) {
            Ok(m) => methods.push(m),
            Err(_) => errors.push(format!("allow_methods: {m:?} is not a method")),
        }
    }
    if methods.is_empty() {
        methods.push(route.method.clone());
    }
    let names = |list: &[String], what: &str, errors: &mut Vec<String>| -> Vec<String> {
        list.iter()
            .filter_map(|h| match HeaderName::from_bytes(h.as_bytes()) {
                Ok(n) => Some(n.as_str().to_string()),
                Err(_) => {
                    errors.push(format!("{what}: {h:?} is not a header name"));
                    None
                }
            })
            .collect()
    };
    let headers = names(&f.allow_headers, "allow_headers", &mut errors);
    let expose = names(&f.expose_headers, "expose_headers", &mut errors);
    if f.max_age.is_some_and(|s| s > 86_400) {
        errors.push("max_age: at most 86400 seconds".into());
    }
    if !errors.is_empty() {
        return Err(errors.join("; "));
    }
    let list = |v: Vec<&str>| HeaderValue::from_str(&v.join(", ")).ok();
    Ok(Arc::new(Cors {
        allow_methods: list(methods.iter().map(|m| m.as_str()).collect())
            .ok_or("allow_methods: not a header value")?,
        allow_headers: (!headers.is_empty())
            .then(|| list(headers.iter().map(String::as_str).collect()))
            .flatten(),
        expose_headers: (!expose.is_empty())
            .then(|| list(expose.iter().map(String::as_str).collect()))
            .flatten(),
        max_age: f.max_age.map(HeaderValue::from),
        origins,
        any,
        methods,
        headers,
        credentials: f.allow_credentials,
    }))
}

/// Request headers a preflight may ask for without being listed (Fetch's CORS-safelisted
/// request headers).
const SAFELISTED: [&str; 4] = [
    "accept",
    "accept-language",
    "content-language",
    "content-type",
];

impl Cors {
    /// The request's `Origin`, if it is one this route allows.
    fn allowed_origin<'a>(&self, req: &'a Request<'_>) -> Option<&'a HeaderValue> {
        let o = req.headers.get(http::header::ORIGIN)?;
        let s = o.to_str().ok()?.to_ascii_lowercase();
        (self.any || self.origins.contains(&s)).then_some(o)
    }
}

#[async_trait]
impl Policy for Cors {
    fn name(&self) -> &'static str {
        "cors"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn describe(&self) -> Option<String> {
        let origins = if self.any {
            "*".to_string()
        } else {
            self.origins.join(" ")
        };
        let methods: Vec<&str> = self.methods.iter().map(|m| m.as_str()).collect();
        let creds = if self.credentials {
            ", credentials"
        } else {
            ""
        };
        Some(format!(
            "cors (origins {origins}; methods {}{creds})",
            methods.join(" ")
        ))
    }

    fn options(&self, req: &Request<'_>, d: &mut Decisions) -> Option<Result<Answer, Deny>> {
        req.headers.get(http::header::ORIGIN)?;
        let asked = req
            .headers
            .get(http::header::ACCESS_CONTROL_REQUEST_METHOD)?
            .to_str()
            .ok()
            .and_then(|m| http::Method::from_bytes(m.as_bytes()).ok())?;
        // Each route answers the preflight for its own method (GET's also for HEAD).
        let mine = asked == req.route.method
            || (asked == http::Method::HEAD && req.route.method == http::Method::GET);
        if !mine {
            return None;
        }
        if self.allowed_origin(req).is_none() {
            d.rule = Some("cors-origin".into());
            return Some(Err(Deny::Refused(ORIGIN_REFUSED)));
        }
        if !self.methods.contains(&asked) && asked != http::Method::HEAD {
            d.rule = Some("cors-preflight".into());
            return Some(Err(Deny::Refused(PREFLIGHT_REFUSED)));
        }
        let asked_headers = req
            .headers
            .get_all(http::header::ACCESS_CONTROL_REQUEST_HEADERS)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty());
        for h in asked_headers {
            if !SAFELISTED.contains(&h.as_str()) && !self.headers.contains(&h) {
                d.rule = Some("cors-preflight".into());
                return Some(Err(Deny::Refused(PREFLIGHT_REFUSED)));
            }
        }
        let mut headers = vec![(
            http::header::ACCESS_CONTROL_ALLOW_METHODS,
            self.allow_methods.clone(),
        )];
        if let Some(h) = &self.allow_headers {
            headers.push((http::header::ACCESS_CONTROL_ALLOW_HEADERS, h.clone()));
        }
        if let Some(m) = &self.max_age {
            headers.push((http::header::ACCESS_CONTROL_MAX_AGE, m.clone()));
        }
        // `Access-Control-Allow-Origin`, credentials and `Vary` come from `response`.
        Some(Ok(Answer {
            status: 204,
            headers,
        }))
    }

    async fn headers(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        if req.headers.contains_key(http::header::ORIGIN) && self.allowed_origin(req).is_none() {
            d.rule = Some("cors-origin".into());
            return Err(Deny::Refused(ORIGIN_REFUSED));
        }
        Ok(())
    }

    fn response(&self, req: &Request<'_>, resp: &mut ResponseHeader) {
        // The gateway's CORS answer is the only one: the service's own headers are dropped.
        let theirs: Vec<HeaderName> = resp
            .headers
            .keys()
            .filter(|k| k.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for h in theirs {
            resp.remove_header(&h);
        }
        // Every answer of this route depends on `Origin` (a cache must not mix them): said
        // once, added to what the service's `Vary` already lists.
        let varies = resp
            .headers
            .get_all(http::header::VARY)
            .iter()
            .flat_map(|v| v.as_bytes().split(|&b| b == b','))
            .map(|t| t.trim_ascii())
            .any(|t| t == b"*" || t.eq_ignore_ascii_case(b"origin"));
        if !varies {
            let _ = resp.append_header(http::header::VARY, "Origin");
        }
        let Some(origin) = self.allowed_origin(req) else {
            return;
        };
        let allow = if self.any && !self.credentials {
            HeaderValue::from_static("*")
        } else {
            origin.clone()
        };
        let _ = resp.insert_header(http::header::ACCESS_CONTROL_ALLOW_ORIGIN, allow);
        if self.credentials {
            let _ = resp.insert_header(http::header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if let Some(h) = &self.expose_headers {
            let _ = resp.insert_header(http::header::ACCESS_CONTROL_EXPOSE_HEADERS, h.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route() -> Route {
        Route {
            id: 0,
            service: "s".into(),
            upstream: "u".into(),
            method: http::Method::POST,
            template: "/orders".into(),
            operation_id: None,
            params: Vec::new(),
            security: crate::auth::scopes::Security::Public,
        }
    }

    fn err(v: Value) -> String {
        compile(&v, &route()).err().unwrap_or_default()
    }

    #[test]
    fn settings_are_validated() {
        assert!(compile(
            &serde_json::json!({"allow_origins": ["https://a.example"]}),
            &route()
        )
        .is_ok());
        assert!(
            err(serde_json::json!({"allow_origins": ["https://a.example/app"]}))
                .contains("is not an origin")
        );
        assert!(
            err(serde_json::json!({"allow_origins": ["*"], "allow_credentials": true}))
                .contains("cannot be combined")
        );
        assert!(err(serde_json::json!({"allow_origins": []})).contains("at least one origin"));
        assert!(
            err(serde_json::json!({"allow_origins": ["*"], "max_age": 100000})).contains("max_age")
        );
        assert!(err(serde_json::json!({"allow_origin": ["*"]})).contains("unknown field"));
    }
}
