//! Decision tests with a fake clock: tiers, keys, per-route scope, most restrictive wins,
//! headers, Redis-down fail policies, and policy validation.

use super::gcra::FakeClock;
use super::policy::{compile, Policy, RateLimitsFile};
use super::*;
use crate::identity::{AuthMethod, Principal};
use crate::report::Report;
use crate::router::Router;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

const GET_ORDERS: usize = 0;
const POST_LOGIN: usize = 1;

fn router() -> Router {
    let mut r = Router::default();
    r.add(
        "orders",
        "orders",
        http::Method::GET,
        "/orders",
        None,
        crate::auth::scopes::Security::Public,
    )
    .unwrap();
    r.add(
        "auth",
        "auth",
        http::Method::POST,
        "/login",
        None,
        crate::auth::scopes::Security::Public,
    )
    .unwrap();
    assert_eq!(r.routes()[GET_ORDERS].template, "/orders");
    assert_eq!(r.routes()[POST_LOGIN].template, "/login");
    r
}

fn policy(yaml: &str) -> Result<Policy, Report> {
    let mut report = Report::default();
    let f = PathBuf::from("policies/ratelimits.yaml");
    let file: RateLimitsFile = crate::report::parse_yaml(&f, yaml, &mut report)
        .ok_or_else(|| std::mem::take(&mut report))?;
    let p = compile(
        vec![(f, file)],
        &router(),
        &BTreeMap::<String, ()>::new(),
        &mut report,
    );
    if report.errors.is_empty() {
        Ok(p)
    } else {
        Err(report)
    }
}

fn limiter(yaml: &str) -> (RateLimiter, Arc<FakeClock>) {
    let clock = Arc::new(FakeClock::at(1_700_000_000_000_000));
    let p = policy(yaml).unwrap_or_else(|r| panic!("{:?}", r.errors));
    (RateLimiter::with_clock(p, clock.clone()), clock)
}

fn principal(client: &str, tier: Option<&str>) -> Principal {
    Principal {
        method: AuthMethod::Jwt,
        issuer: "https://idp".into(),
        subject: None,
        client_id: Some(client.into()),
        tenant: None,
        scopes: Vec::new(),
        tier: tier.map(String::from),
        api_key_id: None,
    }
}

fn run<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn check(
    l: &RateLimiter,
    route: usize,
    addr: &str,
    p: Option<&Principal>,
) -> Result<Option<Outcome>, Deny> {
    decide(l, route, addr, p).map_err(|r| r.deny)
}

fn decide(
    l: &RateLimiter,
    route: usize,
    addr: &str,
    p: Option<&Principal>,
) -> Result<Option<Outcome>, Refused> {
    let limits = l.policy.for_route(&router().routes()[route]);
    run(l.check(
        &limits,
        Request {
            client_ip: ip(addr),
            principal: p,
        },
    ))
}

const TIERS: &str = r#"
tiers:
  free: {per_second: 2, daily_quota: 1000}
  pro: {per_second: 10, burst: 5}
limits:
  per-client:
    key: client
    default_tier: free
"#;

#[test]
fn tier_limits_are_per_client() {
    let (l, clock) = limiter(TIERS);
    let a = principal("a", Some("free"));
    let b = principal("b", Some("free"));
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).is_ok());
    let d = decide(&l, GET_ORDERS, "10.0.0.1", Some(&a)).unwrap_err();
    assert_eq!(d.deny.status(), 429);
    // The refusal names the limit and the tier whose rates decided.
    assert_eq!(
        (d.limit.as_str(), d.tier.as_deref()),
        ("per-client", Some("free"))
    );
    // Another client of the same tier, from the same address, is unaffected.
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&b)).is_ok());
    // Pro: burst 5 at once, then limited.
    let p = principal("p", Some("pro"));
    for _ in 0..5 {
        assert!(check(&l, GET_ORDERS, "10.0.0.2", Some(&p)).is_ok());
    }
    let d = decide(&l, GET_ORDERS, "10.0.0.2", Some(&p)).unwrap_err();
    assert_eq!(
        (d.limit.as_str(), d.tier.as_deref()),
        ("per-client", Some("pro"))
    );
    // Time heals: half a second later client a has one request again (2/s).
    clock.advance(Duration::from_millis(500));
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).is_err());
}

