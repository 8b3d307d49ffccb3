//! Upstream faults end to end: one of two upstream processes frozen with SIGSTOP (the
//! kernel still accepts its connections, nothing answers), then killed (connections
//! refused). Outlier detection ejects it, idempotent requests are retried on the other
//! address within the per-try timeout, and requests that never reached an upstream are
//! retried whatever their method.

use crate::harness::*;
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A child process killed (after SIGCONT) when the test ends, pass or fail.
struct Kid(Child);

impl Kid {
    fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([sig, &self.0.id().to_string()])
            .status()
            .expect("kill");
        assert!(ok.success());
    }
}

impl Drop for Kid {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-CONT", &self.0.id().to_string()])
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn upstream_process(port: u16) -> Kid {
    let k = Kid(Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args([
            "upstream",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--threads",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn upstream"));
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("addr");
    let t0 = Instant::now();
    while http_plain(
        addr,
        "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .is_err()
    {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "upstream did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    k
}

const SPEC: &str = r#"openapi: 3.0.3
info: {title: faults, version: "1"}
x-gateway: {upstream: faults}
security: []
paths:
  /faults/items:
    get: {responses: {"200": {description: ok}}}
  /faults/orders:
    post: {responses: {"200": {description: ok}}}
"#;

/// One keep-alive client: `(start offset, latency, status)` per request until `stop`.
fn client(
    addr: SocketAddr,
    req: &'static str,
    t0: Instant,
    stop: Arc<AtomicBool>,
) -> Vec<(Duration, Duration, u16)> {
    let mut out = Vec::new();
    let mut conn: Option<TcpStream> = None;
    while !stop.load(Ordering::SeqCst) {
        let t = Instant::now();
        let status = (|| -> Option<u16> {
            if conn.is_none() {
                let s = TcpStream::connect(addr).ok()?;
                s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
                conn = Some(s);
            }
            let s = conn.as_mut()?;
            s.write_all(req.as_bytes()).ok()?;
            let r = read_one_response(s).ok()?;
            if r.header("connection")
                .is_some_and(|v| v.eq_ignore_ascii_case("close"))
            {
                conn = None;
            }
            Some(r.status)
        })();
        if status.is_none() {
            conn = None;
        }
        out.push((t.duration_since(t0), t.elapsed(), status.unwrap_or(0)));
    }
    out
}

/// A gateway on the faults spec with this `policies/upstreams.yaml`, ready; and a reader of
/// its metrics' first sample by name prefix.
struct Gw {
    _dir: tempfile::TempDir,
    _kid: Kid,
    plain: SocketAddr,
    admin: SocketAddr,
    log: std::path::PathBuf,
}

impl Gw {
    fn start(upstreams_yaml: String) -> Gw {
        let pki = Pki::new();
        let gb = GatewayBuilder::new(&pki)
            .spec("faults.yaml", SPEC)
            .plaintext_listener();
        let (dir, cfg, _addr, admin, plain) = gb.write();
        std::fs::write(dir.path().join("policies/upstreams.yaml"), upstreams_yaml)
            .expect("write upstreams");
        let log_path = dir.path().join("gateway.log");
        let log = std::fs::File::create(&log_path).expect("log");
        let kid = Kid(Command::new(env!("CARGO_BIN_EXE_gateway"))
            .args(["run", "-c"])
            .arg(&cfg)
            .env("GATEWAY_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn gateway"));
        wait_admin_ready(admin);
        Gw {
            _dir: dir,
            _kid: kid,
            plain: plain.expect("plain listener"),
            admin,
            log: log_path,
        }
    }

    fn metric(&self, name: &str) -> f64 {
        http_plain(
            self.admin,
            "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .expect("metrics")
        .text()
        .lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
    }
}

#[test]
fn frozen_then_dead_upstream_address_is_ejected_and_requests_retried_elsewhere() {
    let (pa, pb) = (free_port(), free_port());
    let a = upstream_process(pa);
    let _b = upstream_process(pb);
    // Active health checks off: what is tested is what the requests themselves notice.
    let gw = Gw::start(format!(
        "upstreams:\n  faults:\n    addresses: [\"127.0.0.1:{pa}\", \"127.0.0.1:{pb}\"]\n    plaintext: true\n    \
         health_check: {{enabled: false}}\n    timeouts: {{connect: 300ms}}\n    \
         retry: {{attempts: 2, per_try_timeout: 400ms}}\n    \
         outlier_detection: {{consecutive_failures: 2, base_ejection_time: 1s, max_ejection_time: 1s}}\n"
    ));
    let plain = gw.plain;
    let metric = |name: &str| gw.metric(name);

    // Phase 1: address A frozen under GET load from four keep-alive clients.
    let get = "GET /faults/items HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let stop = Arc::new(AtomicBool::new(false));
    let t0 = Instant::now();
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let s = stop.clone();
            std::thread::spawn(move || client(plain, get, t0, s))
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    a.signal("-STOP");
    let frozen_at = t0.elapsed();
    let deadline = Instant::now() + Duration::from_secs(10);
    while metric("gateway_upstream_ejections_total{upstream=\"faults\"}") < 1.0 {
        assert!(Instant::now() < deadline, "frozen address never ejected");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(1500));
    stop.store(true, Ordering::SeqCst);
    let mut results: Vec<_> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("client"))
        .collect();
    results.sort();
    let bad: Vec<_> = results.iter().filter(|r| r.2 != 200).collect();
    assert!(
        bad.is_empty(),
        "a GET failed while one address was frozen: {bad:?}"
    );
    // No request held past one per-try timeout plus the retry (slack for a busy machine).
    let slowest = results.iter().map(|r| r.1).max().expect("requests");
    assert!(
        slowest < Duration::from_millis(2000),
        "slowest request {slowest:?}"
    );
    // Throughput never stopped: no stretch without an answer longer than a try's timeout.
    let mut ends: Vec<Duration> = results.iter().map(|r| r.0 + r.1).collect();
    ends.sort();
    let stall = ends
        .windows(2)
        .filter(|w| w[1] > frozen_at)
        .map(|w| w[1] - w[0])
        .max()
        .unwrap_or_default();
    assert!(
        stall < Duration::from_millis(1500),
        "no answer for {stall:?}"
    );
    let after = results
        .iter()
        .filter(|r| r.0 > frozen_at + Duration::from_secs(1))
        .count();
    assert!(after > 5, "only {after} requests after the freeze");
    assert!(metric("gateway_upstream_retries_total{cause=\"error\",upstream=\"faults\"}") >= 1.0);

    // Phase 2: A dead (connections refused). Once its ejection has run out it is chosen
    // again; the POSTs sent to it never reach an upstream, so they are retried on B whatever
    // their method.
    drop(a);
    std::thread::sleep(Duration::from_millis(1200));
    let post = "POST /faults/orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    for _ in 0..10 {
        let r = http_plain(plain, post).expect("post");
        assert_eq!(r.status, 200, "{}", r.text());
    }
    assert!(metric("gateway_upstream_retries_total{cause=\"connect\",upstream=\"faults\"}") >= 1.0);
    let log = std::fs::read_to_string(&gw.log).unwrap_or_default();
    assert!(log.contains("upstream address ejected"), "{log}");
}

/// An upstream that answers every request's head one byte at a time, a byte every 100 ms for
/// 10 s: no single read waits long, the whole head takes 10 s.
fn dripping_upstream() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { return };
            std::thread::spawn(move || {
                use std::io::Read;
                let mut buf = [0u8; 4096];
                let mut seen = Vec::new();
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                    }
                }
                if s.write_all(b"HTTP/1.1 200 OK\r\nX-Drip: ").is_err() {
                    return;
                }
                for _ in 0..100 {
                    std::thread::sleep(Duration::from_millis(100));
                    if s.write_all(b"a").is_err() {
                        return;
                    }
                }
                let _ = s.write_all(b"\r\nContent-Length: 0\r\n\r\n");
            });
        }
    });
    addr
}

