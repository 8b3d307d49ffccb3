//! GCRA (generic cell rate algorithm): the whole state of a bucket is one number, the
//! theoretical arrival time (TAT), in microseconds since the Unix epoch.
//!
//! With emission interval `T = window / quota` and burst `B` (how many requests may arrive
//! at once after a quiet period), a request at time `now` is allowed iff
//! `max(TAT, now) + T <= now + B·T`; if allowed, `TAT := max(TAT, now) + T`. A rejected
//! request leaves `TAT` unchanged, so it consumes nothing and a client that backs off
//! recovers at the configured rate.

use std::time::Duration;

pub use crate::clock::{Clock, FakeClock, SystemClock};

/// One GCRA rate: emission interval and burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gcra {
    /// `T`: microseconds one request "costs".
    pub interval_us: u64,
    /// `B`: requests allowed at once from a rested bucket (≥ 1).
    pub burst: u64,
}

/// The answer for one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub allowed: bool,
    /// TAT after this request if allowed (unchanged TAT if not).
    pub new_tat: u64,
    /// Requests still allowed right now after this one.
    pub remaining: u64,
    /// Microseconds until the bucket is full again (allowed) or until the next request
    /// would be allowed (rejected).
    pub reset_us: u64,
    /// Microseconds to wait before retrying (0 when allowed).
    pub retry_after_us: u64,
}

impl Gcra {
    /// `quota` requests per `window`, with `burst` at once (at least 1).
    pub fn new(quota: u64, window: Duration, burst: u64) -> Gcra {
        let w = window.as_micros() as u64;
        Gcra {
            interval_us: (w / quota.max(1)).max(1),
            burst: burst.max(1),
        }
    }

    /// The same bucket shared by `share` instances: each gets `1/share` of the rate and of
    /// the burst (at least one request), so `share` instances together stay within the limit.
    pub fn scaled(&self, share: u64) -> Gcra {
        let share = share.max(1);
        Gcra {
            interval_us: self.interval_us.saturating_mul(share),
            burst: (self.burst / share).max(1),
        }
    }

    /// `B·T`: how far ahead of `now` the TAT may run.
    pub fn tolerance_us(&self) -> u64 {
        self.interval_us.saturating_mul(self.burst)
    }

    /// Decide one request at `now` against state `tat` (0 = never seen). Pure.
    pub fn decide(&self, tat: u64, now: u64) -> Verdict {
        let new_tat = tat.max(now).saturating_add(self.interval_us);
        let limit = now.saturating_add(self.tolerance_us());
        if new_tat <= limit {
            Verdict {
                allowed: true,
                new_tat,
                remaining: (limit - new_tat) / self.interval_us,
                reset_us: new_tat - now,
                retry_after_us: 0,
            }
        } else {
            let wait = new_tat - limit;
            Verdict {
                allowed: false,
                new_tat: tat,
                remaining: 0,
                reset_us: wait,
                retry_after_us: wait,
            }
        }
    }
}

/// Whole seconds, rounded up (headers carry integers; never say "0" when a wait remains).
pub fn ceil_secs(us: u64) -> u64 {
    us.div_ceil(1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;
    use std::time::{SystemTime, UNIX_EPOCH};

    const S: u64 = 1_000_000;

    #[test]
    fn burst_then_steady_rate() {
        // 10 per second, burst 3.
        let g = Gcra::new(10, Duration::from_secs(1), 3);
        assert_eq!(g.interval_us, 100_000);
        let c = FakeClock::at(1000 * S);
        let mut tat = 0;
        for expect_remaining in [2, 1, 0] {
            let v = g.decide(tat, c.now_us());
            assert!(v.allowed);
            assert_eq!(v.remaining, expect_remaining);
            tat = v.new_tat;
        }
        let v = g.decide(tat, c.now_us());
        assert!(
            !v.allowed,
            "fourth request at the same instant is over the burst"
        );
        assert_eq!(v.retry_after_us, 100_000);
        assert_eq!(v.new_tat, tat, "rejected request consumes nothing");
        c.advance(Duration::from_millis(99));
        assert!(!g.decide(tat, c.now_us()).allowed);
        c.advance(Duration::from_millis(1));
        let v = g.decide(tat, c.now_us());
        assert!(v.allowed, "one interval later one request is allowed");
        assert_eq!(v.remaining, 0);
    }

    #[test]
    fn rejected_requests_do_not_delay_recovery() {
        let g = Gcra::new(1, Duration::from_secs(1), 1);
        let c = FakeClock::at(5 * S);
        let tat = g.decide(0, c.now_us()).new_tat;
        // A client hammering while limited...
        for _ in 0..1000 {
            c.advance(Duration::from_micros(500));
            assert!(!g.decide(tat, c.now_us()).allowed);
        }
        // ...is allowed again exactly one interval after its last allowed request.
        c.0.store(6 * S, Ordering::SeqCst);
        assert!(g.decide(tat, c.now_us()).allowed);
    }

    #[test]
    fn rested_bucket_is_full_and_reset_counts_down() {
        let g = Gcra::new(60, Duration::from_secs(60), 60);
        let c = FakeClock::at(100 * S);
        let v = g.decide(0, c.now_us());
        assert_eq!(v.remaining, 59);
        assert_eq!(v.reset_us, S);
        // A TAT long in the past is the same as a fresh bucket.
        c.advance(Duration::from_secs(3600));
        let v2 = g.decide(v.new_tat, c.now_us());
        assert_eq!(v2.remaining, 59);
    }

    #[test]
    fn scaled_share() {
        let g = Gcra::new(100, Duration::from_secs(1), 20);
        let s = g.scaled(4);
        assert_eq!(s.interval_us, 40_000);
        assert_eq!(s.burst, 5);
        assert_eq!(Gcra::new(1, Duration::from_secs(1), 1).scaled(3).burst, 1);
    }

    #[test]
    fn ceil() {
        assert_eq!(ceil_secs(0), 0);
        assert_eq!(ceil_secs(1), 1);
        assert_eq!(ceil_secs(S), 1);
        assert_eq!(ceil_secs(S + 1), 2);
    }

    /// The wall clock is microseconds since the Unix epoch (the Redis scripts share this time
    /// base) and moves on: a clock stuck at a constant would leave every bucket either always
    /// full or never refilled.
    #[test]
    fn system_clock_is_unix_microseconds() {
        let wall = || {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .expect("after 1970")
                .as_micros() as u64
        };
        let before = wall();
        let t = SystemClock.now_us();
        let after = wall();
        assert!(before <= t && t <= after, "{before} <= {t} <= {after}");
        std::thread::sleep(Duration::from_millis(2));
        assert!(SystemClock.now_us() >= t + 2_000);
    }

    #[test]
    fn fake_clock_starts_where_told_and_advances() {
        let c = FakeClock::at(42 * S);
        assert_eq!(c.now_us(), 42 * S);
        c.advance(Duration::from_micros(7));
        assert_eq!(c.now_us(), 42 * S + 7);
    }
}
