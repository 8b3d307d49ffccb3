//! The `ProxyHttp` implementation: orchestration only. Each decision is made by a pure
//! module (`canon`, `router`, `forwarding`, `problem`) or by a policy of the route's plan
//! ([`crate::pipeline`]); this file wires them into Pingora's hooks and writes the answers.
//!
//! Pipeline: request_filter (admit: the request head checked and read once by [`crate::edge`], the route;
//! then the route's plan: each policy's header phase, the whole body read, each policy's body
//! phase) → upstream_peer (healthy address, mTLS peer) → upstream_request_filter (rewrite
//! path, strip/assert headers, the plan's edits) → response_filter (request id, rate-limit
//! headers, the plan's edits) → logging (metrics, audit, access log, spans, from the typed
//! decisions).

mod answers;
mod body;
mod records;

use answers::deny_for_error;
use body::linger;
use records::{audit_record, trace_spans};

use crate::forwarding::{self, ClientAddr, TraceContext};
use crate::generation::{Current, Generation};
use crate::metrics;
use crate::otel::Phase;
use crate::pipeline::{Answer, Decisions, RoutePlan};
use crate::problem::{Deny, PROBLEM_JSON};
use crate::router::{Route, RouteMatch};
use crate::upstream::Cluster;
use async_trait::async_trait;
use bytes::Bytes;
use pingora::http::{RequestHeader, ResponseHeader};
use pingora::prelude::*;
use pingora::proxy::FailToProxy;
use pingora::{Error, ErrorSource, ErrorType};
use pingora_proxy::subrequest::pipe::{pipe_subrequest, InputBody, InputBodyType};
use pingora_proxy::subrequest::{BodyMode, Ctx as SubCtx};
use std::sync::Arc;
use std::time::Instant;

/// Per-request state, shared by every hook.
pub struct Ctx {
    /// The configuration generation this request runs on, taken once in `new_ctx`: every
    /// hook reads the configuration through it, never through `Gateway` (see
    /// [`crate::generation`]).
    pub gen: Arc<Generation>,
    pub start: Instant,
    pub request_id: String,
    pub trace: Option<TraceContext>,
    pub client: Option<ClientAddr>,
    pub canonical_path: Option<String>,
    /// The request as every pillar reads it, parsed once (see [`crate::view`]).
    pub view: crate::view::RequestView,
    pub route: Option<Arc<Route>>,
    /// The route's plan: the policies that apply to it.
    pub plan: Option<Arc<RoutePlan>>,
    /// What the plan's policies decided (principal, limit and tier, rule, findings).
    pub decisions: Decisions,
    /// A policy answered the request itself (a CORS preflight): nothing is forwarded.
    pub answer: Option<Answer>,
    pub cluster: Option<Arc<Cluster>>,
    pub denial: Option<Deny>,
    pub upstream_start: Option<Instant>,
    /// The address of the current try, chosen by `upstream_peer` (outlier detection,
    /// retries; the audit record and the upstream span name it).
    pub try_addr: Option<std::net::SocketAddr>,
    /// Addresses whose try failed: a retry goes elsewhere.
    pub failed_addrs: Vec<std::net::SocketAddr>,
    /// Tries so far (first included).
    pub tries: u32,
    pub body_bytes: u64,
    pub tls: bool,
    /// The connection's TLS digest (with the client certificate's identity, if one was
    /// presented: `clientcert`).
    pub tls_digest: Option<Arc<pingora_core::protocols::tls::SslDigest>>,
    /// `X-Forwarded-Proto` as sent by a trusted proxy (the WAF in front), if valid.
    pub forwarded_proto: Option<&'static str>,
    /// Raw (percent-encoded) path parameter values, in the route's template order.
    pub path_params: Vec<String>,
    /// This is the inner request of a body forwarded through a subrequest (see
    /// [`Gateway::forward_buffered`]): every check already ran in the outer request.
    pub inner: bool,
    /// This request's place among those in flight; released when the request ends.
    pub inflight: Option<pingora_limits::inflight::Guard>,
    /// When each phase ran: the child spans of the request's trace ([`crate::otel`]).
    pub phases: crate::otel::Phases,
}

