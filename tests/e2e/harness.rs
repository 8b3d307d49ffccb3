//! End-to-end harness: real certificates (rcgen), real TLS upstreams that record what they
//! received, and the compiled `gateway` binary started on free ports with a temporary
//! configuration. It waits on `/readyz` (never a fixed sleep) and kills the process on drop.

#![allow(dead_code)]

use gateway::certs::{Ca, Pem};
use gateway::echo::{self, EchoTls, EchoUpstream};
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode, SslVersion};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// One runtime for every in-process server of the test binary.
pub static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
});

/// A free loopback port for a server the test starts, never the same twice in this process.
/// Taken below the kernel's ephemeral range (`ip_local_port_range`, 32768+ by default), so an
/// outgoing connection or a `bind(0)` elsewhere cannot grab it between now and the server's
/// own bind.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    // A counter that only grows, mapped onto 20,000..32,000: no two calls in one process get
    // the same port until 12,000 have been handed out. (It used to wrap by storing 20,000
    // back, which handed 20,000 out twice: a gateway once got its admin port equal to its
    // listener's.)
    static NEXT: AtomicU32 = AtomicU32::new(0);
    if NEXT.load(Ordering::Relaxed) == 0 {
        // Spread parallel test processes over the range.
        let start = (std::process::id() % 600) * 20 + 1;
        let _ = NEXT.compare_exchange(0, start, Ordering::Relaxed, Ordering::Relaxed);
    }
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let port = 20_000 + (n % 12_000) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// The test PKI: one CA for everything, plus a second, untrusted CA.
pub struct Pki {
    pub dir: tempfile::TempDir,
    pub ca: Ca,
    pub edge: Pem,
    pub client: Pem,
}

impl Pki {
    pub fn new() -> Pki {
        let dir = tempfile::tempdir().expect("tempdir");
        let ca = Ca::new("test CA").expect("ca");
        let edge = ca.server(&["localhost", "127.0.0.1"]).expect("edge");
        let client = ca.client("gateway").expect("client");
        std::fs::write(dir.path().join("ca.crt"), &ca.pem.cert).expect("write");
        edge.write(dir.path(), "edge").expect("write");
        client.write(dir.path(), "client").expect("write");
        Pki {
            dir,
            ca,
            edge,
            client,
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn ca_pem(&self) -> &str {
        &self.ca.pem.cert
    }

    /// Start a recording upstream serving `server_name`, requiring certificates from our CA.
    pub fn upstream(&self, server_name: &str) -> EchoUpstream {
        let pem = self.ca.server(&[server_name]).expect("server cert");
        let tls = EchoTls {
            cert_pem: pem.cert,
            key_pem: pem.key,
            client_ca_pem: self.ca.pem.cert.clone(),
        };
        RT.block_on(echo::start("127.0.0.1:0".parse().expect("addr"), Some(tls)))
            .expect("upstream")
    }

    /// An upstream whose certificate comes from a CA the gateway does not trust.
    pub fn untrusted_upstream(&self, server_name: &str) -> EchoUpstream {
        let other = Ca::new("rogue CA").expect("ca");
        let pem = other.server(&[server_name]).expect("server cert");
        let tls = EchoTls {
            cert_pem: pem.cert,
            key_pem: pem.key,
            client_ca_pem: self.ca.pem.cert.clone(),
        };
        RT.block_on(echo::start("127.0.0.1:0".parse().expect("addr"), Some(tls)))
            .expect("upstream")
    }
}

/// An upstream entry for the generated `policies/upstreams.yaml`.
pub struct UpstreamDecl {
    pub name: String,
    pub addr: SocketAddr,
    pub server_name: String,
    /// Extra YAML lines for the upstream (indented by the caller-independent 4 spaces).
    pub extra: String,
}

impl UpstreamDecl {
    pub fn new(name: &str, addr: SocketAddr, server_name: &str) -> Self {
        UpstreamDecl {
            name: name.into(),
            addr,
            server_name: server_name.into(),
            extra: String::new(),
        }
    }
    pub fn extra(mut self, yaml: &str) -> Self {
        self.extra.push_str(yaml);
        self
    }
    /// No health checks: nothing probes the upstream (tests that need the gateway quiet, or
    /// an upstream that would fail them).
    pub fn without_health_check(self) -> Self {
        self.extra("    health_check: {enabled: false}\n")
    }
}

pub const ORDERS_SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: []
paths:
  /orders:
    get: {parameters: [{name: limit, in: query, schema: {type: integer}}, {name: card, in: query, schema: {type: string}}], responses: {"200": {description: ok}}}
    post: {requestBody: {content: {"*/*": {}}}, responses: {"201": {description: ok}}}
  /orders/summary:
    get: {responses: {"200": {description: ok}}}
  /orders/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok}}}
    delete: {responses: {"204": {description: ok}}}
