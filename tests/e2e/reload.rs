//! Live configuration end to end: `POST /reload`, `SIGHUP` and the file watch (plain files
//! and a Kubernetes ConfigMap's `..data` swap); a refused configuration (errors, or a change
//! that needs a restart) leaves the old generation serving and is counted; requests in flight
//! across a swap finish on their generation; rate-limit buckets, verified tokens, issuer keys,
//! upstream connections and health survive a reload; and a fleet of three instances sharing
//! one Redis takes a new spec under load with no failed request and no dropped connection.

use crate::harness::*;
use crate::idp::*;
use serde_json::Value;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const USERS_SPEC: &str = r#"openapi: 3.0.3
info: {title: Users, version: "1"}
x-gateway: {upstream: orders}
security: []
paths:
  /users/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok}}}
"#;

/// Refused by `gateway check`: the upstream it names does not exist.
const BROKEN_SPEC: &str = r#"openapi: 3.0.3
info: {title: Broken, version: "1"}
x-gateway: {upstream: nowhere}
security: []
paths:
  /broken:
    get: {responses: {"200": {description: ok}}}
"#;

fn admin(gw: &GatewayProc, method: &str, path: &str) -> Resp {
    http_plain(
        gw.admin,
        &format!(
            "{method} {path} HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    )
    .expect("admin request")
}

fn readyz(gw: &GatewayProc) -> Value {
    admin(gw, "GET", "/readyz").json()
}

fn generation(gw: &GatewayProc) -> u64 {
    readyz(gw)["config"]["generation"]
        .as_u64()
        .expect("generation in /readyz")
}

/// A sample's value, by its exact name and labels (`name{label="v"}`).
fn sample(gw: &GatewayProc, series: &str) -> f64 {
    gw.metrics()
        .lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

fn reloads(gw: &GatewayProc, result: &str) -> f64 {
    sample(
        gw,
        &format!("gateway_config_reloads_total{{result=\"{result}\"}}"),
    )
}

fn wait_until(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !f() {
        assert!(
            t0.elapsed() < limit,
            "timed out ({limit:?}) waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// `gateway check`'s error lines for the configuration of `gw`.
fn check_errors(gw: &GatewayProc) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(gw.dir.path().join("gateway.yaml"))
        .output()
        .expect("gateway check");
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix("error: "))
        .map(String::from)
        .collect()
}

#[test]
fn admin_reload_adds_a_spec_and_refuses_broken_or_restart_only_changes() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    assert_eq!(generation(&gw), 1);
    let hash1 = readyz(&gw)["config"]["hash"].as_str().unwrap().to_string();
    gw.get("/users/7").assert_problem(404);
    assert_eq!(admin(&gw, "GET", "/reload").status, 405);

    std::fs::write(gw.dir.path().join("openapi/users.yaml"), USERS_SPEC).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    let out = r.json();
    assert_eq!(out["result"], "ok");
    assert_eq!(out["trigger"], "admin");
    assert_eq!(out["generation"], 2);
    assert_eq!(out["kept"]["upstreams"], serde_json::json!(["orders"]));
    assert_eq!(gw.get("/users/7").status, 200);
    assert_eq!(
        up.take().last().map(|r| r.target.clone()).as_deref(),
        Some("/users/7")
    );
    let ready = readyz(&gw);
    assert_eq!(ready["config"]["generation"], 2);
    assert_ne!(ready["config"]["hash"].as_str(), Some(hash1.as_str()));
    assert_eq!(reloads(&gw, "ok"), 1.0);
    let info = format!(
        "gateway_config_generation_info{{hash=\"{}\"}}",
        ready["config"]["hash"].as_str().unwrap()
    );
    assert_eq!(sample(&gw, &info), 2.0, "{}", gw.metrics());

    // A broken spec: refused with `gateway check`'s diagnostics; generation 2 keeps serving.
    std::fs::write(gw.dir.path().join("openapi/broken.yaml"), BROKEN_SPEC).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 422, "{}", r.text());
    let out = r.json();
    assert_eq!(out["result"], "error");
    assert_eq!(out["generation"], 2);
    let errors: Vec<String> = out["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect();
    assert!(!errors.is_empty());
    assert_eq!(
        errors,
        check_errors(&gw),
        "the same messages as `gateway check`"
    );
    // (The file watch may refuse the same change once more on its own.)
    assert!(reloads(&gw, "error") >= 1.0);
    assert_eq!(generation(&gw), 2);
    assert_eq!(gw.get("/users/7").status, 200);
    gw.get("/broken").assert_problem(404);
    assert!(gw.log().contains("configuration reload refused"));
    std::fs::remove_file(gw.dir.path().join("openapi/broken.yaml")).unwrap();

    // A new listener address is valid configuration, but only an upgrade can apply it.
    let yaml = gw.dir.path().join("gateway.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let moved = text.replace(
        &format!("\"{}\"", gw.addr),
        &format!("\"127.0.0.1:{}\"", free_port()),
    );
    assert_ne!(moved, text);
    std::fs::write(&yaml, &moved).unwrap();
    let errors_before = reloads(&gw, "error");
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 422, "{}", r.text());
    let msg = r.json()["errors"].to_string();
    assert!(
        msg.contains("listeners changed: needs a restart or graceful upgrade"),
        "{msg}"
    );
    assert!(reloads(&gw, "error") > errors_before);
    assert_eq!(generation(&gw), 2);
    assert_eq!(gw.get("/users/7").status, 200);
}

/// SIGHUP reloads even when no watched file changed (what the file watch cannot see, such
/// as a rotated upstream client key, is picked up this way), and a refused SIGHUP leaves the
/// process serving (SIGHUP's default action would have ended it).
#[test]
fn sighup_reloads_and_a_refused_sighup_keeps_the_process_serving() {
    let (pki, _up, mut gw) = orders_gateway(|b| b);
    gw.signal("HUP");
    wait_until(Duration::from_secs(10), "generation 2 after SIGHUP", || {
        generation(&gw) == 2
    });
    assert_eq!(reloads(&gw, "ok"), 1.0);
    assert!(gw.log().contains("SIGHUP: reloading the configuration"));
    assert_eq!(gw.get("/orders").status, 200);

    // The upstream client key (outside the watched directories) is broken: only SIGHUP
    // reloads, and the reload is refused.
    let key = pki.path("client.key");
    let good = std::fs::read(&key).unwrap();
    std::fs::write(&key, "not a key\n").unwrap();
    gw.signal("HUP");
    wait_until(Duration::from_secs(10), "a refused reload", || {
        reloads(&gw, "error") == 1.0
    });
    std::fs::write(&key, good).unwrap();
    assert!(
        gw.log().contains("is not a PEM private key"),
        "{}",
        gw.log()
    );
    assert!(
        !gw.wait_exit(Duration::from_millis(100)),
        "the process is still running"
    );
    assert_eq!(generation(&gw), 2);
    assert_eq!(gw.get("/orders").status, 200);

    // `openapi/` replaced as a whole (a new directory renamed over it): the watch of the old
    // directory is gone; SIGHUP reloads it and renews the watches, so the next change made
    // in the new directory is picked up by the watch alone.
    let d = gw.dir.path();
    std::fs::create_dir(d.join("openapi.new")).unwrap();
    std::fs::write(d.join("openapi.new/orders.yaml"), ORDERS_SPEC).unwrap();
    std::fs::rename(d.join("openapi"), d.join("openapi.old")).unwrap();
    std::fs::rename(d.join("openapi.new"), d.join("openapi")).unwrap();
    gw.signal("HUP");
    wait_until(Duration::from_secs(10), "generation 3 after SIGHUP", || {
        generation(&gw) == 3
    });
    std::fs::write(d.join("openapi/users.yaml"), USERS_SPEC).unwrap();
    wait_until(
        Duration::from_secs(10),
        "the watch of the new directory",
        || gw.get("/users/2").status == 200,
    );
    assert_eq!(generation(&gw), 4);
}

/// Lay `openapi/` out as the kubelet does for a ConfigMap volume: the data in a timestamped
/// directory, `..data` a symlink to it, each key a symlink through `..data`.
fn configmap_layout(openapi: &Path, version: &str, files: &[(&str, &str)]) {
    let data = openapi.join(version);
    std::fs::create_dir_all(&data).unwrap();
    for (name, text) in files {
        std::fs::write(data.join(name), text).unwrap();
    }
    // Atomic swap: a new symlink, renamed over `..data`.
    let tmp = openapi.join("..data_tmp");
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(version, &tmp).unwrap();
    std::fs::rename(&tmp, openapi.join("..data")).unwrap();
    for (name, _) in files {
        let link = openapi.join(name);
        if std::fs::symlink_metadata(&link).is_err() {
            std::os::unix::fs::symlink(format!("..data/{name}"), &link).unwrap();
        }
    }
}

#[test]
fn file_watch_reloads_plain_files_and_configmap_symlink_swaps() {
    let (_pki, _up, gw) = orders_gateway(|b| {
        b.prepare(|d| {
            let openapi = d.join("openapi");
            std::fs::remove_file(openapi.join("orders.yaml")).unwrap();
            configmap_layout(&openapi, "..2026_01_01", &[("orders.yaml", ORDERS_SPEC)]);
        })
    });
    let openapi = gw.dir.path().join("openapi");
    assert_eq!(gw.get("/orders").status, 200);
    // Writes in the configuration file's directory that are not the configuration (the
    // process log is written there all along) reload nothing.
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(generation(&gw), 1);

    // The ConfigMap changes: the kubelet swaps `..data`.
    let with_users = ORDERS_SPEC.replace(
        "paths:\n",
        "paths:\n  /users/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    get: {responses: {\"200\": {description: ok}}}\n",
    );
    configmap_layout(&openapi, "..2026_01_02", &[("orders.yaml", &with_users)]);
    wait_until(
        Duration::from_secs(10),
        "the ConfigMap swap to be loaded",
        || gw.get("/users/1").status == 200,
    );
    assert_eq!(generation(&gw), 2);

    // A plain file dropped into the policies directory (rate limits for the new route).
    std::fs::write(
        gw.dir.path().join("policies/limits.yaml"),
        "rate_limits:\n  limits:\n    users: {key: ip, routes: [{path: \"/users/{id}\"}], per_minute: 1}\n",
    )
    .unwrap();
    wait_until(Duration::from_secs(10), "the new policy file", || {
        generation(&gw) == 3
    });
    assert_eq!(gw.get("/users/1").status, 200);
    gw.get("/users/1").assert_problem(429);
    assert_eq!(reloads(&gw, "ok"), 2.0);
}

#[test]
fn requests_in_flight_finish_on_their_generation() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let (addr, ca) = (gw.addr, gw.ca_pem.clone());
    // One request routed but still sending its body (read before any upstream is chosen).
    let mut sending = tls_stream(addr, &ca).expect("tls");
    sending
        .write_all(b"POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhello")
        .unwrap();
    // Slow answers (1.5 s) in flight while the route they use is removed.
    let slow: Vec<_> = (0..3)
        .map(|_| {
            let ca = ca.clone();
            std::thread::spawn(move || {
                raw_tls(
                    addr,
                    &ca,
                    b"GET /orders/9 HTTP/1.1\r\nHost: localhost\r\nX-Echo-Delay-Ms: 1500\r\nConnection: close\r\n\r\n",
                )
            })
        })
        .collect();
    wait_until(Duration::from_secs(5), "the slow requests upstream", || {
        up.count() == 3
    });
    // The new generation has neither the route nor its upstream (renamed).
    std::fs::remove_file(gw.dir.path().join("openapi/orders.yaml")).unwrap();
    std::fs::write(
        gw.dir.path().join("openapi/users.yaml"),
        USERS_SPEC.replace("upstream: orders", "upstream: users"),
    )
    .unwrap();
    let pol = gw.dir.path().join("policies/upstreams.yaml");
    let text = std::fs::read_to_string(&pol).unwrap();
    std::fs::write(&pol, text.replace("  orders:", "  users:")).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    gw.get("/orders/9").assert_problem(404);
    assert_eq!(gw.get("/users/1").status, 200);
    // Every request that started on the old generation finishes there: those waiting on
    // the upstream, and the one whose body was still arriving.
    for h in slow {
        let r = h.join().unwrap().expect("in-flight request");
        assert_eq!(r.status, 200, "{}", r.text());
    }
    sending.write_all(b"world").unwrap();
    let r = read_one_response(&mut sending).expect("answer to the request sent across the swap");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(up
        .take()
        .iter()
        .any(|r| r.method == "POST" && r.body == b"helloworld"));
}

#[test]
fn reload_keeps_buckets_tokens_keys_connections_and_health() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let spec = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: [{oauth: [read:orders]}]
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
  /orders/limited:
    get: {responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r}}}}