/// What the outer request hands to the inner one when a body above Pingora's 64 KiB replay
/// buffer is forwarded through a subrequest.
struct Handoff {
    /// The outer request's generation: the inner one runs on it too.
    gen: Arc<Generation>,
    body_len: usize,
    request_id: String,
    trace: Option<TraceContext>,
    client: Option<ClientAddr>,
    tls: bool,
    forwarded_proto: Option<&'static str>,
    principal: Option<crate::identity::Principal>,
}

/// A policy's answer to an `OPTIONS` request the router refuses, or its refusal.
type OptionsAnswer = std::result::Result<Answer, Deny>;

/// Bodies up to this size are replayed upstream from Pingora's retry buffer; larger ones go
/// through a subrequest with the body preset from memory.
const RETRY_BUFFER_BYTES: usize = 64 * 1024;

/// The one key of the in-flight counter (the whole process is one pool).
const INFLIGHT_KEY: &str = "requests";

pub struct Gateway {
    /// The generation in force; each request takes one snapshot of it (`Ctx::gen`).
    pub current: Current,
    /// Requests in flight (`limits.max_inflight`): `pingora-limits`' counter, one key.
    inflight: pingora_limits::inflight::Inflight,
}

/// Headers that describe one connection, never forwarded (RFC 9110 §7.6.1).
const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "upgrade",
];

/// Client-sent values the gateway replaces with its own.
const ASSERTED: [&str; 6] = [
    "x-forwarded-for",
    "x-forwarded-proto",
    "forwarded",
    "x-request-id",
    "traceparent",
    "tracestate",
];

impl Gateway {
    pub fn new(current: Current) -> Self {
        Gateway {
            current,
            inflight: pingora_limits::inflight::Inflight::new(),
        }
    }

    /// Write a problem+json answer and remember the denial for logging.
    async fn deny(&self, session: &mut Session, ctx: &mut Ctx, deny: Deny) -> Result<bool> {
        self.write_problem(session, ctx, &deny).await?;
        if deny == Deny::BodyTooLarge {
            linger(session).await;
        }
        ctx.denial = Some(deny);
        Ok(true)
    }