"#;

/// Builder for a gateway process.
pub struct GatewayBuilder<'a> {
    pki: &'a Pki,
    upstreams: Vec<UpstreamDecl>,
    specs: Vec<(String, String)>,
    policies: Vec<(String, String)>,
    min_tls: &'static str,
    limits: String,
    trusted: String,
    plaintext_listener: bool,
    wait_ready: bool,
    /// Extra top-level YAML for `gateway.yaml`.
    extra: String,
    grace_seconds: u64,
    finish_seconds: u64,
    /// `client_ca:` of the TLS listener (YAML flow mapping), if any.
    client_ca: Option<String>,
    /// Rearranges the written configuration tree before the process starts.
    prepare: Option<Box<dyn FnOnce(&Path) + 'a>>,
    /// `GATEWAY_LOG` of the process (`info` unless a test asks for more).
    log_level: &'static str,
}

pub struct GatewayProc {
    child: Child,
    pub addr: SocketAddr,
    pub admin: SocketAddr,
    pub plain: Option<SocketAddr>,
    pub dir: tempfile::TempDir,
    pub ca_pem: String,
    pub ca_path: PathBuf,
}

impl Drop for GatewayProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Nothing secret in any log: every secret a test sent (see [`secret`]) is looked for in
        // every log this gateway wrote (process log, audit logs).
        if !std::thread::panicking() {
            if let Some(leak) = self.leaked_secret() {
                panic!("a secret sent by a test is in a gateway log: {leak}");
            }
        }
    }
}

/// What to look for of one secret: the secret itself; the secret as a `Debug` list of chars
/// (`'h', 'u', 'n', …`, how pingora-core's debug line prints the bytes of a bad chunk); and,
/// for a compact JWS or JWE, each of its segments after the first that is long enough to be
/// unique (a signature, an encrypted key, a ciphertext): a log line that cut the token short
/// or split it on `.` still counts. The first segment (the protected header) is shared by
/// every token of a key.
fn needles(s: &str) -> Vec<String> {
    let mut v = vec![
        s.to_string(),
        s.chars()
            .map(|c| format!("{c:?}"))
            .collect::<Vec<_>>()
            .join(", "),
    ];
    let parts: Vec<&str> = s.split('.').collect();
    if matches!(parts.len(), 3 | 5) {
        v.extend(
            parts[1..]
                .iter()
                .filter(|p| p.len() >= 16)
                .map(|p| p.to_string()),
        );
    }
    v
}

/// Secrets the tests send (tokens, API keys, passwords, card numbers in queries, cookies).
static SECRETS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Register a secret a test is about to send, and return it. Every gateway of the test
/// process checks on drop that none of the registered secrets is in any of its logs.
pub fn secret(s: &str) -> String {
    let mut v = SECRETS.lock().unwrap_or_else(|e| e.into_inner());
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
    s.to_string()
}

impl GatewayProc {
    /// The first registered secret found in a log file of this gateway: `file: secret`.
    pub fn leaked_secret(&self) -> Option<String> {
        let secrets = SECRETS.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut files = Vec::new();
        let mut dirs = vec![self.dir.path().to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.contains(".log"))
                {
                    files.push(p);
                }
            }
        }
        for f in files {
            let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap_or_default()).into_owned();
            for s in &secrets {
                if let Some(n) = needles(s).into_iter().find(|n| text.contains(n.as_str())) {
                    return Some(format!("{}: {n} (of {s})", f.display()));
                }
            }
        }
        None
    }
}

