//! Routing: method + canonical path → route, deny by default.
//!
//! Templates match segment by segment. At each segment a literal child is tried before a
//! template child (`/orders/summary` beats `/orders/{id}`), with backtracking, so the most
//! specific template wins regardless of the order specs were loaded in.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One operation of one spec.
#[derive(Debug)]
pub struct Route {
    /// Dense index, for per-route tables.
    pub id: usize,
    /// The spec file that declared it (its file stem).
    pub service: String,
    /// Upstream name from `x-gateway.upstream`.
    pub upstream: String,
    pub method: http::Method,
    /// Path template as written in the spec (with base path), e.g. `/orders/{id}`. Used as a
    /// bounded-cardinality metric label.
    pub template: String,
    pub operation_id: Option<String>,
    /// Names of the template parameters, in order.
    pub params: Vec<String>,
    /// Security requirements from the spec (operation's, else global).
    pub security: crate::auth::scopes::Security,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    Literal(String),
    /// `prefix{name}suffix` within one segment (prefix/suffix usually empty).
    Param {
        prefix: String,
        suffix: String,
    },
}

#[derive(Debug, Default)]
struct Node {
    literal: HashMap<String, Node>,
    params: Vec<((String, String), Node)>,
    /// Routes ending here, by method.
    methods: BTreeMap<String, Arc<Route>>,
    /// Whether a template ends at this node (even if another spec adds methods later).
    terminal: bool,
}

/// Result of a lookup.
#[derive(Debug)]
pub enum RouteMatch<'a> {
    /// `params` are the raw (still percent-encoded) values, in the order of `route.params`.
    Found {
        route: Arc<Route>,
        params: Vec<&'a str>,
    },
    /// The path exists; `allow` lists its methods.
    MethodNotAllowed {
        allow: String,
    },
    NotFound,
}

#[derive(Debug, Default)]
pub struct Router {
    root: Node,
    routes: Vec<Arc<Route>>,
}

/// Split a template into segments, or explain why it is not supported.
fn parse_template(t: &str) -> Result<Vec<Seg>, String> {
    if !t.starts_with('/') {
        return Err("a path template must start with '/'".into());
    }
    let mut out = Vec::new();
    for raw in t[1..].split('/') {
        // One `{name}` per segment, with an optional literal prefix and suffix: the first `{`
        // and the first `}` delimit it, and neither brace may appear again.
        match (raw.find('{'), raw.find('}')) {
            (None, None) => out.push(Seg::Literal(raw.to_string())),
            (Some(a), Some(b)) if a < b => {
                let name = &raw[a + 1..b];
                let suffix = &raw[b + 1..];
                if name.is_empty() || name.contains('{') || suffix.contains(['{', '}']) {
                    return Err(format!("unsupported template segment {raw:?}"));
                }
                out.push(Seg::Param {
                    prefix: raw[..a].to_string(),
                    suffix: suffix.to_string(),
                });
            }
            _ => return Err(format!("unsupported template segment {raw:?}")),
        }
    }
    Ok(out)
}

fn template_param_names(t: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = t;
    while let Some(a) = rest.find('{') {
        if let Some(b) = rest[a..].find('}') {
            names.push(rest[a + 1..a + b].to_string());
            rest = &rest[a + b + 1..];
        } else {
            break;
        }
    }
    names
}

impl Router {
    /// Add one operation. Errors are messages for the config report.
    pub fn add(
        &mut self,
        service: &str,
        upstream: &str,
        method: http::Method,
        template: &str,
        operation_id: Option<String>,
        security: crate::auth::scopes::Security,
    ) -> Result<(), String> {
        let segs = parse_template(template)?;
        let mut node = &mut self.root;
        for s in segs {
            node = match s {
                Seg::Literal(l) => node.literal.entry(l).or_default(),
                Seg::Param { prefix, suffix } => {
                    let key = (prefix, suffix);
                    if !node.params.iter().any(|(k, _)| *k == key) {
                        node.params.push((key.clone(), Node::default()));
                        // Longer affixes are more specific: try them first.
                        node.params
                            .sort_by_key(|((p, s), _)| std::cmp::Reverse(p.len() + s.len()));
                    }
                    let pos = node.params.iter().position(|(k, _)| *k == key).unwrap_or(0);
                    &mut node.params[pos].1
                }
            };
        }
        node.terminal = true;
        let key = method.as_str().to_string();
        if let Some(existing) = node.methods.get(&key) {
            return Err(format!(
                "{} {} is already routed by {} ({})",
                method, template, existing.service, existing.template
            ));
        }
        let route = Arc::new(Route {
            id: self.routes.len(),
            service: service.to_string(),
            upstream: upstream.to_string(),
            method,
            template: template.to_string(),
            operation_id,
            params: template_param_names(template),
            security,
        });
        self.routes.push(route.clone());
        node.methods.insert(key, route);
        Ok(())
    }