    /// The request as the plan's policies see it (`None` before a client is known).
    fn policy_request<'a>(
        &'a self,
        req: &'a RequestHeader,
        ctx: &'a Ctx,
        route: &'a Route,
    ) -> Option<crate::pipeline::Request<'a>> {
        Some(crate::pipeline::Request {
            method: &req.method,
            headers: &req.headers,
            view: &ctx.view,
            route,
            path_params: &ctx.path_params,
            client: ctx.client.as_ref()?,
            request_id: &ctx.request_id,
            auth: &ctx.gen.cfg.auth,
            ratelimit: &ctx.gen.ratelimit,
            client_cert: ctx
                .tls_digest
                .as_deref()
                .and_then(crate::clientcert::of_digest),
        })
    }

    /// Run the header phases of the route's plan, each timed as its tracing phase.
    async fn run_headers(&self, session: &Session, ctx: &mut Ctx) -> std::result::Result<(), Deny> {
        let (Some(plan), Some(route)) = (ctx.plan.clone(), ctx.route.clone()) else {
            return Ok(());
        };
        let mut d = std::mem::take(&mut ctx.decisions);
        let mut phases = std::mem::take(&mut ctx.phases);
        // Each policy's phase runs from where the one before it ended (admission's, first):
        // one clock read a policy.
        let mut done = |p: &dyn crate::pipeline::Policy| {
            let phase = match p.name() {
                "tokens" => Phase::Tokens,
                "rate-limits" => Phase::Limits,
                // Edge filters (CORS, IP lists) belong to admission.
                _ => Phase::Routing,
            };
            phases.record_next(phase);
        };
        let res = match self.policy_request(session.req_header(), ctx, &route) {
            Some(req) => plan.headers(&req, &mut d, &mut done).await,
            None => Ok(()),
        };
        ctx.decisions = d;
        ctx.phases = phases;
        res
    }

    /// An `OPTIONS` request to `path`: the first plan of the path's routes that answers it
    /// (a CORS preflight), with that route; `None` leaves it to the router.
    fn options_answer(
        &self,
        req: &RequestHeader,
        ctx: &mut Ctx,
        path: &str,
    ) -> Option<(OptionsAnswer, Arc<Route>, Arc<RoutePlan>)> {
        let gen = ctx.gen.clone();
        let (routes, params) = gen.cfg.router.path_routes(path);
        ctx.path_params = params.iter().map(|p| p.to_string()).collect();
        for route in routes {
            let Some(plan) = gen.cfg.plans.get(&route).cloned() else {
                continue;
            };
            let mut d = std::mem::take(&mut ctx.decisions);
            let answer = self
                .policy_request(req, ctx, &route)
                .and_then(|r| plan.options(&r, &mut d));
            ctx.decisions = d;
            if let Some(a) = answer {
                return Some((a, route, plan));
            }
        }
        None
    }

    /// Every check that needs no upstream. `Err(deny)` answers the client.
    fn admit(&self, session: &Session, ctx: &mut Ctx) -> std::result::Result<(), Deny> {
        let gen = ctx.gen.clone();
        let cfg = &gen.cfg;
        let req = session.req_header();
        let h2 = session.as_downstream().is_http2();

        let raw_h1 = (!h2).then(|| session.as_downstream().to_h1_raw());
        let repaired = session
            .as_downstream()
            .as_http1()
            .is_some_and(|h1| h1.request_line_repaired());
        let (view, path) = crate::edge::read_head(req, raw_h1.as_deref(), repaired, cfg)?;
        ctx.view = view;
        // A preflight a route's plan answers (CORS) is answered here, before the router: also
        // where the spec declares an OPTIONS operation of its own (the gateway's CORS settings
        // are the only ones; a service's preflight answer would contradict them).
        if req.method == http::Method::OPTIONS {
            if let Some((answer, route, plan)) = self.options_answer(req, ctx, &path) {
                ctx.canonical_path = Some(path);
                ctx.route = Some(route);
                ctx.plan = Some(plan);
                ctx.answer = Some(answer?);
                return Ok(());
            }
        }
        let route = match cfg.router.lookup(&req.method, &path) {
            RouteMatch::Found { route, params } => {
                ctx.path_params = params.iter().map(|p| p.to_string()).collect();
                route
            }
            RouteMatch::MethodNotAllowed { allow } => return Err(Deny::MethodNotAllowed { allow }),
            RouteMatch::NotFound => return Err(Deny::NotFound),
        };
        ctx.canonical_path = Some(path);
        ctx.cluster = gen.clusters.get(&route.upstream).cloned();
        ctx.plan = cfg.plans.get(&route).cloned();
        ctx.route = Some(route);
        Ok(())
    }
}

/// The gateway's downstream modules: none. Pingora's default adds its response compression
/// module, switched off (level 0), which still ran on every request: a boxed context and the
/// request, body and answer filters. The gateway never compresses answers (an upstream's
/// encoding passes through as it is).
fn downstream_modules(_modules: &mut pingora::modules::http::HttpModules) {}

/// Whether this request may be sent again after a try that reached the upstream: an
/// idempotent method (RFC 9110 §9.2.2) whose whole body is in Pingora's replay buffer, not the
/// inner request of a large body (its body is streamed once).
fn replayable(session: &Session, ctx: &Ctx) -> bool {
    !ctx.inner
        && session.req_header().method.is_idempotent()
        && !session.as_ref().retry_buffer_truncated()
}

/// One more try on another address, if the retry settings, the addresses left and the
/// budget allow it (counted by cause).
fn may_retry(c: &Cluster, ctx: &Ctx, cause: &str) -> bool {
    if ctx.inner || ctx.tries >= c.spec.retry.attempts || !c.has_other(&ctx.failed_addrs) {
        return false;
    }
    if !c.budget.try_spend() {
        metrics::UPSTREAM_RETRIES
            .with_label_values(&[&c.spec.name, "budget_exhausted"])
            .inc();
        return false;
    }
    metrics::UPSTREAM_RETRIES
        .with_label_values(&[&c.spec.name, cause])
        .inc();
    true
}

#[async_trait]
impl ProxyHttp for Gateway {
    /// Boxed: Pingora keeps the context inside each request's future, which is moved (copied)
    /// whole when it is boxed; 1.2 KiB of context there cost two copies a request.
    type CTX = Box<Ctx>;

