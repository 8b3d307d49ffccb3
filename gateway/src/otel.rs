//! OpenTelemetry traces: one server span per request with a child span per phase (routing,
//! tokens, limits, validation, upstream), exported over OTLP (HTTP/protobuf) in batches, off
//! the request path.
//!
//! What it decides, and why this way:
//! - **Nothing is held across hooks.** The proxy notes each phase's start and end `Instant`s in
//!   [`Phases`] (a few clock reads per request); the spans are built once, in `logging`, and
//!   only for sampled requests. Wall-clock times are derived from the instants then, so phase
//!   spans carry their real start and end.
//! - **Span ids are chosen at the start of the request** ([`crate::forwarding::TraceContext`]):
//!   the `traceparent` forwarded upstream names the exported `upstream` span as its parent, so
//!   the upstream's own spans hang under it.
//! - **Sampling** is parent-based: a `traceparent` from a trusted proxy decides (its sampled
//!   flag); otherwise the trace id decides against `sample_ratio` (the SDK's
//!   `TraceIdRatioBased`, so every component using the same ratio agrees on a trace).
//! - **Bounded, never blocking.** Spans go through a bounded queue with `try_send`: when it is
//!   full the span is dropped and counted (`gateway_trace_spans_dropped_total{reason}`), the
//!   request never waits. A background service batches (`max_batch` or `batch_interval`,
//!   whichever comes first) and exports with a deadline (`export_timeout`); a slow or dead
//!   collector only fills the queue.

use crate::report::Report;
use crate::secret::SecretRef;
use once_cell::sync::Lazy;
use opentelemetry::trace::{
    SamplingDecision, SpanContext, SpanId, SpanKind, Status, TraceFlags, TraceId, TraceState,
};
use opentelemetry::{InstrumentationScope, KeyValue};
use opentelemetry_sdk::trace::{Sampler, ShouldSample, SpanData, SpanExporter};
use prometheus::{register_int_counter, register_int_counter_vec, IntCounter, IntCounterVec};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

/// `tracing:` in `gateway.yaml`. Absent: no spans are built or exported (the `traceparent`
/// is still propagated).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TracingFile {
    /// OTLP/HTTP traces endpoint, e.g. `http://otel-collector:4318/v1/traces`. A URL without a
    /// path gets `/v1/traces`.
    pub endpoint: String,
    /// Share of new traces (no trusted parent) that are recorded, 0.0 to 1.0. A trusted
    /// proxy's `traceparent` decides for its trace (its sampled flag).
    #[serde(default = "default_ratio")]
    pub sample_ratio: f64,
    /// Spans waiting for export; when full, new spans are dropped and counted.
    #[serde(default = "default_queue")]
    pub queue_size: usize,
    /// Most spans in one export request.
    #[serde(default = "default_batch")]
    pub max_batch: usize,
    /// A batch is sent at least this often while spans are waiting.
    #[serde(default = "default_interval", with = "humantime_serde")]
    pub batch_interval: Duration,
    /// Deadline of one export request (connect included); past it the batch is dropped.
    #[serde(default = "default_timeout", with = "humantime_serde")]
    pub export_timeout: Duration,
    /// Extra request headers (e.g. the collector's API key), each from `env` or `file`.
    #[serde(default)]
    pub headers: BTreeMap<String, SecretRef>,
    /// The `service.name` resource attribute.
    #[serde(default = "default_service")]
    pub service_name: String,
}

fn default_ratio() -> f64 {
    1.0
}
fn default_queue() -> usize {
    8192
}
fn default_batch() -> usize {
    512
}
fn default_interval() -> Duration {
    Duration::from_secs(1)
}
fn default_timeout() -> Duration {
    Duration::from_secs(5)
}
fn default_service() -> String {
    "gateway".into()
}

/// The validated `tracing:` section.
#[derive(Clone)]
pub struct TracingSettings {
    pub endpoint: String,
    pub sample_ratio: f64,
    pub queue_size: usize,
    pub max_batch: usize,
    pub batch_interval: Duration,
    pub export_timeout: Duration,
    headers: Vec<(String, crate::secret::Secret)>,
    pub service_name: String,
}