#[test]
fn unknown_or_missing_tier_gets_the_default_and_anonymous_is_keyed_by_ip() {
    let (l, _) = limiter(TIERS);
    let x = principal("x", Some("platinum"));
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&x)).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&x)).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&x)).is_err());
    assert!(check(&l, GET_ORDERS, "10.0.0.9", None).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.9", None).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.9", None).is_err());
    assert!(check(&l, GET_ORDERS, "10.0.0.8", None).is_ok());
}

#[test]
fn headers_and_retry_after() {
    let (l, clock) = limiter(TIERS);
    let a = principal("a", None);
    let o = check(&l, GET_ORDERS, "10.0.0.1", Some(&a))
        .unwrap()
        .unwrap();
    assert_eq!(
        o.policy_header(),
        r#""per-client.free-1s";q=2;w=1, "per-client.free-86400s";q=1000;w=86400"#
    );
    // 2/s: after one request 1 left, full again in 0.5 s → t=1 (rounded up).
    assert_eq!(
        o.ratelimit_header(),
        r#""per-client.free-1s";r=1;t=1, "per-client.free-86400s";r=999;t=87"#
    );
    check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).unwrap();
    match check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).unwrap_err() {
        Deny::RateLimited {
            retry_after,
            ratelimit,
            ..
        } => {
            assert_eq!(retry_after, 1);
            assert!(
                ratelimit.starts_with(r#""per-client.free-1s";r=0;t=1"#),
                "{ratelimit}"
            );
        }
        d => panic!("{d:?}"),
    }
    let headers = check(&l, GET_ORDERS, "10.0.0.1", Some(&a))
        .unwrap_err()
        .headers();
    assert_eq!(headers[0], ("retry-after", "1".to_string()));
    clock.advance(Duration::from_millis(500));
    assert!(check(&l, GET_ORDERS, "10.0.0.1", Some(&a)).is_ok());
}

const LAYERED: &str = r#"
limits:
  per-ip:
    key: ip
    anonymous_only: true
    per_second: 10
  login:
    key: ip
    routes: [{method: POST, path: /login}]
    per_minute: 2
"#;