    fn new_ctx(&self) -> Box<Ctx> {
        Box::new(Ctx {
            gen: self.current.load_full(),
            start: Instant::now(),
            request_id: String::new(),
            trace: None,
            client: None,
            canonical_path: None,
            view: Default::default(),
            route: None,
            plan: None,
            decisions: Decisions::default(),
            answer: None,
            cluster: None,
            denial: None,
            upstream_start: None,
            try_addr: None,
            failed_addrs: Vec::new(),
            tries: 0,
            body_bytes: 0,
            tls: false,
            tls_digest: None,
            forwarded_proto: None,
            path_params: Vec::new(),
            inner: false,
            inflight: None,
            phases: Default::default(),
        })
    }

    fn init_downstream_modules(&self, modules: &mut pingora::modules::http::HttpModules) {
        downstream_modules(modules)
    }

    fn allow_spawning_subrequest(&self, _session: &Session, _ctx: &Box<Ctx>) -> bool {
        true
    }

    /// What Pingora's own error lines say about the request: the method, the canonical path
    /// (never the raw target, never the query) and the request id to find the access log line.
    fn request_summary(&self, session: &Session, ctx: &Box<Ctx>) -> String {
        format!(
            "{} {} request_id={}",
            session.req_header().method,
            ctx.canonical_path.as_deref().unwrap_or("-"),
            ctx.request_id
        )
    }

    async fn request_filter(&self, session: &mut Session, ctx: &mut Box<Ctx>) -> Result<bool> {
        // The inner request of a forwarded large body runs on its outer request's generation.
        if let Some(h) = session
            .subrequest_ctx
            .as_ref()
            .and_then(|c| c.user_ctx())
            .and_then(|u| u.downcast_ref::<Handoff>())
        {
            ctx.gen = h.gen.clone();
        }
        // Who is calling, and may their forwarding headers be believed?
        let peer_ip = session
            .client_addr()
            .and_then(|a| a.as_inet())
            .map(|a| a.ip())
            .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
        let req = session.req_header();
        let xff: Vec<&str> = req
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let gen = ctx.gen.clone();
        let cfg = &gen.cfg;
        let client = forwarding::resolve(peer_ip, &xff, &cfg.trusted_proxies);
        let from_trusted = client.peer_trusted;
        ctx.request_id = req
            .headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .filter(|v| from_trusted && forwarding::valid_request_id(v))
            .map(String::from)
            .unwrap_or_else(forwarding::new_request_id);
        // A trace context is continued only from a trusted proxy: anyone else could pick the
        // trace id other requests are filed under.
        ctx.trace = Some(
            req.headers
                .get("traceparent")
                .filter(|_| from_trusted)
                .and_then(|v| v.to_str().ok())
                .and_then(TraceContext::parse)
                .map(|t| {
                    t.with_state(
                        req.headers
                            .get_all("tracestate")
                            .iter()
                            .filter_map(|v| v.to_str().ok()),
                    )
                })
                .unwrap_or_else(|| {
                    // The ratio of this request's generation: `tracing.sample_ratio` reloads.
                    let ratio = cfg.tracing.as_ref().map(|t| t.sample_ratio);
                    TraceContext::new_root(|id| crate::otel::sample_root_at(id, ratio))
                }),
        );
        if from_trusted {
            ctx.forwarded_proto = match req.headers.get("x-forwarded-proto").map(|v| v.as_bytes()) {
                Some(b"https") => Some("https"),
                Some(b"http") => Some("http"),
                _ => None,
            };
        }
        ctx.client = Some(client);
        ctx.tls_digest = session.digest().and_then(|d| d.ssl_digest.clone());
        ctx.tls = ctx.tls_digest.is_some();

        // Timeouts for the rest of this request.
        session.set_read_timeout(Some(cfg.limits.body_timeout));
        if crate::drain::draining() {
            session.set_keepalive(None);
        } else {
            session.set_keepalive(Some(cfg.limits.idle_timeout.as_secs().max(1)));
        }

        // The inner request of a forwarded large body: the outer one has decided everything;
        // keep its identity and only re-derive the route for upstream selection.
        if let Some(h) = session
            .subrequest_ctx
            .as_ref()
            .and_then(|c| c.user_ctx())
            .and_then(|u| u.downcast_ref::<Handoff>())
        {
            ctx.inner = true;
            ctx.request_id = h.request_id.clone();
            ctx.trace = h.trace.clone();
            ctx.client = h.client.clone();
            ctx.tls = h.tls;
            ctx.forwarded_proto = h.forwarded_proto;
            ctx.decisions.principal = h.principal.clone();
            ctx.body_bytes = h.body_len as u64;
        }

        if !ctx.inner {
            // Shed load at once above the configured concurrency rather than queue it.
            let (place, n) = self.inflight.incr(INFLIGHT_KEY, 1);
            ctx.inflight = Some(place);
            if n > cfg.limits.max_inflight as isize {
                metrics::SHED.inc();
                return self.deny(session, ctx, Deny::Overloaded).await;
            }
        }
        let t0 = Instant::now();
        let admitted = self.admit(session, ctx);
        ctx.phases.record(Phase::Routing, t0);
        if let Err(deny) = admitted {
            return self.deny(session, ctx, deny).await;
        }
        // Headers configured to be dropped (`_` names, method overrides) are gone before any
        // policy reads the header list.
        for h in std::mem::take(&mut ctx.view.dropped) {
            session.req_header_mut().remove_header(h.as_str());
        }
        if ctx.inner {
            return Ok(false);
        }
        // A policy answered (a CORS preflight): nothing is forwarded.
        if let Some(answer) = ctx.answer.clone() {
            self.write_answer(session, ctx, &answer).await?;
            return Ok(true);
        }
        // The route's plan, header phases: registered policies (CORS, IP lists), tokens and
        // scopes, rate limits (also counting a refused credential, so guessing is throttled).
        if let Err(deny) = self.run_headers(session, ctx).await {
            return self.deny(session, ctx, deny).await;
        }

        // The whole body is read and judged before anything goes upstream (its phase starts
        // where the header phases ended).
        let judged = self.read_and_validate(session, ctx).await;
        let judged_at = ctx.phases.record_next(Phase::Validation);
        let body = match judged? {
            Ok(b) => b,
            Err(deny) => return self.deny(session, ctx, deny).await,
        };
        if body.is_empty()
            || (body.len() <= RETRY_BUFFER_BYTES && session.get_retry_buffer().is_some())
        {
            // Pingora replays the retry buffer upstream.
            return Ok(false);
        }
        // The inner request reaches the upstream; this one times it (upstream latency, the
        // trace's `upstream` span).
        ctx.upstream_start = Some(judged_at);
        self.forward_buffered(session, ctx, body).await
    }

