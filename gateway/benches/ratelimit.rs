//! Rate-limit decision path and the memory held by 1M tracked keys.
//!
//! `cargo bench -p gateway --bench ratelimit` (figures in README "Rate limiting").

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use gateway::config::{parse_yaml, Report};
use gateway::identity::{AuthMethod, Principal};
use gateway::ratelimit::gcra::Gcra;
use gateway::ratelimit::policy::{compile, Limit, RateLimitsFile};
use gateway::ratelimit::store::Store;
use gateway::ratelimit::{RateLimiter, Request};
use gateway::router::Router;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

const POLICY: &str = r#"
tiers:
  free: {per_second: 5, burst: 10, daily_quota: 10000}
  pro: {per_second: 1000000000, daily_quota: 1000000000}
limits:
  per-ip: {key: ip, anonymous_only: true, routes: [{path: /ip}], per_second: 1000000000}
  per-client: {key: client, default_tier: free, routes: [{path: /client}]}
  tight: {key: ip, routes: [{path: /tight}], per_minute: 1}
"#;

/// The limiter and, per route (in the order above), the limits of its plan.
fn limiter() -> (RateLimiter, Vec<Vec<Arc<Limit>>>) {
    let mut r = Router::default();
    for p in ["/ip", "/client", "/tight", "/open"] {
        r.add(
            "s",
            "u",
            http::Method::GET,
            p,
            None,
            gateway::auth::scopes::Security::Public,
        )
        .unwrap();
    }
    let f = PathBuf::from("bench.yaml");
    let mut report = Report::default();
    let file: RateLimitsFile = parse_yaml(&f, POLICY, &mut report).expect("policy");
    let p = compile(
        vec![(f, file)],
        &r,
        &std::collections::BTreeMap::<String, ()>::new(),
        &mut report,
    );
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let plans = r.routes().iter().map(|rt| p.for_route(rt)).collect();
    (RateLimiter::new(p), plans)
}

/// `check` never awaits without a strict limit: poll it once.
fn now<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("local decisions never wait"),
    }
}

fn rss_bytes() -> u64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = s
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// Resident memory of a store holding 1M keys, and after 3M distinct keys (bounded).
fn memory_report() {
    let before = rss_bytes();
    let st = Store::new(1_000_000, 64);
    let g = Gcra::new(1, Duration::from_secs(3600), 1);
    let t0 = 1_700_000_000_000_000u64;
    for i in 0..1_000_000u32 {
        let h = st.hash(1, &format!("ip:{}", Ipv4Addr::from(i)));
        st.commit(h, &g, t0 + u64::from(i), None);
    }
    let one_m = rss_bytes().saturating_sub(before);
    let tracked_1m = st.len();
    for i in 1_000_000..3_000_000u32 {
        let h = st.hash(1, &format!("ip:{}", Ipv4Addr::from(i)));
        st.commit(h, &g, t0 + u64::from(i), None);
    }
    let three_m = rss_bytes().saturating_sub(before);
    eprintln!(
        "ratelimit memory: 1M keys → {:.1} MiB RSS ({} B/key), tracked {}; after 3M distinct keys → {:.1} MiB, tracked {}, evicted {}",
        one_m as f64 / 1048576.0,
        one_m / 1_000_000,
        tracked_1m,
        three_m as f64 / 1048576.0,
        st.len(),
        st.evicted()
    );
}

fn bench(c: &mut Criterion) {
    memory_report();
    let (l, plans) = limiter();
    let ip = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7));
    let pro = Principal {
        method: AuthMethod::Jwt,
        issuer: "i".into(),
        subject: None,
        client_id: Some("acme".into()),
        tenant: None,
        scopes: vec![],
        tier: Some("pro".into()),
        api_key_id: None,
    };
    let req = |principal| Request {
        client_ip: ip,
        principal,
    };
    c.bench_function("ratelimit/no limit on route", |b| {
        b.iter(|| now(l.check(&plans[3], black_box(req(None)))))
    });
    c.bench_function("ratelimit/per-ip allowed (one key)", |b| {
        b.iter(|| now(l.check(&plans[0], black_box(req(None)))))
    });
    c.bench_function("ratelimit/tier client allowed (2 windows)", |b| {
        b.iter(|| now(l.check(&plans[1], black_box(req(Some(&pro))))))
    });
    now(l.check(&plans[2], req(None))).ok();
    c.bench_function("ratelimit/denied (429)", |b| {
        b.iter(|| now(l.check(&plans[2], black_box(req(None)))))
    });
    let mut i = 0u32;
    c.bench_function("ratelimit/per-ip allowed (1M rotating keys)", |b| {
        b.iter(|| {
            i = (i + 1) % 1_000_000;
            let r = Request {
                client_ip: IpAddr::V4(Ipv4Addr::from(i)),
                principal: None,
            };
            now(l.check(&plans[0], black_box(r)))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
