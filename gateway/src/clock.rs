//! The time source of every decision that judges time — rate-limit buckets, token expiry
//! and the verified-token cache — injected so tests move time by hand instead of sleeping.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Time source, injected so the time logic can be tested with a fake clock.
pub trait Clock: Send + Sync + 'static {
    /// Microseconds since the Unix epoch (Redis scripts share this time base).
    fn now_us(&self) -> u64;

    /// Whole seconds since the Unix epoch (token `exp`, `nbf`, `iat`).
    fn now_secs(&self) -> u64 {
        self.now_us() / 1_000_000
    }
}

/// The wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_us(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_micros() as u64)
            .unwrap_or(0)
    }
}

/// A clock the test moves by hand.
#[derive(Debug, Default)]
pub struct FakeClock(pub AtomicU64);

impl FakeClock {
    pub fn at(us: u64) -> Self {
        FakeClock(AtomicU64::new(us))
    }
    pub fn advance(&self, d: Duration) {
        self.0.fetch_add(d.as_micros() as u64, Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now_us(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}