    async fn upstream_peer(
        &self,
        session: &mut Session,
        ctx: &mut Box<Ctx>,
    ) -> Result<Box<HttpPeer>> {
        let Some(cluster) = ctx.cluster.as_ref() else {
            return Error::e_explain(ErrorType::HTTPStatus(503), "route has no upstream cluster");
        };
        if ctx.tries == 0 {
            cluster.budget.on_request();
        }
        ctx.tries += 1;
        match cluster.peer_for(&ctx.failed_addrs, replayable(session, ctx)) {
            Some(p) => {
                ctx.upstream_start.get_or_insert_with(Instant::now);
                ctx.try_addr = p._address.as_inet().copied();
                Ok(Box::new(p))
            }
            None => Error::e_explain(ErrorType::HTTPStatus(503), "no healthy upstream address"),
        }
    }

    fn fail_to_connect(
        &self,
        _session: &mut Session,
        _peer: &HttpPeer,
        ctx: &mut Box<Ctx>,
        mut e: Box<Error>,
    ) -> Box<Error> {
        // Nothing reached the upstream: any method may go to another address.
        if let (Some(c), Some(a)) = (ctx.cluster.clone(), ctx.try_addr) {
            c.failed(&a);
            ctx.failed_addrs.push(a);
            e.set_retry(may_retry(&c, ctx, "connect"));
        }
        e
    }

