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
    /// The address chosen by `upstream_peer`.
    pub upstream_addr: Option<String>,
    /// The address of the current try (outlier detection, retries).
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
        let mut timed = |p: &dyn crate::pipeline::Policy, t0: Instant| {
            let phase = match p.name() {
                "tokens" => Phase::Tokens,
                "rate-limits" => Phase::Limits,
                // Edge filters (CORS, IP lists) belong to admission.
                _ => Phase::Routing,
            };
            phases.record(phase, t0);
        };
        let res = match self.policy_request(session.req_header(), ctx, &route) {
            Some(req) => plan.headers(&req, &mut d, &mut timed).await,
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

impl Gateway {
    /// Read the whole body (413 as soon as it crosses the cap), then check the request against
    /// its operation. `Ok(Some(body))`: admitted, with the body to forward.
    async fn read_and_validate(
        &self,
        session: &mut Session,
        ctx: &mut Ctx,
    ) -> Result<std::result::Result<Bytes, Deny>> {
        let gen = ctx.gen.clone();
        let cfg = &gen.cfg;
        let cap = cfg.limits.max_body_bytes as usize;
        let mut buf = Vec::new();
        if !session.is_body_empty() {
            session.enable_retry_buffering();
            // Two deadlines, for HTTP/1 and HTTP/2 alike: no pause longer than body_timeout,
            // and the whole body within body_deadline, so a trickle of one byte per pause
            // cannot hold the request (and its connection) open.
            let pause = cfg.limits.body_timeout;
            let whole = tokio::time::Instant::now() + cfg.limits.body_deadline;
            loop {
                let next = tokio::time::Instant::now() + pause;
                let read = tokio::time::timeout_at(whole.min(next), session.read_request_body());
                // A failed read is the client's doing (it went away, or stalled): say so, so
                // the request is recorded as aborted / timed out, not as a gateway error.
                let chunk = match read.await {
                    Ok(r) => r.map_err(pingora::Error::into_down)?,
                    Err(_) => return Ok(Err(Deny::BodyTimeout)),
                };
                let Some(chunk) = chunk else { break };
                if buf.len() + chunk.len() > cap {
                    return Ok(Err(Deny::BodyTooLarge));
                }
                buf.extend_from_slice(&chunk);
            }
        }
        ctx.body_bytes = buf.len() as u64;
        // The body phases of the route's plan (validation).
        let (Some(plan), Some(route)) = (ctx.plan.clone(), ctx.route.clone()) else {
            return Ok(Ok(Bytes::from(buf)));
        };
        let mut d = std::mem::take(&mut ctx.decisions);
        let res = match self.policy_request(session.req_header(), ctx, &route) {
            Some(req) => plan.body(&req, &buf, &mut d),
            None => Ok(()),
        };
        ctx.decisions = d;
        Ok(res.map(|()| Bytes::from(buf)))
    }

    /// Forward a validated body larger than the replay buffer: run the request again as a
    /// subrequest whose body is the bytes already read (Pingora's subrequest API, see
    /// PINGORA-NOTES "Bodies above 64 KiB").
    async fn forward_buffered(
        &self,
        session: &mut Session,
        ctx: &mut Ctx,
        body: Bytes,
    ) -> Result<bool> {
        let Some(spawner) = session.subrequest_spawner.take() else {
            return self.deny(session, ctx, Deny::Internal).await;
        };
        // The subrequest re-parses the header as HTTP/1.1: give an h2 request a Host.
        let h2 = session.as_downstream().is_http2();
        let version = session.req_header().version;
        let mut added_host = false;
        if h2
            && !session
                .req_header()
                .headers
                .contains_key(http::header::HOST)
        {
            if let Some(a) = session.req_header().uri.authority().map(|a| a.to_string()) {
                session.req_header_mut().insert_header("host", a)?;
                added_host = true;
            }
        }
        session.req_header_mut().set_version(http::Version::HTTP_11);
        let handoff = Handoff {
            gen: ctx.gen.clone(),
            body_len: body.len(),
            request_id: ctx.request_id.clone(),
            trace: ctx.trace.clone(),
            client: ctx.client.clone(),
            tls: ctx.tls,
            forwarded_proto: ctx.forwarded_proto,
            principal: ctx.decisions.principal.clone(),
        };
        let sub = SubCtx::builder()
            .body_mode(BodyMode::ExpectBody)
            .user_ctx(Box::new(handoff))
            .build();
        let (prepared, handle) = spawner.create_subrequest(session.as_downstream(), sub);
        session.req_header_mut().set_version(version);
        if added_host {
            session.req_header_mut().remove_header("host");
        }
        session.subrequest_spawner = Some(spawner);
        let res = pipe_subrequest(
            session,
            prepared,
            handle,
            |t| Ok(Some(t)),
            InputBodyType::Preset(InputBody::Bytes(vec![body])),
        )
        .await;
        match res {
            Ok(mut state) => {
                if let Some(j) = state.join_handle.take() {
                    let _ = j.await;
                }
            }
            Err(e) => {
                tracing::debug!(error = ?e.error, "subrequest failed");
                if session.response_written().is_none() {
                    return self.deny(session, ctx, Deny::UpstreamFailed).await;
                }
            }
        }
        Ok(true)
    }
}

/// After an early answer to a body still in flight (413), read and discard a bounded amount of
/// it before the connection closes (nginx's "lingering close"): closing a socket with unread
/// data makes the kernel send a reset, and the client would lose the answer it has not read
/// yet. Bounded in bytes and time, so a large or slow body costs little.
async fn linger(session: &mut Session) {
    const MAX_BYTES: usize = 8 * 1024 * 1024;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(2);
    let mut drained = 0usize;
    while drained < MAX_BYTES {
        match tokio::time::timeout_at(deadline, session.read_request_body()).await {
            Ok(Ok(Some(chunk))) => drained += chunk.len(),
            _ => break,
        }
    }
}

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

impl Gateway {
    /// A response header the gateway writes itself, with the plan's edits (CORS headers).
    fn own_response(&self, session: &Session, ctx: &Ctx, status: u16) -> Result<ResponseHeader> {
        let mut resp = ResponseHeader::build(status, Some(8))?;
        if let (Some(plan), Some(route)) = (&ctx.plan, &ctx.route) {
            if let Some(req) = self.policy_request(session.req_header(), ctx, route) {
                plan.response(&req, &mut resp);
            }
        }
        Ok(resp)
    }

    /// A policy's own answer (a CORS preflight): no body, nothing forwarded.
    async fn write_answer(&self, session: &mut Session, ctx: &Ctx, a: &Answer) -> Result<()> {
        let mut resp = self.own_response(session, ctx, a.status)?;
        for (k, v) in &a.headers {
            resp.insert_header(k.clone(), v.clone())?;
        }
        resp.insert_header("content-length", "0")?;
        resp.insert_header("x-request-id", ctx.request_id.as_str())?;
        if crate::drain::draining() {
            session.set_keepalive(None);
            resp.insert_header("connection", "close")?;
        }
        session.write_response_header(Box::new(resp), true).await
    }

    async fn write_problem(&self, session: &mut Session, ctx: &Ctx, deny: &Deny) -> Result<()> {
        let resp = self.own_response(session, ctx, deny.status())?;
        write_problem(session, ctx, deny, resp).await
    }
}

async fn write_problem(
    session: &mut Session,
    ctx: &Ctx,
    deny: &Deny,
    mut resp: ResponseHeader,
) -> Result<()> {
    let body = deny.body(&ctx.request_id);
    resp.insert_header("content-type", PROBLEM_JSON)?;
    resp.insert_header("content-length", body.len().to_string())?;
    resp.insert_header("cache-control", "no-store")?;
    resp.insert_header("x-request-id", ctx.request_id.as_str())?;
    for (k, v) in deny.headers() {
        resp.insert_header(k, v)?;
    }
    if deny.closes_connection() || crate::drain::draining() {
        session.set_keepalive(None);
        resp.insert_header("connection", "close")?;
    }
    let head = session.req_header().method == http::Method::HEAD;
    session.write_response_header(Box::new(resp), head).await?;
    if !head {
        session
            .write_response_body(Some(Bytes::from(body)), true)
            .await?;
    }
    Ok(())
}

/// Map a Pingora error to the denial the client sees.
fn deny_for_error(e: &Error) -> Option<Deny> {
    use ErrorType::*;
    match e.etype() {
        HTTPStatus(413) => Some(Deny::BodyTooLarge),
        HTTPStatus(503) => Some(Deny::UpstreamUnavailable),
        HTTPStatus(504) => Some(Deny::UpstreamTimeout),
        HTTPStatus(400) => Some(Deny::BadFraming),
        HTTPStatus(_) => Some(Deny::UpstreamFailed),
        _ => match e.esource() {
            ErrorSource::Upstream => match e.etype() {
                ConnectTimedout | ReadTimedout | WriteTimedout | TLSHandshakeTimedout => {
                    Some(Deny::UpstreamTimeout)
                }
                _ => Some(Deny::UpstreamFailed),
            },
            ErrorSource::Downstream => match e.etype() {
                ReadTimedout => Some(Deny::BodyTimeout),
                WriteError | ReadError | ConnectionClosed | WriteTimedout => None,
                _ => Some(Deny::BadFraming),
            },
            ErrorSource::Internal | ErrorSource::Unset => Some(Deny::Internal),
        },
    }
}

#[async_trait]
impl ProxyHttp for Gateway {
    type CTX = Ctx;

    fn new_ctx(&self) -> Ctx {
        Ctx {
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
            upstream_addr: None,
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
        }
    }

    fn allow_spawning_subrequest(&self, _session: &Session, _ctx: &Ctx) -> bool {
        true
    }

    /// What Pingora's own error lines say about the request: the method, the canonical path
    /// (never the raw target, never the query) and the request id to find the access log line.
    fn request_summary(&self, session: &Session, ctx: &Ctx) -> String {
        format!(
            "{} {} request_id={}",
            session.req_header().method,
            ctx.canonical_path.as_deref().unwrap_or("-"),
            ctx.request_id
        )
    }

    async fn request_filter(&self, session: &mut Session, ctx: &mut Ctx) -> Result<bool> {
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
                .unwrap_or_else(|| TraceContext::new_root(crate::otel::sample_root)),
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

        // The whole body is read and judged before anything goes upstream.
        let t0 = Instant::now();
        let judged = self.read_and_validate(session, ctx).await;
        ctx.phases.record(Phase::Validation, t0);
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
        ctx.upstream_start = Some(Instant::now());
        self.forward_buffered(session, ctx, body).await
    }

    async fn upstream_peer(&self, session: &mut Session, ctx: &mut Ctx) -> Result<Box<HttpPeer>> {
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
                ctx.upstream_addr = Some(p._address.to_string());
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
        ctx: &mut Ctx,
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
        ctx: &mut Ctx,
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
        ctx: &mut Ctx,
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
        ctx: &mut Ctx,
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
            let query = ctx.view.forwarded_query(None);
            let target = match query {
                Some(q) => format!("{path}?{q}"),
                None => path.clone(),
            };
            up.set_raw_path(target.as_bytes())?;
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
        for h in HOP_BY_HOP
            .iter()
            .copied()
            .chain(listed.iter().map(|s| s.as_str()))
        {
            up.remove_header(h);
        }
        for h in ASSERTED {
            up.remove_header(h);
        }
        // The body was read in full before forwarding: no `Expect` upstream.
        up.remove_header(&http::header::EXPECT);
        // Names a CGI/WSGI server would fold onto another header, and method overrides: the
        // request view refused or dropped them; never forwarded either way.
        let folded: Vec<String> = up
            .headers
            .keys()
            .map(|k| k.as_str())
            .filter(|k| k.contains('_') || crate::view::METHOD_OVERRIDE.contains(k))
            .map(String::from)
            .collect();
        for h in folded {
            up.remove_header(h.as_str());
        }
        // One `Content-Type`: the media type that was judged, re-serialised.
        if let Some(ct) = &ctx.view.content_type {
            up.insert_header(http::header::CONTENT_TYPE, ct.to_header())?;
        }
        // Identity and other asserted headers the client must not set.
        let strip: Vec<String> = up
            .headers
            .keys()
            .map(|k| k.as_str())
            .filter(|k| cfg.headers.must_strip(k))
            .map(String::from)
            .collect();
        for h in strip {
            up.remove_header(h.as_str());
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
        ctx: &mut Ctx,
    ) -> Result<()> {
        if crate::drain::draining() {
            // Shutting down or upgrading: this answer ends the connection, and says so.
            session.set_keepalive(None);
        }
        for h in HOP_BY_HOP {
            if h != "connection" {
                resp.remove_header(h);
            }
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

    async fn fail_to_proxy(&self, session: &mut Session, e: &Error, ctx: &mut Ctx) -> FailToProxy {
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

    async fn logging(&self, session: &mut Session, e: Option<&Error>, ctx: &mut Ctx) {
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
        let status_s = status.to_string();
        metrics::REQUESTS
            .with_label_values(&[route, method, &status_s, decision])
            .inc();
        metrics::LATENCY
            .with_label_values(&[route, method])
            .observe(ctx.start.elapsed().as_secs_f64());
        if let (Some(t0), Some(c)) = (ctx.upstream_start, &ctx.cluster) {
            metrics::UPSTREAM_LATENCY
                .with_label_values(&[&c.spec.name])
                .observe(t0.elapsed().as_secs_f64());
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
            crate::audit::submit(audit_record(session, e, ctx, status, decision));
        }
        if let (Some(t0), true) = (ctx.upstream_start, ctx.cluster.is_some()) {
            ctx.phases.record(Phase::Upstream, t0);
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

/// Queue the spans of a finished, sampled request (see [`crate::otel`]).
fn trace_spans(
    session: &Session,
    e: Option<&Error>,
    ctx: &Ctx,
    status: u16,
    decision: &'static str,
) {
    let Some(trace) = &ctx.trace else { return };
    let req = session.req_header();
    let authority = req.uri.authority().map(|a| a.as_str()).or_else(|| {
        req.headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
    });
    let p = ctx.decisions.principal.as_ref();
    crate::otel::submit(&crate::otel::Finished {
        trace,
        phases: &ctx.phases,
        start: ctx.start,
        method: req.method.as_str(),
        route: ctx.route.as_ref().map(|r| r.template.as_str()),
        path: ctx.canonical_path.as_deref(),
        scheme: if ctx.tls { "https" } else { "http" },
        protocol_version: match req.version {
            http::Version::HTTP_2 => "2",
            http::Version::HTTP_10 => "1.0",
            _ => "1.1",
        },
        authority,
        client_ip: ctx.client.as_ref().map(|c| c.client_ip),
        peer_ip: ctx.client.as_ref().map(|c| c.peer_ip),
        status,
        request_id: &ctx.request_id,
        decision,
        denial: ctx.denial.as_ref().map(|d| (d.slug(), d.reason())),
        error: e
            .filter(|_| ctx.denial.is_none())
            .map(|e| e.etype().as_str()),
        client_id: p.and_then(|p| p.client_key()),
        auth_method: p.map(|p| p.method.as_str()),
        upstream: ctx.cluster.as_ref().map(|c| c.spec.name.as_str()),
        upstream_addr: ctx.upstream_addr.as_deref(),
        upstream_tries: ctx.tries,
        body_bytes: ctx.body_bytes,
    });
}

/// The audit record of a finished request (masking happens on the writer thread).
fn audit_record(
    session: &Session,
    e: Option<&Error>,
    ctx: &Ctx,
    status: u16,
    decision: &'static str,
) -> crate::audit::Record {
    let req = session.req_header();
    let ssl = session.digest().and_then(|d| d.ssl_digest.as_ref());
    let header = |n: &str| req.headers.get(n).and_then(|v| v.to_str().ok());
    let p = ctx.decisions.principal.as_ref();
    let raw_path = if ctx.canonical_path.is_none() {
        let raw = req.raw_path();
        let end = raw.iter().position(|&b| b == b'?').unwrap_or(raw.len());
        Some(String::from_utf8_lossy(&raw[..end]).into_owned())
    } else {
        None
    };
    crate::audit::Record {
        time: Some(std::time::SystemTime::now()),
        request_id: ctx.request_id.clone(),
        trace_id: ctx.trace.as_ref().map(|t| t.trace_id.clone()),
        client_ip: ctx.client.as_ref().map(|c| c.client_ip),
        peer_ip: ctx
            .client
            .as_ref()
            .filter(|c| c.peer_ip != c.client_ip)
            .map(|c| c.peer_ip),
        auth_method: p.map(|p| p.method.as_str()),
        client_id: p.and_then(|p| p.client_id.clone()),
        subject: p.and_then(|p| p.subject.clone()),
        tenant: p.and_then(|p| p.tenant.clone()),
        api_key_id: p.and_then(|p| p.api_key_id.clone()),
        method: req.method.as_str().to_string(),
        route: ctx.route.as_ref().map(|r| r.template.clone()),
        path: ctx.canonical_path.clone(),
        raw_path,
        query: ctx.view.raw_query.clone(),
        status,
        decision,
        reason: ctx.denial.as_ref().map(|d| d.reason()),
        notes: crate::audit::Notes {
            tier: ctx
                .decisions
                .tier
                .clone()
                .or_else(|| p.and_then(|p| p.tier.clone())),
            ..ctx.decisions.notes()
        },
        upstream: ctx.cluster.as_ref().map(|c| c.spec.name.clone()),
        upstream_addr: ctx.upstream_addr.clone(),
        bytes_in: session.body_bytes_read() as u64,
        bytes_out: session.body_bytes_sent() as u64,
        duration_us: ctx.start.elapsed().as_micros() as u64,
        upstream_us: ctx.upstream_start.map(|t| t.elapsed().as_micros() as u64),
        tls_version: ssl.map(|s| s.version.to_string()),
        tls_cipher: ssl.map(|s| s.cipher.to_string()),
        client_cert_sha256: crate::clientcert::of_session(session).map(|c| c.sha256.clone()),
        user_agent: header("user-agent").map(String::from),
        headers: crate::audit::pipeline::logged_headers()
            .iter()
            .filter_map(|n| header(n).map(|v| (n.clone(), v.to_string())))
            .collect(),
        error: e.map(|e| e.etype().as_str().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_mapping() {
        let e = Error::new(ErrorType::HTTPStatus(413));
        assert_eq!(deny_for_error(&e), Some(Deny::BodyTooLarge));
        let mut e = Error::new(ErrorType::ConnectTimedout);
        e.as_up();
        assert_eq!(deny_for_error(&e), Some(Deny::UpstreamTimeout));
        let mut e = Error::new(ErrorType::TLSHandshakeFailure);
        e.as_up();
        assert_eq!(deny_for_error(&e), Some(Deny::UpstreamFailed));
        let mut e = Error::new(ErrorType::ConnectionClosed);
        e.as_down();
        assert_eq!(deny_for_error(&e), None);
    }
}
