//! The request pipeline: one [`RoutePlan`] per route, compiled at load, and one [`Policy`]
//! trait every check implements.
//!
//! A plan is the ordered list of policies that apply to its route, each holding its own
//! compiled per-route state (the route's auth requirements, the limits that apply to it, its
//! operation's validators, its CORS or IP settings). Plans are built by [`build`], inside
//! [`crate::config::load`] (the code `gateway check` runs), and live in the
//! [`crate::config::Config`], so a new configuration brings new plans with everything else.
//!
//! `proxy.rs` runs a plan and does little else:
//!
//! ```text
//! admit (framing, path, view, route; OPTIONS the router refuses → Policy::options)
//!   → Policy::headers of each policy, in plan order
//!       (after a refusal only policies with runs_after_denial: rate limits, so refused
//!        credentials are throttled too; their refusal replaces the first one)
//!   → the whole body is read → Policy::body of each policy
//!   → forwarded: Policy::upstream_request edits the upstream request
//!   → Policy::response edits the answer (the upstream's or the gateway's own)
//! ```
//!
//! Policies see no `Session`: a [`Request`] (the request view parsed once in `admit`, the
//! route, the resolved client address) and the typed [`Decisions`] earlier policies made
//! (principal, the limit and tier that decided, the rule that failed). Metrics, the audit
//! record and the access log read those decisions. State that must outlive a configuration
//! (rate-limit buckets, the verified-token cache, fetched keys) is not kept in a policy: the
//! request lends it from its generation ([`Request::auth`], [`Request::ratelimit`]), which
//! takes it over from the previous one at reload.
//!
//! Custom policies (CORS, IP lists) are registered in [`crate::policies`]: a new one is one
//! file there plus one line in its registry.

mod build;
pub mod limits;
pub mod tokens;
pub mod validation;

pub use build::{build, Inputs};

use crate::forwarding::ClientAddr;
use crate::identity::Principal;
use crate::problem::Deny;
use crate::router::Route;
use crate::view::RequestView;
use async_trait::async_trait;
use pingora::http::{RequestHeader, ResponseHeader};
use std::any::Any;
use std::sync::Arc;

/// One request as a policy sees it: parsed once, no `Session`.
pub struct Request<'a> {
    pub method: &'a http::Method,
    /// The request's header fields (after headers configured to be dropped were removed).
    pub headers: &'a http::HeaderMap,
    /// Query pairs, cookies, credentials, media type, canonical path: read once in `admit`.
    pub view: &'a RequestView,
    pub route: &'a Route,
    /// Raw (percent-encoded) path parameter values, in the order of `route.params`.
    pub path_params: &'a [String],
    /// The client address, resolved with the trusted-proxy rule.
    pub client: &'a ClientAddr,
    pub request_id: &'a str,
    /// The generation's auth model: issuers, keys, verified-token cache (adopted from the
    /// previous generation at reload; the route's requirements are in its plan).
    pub auth: &'a crate::auth::Auth,
    /// The generation's rate limiter: buckets, Redis link and clock, handed over from
    /// generation to generation (the limits themselves are in the plans).
    pub ratelimit: &'a crate::ratelimit::RateLimiter,
    /// The connection's client certificate, if one was presented (`clientcert`).
    pub client_cert: Option<&'a crate::clientcert::PeerCert>,
}

/// What the policies decided about a request, typed: read by later policies, forwarding,
/// metrics, the audit record and the access log. Values are names from configuration or
/// from a fixed list, never client input.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// The verified caller (tokens and scopes); `None` for anonymous requests.
    pub principal: Option<Principal>,
    /// The rate limit that refused the request (its name in `policies/`).
    pub limit: Option<String>,
    /// The SLA tier whose rates refused it (`None` for a fixed-rate limit).
    pub tier: Option<String>,
    /// The rule that failed: schema keyword, injection class, or a custom policy's rule.
    pub rule: Option<String>,
    /// The windows of an admitted request, for the `RateLimit` response headers.
    pub ratelimit: Option<crate::ratelimit::Outcome>,
    /// Injection findings let through in `monitor` mode.
    pub findings: Vec<crate::validate::Finding>,
}

impl Decisions {
    /// The audit record's decision notes.
    pub fn notes(&self) -> crate::audit::Notes {
        crate::audit::Notes {
            limit: self.limit.clone(),
            tier: self.tier.clone(),
            rule: self.rule.clone(),
        }
    }
}

/// An answer a policy gives instead of forwarding, that is not a refusal (a CORS preflight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(http::HeaderName, http::HeaderValue)>,
}

