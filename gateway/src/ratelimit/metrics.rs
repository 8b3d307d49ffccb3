//! Rate-limit metrics. Labels are bounded: limit and tier names come from the policy files,
//! results and operations from fixed lists.

use once_cell::sync::Lazy;
use prometheus::{
    register_histogram_vec, register_int_counter_vec, register_int_gauge, HistogramVec,
    IntCounterVec, IntGauge,
};

pub static DECISIONS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_ratelimit_decisions_total",
        "Rate-limit decisions by limit, tier (`-` for fixed-rate limits) and result \
         (allowed, limited, fail_local, fail_closed).",
        &["limit", "tier", "result"]
    )
    .expect("metric registers once")
});

pub static REDIS_LATENCY: Lazy<HistogramVec> = Lazy::new(|| {
    register_histogram_vec!(
        "gateway_ratelimit_redis_seconds",
        "Latency of Redis calls by operation (sync batch round, strict check).",
        &["op"],
        vec![0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0]
    )
    .expect("metric registers once")
});

pub static REDIS_ERRORS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_ratelimit_redis_errors_total",
        "Redis failures by operation (connect, ping, sync, strict, strict_timeout).",
        &["op"]
    )
    .expect("metric registers once")
});

pub static REDIS_UP: Lazy<IntGauge> = Lazy::new(|| {
    register_int_gauge!(
        "gateway_ratelimit_redis_up",
        "1 while Redis answers (fleet-wide limits), 0 while limits run on their fail policy."
    )
    .expect("metric registers once")
});

pub static REDIS_TRANSITIONS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_ratelimit_redis_transitions_total",
        "Redis state changes (to up, to down).",
        &["to"]
    )
    .expect("metric registers once")
});

pub static TRACKED_KEYS: Lazy<IntGauge> = Lazy::new(|| {
    register_int_gauge!(
        "gateway_ratelimit_tracked_keys",
        "Buckets held in memory by the local rate-limit store."
    )
    .expect("metric registers once")
});

pub fn init() {
    Lazy::force(&DECISIONS);
    Lazy::force(&REDIS_LATENCY);
    Lazy::force(&REDIS_ERRORS);
    Lazy::force(&REDIS_UP);
    Lazy::force(&REDIS_TRANSITIONS);
    Lazy::force(&TRACKED_KEYS);
}
