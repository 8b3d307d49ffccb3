//! One `upstreams:` entry → a validated [`Upstream`]: addresses resolved, TLS material read
//! and checked, timeouts, health checks, outlier detection and retries.

use super::read::{parse_addr, read_pem_certs, read_pem_key};
use super::*;

pub(super) fn compile_upstream(
    f: &Path,
    base: &Path,
    loc: &str,
    name: &str,
    u: UpstreamFile,
    report: &mut Report,
) -> Option<Upstream> {
    let errors_before = report.errors.len();
    if u.addresses.is_empty() {
        report.error(
            f,
            format!("{loc}.addresses"),
            "at least one address is required",
        );
    }
    let mut addresses = Vec::new();
    for (i, a) in u.addresses.iter().enumerate() {
        match parse_addr(a) {
            Ok(sa) => addresses.push(sa),
            Err(e) => report.error(f, format!("{loc}.addresses[{i}]"), e),
        }
    }
    let tls = match (u.tls, u.plaintext) {
        (Some(_), true) => {
            report.error(f, loc, "`tls` and `plaintext: true` exclude each other");
            None
        }
        (None, false) => {
            report.error(f, loc, "mTLS is required: add `tls` (ca, server_name, client_cert, client_key), or opt out with `plaintext: true`");
            None
        }
        (None, true) => {
            report.warn(
                f,
                loc,
                "plaintext upstream: traffic to it is neither encrypted nor authenticated",
            );
            None
        }
        (Some(t), false) => {
            let ca = read_pem_certs(&resolve_relative(base, &t.ca))
                .map_err(|e| report.error(f, format!("{loc}.tls.ca"), e))
                .ok();
            let chain = read_pem_certs(&resolve_relative(base, &t.client_cert))
                .map_err(|e| report.error(f, format!("{loc}.tls.client_cert"), e))
                .ok();
            let key = read_pem_key(&resolve_relative(base, &t.client_key))
                .map_err(|e| report.error(f, format!("{loc}.tls.client_key"), e))
                .ok();
            if t.server_name.is_empty() {
                report.error(f, format!("{loc}.tls.server_name"), "must not be empty");
            }
            match (ca, chain, key) {
                (Some(ca), Some(chain), Some(key)) => {
                    let cert_pub = chain[0].public_key().ok();
                    if cert_pub.is_some_and(|p| !p.public_eq(&key)) {
                        report.error(
                            f,
                            format!("{loc}.tls.client_key"),
                            "does not match client_cert",
                        );
                    }
                    Some(UpstreamTls {
                        ca: Arc::new(ca.into_boxed_slice()),
                        server_name: t.server_name,
                        client_chain: chain,
                        client_key: key,
                    })
                }
                _ => None,
            }
        }
    };
    let t = u.timeouts;
    for (n, d) in [
        ("connect", t.connect),
        ("read", t.read),
        ("write", t.write),
        ("idle", t.idle),
    ] {
        if d.is_zero() {
            report.error(f, format!("{loc}.timeouts.{n}"), "must be greater than 0");
        }
    }
    if !u.health_check.path.starts_with('/') {
        report.error(f, format!("{loc}.health_check.path"), "must start with '/'");
    }
    let o = &u.outlier_detection;
    if o.consecutive_failures > 0 {
        if o.base_ejection_time.is_zero() {
            report.error(
                f,
                format!("{loc}.outlier_detection.base_ejection_time"),
                "must be greater than 0",
            );
        }
        if o.max_ejection_time < o.base_ejection_time {
            report.error(
                f,
                format!("{loc}.outlier_detection.max_ejection_time"),
                "must be at least base_ejection_time",
            );
        }
    }
    if o.max_ejected_percent > 100 {
        report.error(
            f,
            format!("{loc}.outlier_detection.max_ejected_percent"),
            "a percentage: 0 to 100",
        );
    }
    let r = &u.retry;
    if r.attempts == 0 || r.attempts > 5 {
        report.error(
            f,
            format!("{loc}.retry.attempts"),
            "between 1 (no retry) and 5",
        );
    }
    if r.per_try_timeout.is_zero() {
        report.error(
            f,
            format!("{loc}.retry.per_try_timeout"),
            "must be greater than 0",
        );
    }
    if r.budget_percent > 100 {
        report.error(
            f,
            format!("{loc}.retry.budget_percent"),
            "a percentage: 0 to 100",
        );
    }
    if report.errors.len() > errors_before {
        return None;
    }
    Some(Upstream {
        name: name.to_string(),
        addresses,
        tls,
        host_header: u.host_header,
        timeouts: UpstreamTimeouts {
            connect: t.connect,
            read: t.read,
            write: t.write,
            idle: t.idle,
        },
        health_enabled: u.health_check.enabled,
        health_path: u.health_check.path,
        health_interval: u.health_check.interval,
        health_timeout: u.health_check.timeout,
        outlier: u.outlier_detection,
        retry: u.retry,
    })
}
