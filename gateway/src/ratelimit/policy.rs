//! The `rate_limits` section of `policies/*.yaml` (strict serde) and its validated model.

use super::gcra::Gcra;
use crate::report::Report;
use crate::router::Router;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `rate_limits:` in a policy file. Sections of several files are merged.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RateLimitsFile {
    /// Shared state across the fleet. Without it every limit is enforced per instance.
    pub redis: Option<RedisFile>,
    /// Bounds of the in-memory state.
    pub local: Option<LocalFile>,
    /// Named SLA tiers.
    #[serde(default)]
    pub tiers: BTreeMap<String, RatesFile>,
    /// Named limits; every one that applies to a request is checked.
    #[serde(default)]
    pub limits: BTreeMap<String, LimitFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedisFile {
    /// `single` (default), `sentinel` or `cluster`.
    #[serde(default)]
    pub deployment: Deployment,
    /// `redis://host:port/db` or `rediss://` for TLS. Cluster: seed nodes. Sentinel: sentinels.
    pub urls: Vec<String>,
    /// Environment variable holding the URLs instead (comma-separated); wins over `urls`.
    pub urls_env: Option<String>,
    /// Sentinel: the monitored master's name.
    pub master_name: Option<String>,
    /// AUTH user name.
    pub username: Option<String>,
    /// Name of an environment variable holding the AUTH password (never the password itself).
    pub password_env: Option<String>,
    /// File holding the AUTH password.
    pub password_file: Option<String>,
    /// Background sync period of async limits.
    #[serde(default = "default_sync", with = "humantime_serde")]
    pub sync_interval: Duration,
    /// Deadline of one Redis call (strict check, sync batch, connect).
    #[serde(default = "default_timeout", with = "humantime_serde")]
    pub timeout: Duration,
    /// Gateway instances sharing the limits: when Redis is down each enforces `1/fleet_size`.
    #[serde(default = "one")]
    pub fleet_size: u64,
    /// Prefix of every Redis key.
    #[serde(default = "default_prefix")]
    pub key_prefix: String,
    /// Strict checks in a row past `timeout` that mark Redis down (one slow answer is load;
    /// several in a row, as every concurrent request sees when Redis hangs, are an outage).
    #[serde(default = "default_down_after")]
    pub down_after: u32,
    /// Deadline of a sync round and of the health probe (or `timeout`, if longer): past it,
    /// Redis is down. A hung Redis is noticed within `sync_interval + probe_timeout`.
    #[serde(default = "default_probe_timeout", with = "humantime_serde")]
    pub probe_timeout: Duration,
}

fn default_sync() -> Duration {
    Duration::from_millis(100)
}
/// 20 ms: with 5 ms a healthy local Redis under 16 connections of strict load timed out often
/// enough to cost 2, 408 and 1,079 spurious 503s in three 3 s runs; 20 ms and 50 ms cost none
/// (docs/faults.md).
fn default_timeout() -> Duration {
    Duration::from_millis(20)
}
fn one() -> u64 {
    1
}
fn default_down_after() -> u32 {
    3
}
fn default_probe_timeout() -> Duration {
    Duration::from_millis(500)
}
fn default_prefix() -> String {
    "gw:rl:".into()
}

#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Deployment {
    #[default]
    Single,
    Sentinel,
    Cluster,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalFile {
    /// Most buckets kept in memory (all limits together). Default 1 000 000.
    pub max_keys: Option<usize>,
}

/// A rate: at least one of `per_second` / `per_minute` / `per_hour`, optional `burst` and
/// `daily_quota`.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RatesFile {
    pub per_second: Option<u64>,
    pub per_minute: Option<u64>,
    pub per_hour: Option<u64>,
    /// Requests at once after a quiet period, for the shortest window (default: its quota).
    pub burst: Option<u64>,
    /// Requests per 24 h (refilled continuously, not at midnight).
    pub daily_quota: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitFile {
    /// What is counted: `ip` (resolved client address), `client` (the verified principal's
    /// tenant/client; anonymous requests by address), `global` (one bucket per limit).
    pub key: KeyKind,
    /// Only requests without a verified principal (the per-IP limit of anonymous traffic).
    #[serde(default)]
    pub anonymous_only: bool,
    /// Only these routes (spec path template, optional method). Default: every route.
    #[serde(default)]
    pub routes: Vec<RouteSel>,
    /// Only routes of this upstream (a global cap per upstream with `key: global`).
    pub upstream: Option<String>,
    /// Rates from the principal's tier; this tier when it has none (or an unknown one).
    pub default_tier: Option<String>,
    pub per_second: Option<u64>,
    pub per_minute: Option<u64>,
    pub per_hour: Option<u64>,
    pub burst: Option<u64>,
    pub daily_quota: Option<u64>,
    /// `async` (default): local decisions, background sync. `strict`: one Redis script per request.
    #[serde(default)]
    pub mode: Mode,
    /// When Redis is unreachable: `local` (default; each instance enforces its share) or
    /// `closed` (503).
    #[serde(default)]
    pub on_redis_failure: FailPolicy,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteSel {
    /// Path template exactly as the spec declares it (with base path).
    pub path: String,
    pub method: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum KeyKind {
    Ip,
    Client,
    Global,
}

#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Async,
    Strict,
}

#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FailPolicy {
    #[default]
    Local,
    Closed,
}

// ---------------------------------------------------------------------------------------
// Compiled model.

/// One GCRA bucket of a limit: a quota per window.
#[derive(Debug, Clone)]
pub struct Window {
    pub gcra: Gcra,
    pub quota: u64,
    pub window_secs: u64,
    /// Item name in the `RateLimit` headers.
    pub label: String,
    /// Bucket id in the local store (one per limit × tier × window): derived from the limit's
    /// and tier's names and the window, so the same bucket keeps its id across a reload that
    /// adds, removes or reorders other limits (see [`bucket_id`]).
    pub bucket: u64,
}

#[derive(Debug, Clone)]
pub enum Rates {
    Fixed(Vec<Window>),
    /// By tier index (same order as `names`, the `Policy::tier_names`); `default` indexes it too.
    Tiered {
        per_tier: Vec<Vec<Window>>,
        default: usize,
        names: std::sync::Arc<[String]>,
    },
}

impl Rates {
    /// The tier index for a principal's tier name (the default for none or an unknown one).
    pub fn tier_for(&self, tier: Option<&str>) -> usize {
        match self {
            Rates::Fixed(_) => 0,
            Rates::Tiered { names, default, .. } => tier
                .and_then(|t| names.iter().position(|n| n == t))
                .unwrap_or(*default),
        }
    }

    /// The tier name at `index`; `None` for a fixed-rate limit.
    pub fn tier_name(&self, index: usize) -> Option<&str> {
        match self {
            Rates::Fixed(_) => None,
            Rates::Tiered { names, .. } => names.get(index).map(String::as_str),
        }
    }
}

/// One validated limit: everything a decision needs (rates, key, mode, its counters) and the
/// routes it applies to. Route plans hold it (`Arc<Limit>`), so a plan carries its own limits.
#[derive(Debug, Clone)]
pub struct Limit {
    pub name: String,
    pub key: KeyKind,
    pub anonymous_only: bool,
    pub rates: Rates,
    pub mode: Mode,
    pub on_failure: FailPolicy,
    /// `routes:` selectors (method or any, path template); empty: every route.
    pub routes: Vec<(Option<http::Method>, String)>,
    /// `upstream:` selector.
    pub upstream: Option<String>,
    /// `gateway_ratelimit_decisions_total` of this limit, per tier.
    pub counters: Counters,
}

/// The decision counters of one limit, per tier index (one entry, tier `-`, for fixed rates):
/// allowed, limited, fail_local, fail_closed.
#[derive(Clone, Default)]
pub struct Counters(pub Vec<[prometheus::IntCounter; 4]>);

impl std::fmt::Debug for Counters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Counters({} tiers)", self.0.len())
    }
}

