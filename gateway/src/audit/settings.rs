//! The `audit:` section of `gateway.yaml`: the strict file format and its validated model.

use super::Detector;
use crate::report::Report;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `audit:` in `gateway.yaml`. Absent: no audit records (metrics still work).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditFile {
    /// Records waiting for the writer; when full, new records are dropped and counted.
    #[serde(default = "default_queue")]
    pub queue_capacity: usize,
    /// Masking detectors: `card`, `jwt`, `bearer`, `secret_names`, `email`, `iban`, `ssn`,
    /// `phone`. Default: all.
    pub detectors: Option<Vec<String>>,
    /// Request headers logged in each record (masked; secret-named ones always redacted).
    #[serde(default)]
    pub headers: Vec<String>,
    /// Ed25519 private key (PEM) signing the checkpoints.
    pub signing_key: String,
    /// Generate the key (and `<name>.pub.pem`) when the file does not exist.
    #[serde(default)]
    pub generate_key: bool,
    /// A signed checkpoint at least this often while records flow.
    #[serde(default = "default_checkpoint_interval", with = "humantime_serde")]
    pub checkpoint_interval: Duration,
    /// ... and after this many records.
    #[serde(default = "default_checkpoint_every")]
    pub checkpoint_every: u64,
    /// Rotating JSON-lines file.
    pub file: Option<FileSinkFile>,
    /// JSON lines on standard output.
    #[serde(default)]
    pub stdout: bool,
    /// Syslog (RFC 5424, octet-counted framing RFC 6587) over TCP or TLS.
    pub syslog: Option<SyslogSinkFile>,
    /// HTTP batch sink: a JSON array of records POSTed to a collector.
    pub http: Option<HttpSinkFile>,
}

fn default_queue() -> usize {
    65536
}
fn default_checkpoint_interval() -> Duration {
    Duration::from_secs(10)
}
fn default_checkpoint_every() -> u64 {
    10_000
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSinkFile {
    pub path: String,
    /// Rotate when the file would exceed this size.
    #[serde(default = "default_max_bytes")]
    pub max_bytes: u64,
    /// Rotated files kept (older ones deleted).
    #[serde(default = "default_keep")]
    pub keep: usize,
    /// `always` (fsync after each batch written), `interval` (at most every
    /// `fsync_interval`), `never` (leave it to the OS).
    #[serde(default = "default_fsync")]
    pub fsync: String,
    #[serde(default = "default_fsync_interval", with = "humantime_serde")]
    pub fsync_interval: Duration,
}

fn default_max_bytes() -> u64 {
    100 * 1024 * 1024
}
fn default_keep() -> usize {
    10
}
fn default_fsync() -> String {
    "interval".into()
}
fn default_fsync_interval() -> Duration {
    Duration::from_secs(1)
}

/// Disk spill buffer of a remote sink.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpoolFile {
    /// Directory of the buffer.
    pub dir: String,
    /// Disk budget; past it, records for this sink are dropped and counted.
    #[serde(default = "default_spool_bytes")]
    pub max_bytes: u64,
    /// Records kept in memory when the disk cannot be written (or before the first failed
    /// delivery moves the buffer to disk); past it, records are dropped and counted.
    #[serde(default = "default_spool_memory")]
    pub memory_records: usize,
}

fn default_spool_bytes() -> u64 {
    1024 * 1024 * 1024
}