    pub fn routes(&self) -> &[Arc<Route>] {
        &self.routes
    }

    /// Look up a canonical path (as produced by [`crate::canon::canonicalize`]).
    pub fn lookup<'a>(&self, method: &http::Method, path: &'a str) -> RouteMatch<'a> {
        let segs: Vec<&'a str> = match path.strip_prefix('/') {
            Some(rest) => rest.split('/').collect(),
            None => return RouteMatch::NotFound,
        };
        let mut params = Vec::new();
        // First find the most specific node matching the path; then check the method there.
        match find(&self.root, &segs, &mut params) {
            None => RouteMatch::NotFound,
            Some(node) => {
                // HEAD is served by GET routes (RFC 9110 §9.3.2) unless declared explicitly.
                let m = node.methods.get(method.as_str()).or_else(|| {
                    (method == http::Method::HEAD)
                        .then(|| node.methods.get("GET"))
                        .flatten()
                });
                match m {
                    Some(route) => RouteMatch::Found {
                        route: route.clone(),
                        params,
                    },
                    None => {
                        let mut allow: Vec<&str> =
                            node.methods.keys().map(|s| s.as_str()).collect();
                        if allow.contains(&"GET") && !allow.contains(&"HEAD") {
                            allow.push("HEAD");
                        }
                        allow.sort_unstable();
                        RouteMatch::MethodNotAllowed {
                            allow: allow.join(", "),
                        }
                    }
                }
            }
        }
    }
}

impl Router {
    /// Every route of the path `path` matches (all methods), with the raw path parameter
    /// values: for an `OPTIONS` request no route takes, which a route's plan may answer.
    pub fn path_routes<'a>(&self, path: &'a str) -> (Vec<Arc<Route>>, Vec<&'a str>) {
        let Some(rest) = path.strip_prefix('/') else {
            return (Vec::new(), Vec::new());
        };
        let segs: Vec<&'a str> = rest.split('/').collect();
        let mut params = Vec::new();
        match find(&self.root, &segs, &mut params) {
            Some(node) => (node.methods.values().cloned().collect(), params),
            None => (Vec::new(), Vec::new()),
        }
    }
}