impl std::fmt::Debug for TracingSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TracingSettings")
            .field("endpoint", &self.endpoint)
            .field("sample_ratio", &self.sample_ratio)
            .field("queue_size", &self.queue_size)
            .field("max_batch", &self.max_batch)
            .field("batch_interval", &self.batch_interval)
            .field("export_timeout", &self.export_timeout)
            .field(
                "headers",
                &self.headers.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
            .field("service_name", &self.service_name)
            .finish()
    }
}

impl TracingSettings {
    /// Validate the section; every problem goes to `report` (location `tracing.<field>`).
    pub fn compile(f: &TracingFile, file: &Path, base: &Path, report: &mut Report) -> Option<Self> {
        let mut ok = true;
        let mut err = |loc: &str, msg: String| {
            report.error(file, format!("tracing.{loc}"), msg);
            ok = false;
        };
        let endpoint = match url::Url::parse(&f.endpoint) {
            Ok(u) if (u.scheme() == "http" || u.scheme() == "https") && u.host().is_some() => {
                let mut u = u;
                if u.path().is_empty() || u.path() == "/" {
                    u.set_path("/v1/traces");
                }
                u.to_string()
            }
            Ok(_) => {
                err("endpoint", "an http:// or https:// URL with a host".into());
                String::new()
            }
            Err(e) => {
                err("endpoint", format!("not a URL: {e}"));
                String::new()
            }
        };
        if !(0.0..=1.0).contains(&f.sample_ratio) {
            err(
                "sample_ratio",
                format!("{} is not between 0.0 and 1.0", f.sample_ratio),
            );
        }
        if f.queue_size == 0 || f.queue_size > 1_000_000 {
            err("queue_size", "between 1 and 1000000".into());
        }
        if f.max_batch == 0 || f.max_batch > f.queue_size.max(1) {
            err("max_batch", "between 1 and queue_size".into());
        }
        if f.batch_interval.is_zero() {
            err("batch_interval", "must be more than 0".into());
        }
        if f.export_timeout.is_zero() {
            err("export_timeout", "must be more than 0".into());
        }
        if f.service_name.trim().is_empty() {
            err("service_name", "must not be empty".into());
        }
        let mut headers = Vec::new();
        for (name, r) in &f.headers {
            if http::HeaderName::from_bytes(name.as_bytes()).is_err() {
                err(&format!("headers.{name}"), "not a valid header name".into());
                continue;
            }
            match r.resolve(base) {
                Ok(v) if http::HeaderValue::from_str(v.expose()).is_ok() => {
                    headers.push((name.clone(), v))
                }
                Ok(_) => err(
                    &format!("headers.{name}"),
                    "the value is not a valid header value".into(),
                ),
                Err(e) => err(&format!("headers.{name}"), e),
            }
        }
        ok.then(|| TracingSettings {
            endpoint,
            sample_ratio: f.sample_ratio,
            queue_size: f.queue_size,
            max_batch: f.max_batch,
            batch_interval: f.batch_interval,
            export_timeout: f.export_timeout,
            headers,
            service_name: f.service_name.clone(),
        })
    }
}

pub static SPANS_EXPORTED: Lazy<IntCounter> = Lazy::new(|| {
    register_int_counter!(
        "gateway_trace_spans_exported_total",
        "Spans the OTLP collector accepted."
    )
    .expect("metric registers once")
});

pub static SPANS_DROPPED: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_trace_spans_dropped_total",
        "Spans not exported: queue_full (the request did not wait), export_failed, export_timeout.",
        &["reason"]
    )
    .expect("metric registers once")
});

pub fn init_metrics() {
    Lazy::force(&SPANS_EXPORTED);
    for r in ["queue_full", "export_failed", "export_timeout"] {
        SPANS_DROPPED.with_label_values(&[r]);
    }
}

/// The process-wide exporter front: the sampler and the sending half of the queue.
struct Front {
    tx: tokio::sync::mpsc::Sender<SpanData>,
    sampler: Sampler,
    scope: InstrumentationScope,
}

static FRONT: OnceLock<Front> = OnceLock::new();
/// The receiving half, until the background service takes it.
static BACK: Mutex<Option<Back>> = Mutex::new(None);

