//! Configuration: files on disk → one validated, immutable [`Config`].
//!
//! Loading never stops at the first mistake: every problem found is collected with its file
//! and location, so `gateway check` can print them all at once. Anything that could fail at
//! request time (address resolution, certificate parsing) is done here instead.

pub mod file;
mod load;
mod read;
mod upstreams;

use crate::canon::CanonOptions;
use crate::router::Router;
use crate::spec;
use file::*;
use ipnet::IpNet;
use pingora::tls::pkey::{PKey, Private};
use pingora::tls::x509::X509;
use std::collections::BTreeMap;
use std::fmt;

pub use crate::report::{list_files, parse_yaml, resolve_relative, Diagnostic, Report};
pub use crate::secret::{Secret, SecretRef};
pub use load::load;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinTls {
    V12,
    V13,
}

#[derive(Debug, Clone)]
pub struct EdgeTls {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub min_version: MinTls,
    /// Client certificates asked for on this listener (`listeners[].client_ca`).
    pub client_ca: Option<crate::clientcert::ClientCa>,
}

#[derive(Debug, Clone)]
pub struct Listener {
    pub address: SocketAddr,
    /// `None` only for an explicit `plaintext: true`.
    pub tls: Option<EdgeTls>,
}

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_header_bytes: usize,
    pub max_headers: usize,
    pub max_body_bytes: u64,
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub body_deadline: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
    pub max_inflight: usize,
}

#[derive(Debug, Clone)]
pub struct HeaderPolicy {
    /// Lower-case names.
    pub strip: Vec<String>,
    /// Lower-case prefixes.
    pub strip_prefixes: Vec<String>,
    /// Header names with `_`: refused or dropped.
    pub underscores: crate::view::UnderscoreAction,
    /// Method-override headers: refused or stripped.
    pub method_override: crate::view::OverrideAction,
    /// Header names with `_` the loaded specs declare (lower-case, sorted): read, not refused
    /// (see [`crate::view::ViewOptions::declared_underscore`]).
    pub declared_underscore: Vec<String>,
}

impl HeaderPolicy {
    pub fn must_strip(&self, lower_name: &str) -> bool {
        self.strip.iter().any(|s| s == lower_name)
            || self
                .strip_prefixes
                .iter()
                .any(|p| lower_name.starts_with(p.as_str()))
    }
}

/// Client TLS material for one upstream, parsed once.
#[derive(Clone)]
pub struct UpstreamTls {
    pub ca: Arc<Box<[X509]>>,
    pub server_name: String,
    pub client_chain: Vec<X509>,
    pub client_key: PKey<Private>,
}

impl fmt::Debug for UpstreamTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpstreamTls")
            .field("server_name", &self.server_name)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
pub struct UpstreamTimeouts {
    pub connect: Duration,
    pub read: Duration,
    pub write: Duration,
    pub idle: Duration,
}

#[derive(Debug, Clone)]
pub struct Upstream {
    pub name: String,
    pub addresses: Vec<SocketAddr>,
    pub tls: Option<UpstreamTls>,
    pub host_header: Option<String>,
    pub timeouts: UpstreamTimeouts,
    pub health_enabled: bool,
    pub health_path: String,
    pub health_interval: Duration,
    pub health_timeout: Duration,
    /// Validated `outlier_detection`.
    pub outlier: file::OutlierFile,
    /// Validated `retry`.
    pub retry: file::RetryFile,
}

#[derive(Debug, Clone)]
pub struct ServerSettings {
    pub threads: usize,
    pub grace_period_seconds: u64,
    pub graceful_shutdown_timeout_seconds: u64,
    pub upstream_keepalive_pool_size: usize,
    pub work_stealing: bool,
    pub preserve_header_case: bool,
}

/// The validated runtime model.
#[derive(Debug)]
pub struct Config {
    pub source: PathBuf,
    pub server: ServerSettings,
    pub listeners: Vec<Listener>,
    pub admin: SocketAddr,
    pub trusted_proxies: Vec<IpNet>,
    pub limits: Limits,
    pub headers: HeaderPolicy,
    pub canon: CanonOptions,
    pub upstreams: BTreeMap<String, Arc<Upstream>>,
    pub router: Router,
    pub auth: Arc<crate::auth::Auth>,
    /// Validated rate limits (empty when no policy file declares any).
    pub rate_limits: crate::ratelimit::policy::Policy,
    /// The `audit:` section, validated (`None`: no audit log).
    pub audit: Option<crate::audit::AuditSettings>,
    /// Every route's plan: the policies that apply to it, compiled (see [`crate::pipeline`]).
    pub plans: crate::pipeline::Plans,
    /// The `tracing:` section, validated (`None`: no spans exported).
    pub tracing: Option<crate::otel::TracingSettings>,
    /// `paths.policies` and `paths.openapi`, resolved: what a reload watches.
    pub policies_dir: PathBuf,
    pub openapi_dir: PathBuf,
    pub warnings: Vec<Diagnostic>,
}

impl Config {
    pub fn is_trusted_proxy(&self, ip: IpAddr) -> bool {
        self.trusted_proxies.iter().any(|n| n.contains(&ip))
    }
}
