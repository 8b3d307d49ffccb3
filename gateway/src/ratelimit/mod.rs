//! Rate limiting in tiers: per client IP, per client/tenant by SLA tier, per route, per
//! upstream. Every limit that applies to a request is checked; the request passes only if
//! all allow it, and a rejected request consumes nothing in any bucket.
//!
//! Decisions are GCRA ([`gcra`]) over a bounded in-memory store ([`store`]). Limits in
//! `async` mode (the default) decide locally and a background task folds the fleet's counts
//! in through Redis ([`redis`]); `strict` limits run one atomic Redis script per request
//! under a deadline. Without Redis, everything is enforced per instance.

pub mod gcra;
pub mod metrics;
pub mod policy;
pub mod redis;
pub mod store;

use crate::identity::Principal;
use crate::problem::Deny;
use gcra::{ceil_secs, Clock, Gcra, SystemClock};
use policy::{FailPolicy, KeyKind, Limit, Mode, Policy, Rates, Window};
use std::net::IpAddr;
use std::sync::Arc;

/// What a request is, for rate limiting.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The client address resolved with the trusted-proxy rule.
    pub client_ip: IpAddr,
    pub principal: Option<&'a Principal>,
}

/// One window's state for the `RateLimit` headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub quota: u64,
    pub window_secs: u64,
    pub remaining: u64,
    pub reset_secs: u64,
}

/// The windows that applied to an allowed request (for the response headers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub items: Vec<Item>,
}

impl Outcome {
    /// `RateLimit-Policy: "per-ip";q=100;w=60, …`
    pub fn policy_header(&self) -> String {
        policy_header(&self.items)
    }
    /// `RateLimit: "per-ip";r=42;t=17, …`
    pub fn ratelimit_header(&self) -> String {
        ratelimit_header(&self.items)
    }
}

fn policy_header(items: &[Item]) -> String {
    structured_list(items, ";q=", |it| it.quota, ";w=", |it| it.window_secs)
}

fn ratelimit_header(items: &[Item]) -> String {
    structured_list(items, ";r=", |it| it.remaining, ";t=", |it| it.reset_secs)
}

/// `"label";a=1;b=2, …`, written piece by piece: both headers are on every limited answer, and
/// `write!` with three arguments cost ~1,200 instructions an item.
fn structured_list(
    items: &[Item],
    a: &str,
    first: impl Fn(&Item) -> u64,
    b: &str,
    second: impl Fn(&Item) -> u64,
) -> String {
    let mut s = String::with_capacity(items.len() * 40);
    let mut num = itoa::Buffer::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push('"');
        s.push_str(&it.label);
        s.push('"');
        s.push_str(a);
        s.push_str(num.format(first(it)));
        s.push_str(b);
        s.push_str(num.format(second(it)));
    }
    s
}

/// A refused request, with the limit (and the tier of that limit) that decided it: what
/// metrics and the audit record name, never recovered from the response headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// `RateLimited` (429) or `RateLimitUnavailable` (503, a `closed` limit without Redis).
    pub deny: Deny,
    /// The limit's name from `policies/`.
    pub limit: String,
    /// The SLA tier whose rates decided, for a tiered limit; `None` for a fixed-rate limit.
    pub tier: Option<String>,
}

/// How one limit is enforced for this request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// No Redis configured: the full limit, per instance.
    Local,
    /// Redis up: local decision, counted for the background sync.
    Async,
    /// Redis up: one script per request.
    Strict,
    /// Redis down, fail policy `local`: this instance's share.
    Share(u64),
}

/// The state of rate limiting that outlives a configuration: the buckets, the Redis link and
/// the clock. The limits themselves are configuration: each route's plan holds those that
/// apply to it and passes them to [`RateLimiter::check`].
pub struct RateLimiter {
    /// The policy the limiter was started with (Redis settings, store bound).
    pub policy: Policy,
    pub store: Arc<store::Store>,
    pub redis: Option<Arc<redis::RedisLink>>,
    clock: Arc<dyn Clock>,
}

struct Pending<'a> {
    limit: &'a Limit,
    tier: usize,
    how: How,
    windows: &'a [Window],
    key: String,
}

