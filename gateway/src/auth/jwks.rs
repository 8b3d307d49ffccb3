//! An issuer's verification keys at run time: a JWKS file, a JWKS URL, or OIDC discovery.
//!
//! Remote keys are refreshed in the background, honouring `Cache-Control: max-age` within
//! `[refresh_min, refresh_max]`. An unknown `kid` triggers at most one refetch per
//! `unknown_kid_interval` for the whole process (single-flight: a flood of random kids cannot
//! hammer the IdP). That fetch runs in its own task: requests wait for it at most
//! `unknown_kid_wait` (500 ms by default), so a hung IdP costs a request that bound, never the
//! fetch timeout; a fetch that finishes later serves the requests that follow. When the IdP is down the last
//! good keys stay in use and the staleness is exported (`gateway_jwks_stale`, `/readyz`).

use super::jwt::KeySet;
use arc_swap::ArcSwap;
use jsonwebtoken::Algorithm;
use once_cell::sync::Lazy;
use prometheus::{register_int_counter_vec, register_int_gauge_vec, IntCounterVec, IntGaugeVec};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub static JWKS_FETCHES: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_jwks_fetches_total",
        "JWKS fetches by issuer and result.",
        &["issuer", "result"]
    )
    .expect("metric registers once")
});
pub static JWKS_STALE: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_jwks_stale",
        "1 while an issuer's last JWKS refresh failed and the last good keys are in use.",
        &["issuer"]
    )
    .expect("metric registers once")
});
pub static JWKS_LAST_SUCCESS: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_jwks_last_success_timestamp_seconds",
        "Unix time of the last successful key load per issuer (key age = time() - this).",
        &["issuer"]
    )
    .expect("metric registers once")
});
pub static JWKS_KEYS: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_jwks_keys",
        "Verification keys loaded per issuer.",
        &["issuer"]
    )
    .expect("metric registers once")
});

/// Where the keys come from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// Loaded once at start.
    Static,
    JwksUrl(String),
    Discovery(String),
}

#[derive(Debug, Clone, Copy)]
pub struct RefreshPolicy {
    pub min: Duration,
    pub max: Duration,
    pub unknown_kid_interval: Duration,
    /// The longest a request waits for a refetch caused by an unknown `kid`.
    pub unknown_kid_wait: Duration,
}

pub struct IssuerKeys {
    pub name: String,
    pub source: KeySource,
    allowed: Vec<Algorithm>,
    /// Keys that are always present (shared-secret HMAC keys, file keys).
    fixed: KeySet,
    keys: ArcSwap<KeySet>,
    refresh: RefreshPolicy,
    http: reqwest::Client,
    generation: AtomicU64,
    /// A refetch for an unknown `kid` is running in its own task.
    refetch_running: AtomicBool,
    /// Woken when that task ends.
    refetch_done: tokio::sync::Notify,
    last_attempt: Mutex<Option<Instant>>,
    /// Last refetch caused by an unknown `kid` (rate-limited on its own, so a refresh or the
    /// start-up fetch does not delay picking up a rotated key).
    last_unknown_kid_fetch: Mutex<Option<Instant>>,
    stale: AtomicBool,
    loaded: AtomicBool,
}