"#;
    let issuer = format!(
        "issuers:\n  test:\n    issuer: \"{ISS}\"\n    audiences: [\"{AUD}\"]\n    jwks_url: \"{}\"\n    algorithms: [ES256]\n    refresh: {{min: 1h, max: 1h}}\n",
        idp.url("/jwks")
    );
    let limits = "rate_limits:\n  limits:\n    tight: {key: ip, routes: [{path: /orders/limited}], per_minute: 2}\n";
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", spec)
        .policy("issuers.yaml", &issuer)
        .policy("limits.yaml", limits)
        .plaintext_listener()
        .start();
    let token = es.token("alice", "read:orders");
    let plain = gw.plain.expect("plain listener");
    let mut conn = TcpStream::connect(plain).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut get = |path: &str| -> Resp {
        conn.write_all(
            format!(
                "GET {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n\r\n"
            )
            .as_bytes(),
        )
        .unwrap();
        read_one_response(&mut conn).expect("response")
    };
    assert_eq!(get("/orders").status, 200);
    assert_eq!(get("/orders/limited").status, 200);
    assert_eq!(get("/orders/limited").status, 200);
    get("/orders/limited").assert_problem(429);
    let jwks_hits = idp.jwks_hits();
    assert_eq!(jwks_hits, 1, "keys fetched once at start");
    let misses = || sample(&gw, "gateway_token_cache_total{result=\"miss\"}");
    let misses_before = misses();
    assert!(misses_before >= 1.0);
    let first_conn = up.take().last().expect("upstream saw a request").connection;

    // A reload that changes something else (a new spec, and the limit file touched with a
    // new limit sorting before the exhausted one).
    std::fs::write(gw.dir.path().join("openapi/users.yaml"), USERS_SPEC).unwrap();
    std::fs::write(
        gw.dir.path().join("policies/limits.yaml"),
        format!("{limits}    a-users: {{key: ip, routes: [{{path: \"/users/{{id}}\"}}], per_minute: 100}}\n"),
    )
    .unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    let out = r.json();
    assert_eq!(out["kept"]["upstreams"], serde_json::json!(["orders"]));
    assert_eq!(out["kept"]["issuers"], serde_json::json!(["test"]));
    assert_eq!(out["kept"]["token_cache"], true);
    // Health: the kept cluster is ready at once (a new one waits for its first check).
    assert_eq!(admin(&gw, "GET", "/readyz").status, 200);

    // The bucket was not refilled by the reload.
    get("/orders/limited").assert_problem(429);
    // The verified token is served from the cache, and the keys were not fetched again.
    assert_eq!(get("/orders").status, 200);
    assert_eq!(misses(), misses_before, "the token was not verified again");
    assert_eq!(
        idp.jwks_hits(),
        jwks_hits,
        "no JWKS fetch caused by the reload"
    );
    // The same pooled upstream connection carries the request after the reload.
    let after = up.take().last().expect("upstream saw a request").connection;
    assert_eq!(after, first_conn, "the upstream connection pool survived");
    assert_eq!(get("/users/5").status, 200);
}