fn find<'n, 'a>(node: &'n Node, segs: &[&'a str], params: &mut Vec<&'a str>) -> Option<&'n Node> {
    let Some((first, rest)) = segs.split_first() else {
        return node.terminal.then_some(node);
    };
    if let Some(child) = node.literal.get(*first) {
        if let Some(n) = find(child, rest, params) {
            return Some(n);
        }
    }
    for ((prefix, suffix), child) in &node.params {
        if first.len() > prefix.len() + suffix.len()
            && first.starts_with(prefix.as_str())
            && first.ends_with(suffix.as_str())
        {
            let value = &first[prefix.len()..first.len() - suffix.len()];
            params.push(value);
            if let Some(n) = find(child, rest, params) {
                return Some(n);
            }
            params.pop();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::scopes::Security;
    use http::Method;

    fn router() -> Router {
        let mut r = Router::default();
        r.add(
            "orders",
            "o",
            Method::GET,
            "/orders",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "orders",
            "o",
            Method::POST,
            "/orders",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "orders",
            "o",
            Method::GET,
            "/orders/{id}",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "orders",
            "o",
            Method::DELETE,
            "/orders/{id}",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "orders",
            "o",
            Method::GET,
            "/orders/summary",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "orders",
            "o",
            Method::GET,
            "/orders/{id}/items/{item}",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "files",
            "f",
            Method::GET,
            "/files/{name}.json",
            None,
            Security::Public,
        )
        .unwrap();
        r.add(
            "files",
            "f",
            Method::GET,
            "/files/{name}",
            None,
            Security::Public,
        )
        .unwrap();
        r
    }

    fn found(r: &Router, m: Method, p: &str) -> Option<(String, Vec<String>)> {
        match r.lookup(&m, p) {
            RouteMatch::Found { route, params } => Some((
                route.template.clone(),
                params.iter().map(|s| s.to_string()).collect(),
            )),
            _ => None,
        }
    }

    #[test]
    fn literal_beats_template() {
        let r = router();
        assert_eq!(
            found(&r, Method::GET, "/orders/summary").unwrap().0,
            "/orders/summary"
        );
        assert_eq!(
            found(&r, Method::GET, "/orders/42").unwrap(),
            ("/orders/{id}".into(), vec!["42".into()])
        );
        assert_eq!(
            found(&r, Method::GET, "/orders/7/items/9").unwrap(),
            (
                "/orders/{id}/items/{item}".into(),
                vec!["7".into(), "9".into()]
            )
        );
    }

    #[test]
    fn backtracks_from_literal_to_template() {
        let mut r = router();
        r.add(
            "x",
            "o",
            Method::GET,
            "/orders/summary/daily",
            None,
            Security::Public,
        )
        .unwrap();
        // "summary" literal exists but has no "items" child: falls back to {id}.
        assert_eq!(
            found(&r, Method::GET, "/orders/summary/items/1").unwrap().0,
            "/orders/{id}/items/{item}"
        );
    }

    #[test]
    fn affixed_params() {
        let r = router();
        assert_eq!(
            found(&r, Method::GET, "/files/a.json").unwrap(),
            ("/files/{name}.json".into(), vec!["a".into()])
        );
        assert_eq!(
            found(&r, Method::GET, "/files/a.txt").unwrap().0,
            "/files/{name}"
        );
    }

    #[test]
    fn not_found_and_method_not_allowed() {
        let r = router();
        assert!(matches!(
            r.lookup(&Method::GET, "/nope"),
            RouteMatch::NotFound
        ));
        assert!(matches!(
            r.lookup(&Method::GET, "/orders/"),
            RouteMatch::NotFound
        ));
        assert!(matches!(
            r.lookup(&Method::GET, "/orders/1/items"),
            RouteMatch::NotFound
        ));
        assert!(matches!(r.lookup(&Method::GET, "/"), RouteMatch::NotFound));
        match r.lookup(&Method::PUT, "/orders/1") {
            RouteMatch::MethodNotAllowed { allow } => assert_eq!(allow, "DELETE, GET, HEAD"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn head_uses_get() {
        let r = router();
        assert_eq!(found(&r, Method::HEAD, "/orders").unwrap().0, "/orders");
    }

    #[test]
    fn duplicates_and_bad_templates_are_errors() {
        let mut r = router();
        assert!(r
            .add(
                "dup",
                "o",
                Method::GET,
                "/orders/{other}",
                None,
                Security::Public
            )
            .is_err());
        assert!(r
            .add("bad", "o", Method::GET, "orders", None, Security::Public)
            .is_err());
        assert!(r
            .add("bad", "o", Method::GET, "/a/{x}{y}", None, Security::Public)
            .is_err());
    }

    #[test]
    fn template_parameter_names_and_segments_are_read_exactly() {
        let r = router();
        let names = |t: &str| {
            r.routes()
                .iter()
                .find(|x| x.template == t)
                .map(|x| x.params.clone())
                .unwrap()
        };
        // The names the validator maps path values onto, in template order, affixes cut off.
        assert_eq!(names("/orders/{id}/items/{item}"), vec!["id", "item"]);
        assert_eq!(names("/files/{name}.json"), vec!["name"]);
        assert!(names("/orders").is_empty());
        assert_eq!(
            template_param_names("/a/{x}b/{yy}/{z}"),
            vec!["x", "yy", "z"]
        );
        assert_eq!(template_param_names("/a/{unclosed"), Vec::<String>::new());
        // An empty name, a second closing brace, braces out of order: refused.
        for bad in [
            "/a/{}",
            "/a/{x}}",
            "/a/{x}.{y}",
            "/a/{{x}",
            "/a/}x{",
            "/a/{x",
            "/a/x}",
        ] {
            assert!(parse_template(bad).is_err(), "{bad}");
        }
        assert!(parse_template("/a/v{x}.json").is_ok());
    }

    #[test]
    fn affixes_order_by_length_and_never_match_an_empty_value() {
        let r = router();
        // `{name}.json` needs a non-empty name: `.json` alone is the plain `{name}`'s.
        assert_eq!(
            found(&r, Method::GET, "/files/.json").unwrap(),
            ("/files/{name}".into(), vec![".json".into()])
        );
        // Both `v{n}` and `{n}.json` match `v1.json`: the longer affix (5 > 1) is tried first,
        // whatever the order the templates were added in.
        let mut r = Router::default();
        for t in ["/f/v{n}", "/f/{n}.json"] {
            r.add("f", "f", Method::GET, t, None, Security::Public)
                .unwrap();
        }
        assert_eq!(
            found(&r, Method::GET, "/f/v1.json").unwrap(),
            ("/f/{n}.json".into(), vec!["v1".into()])
        );
    }

    #[test]
    fn allow_names_head_only_beside_get_and_path_routes_lists_every_method() {
        let mut r = router();
        r.add("w", "o", Method::DELETE, "/wipe", None, Security::Public)
            .unwrap();
        match r.lookup(&Method::GET, "/wipe") {
            RouteMatch::MethodNotAllowed { allow } => assert_eq!(allow, "DELETE"),
            other => panic!("{other:?}"),
        }
        let (routes, params) = r.path_routes("/orders/7");
        let mut methods: Vec<&str> = routes.iter().map(|x| x.method.as_str()).collect();
        methods.sort_unstable();
        assert_eq!(methods, vec!["DELETE", "GET"]);
        assert_eq!(params, vec!["7"]);
        assert!(r.path_routes("/nope").0.is_empty());
    }
}