/// One check of the pipeline. Every method but [`Policy::name`] and [`Policy::as_any`] has a
/// default that does nothing, so a policy implements only the phases it needs.
#[async_trait]
pub trait Policy: Send + Sync + 'static {
    /// A short stable name (`tokens`, `rate-limits`, `validation`, `cors`, `ip`).
    fn name(&self) -> &'static str;

    /// For downcasting (the route table shows what some policies enforce).
    fn as_any(&self) -> &dyn Any;

    /// One line for the route table (`gateway routes`, the status page): what this policy
    /// enforces on its route. The built-in policies have columns of their own (`None`).
    fn describe(&self) -> Option<String> {
        None
    }

    /// An `OPTIONS` request to this route's path that no route of the path takes (the router
    /// would answer 405): answer it (`Ok`) or refuse it (`Err`) here, or `None` to leave it
    /// to the router. A refusal notes its rule in `d`.
    fn options(&self, _req: &Request<'_>, _d: &mut Decisions) -> Option<Result<Answer, Deny>> {
        None
    }

    /// A request another policy of the plan answers itself (a CORS preflight, see
    /// [`Policy::options`]): refuse it here if this policy refuses the caller without reading
    /// credentials (the client's address), so that an answer never reaches a caller the route
    /// refuses. A refusal notes its rule in `d`. Default: no opinion.
    fn screen_answer(&self, _req: &Request<'_>, _d: &mut Decisions) -> Result<(), Deny> {
        Ok(())
    }

    /// The header phase, before the body is read. `Err` refuses the request.
    async fn headers(&self, _req: &Request<'_>, _d: &mut Decisions) -> Result<(), Deny> {
        Ok(())
    }

    /// Whether the header phase still runs after an earlier policy of the plan refused the
    /// request (to count it); a refusal of this policy then replaces the earlier one.
    fn runs_after_denial(&self) -> bool {
        false
    }

    /// The body phase: the whole body, read before anything is forwarded.
    fn body(&self, _req: &Request<'_>, _body: &[u8], _d: &mut Decisions) -> Result<(), Deny> {
        Ok(())
    }

    /// Edit the request sent upstream, after the gateway's own header rules ran.
    fn upstream_request(
        &self,
        _req: &Request<'_>,
        _d: &Decisions,
        _up: &mut RequestHeader,
    ) -> pingora::Result<()> {
        Ok(())
    }

    /// Edit the response header: the upstream's, or the gateway's own answer (a refusal, an
    /// [`Answer`]) once the route is known.
    fn response(&self, _req: &Request<'_>, _resp: &mut ResponseHeader) {}
}

impl std::fmt::Debug for dyn Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The policies of one route, in the order they run.
#[derive(Debug)]
pub struct RoutePlan {
    pub route: Arc<Route>,
    pub policies: Vec<Arc<dyn Policy>>,
}

impl RoutePlan {
    /// The first policy of type `T` in this plan.
    pub fn get<T: Policy>(&self) -> Option<&T> {
        self.policies
            .iter()
            .find_map(|p| p.as_any().downcast_ref::<T>())
    }

    /// The first answer a policy gives to an `OPTIONS` request the router would refuse,
    /// unless a policy of the plan refuses the caller itself (an IP list): then its refusal,
    /// so that neither the answer nor its refusal tells a refused caller the route's settings.
    pub fn options(&self, req: &Request<'_>, d: &mut Decisions) -> Option<Result<Answer, Deny>> {
        let answer = self.policies.iter().find_map(|p| p.options(req, d))?;
        if let Err(deny) = self
            .policies
            .iter()
            .try_for_each(|p| p.screen_answer(req, d))
        {
            return Some(Err(deny));
        }
        Some(answer)
    }

    /// Every header phase, in order. After a refusal only the policies that run after a
    /// denial do; the last refusal is the answer. `done` hears when each policy has run
    /// (tracing spans: each phase runs from where the one before it ended).
    pub async fn headers(
        &self,
        req: &Request<'_>,
        d: &mut Decisions,
        done: &mut (dyn FnMut(&dyn Policy) + Send),
    ) -> Result<(), Deny> {
        let mut denied: Option<Deny> = None;
        for p in &self.policies {
            if denied.is_some() && !p.runs_after_denial() {
                continue;
            }
            let res = p.headers(req, d).await;
            done(p.as_ref());
            if let Err(e) = res {
                denied = Some(e);
            }
        }
        denied.map_or(Ok(()), Err)
    }

    /// Every body phase, in order; the first refusal stops.
    pub fn body(&self, req: &Request<'_>, body: &[u8], d: &mut Decisions) -> Result<(), Deny> {
        self.policies.iter().try_for_each(|p| p.body(req, body, d))
    }

    pub fn upstream_request(
        &self,
        req: &Request<'_>,
        d: &Decisions,
        up: &mut RequestHeader,
    ) -> pingora::Result<()> {
        self.policies
            .iter()
            .try_for_each(|p| p.upstream_request(req, d, up))
    }

    pub fn response(&self, req: &Request<'_>, resp: &mut ResponseHeader) {
        for p in &self.policies {
            p.response(req, resp);
        }
    }
}

/// Every route's plan. The router's dense route id indexes it: this is the one per-route
/// table (auth requirements, limits, validators are inside the plans, not beside them).
#[derive(Debug, Default)]
pub struct Plans(Vec<Arc<RoutePlan>>);

impl Plans {
    pub fn new(plans: Vec<Arc<RoutePlan>>) -> Plans {
        Plans(plans)
    }

    /// The plan of a route of this configuration's router.
    pub fn get(&self, route: &Route) -> Option<&Arc<RoutePlan>> {
        self.0.get(route.id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<RoutePlan>> {
        self.0.iter()
    }
}