/// A keep-alive client over plain TCP that sends GETs in turn over `paths` until `stop`,
/// counting answers by status; any broken connection is counted and the loop reconnects.
struct Load {
    ok: AtomicU64,
    /// Answers other than 200 on a path that must answer 200 (`paths[0]` always; the
    /// others once `live` is set).
    failed: AtomicU64,
    dropped: AtomicU64,
    stop: AtomicBool,
    /// The added route is live on this instance: from now on it must answer 200.
    live: AtomicBool,
}

fn load_loop(addr: SocketAddr, paths: [&'static str; 2], l: Arc<Load>) {
    let connect = || {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s
    };
    let mut s = connect();
    let mut i = 0usize;
    while !l.stop.load(Ordering::Relaxed) {
        let path = paths[i % 2];
        i += 1;
        let must_succeed = path == paths[0] || l.live.load(Ordering::Relaxed);
        let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        let r = s
            .write_all(req.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|_| read_one_response(&mut s));
        match r {
            Ok(r) if r.status == 200 => {
                l.ok.fetch_add(1, Ordering::Relaxed);
            }
            Ok(r) => {
                if must_succeed {
                    eprintln!("{addr} {path}: {} {}", r.status, r.text());
                    l.failed.fetch_add(1, Ordering::Relaxed);
                }
            }
            Err(e) => {
                eprintln!("{addr} {path}: connection lost: {e}");
                l.dropped.fetch_add(1, Ordering::Relaxed);
                s = connect();
            }
        }
    }
}

#[test]
fn fleet_of_three_takes_a_new_spec_under_load_and_refuses_a_broken_one() {
    let redis = crate::ratelimit::Redis::start();
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    up.set_recording(false);
    let limits = format!(
        "rate_limits:\n  redis: {{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 100ms, timeout: 50ms, fleet_size: 3}}\n  limits:\n    per-ip: {{key: ip, per_second: 100000}}\n",
        redis.port
    );
    let fleet: Vec<GatewayProc> = (0..3)
        .map(|_| {
            GatewayBuilder::new(&pki)
                .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
                .spec("orders.yaml", ORDERS_SPEC)
                .policy("limits.yaml", &limits)
                .plaintext_listener()
                .start()
        })
        .collect();
    for gw in &fleet {
        wait_until(Duration::from_secs(10), "redis up", || {
            sample(gw, "gateway_ratelimit_redis_up") == 1.0
        });
    }
    // Two clients per instance, each on one keep-alive connection.
    let loads: Vec<Arc<Load>> = fleet
        .iter()
        .map(|_| {
            Arc::new(Load {
                ok: AtomicU64::new(0),
                failed: AtomicU64::new(0),
                dropped: AtomicU64::new(0),
                stop: AtomicBool::new(false),
                live: AtomicBool::new(false),
            })
        })
        .collect();
    let threads: Vec<_> = fleet
        .iter()
        .zip(&loads)
        .flat_map(|(gw, l)| {
            let addr = gw.plain.expect("plain listener");
            (0..2).map(move |_| {
                let l = l.clone();
                std::thread::spawn(move || load_loop(addr, ["/orders", "/users/42"], l))
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));

    // The new spec goes to every instance (as a ConfigMap update would) and is picked up by
    // each one's file watch.
    let t0 = Instant::now();
    for gw in &fleet {
        std::fs::write(gw.dir.path().join("openapi/users.yaml"), USERS_SPEC).unwrap();
    }
    for (gw, l) in fleet.iter().zip(&loads) {
        wait_until(
            Duration::from_secs(10),
            "the new spec on every instance",
            || generation(gw) == 2,
        );
        l.live.store(true, Ordering::Relaxed);
    }
    let live_after = t0.elapsed();
    std::thread::sleep(Duration::from_millis(500));

    // A broken spec goes to every instance: each refuses it and keeps serving.
    for gw in &fleet {
        std::fs::write(gw.dir.path().join("openapi/broken.yaml"), BROKEN_SPEC).unwrap();
    }
    for gw in &fleet {
        wait_until(Duration::from_secs(10), "the broken spec refused", || {
            reloads(gw, "error") >= 1.0
        });
    }
    std::thread::sleep(Duration::from_millis(500));
    for l in &loads {
        l.stop.store(true, Ordering::Relaxed);
    }
    for t in threads {
        t.join().unwrap();
    }
    let ok: u64 = loads.iter().map(|l| l.ok.load(Ordering::Relaxed)).sum();
    let failed: u64 = loads.iter().map(|l| l.failed.load(Ordering::Relaxed)).sum();
    let dropped: u64 = loads
        .iter()
        .map(|l| l.dropped.load(Ordering::Relaxed))
        .sum();
    eprintln!(
        "fleet: {ok} requests answered 200, {failed} failed, {dropped} connections dropped; \
         new spec live on all three after {live_after:?}"
    );
    assert_eq!(failed, 0, "failed requests");
    assert_eq!(dropped, 0, "dropped connections");
    assert!(ok > 300, "the load really ran ({ok} requests)");
    for gw in &fleet {
        assert_eq!(generation(gw), 2);
        assert_eq!(reloads(gw, "ok"), 1.0);
        assert_eq!(gw.get("/users/1").status, 200);
        gw.get("/broken").assert_problem(404);
    }
}

/// An upstream and an issuer that a reload adds get what those of the first generation get:
/// the issuer's keys are fetched before the new generation serves (a token signed with them
/// is accepted at once), and the health checks follow the new set of upstreams (`/readyz`
/// reports the new upstream checked and ready; one that is removed again leaves it).
#[test]
fn an_upstream_and_issuer_added_by_reload_are_health_checked_and_keyed() {
    let es = IdpKey::es256("es-new");
    let idp = Idp::start(&[&es]);
    let (pki, _up, gw) = orders_gateway(|b| b);
    let users_up = pki.upstream("users.internal");
    let spec = r#"openapi: 3.0.3
info: {title: Users, version: "1"}
x-gateway: {upstream: users}
security: [{oauth: [read:users]}]
paths:
  /users/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:users: r}}}}
