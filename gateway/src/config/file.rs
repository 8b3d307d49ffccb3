//! The user-facing file formats. Strict: an unknown key is an error. These structs are only
//! ever read by [`super::compile`], which turns them into the validated runtime model.

pub use crate::outlier::{OutlierFile, RetryFile};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// `gateway.yaml`: listeners, admin, limits and where the policies and specs live.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayFile {
    /// Pingora server settings.
    #[serde(default)]
    pub server: ServerFile,
    /// Public listeners. TLS unless `plaintext: true` is said explicitly.
    pub listeners: Vec<ListenerFile>,
    /// The admin listener (`/healthz`, `/readyz`, `/metrics`). Never on a public address.
    pub admin: AdminFile,
    /// Peers whose `X-Forwarded-For`, `X-Request-Id` and `traceparent` are believed (CIDRs).
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// Protocol limits.
    #[serde(default)]
    pub limits: LimitsFile,
    /// Header policy.
    #[serde(default)]
    pub headers: HeadersFile,
    /// Where the policy files and OpenAPI specs are, relative to this file.
    pub paths: PathsFile,
    /// Audit records: masking, hash chain, sinks. Absent: no audit log.
    pub audit: Option<crate::audit::settings::AuditFile>,
    /// OpenTelemetry traces exported over OTLP. Absent: no spans (docs/tracing.md).
    pub tracing: Option<crate::otel::TracingFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerFile {
    /// Worker threads per service.
    pub threads: usize,
    /// Seconds to keep serving after SIGTERM before the final shutdown.
    pub grace_period_seconds: u64,
    /// Seconds allowed for in-flight requests once the grace period ends.
    pub graceful_shutdown_timeout_seconds: u64,
    /// Idle upstream connections kept for reuse, all upstreams together, per worker thread
    /// (Pingora's one pool is bounded by this times `threads`).
    pub upstream_keepalive_pool_size: usize,
    /// One tokio runtime shared by all worker threads, which steal each other's tasks (true),
    /// or one single-threaded runtime per worker thread, each connection staying on the
    /// thread that accepted it (false: cheaper per request, docs/benchmarks.md).
    pub work_stealing: bool,
    /// Keep the spelling of each HTTP/1 header name as the client or upstream sent it (true,
    /// as nginx does), or pass on a dozen common names title-cased (`Host`, `Content-Type`)
    /// and any other in lower case (false, the default; HAProxy and Envoy lower-case them
    /// all). Header names are case-insensitive (RFC 9110 §5.1); keeping the spelling costs a
    /// second header map per message (docs/benchmarks.md). As for the rest of `server`, a
    /// reload that changes it is refused (restart or graceful upgrade).
    pub preserve_header_case: bool,
}