impl Counters {
    fn new(limit: &str, rates: &Rates) -> Counters {
        let tiers: Vec<&str> = match rates {
            Rates::Fixed(_) => vec!["-"],
            Rates::Tiered { names, .. } => names.iter().map(String::as_str).collect(),
        };
        Counters(
            tiers
                .into_iter()
                .map(|t| {
                    ["allowed", "limited", "fail_local", "fail_closed"]
                        .map(|r| super::metrics::DECISIONS.with_label_values(&[limit, t, r]))
                })
                .collect(),
        )
    }
}

impl Limit {
    /// Whether this limit applies to `route` (its `routes` and `upstream` selectors).
    pub fn applies_to(&self, route: &crate::router::Route) -> bool {
        let route_ok = self.routes.is_empty()
            || self.routes.iter().any(|(m, path)| {
                *path == route.template && m.as_ref().is_none_or(|m| route.method == m)
            });
        route_ok && self.upstream.as_ref().is_none_or(|u| *u == route.upstream)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RedisSettings {
    pub deployment: Deployment,
    pub urls: Vec<String>,
    pub master_name: Option<String>,
    pub username: Option<String>,
    /// Resolved at load; never printed.
    pub password: Option<crate::secret::Secret>,
    pub sync_interval: Duration,
    pub timeout: Duration,
    pub fleet_size: u64,
    pub key_prefix: String,
    pub down_after: u32,
    pub probe_timeout: Duration,
}

/// The validated `rate_limits` of all policy files.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    pub limits: Vec<std::sync::Arc<Limit>>,
    pub tier_names: Vec<String>,
    pub redis: Option<RedisSettings>,
    pub max_keys: usize,
}

impl Policy {
    pub fn tier_index(&self, name: &str) -> Option<usize> {
        self.tier_names.iter().position(|t| t == name)
    }