impl<'a> GatewayBuilder<'a> {
    pub fn new(pki: &'a Pki) -> Self {
        GatewayBuilder {
            pki,
            upstreams: Vec::new(),
            specs: Vec::new(),
            policies: Vec::new(),
            min_tls: "1.3",
            limits: String::new(),
            trusted: "[]".into(),
            plaintext_listener: false,
            wait_ready: true,
            extra: String::new(),
            grace_seconds: 1,
            finish_seconds: 1,
            log_level: "info",
            client_ca: None,
            prepare: None,
        }
    }
    /// Change the written configuration tree (its directory) before the process starts.
    pub fn prepare(mut self, f: impl FnOnce(&Path) + 'a) -> Self {
        self.prepare = Some(Box::new(f));
        self
    }
    /// Extra top-level sections of `gateway.yaml` (e.g. `headers: {underscores: drop}`).
    /// The process log's level (`GATEWAY_LOG`), e.g. `debug` to check that Pingora's debug
    /// lines carry no secret either.
    pub fn log_level(mut self, level: &'static str) -> Self {
        self.log_level = level;
        self
    }

    pub fn gateway_yaml(mut self, yaml: &str) -> Self {
        self.extra.push_str(yaml);
        self
    }
    /// `server.graceful_shutdown_timeout_seconds` (1 unless set).
    pub fn finish_seconds(mut self, s: u64) -> Self {
        self.finish_seconds = s;
        self
    }
    /// `server.grace_period_seconds` (1 unless set).
    pub fn grace_seconds(mut self, s: u64) -> Self {
        self.grace_seconds = s;
        self
    }
    /// An extra file under `policies/`.
    pub fn policy(mut self, name: &str, text: &str) -> Self {
        self.policies.push((name.into(), text.into()));
        self
    }
    pub fn upstream(mut self, u: UpstreamDecl) -> Self {
        self.upstreams.push(u);
        self
    }
    pub fn spec(mut self, name: &str, text: &str) -> Self {
        self.specs.push((name.into(), text.into()));
        self
    }
    pub fn min_tls(mut self, v: &'static str) -> Self {
        self.min_tls = v;
        self
    }
    /// YAML lines under `limits:` (each `  key: value`).
    pub fn limits(mut self, yaml: &str) -> Self {
        self.limits.push_str(yaml);
        self
    }
    pub fn trusted(mut self, list: &str) -> Self {
        self.trusted = list.into();
        self
    }
    /// Client certificates on the TLS listener: `client_ca: {yaml}`.
    pub fn client_ca(mut self, yaml: &str) -> Self {
        self.client_ca = Some(yaml.into());
        self
    }
    pub fn plaintext_listener(mut self) -> Self {
        self.plaintext_listener = true;
        self
    }
    /// Wait for `/healthz` only (for configurations that are never ready).
    pub fn no_wait_ready(mut self) -> Self {
        self.wait_ready = false;
        self
    }