fn default_spool_memory() -> usize {
    10_000
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyslogSinkFile {
    /// `host:port`.
    pub address: String,
    /// TLS to the collector: CA bundle and expected name. Absent: plain TCP.
    pub tls: Option<SyslogTlsFile>,
    /// Hostname field of the syslog header (default: the system hostname).
    pub hostname: Option<String>,
    pub spool: SpoolFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyslogTlsFile {
    pub ca: String,
    pub server_name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSinkFile {
    /// Collector URL (`https://…` or, explicitly, `http://…`).
    pub url: String,
    /// Extra headers (e.g. `Content-Type`). Secrets belong in `auth_header_env`.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Name of an environment variable holding the `Authorization` header value
    /// (`Splunk <token>`, `ApiKey <key>`).
    pub auth_header_env: Option<String>,
    /// Extra CA bundle (PEM) to trust for the collector.
    pub ca: Option<String>,
    /// Records per POST.
    #[serde(default = "default_batch")]
    pub batch_max: usize,
    #[serde(default = "default_http_timeout", with = "humantime_serde")]
    pub timeout: Duration,
    pub spool: SpoolFile,
}

fn default_batch() -> usize {
    500
}
fn default_http_timeout() -> Duration {
    Duration::from_secs(5)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fsync {
    Always,
    Interval(Duration),
    Never,
}

#[derive(Debug, Clone)]
pub struct FileSink {
    pub path: PathBuf,
    pub max_bytes: u64,
    pub keep: usize,
    pub fsync: Fsync,
}

#[derive(Debug, Clone)]
pub struct Spool {
    pub dir: PathBuf,
    pub max_bytes: u64,
    pub memory_records: usize,
}

#[derive(Debug, Clone)]
pub struct SyslogSink {
    pub address: String,
    pub tls: Option<(PathBuf, String)>,
    pub hostname: String,
    pub spool: Spool,
}

#[derive(Clone)]
pub struct HttpSink {
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// From the environment; never printed.
    pub auth: Option<String>,
    pub ca: Option<PathBuf>,
    pub batch_max: usize,
    pub timeout: Duration,
    pub spool: Spool,
}

impl std::fmt::Debug for HttpSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpSink")
            .field("url", &self.url)
            .field("batch_max", &self.batch_max)
            .finish_non_exhaustive()
    }
}

/// The validated `audit:` section.
#[derive(Debug, Clone)]
pub struct AuditSettings {
    pub queue_capacity: usize,
    pub detectors: Vec<Detector>,
    /// Lower-case names.
    pub headers: Vec<String>,
    pub signing_key: PathBuf,
    pub generate_key: bool,
    pub checkpoint_interval: Duration,
    pub checkpoint_every: u64,
    pub file: Option<FileSink>,
    pub stdout: bool,
    pub syslog: Option<SyslogSink>,
    pub http: Option<HttpSink>,
}

fn resolve(base: &Path, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

impl AuditSettings {
    /// Validate; every problem goes to `report` under `audit.…`.
    pub fn compile(f: &AuditFile, gw: &Path, base: &Path, report: &mut Report) -> Option<Self> {
        let errors_before = report.errors.len();
        if f.queue_capacity == 0 {
            report.error(gw, "audit.queue_capacity", "must be greater than 0");
        }
        let detectors = match &f.detectors {
            None => Detector::ALL.to_vec(),
            Some(list) => list
                .iter()
                .enumerate()
                .filter_map(|(i, d)| {
                    let p = Detector::parse(d);
                    if p.is_none() {
                        report.error(
                            gw,
                            format!("audit.detectors[{i}]"),
                            format!("{d:?} is not one of card, jwt, bearer, secret_names, email, iban, ssn, phone"),
                        );
                    }
                    p
                })
                .collect(),
        };
        if f.checkpoint_interval.is_zero() || f.checkpoint_every == 0 {
            report.error(
                gw,
                "audit.checkpoint_interval",
                "checkpoints must be enabled (> 0)",
            );
        }
        let signing_key = resolve(base, &f.signing_key);
        if !signing_key.exists() && !f.generate_key {
            report.error(
                gw,
                "audit.signing_key",
                format!(
                    "{} does not exist (set generate_key: true to create it)",
                    signing_key.display()
                ),
            );
        }
        let file = f.file.as_ref().and_then(|fs| {
            let fsync = match fs.fsync.as_str() {
                "always" => Fsync::Always,
                "interval" => Fsync::Interval(fs.fsync_interval),
                "never" => Fsync::Never,
                other => {
                    report.error(
                        gw,
                        "audit.file.fsync",
                        format!("{other:?} is not always, interval or never"),
                    );
                    return None;
                }
            };
            if fs.max_bytes < 4096 {
                report.error(gw, "audit.file.max_bytes", "at least 4096");
            }
            Some(FileSink {
                path: resolve(base, &fs.path),
                max_bytes: fs.max_bytes,
                keep: fs.keep,
                fsync,
            })
        });
        let spool = |s: &SpoolFile| Spool {
            dir: resolve(base, &s.dir),
            max_bytes: s.max_bytes,
            memory_records: s.memory_records,
        };
        let syslog = f.syslog.as_ref().map(|s| {
            if s.address
                .rsplit_once(':')
                .and_then(|(_, p)| p.parse::<u16>().ok())
                .is_none()
            {
                report.error(
                    gw,
                    "audit.syslog.address",
                    format!("{:?} is not host:port", s.address),
                );
            }
            SyslogSink {
                address: s.address.clone(),
                tls: s
                    .tls
                    .as_ref()
                    .map(|t| (resolve(base, &t.ca), t.server_name.clone())),
                hostname: s.hostname.clone().unwrap_or_else(hostname),
                spool: spool(&s.spool),
            }
        });
        let http = f.http.as_ref().map(|h| {
            match url::Url::parse(&h.url) {
                Ok(u) if u.scheme() == "https" || u.scheme() == "http" => {}
                _ => report.error(
                    gw,
                    "audit.http.url",
                    format!("{:?} is not an http(s) URL", h.url),
                ),
            }
            if h.batch_max == 0 {
                report.error(gw, "audit.http.batch_max", "must be greater than 0");
            }
            let auth = h
                .auth_header_env
                .as_ref()
                .and_then(|v| match std::env::var(v) {
                    Ok(val) => Some(val),
                    Err(_) => {
                        report.error(
                            gw,
                            "audit.http.auth_header_env",
                            format!("environment variable {v} is not set"),
                        );
                        None
                    }
                });
            HttpSink {
                url: h.url.clone(),
                headers: h
                    .headers
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                auth,
                ca: h.ca.as_deref().map(|c| resolve(base, c)),
                batch_max: h.batch_max,
                timeout: h.timeout,
                spool: spool(&h.spool),
            }
        });
        if file.is_none() && !f.stdout && syslog.is_none() && http.is_none() {
            report.error(
                gw,
                "audit",
                "no sink: configure file, stdout, syslog or http",
            );
        }
        if report.errors.len() > errors_before {
            return None;
        }
        Some(AuditSettings {
            queue_capacity: f.queue_capacity,
            detectors,
            headers: f.headers.iter().map(|h| h.to_ascii_lowercase()).collect(),
            signing_key,
            generate_key: f.generate_key,
            checkpoint_interval: f.checkpoint_interval,
            checkpoint_every: f.checkpoint_every,
            file,
            stdout: f.stdout,
            syslog,
            http,
        })
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "gateway".into())
}
