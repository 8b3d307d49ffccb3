//! Loading → one [`RoutePlan`] per route.
//!
//! Built-in policies come from the pillars' compiled models (the route's auth requirements,
//! the limits that select it, its operation's validators). Registered policies
//! ([`crate::policies::KINDS`]) come from two places, the first that sets a kind winning:
//!
//! 1. a policy file's `route_policies:` entry selecting the route (by `path` and optional
//!    `method`, or by `upstream`): `- {path: /orders, method: GET, cors: {…}}`;
//! 2. the spec: `x-gateway-<kind>` on the operation, else on its path item, else at the top
//!    of the document.
//!
//! Plan order: registered policies of the edge stage (CORS, IP lists), tokens and scopes,
//! registered policies of the caller stage (access lists, which read the verified caller),
//! rate limits, validation; registered kinds in registry order within their stage.

use super::{limits::Limits, tokens::Tokens, validation::Validation, Plans, Policy, RoutePlan};
use crate::auth::RoutePolicy;
use crate::policies::{Kind, Stage, KINDS};
use crate::report::Report;
use crate::router::{Route, Router};
use crate::spec::{ptr_token, Spec};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What loading compiled, handed to [`build`].
pub struct Inputs<'a> {
    pub router: &'a Router,
    /// Each route's auth requirements, by route id (consumed here).
    pub route_auth: Vec<RoutePolicy>,
    pub rate_limits: &'a crate::ratelimit::policy::Policy,
    /// Each route's operation, by route id (consumed here).
    pub validation: crate::validate::Validation,
    pub specs: &'a [(PathBuf, Spec)],
    /// Every policy file's `route_policies` entries.
    pub route_policies: Vec<(PathBuf, Vec<Value>)>,
}

/// One `route_policies` entry, its selector checked.
struct Entry<'a> {
    file: &'a Path,
    loc: String,
    path: Option<String>,
    method: Option<http::Method>,
    upstream: Option<String>,
    settings: Vec<(&'static Kind, &'a Value)>,
}

impl Entry<'_> {
    fn selects(&self, r: &Route) -> bool {
        self.path.as_ref().is_none_or(|p| *p == r.template)
            && self.method.as_ref().is_none_or(|m| *m == r.method)
            && self.upstream.as_ref().is_none_or(|u| *u == r.upstream)
    }
}

const SELECTORS: [&str; 3] = ["path", "method", "upstream"];

fn registered() -> String {
    let keys: Vec<&str> = KINDS.iter().map(|k| k.key).collect();
    if keys.is_empty() {
        "none is registered".into()
    } else {
        format!("registered: {}", keys.join(", "))
    }
}

fn entries<'a>(
    files: &'a [(PathBuf, Vec<Value>)],
    router: &Router,
    report: &mut Report,
) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (file, list) in files {
        for (i, v) in list.iter().enumerate() {
            let loc = format!("route_policies[{i}]");
            let Some(m) = v.as_object() else {
                report.error(file, &loc, "must be a mapping");
                continue;
            };
            let text = |k: &str| m.get(k).and_then(Value::as_str).map(String::from);
            for k in SELECTORS {
                if m.get(k).is_some_and(|v| !v.is_string()) {
                    report.error(file, format!("{loc}.{k}"), "must be a string");
                }
            }
            let path = text("path");
            let upstream = text("upstream");
            let method = match text("method") {
                Some(s) => match http::Method::from_bytes(s.to_ascii_uppercase().as_bytes()) {
                    Ok(m) => Some(m),
                    Err(_) => {
                        report.error(file, format!("{loc}.method"), "not a method");
                        continue;
                    }
                },
                None => None,
            };
            if path.is_none() && upstream.is_none() {
                report.error(
                    file,
                    &loc,
                    "select routes with `path` (and `method`) or `upstream`",
                );
                continue;
            }
            let mut settings = Vec::new();
            for (k, v) in m {
                if SELECTORS.contains(&k.as_str()) {
                    continue;
                }
                match KINDS.iter().find(|kind| kind.key == k) {
                    Some(kind) => settings.push((kind, v)),
                    None => report.error(
                        file,
                        format!("{loc}.{k}"),
                        format!("unknown policy ({})", registered()),
                    ),
                }
            }
            let e = Entry {
                file,
                loc,
                path,
                method,
                upstream,
                settings,
            };
            if !router.routes().iter().any(|r| e.selects(r)) {
                report.error(
                    file,
                    &e.loc,
                    "selects no route of the specs in openapi/ (path template as in the spec)",
                );
            }
            out.push(e);
        }
    }
    out
}

