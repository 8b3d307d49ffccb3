//! Access lists by caller: which tenants, clients (OAuth `client_id` / API-key client) or
//! subjects may call a route, after tokens and scopes verified who is calling (Kong's `acl`,
//! APISIX's `consumer-restriction`). A caller on a deny list, or missing from every allow
//! list that is set, gets 403 `acl-refused` and nothing is forwarded.
//!
//! ```yaml
//! route_policies:
//!   - upstream: billing
//!     acl:
//!       allow: {tenants: [acme, globex]}      # only these tenants
//!       deny: {clients: [legacy-batch]}        # never this client, even of an allowed tenant
//! ```
//!
//! or `x-gateway-acl: {…}` on an operation, a path item or the document. Deny wins. With an
//! allow list set, an anonymous request (a public route, no principal) is refused: the list
//! names who may call, and nobody was verified.

use super::{settings, Kind, Stage};
use crate::identity::Principal;
use crate::pipeline::{Decisions, Policy, Request};
use crate::problem::{Deny, Refusal};
use crate::router::Route;
use async_trait::async_trait;
use serde::Deserialize;
use serde_json::Value;
use std::any::Any;
use std::sync::Arc;

pub const KIND: Kind = Kind {
    key: "acl",
    stage: Stage::Caller,
    compile,
};

const REFUSED: Refusal = Refusal {
    status: 403,
    slug: "acl-refused",
    detail: "This caller may not call this API.",
};

/// One side of an access list: callers named by tenant, client or subject.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Callers {
    #[serde(default)]
    pub tenants: Vec<String>,
    #[serde(default)]
    pub clients: Vec<String>,
    #[serde(default)]
    pub subjects: Vec<String>,
}

impl Callers {
    fn is_empty(&self) -> bool {
        self.tenants.is_empty() && self.clients.is_empty() && self.subjects.is_empty()
    }

    /// Whether the principal is named by any of the lists.
    fn names(&self, p: &Principal) -> bool {
        let hit = |list: &[String], v: &Option<String>| {
            v.as_deref().is_some_and(|v| list.iter().any(|x| x == v))
        };
        hit(&self.tenants, &p.tenant)
            || hit(&self.clients, &p.client_id)
            || hit(&self.subjects, &p.subject)
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (what, list) in [
            ("tenants", &self.tenants),
            ("clients", &self.clients),
            ("subjects", &self.subjects),
        ] {
            if !list.is_empty() {
                parts.push(format!("{what} {}", list.join(" ")));
            }
        }
        parts.join(", ")
    }
}

/// `acl:` settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AclFile {
    #[serde(default)]
    allow: Callers,
    #[serde(default)]
    deny: Callers,
}

#[derive(Debug)]
pub struct Acl {
    pub allow: Callers,
    pub deny: Callers,
}

fn compile(v: &Value, _route: &Route) -> Result<Arc<dyn Policy>, String> {
    let f: AclFile = settings(v)?;
    if f.allow.is_empty() && f.deny.is_empty() {
        return Err("give `allow`, `deny` or both (each with tenants, clients or subjects)".into());
    }
    let blank = |c: &Callers| {
        c.tenants
            .iter()
            .chain(&c.clients)
            .chain(&c.subjects)
            .any(|s| s.trim().is_empty())
    };
    if blank(&f.allow) || blank(&f.deny) {
        return Err("an empty name matches no caller".into());
    }
    Ok(Arc::new(Acl {
        allow: f.allow,
        deny: f.deny,
    }))
}

impl Acl {
    /// Deny wins; with an allow list set, only the callers it names (never an anonymous one).
    pub fn admits(&self, caller: Option<&Principal>) -> bool {
        match caller {
            Some(p) => !self.deny.names(p) && (self.allow.is_empty() || self.allow.names(p)),
            None => self.allow.is_empty(),
        }
    }
}

#[async_trait]
impl Policy for Acl {
    fn name(&self) -> &'static str {
        "acl"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.allow.is_empty() {
            parts.push(format!("allow {}", self.allow.describe()));
        }
        if !self.deny.is_empty() {
            parts.push(format!("deny {}", self.deny.describe()));
        }
        Some(format!("acl ({})", parts.join("; ")))
    }

    async fn headers(&self, _req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        if self.admits(d.principal.as_ref()) {
            return Ok(());
        }
        d.rule = Some("acl".into());
        Err(Deny::Refused(REFUSED))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::AuthMethod;

    fn caller(tenant: &str, client: &str, sub: &str) -> Principal {
        Principal {
            method: AuthMethod::Jwt,
            issuer: "https://idp".into(),
            subject: Some(sub.into()),
            client_id: Some(client.into()),
            tenant: Some(tenant.into()),
            scopes: vec![],
            tier: None,
            api_key_id: None,
        }
    }

    fn acl(v: Value) -> Result<Arc<dyn Policy>, String> {
        let route = Route {
            id: 0,
            service: "s".into(),
            upstream: "u".into(),
            method: http::Method::GET,
            template: "/x".into(),
            operation_id: None,
            params: Vec::new(),
            security: crate::auth::scopes::Security::Public,
        };
        compile(&v, &route)
    }

    fn admits(v: Value, p: Option<&Principal>) -> bool {
        let a = acl(v).unwrap();
        a.as_any().downcast_ref::<Acl>().unwrap().admits(p)
    }

    #[test]
    fn allow_lists_name_who_may_call_and_deny_wins() {
        let acme = caller("acme", "web", "alice");
        let other = caller("initech", "web", "bob");
        let allow = serde_json::json!({"allow": {"tenants": ["acme"]}});
        assert!(admits(allow.clone(), Some(&acme)));
        assert!(!admits(allow.clone(), Some(&other)));
        assert!(
            !admits(allow, None),
            "an allow list refuses anonymous callers"
        );
        let both =
            serde_json::json!({"allow": {"tenants": ["acme"]}, "deny": {"subjects": ["alice"]}});
        assert!(!admits(both, Some(&acme)), "deny wins over allow");
        let deny = serde_json::json!({"deny": {"clients": ["web"]}});
        assert!(!admits(deny.clone(), Some(&other)));
        assert!(admits(deny.clone(), Some(&caller("acme", "cli", "c"))));
        assert!(
            admits(deny, None),
            "deny lists alone leave anonymous callers alone"
        );
        // Any list of a side names the caller: a client in the allow list passes whatever
        // its tenant.
        let by_client = serde_json::json!({"allow": {"tenants": ["x"], "clients": ["web"]}});
        assert!(admits(by_client, Some(&other)));
    }

    #[test]
    fn bad_settings_are_refused_at_load() {
        assert!(acl(serde_json::json!({}))
            .unwrap_err()
            .contains("give `allow`"));
        assert!(acl(serde_json::json!({"allow": {"tenant": ["a"]}}))
            .unwrap_err()
            .contains("unknown field"));
        assert!(acl(serde_json::json!({"deny": {"clients": [""]}}))
            .unwrap_err()
            .contains("empty name"));
    }
}