    /// Write the configuration tree; returns (dir, gateway.yaml path, ports).
    pub fn write(
        &self,
    ) -> (
        tempfile::TempDir,
        PathBuf,
        SocketAddr,
        SocketAddr,
        Option<SocketAddr>,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir_all(d.join("policies")).expect("mkdir");
        std::fs::create_dir_all(d.join("openapi")).expect("mkdir");
        let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("addr");
        let admin: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("addr");
        let plain: Option<SocketAddr> = self
            .plaintext_listener
            .then(|| format!("127.0.0.1:{}", free_port()).parse().expect("addr"));
        let mut listeners = format!(
            "  - address: \"{addr}\"\n    tls: {{cert: {}, key: {}, min_version: \"{}\"}}\n",
            self.pki.path("edge.crt").display(),
            self.pki.path("edge.key").display(),
            self.min_tls
        );
        if let Some(c) = &self.client_ca {
            listeners.push_str(&format!("    client_ca: {c}\n"));
        }
        if let Some(p) = plain {
            listeners.push_str(&format!("  - address: \"{p}\"\n    plaintext: true\n"));
        }
        let gw = format!(
            "server: {{threads: 2, grace_period_seconds: {}, graceful_shutdown_timeout_seconds: {}}}\n\
             listeners:\n{listeners}\
             admin: {{address: \"{admin}\"}}\n\
             trusted_proxies: {}\n\
             limits:\n{}{}\
             paths: {{policies: policies, openapi: openapi}}\n{}",
            self.grace_seconds,
            self.finish_seconds,
            self.trusted,
            if self.limits.contains("max_body_bytes") {
                ""
            } else {
                "  max_body_bytes: 65536\n"
            },
            self.limits,
            self.extra
        );
        std::fs::write(d.join("gateway.yaml"), gw).expect("write");
        let mut pol = String::from("upstreams:\n");
        for u in &self.upstreams {
            pol.push_str(&format!(
                "  {}:\n    addresses: [\"{}\"]\n    tls: {{ca: {}, server_name: {}, client_cert: {}, client_key: {}}}\n{}{}",
                u.name,
                u.addr,
                self.pki.path("ca.crt").display(),
                u.server_name,
                self.pki.path("client.crt").display(),
                self.pki.path("client.key").display(),
                if u.extra.contains("health_check") { "" } else { "    health_check: {interval: 200ms}\n" },
                u.extra
            ));
        }
        std::fs::write(d.join("policies/upstreams.yaml"), pol).expect("write");
        for (name, text) in &self.policies {
            std::fs::write(d.join("policies").join(name), text).expect("write");
        }
        for (name, text) in &self.specs {
            std::fs::write(d.join("openapi").join(name), text).expect("write");
        }
        let path = d.join("gateway.yaml");
        (dir, path, addr, admin, plain)
    }

