//! IP allow and deny lists, per route or per upstream: the resolved client address (the
//! trusted-proxy rule of `forwarding.rs`: `X-Forwarded-For` is believed only from
//! `trusted_proxies`) against CIDR lists. A denied address, or one missing from a non-empty
//! allow list, gets 403 `ip-refused` and nothing is forwarded.
//!
//! Configured per route or upstream by a policy file
//! (`route_policies: [{upstream: admin, ip: {allow: [10.0.0.0/8]}}]`) or in the spec
//! (`x-gateway-ip: {…}` on an operation, a path item or the document).

use super::{settings, Kind, Stage};
use crate::pipeline::{Decisions, Policy, Request};
use crate::problem::{Deny, Refusal};
use crate::router::Route;
use async_trait::async_trait;
use ipnet::IpNet;
use serde::Deserialize;
use serde_json::Value;
use std::any::Any;
use std::net::IpAddr;
use std::sync::Arc;

pub const KIND: Kind = Kind {
    key: "ip",
    stage: Stage::Edge,
    compile,
};

/// `ip:` settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IpFile {
    /// Only these addresses (CIDRs or single addresses) may call; empty: any not denied.
    #[serde(default)]
    allow: Vec<String>,
    /// These never may, even when also allowed.
    #[serde(default)]
    deny: Vec<String>,
}

const REFUSED: Refusal = Refusal {
    status: 403,
    slug: "ip-refused",
    detail: "This client address may not call this API.",
};

#[derive(Debug)]
pub struct IpLists {
    pub allow: Vec<IpNet>,
    pub deny: Vec<IpNet>,
}

fn nets(list: &[String], what: &str, errors: &mut Vec<String>) -> Vec<IpNet> {
    list.iter()
        .filter_map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| errors.push(format!("{what}: {s:?} is not an IP address or CIDR")))
                .ok()
        })
        .collect()
}

fn compile(v: &Value, _route: &Route) -> Result<Arc<dyn Policy>, String> {
    let f: IpFile = settings(v)?;
    let mut errors = Vec::new();
    let allow = nets(&f.allow, "allow", &mut errors);
    let deny = nets(&f.deny, "deny", &mut errors);
    if allow.is_empty() && deny.is_empty() && errors.is_empty() {
        errors.push("give `allow`, `deny` or both".into());
    }
    if !errors.is_empty() {
        return Err(errors.join("; "));
    }
    Ok(Arc::new(IpLists { allow, deny }))
}

impl IpLists {
    pub fn admits(&self, ip: IpAddr) -> bool {
        // An IPv4 client seen on a dual-stack socket (`::ffff:a.b.c.d`) is its IPv4 address.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        !self.deny.iter().any(|n| n.contains(&ip))
            && (self.allow.is_empty() || self.allow.iter().any(|n| n.contains(&ip)))
    }
}

#[async_trait]
impl Policy for IpLists {
    fn name(&self) -> &'static str {
        "ip"
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn describe(&self) -> Option<String> {
        let list = |v: &[IpNet]| {
            v.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut parts = Vec::new();
        if !self.allow.is_empty() {
            parts.push(format!("allow {}", list(&self.allow)));
        }
        if !self.deny.is_empty() {
            parts.push(format!("deny {}", list(&self.deny)));
        }
        Some(format!("ip ({})", parts.join("; ")))
    }

    async fn headers(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        self.judge(req, d)
    }

    /// A refused address gets no CORS preflight answer either (nor a CORS refusal, which
    /// would tell it the route's allowed origins).
    fn screen_answer(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        self.judge(req, d)
    }
}

impl IpLists {
    fn judge(&self, req: &Request<'_>, d: &mut Decisions) -> Result<(), Deny> {
        if self.admits(req.client.client_ip) {
            return Ok(());
        }
        d.rule = Some("ip".into());
        Err(Deny::Refused(REFUSED))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: Value) -> Result<IpLists, String> {
        let f: IpFile = settings(&v)?;
        let mut errors = Vec::new();
        let l = IpLists {
            allow: nets(&f.allow, "allow", &mut errors),
            deny: nets(&f.deny, "deny", &mut errors),
        };
        if errors.is_empty() {
            Ok(l)
        } else {
            Err(errors.join("; "))
        }
    }

    #[test]
    fn deny_wins_and_allow_is_exclusive() {
        let l = lists(serde_json::json!({"allow": ["10.0.0.0/8", "2001:db8::/32"], "deny": ["10.1.0.0/16", "10.9.9.9"]})).expect("valid");
        let ip = |s: &str| s.parse::<IpAddr>().expect("address");
        assert!(l.admits(ip("10.2.3.4")));
        assert!(l.admits(ip("::ffff:10.2.3.4")));
        assert!(l.admits(ip("2001:db8::1")));
        assert!(!l.admits(ip("10.1.2.3")));
        assert!(!l.admits(ip("10.9.9.9")));
        assert!(!l.admits(ip("192.0.2.1")));
        let open = lists(serde_json::json!({"deny": ["192.0.2.0/24"]})).expect("valid");
        assert!(open.admits(ip("198.51.100.1")));
        assert!(!open.admits(ip("192.0.2.7")));
    }

    #[test]
    fn settings_are_validated() {
        let r = Route {
            id: 0,
            service: "s".into(),
            upstream: "u".into(),
            method: http::Method::GET,
            template: "/x".into(),
            operation_id: None,
            params: Vec::new(),
            security: crate::auth::scopes::Security::Public,
        };
        let e = |v: Value| compile(&v, &r).err().unwrap_or_default();
        assert!(
            e(serde_json::json!({"allow": ["10.0.0.0/33"]})).contains("not an IP address or CIDR")
        );
        assert!(e(serde_json::json!({})).contains("give `allow`, `deny` or both"));
        assert!(e(serde_json::json!({"allowed": []})).contains("unknown field"));
        assert!(compile(&serde_json::json!({"allow": ["127.0.0.1"]}), &r).is_ok());
    }
}