struct Back {
    rx: tokio::sync::mpsc::Receiver<SpanData>,
    exporter: opentelemetry_otlp::SpanExporter,
    max_batch: usize,
    interval: Duration,
    timeout: Duration,
}

/// Whether spans are exported at all (a `tracing:` section was configured and started).
pub fn enabled() -> bool {
    FRONT.get().is_some()
}

/// The sampling decision for a new trace (no trusted parent). Without a `tracing:` section
/// every trace is marked sampled, as before export existed (the flag then only says that the
/// caller may record).
pub fn sample_root(trace_id: [u8; 16]) -> bool {
    sample_root_at(trace_id, None)
}

/// [`sample_root`] at `ratio` (the request's configuration generation's
/// `tracing.sample_ratio`, which a reload may change) instead of the ratio at start.
pub fn sample_root_at(trace_id: [u8; 16], ratio: Option<f64>) -> bool {
    match FRONT.get() {
        None => true,
        Some(f) => {
            let at;
            let sampler = match ratio {
                Some(r) => {
                    at = Sampler::TraceIdRatioBased(r);
                    &at
                }
                None => &f.sampler,
            };
            let r = sampler.should_sample(
                None,
                TraceId::from_bytes(trace_id),
                "",
                &SpanKind::Server,
                &[],
                &[],
            );
            matches!(r.decision, SamplingDecision::RecordAndSample)
        }
    }
}

/// Build the exporter and the queue, once per process. The export loop runs as a background
/// service ([`ExportService`]).
pub fn start(s: &TracingSettings) -> Result<ExportService, String> {
    use opentelemetry_otlp::{Protocol, WithExportConfig, WithHttpConfig};
    // The export deadline is enforced around `export` (counted as `export_timeout`); the
    // client's own timeout, a little later, only frees the connection.
    let client = reqwest::Client::builder()
        .timeout(s.export_timeout + Duration::from_secs(1))
        .connect_timeout(s.export_timeout)
        .build()
        .map_err(|e| format!("HTTP client: {e}"))?;
    let headers: HashMap<String, String> = s
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), v.expose().to_string()))
        .collect();
    let mut exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_http_client(client)
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(s.endpoint.clone())
        .with_timeout(s.export_timeout)
        .with_headers(headers)
        .build()
        .map_err(|e| format!("OTLP exporter: {e}"))?;
    exporter.set_resource(
        &opentelemetry_sdk::Resource::builder()
            .with_service_name(s.service_name.clone())
            .build(),
    );
    let (tx, rx) = tokio::sync::mpsc::channel(s.queue_size);
    let front = Front {
        tx,
        sampler: Sampler::TraceIdRatioBased(s.sample_ratio),
        scope: InstrumentationScope::builder("gateway")
            .with_version(env!("CARGO_PKG_VERSION"))
            .with_schema_url("https://opentelemetry.io/schemas/1.37.0")
            .build(),
    };
    if FRONT.set(front).is_err() {
        return Err("the trace exporter was already started".into());
    }
    *BACK.lock().unwrap_or_else(|e| e.into_inner()) = Some(Back {
        rx,
        exporter,
        max_batch: s.max_batch,
        interval: s.batch_interval,
        timeout: s.export_timeout,
    });
    init_metrics();
    Ok(ExportService)
}

/// The export loop (a Pingora background service): batch, export with a deadline, and on
/// shutdown send what is queued once more (within the export deadline, capped at 2 s).
pub struct ExportService;

