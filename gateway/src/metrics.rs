//! One registry (Prometheus' default, which the admin listener serves).
//!
//! Labels are bounded: the route *template* (or `unmatched`), a fixed method set, the status
//! code and a decision from a fixed list. Never raw paths, client ids or addresses.

use once_cell::sync::Lazy;
use prometheus::{
    register_histogram_vec, register_int_counter, register_int_counter_vec, register_int_gauge_vec,
    HistogramVec, IntCounter, IntCounterVec, IntGaugeVec,
};

pub static REQUESTS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_requests_total",
        "Requests by route template, method, status and decision.",
        &["route", "method", "status", "decision"]
    )
    .expect("metric registers once")
});

pub static LATENCY: Lazy<HistogramVec> = Lazy::new(|| {
    register_histogram_vec!(
        "gateway_request_duration_seconds",
        "Total request latency seen by the gateway, by route template and method.",
        &["route", "method"],
        vec![0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
    )
    .expect("metric registers once")
});

pub static UPSTREAM_LATENCY: Lazy<HistogramVec> = Lazy::new(|| {
    register_histogram_vec!(
        "gateway_upstream_duration_seconds",
        "Time from choosing the upstream to the end of the response, by upstream.",
        &["upstream"],
        vec![0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]
    )
    .expect("metric registers once")
});

pub static DENIALS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_denials_total",
        "Requests the gateway answered itself, by reason.",
        &["reason"]
    )
    .expect("metric registers once")
});

pub static UPSTREAM_ERRORS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_upstream_errors_total",
        "Upstream failures by upstream and kind.",
        &["upstream", "kind"]
    )
    .expect("metric registers once")
});

pub static UPSTREAM_HEALTHY: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_upstream_healthy_backends",
        "Healthy addresses per upstream.",
        &["upstream"]
    )
    .expect("metric registers once")
});

pub static UPSTREAM_EJECTIONS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_upstream_ejections_total",
        "Addresses ejected by outlier detection (failures in a row), by upstream.",
        &["upstream"]
    )
    .expect("metric registers once")
});

pub static UPSTREAM_RETRIES: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_upstream_retries_total",
        "Tries sent again to another address, by upstream and cause (connect: the request \
         never reached the upstream; error: an idempotent request whose try failed; \
         budget_exhausted: a retry refused by the retry budget).",
        &["upstream", "cause"]
    )
    .expect("metric registers once")
});

pub static SHED: Lazy<IntCounter> = Lazy::new(|| {
    register_int_counter!(
        "gateway_requests_shed_total",
        "Requests answered 503 overloaded because limits.max_inflight was reached."
    )
    .expect("metric registers once")
});

pub static CONNECTIONS_REFUSED: Lazy<IntCounter> = Lazy::new(|| {
    register_int_counter!(
        "gateway_connections_refused_total",
        "Client connections closed because max_connections was reached."
    )
    .expect("metric registers once")
});

pub static VALIDATION_FAILURES: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_validation_failures_total",
        "Requests refused by request validation (schema_invalid, injection_blocked), by rule \
         (the rule the validation pillar noted, else the reason slug).",
        &["rule"]
    )
    .expect("metric registers once")
});

pub static RATE_LIMITED: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_rate_limited_total",
        "Requests refused by rate limiting, by the tier whose rates decided (`none` for a \
         fixed-rate limit) and the rule: the name of the limit that decided.",
        &["tier", "rule"]
    )
    .expect("metric registers once")
});

/// Count the decision-specific metrics of one finished request. Labels are bounded: slugs
/// are static, rules and tiers are names from configuration.
pub fn observe_decision(decision: &str, reason: &str, notes: &crate::audit::Notes) {
    match decision {
        // Auth failures are counted by the auth pillar itself, with the precise reason
        // (`gateway_auth_failures_total`).
        "schema_invalid" | "injection_blocked" => VALIDATION_FAILURES
            .with_label_values(&[notes.rule.as_deref().unwrap_or(reason)])
            .inc(),
        "rate_limited" => RATE_LIMITED
            .with_label_values(&[
                notes.tier.as_deref().unwrap_or("none"),
                notes.limit.as_deref().unwrap_or(reason),
            ])
            .inc(),
        _ => {}
    }
}

/// A bounded method label.
pub fn method_label(m: &http::Method) -> &'static str {
    match *m {
        http::Method::GET => "GET",
        http::Method::POST => "POST",
        http::Method::PUT => "PUT",
        http::Method::DELETE => "DELETE",
        http::Method::PATCH => "PATCH",
        http::Method::HEAD => "HEAD",
        http::Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

/// Touch this module's metrics so that `/metrics` lists them from the start (each pillar
/// registers its own: [`crate::server`] calls every `init`).
pub fn init() {
    Lazy::force(&REQUESTS);
    Lazy::force(&LATENCY);
    Lazy::force(&UPSTREAM_LATENCY);
    Lazy::force(&DENIALS);
    Lazy::force(&UPSTREAM_ERRORS);
    Lazy::force(&UPSTREAM_HEALTHY);
    Lazy::force(&UPSTREAM_EJECTIONS);
    Lazy::force(&UPSTREAM_RETRIES);
    Lazy::force(&CONNECTIONS_REFUSED);
    Lazy::force(&SHED);
    Lazy::force(&VALIDATION_FAILURES);
    Lazy::force(&RATE_LIMITED);
}

/// The text exposition of the default registry.
pub fn render() -> Vec<u8> {
    use prometheus::Encoder;
    let mut out = Vec::new();
    let _ = prometheus::TextEncoder::new().encode(&prometheus::gather(), &mut out);
    out
}