    /// The limits that apply to `route`, in declaration (name) order: its part of the plan.
    pub fn for_route(&self, route: &crate::router::Route) -> Vec<std::sync::Arc<Limit>> {
        self.limits
            .iter()
            .filter(|l| l.applies_to(route))
            .cloned()
            .collect()
    }
}

/// The store's id for the bucket of window `window_secs` of `name` (a limit, or
/// `limit.tier`): 64-bit FNV-1a of both, stable across processes and reloads.
pub fn bucket_id(name: &str, window_secs: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name
        .as_bytes()
        .iter()
        .chain(&[0u8])
        .chain(&window_secs.to_be_bytes())
    {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn windows(f: &Path, loc: &str, name: &str, r: &RatesFile, report: &mut Report) -> Vec<Window> {
    let mut spec: Vec<(u64, u64)> = Vec::new(); // (quota, window seconds)
    for (q, w, key) in [
        (r.per_second, 1, "per_second"),
        (r.per_minute, 60, "per_minute"),
        (r.per_hour, 3600, "per_hour"),
        (r.daily_quota, 86_400, "daily_quota"),
    ] {
        match q {
            Some(0) => report.error(f, format!("{loc}.{key}"), "must be greater than 0"),
            Some(q) if q > 1_000_000_000 => {
                report.error(f, format!("{loc}.{key}"), "must be at most 1000000000")
            }
            Some(q) => spec.push((q, w)),
            None => {}
        }
    }
    if r.per_second.is_none() && r.per_minute.is_none() && r.per_hour.is_none() {
        report.error(
            f,
            loc,
            "a rate is required: per_second, per_minute or per_hour",
        );
    }
    if r.burst == Some(0) {
        report.error(f, format!("{loc}.burst"), "must be greater than 0");
    }
    let multi = spec.len() > 1;
    spec.iter()
        .enumerate()
        .map(|(i, &(quota, w))| {
            let burst = if i == 0 {
                r.burst.unwrap_or(quota)
            } else {
                quota
            };
            Window {
                gcra: Gcra::new(quota, Duration::from_secs(w), burst),
                quota,
                window_secs: w,
                label: if multi {
                    format!("{name}-{w}s")
                } else {
                    name.to_string()
                },
                bucket: bucket_id(name, w),
            }
        })
        .collect()
}

/// Merge and validate every file's `rate_limits` against the routes and upstreams (only the
/// upstreams' names are read).
pub fn compile<U>(
    files: Vec<(PathBuf, RateLimitsFile)>,
    router: &Router,
    upstreams: &BTreeMap<String, U>,
    report: &mut Report,
) -> Policy {
    let mut p = Policy {
        max_keys: 1_000_000,
        ..Policy::default()
    };
    let mut tiers: BTreeMap<String, (PathBuf, RatesFile)> = BTreeMap::new();
    let mut limits: BTreeMap<String, (PathBuf, LimitFile)> = BTreeMap::new();
    let mut redis: Option<(PathBuf, RedisFile)> = None;
    for (f, rl) in files {
        if let Some(r) = rl.redis {
            if let Some((prev, _)) = &redis {
                report.error(
                    &f,
                    "rate_limits.redis",
                    format!("already declared in {}", prev.display()),
                );
            } else {
                redis = Some((f.clone(), r));
            }
        }
        if let Some(l) = rl.local {
            if let Some(m) = l.max_keys {
                if m < 1024 {
                    report.error(&f, "rate_limits.local.max_keys", "must be at least 1024");
                }
                p.max_keys = m;
            }
        }
        for (name, t) in rl.tiers {
            match tiers.get(&name) {
                Some((prev, _)) => report.error(
                    &f,
                    format!("rate_limits.tiers.{name}"),
                    format!("tier {name:?} is already declared in {}", prev.display()),
                ),
                None => {
                    tiers.insert(name, (f.clone(), t));
                }
            }
        }
        for (name, l) in rl.limits {
            match limits.get(&name) {
                Some((prev, _)) => report.error(
                    &f,
                    format!("rate_limits.limits.{name}"),
                    format!("limit {name:?} is already declared in {}", prev.display()),
                ),
                None => {
                    limits.insert(name, (f.clone(), l));
                }
            }
        }
    }

    if let Some((f, r)) = redis {
        p.redis = compile_redis(&f, r, report);
    }

    p.tier_names = tiers.keys().cloned().collect();
    let names: std::sync::Arc<[String]> = p.tier_names.clone().into();
    for (name, (f, _)) in &tiers {
        if !valid_name(name) {
            report.error(
                f,
                format!("rate_limits.tiers.{name}"),
                "names are [A-Za-z0-9_.-], 1 to 64 characters",
            );
        }
    }
    for (name, (f, l)) in limits {
        let loc = format!("rate_limits.limits.{name}");
        if !valid_name(&name) {
            report.error(&f, &loc, "names are [A-Za-z0-9_.-], 1 to 64 characters");
        }
        let has_rate = l.per_second.is_some() || l.per_minute.is_some() || l.per_hour.is_some();
        let rates = match (&l.default_tier, has_rate || l.daily_quota.is_some()) {
            (Some(_), true) => {
                report.error(
                    &f,
                    &loc,
                    "either `default_tier` (rates from tiers) or rates of its own, not both",
                );
                continue;
            }
            (Some(dt), false) => {
                if l.key != KeyKind::Client {
                    report.error(
                        &f,
                        format!("{loc}.default_tier"),
                        "tier rates need `key: client`",
                    );
                }
                let Some(default) = p.tier_index(dt) else {
                    report.error(
                        &f,
                        format!("{loc}.default_tier"),
                        format!("unknown tier {dt:?}"),
                    );
                    continue;
                };
                let per_tier = tiers
                    .iter()
                    .map(|(tn, (tf, t))| {
                        windows(
                            tf,
                            &format!("rate_limits.tiers.{tn}"),
                            &format!("{name}.{tn}"),
                            t,
                            report,
                        )
                    })
                    .collect();
                Rates::Tiered {
                    per_tier,
                    default,
                    names: names.clone(),
                }
            }
            (None, _) => {
                let r = RatesFile {
                    per_second: l.per_second,
                    per_minute: l.per_minute,
                    per_hour: l.per_hour,
                    burst: l.burst,
                    daily_quota: l.daily_quota,
                };
                Rates::Fixed(windows(&f, &loc, &name, &r, report))
            }
        };
        if l.burst.is_some() && l.default_tier.is_some() {
            report.error(
                &f,
                format!("{loc}.burst"),
                "bursts of tiered limits are set per tier",
            );
        }
        if let Some(u) = &l.upstream {
            if !upstreams.contains_key(u) {
                report.error(
                    &f,
                    format!("{loc}.upstream"),
                    format!("unknown upstream {u:?}"),
                );
            }
        }
        if l.mode == Mode::Strict && p.redis.is_none() {
            report.warn(
                &f,
                format!("{loc}.mode"),
                "strict mode without `rate_limits.redis`: enforced per instance only",
            );
        }
        let mut methods = Vec::new();
        for (i, r) in l.routes.iter().enumerate() {
            let m = match &r.method {
                Some(m) => match http::Method::from_bytes(m.to_ascii_uppercase().as_bytes()) {
                    Ok(m) => Some(m),
                    Err(_) => {
                        report.error(&f, format!("{loc}.routes[{i}].method"), "not a method");
                        None
                    }
                },
                None => None,
            };
            let exists = router
                .routes()
                .iter()
                .any(|rt| rt.template == r.path && m.as_ref().is_none_or(|m| rt.method == m));
            if !exists {
                report.error(
                    &f,
                    format!("{loc}.routes[{i}]"),
                    "no route with this path template (and method) in the specs",
                );
            }
            methods.push((m, r.path.clone()));
        }
        p.limits.push(std::sync::Arc::new(Limit {
            counters: Counters::new(&name, &rates),
            name,
            key: l.key,
            anonymous_only: l.anonymous_only,
            rates,
            mode: l.mode,
            on_failure: l.on_redis_failure,
            routes: methods,
            upstream: l.upstream,
        }));
    }
    p
}

fn valid_name(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 64
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
}

fn compile_redis(f: &Path, r: RedisFile, report: &mut Report) -> Option<RedisSettings> {
    let loc = "rate_limits.redis";
    let before = report.errors.len();
    let urls: Vec<String> = match &r.urls_env {
        Some(var) => match std::env::var(var) {
            Ok(v) => v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            Err(_) => {
                report.error(
                    f,
                    format!("{loc}.urls_env"),
                    format!("environment variable {var} is not set"),
                );
                Vec::new()
            }
        },
        None => r.urls.clone(),
    };
    if urls.is_empty() && r.urls_env.is_none() {
        report.error(f, format!("{loc}.urls"), "at least one URL is required");
    }
    for (i, u) in urls.iter().enumerate() {
        match url::Url::parse(u) {
            Ok(p) if p.scheme() == "redis" || p.scheme() == "rediss" => {
                if p.password().is_some() {
                    report.error(
                        f,
                        format!("{loc}.urls[{i}]"),
                        "no password in the URL: use password_env or password_file",
                    );
                }
            }
            _ => report.error(
                f,
                format!("{loc}.urls[{i}]"),
                "must be a redis:// or rediss:// URL",
            ),
        }
    }
    if r.deployment == Deployment::Sentinel && r.master_name.is_none() {
        report.error(
            f,
            format!("{loc}.master_name"),
            "required for a sentinel deployment",
        );
    }
    let password = match (&r.password_env, &r.password_file) {
        (Some(_), Some(_)) => {
            report.error(f, loc, "password_env and password_file exclude each other");
            None
        }
        (Some(var), None) => match crate::secret::from_env(var) {
            Ok(v) => Some(v),
            Err(e) => {
                report.error(f, format!("{loc}.password_env"), e);
                None
            }
        },
        (None, Some(path)) => {
            match crate::secret::from_file(f.parent().unwrap_or(Path::new(".")), path) {
                Ok(s) => Some(s),
                Err(e) => {
                    report.error(f, format!("{loc}.password_file"), e);
                    None
                }
            }
        }
        (None, None) => None,
    };
    if r.sync_interval < Duration::from_millis(1) {
        report.error(f, format!("{loc}.sync_interval"), "must be at least 1ms");
    }
    if r.timeout.is_zero() {
        report.error(f, format!("{loc}.timeout"), "must be greater than 0");
    }
    if r.fleet_size == 0 {
        report.error(f, format!("{loc}.fleet_size"), "must be at least 1");
    }
    if r.down_after == 0 {
        report.error(f, format!("{loc}.down_after"), "must be at least 1");
    }
    if r.probe_timeout.is_zero() {
        report.error(f, format!("{loc}.probe_timeout"), "must be greater than 0");
    }
    if report.errors.len() > before {
        return None;
    }
    Some(RedisSettings {
        deployment: r.deployment,
        urls,
        master_name: r.master_name,
        username: r.username,
        password,
        sync_interval: r.sync_interval,
        timeout: r.timeout,
        fleet_size: r.fleet_size,
        key_prefix: r.key_prefix,
        down_after: r.down_after,
        probe_timeout: r.probe_timeout,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redis(yaml: &str) -> (Option<RedisSettings>, Report) {
        let r: RedisFile = serde_saphyr::from_str(yaml).expect("redis settings");
        let mut report = Report::default();
        let s = compile_redis(Path::new("limits.yaml"), r, &mut report);
        (s, report)
    }

    #[test]
    fn redis_health_thresholds_default_and_are_validated() {
        let (s, report) = redis("urls: [\"redis://127.0.0.1:6379/\"]");
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let s = s.expect("settings");
        assert_eq!(s.down_after, 3);
        assert_eq!(s.probe_timeout, Duration::from_millis(500));
        assert_eq!(s.timeout, Duration::from_millis(20));

        let (s, _) = redis("{urls: [\"redis://h/\"], down_after: 5, probe_timeout: 2s}");
        let s = s.expect("settings");
        assert_eq!((s.down_after, s.probe_timeout), (5, Duration::from_secs(2)));

        let (s, report) = redis("{urls: [\"redis://h/\"], down_after: 0, probe_timeout: 0s}");
        assert!(s.is_none());
        let at: Vec<&str> = report.errors.iter().map(|e| e.location.as_str()).collect();
        assert_eq!(
            at,
            [
                "rate_limits.redis.down_after",
                "rate_limits.redis.probe_timeout"
            ]
        );
    }
}
