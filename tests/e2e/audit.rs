//! Audit end to end: one record per transaction with the right decision, masking in every
//! sink, `gateway audit verify` on real files, an HTTP collector that goes away and comes
//! back (every record once, in order), and a gateway killed with -9 then restarted.

use crate::harness::*;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CARD: &str = "4111111111111111";

fn wait_until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !f() {
        assert!(t0.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A small real HTTP/1.1 collector: stores every JSON array it is POSTed, answers 200.
struct Collector {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Collector {
    fn start(addr: SocketAddr, got: Arc<Mutex<Vec<Value>>>, raw: Arc<Mutex<Vec<u8>>>) -> Self {
        let l = TcpListener::bind(addr).expect("bind collector");
        l.set_nonblocking(true).expect("nonblocking");
        let addr = l.local_addr().expect("addr");
        let stop = Arc::new(AtomicBool::new(false));
        let (g, r, s) = (got.clone(), raw.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let mut conns = Vec::new();
            while !s.load(Ordering::SeqCst) {
                match l.accept() {
                    Ok((c, _)) => {
                        let (g, r, s) = (g.clone(), r.clone(), s.clone());
                        conns.push(std::thread::spawn(move || serve(c, g, r, s)));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
            drop(l);
            for c in conns {
                let _ = c.join();
            }
        });
        Collector {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// Close the listener and every connection.
    fn kill(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.kill();
    }
}

fn serve(
    mut c: std::net::TcpStream,
    got: Arc<Mutex<Vec<Value>>>,
    raw: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
) {
    let _ = c.set_read_timeout(Some(Duration::from_millis(50)));
    let mut buf = Vec::new();
    loop {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let mut chunk = [0u8; 65536];
        match c.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return,
        }
        // Complete requests in the buffer.
        while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() < end + 4 + len {
                break;
            }
            let body: Vec<u8> = buf[end + 4..end + 4 + len].to_vec();
            buf.drain(..end + 4 + len);
            raw.lock().expect("lock").extend_from_slice(&body);
            let arr: Value = serde_json::from_slice(&body).expect("collector got a JSON array");
            got.lock()
                .expect("lock")
                .extend(arr.as_array().expect("array").iter().cloned());
            if c.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                .is_err()
            {
                return;
            }
        }
    }
}

/// A gateway process started by these tests (SIGTERM for a graceful stop, -9 for a crash).
struct Proc {
    child: Child,
}

impl Proc {
    fn spawn(cfg: &Path, dir: &Path, admin: SocketAddr, tag: &str) -> Proc {
        let log = std::fs::File::create(dir.join(format!("gateway-{tag}.log"))).expect("log");
        let out = std::fs::File::create(dir.join(format!("stdout-{tag}.txt"))).expect("out");
        let child = Command::new(env!("CARGO_BIN_EXE_gateway"))
            .args(["run", "-c"])
            .arg(cfg)
            .stdout(out)
            .stderr(log)
            .spawn()
            .expect("spawn");
        let mut p = Proc { child };
        let t0 = Instant::now();
        loop {
            if let Some(st) = p.child.try_wait().expect("try_wait") {
                panic!(
                    "gateway exited early with {st}: {}",
                    std::fs::read_to_string(dir.join(format!("gateway-{tag}.log")))
                        .unwrap_or_default()
                );
            }
            if let Ok(r) = http_plain(
                admin,
                "GET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
            ) {
                if r.status == 200 {
                    break;
                }
            }
            assert!(t0.elapsed() < Duration::from_secs(30), "gateway not ready");
            std::thread::sleep(Duration::from_millis(50));
        }
        p
    }

    fn terminate(mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let t0 = Instant::now();
        while self.child.try_wait().expect("try_wait").is_none() {
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "gateway did not stop"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Write a configuration with `audit_yaml` appended; returns (dir, config, addr, admin).
fn write_config(
    b: GatewayBuilder,
    audit_yaml: &str,
) -> (tempfile::TempDir, PathBuf, SocketAddr, SocketAddr) {
    let (dir, path, addr, admin, _) = b.write();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    f.write_all(audit_yaml.as_bytes()).expect("append");
    (dir, path, addr, admin)
}

fn lines(p: &Path) -> Vec<Value> {
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn requests(v: &[Value]) -> Vec<&Value> {
    v.iter().filter(|r| r["kind"] == "request").collect()
}

fn verify(files: &[&Path]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["audit", "verify"])
        .args(files)
        .output()
        .expect("verify");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const BROKEN_SPEC: &str = r#"openapi: 3.0.3
info: {title: Broken, version: "1"}
x-gateway: {upstream: broken}
security: []
paths:
  /broken:
    get: {responses: {"200": {description: ok}}}
"#;

#[test]
fn one_record_per_transaction_masked_in_every_sink_and_verifiable() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let closed: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("addr");
    let got = Arc::new(Mutex::new(Vec::new()));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let collector = Collector::start(
        "127.0.0.1:0".parse().expect("addr"),
        got.clone(),
        raw.clone(),
    );
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .upstream(UpstreamDecl::new("broken", closed, "broken.internal").without_health_check())
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("broken.yaml", BROKEN_SPEC);
    let audit = format!(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  checkpoint_interval: 1s\n  \
         headers: [x-note]\n  file: {{path: audit/audit.log, fsync: always}}\n  stdout: true\n  \
         http: {{url: \"http://{}/collect\", batch_max: 7, spool: {{dir: audit/spool}}}}\n",
        collector.addr
    );
    let (dir, cfg, addr, admin) = write_config(b, &audit);
    let gw = Proc::spawn(&cfg, dir.path(), admin, "a");
    let ca = pki.ca_pem().to_string();
    let send = |req: String| raw_tls(addr, &ca, req.as_bytes()).expect("request");
    let get = |target: &str, extra: &str| {
        send(format!(
            "GET {target} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
        ))
    };
    let body = format!("{{\"card\":\"4111 1111 1111 1111\",\"n\":\"{CARD}\"}}");
    let mut expected: Vec<(String, u16, &str)> = Vec::new();
    for _ in 0..2 {
        let cases: Vec<(harness_resp::R, &str)> = vec![
            (get(&format!("/orders?card={CARD}&limit=5"), ""), "allowed"),
            (get("/orders/42", "x-note: card 5500-0000-0000-0004\r\n"), "allowed"),
            (
                send(format!(
                    "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )),
                "allowed",
            ),
            (get("/nowhere", ""), "no_route"),
            (
                send("PUT /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into()),
                "no_route",
            ),
            (get("/orders/..%2f..%2fetc", ""), "bad_request"),
            (
                send("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n".into()),
                "protocol_limit",
            ),
            (get("/broken", ""), "upstream_error"),
        ];
        for (r, d) in cases {
            let id = r.header("x-request-id").expect("request id").to_string();
            expected.push((id, r.status, d));
        }
    }
    let statuses: Vec<u16> = expected.iter().map(|e| e.1).collect();
    assert_eq!(
        statuses[..8],
        [200, 200, 200, 404, 405, 400, 413, 502],
        "the mix of outcomes"
    );
    gw.terminate();

    let log = dir.path().join("audit/audit.log");
    let all = lines(&log);
    let recs = requests(&all);
    assert_eq!(recs.len(), expected.len(), "exactly one record per request");
    for (id, status, decision) in &expected {
        let r = recs
            .iter()
            .find(|r| r["request_id"] == id.as_str())
            .unwrap_or_else(|| panic!("no record for {id}"));
        assert_eq!(r["status"], *status, "{r}");
        assert_eq!(r["decision"], *decision, "{r}");
        assert!(r["ts"].as_str().expect("ts").ends_with('Z'));
        assert!(r["trace_id"].as_str().is_some_and(|t| t.len() == 32));
        assert_eq!(r["client_ip"], "127.0.0.1");
        assert_eq!(r["tls_version"], "TLSv1.3");
    }
    let ok = recs
        .iter()
        .find(|r| r["status"] == 200 && r["route"] == "/orders")
        .expect("allowed record");
    assert_eq!(ok["query"], "card=************1111&limit=5");
    assert_eq!(ok["upstream"], "orders");
    assert_eq!(ok["upstream_addr"], up.addr.to_string());
    let bad = recs.iter().find(|r| r["status"] == 502).expect("502");
    assert_eq!(bad["reason"], "upstream-failed");
    let noted = recs
        .iter()
        .find(|r| r["headers"]["x-note"].is_string())
        .expect("logged header");
    assert_eq!(noted["headers"]["x-note"], "card ****-****-****-0004");

    // The card never reaches any sink: file, stdout, HTTP collector, spool, process log.
    wait_until("collector", Duration::from_secs(5), || {
        got.lock().expect("lock").len() >= all.len() - 1
    });
    let mut outputs = vec![
        ("file", std::fs::read(&log).expect("file")),
        (
            "stdout",
            std::fs::read(dir.path().join("stdout-a.txt")).expect("stdout"),
        ),
        ("collector", raw.lock().expect("lock").clone()),
        (
            "log",
            std::fs::read(dir.path().join("gateway-a.log")).expect("log"),
        ),
    ];
    if let Ok(rd) = std::fs::read_dir(dir.path().join("audit/spool")) {
        for e in rd.flatten() {
            outputs.push(("spool", std::fs::read(e.path()).unwrap_or_default()));
        }
    }
    for (name, bytes) in &outputs {
        let text = String::from_utf8_lossy(bytes);
        for needle in [
            CARD,
            "4111 1111 1111 1111",
            "4111%201111",
            "5500-0000-0000-0004",
        ] {
            assert!(!text.contains(needle), "{needle} found in the {name} sink");
        }
    }
    assert!(
        String::from_utf8_lossy(&outputs[1].1).contains("************1111"),
        "stdout carries the masked records"
    );

    // The sealed file verifies; tampering does not.
    let (code, out) = verify(&[&log]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK"), "{out}");
    let text = std::fs::read_to_string(&log).expect("log");
    let mut ls: Vec<String> = text.lines().map(String::from).collect();
    let edited = dir.path().join("edited.log");
    let i = ls
        .iter()
        .position(|l| l.contains("\"status\":404"))
        .expect("404 line");
    let mut e = ls.clone();
    e[i] = e[i].replace("\"status\":404", "\"status\":200");
    std::fs::write(&edited, e.join("\n") + "\n").expect("write");
    let (code, out) = verify(&[&edited]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("edited.log:{}", i + 1)) && out.contains("modified"),
        "{out}"
    );
    ls.remove(i);
    std::fs::write(&edited, ls.join("\n") + "\n").expect("write");
    let (code, out) = verify(&[&edited]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("removed"), "{out}");
    ls.truncate(ls.len() - 3);
    std::fs::write(&edited, ls.join("\n") + "\n").expect("write");
    let (code, out) = verify(&[&edited]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("not sealed") || out.contains("periodic checkpoint"),
        "{out}"
    );
}

/// Alias so the case table above reads plainly.
mod harness_resp {
    pub type R = crate::harness::Resp;
}

#[test]
fn http_sink_down_and_back_receives_every_record_once_in_order() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let got = Arc::new(Mutex::new(Vec::new()));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut collector = Collector::start(
        "127.0.0.1:0".parse().expect("addr"),
        got.clone(),
        raw.clone(),
    );
    let caddr = collector.addr;
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    let audit = format!(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  checkpoint_interval: 1s\n  \
         file: {{path: audit/audit.log, fsync: never}}\n  \
         http: {{url: \"http://{caddr}/collect\", batch_max: 5, timeout: 1s, spool: {{dir: audit/spool}}}}\n"
    );
    let (dir, cfg, addr, admin) = write_config(b, &audit);
    let gw = Proc::spawn(&cfg, dir.path(), admin, "a");
    let ca = pki.ca_pem().to_string();
    let burst = |n: usize| {
        for i in 0..n {
            let r = raw_tls(
                addr,
                &ca,
                format!(
                    "GET /orders?limit={i} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                )
                .as_bytes(),
            )
            .expect("request");
            assert_eq!(r.status, 200);
        }
    };
    let count = |got: &Arc<Mutex<Vec<Value>>>| {
        got.lock()
            .expect("lock")
            .iter()
            .filter(|v| v["kind"] == "request")
            .count()
    };
    burst(10);
    wait_until(
        "first burst at the collector",
        Duration::from_secs(10),
        || count(&got) == 10,
    );
    collector.kill();
    burst(15);
    let spool_bytes = || {
        let m = http_plain(
            admin,
            "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .expect("metrics")
        .text();
        m.lines()
            .find(|l| l.starts_with("gateway_audit_spool_bytes{sink=\"http\"}"))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    wait_until("records spilled to disk", Duration::from_secs(10), || {
        spool_bytes() > 0.0
    });
    assert!(dir.path().join("audit/spool/http.spool").exists());
    let _collector2 = Collector::start(caddr, got.clone(), raw.clone());
    burst(5);
    wait_until(
        "every record at the collector",
        Duration::from_secs(20),
        || count(&got) >= 30,
    );
    gw.terminate();

    // Exactly once, in order: the collector's records are the file's, same order, no repeats.
    let file = lines(&dir.path().join("audit/audit.log"));
    let key = |v: &Value| (v["instance"].to_string(), v["seq"].as_u64().expect("seq"));
    let received: Vec<_> = got.lock().expect("lock").iter().map(key).collect();
    let written: Vec<_> = file.iter().map(key).collect();
    assert_eq!(count(&got), 30, "no duplicates");
    assert!(received.len() <= written.len());
    assert_eq!(
        received[..],
        written[..received.len()],
        "same records, same order"
    );
    assert!(
        received.len() >= written.len() - 1,
        "at most the final seal is left for the next run"
    );
}

#[test]
fn unwritable_spool_is_reported_and_the_http_sink_recovers_from_every_fault() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let got = Arc::new(Mutex::new(Vec::new()));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut collector = Collector::start(
        "127.0.0.1:0".parse().expect("addr"),
        got.clone(),
        raw.clone(),
    );
    let caddr = collector.addr;
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    // The spool directory sits under a regular file: it cannot be created or written (a
    // read-only mount does the same to root, which ignores permission bits).
    let audit = format!(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  checkpoint_interval: 1s\n  \
         file: {{path: audit/audit.log, fsync: never}}\n  \
         http: {{url: \"http://{caddr}/collect\", batch_max: 5, timeout: 1s, spool: {{dir: blocker/spool, memory_records: 5000}}}}\n"
    );
    let (dir, cfg, addr, admin) = write_config(b, &audit);
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, b"not a directory").expect("blocker");
    let gw = Proc::spawn(&cfg, dir.path(), admin, "a");
    let log = || std::fs::read_to_string(dir.path().join("gateway-a.log")).unwrap_or_default();
    assert!(
        log().contains(
            "audit spool directory is not writable (or its file system is full): while the sink is down, records are kept in memory only (up to 5000)"
        ),
        "reported at start, with the configured memory cap: {}",
        log()
    );
    let admin_get = |path: &str| {
        http_plain(
            admin,
            &format!("GET {path} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
        )
        .expect("admin")
    };
    let ready = admin_get("/readyz");
    assert_eq!(ready.status, 200, "a spool problem does not stop traffic");
    assert_eq!(ready.json()["audit_sinks"]["http"]["spool_writable"], false);
    let metric = |name: &str| -> f64 {
        admin_get("/metrics")
            .text()
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(-1.0)
    };
    assert_eq!(metric("gateway_audit_spool_writable{sink=\"http\"}"), 0.0);
    let ca = pki.ca_pem().to_string();
    let burst = |n: usize| {
        for i in 0..n {
            let r = raw_tls(
                addr,
                &ca,
                format!(
                    "GET /orders?limit={i} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                )
                .as_bytes(),
            )
            .expect("request");
            assert_eq!(r.status, 200);
        }
    };
    let count = |got: &Arc<Mutex<Vec<Value>>>| {
        got.lock()
            .expect("lock")
            .iter()
            .filter(|v| v["kind"] == "request")
            .count()
    };
    // Collector down, disk unwritable: records wait in memory.
    collector.kill();
    burst(20);
    wait_until("sink seen down", Duration::from_secs(10), || {
        metric("gateway_audit_sink_up{sink=\"http\"}") == 0.0
    });
    // Collector back: everything delivered although the disk never worked.
    let mut collector = Collector::start(caddr, got.clone(), raw.clone());
    wait_until("delivered from memory", Duration::from_secs(20), || {
        count(&got) >= 20
    });
    assert_eq!(metric("gateway_audit_sink_up{sink=\"http\"}"), 1.0);
    // The disk comes back too; the next outage spills to it and is delivered from it.
    std::fs::remove_file(&blocker).expect("unblock");
    collector.kill();
    burst(10);
    wait_until("spilled to the disk again", Duration::from_secs(10), || {
        dir.path().join("blocker/spool/http.spool").exists()
    });
    assert_eq!(metric("gateway_audit_spool_writable{sink=\"http\"}"), 1.0);
    let _collector = Collector::start(caddr, got.clone(), raw.clone());
    wait_until("delivered from the disk", Duration::from_secs(20), || {
        count(&got) >= 30
    });
    for reason in ["spool_full", "spool_unwritable", "memory_full"] {
        let m = format!("gateway_audit_dropped_total{{reason=\"{reason}\",sink=\"http\"}}");
        assert_eq!(metric(&m), 0.0, "{m}");
    }
    gw.terminate();
    let file = lines(&dir.path().join("audit/audit.log"));
    let key = |v: &Value| (v["instance"].to_string(), v["seq"].as_u64().expect("seq"));
    let received: Vec<_> = got.lock().expect("lock").iter().map(key).collect();
    let written: Vec<_> = file.iter().map(key).collect();
    assert_eq!(count(&got), 30, "every record once");
    assert_eq!(received[..], written[..received.len()], "in order");
    // One log line per change of state, not one per record.
    let l = log();
    assert!(l.matches("audit sink unavailable").count() <= 2, "{l}");
    assert!(l.matches("audit spool write failed").count() <= 1, "{l}");
}

#[test]
fn graceful_upgrade_under_load_keeps_one_chain_per_writer_and_verifies() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    let audit = "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  checkpoint_interval: 200ms\n  \
                 file: {path: audit/audit.log, fsync: never}\n";
    let (dir, cfg, addr, admin) = write_config(b, audit);
    let old = Proc::spawn(&cfg, dir.path(), admin, "old");
    // Load: four clients, one request per TLS connection, until told to stop; each keeps the
    // request ids of the answers it got.
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let (stop, ca) = (stop.clone(), pki.ca_pem().to_string());
            std::thread::spawn(move || {
                let (mut ids, mut failed) = (Vec::new(), 0u32);
                let mut i = 0;
                while !stop.load(Ordering::SeqCst) {
                    i += 1;
                    let req = format!(
                        "GET /orders?limit={c}{i} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    );
                    match raw_tls(addr, &ca, req.as_bytes()) {
                        Ok(r) if r.status == 200 => {
                            ids.push(r.header("x-request-id").expect("request id").to_string())
                        }
                        _ => failed += 1,
                    }
                }
                (ids, failed)
            })
        })
        .collect();
    let file = dir.path().join("audit/audit.log");
    wait_until("records under load", Duration::from_secs(10), || {
        requests(&lines(&file)).len() >= 20
    });
    // The upgrade: a new process with -u on the same configuration, then SIGQUIT to the old.
    let sock = PathBuf::from(format!("/tmp/gateway-{}.upgrade.sock", admin.port()));
    let _ = std::fs::remove_file(&sock);
    let log = std::fs::File::create(dir.path().join("gateway-new.log")).expect("log");
    let mut new = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["run", "-u", "-c"])
        .arg(&cfg)
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn new");
    wait_until(
        "new process waiting for the sockets",
        Duration::from_secs(20),
        || sock.exists(),
    );
    let mut old_child = old;
    let _ = Command::new("kill")
        .args(["-QUIT", &old_child.child.id().to_string()])
        .status();
    let t0 = Instant::now();
    while old_child.child.try_wait().expect("wait").is_none() {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "old process did not exit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The new process serves, and takes the writer lock over once the old one is gone.
    let upgrade_file = || {
        std::fs::read_dir(dir.path().join("audit"))
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().contains("audit.log.upgrade-"))
    };
    wait_until(
        "records from the new process",
        Duration::from_secs(10),
        || upgrade_file().is_some_and(|p| requests(&lines(&p)).len() >= 20),
    );
    stop.store(true, Ordering::SeqCst);
    let results: Vec<(Vec<String>, u32)> = clients
        .into_iter()
        .map(|c| c.join().expect("client"))
        .collect();
    let _ = Command::new("kill")
        .args(["-TERM", &new.id().to_string()])
        .status();
    let t0 = Instant::now();
    while new.try_wait().expect("wait").is_none() {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "new process did not exit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Each writer sealed its own file; the directory verifies.
    let (code, out) = verify(&[dir.path().join("audit").as_path()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 instance(s)"), "{out}");
    // Every answer a client got has its record (in one of the two files).
    let mut recorded = std::collections::HashSet::new();
    for p in [file.clone(), upgrade_file().expect("upgrade file")] {
        for r in requests(&lines(&p)) {
            recorded.insert(r["request_id"].as_str().expect("id").to_string());
        }
    }
    let answered: Vec<&String> = results.iter().flat_map(|r| r.0.iter()).collect();
    let failed: u32 = results.iter().map(|r| r.1).sum();
    eprintln!(
        "upgrade under load: {} answered, {failed} failed at the client, {} records",
        answered.len(),
        recorded.len()
    );
    assert!(answered.len() >= 40);
    let missing: Vec<_> = answered
        .iter()
        .filter(|id| !recorded.contains(id.as_str()))
        .collect();
    assert!(missing.is_empty(), "answers without a record: {missing:?}");
}

#[test]
fn killed_with_sigkill_then_restarted_chain_continues_and_verify_reports_the_gap() {
    let (pki, _up, _unused) = (Pki::new(), (), ());
    let up = pki.upstream("orders.internal");
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    let audit = "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
                 checkpoint_interval: 1s\n  checkpoint_every: 5\n  \
                 file: {path: audit/audit.log, fsync: always}\n";
    let (dir, cfg, addr, admin) = write_config(b, audit);
    let ca = pki.ca_pem().to_string();
    let burst = |n: usize| {
        for _ in 0..n {
            let r = raw_tls(
                addr,
                &ca,
                b"GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            )
            .expect("request");
            assert_eq!(r.status, 200);
        }
    };
    let log = dir.path().join("audit/audit.log");
    let a = Proc::spawn(&cfg, dir.path(), admin, "a");
    burst(12);
    a.kill9();
    let first = lines(&log);
    let last_a = first.last().expect("records of the first run").clone();

    let b2 = Proc::spawn(&cfg, dir.path(), admin, "b");
    burst(5);
    b2.terminate();
    let all = lines(&log);
    let starts: Vec<&Value> = all.iter().filter(|v| v["kind"] == "start").collect();
    assert_eq!(starts.len(), 2);
    let s2 = starts[1];
    assert_eq!(s2["prev"], last_a["hash"], "the chain continues");
    assert_eq!(s2["after"]["seq"], last_a["seq"]);
    assert_eq!(s2["seq"], 0);
    let second: Vec<&Value> = requests(&all)
        .into_iter()
        .filter(|v| v["instance"] == s2["instance"])
        .collect();
    assert_eq!(second.len(), 5);

    let (code, out) = verify(&[&log]);
    assert_eq!(code, 2, "gap, not tampering: {out}");
    assert!(
        out.contains("GAP") && out.contains("without a final checkpoint"),
        "{out}"
    );
    assert!(!out.contains("TAMPERED"), "{out}");
}

const SECURE_SPEC: &str = r#"openapi: 3.0.3
info: {title: Secure, version: "1"}
x-gateway: {upstream: orders}
security: [{oauth: [read:orders]}]
paths:
  /secure:
    get: {responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r}}}}
"#;

/// Every metric name in `text` (`gateway_…`), with where it was seen.
fn metric_names(text: &str, from: &str, out: &mut Vec<(String, String)>) {
    let re = regex::Regex::new(r"gateway_[a-z_]+").expect("regex");
    for m in re.find_iter(text) {
        out.push((m.as_str().to_string(), from.to_string()));
    }
}

/// Every metric name that an alert rule, the rules' unit test or a dashboard panel uses is
/// one the running gateway exports, with no exemption: the gateway is started with every
/// pillar configured (an issuer, a rate limit, an HTTP audit sink with a disk buffer, a dead
/// upstream) and driven through one request of each outcome, so that every labelled series
/// exists, and its `/metrics` is the reference. Then the rules parse and behave (promtool).
#[test]
fn alert_rules_and_dashboard_use_only_exported_metrics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let rules = root.join("deploy/prometheus/alerts.yml");
    let tests = root.join("deploy/prometheus/alerts.test.yml");
    let dash: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("deploy/grafana/gateway.json")).expect("dashboard"),
    )
    .expect("dashboard is JSON");
    let mut used: Vec<(String, String)> = Vec::new();
    for p in dash["panels"].as_array().expect("panels") {
        for t in p["targets"].as_array().into_iter().flatten() {
            let title = format!("panel {:?}", p["title"].as_str().unwrap_or(""));
            metric_names(t["expr"].as_str().expect("expr"), &title, &mut used);
        }
    }
    metric_names(
        &std::fs::read_to_string(&rules).expect("rules"),
        "alerts.yml",
        &mut used,
    );
    metric_names(
        &std::fs::read_to_string(&tests).expect("rule tests"),
        "alerts.test.yml",
        &mut used,
    );
    assert!(used.len() > 20, "{used:?}");

    // The running gateway, every pillar on.
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let closed: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("addr");
    let es = crate::idp::IdpKey::es256("es-1");
    let idp = crate::idp::Idp::start(&[&es]);
    let got = Arc::new(Mutex::new(Vec::new()));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let collector = Collector::start("127.0.0.1:0".parse().expect("addr"), got.clone(), raw);
    let issuers = format!(
        "issuers:\n  test:\n    issuer: \"{}\"\n    audiences: [\"{}\"]\n    jwks_url: \"{}\"\n    \
         algorithms: [ES256]\n",
        crate::idp::ISS,
        crate::idp::AUD,
        idp.url("/jwks")
    );
    let limits = "rate_limits:\n  limits:\n    summary: {key: ip, routes: [{method: GET, path: /orders/summary}], per_minute: 1}\n";
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .upstream(UpstreamDecl::new("broken", closed, "broken.internal").without_health_check())
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("broken.yaml", BROKEN_SPEC)
        .spec("secure.yaml", SECURE_SPEC)
        .policy("issuers.yaml", &issuers)
        .policy("ratelimits.yaml", limits);
    let audit = format!(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
         file: {{path: audit/audit.log, fsync: always}}\n  \
         http: {{url: \"http://{}/collect\", batch_max: 1, spool: {{dir: audit/spool}}}}\n",
        collector.addr
    );
    let (dir, cfg, addr, admin) = write_config(b, &audit);
    let gw = Proc::spawn(&cfg, dir.path(), admin, "m");
    let ca = pki.ca_pem().to_string();
    let get = |target: &str, extra: &str| {
        raw_tls(
            addr,
            &ca,
            format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n")
                .as_bytes(),
        )
        .expect("request")
        .status
    };
    let outcomes = [
        get("/orders", ""),
        get("/nowhere", ""),
        get("/broken", ""),
        get("/orders?limit=many", ""),
        get("/secure", "Authorization: Bearer not.a.token\r\n"),
        get("/orders/summary", ""),
        get("/orders/summary", ""),
    ];
    assert_eq!(outcomes, [200, 404, 502, 400, 401, 200, 429]);
    let scrape = || {
        http_plain(
            admin,
            "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .expect("metrics")
        .text()
    };
    // The HTTP sink has delivered (its gauges are set once a delivery is tried).
    wait_until("the audit sink delivered", Duration::from_secs(10), || {
        scrape().contains("gateway_audit_sink_up{sink=\"http\"} 1")
    });
    let exported: std::collections::BTreeSet<String> = scrape()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split(['{', ' ']).next().unwrap_or("").to_string())
        .collect();
    gw.kill9();
    drop(collector);
    let missing: Vec<&(String, String)> = used
        .iter()
        .filter(|(name, _)| !exported.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "used by a rule or panel but not exported by the gateway: {missing:?}\nexported: {exported:?}"
    );

    if !gateway::testenv::promtool() {
        return; // GATEWAY_TEST_SKIP lists `promtool`
    }
    let check = Command::new("promtool")
        .args(["check", "rules"])
        .arg(&rules)
        .output()
        .expect("promtool");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let test = Command::new("promtool")
        .args(["test", "rules"])
        .arg(&tests)
        .output()
        .expect("promtool");
    assert!(
        test.status.success(),
        "{}{}",
        String::from_utf8_lossy(&test.stdout),
        String::from_utf8_lossy(&test.stderr)
    );
}

/// A syslog collector over TLS (RFC 5425 transport, RFC 6587 octet counting): every message
/// body it receives, in order.
fn tls_syslog_collector(
    cert: &gateway::certs::Pem,
) -> (
    SocketAddr,
    Arc<Mutex<Vec<String>>>,
    std::thread::JoinHandle<()>,
) {
    use openssl::ssl::{SslAcceptor, SslMethod};
    let mut b = SslAcceptor::mozilla_modern_v5(SslMethod::tls_server()).expect("acceptor");
    b.set_certificate(&openssl::x509::X509::from_pem(cert.cert.as_bytes()).expect("cert"))
        .expect("set cert");
    b.set_private_key(
        &openssl::pkey::PKey::private_key_from_pem(cert.key.as_bytes()).expect("key"),
    )
    .expect("set key");
    let acceptor = b.build();
    let l = TcpListener::bind("127.0.0.1:0").expect("bind syslog");
    let addr = l.local_addr().expect("addr");
    let got = Arc::new(Mutex::new(Vec::new()));
    let g = got.clone();
    let t = std::thread::spawn(move || {
        // One connection is enough here: the sink keeps it open.
        let (c, _) = l.accept().expect("accept");
        c.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut s = acceptor.accept(c).expect("TLS handshake");
        let mut buf: Vec<u8> = Vec::new();
        let mut chunk = [0u8; 16384];
        loop {
            let n = match s.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            };
            buf.extend_from_slice(&chunk[..n]);
            // Octet counting: "<len> <message>".
            while let Some(sp) = buf.iter().position(|&c| c == b' ') {
                let len: usize = std::str::from_utf8(&buf[..sp])
                    .expect("frame length")
                    .parse()
                    .expect("octet count");
                if buf.len() < sp + 1 + len {
                    break;
                }
                let msg = String::from_utf8(buf[sp + 1..sp + 1 + len].to_vec()).expect("utf8");
                buf.drain(..sp + 1 + len);
                g.lock().expect("lock").push(msg);
            }
        }
    });
    (addr, got, t)
}

#[test]
fn syslog_over_tls_receives_every_record_and_an_aborted_request_is_recorded() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let syslog_cert = pki.ca.server(&["syslog.test"]).expect("syslog cert");
    let (syslog, got, collector) = tls_syslog_collector(&syslog_cert);
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    let audit = format!(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
         file: {{path: audit/audit.log, fsync: always}}\n  \
         syslog: {{address: \"{syslog}\", hostname: gw-e2e, tls: {{ca: \"{}\", server_name: syslog.test}}, \
         spool: {{dir: audit/syslog-spool}}}}\n",
        pki.path("ca.crt").display()
    );
    let (dir, cfg, addr, admin) = write_config(b, &audit);
    let gw = Proc::spawn(&cfg, dir.path(), admin, "s");
    let ca = pki.ca_pem().to_string();
    let get = |target: &str| {
        raw_tls(
            addr,
            &ca,
            format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .expect("request")
    };
    assert_eq!(get(&format!("/orders?card={CARD}")).status, 200);
    assert_eq!(get("/nowhere").status, 404);
    // A client that announces 1000 bytes, sends a few and goes away.
    {
        let mut s = tls_stream(addr, &ca).expect("tls");
        s.write_all(
            b"POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
              Content-Length: 1000\r\n\r\n{\"sku\":",
        )
        .expect("write");
        std::thread::sleep(Duration::from_millis(200));
    }
    let log = dir.path().join("audit/audit.log");
    wait_until("three records in the file", Duration::from_secs(10), || {
        requests(&lines(&log)).len() >= 3
    });
    wait_until("three records over syslog", Duration::from_secs(10), || {
        got.lock()
            .expect("lock")
            .iter()
            .filter(|m| m.contains("\"kind\":\"request\""))
            .count()
            >= 3
    });
    gw.terminate();
    let _ = collector.join();

    let file = lines(&log);
    let recs = requests(&file);
    let decisions: Vec<&str> = recs
        .iter()
        .map(|r| r["decision"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(decisions, ["allowed", "no_route", "aborted"], "{recs:?}");
    let aborted = recs[2];
    assert_eq!(aborted["method"], "POST");
    assert_eq!(aborted["route"], "/orders");
    assert!(aborted["status"].as_u64().unwrap_or(0) < 500, "{aborted}");
    assert!(
        up.take().iter().all(|r| r.method != "POST"),
        "the aborted request never reached the upstream"
    );

    // Syslog got the same records, in order, as RFC 5424 messages over TLS, masked.
    let msgs = got.lock().expect("lock").clone();
    let mut syslog_recs = Vec::new();
    for m in &msgs {
        assert!(
            m.starts_with("<110>1 ") && m.contains(" gw-e2e gateway "),
            "{m}"
        );
        let json = m
            .split_once(" audit - ")
            .expect("structured data and message")
            .1;
        assert!(!json.contains(CARD), "a card number reached syslog: {json}");
        syslog_recs.push(serde_json::from_str::<Value>(json).expect("JSON record"));
    }
    // Every record of the file (requests and checkpoints), same order, same hashes.
    assert_eq!(syslog_recs.len(), file.len(), "syslog has every record");
    for (a, b) in syslog_recs.iter().zip(&file) {
        assert_eq!(a["seq"], b["seq"]);
        assert_eq!(a["hash"], b["hash"]);
    }
    let (code, out) = verify(&[&log]);
    assert_eq!(code, 0, "{out}");
}