#[test]
fn route_override_is_most_restrictive_and_denials_consume_nothing() {
    let (l, _) = limiter(LAYERED);
    assert!(check(&l, POST_LOGIN, "192.0.2.1", None).is_ok());
    assert!(check(&l, POST_LOGIN, "192.0.2.1", None).is_ok());
    for _ in 0..20 {
        let d = decide(&l, POST_LOGIN, "192.0.2.1", None).unwrap_err();
        assert_eq!(d.deny.slug(), "rate-limited");
        // Of the two limits on the route, the one that refused; a fixed rate has no tier.
        assert_eq!((d.limit.as_str(), d.tier), ("login", None));
    }
    // The 20 denied logins did not use the per-IP budget: 8 of 10 left.
    let o = check(&l, GET_ORDERS, "192.0.2.1", None).unwrap().unwrap();
    assert_eq!(o.ratelimit_header(), r#""per-ip";r=7;t=1"#);
    // The login limit does not apply to other routes; authenticated callers skip per-ip.
    let p = principal("c", None);
    assert_eq!(check(&l, GET_ORDERS, "192.0.2.1", Some(&p)), Ok(None));
}

#[test]
fn redis_down_local_share_or_closed() {
    // Redis configured but never reached: the link starts down, no request waits on it.
    let (l, _) = limiter(
        r#"
redis: {urls: ["redis://127.0.0.1:1/"], fleet_size: 4}
limits:
  shared:
    key: ip
    per_second: 8
  login:
    key: ip
    routes: [{method: POST, path: /login}]
    per_minute: 100
    mode: strict
    on_redis_failure: closed
"#,
    );
    // 8/s, burst 8, fleet of 4 → this instance's share is 2/s, burst 2.
    assert!(check(&l, GET_ORDERS, "10.1.1.1", None).is_ok());
    assert!(check(&l, GET_ORDERS, "10.1.1.1", None).is_ok());
    assert!(check(&l, GET_ORDERS, "10.1.1.1", None).is_err());
    let d = decide(&l, POST_LOGIN, "10.1.1.2", None).unwrap_err();
    assert_eq!(d.deny, Deny::RateLimitUnavailable);
    assert_eq!(d.deny.status(), 503);
    assert_eq!(d.limit, "login");
}

#[test]
fn global_cap_is_one_bucket() {
    let (l, _) = limiter("limits:\n  cap: {key: global, per_second: 3}\n");
    for i in 0..3 {
        assert!(check(&l, GET_ORDERS, &format!("10.0.0.{i}"), None).is_ok());
    }
    assert!(check(&l, POST_LOGIN, "10.0.0.99", None).is_err());
}

#[test]
fn validation_names_every_mistake() {
    let r = policy(
        r#"
redis: {urls: ["redis://:hunter2@localhost/"], deployment: sentinel}
tiers:
  free: {burst: 3}
limits:
  a: {key: ip, default_tier: gold}
  b: {key: ip, per_second: 1, routes: [{path: /nope}]}
  c: {key: client, default_tier: free, per_second: 1}
  d: {key: ip, per_second: 0}
"#,
    )
    .unwrap_err();
    let text: Vec<String> = r.errors.iter().map(|d| d.to_string()).collect();
    let all = text.join("\n");
    for want in [
        "rate_limits.redis.urls[0]: no password in the URL",
        "rate_limits.redis.master_name: required",
        "rate_limits.limits.a.default_tier: tier rates need `key: client`",
        "rate_limits.limits.a.default_tier: unknown tier",
        "rate_limits.limits.b.routes[0]: no route",
        "rate_limits.limits.c: either `default_tier`",
        "rate_limits.limits.d.per_second: must be greater than 0",
    ] {
        assert!(all.contains(want), "missing {want:?} in:\n{all}");
    }
    assert!(!all.contains("hunter2"), "never echo a password");
    // Strict parsing: unknown keys are errors.
    assert!(policy("limits:\n  a: {key: ip, per_second: 1, bogus: 2}\n").is_err());
}

/// A reload hands the buckets over: a limit exhausted before it stays exhausted after, even
/// when the new policy adds a limit that sorts before it (which moved every limit's index and
/// bucket number when buckets were numbered in load order).
#[test]
fn successor_keeps_buckets_by_limit_name() {
    let before = "limits:\n  per-ip: {key: ip, per_minute: 2}\n";
    let (l, _clock) = limiter(before);
    assert!(check(&l, GET_ORDERS, "10.0.0.1", None).is_ok());
    assert!(check(&l, GET_ORDERS, "10.0.0.1", None).is_ok());
    assert_eq!(
        check(&l, GET_ORDERS, "10.0.0.1", None)
            .expect_err("limited")
            .status(),
        429
    );
    let after = "limits:\n  a-global: {key: global, per_minute: 1000}\n  per-ip: {key: ip, per_minute: 2}\n";
    let next = l
        .successor(policy(after).expect("valid policy"))
        .expect("same redis settings");
    assert_eq!(
        check(&next, GET_ORDERS, "10.0.0.1", None)
            .expect_err("limited")
            .status(),
        429,
        "the reload must not refill the exhausted bucket"
    );
    // Another address still has its own full bucket.
    assert!(check(&next, GET_ORDERS, "10.0.0.2", None).is_ok());
    // A changed store size cannot be handed over.
    let bigger = "local: {max_keys: 2048}\nlimits:\n  per-ip: {key: ip, per_minute: 2}\n";
    let e = next
        .successor(policy(bigger).expect("valid policy"))
        .err()
        .expect("refused");
    assert!(e.contains("needs a restart"), "{e}");
}