impl RateLimiter {
    pub fn new(policy: Policy) -> Self {
        Self::with_clock(policy, Arc::new(SystemClock))
    }

    pub fn with_clock(policy: Policy, clock: Arc<dyn Clock>) -> Self {
        let store = Arc::new(store::Store::new(policy.max_keys, 64));
        let redis = policy
            .redis
            .clone()
            .map(|s| Arc::new(redis::RedisLink::new(s)));
        Self::from_parts(policy, store, redis, clock)
    }

    fn from_parts(
        policy: Policy,
        store: Arc<store::Store>,
        redis: Option<Arc<redis::RedisLink>>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        RateLimiter {
            policy,
            store,
            redis,
            clock,
        }
    }

    /// The limiter of a new configuration generation: `policy`'s limits over this limiter's
    /// buckets, Redis link and clock, so a reload refills no bucket (bucket ids derive from
    /// names, [`policy::bucket_id`]). A changed Redis connection or store size needs a
    /// restart: `Err` says so.
    pub fn successor(&self, policy: Policy) -> Result<RateLimiter, String> {
        if policy.redis != self.policy.redis {
            return Err("rate_limits.redis changed: needs a restart or upgrade".into());
        }
        if policy.max_keys != self.policy.max_keys {
            return Err("rate_limits.local.max_keys changed: needs a restart or upgrade".into());
        }
        Ok(RateLimiter::from_parts(
            policy,
            self.store.clone(),
            self.redis.clone(),
            self.clock.clone(),
        ))
    }

    /// The background service that syncs with Redis and updates the key gauge.
    pub fn sync_service(&self) -> redis::SyncService {
        redis::SyncService {
            link: self.redis.clone(),
            store: self.store.clone(),
            clock: self.clock.clone(),
        }
    }

    /// Decide one bucket again and consume it if still allowed (recording the admission for
    /// the Redis sync in async mode).
    fn commit_one(&self, p: &Pending<'_>, w: &Window, how: How, now: u64) -> gcra::Verdict {
        let g = effective(&w.gcra, how);
        let h = self.store.hash(w.bucket, &p.key);
        match (how, &self.redis) {
            (How::Async, Some(link)) => {
                let l = p.limit;
                let rk = || link.key(&l.name, &p.key, &format!("{}:{}", w.label, w.window_secs));
                self.store
                    .commit(h, &g, now, Some((w.gcra.interval_us, &rk)))
            }
            (How::Share(_), Some(link)) => {
                let v = self.store.commit(h, &g, now, None);
                if v.allowed {
                    // Written back into Redis when it returns (see `store` seeds).
                    let l = p.limit;
                    self.store.remember(h, &|| {
                        link.key(&l.name, &p.key, &format!("{}:{}", w.label, w.window_secs))
                    });
                }
                v
            }
            _ => self.store.commit(h, &g, now, None),
        }
    }

    /// The refusal `deny`, decided by the limit of `p`.
    fn refused(&self, p: &Pending<'_>, deny: Deny) -> Refused {
        Refused {
            deny,
            limit: p.limit.name.clone(),
            tier: p.limit.rates.tier_name(p.tier).map(String::from),
        }
    }

    fn count(&self, p: &Pending<'_>, result: usize) {
        if let Some(c) = p.limit.counters.0.get(p.tier) {
            c[result].inc();
        }
    }