    pub fn start(self) -> GatewayProc {
        self.try_start().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Start, or return the log if the process exits before it is up.
    pub fn try_start(mut self) -> Result<GatewayProc, String> {
        let (dir, path, addr, admin, plain) = self.write();
        if let Some(f) = self.prepare.take() {
            f(dir.path());
        }
        let log = std::fs::File::create(dir.path().join("gateway.log")).expect("log");
        // Standard output is kept too (the audit `stdout` sink writes there): the secret check
        // on drop reads every `*.log` file of the directory.
        let out = std::fs::File::create(dir.path().join("gateway.stdout.log")).expect("log");
        let child = Command::new(env!("CARGO_BIN_EXE_gateway"))
            .args(["run", "-c"])
            .arg(&path)
            .env("GATEWAY_LOG", self.log_level)
            .stdout(out)
            .stderr(log)
            .spawn()
            .expect("spawn gateway");
        let mut g = GatewayProc {
            child,
            addr,
            admin,
            plain,
            ca_pem: self.pki.ca.pem.cert.clone(),
            ca_path: self.pki.path("ca.crt"),
            dir,
        };
        let probe = if self.wait_ready {
            "/readyz"
        } else {
            "/healthz"
        };
        g.wait_for(probe, Duration::from_secs(30))?;
        Ok(g)
    }
}

impl GatewayProc {
    pub fn wait_for(&mut self, probe: &str, limit: Duration) -> Result<(), String> {
        let t0 = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Err(format!(
                    "gateway exited early with {status}:\n{}",
                    self.log()
                ));
            }
            if let Ok(r) = http_plain(
                self.admin,
                &format!("GET {probe} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"),
            ) {
                if r.status == 200 {
                    return Ok(());
                }
            }
            if t0.elapsed() > limit {
                return Err(format!(
                    "gateway not ready on {probe} after {limit:?}:\n{}",
                    self.log()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Graceful upgrade: start a new process with `--upgrade` on the same configuration, then
    /// SIGQUIT the old one; the listening sockets are handed over.
    pub fn upgrade(&mut self) {
        let path = self.dir.path().join("gateway.yaml");
        let log = std::fs::OpenOptions::new()
            .append(true)
            .open(self.dir.path().join("gateway.log"))
            .expect("log");
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("gateway.stdout.log"))
            .expect("log");
        let new = Command::new(env!("CARGO_BIN_EXE_gateway"))
            .args(["run", "-u", "-c"])
            .arg(&path)
            .stdout(out)
            .stderr(log)
            .spawn()
            .expect("spawn gateway");
        // Hand over once the new process listens on the upgrade socket (`server.rs`:
        // `/tmp/gateway-<admin port>.upgrade.sock`), where the old one sends its sockets.
        let sock = format!("/tmp/gateway-{}.upgrade.sock", self.admin.port());
        let t0 = Instant::now();
        while !unix_listening(&sock) {
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "the new process never listened on {sock}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let old = std::mem::replace(&mut self.child, new);
        let _ = Command::new("kill")
            .args(["-QUIT", &old.id().to_string()])
            .status();
        let mut old = old;
        let t0 = Instant::now();
        while old.try_wait().ok().flatten().is_none() && t0.elapsed() < Duration::from_secs(15) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = old.kill();
        let _ = old.wait();
    }

    /// Send a signal (`"TERM"`, `"QUIT"`, ...) to the running gateway process.
    /// The gateway process's id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The gateway's resident memory (VmRSS), KiB.
    pub fn rss_kib(&self) -> u64 {
        self.status_field("VmRSS").expect("VmRSS")
    }

    /// The gateway's resident anonymous memory (RssAnon: its heap and stacks, without the
    /// pages of the binary it has read), KiB.
    pub fn anon_kib(&self) -> u64 {
        self.status_field("RssAnon").expect("RssAnon")
    }

    /// A number of `/proc/<pid>/status` (`"VmRSS"`, `"THP_enabled"`, ...), without its unit;
    /// `None` where this kernel does not print the field.
    pub fn status_field(&self, name: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("/proc/<pid>/status");
        status.lines().find_map(|l| {
            let v = l.strip_prefix(name)?.strip_prefix(':')?;
            v.trim().trim_end_matches("kB").trim().parse().ok()
        })
    }

    pub fn signal(&self, sig: &str) {
        let _ = Command::new("kill")
            .args([&format!("-{sig}"), &self.child.id().to_string()])
            .status();
    }

    /// Wait up to `limit` for the process to exit; whether it did.
    pub fn wait_exit(&mut self, limit: Duration) -> bool {
        let t0 = Instant::now();
        while t0.elapsed() < limit {
            if self.child.try_wait().ok().flatten().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("gateway.log")).unwrap_or_default()
    }

    /// The process log without its terminal colour codes (`key=value` fields as written).
    pub fn plain_log(&self) -> String {
        strip_colours(&self.log())
    }

    /// Send raw bytes over TLS 1.3 and read the whole answer (the request should say
    /// `Connection: close`).
    pub fn raw(&self, request: &str) -> Resp {
        raw_tls(self.addr, &self.ca_pem, request.as_bytes()).expect("raw request")
    }

    pub fn get(&self, path: &str) -> Resp {
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        ))
    }

    pub fn metrics(&self) -> String {
        http_plain(
            self.admin,
            "GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .expect("metrics")
        .text()
    }

    /// Run curl against the gateway with extra args; returns (exit code, stdout).
    pub fn curl(&self, args: &[&str]) -> (i32, String) {
        let out = Command::new("curl")
            .args(["-s", "--max-time", "10", "--cacert"])
            .arg(&self.ca_path)
            .args(args)
            .output()
            .expect("curl");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    pub fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.addr.port())
    }
}

/// Whether a Unix socket bound to `path` is listening (`/proc/net/unix`: the `__SO_ACCEPTCON`
/// flag, 00010000), without connecting to it.
pub fn unix_listening(path: &str) -> bool {
    std::fs::read_to_string("/proc/net/unix")
        .unwrap_or_default()
        .lines()
        .any(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() >= 8 && f[3] == "00010000" && f[7] == path
        })
}

/// A parsed HTTP/1.1 response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
    /// Assert this is a problem+json answer with `status`.
    pub fn assert_problem(&self, status: u16) {
        assert_eq!(self.status, status, "body: {}", self.text());
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{self:?}"
        );
        let j = self.json();
        assert_eq!(j["status"], status);
        assert!(j["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("urn:gateway:problem:")));
        assert_eq!(j["request_id"].as_str(), self.header("x-request-id"));
    }
}

pub fn parse_response(buf: &[u8]) -> Result<Resp, String> {
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no header end in {:?}", String::from_utf8_lossy(buf)))?;
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or("empty")?;
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("bad status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect();
    let mut body = buf[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let Some(i) = rest.windows(2).position(|w| w == b"\r\n") else {
                break;
            };
            let size =
                usize::from_str_radix(String::from_utf8_lossy(&rest[..i]).trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[i + 2..(i + 2 + size).min(rest.len())]);
            rest = &rest[(i + 2 + size + 2).min(rest.len())..];
        }
        body = out;
    }
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn read_all<S: Read>(s: &mut S) -> Vec<u8> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 16384];
    loop {
        match s.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(_) => break,
        }
    }
    buf
}

