//! Rate limiting end to end, against real `redis-server` processes started (and killed) by
//! the tests on free ports: per-IP limits and forged `X-Forwarded-For`, headers, three
//! instances sharing one Redis within the stated bound, Redis killed and restarted, and a
//! three-master Redis Cluster.

use crate::harness::*;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `redis-server` on a free loopback port, killed on drop.
pub(crate) struct Redis {
    child: Option<Child>,
    pub(crate) port: u16,
    dir: tempfile::TempDir,
    cluster: bool,
}

impl Redis {
    pub(crate) fn start() -> Redis {
        Redis::start_on(free_port(), false)
    }

    fn start_on(port: u16, cluster: bool) -> Redis {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut r = Redis {
            child: None,
            port,
            dir,
            cluster,
        };
        r.spawn();
        r
    }

    fn spawn(&mut self) {
        let mut cmd = Command::new("redis-server");
        cmd.args(["--port", &self.port.to_string()])
            .args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(self.dir.path());
        if self.cluster {
            cmd.args([
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
            ]);
        }
        self.child = Some(
            cmd.stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server (apt-get install redis-server)"),
        );
        let t0 = Instant::now();
        while self.cli(&["PING"]).trim() != "PONG" {
            assert!(
                t0.elapsed() < Duration::from_secs(10),
                "redis did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    /// SIGSTOP (`true`) or SIGCONT: a hung Redis whose socket still accepts.
    fn freeze(&self, frozen: bool) {
        let pid = self.child.as_ref().expect("running").id().to_string();
        let sig = if frozen { "-STOP" } else { "-CONT" };
        let ok = Command::new("kill")
            .args([sig, &pid])
            .status()
            .expect("kill");
        assert!(ok.success());
    }

    fn cli(&self, args: &[&str]) -> String {
        Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    /// Calls of `EVAL`/`EVALSHA` so far (INFO commandstats).
    fn script_calls(&self) -> u64 {
        self.cli(&["INFO", "commandstats"])
            .lines()
            .filter(|l| l.starts_with("cmdstat_evalsha:") || l.starts_with("cmdstat_eval:"))
            .filter_map(|l| l.split("calls=").nth(1))
            .filter_map(|v| v.split(',').next()?.parse::<u64>().ok())
            .sum()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill();
    }
}

fn metric(gw: &GatewayProc, name: &str) -> Option<f64> {
    gw.metrics()
        .lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

fn wait_until(limit: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !f() {
        assert!(t0.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn get_with(gw: &GatewayProc, path: &str, extra: &str) -> Resp {
    gw.raw(&format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
    ))
}

#[test]
fn per_ip_limit_ignores_forged_forwarded_for_and_sets_headers() {
    let policy = r#"
rate_limits:
  limits:
    per-ip: {key: ip, anonymous_only: true, per_minute: 3}
"#;
    let (_pki, up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", policy));
    // 404s are never counted (limits run after routing).
    for _ in 0..5 {
        gw.get("/nowhere").assert_problem(404);
    }
    for (i, forged) in ["1.1.1.1", "2.2.2.2", "3.3.3.3"].iter().enumerate() {
        let r = get_with(&gw, "/orders", &format!("X-Forwarded-For: {forged}\r\n"));
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.header("ratelimit-policy"), Some(r#""per-ip";q=3;w=60"#));
        // 3 per minute: one request every 20 s; after request i, 2-i left, full in 20·(i+1) s.
        assert_eq!(
            r.header("ratelimit"),
            Some(format!("\"per-ip\";r={};t={}", 2 - i, 20 * (i + 1)).as_str()),
        );
    }
    // A fourth request, with yet another forged address, is still the same client.
    let r = get_with(&gw, "/orders", "X-Forwarded-For: 4.4.4.4\r\n");
    r.assert_problem(429);
    assert_eq!(r.json()["type"], "urn:gateway:problem:rate-limited");
    assert_eq!(r.header("retry-after"), Some("20"));
    assert_eq!(r.header("ratelimit-policy"), Some(r#""per-ip";q=3;w=60"#));
    assert_eq!(r.header("ratelimit"), Some(r#""per-ip";r=0;t=20"#));
    assert_eq!(
        up.count(),
        3,
        "the limited request never reached the upstream"
    );
    let m = gw.metrics();
    assert!(
        m.contains(
            r#"gateway_ratelimit_decisions_total{limit="per-ip",result="limited",tier="-"} 1"#
        ),
        "{m}"
    );
    assert!(m.contains(r#"decision="rate_limited""#));
}

/// A keep-alive HTTP/1.1 client over plain TCP: sends GETs until `until`, counts statuses.
fn hammer(addr: SocketAddr, path: &str, until: Instant) -> (u64, u64) {
    let mut ok = 0;
    let mut limited = 0;
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let mut buf = Vec::with_capacity(8192);
    while Instant::now() < until {
        s.write_all(req.as_bytes()).expect("write");
        buf.clear();
        let mut chunk = [0u8; 4096];
        let (status, body_start, len) = loop {
            let n = s.read(&mut chunk).expect("read");
            assert!(n > 0, "connection closed");
            buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let status: u16 = head[9..12].parse().expect("status");
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map(|v| v.trim().parse().expect("length"))
                    .unwrap_or(0);
                break (status, end + 4, len);
            }
        };
        while buf.len() < body_start + len {
            let n = s.read(&mut chunk).expect("read body");
            assert!(n > 0);
            buf.extend_from_slice(&chunk[..n]);
        }
        match status {
            200 => ok += 1,
            429 => limited += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    (ok, limited)
}

fn redis_policy(redis_yaml: &str, limits: &str) -> String {
    format!("rate_limits:\n  redis: {redis_yaml}\n  limits:\n{limits}")
}

#[test]
fn three_instances_share_one_redis_within_the_stated_bound() {
    let redis = Redis::start();
    let (rate, burst, interval) = (20.0, 20.0, 0.1);
    let policy = redis_policy(
        &format!(
            "{{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 100ms, timeout: 50ms, fleet_size: 3}}",
            redis.port
        ),
        "    shared: {key: ip, per_second: 20, burst: 20}\n",
    );
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gws: Vec<GatewayProc> = (0..3)
        .map(|_| {
            GatewayBuilder::new(&pki)
                .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
                .spec("orders.yaml", ORDERS_SPEC)
                .policy("ratelimits.yaml", &policy)
                .plaintext_listener()
                .start()
        })
        .collect();
    for gw in &gws {
        wait_until(Duration::from_secs(10), "redis up", || {
            metric(gw, "gateway_ratelimit_redis_up") == Some(1.0)
        });
    }
    let calls_before = redis.script_calls();
    let t0 = Instant::now();
    let until = t0 + Duration::from_secs(3);
    let handles: Vec<_> = gws
        .iter()
        .map(|g| {
            let a = g.plain.expect("plain listener");
            std::thread::spawn(move || hammer(a, "/orders", until))
        })
        .collect();
    let results: Vec<(u64, u64)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let d = t0.elapsed().as_secs_f64();
    let admitted: u64 = results.iter().map(|r| r.0).sum();
    let requests: u64 = results.iter().map(|r| r.0 + r.1).sum();
    // README: admitted ≤ B + r·D + (N−1)·(B + r·(2I + L)), L = one sync round trip (≤ 50 ms here).
    let n = 3.0;
    let bound = burst + rate * d + (n - 1.0) * (burst + rate * (2.0 * interval + 0.05));
    let ideal = burst + rate * d;
    eprintln!(
        "three instances: {requests} requests in {d:.2}s, admitted {admitted} \
         (ideal {ideal:.0}, bound {bound:.0}, per instance {results:?})"
    );
    assert!(requests > 3 * admitted, "the limit was really exercised");
    assert!(
        (admitted as f64) <= bound,
        "admitted {admitted} > bound {bound:.1}"
    );
    assert!(
        (admitted as f64) >= 0.8 * ideal,
        "admitted {admitted}, far below the limit {ideal:.0}"
    );
    // Zero Redis round trips per request: only the sync rounds (≤ 1 script call per
    // instance per interval, one key here) reach Redis.
    let calls = redis.script_calls() - calls_before;
    assert!(
        (calls as f64) <= n * (d / interval + 5.0),
        "{calls} script calls for {requests} requests"
    );
    assert_eq!(up.count() as u64, admitted);
}

#[test]
fn redis_killed_then_restarted_fail_policies_and_recovery() {
    let mut redis = Redis::start();
    let policy = redis_policy(
        &format!(
            "{{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 50ms, timeout: 250ms, fleet_size: 2}}",
            redis.port
        ),
        "    reads: {key: ip, routes: [{method: GET, path: /orders}], per_minute: 60}\n    \
         writes: {key: ip, routes: [{method: POST, path: /orders}], per_minute: 1000, mode: strict, on_redis_failure: closed}\n",
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    assert_eq!(gw.raw(post).status, 200, "strict limit through Redis");
    assert_eq!(gw.get("/orders").status, 200);
    wait_until(Duration::from_secs(5), "async key synced", || {
        !redis
            .cli(&["--scan", "--pattern", "gw:rl:{reads:*"])
            .trim()
            .is_empty()
    });

    redis.kill();
    // Answers keep coming, each well within limits: async falls back to the local share,
    // strict `closed` answers 503 at once.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        statuses.push(gw.get("/orders").status);
        let w = gw.raw(post);
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "a request waited on dead Redis"
        );
        assert!(w.status == 200 || w.status == 503, "{}", w.status);
    }
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    wait_until(Duration::from_secs(5), "redis down", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(0.0)
    });
    let r = gw.raw(post);
    r.assert_problem(503);
    assert_eq!(
        r.json()["type"],
        "urn:gateway:problem:rate-limit-unavailable"
    );
    // The async limit now runs on this instance's share of the fleet-wide rate: 60/min over
    // `fleet_size: 2` is 30 a minute here. 40 more GETs within a few seconds: at most the
    // share (and the few already spent) pass, the rest are 429; the full rate (a fail-open
    // fallback) would pass them all.
    let mut ok = 0;
    let mut limited = 0;
    for _ in 0..40 {
        let r = gw.get("/orders");
        match r.status {
            200 => ok += 1,
            429 => {
                assert_eq!(r.json()["type"], "urn:gateway:problem:rate-limited");
                limited += 1;
            }
            s => panic!("{s}: {}", r.text()),
        }
    }
    // Measured: 29 or 30 allowed (the share refills one every 2 s meanwhile).
    assert!(
        ok >= 20 && limited >= 5,
        "local share: {ok} allowed, {limited} limited"
    );

    redis.restart();
    wait_until(Duration::from_secs(10), "redis up again", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    assert_eq!(gw.raw(post).status, 200, "strict limit works again");
    // The local share may still be spent: GET until one is admitted (one a second refills),
    // then its consumption reaches Redis.
    let mut admitted = false;
    wait_until(Duration::from_secs(10), "sync resumed", || {
        if !admitted {
            admitted = gw.get("/orders").status == 200;
        }
        admitted
            && !redis
                .cli(&["--scan", "--pattern", "gw:rl:{reads:*"])
                .trim()
                .is_empty()
    });
    let log = gw.log();
    assert_eq!(log.matches("redis is down").count(), 1, "{log}");
    assert!(log.matches("redis is up").count() >= 2);
}

#[test]
fn frozen_redis_is_marked_down_from_the_strict_traffic_within_a_second() {
    let redis = Redis::start();
    // Strict traffic only: nothing else talks to Redis but the probe.
    let policy = redis_policy(
        &format!(
            "{{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 100ms, timeout: 200ms, fleet_size: 2}}",
            redis.port
        ),
        "    writes: {key: ip, routes: [{method: POST, path: /orders}], per_second: 10000, \
         mode: strict, on_redis_failure: closed}\n",
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    assert_eq!(gw.raw(post).status, 200);

    redis.freeze(true);
    let frozen_at = Instant::now();
    // Four clients keep posting for 1.5 s. Before the fix every request waited the 200 ms
    // deadline for the whole outage; now only those before detection do.
    let until = frozen_at + Duration::from_millis(1500);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let addr = gw.addr;
            let pem = _pki.ca_pem().to_string();
            std::thread::spawn(move || {
                let mut out = Vec::new();
                while Instant::now() < until {
                    let t = Instant::now();
                    let r = raw_tls(addr, &pem, post.as_bytes()).expect("answer");
                    out.push((t.duration_since(frozen_at), t.elapsed(), r.status));
                }
                out
            })
        })
        .collect();
    let mut down_at = None;
    while Instant::now() < until {
        if down_at.is_none() && metric(&gw, "gateway_ratelimit_redis_up") == Some(0.0) {
            down_at = Some(frozen_at.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let results: Vec<_> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let down_at = down_at.expect("redis marked down while frozen");
    assert!(
        down_at <= Duration::from_secs(1),
        "detected after {down_at:?}"
    );
    assert!(results.iter().all(|r| r.2 == 503), "{results:?}");
    // After detection, no request waits on the deadline any more: the strict calls that
    // timed out are those in flight before it (at most one per client, plus the probe's
    // window), not one per request of the outage.
    let timed_out = metric(
        &gw,
        "gateway_ratelimit_redis_errors_total{op=\"strict_timeout\"}",
    )
    .unwrap_or(0.0);
    eprintln!(
        "frozen redis: {} requests, detected after {down_at:?}, {timed_out} strict calls timed out",
        results.len()
    );
    assert!(
        timed_out <= 12.0,
        "{timed_out} requests waited the deadline"
    );
    assert!(
        results.len() as f64 > 2.0 * timed_out,
        "the outage was exercised"
    );
    let log = gw.log();
    assert_eq!(log.matches("redis is down").count(), 1, "{log}");

    redis.freeze(false);
    wait_until(Duration::from_secs(5), "redis up again", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    assert_eq!(gw.raw(post).status, 200);
    let log = gw.log();
    assert_eq!(log.matches("redis is down").count(), 1, "{log}");
    assert!(log.matches("redis is up").count() >= 2, "{log}");
}

#[test]
fn down_after_and_probe_timeout_are_settings() {
    let redis = Redis::start();
    // A probe deadline far above the default 500 ms, and two slow strict checks (not the
    // default three) to mark Redis down.
    let policy = redis_policy(
        &format!(
            "{{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 100ms, timeout: 100ms, \
             down_after: 2, probe_timeout: 3s}}",
            redis.port
        ),
        "    writes: {key: ip, routes: [{method: POST, path: /orders}], per_second: 10000, \
         mode: strict, on_redis_failure: closed}\n",
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    assert_eq!(gw.raw(post).status, 200);
    redis.freeze(true);
    let frozen_at = Instant::now();
    // No traffic for a second: the probe (every 100 ms) waits its 3 s deadline, so Redis is
    // still up (with the 500 ms default it would be down by now). A condition that must *not*
    // happen for a while can only be watched for that while.
    while frozen_at.elapsed() < Duration::from_secs(1) {
        assert_eq!(metric(&gw, "gateway_ratelimit_redis_up"), Some(1.0));
        std::thread::sleep(Duration::from_millis(50));
    }
    // One strict check past its deadline: the closed policy refuses it, Redis stays up.
    assert_eq!(gw.raw(post).status, 503);
    assert_eq!(
        metric(&gw, "gateway_ratelimit_redis_up"),
        Some(1.0),
        "{}",
        gw.log()
    );
    // The second in a row marks it down, well before the probe's deadline.
    assert_eq!(gw.raw(post).status, 503);
    assert_eq!(metric(&gw, "gateway_ratelimit_redis_up"), Some(0.0));
    assert!(
        frozen_at.elapsed() < Duration::from_millis(2900),
        "the probe, not the strict checks, may have marked it down"
    );
    let log = gw.log();
    assert!(
        log.contains("2 strict checks in a row past their 100ms deadline"),
        "{log}"
    );
    redis.freeze(false);
}

#[test]
fn restarted_empty_redis_is_reseeded_with_the_bucket_state() {
    let mut redis = Redis::start();
    let policy = redis_policy(
        &format!(
            "{{urls: [\"redis://127.0.0.1:{}/\"], sync_interval: 50ms, timeout: 250ms, fleet_size: 2}}",
            redis.port
        ),
        "    writes: {key: ip, routes: [{method: POST, path: /orders}], per_minute: 5, \
         mode: strict, on_redis_failure: closed}\n",
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    for _ in 0..5 {
        assert_eq!(gw.raw(post).status, 200);
    }
    assert_eq!(gw.raw(post).status, 429);
    // Redis restarts empty: the burst must not come back.
    redis.restart();
    wait_until(Duration::from_secs(10), "redis seen down", || {
        gw.raw(post).status == 503
            || metric(
                &gw,
                "gateway_ratelimit_redis_transitions_total{to=\"down\"}",
            )
            .unwrap_or(0.0)
                >= 1.0
    });
    wait_until(Duration::from_secs(10), "redis up again", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    assert_ne!(redis.cli(&["DBSIZE"]).trim(), "0", "re-seeded");
    let r = gw.raw(post);
    assert_eq!(r.status, 429, "a restarted Redis handed out a fresh burst");
}

/// A free port whose cluster bus port (+10000) is free too.
fn cluster_port() -> u16 {
    loop {
        let p = free_port();
        if p < 55_000 && TcpListener::bind(("127.0.0.1", p + 10_000)).is_ok() {
            return p;
        }
    }
}

#[test]
fn redis_cluster_of_three_masters() {
    let nodes: Vec<Redis> = (0..3)
        .map(|_| Redis::start_on(cluster_port(), true))
        .collect();
    let addrs: Vec<String> = nodes
        .iter()
        .map(|n| format!("127.0.0.1:{}", n.port))
        .collect();
    let out = Command::new("redis-cli")
        .args(["--cluster", "create"])
        .args(&addrs)
        .args(["--cluster-replicas", "0", "--cluster-yes"])
        .output()
        .expect("redis-cli --cluster create");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    for n in &nodes {
        wait_until(Duration::from_secs(15), "cluster ok", || {
            n.cli(&["CLUSTER", "INFO"]).contains("cluster_state:ok")
        });
    }
    let urls: Vec<String> = addrs.iter().map(|a| format!("\"redis://{a}/\"")).collect();
    let policy = redis_policy(
        &format!(
            "{{deployment: cluster, urls: [{}], sync_interval: 50ms, timeout: 250ms}}",
            urls.join(", ")
        ),
        "    reads: {key: ip, per_second: 1000}\n    \
         writes: {key: ip, routes: [{method: POST, path: /orders}], per_minute: 2, mode: strict, on_redis_failure: closed}\n",
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    assert_eq!(gw.raw(post).status, 200);
    assert_eq!(gw.raw(post).status, 200);
    let r = gw.raw(post);
    r.assert_problem(429);
    assert_eq!(r.header("retry-after"), Some("30"));
    // The async limit syncs its key through the cluster too.
    assert_eq!(gw.get("/orders").status, 200);
    wait_until(Duration::from_secs(5), "keys in the cluster", || {
        nodes
            .iter()
            .map(|n| n.cli(&["DBSIZE"]).trim().parse::<u64>().unwrap_or(0))
            .sum::<u64>()
            >= 2
    });
    assert_eq!(metric(&gw, "gateway_ratelimit_redis_up"), Some(1.0));
    assert!(metric(&gw, "gateway_ratelimit_redis_errors_total{op=\"sync\"}").unwrap_or(0.0) == 0.0);
}

#[test]
fn sentinel_with_password_from_a_file() {
    // The master requires a password; the gateway reads it from a file and finds the master
    // through a sentinel.
    let master_port = free_port();
    let dir = tempfile::tempdir().expect("tempdir");
    let _master = KillOnDrop(
        Command::new("redis-server")
            .args(["--port", &master_port.to_string(), "--bind", "127.0.0.1"])
            .args([
                "--save",
                "",
                "--appendonly",
                "no",
                "--requirepass",
                "s3cret-pw",
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server"),
    );
    let sentinel_port = free_port();
    let conf = dir.path().join("sentinel.conf");
    std::fs::write(
        &conf,
        format!(
            "port {sentinel_port}\nbind 127.0.0.1\ndir {}\n\
             sentinel monitor mymaster 127.0.0.1 {master_port} 1\n\
             sentinel auth-pass mymaster s3cret-pw\n",
            dir.path().display()
        ),
    )
    .expect("write");
    let _sentinel = KillOnDrop(
        Command::new("redis-server")
            .arg(&conf)
            .arg("--sentinel")
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server --sentinel"),
    );
    let cli = |port: u16, args: &[&str]| {
        Command::new("redis-cli")
            .args(["-p", &port.to_string()])
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    wait_until(Duration::from_secs(10), "sentinel knows the master", || {
        cli(
            sentinel_port,
            &["SENTINEL", "get-master-addr-by-name", "mymaster"],
        )
        .contains(&master_port.to_string())
    });
    std::fs::write(dir.path().join("redis.pw"), "s3cret-pw\n").expect("write");
    let policy = format!(
        "rate_limits:\n  redis: {{deployment: sentinel, urls: [\"redis://127.0.0.1:{sentinel_port}/\"], \
         master_name: mymaster, password_file: {}, timeout: 250ms}}\n  limits:\n    \
         writes: {{key: ip, routes: [{{method: POST, path: /orders}}], per_minute: 2, mode: strict, on_redis_failure: closed}}\n",
        dir.path().join("redis.pw").display()
    );
    let (_pki, _up, gw) = orders_gateway(|b| b.policy("ratelimits.yaml", &policy));
    wait_until(Duration::from_secs(10), "redis up", || {
        metric(&gw, "gateway_ratelimit_redis_up") == Some(1.0)
    });
    let post = "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    assert_eq!(gw.raw(post).status, 200);
    assert_eq!(gw.raw(post).status, 200);
    gw.raw(post).assert_problem(429);
    let keys = cli(
        master_port,
        &["-a", "s3cret-pw", "--no-auth-warning", "DBSIZE"],
    );
    assert_eq!(keys.trim(), "1", "the strict state lives on the master");
    assert!(
        !gw.log().contains("s3cret-pw"),
        "the password never reaches the log"
    );
}

/// A child process killed when the test ends, pass or fail.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const DECISIONS_SPEC: &str = r#"openapi: 3.0.3
info: {title: Decisions, version: "1"}
x-gateway: {upstream: orders}
paths:
  /orders:
    get:
      security: [{key: []}]
      responses: {"200": {description: ok}}
  /summary:
    get:
      security: []
      parameters: [{name: q, in: query, schema: {type: string}}]
      responses: {"200": {description: ok}}
    post:
      security: []
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {qty: {type: integer, maximum: 5}, note: {type: string}}}
      responses: {"201": {description: ok}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
"#;

const TINY_KEY: &str = "decisions-tiny-key-5e1f02a7";

/// The typed decisions reach metrics and the audit record: a tiered limit is reported with
/// the tier whose rates decided and the limit's name, a fixed-rate limit with tier `none`,
/// and a validation refusal with the schema keyword or injection class that failed.
#[test]
fn metrics_and_audit_name_the_real_tier_limit_and_rule() {
    let policy = format!(
        "api_keys:\n  - {{id: tiny-1, sha256: {}, client_id: small-co, tier: tiny, scopes: []}}\n\
         rate_limits:\n  tiers:\n    tiny: {{per_minute: 2}}\n    big: {{per_minute: 6000}}\n  \
         limits:\n    per-client: {{key: client, default_tier: big, routes: [{{path: /orders}}]}}\n    \
         summary-cap: {{key: ip, routes: [{{method: GET, path: /summary}}], per_minute: 1}}\n",
        gateway::auth::api_key_hash(&secret(TINY_KEY)),
    );
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("decisions.yaml", DECISIONS_SPEC)
        .policy("decisions.yaml", &policy)
        .gateway_yaml(
            "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
             file: {path: audit/audit.log, fsync: always}\n",
        )
        .start();
    let key = format!("x-api-key: {TINY_KEY}\r\n");
    assert_eq!(get_with(&gw, "/orders", &key).status, 200);
    assert_eq!(get_with(&gw, "/orders", &key).status, 200);
    get_with(&gw, "/orders", &key).assert_problem(429);
    assert_eq!(gw.get("/summary").status, 200);
    gw.get("/summary").assert_problem(429);
    gw.raw(
        "POST /summary HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: 10\r\nConnection: close\r\n\r\n{\"qty\": 9}",
    )
    .assert_problem(400);
    let sqli = r#"{"note": "1' OR '1'='1"}"#;
    gw.raw(&format!(
        "POST /summary HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{sqli}",
        sqli.len()
    ))
    .assert_problem(400);
    assert_eq!(up.count(), 3);

    let m = gw.metrics();
    for series in [
        r#"gateway_rate_limited_total{rule="per-client",tier="tiny"} 1"#,
        r#"gateway_rate_limited_total{rule="summary-cap",tier="none"} 1"#,
        r#"gateway_validation_failures_total{rule="maximum"} 1"#,
        r#"gateway_validation_failures_total{rule="sql-injection"} 1"#,
    ] {
        assert!(m.contains(series), "{series} not in\n{m}");
    }

    // The access log names them too.
    let access = gw.plain_log();
    for field in [
        "gateway.limit=per-client gateway.tier=tiny",
        "gateway.limit=summary-cap gateway.tier= ",
        "gateway.rule=maximum",
        "gateway.rule=sql-injection",
    ] {
        assert!(access.contains(field), "{field} not in\n{access}");
    }

    let log = gw.dir.path().join("audit/audit.log");
    let mut recs: Vec<serde_json::Value> = Vec::new();
    wait_until(Duration::from_secs(10), "7 audit records", || {
        recs = std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|r| r["kind"] == "request")
            .collect();
        recs.len() >= 7
    });
    let field = |r: &serde_json::Value, k: &str| r[k].as_str().map(String::from);
    let limited: Vec<_> = recs
        .iter()
        .filter(|r| r["decision"] == "rate_limited")
        .map(|r| (field(r, "route"), field(r, "limit"), field(r, "tier")))
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        limited,
        vec![
            (s("/orders"), s("per-client"), s("tiny")),
            (s("/summary"), s("summary-cap"), None),
        ],
        "{recs:#?}"
    );
    let invalid: Vec<_> = recs
        .iter()
        .filter(|r| r["status"] == 400)
        .map(|r| (field(r, "decision"), field(r, "rule")))
        .collect();
    assert_eq!(
        invalid,
        vec![
            (s("schema_invalid"), s("maximum")),
            (s("injection_blocked"), s("sql-injection")),
        ],
        "{recs:#?}"
    );
}