    /// Decide one request. `Ok(None)`: no limit applies; `Ok(Some(outcome))`: allowed (and
    /// consumed); `Err` with `Deny::RateLimited`: 429, with `Deny::RateLimitUnavailable`: a
    /// `closed` limit while Redis is down; either names the limit that decided.
    pub async fn check(
        &self,
        limits: &[Arc<Limit>],
        req: Request<'_>,
    ) -> Result<Option<Outcome>, Refused> {
        if limits.is_empty() {
            return Ok(None);
        }
        let redis_up = self.redis.as_ref().map(|r| r.is_up());
        let fleet = self
            .policy
            .redis
            .as_ref()
            .map(|r| r.fleet_size)
            .unwrap_or(1);
        let mut pending: Vec<Pending<'_>> = Vec::with_capacity(limits.len());
        for l in limits {
            let l: &Limit = l;
            if l.anonymous_only && req.principal.is_some() {
                continue;
            }
            let key = match (l.key, req.principal.and_then(|p| p.client_key())) {
                (KeyKind::Global, _) => "*".to_string(),
                (KeyKind::Client, Some(c)) => {
                    let mut k = String::with_capacity(2 + c.len());
                    k.push_str("c:");
                    k.push_str(c);
                    k
                }
                (KeyKind::Ip, _) | (KeyKind::Client, None) => {
                    let mut k = String::with_capacity(24);
                    k.push_str("ip:");
                    crate::forwarding::push_ip(&mut k, req.client_ip);
                    k
                }
            };
            let (tier, windows) = match &l.rates {
                Rates::Fixed(w) => (0, w.as_slice()),
                Rates::Tiered { per_tier, .. } => {
                    let t = l
                        .rates
                        .tier_for(req.principal.and_then(|p| p.tier.as_deref()));
                    (t, per_tier[t].as_slice())
                }
            };
            let how = match (redis_up, l.mode) {
                (None, _) => How::Local,
                (Some(true), Mode::Async) => How::Async,
                (Some(true), Mode::Strict) => How::Strict,
                (Some(false), _) => match l.on_failure {
                    FailPolicy::Local => How::Share(fleet),
                    FailPolicy::Closed => {
                        let p = Pending {
                            limit: l,
                            tier,
                            how: How::Local,
                            windows,
                            key,
                        };
                        self.count(&p, 3);
                        return Err(self.refused(&p, Deny::RateLimitUnavailable));
                    }
                },
            };
            pending.push(Pending {
                limit: l,
                tier,
                how,
                windows,
                key,
            });
        }
        if pending.is_empty() {
            return Ok(None);
        }
        let now = self.clock.now_us();

        // The common case, one local limit with one window: `commit` decides and consumes
        // under one lock and never consumes when it refuses, which is all phases 1 and 3
        // guarantee together for a single bucket. One shard lock instead of two.
        if let [p] = pending.as_slice() {
            if let ([w], true) = (p.windows, p.how != How::Strict) {
                let v = self.commit_one(p, w, p.how, now);
                let it = item(w, v.remaining, v.reset_us);
                if !v.allowed {
                    self.count(p, 1);
                    return Err(self.refused(p, limited(vec![it], v.retry_after_us)));
                }
                self.count(p, if matches!(p.how, How::Share(_)) { 2 } else { 0 });
                return Ok(Some(Outcome { items: vec![it] }));
            }
        }

        // Phase 1: every local decision, without consuming. The first limit that refuses is
        // the one named as deciding.
        let mut items = Vec::new();
        let mut denied_wait: Option<u64> = None;
        let mut decided: Option<&Pending<'_>> = None;
        for p in pending.iter().filter(|p| p.how != How::Strict) {
            let mut limited = false;
            for w in p.windows {
                let g = effective(&w.gcra, p.how);
                let v = self.store.peek(self.store.hash(w.bucket, &p.key), &g, now);
                if !v.allowed {
                    limited = true;
                    denied_wait = Some(denied_wait.unwrap_or(0).max(v.retry_after_us));
                }
                items.push(item(w, v.remaining, v.reset_us));
            }
            if limited {
                self.count(p, 1);
                decided.get_or_insert(p);
            }
        }
        if let (Some(wait), Some(p)) = (denied_wait, decided) {
            return Err(self.refused(p, limited(items, wait)));
        }

        // Phase 2: strict limits, one script each, under the deadline.
        let mut fallbacks: Vec<usize> = Vec::new();
        let mut strict_items = Vec::new();
        for (pi, p) in pending
            .iter()
            .enumerate()
            .filter(|(_, p)| p.how == How::Strict)
        {
            let link = self.redis.as_ref().expect("strict implies redis");
            let l = p.limit;
            let keys: Vec<String> = p
                .windows
                .iter()
                .map(|w| link.key(&l.name, &p.key, &format!("{}:{}", w.label, w.window_secs)))
                .collect();
            let mut args = Vec::with_capacity(1 + 2 * keys.len());
            args.push(now);
            for w in p.windows {
                args.push(w.gcra.interval_us);
                args.push(w.gcra.burst);
            }
            match link.strict(&keys, &args).await {
                Some((allowed, wait, tats)) => {
                    // Mirrored locally: the starting point of a local fallback, and what is
                    // written back if Redis restarts empty.
                    for ((w, tat), k) in p.windows.iter().zip(&tats).zip(&keys) {
                        self.store
                            .mirror(self.store.hash(w.bucket, &p.key), *tat, now, &|| k.clone());
                    }
                    for (w, tat) in p.windows.iter().zip(&tats) {
                        let limit = now + w.gcra.tolerance_us();
                        let remaining = limit.saturating_sub(*tat) / w.gcra.interval_us;
                        let reset = if allowed {
                            tat.saturating_sub(now)
                        } else {
                            wait
                        };
                        strict_items.push(item(w, if allowed { remaining } else { 0 }, reset));
                    }
                    if !allowed {
                        self.count(p, 1);
                        items.extend(strict_items);
                        return Err(self.refused(p, limited(items, wait)));
                    }
                    self.count(p, 0);
                }
                None => match l.on_failure {
                    FailPolicy::Closed => {
                        self.count(p, 3);
                        return Err(self.refused(p, Deny::RateLimitUnavailable));
                    }
                    FailPolicy::Local => fallbacks.push(pi),
                },
            }
        }
        // Strict limits whose Redis call failed: this instance's share, locally.
        for &pi in &fallbacks {
            let p = &pending[pi];
            let mut limited = false;
            for w in p.windows {
                let g = effective(&w.gcra, How::Share(fleet));
                let v = self.store.peek(self.store.hash(w.bucket, &p.key), &g, now);
                if !v.allowed {
                    limited = true;
                    denied_wait = Some(denied_wait.unwrap_or(0).max(v.retry_after_us));
                }
                items.push(item(w, v.remaining, v.reset_us));
            }
            if limited {
                self.count(p, 1);
                decided.get_or_insert(p);
            }
        }
        if let (Some(wait), Some(p)) = (denied_wait, decided) {
            items.extend(strict_items);
            return Err(self.refused(p, limited(items, wait)));
        }

        // Phase 3: consume. Two concurrent requests of one key may both pass phase 1; the
        // commit re-checks each bucket under its lock, so a bucket is never over-admitted.
        // The loser of such a race is refused, after possibly consuming in an earlier bucket.
        let mut out = Vec::with_capacity(items.len());
        let mut raced: Option<u64> = None;
        let mut lost: Option<&Pending<'_>> = None;
        for (pi, p) in pending.iter().enumerate() {
            let how = if fallbacks.contains(&pi) {
                How::Share(fleet)
            } else {
                p.how
            };
            if how == How::Strict {
                continue;
            }
            for w in p.windows {
                let v = self.commit_one(p, w, how, now);
                if !v.allowed {
                    raced = Some(raced.unwrap_or(0).max(v.retry_after_us));
                    lost.get_or_insert(p);
                }
                out.push(item(w, v.remaining, v.reset_us));
            }
            self.count(p, if matches!(how, How::Share(_)) { 2 } else { 0 });
        }
        out.extend(strict_items);
        if let (Some(wait), Some(p)) = (raced, lost) {
            return Err(self.refused(p, limited(out, wait)));
        }
        Ok(Some(Outcome { items: out }))
    }
}

fn effective(g: &Gcra, how: How) -> Gcra {
    match how {
        How::Share(n) => g.scaled(n),
        _ => *g,
    }
}

fn item(w: &Window, remaining: u64, reset_us: u64) -> Item {
    Item {
        label: w.label.clone(),
        quota: w.quota,
        window_secs: w.window_secs,
        remaining,
        reset_secs: ceil_secs(reset_us),
    }
}

fn limited(items: Vec<Item>, wait_us: u64) -> Deny {
    Deny::RateLimited {
        retry_after: ceil_secs(wait_us).max(1),
        policy: policy_header(&items),
        ratelimit: ratelimit_header(&items),
    }
}

/// Force the metrics (called by `crate::metrics::init`).
pub fn init() {
    metrics::init();
}

#[cfg(test)]
mod tests;