#[async_trait::async_trait]
impl pingora::services::background::BackgroundService for ExportService {
    async fn start(&self, mut shutdown: pingora::server::ShutdownWatch) {
        let Some(mut back) = BACK.lock().unwrap_or_else(|e| e.into_inner()).take() else {
            return;
        };
        let mut batch: Vec<SpanData> = Vec::with_capacity(back.max_batch);
        let mut tick = tokio::time::interval(back.interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut failing = false;
        loop {
            tokio::select! {
                n = back.rx.recv_many(&mut batch, back.max_batch) => {
                    if n == 0 {
                        break;
                    }
                    if batch.len() < back.max_batch {
                        continue;
                    }
                }
                _ = tick.tick() => {
                    if batch.is_empty() {
                        continue;
                    }
                }
                _ = shutdown.changed() => {
                    while batch.len() < back.max_batch {
                        match back.rx.try_recv() {
                            Ok(s) => batch.push(s),
                            Err(_) => break,
                        }
                    }
                    if !batch.is_empty() {
                        let t = back.timeout.min(Duration::from_secs(2));
                        export(&back.exporter, std::mem::take(&mut batch), t, &mut failing).await;
                    }
                    return;
                }
            }
            let chunk = std::mem::replace(&mut batch, Vec::with_capacity(back.max_batch));
            export(&back.exporter, chunk, back.timeout, &mut failing).await;
        }
    }
}

async fn export(
    exporter: &opentelemetry_otlp::SpanExporter,
    batch: Vec<SpanData>,
    timeout: Duration,
    failing: &mut bool,
) {
    let n = batch.len() as u64;
    let outcome = match tokio::time::timeout(timeout, exporter.export(batch)).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(("export_failed", e.to_string())),
        Err(_) => Some(("export_timeout", format!("no answer within {timeout:?}"))),
    };
    match outcome {
        None => {
            SPANS_EXPORTED.inc_by(n);
            if std::mem::take(failing) {
                tracing::info!("trace export works again");
            }
        }
        Some((reason, why)) => {
            SPANS_DROPPED.with_label_values(&[reason]).inc_by(n);
            // Once per failure streak at warn, then quietly (the metric counts).
            if !std::mem::replace(failing, true) {
                tracing::warn!(spans = n, reason, error = %why, "trace export failed; spans dropped");
            } else {
                tracing::debug!(spans = n, reason, error = %why, "trace export failed");
            }
        }
    }
}

/// A request phase with its own child span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Routing = 0,
    Tokens = 1,
    Limits = 2,
    Validation = 3,
    Upstream = 4,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Routing,
        Phase::Tokens,
        Phase::Limits,
        Phase::Validation,
        Phase::Upstream,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Phase::Routing => "routing",
            Phase::Tokens => "tokens",
            Phase::Limits => "limits",
            Phase::Validation => "validation",
            Phase::Upstream => "upstream",
        }
    }
}

/// Start and end of each phase of one request (monotonic clock). A phase that ran twice
/// (limits after a refused token) keeps its first start and last end.
#[derive(Default, Clone, Debug)]
pub struct Phases {
    spans: [Option<(Instant, Instant)>; 5],
    /// When the phase recorded last ended: where [`Phases::record_next`] starts the next one.
    last_end: Option<Instant>,
}

impl Phases {
    /// Note that `phase` ran from `start` until now; returns now.
    pub fn record(&mut self, phase: Phase, start: Instant) -> Instant {
        let now = Instant::now();
        self.record_until(phase, start, now);
        now
    }

    /// Note that `phase` ran from where the phase recorded last ended until now (one clock
    /// read for a phase that follows another at once); returns now.
    pub fn record_next(&mut self, phase: Phase) -> Instant {
        let now = Instant::now();
        self.record_until(phase, self.last_end.unwrap_or(now), now);
        now
    }

    /// Note that `phase` ran from `start` until `now` (a time the caller read already).
    pub fn record_until(&mut self, phase: Phase, start: Instant, now: Instant) {
        let slot = &mut self.spans[phase as usize];
        *slot = Some(match *slot {
            Some((s, _)) => (s.min(start), now),
            None => (start, now),
        });
        self.last_end = Some(now);
    }

    pub fn get(&self, phase: Phase) -> Option<(Instant, Instant)> {
        self.spans[phase as usize]
    }

    /// The phase that ended last: the one a denial came from.
    pub fn last(&self) -> Option<Phase> {
        Phase::ALL
            .into_iter()
            .filter_map(|p| self.get(p).map(|(_, e)| (p, e)))
            .max_by_key(|(_, e)| *e)
            .map(|(p, _)| p)
    }
}

/// The phase a refusal came from: by its decision class, else the phase that ended last
/// (a protocol limit is hit while routing or while reading the body).
fn refusing_phase(decision: &str, phases: &Phases) -> Option<Phase> {
    let p = match decision {
        "bad_request" | "no_route" => Phase::Routing,
        "auth_failed" | "scope_denied" => Phase::Tokens,
        "rate_limited" => Phase::Limits,
        "schema_invalid" | "injection_blocked" => Phase::Validation,
        "upstream_error" => Phase::Upstream,
        _ => return phases.last(),
    };
    phases.get(p).map(|_| p)
}