    fn error_while_proxy(
        &self,
        peer: &HttpPeer,
        session: &mut Session,
        e: Box<Error>,
        ctx: &mut Box<Ctx>,
        client_reused: bool,
    ) -> Box<Error> {
        let mut e = e.more_context(format!("Peer: {peer}"));
        let replay = replayable(session, ctx) && session.response_written().is_none();
        if client_reused && matches!(e.retry, pingora::RetryType::ReusedOnly) {
            // A pooled connection the upstream had already closed: Pingora's own rule (try
            // again on a fresh connection), not a fault of the address.
            e.set_retry(replay);
            return e;
        }
        e.retry.decide_reuse(false);
        let Some(c) = ctx.cluster.clone() else {
            return e;
        };
        if e.esource() != &ErrorSource::Upstream {
            e.set_retry(false);
            return e;
        }
        if let Some(a) = ctx.try_addr {
            c.failed(&a);
            ctx.failed_addrs.push(a);
        }
        // The request may have reached the upstream: only an idempotent one goes again.
        e.set_retry(replay && may_retry(&c, ctx, "error"));
        e
    }

    async fn upstream_response_filter(
        &self,
        _session: &mut Session,
        resp: &mut ResponseHeader,
        ctx: &mut Box<Ctx>,
    ) -> Result<()> {
        if let (Some(c), Some(a)) = (&ctx.cluster, ctx.try_addr) {
            if resp.status.as_u16() >= 500 {
                c.failed(&a);
            } else if !resp.status.is_informational() {
                c.succeeded(&a);
            }
        }
        Ok(())
    }

    async fn upstream_request_filter(
        &self,
        session: &mut Session,
        up: &mut RequestHeader,
        ctx: &mut Box<Ctx>,
    ) -> Result<()> {
        if ctx.inner {
            // The preset body's exact length: without it an h2 request reaches the upstream
            // with an empty body.
            up.remove_header(http::header::TRANSFER_ENCODING.as_str());
            up.insert_header("content-length", ctx.body_bytes.to_string())?;
        }
        // The upstream sees exactly the canonical path the policies judged (a policy may
        // still remove a credential it took from the query).
        let gen = ctx.gen.clone();
        let cfg = &gen.cfg;
        if let Some(path) = &ctx.canonical_path {
            // Set only where it differs from the target the client sent (most requests are
            // already canonical): setting parses it into a URI again. `raw_path()` is the
            // target as it goes on the wire; an absolute-form one keeps its scheme and
            // authority there, so it never equals the path and is always replaced.
            let query = ctx.view.raw_query.as_deref();
            let raw = up.raw_path();
            let same = match query {
                Some(q) => {
                    raw.len() == path.len() + 1 + q.len()
                        && raw.starts_with(path.as_bytes())
                        && raw[path.len()] == b'?'
                        && raw.ends_with(q.as_bytes())
                }
                None => raw == path.as_bytes(),
            };
            if !same {
                let target = match query {
                    Some(q) => format!("{path}?{q}"),
                    None => path.clone(),
                };
                up.set_raw_path(target.as_bytes())?;
            }
        }

        // Hop-by-hop headers, including any the client listed in `Connection`.
        let listed: Vec<String> = up
            .headers
            .get_all(http::header::CONNECTION)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| {
                !s.is_empty()
                    && s != "close"
                    && s != "keep-alive"
                    && s != "content-length"
                    && s != "transfer-encoding"
                    && s != "host"
                    // The body was judged with these: the upstream must see the same.
                    && s != "content-type"
                    && s != "content-encoding"
            })
            .collect();
        // Everything the upstream must not get, found in one pass over the few headers the
        // request carries (a lookup per name never sent cost ~15 hash probes a request):
        // hop-by-hop and listed ones; values the gateway asserts itself; `Expect` (the body
        // was read in full); names a CGI/WSGI server would fold onto another header and method
        // overrides (the request view refused or dropped them; a name a spec declares is the
        // contract's); identity and other headers the configuration strips.
        let declared = &cfg.headers.declared_underscore;
        crate::forwarding::remove_headers_where(up, |k| {
            HOP_BY_HOP.contains(&k)
                || ASSERTED.contains(&k)
                || k == "expect"
                || listed.iter().any(|l| l == k)
                || (k.contains('_') && declared.binary_search_by(|d| d.as_str().cmp(k)).is_err())
                || crate::view::METHOD_OVERRIDE.contains(&k)
                || cfg.headers.must_strip(k)
        });
        // One `Content-Type`: the media type that was judged, re-serialised (unless the
        // configuration strips the name).
        if let Some(ct) = &ctx.view.content_type {
            if !cfg.headers.must_strip("content-type") {
                up.insert_header(http::header::CONTENT_TYPE, ct.to_header())?;
            }
        }