#[test]
fn an_address_dripping_its_answer_head_is_cut_at_the_per_try_timeout_and_retried() {
    let drip = dripping_upstream();
    let pb = free_port();
    let _b = upstream_process(pb);
    // No outlier detection: the dripping address keeps its turn in the rotation, so half the
    // requests try it first.
    let gw = Gw::start(format!(
        "upstreams:\n  faults:\n    addresses: [\"{drip}\", \"127.0.0.1:{pb}\"]\n    plaintext: true\n    \
         health_check: {{enabled: false}}\n    \
         retry: {{attempts: 2, per_try_timeout: 500ms}}\n    \
         outlier_detection: {{consecutive_failures: 0}}\n"
    ));
    let get = "GET /faults/items HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    for i in 0..6 {
        let t = Instant::now();
        let r = http_plain(gw.plain, get).expect("answer");
        let took = t.elapsed();
        assert_eq!(r.status, 200, "request {i}: {}", r.text());
        assert_eq!(
            r.header("x-drip"),
            None,
            "request {i} answered by the dripping address"
        );
        // Each read of the drip is 100 ms, far under the 500 ms per try: only a bound on the
        // whole head stops it (slack for a busy machine; the drip lasts 10 s).
        assert!(took < Duration::from_secs(3), "request {i} took {took:?}");
    }
    assert!(
        gw.metric("gateway_upstream_retries_total{cause=\"error\",upstream=\"faults\"}") >= 3.0,
        "the dripping tries were not retried"
    );
}