/// What the server span says about a finished request (borrowed from the request context).
pub struct Finished<'a> {
    pub trace: &'a crate::forwarding::TraceContext,
    pub phases: &'a Phases,
    pub start: Instant,
    pub method: &'a str,
    pub route: Option<&'a str>,
    pub path: Option<&'a str>,
    pub scheme: &'static str,
    pub protocol_version: &'static str,
    /// `Host` / `:authority` as sent.
    pub authority: Option<&'a str>,
    pub client_ip: Option<std::net::IpAddr>,
    pub peer_ip: Option<std::net::IpAddr>,
    pub status: u16,
    pub request_id: &'a str,
    pub decision: &'static str,
    /// The denial slug and its reason (the `problem+json` type and the audit reason).
    pub denial: Option<(&'static str, &'static str)>,
    /// A Pingora error without a denial (client went away...).
    pub error: Option<&'static str>,
    pub client_id: Option<&'a str>,
    pub auth_method: Option<&'static str>,
    pub upstream: Option<&'a str>,
    pub upstream_addr: Option<std::net::SocketAddr>,
    pub upstream_tries: u32,
    pub body_bytes: u64,
}

/// Whether this request's spans are to be built (export on and the trace sampled).
pub fn wanted(trace: Option<&crate::forwarding::TraceContext>) -> bool {
    enabled() && trace.is_some_and(|t| t.sampled())
}

/// Build this request's spans and queue them for export (never waits: a full queue drops).
pub fn submit(r: &Finished<'_>) {
    let Some(front) = FRONT.get() else { return };
    for span in build(r, &front.scope) {
        if front.tx.try_send(span).is_err() {
            SPANS_DROPPED.with_label_values(&["queue_full"]).inc();
        }
    }
}

fn ctx(trace_id: TraceId, span_id: [u8; 8], sampled: bool, state: &TraceState) -> SpanContext {
    let flags = if sampled {
        TraceFlags::SAMPLED
    } else {
        TraceFlags::default()
    };
    SpanContext::new(
        trace_id,
        SpanId::from_bytes(span_id),
        flags,
        false,
        state.clone(),
    )
}

