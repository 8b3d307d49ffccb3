//! Passive health of upstream addresses and the retry budget, judged from the requests
//! themselves (active health checks only run every `health_check.interval`).
//!
//! **Outlier detection.** Each address counts its failures in a row: a connect or TLS
//! failure, a try abandoned past its timeout, a connection broken mid-exchange, a 5xx
//! answer. Any other answer resets the count. At `consecutive_failures` the address is
//! ejected (skipped by selection) for `base_ejection_time`, doubled at each further ejection up
//! to `max_ejection_time`; an address back for `max_ejection_time` without another ejection
//! starts again at the base. At most `max_ejected_percent` of the addresses (rounded down)
//! are out at once: past that, a failing address stays in, so a fault shared by every address
//! cannot empty the cluster, and one address alone is never ejected.
//!
//! **Retry budget.** Every first try deposits `budget_percent`/100 of a retry (kept in
//! milli-retries), every retry spends one; the balance starts at, and is capped at,
//! `max(min_retries, 10)` retries. So over any period, retries ≤ `budget_percent`% of the
//! requests + that reserve: a sick cluster gets a bounded amount of extra load, never a retry
//! storm.
//!
//! Time is passed in (milliseconds on any monotonic scale) so the logic is tested with a fake
//! clock.

use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutlierFile {
    /// Failures in a row (connect failure, timeout, broken connection, 5xx answer) that eject
    /// an address. 0 turns outlier detection off.
    pub consecutive_failures: u32,
    /// First ejection time; each further ejection doubles it, up to `max_ejection_time`.
    #[serde(with = "humantime_serde")]
    pub base_ejection_time: Duration,
    /// Longest ejection; an address back for this long without failing starts again at the base.
    #[serde(with = "humantime_serde")]
    pub max_ejection_time: Duration,
    /// At most this share of the addresses is ejected at once (rounded down), so a shared
    /// fault (the database behind every address) cannot empty the cluster.
    pub max_ejected_percent: u32,
}