pub fn connector(ca_pem: &str, max: Option<SslVersion>) -> SslConnector {
    let mut b = SslConnector::builder(SslMethod::tls_client()).expect("connector");
    let mut store = openssl::x509::store::X509StoreBuilder::new().expect("store");
    store
        .add_cert(openssl::x509::X509::from_pem(ca_pem.as_bytes()).expect("ca"))
        .expect("add");
    b.set_verify_cert_store(store.build()).expect("store");
    b.set_verify(SslVerifyMode::PEER);
    b.set_max_proto_version(max).expect("max");
    b.build()
}

/// Open a TLS connection to the gateway.
pub fn tls_stream(
    addr: SocketAddr,
    ca_pem: &str,
) -> Result<openssl::ssl::SslStream<TcpStream>, String> {
    let tcp = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(Duration::from_secs(15)))
        .map_err(|e| e.to_string())?;
    connector(ca_pem, None)
        .connect("localhost", tcp)
        .map_err(|e| e.to_string())
}

pub fn raw_tls(addr: SocketAddr, ca_pem: &str, req: &[u8]) -> Result<Resp, String> {
    let mut s = tls_stream(addr, ca_pem)?;
    s.write_all(req).map_err(|e| e.to_string())?;
    let buf = read_all(&mut s);
    parse_response(&buf)
}

pub fn http_plain(addr: SocketAddr, req: &str) -> Result<Resp, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    parse_response(&read_all(&mut s))
}

/// Wait until a gateway started outside [`GatewayBuilder::start`] answers `/readyz` with 200 on
/// its admin listener (panics after 30 s).
pub fn wait_admin_ready(admin: SocketAddr) {
    let t0 = Instant::now();
    while http_plain(
        admin,
        "GET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .map(|r| r.status)
    .unwrap_or(0)
        != 200
    {
        assert!(t0.elapsed() < Duration::from_secs(30), "gateway not ready");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Shortcut: PKI, one `orders` upstream, the orders spec, a started gateway.
pub fn orders_gateway(
    configure: impl FnOnce(GatewayBuilder) -> GatewayBuilder,
) -> (Pki, EchoUpstream, GatewayProc) {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC);
    let gw = configure(b).start();
    (pki, up, gw)
}

pub fn dir_of(p: &Path) -> PathBuf {
    p.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Read exactly one HTTP/1.1 response with a Content-Length body from a kept-alive stream.
pub fn read_one_response<S: Read>(s: &mut S) -> Result<Resp, String> {
    let mut got = Vec::new();
    loop {
        if let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&got[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| {
                    l.strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .ok_or("no content-length")?;
            if got.len() >= end + 4 + len {
                return parse_response(&got[..end + 4 + len]);
            }
        }
        let mut buf = [0u8; 4096];
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err(format!(
                "closed early after {:?}",
                String::from_utf8_lossy(&got)
            ));
        }
        got.extend_from_slice(&buf[..n]);
    }
}

/// Strip terminal colour codes (`ESC [ … m`) from a log.
pub fn strip_colours(log: &str) -> String {
    let mut out = String::with_capacity(log.len());
    let mut it = log.chars();
    while let Some(c) = it.next() {
        if c == '\x1b' {
            for c in it.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Run `gateway <args> <config>` (`routes -c`, `check -c`): whether it succeeded, and its
/// stdout followed by its stderr.
pub fn gateway_cli(args: &[&str], config: &Path) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(args)
        .arg(config)
        .output()
        .expect("run the gateway binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
