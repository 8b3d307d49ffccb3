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

    /// Fetch the remote keys once; returns the `max-age` the IdP asked for, if any. A static
    /// issuer has nothing to fetch: nothing is counted or changed.
    pub async fn fetch(&self) -> Result<Option<Duration>, String> {
        if !self.is_remote() {
            return Ok(None);
        }
        *self.last_attempt.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        let result = async {
            let jwks_url = match &self.source {
                KeySource::Static => return Ok(None), // not reached: returned above
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
    use base64::Engine;
    use std::collections::HashMap;

    /// A real IdP on loopback (`crate::testhttp`): answers GETs by path from a table that the
    /// test changes as it goes (status, extra header line, body), counts the requests per
    /// path, and, while `hang` is set, reads a request and never answers it.
    struct Idp {
        base: String,
        answers: Arc<Mutex<HashMap<String, (u16, String, String)>>>,
        hits: Arc<Mutex<HashMap<String, usize>>>,
        hang: Arc<AtomicBool>,
    }

    impl Idp {
        async fn start() -> Idp {
            let answers: Arc<Mutex<HashMap<String, (u16, String, String)>>> = Arc::default();
            let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
            let hang: Arc<AtomicBool> = Arc::default();
            let (a, h, g) = (answers.clone(), hits.clone(), hang.clone());
            let addr = crate::testhttp::serve(move |r| {
                *h.lock().unwrap().entry(r.path.clone()).or_default() += 1;
                if g.load(Ordering::SeqCst) {
                    return crate::testhttp::Answer::Hang;
                }
                let (status, header, body) = a.lock().unwrap().get(&r.path).cloned().unwrap_or((
                    404,
                    String::new(),
                    String::new(),
                ));
                crate::testhttp::Answer::Reply(status, header, body)
            })
            .await;
            Idp {
                base: format!("http://{addr}"),
                answers,
                hits,
                hang,
            }
        }

        fn answer(&self, path: &str, status: u16, header: &str, body: &str) {
            self.answers
                .lock()
                .unwrap()
                .insert(path.into(), (status, header.into(), body.into()));
        }

        fn hits(&self, path: &str) -> usize {
            self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
        }

        fn url(&self, path: &str) -> String {
            format!("{}{path}", self.base)
        }
    }

    /// A JWKS document of Ed25519 keys with these kids.
    fn jwks(kids: &[&str]) -> String {
        let keys: Vec<_> = kids
            .iter()
            .map(|kid| {
                let k = openssl::pkey::PKey::generate_ed25519().unwrap();
                let x = base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(k.raw_public_key().unwrap());
                serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid})
            })
            .collect();
        serde_json::json!({ "keys": keys }).to_string()
    }

    fn policy(interval_ms: u64, wait_ms: u64) -> RefreshPolicy {
        RefreshPolicy {
            min: Duration::from_secs(3600),
            max: Duration::from_secs(7200),
            unknown_kid_interval: Duration::from_millis(interval_ms),
            unknown_kid_wait: Duration::from_millis(wait_ms),
        }
    }

    fn issuer(name: &str, source: KeySource, fixed: &[&str], p: RefreshPolicy) -> Arc<IssuerKeys> {
        let doc: serde_json::Value = serde_json::from_str(&jwks(fixed)).unwrap();
        let (fixed, _) = KeySet::from_jwks(&doc, &[Algorithm::EdDSA]).unwrap();
        Arc::new(IssuerKeys::new(
            name,
            source,
            vec![Algorithm::EdDSA],
            fixed,
            p,
        ))
    }

    fn kids(k: &IssuerKeys) -> Vec<String> {
        let mut v: Vec<String> = k.current().by_kid.keys().cloned().collect();
        v.sort();
        v
    }

    fn gauge(g: &IntGaugeVec, name: &str) -> i64 {
        g.with_label_values(&[name]).get()
    }

    fn fetches(name: &str, result: &str) -> u64 {
        JWKS_FETCHES.with_label_values(&[name, result]).get()
    }

    /// A JWKS URL: the remote keys join the fixed ones, the IdP's `max-age` is returned, and
    /// the state (loaded, generation, metrics) follows.
    #[tokio::test]
    async fn a_jwks_url_is_fetched_and_merged_with_the_fixed_keys() {
        let idp = Idp::start().await;
        idp.answer(
            "/keys",
            200,
            "cache-control: public, max-age=300\r\n",
            &jwks(&["a", "b"]),
        );
        let name = "jwks-test-url";
        let k = issuer(
            name,
            KeySource::JwksUrl(idp.url("/keys")),
            &["fixed"],
            policy(0, 500),
        );
        assert!(k.is_remote());
        assert!(!k.is_loaded(), "a remote issuer starts unloaded");
        assert_eq!(kids(&k), ["fixed"]);
        assert_eq!((k.generation(), fetches(name, "ok")), (0, 0));
        assert_eq!(k.fetch().await, Ok(Some(Duration::from_secs(300))));
        assert_eq!(kids(&k), ["a", "b", "fixed"]);
        assert!(k.is_loaded() && !k.is_stale());
        assert_eq!(k.generation(), 1);
        assert_eq!(gauge(&JWKS_KEYS, name), 3);
        assert_eq!(fetches(name, "ok"), 1);
        assert!(gauge(&JWKS_LAST_SUCCESS, name) >= super::super::jwt::now_secs() as i64 - 5);
        // A rotation: the old remote keys go, the fixed one stays; no max-age → None.
        idp.answer("/keys", 200, "", &jwks(&["c"]));
        assert_eq!(k.fetch().await, Ok(None));
        assert_eq!(kids(&k), ["c", "fixed"]);
        assert_eq!((k.generation(), gauge(&JWKS_KEYS, name)), (2, 2));
    }

    /// OIDC discovery: the keys are read from the document's `jwks_uri`.
    #[tokio::test]
    async fn discovery_follows_jwks_uri() {
        let idp = Idp::start().await;
        let doc = serde_json::json!({"issuer": "x", "jwks_uri": idp.url("/certs")}).to_string();
        idp.answer("/.well-known/openid-configuration", 200, "", &doc);
        idp.answer("/certs", 200, "", &jwks(&["d"]));
        let src = KeySource::Discovery(idp.url("/.well-known/openid-configuration"));
        let k = issuer("jwks-test-discovery", src, &[], policy(0, 500));
        assert_eq!(k.fetch().await, Ok(None));
        assert_eq!(kids(&k), ["d"]);
        assert_eq!(
            (
                idp.hits("/.well-known/openid-configuration"),
                idp.hits("/certs")
            ),
            (1, 1)
        );
        idp.answer(
            "/.well-known/openid-configuration",
            200,
            "",
            "{\"issuer\": \"x\"}",
        );
        assert_eq!(
            k.fetch().await,
            Err("discovery document has no jwks_uri".into())
        );
        assert_eq!(kids(&k), ["d"], "the last good keys stay");
    }

    /// Every way a fetch fails is an error naming it; before the first success the issuer
    /// stays unloaded and not stale; after one, the last good keys stay and it is stale until
    /// the next success.
    #[tokio::test]
    async fn failed_fetches_keep_the_last_good_keys_and_mark_them_stale() {
        let idp = Idp::start().await;
        let name = "jwks-test-failures";
        let k = issuer(
            name,
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(0, 500),
        );
        let url = idp.url("/keys");
        let big = format!("{{\"keys\": [], \"pad\": \"{}\"}}", "x".repeat(1024 * 1024));
        let cases = [
            (
                500,
                "{}".to_string(),
                format!("GET {url}: HTTP 500 Internal Server Error"),
            ),
            (
                200,
                "not json".into(),
                format!("GET {url}: not JSON: expected ident at line 1 column 2"),
            ),
            (200, big, format!("GET {url}: document larger than 1 MiB")),
            (
                200,
                "{\"keys\": []}".into(),
                "the JWKS holds no usable key".into(),
            ),
            (200, "{}".into(), "a JWKS needs a `keys` array".into()),
        ];
        for (status, body, want) in &cases {
            idp.answer("/keys", *status, "", body);
            assert_eq!(k.fetch().await.as_ref(), Err(want));
            assert!(!k.is_loaded() && !k.is_stale(), "{want}");
            assert_eq!(gauge(&JWKS_STALE, name), 0);
        }
        assert_eq!(fetches(name, "error"), cases.len() as u64);
        assert_eq!(k.generation(), 0);
        idp.answer("/keys", 200, "", &jwks(&["good"]));
        k.fetch().await.unwrap();
        assert!(k.is_loaded() && !k.is_stale());
        for (status, body, want) in &cases {
            idp.answer("/keys", *status, "", body);
            assert_eq!(k.fetch().await.as_ref(), Err(want));
            assert!(k.is_stale(), "{want}");
            assert_eq!(gauge(&JWKS_STALE, name), 1);
            assert_eq!(kids(&k), ["good"]);
        }
        assert_eq!(k.generation(), 1, "a failure is not a new generation");
        idp.answer("/keys", 200, "", &jwks(&["good"]));
        k.fetch().await.unwrap();
        assert!(!k.is_stale());
        assert_eq!(gauge(&JWKS_STALE, name), 0);
        assert_eq!(k.generation(), 2);
    }

    /// The body cap is 1 MiB exactly: a document of that size loads, one byte more does not.
    #[tokio::test]
    async fn a_jwks_document_of_exactly_1_mib_loads() {
        let idp = Idp::start().await;
        let k = issuer(
            "jwks-test-cap",
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(0, 500),
        );
        let doc = jwks(&["a"]);
        let head = format!("{},\"pad\":\"", &doc[..doc.len() - 1]);
        let padded = |len: usize| format!("{head}{}\"}}", "x".repeat(len - head.len() - 2));
        idp.answer("/keys", 200, "", &padded(1024 * 1024));
        assert_eq!(k.fetch().await, Ok(None));
        assert_eq!(kids(&k), ["a"]);
        idp.answer("/keys", 200, "", &padded(1024 * 1024 + 1));
        let url = idp.url("/keys");
        assert_eq!(
            k.fetch().await,
            Err(format!("GET {url}: document larger than 1 MiB"))
        );
    }

    /// What the log says of an IdP that fails: one line when the keys go stale, none for the
    /// failures that follow, one when they recover (the log is not flooded by a down IdP).
    #[tokio::test]
    async fn a_failing_idp_is_logged_once_per_state_change() {
        #[derive(Clone, Default)]
        struct Lines(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Lines {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let lines = Lines::default();
        let sink = lines.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || sink.clone())
            .with_ansi(false)
            .finish();
        // The test's runtime is single-threaded: every poll runs under this subscriber.
        let _guard = tracing::subscriber::set_default(subscriber);
        let count = |what: &str| {
            String::from_utf8_lossy(&lines.0.lock().unwrap())
                .matches(what)
                .count()
        };
        let idp = Idp::start().await;
        let k = issuer(
            "jwks-test-log",
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(0, 500),
        );
        idp.answer("/keys", 200, "", &jwks(&["a"]));
        k.fetch().await.unwrap();
        idp.answer("/keys", 503, "", "");
        for _ in 0..3 {
            k.fetch().await.unwrap_err();
        }
        assert_eq!(count("JWKS refresh failed"), 1);
        idp.answer("/keys", 200, "", &jwks(&["a"]));
        k.fetch().await.unwrap();
        k.fetch().await.unwrap();
        assert_eq!(count("JWKS refresh recovered"), 1);
        idp.answer("/keys", 503, "", "");
        k.fetch().await.unwrap_err();
        assert_eq!(count("JWKS refresh failed"), 2);
    }

    /// The background refresh: an issuer not loaded yet fetches at once and, while the IdP
    /// fails, retries after 0.5 s, then 1 s, 2 s… (capped at `refresh_min`); loaded, it waits
    /// `refresh_min` (here an hour) before the next fetch.
    #[tokio::test]
    async fn the_refresh_loop_loads_at_once_and_backs_off_while_the_idp_fails() {
        let idp = Idp::start().await;
        idp.answer("/keys", 503, "", "");
        let k = issuer(
            "jwks-test-loop",
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(0, 500),
        );
        let task = tokio::spawn(k.clone().refresh_loop());
        // Fetches at 0 s and 0.5 s; the next waits 1 s. Checked 0.5 s after the second is
        // seen (half a second of margin for a loaded machine; a halved backoff, 0.25 s,
        // fails it).
        let t = Instant::now();
        while idp.hits("/keys") < 2 {
            assert!(t.elapsed() < Duration::from_secs(5), "a retry after 0.5 s");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(idp.hits("/keys"), 2, "the second retry waits 1 s");
        idp.answer("/keys", 200, "", &jwks(&["a"]));
        let t = Instant::now();
        while !k.is_loaded() {
            assert!(
                t.elapsed() < Duration::from_secs(5),
                "loaded at the next retry"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let h = idp.hits("/keys");
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert_eq!(
            idp.hits("/keys"),
            h,
            "loaded: the next fetch waits refresh_min"
        );
        task.abort();
        // An issuer loaded before its loop starts waits refresh_min for its first refresh.
        let task = tokio::spawn(k.clone().refresh_loop());
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(idp.hits("/keys"), h);
        task.abort();
    }

    /// A static issuer never fetches.
    #[tokio::test]
    async fn static_keys_are_loaded_at_once_and_never_fetched() {
        let name = "jwks-test-static";
        let k = issuer(name, KeySource::Static, &["s1", "s2"], policy(0, 500));
        assert!(k.is_loaded() && !k.is_remote());
        assert_eq!(gauge(&JWKS_KEYS, name), 2);
        assert_eq!(k.fetch().await, Ok(None));
        assert!(!k.refetch_for_unknown_kid(0).await);
        // Its refresh loop ends at once.
        tokio::time::timeout(Duration::from_secs(5), k.clone().refresh_loop())
            .await
            .expect("a static issuer's refresh loop returns");
        assert_eq!((k.generation(), fetches(name, "ok")), (0, 0));
    }

    /// An unknown kid: one fetch, waited for; no second within the interval; a later one
    /// after it; nothing at all when the keys already changed since the caller looked.
    #[tokio::test]
    async fn an_unknown_kid_refetches_once_per_interval() {
        let idp = Idp::start().await;
        idp.answer("/keys", 200, "", &jwks(&["a"]));
        let k = issuer(
            "jwks-test-kid",
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(300, 5000),
        );
        k.fetch().await.unwrap();
        let seen = k.generation();
        idp.answer("/keys", 200, "", &jwks(&["a", "new"]));
        assert!(
            k.refetch_for_unknown_kid(seen).await,
            "the refetch was waited for"
        );
        assert_eq!(kids(&k), ["a", "new"]);
        assert_eq!(idp.hits("/keys"), 2);
        // Within the interval: refused without a fetch.
        let seen = k.generation();
        assert!(!k.refetch_for_unknown_kid(seen).await);
        assert_eq!(idp.hits("/keys"), 2);
        // A caller that looked before the last change: true at once, no fetch.
        assert!(k.refetch_for_unknown_kid(seen - 1).await);
        assert_eq!(idp.hits("/keys"), 2);
        // After the interval: one more.
        tokio::time::sleep(Duration::from_millis(350)).await;
        assert!(k.refetch_for_unknown_kid(seen).await);
        assert_eq!(idp.hits("/keys"), 3);
    }

    /// A hung IdP: each request waits at most `unknown_kid_wait`, a flood makes one fetch,
    /// and the fetch, finishing later, serves the requests that follow.
    #[tokio::test]
    async fn a_hung_idp_costs_a_request_the_wait_bound_and_makes_one_fetch() {
        let idp = Idp::start().await;
        idp.answer("/keys", 200, "", &jwks(&["a"]));
        let k = issuer(
            "jwks-test-hung",
            KeySource::JwksUrl(idp.url("/keys")),
            &[],
            policy(0, 200),
        );
        k.fetch().await.unwrap();
        let seen = k.generation();
        idp.hang.store(true, Ordering::SeqCst);
        let t = Instant::now();
        let flood: Vec<_> = (0..10)
            .map(|_| {
                let k = k.clone();
                tokio::spawn(async move { k.refetch_for_unknown_kid(seen).await })
            })
            .collect();
        for f in flood {
            assert!(!f.await.unwrap(), "nothing changed");
        }
        let took = t.elapsed();
        assert!(
            took >= Duration::from_millis(190),
            "each waited the bound: {took:?}"
        );
        assert!(
            took < Duration::from_secs(4),
            "never the 5 s fetch timeout: {took:?}"
        );
        assert_eq!(idp.hits("/keys"), 2, "one fetch for the whole flood");
        // While that fetch hangs, more unknown kids start no other.
        assert!(!k.refetch_for_unknown_kid(seen).await);
        assert_eq!(idp.hits("/keys"), 2);
    }

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
