//! Audit pipeline metrics. Labels: a sink name from a fixed set, a fixed reason.

use once_cell::sync::Lazy;
use prometheus::{
    register_int_counter_vec, register_int_gauge, register_int_gauge_vec, IntCounterVec, IntGauge,
    IntGaugeVec,
};

pub static QUEUE_DEPTH: Lazy<IntGauge> = Lazy::new(|| {
    register_int_gauge!(
        "gateway_audit_queue_depth",
        "Audit records waiting in the in-memory queue."
    )
    .expect("metric registers once")
});

pub static RECORDS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_audit_records_total",
        "Audit records written, by sink (file, stdout, syslog, http).",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static DROPS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_audit_dropped_total",
        "Audit records lost, by sink and reason (queue_full, spool_full, spool_unwritable, \
         memory_full, write_error).",
        &["sink", "reason"]
    )
    .expect("metric registers once")
});

pub static SPOOL_BYTES: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_audit_spool_bytes",
        "Bytes waiting in a remote sink's disk buffer.",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static SPOOL_OVER_BUDGET: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_audit_spool_over_budget",
        "1 while a remote sink's disk buffer is full and its records are being dropped.",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static SPOOL_WRITABLE: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_audit_spool_writable",
        "0 while a remote sink's spool directory refuses writes (read-only, full): records \
         then wait in memory only.",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static SINK_UP: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_audit_sink_up",
        "1 when the last delivery to a remote sink succeeded.",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static SINK_ERRORS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_audit_sink_errors_total",
        "Failed deliveries (retried from the buffer) by sink.",
        &["sink"]
    )
    .expect("metric registers once")
});

pub static CHECKPOINTS: Lazy<prometheus::IntCounter> = Lazy::new(|| {
    prometheus::register_int_counter!(
        "gateway_audit_checkpoints_total",
        "Signed audit checkpoints written."
    )
    .expect("metric registers once")
});

pub fn init() {
    Lazy::force(&QUEUE_DEPTH);
    Lazy::force(&RECORDS);
    Lazy::force(&DROPS);
    Lazy::force(&SPOOL_BYTES);
    Lazy::force(&SPOOL_OVER_BUDGET);
    Lazy::force(&SPOOL_WRITABLE);
    Lazy::force(&SINK_UP);
    Lazy::force(&SINK_ERRORS);
    Lazy::force(&CHECKPOINTS);
    // Visible from the start, so that alerts on rate() work before the first drop.
    DROPS.with_label_values(&["queue", "queue_full"]);
}