        if let Some(c) = &ctx.client {
            up.insert_header("x-forwarded-for", c.xff.as_str())?;
            let own = if ctx.tls { "https" } else { "http" };
            let proto = ctx.forwarded_proto.unwrap_or(own);
            up.insert_header("x-forwarded-proto", proto)?;
            up.insert_header(
                "forwarded",
                forwarding::forwarded_element(c.client_ip, proto),
            )?;
        }
        up.insert_header("x-request-id", ctx.request_id.as_str())?;
        if let Some(t) = &ctx.trace {
            up.insert_header("traceparent", t.child_header())?;
            if !t.state.is_empty() {
                up.insert_header("tracestate", t.state.as_str())?;
            }
        }
        if let Some(h) = ctx
            .cluster
            .as_ref()
            .and_then(|c| c.spec.host_header.as_deref())
        {
            up.insert_header("host", h)?;
        }
        // The plan's edits: credentials replaced by the verified identity and assertion.
        if let (Some(plan), Some(route)) = (&ctx.plan, &ctx.route) {
            if let Some(req) = self.policy_request(session.req_header(), ctx, route) {
                plan.upstream_request(&req, &ctx.decisions, up)?;
            }
        }
        Ok(())
    }

    async fn response_filter(
        &self,
        session: &mut Session,
        resp: &mut ResponseHeader,
        ctx: &mut Box<Ctx>,
    ) -> Result<()> {
        if crate::drain::draining() {
            // Shutting down or upgrading: this answer ends the connection, and says so.
            session.set_keepalive(None);
        }
        // One pass over the answer's headers, not a lookup per hop-by-hop name.
        let gone: Vec<http::HeaderName> = resp
            .headers
            .keys()
            .filter(|k| k.as_str() != "connection" && HOP_BY_HOP.contains(&k.as_str()))
            .cloned()
            .collect();
        for h in &gone {
            resp.remove_header(h);
        }
        resp.insert_header("x-request-id", ctx.request_id.as_str())?;
        if let Some(rl) = &ctx.decisions.ratelimit {
            resp.insert_header("ratelimit-policy", rl.policy_header())?;
            resp.insert_header("ratelimit", rl.ratelimit_header())?;
        }
        if let (Some(plan), Some(route)) = (&ctx.plan, &ctx.route) {
            if let Some(req) = self.policy_request(session.req_header(), ctx, route) {
                plan.response(&req, resp);
            }
        }
        Ok(())
    }

    async fn fail_to_proxy(
        &self,
        session: &mut Session,
        e: &Error,
        ctx: &mut Box<Ctx>,
    ) -> FailToProxy {
        let deny = deny_for_error(e);
        if let (Some(d), Some(c)) = (&deny, &ctx.cluster) {
            if d.decision() == "upstream_error" {
                metrics::UPSTREAM_ERRORS
                    .with_label_values(&[&c.spec.name, d.slug()])
                    .inc();
            }
        }
        // The connection is not reused after this (`can_reuse_downstream: false`): the answer
        // says so (`Connection: close`), or the client's next request on it would be lost.
        session.set_keepalive(None);
        let code = match &deny {
            Some(d) => {
                if session.response_written().is_none() {
                    if let Err(we) = self.write_problem(session, ctx, d).await {
                        tracing::debug!(error = %we, "could not write error response");
                    }
                }
                d.status()
            }
            None => 0,
        };
        ctx.denial = deny;
        FailToProxy {
            error_code: code,
            can_reuse_downstream: false,
        }
    }

    async fn logging(&self, session: &mut Session, e: Option<&Error>, ctx: &mut Box<Ctx>) {
        if ctx.inner {
            // Counted and logged once, by the outer request.
            return;
        }
        let status = session
            .response_written()
            .map(|r| r.status.as_u16())
            .unwrap_or(0);
        let route = ctx
            .route
            .as_ref()
            .map(|r| r.template.as_str())
            .unwrap_or("unmatched");
        let method = metrics::method_label(&session.req_header().method);
        let decision = ctx
            .denial
            .as_ref()
            .map(|d| d.decision())
            .unwrap_or(if e.is_some() {
                "aborted"
            } else if ctx.answer.is_some() {
                "answered"
            } else {
                "allowed"
            });
        // One clock read for every duration below (each read is a vDSO call).
        let now = Instant::now();
        let mut status_buf = itoa::Buffer::new();
        let status_s = status_buf.format(status);
        metrics::REQUESTS
            .with_label_values(&[route, method, status_s, decision])
            .inc();
        metrics::LATENCY
            .with_label_values(&[route, method])
            .observe(now.saturating_duration_since(ctx.start).as_secs_f64());
        if let (Some(t0), Some(c)) = (ctx.upstream_start, &ctx.cluster) {
            metrics::UPSTREAM_LATENCY
                .with_label_values(&[&c.spec.name])
                .observe(now.saturating_duration_since(t0).as_secs_f64());
        }
        if let Some(d) = &ctx.denial {
            metrics::DENIALS.with_label_values(&[d.slug()]).inc();
            crate::status::record_denial(crate::status::RecentDenial {
                at: std::time::SystemTime::now(),
                status,
                slug: d.slug(),
                reason: d.reason(),
                method,
                route: route.to_string(),
                client: ctx
                    .client
                    .as_ref()
                    .map(|c| crate::status::mask_ip(c.client_ip))
                    .unwrap_or_default(),
                request_id: ctx.request_id.clone(),
            });
            metrics::observe_decision(decision, d.slug(), &ctx.decisions.notes());
        }
        if crate::audit::pipeline::enabled() {
            crate::audit::submit(audit_record(session, e, ctx, status, decision, now));
        }
        if let (Some(t0), true) = (ctx.upstream_start, ctx.cluster.is_some()) {
            ctx.phases.record_until(Phase::Upstream, t0, now);
        }
        if crate::otel::wanted(ctx.trace.as_ref()) {
            trace_spans(session, e, ctx, status, decision);
        }
        // Field names follow OpenTelemetry's semantic conventions (the span attributes'),
        // `gateway.*` for what they do not cover.
        tracing::info!(
            target: "access",
            trace_id = %ctx.trace.as_ref().map(|t| t.trace_id.as_str()).unwrap_or(""),
            gateway.request_id = %ctx.request_id,
            client.address = %ctx.client.as_ref().map(|c| c.client_ip.to_string()).unwrap_or_default(),
            http.request.method = %method,
            http.route = %route,
            http.response.status_code = status,
            gateway.decision = %decision,
            "error.type" = %ctx.denial.as_ref().map(|d| d.slug()).unwrap_or(""),
            gateway.denial.reason = %ctx.denial.as_ref().map(|d| d.reason()).unwrap_or(""),
            gateway.client.id = %ctx.decisions.principal.as_ref().and_then(|p| p.client_key()).unwrap_or(""),
            gateway.limit = %ctx.decisions.limit.as_deref().unwrap_or(""),
            gateway.tier = %ctx.decisions.tier.as_deref().unwrap_or(""),
            gateway.rule = %ctx.decisions.rule.as_deref().unwrap_or(""),
            gateway.upstream = %ctx.cluster.as_ref().map(|c| c.spec.name.as_str()).unwrap_or(""),
            gateway.findings = %ctx.decisions.findings.iter().map(|f| format!("{}:{}", f.class.rule(), f.pointer)).collect::<Vec<_>>().join(","),
            http.server.request.duration = ctx.start.elapsed().as_secs_f64(),
        );
    }
}

#[cfg(test)]
mod tests {
    use pingora::modules::http::compression::{ResponseCompression, ResponseCompressionBuilder};
    use pingora::modules::http::HttpModules;

    #[test]
    fn no_module_runs_per_request() {
        // Pingora's default (`ProxyHttp::init_downstream_modules`): a compression module, off.
        let mut default = HttpModules::new();
        default.add_module(ResponseCompressionBuilder::enable(0));
        assert!(default.build_ctx().get::<ResponseCompression>().is_some());
        let mut ours = HttpModules::new();
        super::downstream_modules(&mut ours);
        assert!(ours.build_ctx().get::<ResponseCompression>().is_none());
    }
}