"#;
    let policy = format!(
        "upstreams:\n  users:\n    addresses: [\"{}\"]\n    tls: {{ca: {}, server_name: users.internal, client_cert: {}, client_key: {}}}\n    health_check: {{interval: 200ms}}\n\
         issuers:\n  new-idp:\n    issuer: \"{ISS}\"\n    audiences: [\"{AUD}\"]\n    jwks_url: \"{}\"\n    algorithms: [ES256]\n    refresh: {{min: 1h, max: 1h}}\n",
        users_up.addr,
        pki.path("ca.crt").display(),
        pki.path("client.crt").display(),
        pki.path("client.key").display(),
        idp.url("/jwks"),
    );
    std::fs::write(gw.dir.path().join("policies/users.yaml"), policy).unwrap();
    std::fs::write(gw.dir.path().join("openapi/users.yaml"), spec).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        idp.jwks_hits(),
        1,
        "the new issuer's keys were fetched before the swap"
    );
    let token = es.token("bob", "read:users");
    let r = gw.raw(&format!(
        "GET /users/3 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(users_up.take().len(), 1);
    wait_until(
        Duration::from_secs(5),
        "the new upstream checked and ready",
        || {
            let r = readyz(&gw);
            r["upstreams"]["users"]["ready"] == true && r["status"] == "ready"
        },
    );
    let ready = readyz(&gw);
    assert_eq!(ready["issuers"]["new-idp"]["keys_loaded"], true, "{ready}");

    assert!(gw
        .metrics()
        .contains("gateway_upstream_healthy_backends{upstream=\"users\"} 1"));

    // Removed again: gone from /readyz and from the health metrics.
    std::fs::remove_file(gw.dir.path().join("openapi/users.yaml")).unwrap();
    std::fs::remove_file(gw.dir.path().join("policies/users.yaml")).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(readyz(&gw)["upstreams"].get("users").is_none());
    wait_until(
        Duration::from_secs(5),
        "the removed upstream's health series gone",
        || {
            !gw.metrics()
                .contains("gateway_upstream_healthy_backends{upstream=\"users\"}")
        },
    );
}

/// What the audit log records (`audit.headers`) and how it masks (`audit.detectors`) follow
/// the generation: changed by a reload, they apply from the next request. Its sinks (here the
/// file) belong to the process: a reload that changes them is refused.
#[test]
fn audit_headers_and_detectors_reload_and_its_sinks_need_a_restart() {
    let audit = |headers: &str, detectors: &str, path: &str| {
        format!(
            "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
             file: {{path: {path}, fsync: always}}\n  headers: [{headers}]\n  detectors: [{detectors}]\n"
        )
    };
    let (_pki, _up, gw) =
        orders_gateway(|b| b.gateway_yaml(&audit("x-note", "email", "audit/audit.log")));
    let send = |rid: &str| {
        let r = gw.raw(&format!(
            "GET /orders/summary HTTP/1.1\r\nHost: localhost\r\nx-note: call 555-123-4567 or ann@example.com\r\n\
             x-other: kept-out\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(r.status, 200, "{rid}: {}", r.text());
        r.header("x-request-id").expect("request id").to_string()
    };
    let log = gw.dir.path().join("audit/audit.log");
    let record = |rid: &str| -> Value {
        let mut found = None;
        wait_until(Duration::from_secs(10), "the audit record", || {
            found = std::fs::read_to_string(&log)
                .unwrap_or_default()
                .lines()
                .find_map(|l| {
                    let v: Value = serde_json::from_str(l).ok()?;
                    (v["request_id"] == rid).then_some(v)
                });
            found.is_some()
        });
        found.unwrap()
    };
    let header = |rec: &Value, name: &str| -> Option<String> {
        rec["headers"][name].as_str().map(String::from)
    };

    // Generation 1: `x-note` recorded, e-mail addresses masked, phone numbers not.
    let first = record(&send("first"));
    let note = header(&first, "x-note").expect("x-note recorded");
    assert!(
        !note.contains("ann@example.com") && note.contains("555-123-4567"),
        "{note}"
    );
    assert_eq!(header(&first, "x-other"), None);

    // Generation 2: `x-other` recorded too, phone numbers masked as well.
    let yaml = gw.dir.path().join("gateway.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let changed = text
        .replace("headers: [x-note]", "headers: [x-note, x-other]")
        .replace("detectors: [email]", "detectors: [email, phone]");
    assert_ne!(changed, text);
    std::fs::write(&yaml, &changed).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(generation(&gw), 2);
    let second = record(&send("second"));
    let note = header(&second, "x-note").expect("x-note recorded");
    assert!(
        !note.contains("ann@example.com") && !note.contains("555-123-4567"),
        "{note}"
    );
    assert_eq!(header(&second, "x-other").as_deref(), Some("kept-out"));

    // Another file sink: refused (one chain per writer), generation 2 keeps serving.
    std::fs::write(&yaml, changed.replace("audit/audit.log", "audit/other.log")).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.json()["errors"].to_string().contains("audit (sinks"),
        "{}",
        r.text()
    );
    assert_eq!(generation(&gw), 2);
}

#[test]
fn tracing_sample_ratio_reloads_and_the_exporter_needs_a_restart() {
    // No collector is needed: the upstream reads the sampling decision in `traceparent`.
    let tracing = |ratio: &str, port: u16| {
        format!(
            "tracing: {{endpoint: \"http://127.0.0.1:{port}/v1/traces\", sample_ratio: {ratio}}}\n"
        )
    };
    let (_pki, up, gw) = orders_gateway(|b| b.gateway_yaml(&tracing("0.0", 9)));
    let flags = |n: usize| -> Vec<String> {
        for _ in 0..n {
            let r = gw.raw(
                "GET /orders/summary HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            );
            assert_eq!(r.status, 200, "{}", r.text());
        }
        up.take()
            .iter()
            .map(|r| {
                let tp = r.header("traceparent").expect("traceparent upstream");
                tp.rsplit('-').next().unwrap_or_default().to_string()
            })
            .collect()
    };
    assert_eq!(flags(10), vec!["00"; 10], "ratio 0: nothing sampled");

    let yaml = gw.dir.path().join("gateway.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let changed = text.replace(&tracing("0.0", 9), &tracing("1.0", 9));
    assert_ne!(changed, text);
    std::fs::write(&yaml, &changed).unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(generation(&gw), 2);
    assert_eq!(
        flags(10),
        vec!["01"; 10],
        "ratio 1 after the reload: all sampled"
    );

    // Another collector: the exporter is the process's, so a restart is needed.
    std::fs::write(
        &yaml,
        changed.replace(&tracing("1.0", 9), &tracing("1.0", 10)),
    )
    .unwrap();
    let r = admin(&gw, "POST", "/reload");
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.json()["errors"].to_string().contains("tracing (endpoint"),
        "{}",
        r.text()
    );
    assert_eq!(generation(&gw), 2);
}