impl Default for OutlierFile {
    fn default() -> Self {
        OutlierFile {
            consecutive_failures: 5,
            base_ejection_time: Duration::from_secs(5),
            max_ejection_time: Duration::from_secs(60),
            max_ejected_percent: 50,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryFile {
    /// Tries in all, first included (1: never retry). A retry always goes to another address.
    pub attempts: u32,
    /// Bound on a try that may be retried (idempotent method, whole body in memory): its
    /// answer's head must arrive within this time of the request, in all, and each read waits
    /// at most this long; past it the try is abandoned and retried elsewhere. Requests that
    /// cannot be retried wait `timeouts.read` per read.
    #[serde(with = "humantime_serde")]
    pub per_try_timeout: Duration,
    /// Retries may add at most this percentage to the requests of the upstream (plus
    /// `min_retries` in reserve), so a sick cluster is not buried under retries.
    pub budget_percent: u32,
    /// Retries always available when the budget is empty (refilled by requests).
    pub min_retries: u32,
}

impl Default for RetryFile {
    fn default() -> Self {
        RetryFile {
            attempts: 2,
            per_try_timeout: Duration::from_secs(3),
            budget_percent: 20,
            min_retries: 10,
        }
    }
}

/// Passive state of one address.
#[derive(Default)]
struct Addr {
    failures: AtomicU32,
    /// Ejected while `now < until_ms`.
    until_ms: AtomicU64,
    /// Ejections in the current streak (the next interval doubles with it).
    streak: AtomicU32,
}

/// What a recorded failure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Counted, nothing else.
    Counted,
    /// The address was ejected for this many milliseconds.
    Ejected(u64),
    /// Over the threshold but left in: the ejected share is at its maximum.
    CapReached,
}

pub struct Outlier {
    cfg: OutlierFile,
    addrs: Vec<(SocketAddr, Addr)>,
}

impl Outlier {
    pub fn new(cfg: OutlierFile, addrs: &[SocketAddr]) -> Outlier {
        Outlier {
            cfg,
            addrs: addrs.iter().map(|a| (*a, Addr::default())).collect(),
        }
    }

    fn find(&self, a: &SocketAddr) -> Option<&Addr> {
        self.addrs.iter().find(|(x, _)| x == a).map(|(_, s)| s)
    }

    /// Whether `a` is ejected at `now_ms`.
    pub fn ejected(&self, a: &SocketAddr, now_ms: u64) -> bool {
        self.find(a)
            .is_some_and(|s| now_ms < s.until_ms.load(Ordering::Acquire))
    }

    /// Addresses ejected at `now_ms`.
    pub fn ejected_count(&self, now_ms: u64) -> usize {
        self.addrs
            .iter()
            .filter(|(_, s)| now_ms < s.until_ms.load(Ordering::Acquire))
            .count()
    }

    /// A try that got an answer below 500.
    pub fn success(&self, a: &SocketAddr) {
        if let Some(s) = self.find(a) {
            if s.failures.load(Ordering::Relaxed) != 0 {
                s.failures.store(0, Ordering::Relaxed);
            }
        }
    }

    /// A failed try on `a`.
    pub fn failure(&self, a: &SocketAddr, now_ms: u64) -> Verdict {
        let Some(s) = self.find(a) else {
            return Verdict::Counted;
        };
        if self.cfg.consecutive_failures == 0 {
            return Verdict::Counted;
        }
        let n = s.failures.fetch_add(1, Ordering::AcqRel) + 1;
        if n < self.cfg.consecutive_failures || self.ejected(a, now_ms) {
            return Verdict::Counted;
        }
        let max_out = self.addrs.len() * self.cfg.max_ejected_percent as usize / 100;
        if self.ejected_count(now_ms) >= max_out {
            return Verdict::CapReached;
        }
        let base = self.cfg.base_ejection_time.as_millis() as u64;
        let max = self.cfg.max_ejection_time.as_millis() as u64;
        let last_end = s.until_ms.load(Ordering::Acquire);
        if last_end > 0 && now_ms.saturating_sub(last_end) >= max {
            s.streak.store(0, Ordering::Relaxed);
        }
        let k = s.streak.fetch_add(1, Ordering::AcqRel).min(20);
        let dur = base.saturating_mul(1 << k).min(max);
        s.until_ms.store(now_ms + dur, Ordering::Release);
        s.failures.store(0, Ordering::Relaxed);
        Verdict::Ejected(dur)
    }
}

/// The retry budget of one upstream (see the module header).
pub struct Budget {
    /// Milli-retries available.
    balance: AtomicI64,
    deposit: i64,
    cap: i64,
}

impl Budget {
    pub fn new(cfg: &RetryFile) -> Budget {
        let cap = i64::from(cfg.min_retries.max(10)) * 1000;
        Budget {
            balance: AtomicI64::new(cap),
            deposit: i64::from(cfg.budget_percent) * 10,
            cap,
        }
    }

    /// A first try: deposit a share of a retry.
    pub fn on_request(&self) {
        if self.deposit == 0 {
            return;
        }
        let _ = self
            .balance
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |b| {
                (b < self.cap).then(|| (b + self.deposit).min(self.cap))
            });
    }

    /// Take one retry if the budget allows.
    pub fn try_spend(&self) -> bool {
        self.balance
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |b| {
                (b >= 1000).then_some(b - 1000)
            })
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn addrs(n: u16) -> Vec<SocketAddr> {
        (0..n)
            .map(|i| SocketAddr::from(([127, 0, 0, 1], 1000 + i)))
            .collect()
    }

    fn cfg() -> OutlierFile {
        OutlierFile {
            consecutive_failures: 3,
            base_ejection_time: Duration::from_secs(1),
            max_ejection_time: Duration::from_secs(5),
            max_ejected_percent: 50,
        }
    }

    #[test]
    fn ejects_after_failures_in_a_row_for_a_growing_interval() {
        let a = addrs(2);
        let o = Outlier::new(cfg(), &a);
        assert_eq!(o.failure(&a[0], 0), Verdict::Counted);
        assert_eq!(o.failure(&a[0], 0), Verdict::Counted);
        // A success in between resets the count.
        o.success(&a[0]);
        assert_eq!(o.failure(&a[0], 0), Verdict::Counted);
        assert_eq!(o.failure(&a[0], 0), Verdict::Counted);
        assert_eq!(o.failure(&a[0], 10), Verdict::Ejected(1000));
        assert!(o.ejected(&a[0], 10));
        assert!(o.ejected(&a[0], 1009));
        assert!(!o.ejected(&a[0], 1010));
        assert!(!o.ejected(&a[1], 10));
        // Back, fails again: twice as long, then capped at the maximum.
        for _ in 0..2 {
            o.failure(&a[0], 2000);
        }
        assert_eq!(o.failure(&a[0], 2000), Verdict::Ejected(2000));
        for _ in 0..2 {
            o.failure(&a[0], 5000);
        }
        assert_eq!(o.failure(&a[0], 5000), Verdict::Ejected(4000));
        for _ in 0..2 {
            o.failure(&a[0], 10_000);
        }
        assert_eq!(o.failure(&a[0], 10_000), Verdict::Ejected(5000));
        // Back for max_ejection_time without an ejection: the base again.
        for _ in 0..2 {
            o.failure(&a[0], 30_000);
        }
        assert_eq!(o.failure(&a[0], 30_000), Verdict::Ejected(1000));
    }

    #[test]
    fn at_most_the_configured_share_is_ejected() {
        let a = addrs(2);
        let o = Outlier::new(cfg(), &a);
        for _ in 0..3 {
            o.failure(&a[0], 0);
        }
        assert!(o.ejected(&a[0], 0));
        // 50% of 2: the second address stays in whatever happens.
        for _ in 0..2 {
            assert_eq!(o.failure(&a[1], 0), Verdict::Counted);
        }
        assert_eq!(o.failure(&a[1], 0), Verdict::CapReached);
        assert!(!o.ejected(&a[1], 0));
        // A lone address is never ejected.
        let one = addrs(1);
        let o = Outlier::new(cfg(), &one);
        for _ in 0..10 {
            o.failure(&one[0], 0);
        }
        assert!(!o.ejected(&one[0], 0));
    }

    #[test]
    fn off_when_the_threshold_is_zero() {
        let a = addrs(4);
        let o = Outlier::new(
            OutlierFile {
                consecutive_failures: 0,
                ..cfg()
            },
            &a,
        );
        for _ in 0..100 {
            assert_eq!(o.failure(&a[0], 0), Verdict::Counted);
        }
        assert!(!o.ejected(&a[0], 0));
    }

    #[test]
    fn retry_budget_is_a_share_of_requests_plus_a_reserve() {
        let b = Budget::new(&RetryFile {
            attempts: 2,
            per_try_timeout: Duration::from_secs(1),
            budget_percent: 20,
            min_retries: 10,
        });
        // The reserve: 10 retries with no traffic.
        for _ in 0..10 {
            assert!(b.try_spend());
        }
        assert!(!b.try_spend());
        // Then one retry per five requests.
        for _ in 0..4 {
            b.on_request();
        }
        assert!(!b.try_spend());
        b.on_request();
        assert!(b.try_spend());
        assert!(!b.try_spend());
        // Deposits stop at the cap.
        for _ in 0..1000 {
            b.on_request();
        }
        let mut n = 0;
        while b.try_spend() {
            n += 1;
        }
        assert_eq!(n, 10);
    }
}