impl IssuerKeys {
    pub fn new(
        name: &str,
        source: KeySource,
        allowed: Vec<Algorithm>,
        fixed: KeySet,
        refresh: RefreshPolicy,
    ) -> IssuerKeys {
        let loaded = matches!(source, KeySource::Static);
        if loaded {
            JWKS_KEYS.with_label_values(&[name]).set(fixed.len() as i64);
            JWKS_LAST_SUCCESS
                .with_label_values(&[name])
                .set(super::jwt::now_secs() as i64);
        }
        JWKS_STALE.with_label_values(&[name]).set(0);
        IssuerKeys {
            name: name.to_string(),
            source,
            allowed,
            keys: ArcSwap::from_pointee(fixed.clone()),
            fixed,
            refresh,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(5))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
            generation: AtomicU64::new(0),
            refetch_running: AtomicBool::new(false),
            refetch_done: tokio::sync::Notify::new(),
            last_attempt: Mutex::new(None),
            last_unknown_kid_fetch: Mutex::new(None),
            stale: AtomicBool::new(false),
            loaded: AtomicBool::new(loaded),
        }
    }

    pub fn current(&self) -> Arc<KeySet> {
        self.keys.load_full()
    }

    /// Keys have been loaded at least once.
    pub fn is_loaded(&self) -> bool {
        self.loaded.load(Ordering::Acquire)
    }

    pub fn is_stale(&self) -> bool {
        self.stale.load(Ordering::Acquire)
    }

    pub fn is_remote(&self) -> bool {
        !matches!(self.source, KeySource::Static)
    }

    async fn get_json(&self, url: &str) -> Result<(serde_json::Value, Option<Duration>), String> {
        let resp = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| format!("GET {url}: {e}"))?;
        if !resp.status().is_success() {
            return Err(format!("GET {url}: HTTP {}", resp.status()));
        }
        let max_age = resp
            .headers()
            .get(reqwest::header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_max_age);
        let body = resp.bytes().await.map_err(|e| format!("GET {url}: {e}"))?;
        if body.len() > 1024 * 1024 {
            return Err(format!("GET {url}: document larger than 1 MiB"));
        }
        let v = serde_json::from_slice(&body).map_err(|e| format!("GET {url}: not JSON: {e}"))?;
        Ok((v, max_age))
    }

    /// Fetch the remote keys once; returns the `max-age` the IdP asked for, if any.
    pub async fn fetch(&self) -> Result<Option<Duration>, String> {
        *self.last_attempt.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        let result = async {
            let jwks_url = match &self.source {
                KeySource::Static => return Ok(None),
                KeySource::JwksUrl(u) => u.clone(),
                KeySource::Discovery(u) => {
                    let (doc, _) = self.get_json(u).await?;
                    doc.get("jwks_uri")
                        .and_then(|v| v.as_str())
                        .map(String::from)
                        .ok_or("discovery document has no jwks_uri")?
                }
            };
            let (doc, max_age) = self.get_json(&jwks_url).await?;
            let (set, _notes) = KeySet::from_jwks(&doc, &self.allowed)?;
            if set.is_empty() {
                return Err("the JWKS holds no usable key".to_string());
            }
            let mut merged = self.fixed.clone();
            merged.by_kid.extend(set.by_kid);
            merged.anonymous.extend(set.anonymous);
            JWKS_KEYS
                .with_label_values(&[&self.name])
                .set(merged.len() as i64);
            self.keys.store(Arc::new(merged));
            Ok(max_age)
        }
        .await;
        match &result {
            Ok(_) => {
                self.generation.fetch_add(1, Ordering::AcqRel);
                self.loaded.store(true, Ordering::Release);
                if self.stale.swap(false, Ordering::AcqRel) {
                    tracing::info!(issuer = %self.name, "JWKS refresh recovered");
                }
                JWKS_STALE.with_label_values(&[&self.name]).set(0);
                JWKS_LAST_SUCCESS
                    .with_label_values(&[&self.name])
                    .set(super::jwt::now_secs() as i64);
                JWKS_FETCHES.with_label_values(&[&self.name, "ok"]).inc();
            }
            Err(e) => {
                JWKS_FETCHES.with_label_values(&[&self.name, "error"]).inc();
                if self.is_loaded() {
                    if !self.stale.swap(true, Ordering::AcqRel) {
                        tracing::warn!(issuer = %self.name, error = %e, "JWKS refresh failed: serving with the last good keys");
                    }
                    JWKS_STALE.with_label_values(&[&self.name]).set(1);
                } else {
                    tracing::warn!(issuer = %self.name, error = %e, "JWKS not loaded yet");
                }
            }
        }
        result
    }

    /// Called on an unknown `kid`: refetch at most once per interval, single-flight, in a
    /// task of its own; wait for it at most `unknown_kid_wait`. Returns true when the key set
    /// changed since the caller looked (worth retrying).
    pub async fn refetch_for_unknown_kid(self: &Arc<Self>, seen_generation: u64) -> bool {
        if !self.is_remote() {
            return false;
        }
        let changed = || self.generation.load(Ordering::Acquire) != seen_generation;
        // Registered before looking at the state, so an end in between is not missed.
        let done = self.refetch_done.notified();
        tokio::pin!(done);
        done.as_mut().enable();
        if changed() {
            return true;
        }
        if !self.refetch_running.load(Ordering::Acquire) {
            let mut last = self
                .last_unknown_kid_fetch
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if last.is_some_and(|t| t.elapsed() < self.refresh.unknown_kid_interval) {
                return false;
            }
            if self
                .refetch_running
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                // Another request started it between the load and here.
            } else {
                *last = Some(Instant::now());
                let me = self.clone();
                tokio::spawn(async move {
                    let _ = me.fetch().await;
                    me.refetch_running.store(false, Ordering::Release);
                    me.refetch_done.notify_waiters();
                });
            }
        }
        let _ = tokio::time::timeout(self.refresh.unknown_kid_wait, done).await;
        changed()
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Background refresh loop for remote sources. Keys loaded at start are refreshed after
    /// `refresh_min`; afterwards the IdP's `max-age` (clamped) sets the pace. Failures retry
    /// with a backoff capped at `refresh_min`.
    pub async fn refresh_loop(self: Arc<Self>) {
        if !self.is_remote() {
            return;
        }
        let mut next = if self.is_loaded() {
            self.refresh.min
        } else {
            Duration::ZERO
        };
        let mut backoff = Duration::from_millis(500);
        loop {
            tokio::time::sleep(next).await;
            next = match self.fetch().await {
                Ok(max_age) => {
                    backoff = Duration::from_millis(500);
                    max_age
                        .unwrap_or(self.refresh.max)
                        .clamp(self.refresh.min, self.refresh.max)
                }
                Err(_) => {
                    let b = backoff;
                    backoff = (backoff * 2).min(self.refresh.min.max(Duration::from_secs(1)));
                    b
                }
            };
        }
    }
}

/// `max-age` from a Cache-Control value.
pub fn parse_max_age(v: &str) -> Option<Duration> {
    v.split(',')
        .find_map(|d| {
            let d = d.trim();
            let (k, val) = d.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("max-age")
                .then(|| val.trim().trim_matches('"').parse::<u64>().ok())
                .flatten()
        })
        .map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age() {
        assert_eq!(
            parse_max_age("public, max-age=300"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(parse_max_age("no-cache"), None);
        assert_eq!(parse_max_age("MAX-AGE=\"5\""), Some(Duration::from_secs(5)));
    }
}