/// The spec objects of a route: (file, JSON pointer, value) of its operation, path item and
/// document, most specific first.
fn spec_levels<'a>(specs: &'a [(PathBuf, Spec)], r: &Route) -> Vec<(&'a Path, String, &'a Value)> {
    for (file, spec) in specs {
        if spec.service != r.service {
            continue;
        }
        let Some(tmpl) = r.template.strip_prefix(spec.base_path.as_str()) else {
            continue;
        };
        let item_ptr = format!("/paths/{}", ptr_token(tmpl));
        let op_ptr = format!("{item_ptr}/{}", r.method.as_str().to_ascii_lowercase());
        if let (Some(item), Some(op)) = (spec.doc.pointer(&item_ptr), spec.doc.pointer(&op_ptr)) {
            return vec![
                (file.as_path(), op_ptr, op),
                (file.as_path(), item_ptr, item),
                (file.as_path(), String::new(), &spec.doc),
            ];
        }
    }
    Vec::new()
}

/// Extensions of the built-in pillars (validation's screening action).
const BUILT_IN_EXTENSIONS: [&str; 1] = ["x-gateway-screening"];

/// `x-gateway-…` keys no registered policy claims (a typo would otherwise enforce nothing).
fn unknown_extensions(specs: &[(PathBuf, Spec)], report: &mut Report) {
    let check = |file: &Path, ptr: &str, v: &Value, report: &mut Report| {
        for k in v.as_object().into_iter().flat_map(|m| m.keys()) {
            if BUILT_IN_EXTENSIONS.contains(&k.as_str()) {
                continue;
            }
            if let Some(key) = k.strip_prefix("x-gateway-") {
                if !KINDS.iter().any(|kind| kind.key == key) {
                    report.error(
                        file,
                        format!("{ptr}/{}", ptr_token(k)),
                        format!("unknown gateway extension ({})", registered()),
                    );
                }
            }
        }
    };
    for (file, spec) in specs {
        check(file, "", &spec.doc, report);
        for (t, item) in spec
            .doc
            .get("paths")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let ptr = format!("/paths/{}", ptr_token(t));
            check(file, &ptr, item, report);
            for (m, op) in item.as_object().into_iter().flatten() {
                if crate::spec::METHODS.contains(&m.as_str()) {
                    check(file, &format!("{ptr}/{m}"), op, report);
                }
            }
        }
    }
}

/// Compile every route's plan.
pub fn build(inputs: Inputs<'_>, report: &mut Report) -> Plans {
    let Inputs {
        router,
        route_auth,
        rate_limits,
        validation,
        specs,
        route_policies,
    } = inputs;
    let entries = entries(&route_policies, router, report);
    unknown_extensions(specs, report);
    let mut route_auth = route_auth.into_iter();
    let mut plans = Vec::with_capacity(router.routes().len());
    for r in router.routes() {
        let mut policies: Vec<Arc<dyn Policy>> = Vec::new();
        let mut caller: Vec<Arc<dyn Policy>> = Vec::new();
        let levels = spec_levels(specs, r);
        for kind in KINDS {
            // A policy file's entry, else the spec's extension.
            let mut set: Vec<(&Path, String, &Value)> = entries
                .iter()
                .filter(|e| e.selects(r))
                .flat_map(|e| {
                    e.settings
                        .iter()
                        .filter(|(k, _)| k.key == kind.key)
                        .map(|(_, v)| (e.file, format!("{}.{}", e.loc, kind.key), *v))
                })
                .collect();
            if set.len() > 1 {
                let (f, loc, _) = &set[1];
                report.error(
                    f,
                    loc,
                    format!(
                        "{} {}: `{}` is already set for this route by {}",
                        r.method, r.template, kind.key, set[0].1
                    ),
                );
            }
            if set.is_empty() {
                let ext = format!("x-gateway-{}", kind.key);
                if let Some((f, ptr, v)) = levels
                    .iter()
                    .find_map(|(f, p, o)| o.get(&ext).map(|v| (*f, format!("{p}/{ext}"), v)))
                {
                    set.push((f, ptr, v));
                }
            }
            if let Some((f, loc, v)) = set.first() {
                match (kind.compile)(v, r) {
                    Ok(p) if kind.stage == Stage::Caller => caller.push(p),
                    Ok(p) => policies.push(p),
                    Err(e) => report.error(f, loc, e),
                }
            }
        }
        if let Some(ra) = route_auth.next() {
            policies.push(Arc::new(Tokens { route: ra.clone() }));
            policies.append(&mut caller);
            // Also with no limit on the route: the phase still runs (a trace shows it, and a
            // refused credential is counted the same way everywhere).
            policies.push(Arc::new(Limits {
                limits: rate_limits.for_route(r),
            }));
            if let Some(op) = validation.operation(r.id) {
                policies.push(Arc::new(Validation {
                    op: op.clone(),
                    caps: validation.caps,
                    credential_query: ra.token_from_query,
                }));
            }
        }
        // (Already moved after tokens above; kept if a route had no auth entry.)
        policies.append(&mut caller);
        plans.push(Arc::new(RoutePlan {
            route: r.clone(),
            policies,
        }));
    }
    Plans::new(plans)
}