impl Default for ServerFile {
    fn default() -> Self {
        ServerFile {
            threads: 2,
            grace_period_seconds: 10,
            graceful_shutdown_timeout_seconds: 5,
            upstream_keepalive_pool_size: 256,
            work_stealing: false,
            preserve_header_case: false,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListenerFile {
    /// `ip:port`.
    pub address: String,
    /// Edge TLS. Required unless `plaintext: true`.
    pub tls: Option<EdgeTlsFile>,
    /// Explicit opt-out of TLS (only behind a TLS-terminating WAF).
    #[serde(default)]
    pub plaintext: bool,
    /// Ask for (`request`) or insist on (`require`) client certificates from these CAs
    /// (docs/client-certs.md).
    pub client_ca: Option<crate::clientcert::ClientCaFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeTlsFile {
    /// PEM certificate chain.
    pub cert: String,
    /// PEM private key.
    pub key: String,
    /// `"1.3"` (default) or `"1.2"`. With 1.2, only ECDHE+AEAD suites are offered.
    #[serde(default = "default_min_tls")]
    pub min_version: String,
}

fn default_min_tls() -> String {
    "1.3".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminFile {
    pub address: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsFile {
    /// Largest request header section in bytes (request line included) → 431.
    pub max_header_bytes: usize,
    /// Most header fields → 431.
    pub max_headers: usize,
    /// Largest request body → 413.
    pub max_body_bytes: u64,
    /// Longest request path in bytes → 400.
    pub max_path_bytes: usize,
    /// Time allowed for the whole request header section, from its first byte (slowloris).
    #[serde(with = "humantime_serde")]
    pub header_timeout: Duration,
    /// Longest pause while reading the request body.
    #[serde(with = "humantime_serde")]
    pub body_timeout: Duration,
    /// Time allowed for the whole request body, from the end of the header (HTTP/1 and
    /// HTTP/2): a client trickling one byte per pause cannot hold a request longer.
    #[serde(with = "humantime_serde")]
    pub body_deadline: Duration,
    /// Idle time allowed on a kept-alive client connection between requests.
    #[serde(with = "humantime_serde")]
    pub idle_timeout: Duration,
    /// Open client connections per listener process; further ones are closed at once.
    pub max_connections: usize,
    /// Requests in flight per process; past it a request is answered 503 `overloaded` with
    /// `Retry-After` at once instead of waiting.
    pub max_inflight: usize,
    /// JSON bodies: deepest nesting of arrays/objects → 400 `max-depth`.
    pub max_json_depth: usize,
    /// JSON bodies: longest string or key in bytes → 400 `max-string-length`.
    pub max_json_string_bytes: usize,
    /// JSON bodies: most items in one array → 400 `max-array-items`.
    pub max_json_array_items: usize,
    /// JSON bodies: most keys in one object → 400 `max-object-keys`.
    pub max_json_object_keys: usize,
}

impl Default for LimitsFile {
    fn default() -> Self {
        LimitsFile {
            max_header_bytes: 16 * 1024,
            max_headers: 100,
            max_body_bytes: 1024 * 1024,
            max_path_bytes: 4096,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            body_deadline: Duration::from_secs(60),
            idle_timeout: Duration::from_secs(60),
            max_connections: 10_000,
            max_inflight: 4096,
            max_json_depth: 32,
            max_json_string_bytes: 65536,
            max_json_array_items: 10_000,
            max_json_object_keys: 1_000,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HeadersFile {
    /// Client-sent headers removed before forwarding (the gateway asserts these itself).
    pub strip: Vec<String>,
    /// Client-sent headers with these prefixes are removed too.
    pub strip_prefixes: Vec<String>,
    /// Header names with `_`: `reject` (400 `underscore-header`, the default) or `drop`
    /// (removed before any policy reads them). CGI/WSGI servers read `x_user_id` as `X-User-Id`.
    pub underscores: crate::view::UnderscoreAction,
    /// `X-HTTP-Method-Override`, `X-HTTP-Method`, `X-Method-Override`: `reject` (400
    /// `method-override`, the default) or `strip` (removed before forwarding).
    pub method_override: crate::view::OverrideAction,
}

impl Default for HeadersFile {
    fn default() -> Self {
        HeadersFile {
            strip: [
                "x-user-id",
                "x-client-id",
                "x-tenant-id",
                "x-subject",
                "x-scopes",
                "x-authenticated-user",
                "x-remote-user",
                "x-real-ip",
                "x-original-url",
                "x-rewrite-url",
                "x-forwarded-host",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            strip_prefixes: vec!["x-gateway-".into(), "x-auth-".into()],
            underscores: Default::default(),
            method_override: Default::default(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathsFile {
    /// Directory of policy files (`*.yaml`), relative to the gateway file.
    pub policies: String,
    /// Directory of OpenAPI specs (`*.yaml`, `*.yml`, `*.json`), relative to the gateway file.
    pub openapi: String,
}

/// One file under `policies/`. Every section is optional; sections of all files are merged
/// and a name declared twice is an error.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    /// Named upstream clusters.
    #[serde(default)]
    pub upstreams: BTreeMap<String, UpstreamFile>,
    /// Token issuers (JWKS / discovery / shared secret / introspection).
    #[serde(default)]
    pub issuers: BTreeMap<String, crate::auth::IssuerFile>,
    /// Global auth settings (token size cap, cache, API key header).
    #[serde(default)]
    pub auth: Option<crate::auth::AuthSettingsFile>,
    /// API keys, stored as SHA-256.
    #[serde(default)]
    pub api_keys: Vec<crate::auth::ApiKeyFile>,
    /// Tenant → SLA tier.
    #[serde(default)]
    pub tenants: BTreeMap<String, crate::auth::TierRef>,
    /// Client id → SLA tier.
    #[serde(default)]
    pub clients: BTreeMap<String, crate::auth::TierRef>,
    /// Per-route overrides of the spec's security (public, scopes, token sources).
    #[serde(default)]
    pub routes: Vec<crate::auth::RoutePolicyFile>,
    /// The gateway's signed identity assertion for upstreams.
    #[serde(default)]
    pub assertion: Option<crate::auth::AssertionFile>,
    /// Client certificates verified at the edge → client id, tenant, tier and scopes
    /// (docs/client-certs.md).
    #[serde(default)]
    pub client_certificates: Vec<crate::clientcert::CertRuleFile>,
    /// Rate limits: tiers, limits, optional Redis (see `crate::ratelimit::policy`).
    pub rate_limits: Option<crate::ratelimit::policy::RateLimitsFile>,
    /// Registered policies set per route (`crate::policies`): each entry selects routes by
    /// `path` (and `method`) or `upstream` and sets policies by key (`cors`, `ip`, …).
    #[serde(default)]
    pub route_policies: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpstreamFile {
    /// `host:port` addresses, resolved once at load. Round-robin between the healthy ones.
    pub addresses: Vec<String>,
    /// mTLS to the upstream (the default). Required unless `plaintext: true`.
    pub tls: Option<UpstreamTlsFile>,
    /// Explicit opt-out of TLS; `gateway check` warns about it.
    #[serde(default)]
    pub plaintext: bool,
    /// Host header sent upstream (default: the client's).
    pub host_header: Option<String>,
    #[serde(default)]
    pub timeouts: UpstreamTimeoutsFile,
    #[serde(default)]
    pub health_check: HealthCheckFile,
    /// Passive health: addresses that fail in a row are taken out for a while.
    #[serde(default)]
    pub outlier_detection: OutlierFile,
    /// Retries on another address, per-try timeout, retry budget.
    #[serde(default)]
    pub retry: RetryFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpstreamTlsFile {
    /// PEM bundle of the CA(s) the upstream certificate must chain to.
    pub ca: String,
    /// Name the upstream certificate must carry (also sent as SNI).
    pub server_name: String,
    /// PEM client certificate the gateway presents.
    pub client_cert: String,
    /// PEM private key of the client certificate.
    pub client_key: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UpstreamTimeoutsFile {
    #[serde(with = "humantime_serde")]
    pub connect: Duration,
    #[serde(with = "humantime_serde")]
    pub read: Duration,
    #[serde(with = "humantime_serde")]
    pub write: Duration,
    /// Idle time of a pooled upstream connection before it is closed.
    #[serde(with = "humantime_serde")]
    pub idle: Duration,
}

impl Default for UpstreamTimeoutsFile {
    fn default() -> Self {
        UpstreamTimeoutsFile {
            connect: Duration::from_secs(2),
            read: Duration::from_secs(30),
            write: Duration::from_secs(30),
            idle: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HealthCheckFile {
    /// Active checks on (default). When off, every address counts as healthy and failures
    /// surface as 502/504 on requests.
    pub enabled: bool,
    /// Path of the HTTP health probe (`GET`, expects 200).
    pub path: String,
    #[serde(with = "humantime_serde")]
    pub interval: Duration,
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
}

impl Default for HealthCheckFile {
    fn default() -> Self {
        HealthCheckFile {
            enabled: true,
            path: "/healthz".into(),
            interval: Duration::from_secs(2),
            timeout: Duration::from_secs(1),
        }
    }
}