fn truncated(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// The spans of one finished request: the server span first, then one per phase that ran.
pub fn build(r: &Finished<'_>, scope: &InstrumentationScope) -> Vec<SpanData> {
    let now_i = Instant::now();
    let now_w = SystemTime::now();
    let wall = |i: Instant| now_w - now_i.saturating_duration_since(i);
    let t = r.trace;
    let trace_id = TraceId::from_bytes(t.trace_id_bytes());
    let sampled = t.sampled();
    let server_id = SpanId::from_bytes(t.span_id);
    // Validated when it was read (`forwarding::trace_state`), so it parses.
    let state = t.state.parse::<TraceState>().unwrap_or_default();
    let route = r.route.unwrap_or("");
    let name: Cow<'static, str> = if route.is_empty() {
        Cow::Owned(r.method.to_string())
    } else {
        Cow::Owned(format!("{} {route}", r.method))
    };
    let mut attrs = vec![
        KeyValue::new("http.request.method", r.method.to_string()),
        KeyValue::new("url.scheme", r.scheme),
        KeyValue::new("network.protocol.name", "http"),
        KeyValue::new("network.protocol.version", r.protocol_version),
        KeyValue::new("http.response.status_code", r.status as i64),
        KeyValue::new("gateway.request_id", r.request_id.to_string()),
        KeyValue::new("gateway.decision", r.decision),
    ];
    if let Some(route) = r.route {
        attrs.push(KeyValue::new("http.route", route.to_string()));
    }
    if let Some(p) = r.path {
        attrs.push(KeyValue::new("url.path", truncated(p, 1024)));
    }
    if let Some(a) = r
        .authority
        .and_then(|a| a.parse::<http::uri::Authority>().ok())
    {
        attrs.push(KeyValue::new(
            "server.address",
            truncated(a.host().trim_start_matches('[').trim_end_matches(']'), 255),
        ));
        if let Some(p) = a.port_u16() {
            attrs.push(KeyValue::new("server.port", p as i64));
        }
    }
    if let Some(ip) = r.client_ip {
        attrs.push(KeyValue::new("client.address", ip.to_string()));
    }
    if let Some(ip) = r.peer_ip {
        attrs.push(KeyValue::new("network.peer.address", ip.to_string()));
    }
    if r.body_bytes > 0 {
        attrs.push(KeyValue::new(
            "http.request.body.size",
            r.body_bytes.min(i64::MAX as u64) as i64,
        ));
    }
    if let Some(c) = r.client_id {
        attrs.push(KeyValue::new("gateway.client.id", truncated(c, 256)));
    }
    if let Some(m) = r.auth_method {
        attrs.push(KeyValue::new("gateway.auth.method", m));
    }
    let status = match (r.denial, r.error) {
        (Some((slug, reason)), _) => {
            attrs.push(KeyValue::new("error.type", slug));
            attrs.push(KeyValue::new("gateway.denial.reason", reason));
            Status::error(reason)
        }
        (None, Some(e)) => {
            attrs.push(KeyValue::new("error.type", e));
            Status::error(e)
        }
        (None, None) if r.status >= 500 => {
            attrs.push(KeyValue::new("error.type", r.status.to_string()));
            Status::Unset
        }
        _ => Status::Unset,
    };
    let failed_phase = if r.denial.is_some() || r.error.is_some() {
        refusing_phase(r.decision, r.phases)
    } else {
        None
    };
    let mut out = Vec::with_capacity(6);
    out.push(SpanData {
        span_context: ctx(trace_id, t.span_id, sampled, &state),
        parent_span_id: t
            .parent_id
            .map(SpanId::from_bytes)
            .unwrap_or(SpanId::INVALID),
        parent_span_is_remote: t.parent_id.is_some(),
        span_kind: SpanKind::Server,
        name,
        start_time: wall(r.start),
        end_time: now_w,
        attributes: attrs,
        dropped_attributes_count: 0,
        events: Default::default(),
        links: Default::default(),
        status: status.clone(),
        instrumentation_scope: scope.clone(),
    });
    for phase in Phase::ALL {
        let Some((s, e)) = r.phases.get(phase) else {
            continue;
        };
        let (span_id, kind) = if phase == Phase::Upstream {
            (t.upstream_span_id, SpanKind::Client)
        } else {
            (crate::forwarding::new_span_id(), SpanKind::Internal)
        };
        let mut attrs = vec![KeyValue::new("gateway.phase", phase.name())];
        if phase == Phase::Upstream {
            if let Some(u) = r.upstream {
                attrs.push(KeyValue::new("gateway.upstream", u.to_string()));
            }
            if let Some(a) = r.upstream_addr {
                attrs.push(KeyValue::new("server.address", a.ip().to_string()));
                attrs.push(KeyValue::new("server.port", a.port() as i64));
            }
            attrs.push(KeyValue::new("http.request.method", r.method.to_string()));
            if r.upstream_tries > 1 {
                attrs.push(KeyValue::new(
                    "http.request.resend_count",
                    (r.upstream_tries - 1) as i64,
                ));
            }
        }
        let status = if failed_phase == Some(phase) {
            if let Some((slug, _)) = r.denial.or(r.error.map(|e| (e, e))) {
                attrs.push(KeyValue::new("error.type", slug));
            }
            status.clone()
        } else {
            Status::Unset
        };
        out.push(SpanData {
            span_context: ctx(trace_id, span_id, sampled, &state),
            parent_span_id: server_id,
            parent_span_is_remote: false,
            span_kind: kind,
            name: Cow::Borrowed(phase.name()),
            start_time: wall(s),
            end_time: wall(e),
            attributes: attrs,
            dropped_attributes_count: 0,
            events: Default::default(),
            links: Default::default(),
            status,
            instrumentation_scope: scope.clone(),
        });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::forwarding::TraceContext;

    /// Phases recorded in turn (`record_next`) are contiguous: each starts where the one
    /// before it ended, read from one clock read each.
    #[test]
    fn phases_recorded_in_turn_start_where_the_last_ended() {
        let mut p = Phases::default();
        let t0 = Instant::now();
        let routed = p.record(Phase::Routing, t0);
        std::thread::sleep(Duration::from_millis(2));
        let tokens = p.record_next(Phase::Tokens);
        let limits = p.record_next(Phase::Limits);
        assert_eq!(p.get(Phase::Routing), Some((t0, routed)));
        assert_eq!(p.get(Phase::Tokens), Some((routed, tokens)));
        assert_eq!(p.get(Phase::Limits), Some((tokens, limits)));
        // A phase that runs again keeps its first start.
        let again = p.record_next(Phase::Tokens);
        assert_eq!(p.get(Phase::Tokens), Some((routed, again)));
    }

    fn finished<'a>(t: &'a TraceContext, p: &'a Phases, start: Instant) -> Finished<'a> {
        Finished {
            trace: t,
            phases: p,
            start,
            method: "GET",
            route: Some("/orders/{id}"),
            path: Some("/orders/7"),
            scheme: "https",
            protocol_version: "1.1",
            authority: Some("api.example.com:8443"),
            client_ip: Some("198.51.100.7".parse().unwrap()),
            peer_ip: None,
            status: 401,
            request_id: "r1",
            decision: "auth_failed",
            denial: Some(("invalid-token", "expired")),
            error: None,
            client_id: None,
            auth_method: None,
            upstream: None,
            upstream_addr: None,
            upstream_tries: 0,
            body_bytes: 0,
        }
    }

    #[test]
    fn denial_marks_the_server_span_and_the_phase_that_refused() {
        let t =
            TraceContext::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").unwrap();
        let start = Instant::now();
        let mut p = Phases::default();
        p.record(Phase::Routing, start);
        p.record(Phase::Tokens, Instant::now());
        // A refused credential still counts against the IP's limit (limits ends last).
        p.record(Phase::Limits, Instant::now());
        let scope = InstrumentationScope::builder("t").build();
        let spans = build(&finished(&t, &p, start), &scope);
        assert_eq!(spans.len(), 4);
        let root = &spans[0];
        assert_eq!(root.name, "GET /orders/{id}");
        assert_eq!(
            root.parent_span_id,
            SpanId::from_hex("00f067aa0ba902b7").unwrap()
        );
        assert!(root.parent_span_is_remote);
        assert_eq!(root.status, Status::error("expired"));
        let attr = |s: &SpanData, k: &str| {
            s.attributes
                .iter()
                .find(|kv| kv.key.as_str() == k)
                .map(|kv| kv.value.to_string())
        };
        assert_eq!(attr(root, "error.type").as_deref(), Some("invalid-token"));
        assert_eq!(
            attr(root, "server.address").as_deref(),
            Some("api.example.com")
        );
        assert_eq!(attr(root, "server.port").as_deref(), Some("8443"));
        assert_eq!(attr(root, "url.path").as_deref(), Some("/orders/7"));
        let routing = &spans[1];
        let tokens = &spans[2];
        assert_eq!(routing.name, "routing");
        assert_eq!(routing.status, Status::Unset);
        assert_eq!(tokens.status, Status::error("expired"));
        assert_eq!(spans[3].name, "limits");
        assert_eq!(spans[3].status, Status::Unset);
        assert_eq!(tokens.parent_span_id, root.span_context.span_id());
        assert!(tokens.start_time >= root.start_time && tokens.end_time <= root.end_time);
        assert_ne!(
            tokens.span_context.span_id(),
            routing.span_context.span_id()
        );
        assert_eq!(
            tokens.span_context.trace_id(),
            TraceId::from_hex("4bf92f3577b34da6a3ce929d0e0e4736").unwrap()
        );
    }

    #[test]
    fn phases_keep_first_start_and_last_end() {
        let mut p = Phases::default();
        let a = Instant::now();
        p.record(Phase::Limits, a);
        let b = Instant::now();
        p.record(Phase::Limits, b);
        let (s, e) = p.get(Phase::Limits).unwrap();
        assert_eq!(s, a);
        assert!(e >= b);
        assert_eq!(p.last(), Some(Phase::Limits));
    }
}
