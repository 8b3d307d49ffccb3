//! The vendored pingora-proxy's direct HTTP/1 exchange (vendor/pingora-proxy/PATCHES.md)
//! against upstream Pingora's two-pipe exchange, differentially: the same requests through two
//! gateways on one scripted upstream, one of them with `PINGORA_PROXY_DIRECT_H1=off`. What the
//! client reads (status line, headers, body, framing, whether the connection stays open) and
//! what the upstream reads must be the same byte for byte, once the per-request values (date,
//! request id, trace parent) are set aside; each case also checks its expected answer, so two
//! paths broken the same way do not pass.

use crate::harness::*;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SPEC: &str = r#"openapi: 3.0.3
info: {title: exchange, version: "1"}
x-gateway: {upstream: exchange}
security: []
paths:
  /x/{case}:
    parameters:
      - {name: case, in: path, required: true, schema: {type: string, pattern: "^[a-z0-9-]+$"}}
    get: {responses: {"200": {description: ok}}}
    head: {responses: {"200": {description: ok}}}
    post:
      requestBody:
        required: true
        content:
          application/octet-stream: {schema: {type: string, format: binary}}
      responses: {"200": {description: ok}}
"#;

/// What the scripted upstream answers for `/x/<case>`; `None` closes the connection after it.
fn answer(case: &str, method: &str, body: &[u8]) -> (Vec<u8>, bool) {
    let mut keep = true;
    let a: Vec<u8> = match case {
        "cl" if method == "HEAD" => b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Up: a\r\n\r\n".to_vec(),
        "cl" => b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Up: a\r\n\r\nhello".to_vec(),
        "chunked" => {
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                .to_vec()
        }
        "eof" => {
            keep = false;
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end".to_vec()
        }
        "empty" => b"HTTP/1.1 204 No Content\r\n\r\n".to_vec(),
        "hints" => b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_vec(),
        "short" => {
            keep = false;
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".to_vec()
        }
        "garbage" => {
            keep = false;
            b"NOT HTTP AT ALL\r\n\r\n".to_vec()
        }
        "big" => {
            let mut v = b"HTTP/1.1 200 OK\r\nContent-Length: 307200\r\n\r\n".to_vec();
            v.extend((0..307_200u32).map(|i| b'a' + (i % 26) as u8));
            v
        }
        "closing" => {
            keep = false;
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".to_vec()
        }
        "error" => b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops".to_vec(),
        "echo" => {
            let mut v = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            v.extend_from_slice(body);
            v
        }
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
    };
    (a, keep)
}

/// The scripted upstream: keep-alive, one thread per connection. `slow` and `split` cases
/// send their answer in parts with pauses between them. Each request it reads is recorded
/// (head lines in order, volatile ones left out, and the body).
fn scripted_upstream(seen: Arc<Mutex<Vec<String>>>) -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { return };
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                loop {
                    let end = loop {
                        if let Some(e) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            break e;
                        }
                        let mut chunk = [0u8; 16384];
                        match s.read(&mut chunk) {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    };
                    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
                    let len: usize = head
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    let chunked = head.lines().any(|l| {
                        l.split_once(':').is_some_and(|(k, v)| {
                            k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")
                        })
                    });
                    let mut fill = |buf: &mut Vec<u8>, want: usize| {
                        while buf.len() < want {
                            let mut chunk = [0u8; 16384];
                            match s.read(&mut chunk) {
                                Ok(0) | Err(_) => return false,
                                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                            }
                        }
                        true
                    };
                    let mut body = Vec::new();
                    let mut at = end + 4;
                    if chunked {
                        // Chunks until the last one (no trailers).
                        loop {
                            let line_end = loop {
                                if let Some(i) = buf[at..].windows(2).position(|w| w == b"\r\n") {
                                    break at + i;
                                }
                                let more = buf.len() + 1;
                                if !fill(&mut buf, more) {
                                    return;
                                }
                            };
                            let size = usize::from_str_radix(
                                String::from_utf8_lossy(&buf[at..line_end]).trim(),
                                16,
                            )
                            .unwrap_or(0);
                            if !fill(&mut buf, line_end + 2 + size + 2) {
                                return;
                            }
                            body.extend_from_slice(&buf[line_end + 2..line_end + 2 + size]);
                            at = line_end + 2 + size + 2;
                            if size == 0 {
                                break;
                            }
                        }
                    } else {
                        if !fill(&mut buf, end + 4 + len) {
                            return;
                        }
                        body.extend_from_slice(&buf[end + 4..end + 4 + len]);
                        at = end + 4 + len;
                    }
                    buf.drain(..at);
                    let kept: Vec<&str> = head
                        .split("\r\n")
                        .filter(|l| {
                            let n = l.split(':').next().unwrap_or("").to_ascii_lowercase();
                            n != "x-request-id" && n != "traceparent"
                        })
                        .collect();
                    seen.lock().expect("recorded requests").push(format!(
                        "{}\n\n{}",
                        kept.join("\n"),
                        String::from_utf8_lossy(&body)
                    ));
                    let mut first = head.split_whitespace();
                    let method = first.next().unwrap_or("").to_string();
                    let case = first
                        .next()
                        .and_then(|p| p.strip_prefix("/x/"))
                        .unwrap_or("")
                        .to_string();
                    let pause = Duration::from_millis(60);
                    let ok = match case.as_str() {
                        "slow" => (|| {
                            s.write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")?;
                            for part in [
                                "4\r\nslow\r\n",
                                "5\r\n and \r\n",
                                "6\r\nsteady\r\n",
                                "0\r\n\r\n",
                            ] {
                                std::thread::sleep(pause);
                                s.write_all(part.as_bytes())?;
                            }
                            Ok::<_, std::io::Error>(true)
                        })(),
                        "split" => (|| {
                            s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhead")?;
                            std::thread::sleep(pause);
                            s.write_all(b" then")?;
                            Ok(true)
                        })(),
                        _ => {
                            let (a, keep) = answer(&case, &method, &body);
                            s.write_all(&a).map(|_| keep)
                        }
                    };
                    if !matches!(ok, Ok(true)) {
                        let _ = s.shutdown(std::net::Shutdown::Both);
                        return;
                    }
                }
            });
        }
    });
    addr
}

struct Gw {
    _dir: tempfile::TempDir,
    kid: Child,
    plain: SocketAddr,
    log: std::path::PathBuf,
}

impl Drop for Gw {
    fn drop(&mut self) {
        let _ = self.kid.kill();
        let _ = self.kid.wait();
    }
}

fn start(up: SocketAddr, direct: bool) -> Gw {
    start_with(up, direct, false)
}

/// `keep_case`: `server.preserve_header_case: true`.
fn start_with(up: SocketAddr, direct: bool, keep_case: bool) -> Gw {
    let pki = Pki::new();
    let (dir, cfg, _addr, admin, plain) = GatewayBuilder::new(&pki)
        .spec("exchange.yaml", SPEC)
        .plaintext_listener()
        .write();
    if keep_case {
        let text = std::fs::read_to_string(&cfg).expect("read gateway.yaml");
        let text = text.replacen("server: {", "server: {preserve_header_case: true, ", 1);
        assert!(text.contains("preserve_header_case"), "{text}");
        std::fs::write(&cfg, text).expect("write gateway.yaml");
    }
    std::fs::write(
        dir.path().join("policies/upstreams.yaml"),
        format!(
            "upstreams:\n  exchange:\n    addresses: [\"{up}\"]\n    plaintext: true\n    \
             health_check: {{enabled: false}}\n    retry: {{attempts: 1}}\n"
        ),
    )
    .expect("write upstreams");
    let log = dir.path().join("gateway.log");
    let kid = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["run", "-c"])
        .arg(&cfg)
        .env("GATEWAY_LOG", "info,pingora=debug")
        .env("PINGORA_PROXY_DIRECT_H1", if direct { "on" } else { "off" })
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("spawn gateway");
    let gw = Gw {
        _dir: dir,
        kid,
        plain: plain.expect("plain listener"),
        log,
    };
    wait_admin_ready(admin);
    gw
}

/// Everything the client reads for `req` on a new connection until the gateway closes it or
/// 250 ms pass without a byte, then the same request again on the same connection if it is
/// still open: the second answer (or "closed") shows whether the connection was kept.
/// Per-request values are replaced: `Date`, the request id (header and problem body).
fn exchange(gw: &Gw, req: &[u8]) -> String {
    let mut s = TcpStream::connect(gw.plain).expect("connect");
    s.set_read_timeout(Some(Duration::from_millis(250)))
        .expect("timeout");
    let mut out = Vec::new();
    for round in 0..2 {
        if s.write_all(req).is_err() {
            out.extend_from_slice(b"\n[write failed]");
            break;
        }
        let mut got = Vec::new();
        let closed = loop {
            let mut chunk = [0u8; 65536];
            match s.read(&mut chunk) {
                Ok(0) => break true,
                Ok(n) => got.extend_from_slice(&chunk[..n]),
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut =>
                {
                    break false
                }
                Err(_) => break true,
            }
        };
        out.extend_from_slice(format!("\n[round {round}]\n").as_bytes());
        out.extend_from_slice(&got);
        if closed {
            out.extend_from_slice(b"\n[closed]");
            break;
        }
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    let mut ids: Vec<String> = text
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("x-request-id: ").map(str::to_string))
        .collect();
    ids.sort();
    ids.dedup();
    let mut norm = text
        .split("\r\n")
        .map(|l| {
            if l.to_ascii_lowercase().starts_with("date: ") {
                "date: *"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    for id in ids {
        norm = norm.replace(&id, "<request-id>");
    }
    norm
}

#[test]
fn the_direct_exchange_reads_and_writes_what_the_two_pipe_exchange_does() {
    let (seen_a, seen_b) = (
        Arc::new(Mutex::new(Vec::new())),
        Arc::new(Mutex::new(Vec::new())),
    );
    let direct = start(scripted_upstream(seen_a.clone()), true);
    let pipes = start(scripted_upstream(seen_b.clone()), false);

    let small: Vec<u8> = (0..1024u32).map(|i| b'a' + (i % 26) as u8).collect();
    let large: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let post = |body: &[u8]| {
        let mut r = format!(
            "POST /x/echo HTTP/1.1\r\nHost: gw\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let get = |case: &str| format!("GET /x/{case} HTTP/1.1\r\nHost: gw\r\n\r\n").into_bytes();
    // (request, what the first answer must start with, what it must contain)
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (get("cl"), "HTTP/1.1 200", "\r\n\r\nhello"),
        (b"HEAD /x/cl HTTP/1.1\r\nHost: gw\r\n\r\n".to_vec(), "HTTP/1.1 200", "Content-Length: 5\r\nx-up: a"),
        (get("chunked"), "HTTP/1.1 200", " world\r\n0\r\n\r\n"),
        (get("eof"), "HTTP/1.1 200", "until the end"),
        (get("empty"), "HTTP/1.1 204", ""),
        (get("hints"), "HTTP/1.1 103", "\r\n\r\nok"),
        (get("short"), "HTTP/1.1 200", "abc"),
        (get("garbage"), "HTTP/1.1 502", "problem+json"),
        (get("big"), "HTTP/1.1 200", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"),
        (get("closing"), "HTTP/1.1 200", "\r\n\r\nok"),
        (get("error"), "HTTP/1.1 500", "oops"),
        (get("slow"), "HTTP/1.1 200", "steady\r\n0\r\n\r\n"),
        (get("split"), "HTTP/1.1 200", "head then"),
        (post(&small), "HTTP/1.1 200", "\r\n\r\nabcdefghij"),
        (post(&large), "HTTP/1.1 200", "\r\n\r\nabcdefghij"),
        (b"POST /x/echo HTTP/1.1\r\nHost: gw\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n".to_vec(), "HTTP/1.1 200", "\r\n\r\nhello"),
    ];
    for (req, status, needle) in &cases {
        let label =
            String::from_utf8_lossy(&req[..req.iter().position(|&b| b == b'\r').unwrap_or(0)])
                .into_owned();
        // Both at once, each gateway on its own upstream.
        let (a, b) = std::thread::scope(|t| {
            let a = t.spawn(|| exchange(&direct, req));
            let b = exchange(&pipes, req);
            (a.join().expect("direct exchange"), b)
        });
        let up_a = std::mem::take(&mut *seen_a.lock().expect("recorded requests"));
        let up_b = std::mem::take(&mut *seen_b.lock().expect("recorded requests"));
        assert_eq!(
            a, b,
            "{label}: the client read differently (left: direct, right: pipes)"
        );
        assert_eq!(
            up_a, up_b,
            "{label}: the upstream read differently (left: direct, right: pipes)"
        );
        let first = a.split("\n[round 1]").next().unwrap_or("");
        assert!(
            first.starts_with(&format!("\n[round 0]\n{status}")),
            "{label}: {first:.300}"
        );
        assert!(
            first.contains(needle),
            "{label}: {needle:?} not in {first:.600}"
        );
        assert!(
            !up_a.is_empty() || label.contains("garbage"),
            "{label}: nothing reached the upstream"
        );
    }

    // A client that leaves while its answer is awaited: both close the upstream exchange the
    // same way, and both gateways go on serving.
    for gw in [&direct, &pipes] {
        let mut s = TcpStream::connect(gw.plain).expect("connect");
        s.write_all(&get("slow")).expect("write");
        drop(s);
    }
    std::thread::sleep(Duration::from_millis(800));
    for gw in [&direct, &pipes] {
        let r = exchange(gw, &get("cl"));
        assert!(r.contains("HTTP/1.1 200"), "{r}");
    }

    // The direct path was the one taken by the first gateway, and never by the second.
    let la = std::fs::read_to_string(&direct.log).unwrap_or_default();
    let lb = std::fs::read_to_string(&pipes.log).unwrap_or_default();
    assert!(
        la.contains("direct h1 exchange"),
        "the direct gateway never took the direct path"
    );
    assert!(
        !lb.contains("direct h1 exchange"),
        "PINGORA_PROXY_DIRECT_H1=off took the direct path"
    );
}

/// The spelling of header names (`server.preserve_header_case`, vendor/pingora-http/PATCHES.md
/// 2). By default the upstream reads a dozen common names title-cased (`Host`, `Content-Length`)
/// and any other in lower case, and the client reads the upstream's answer the same way (as
/// behind HAProxy or Envoy, which lower-case them all); with `preserve_header_case: true` both
/// read each name as it was sent (as behind nginx).
/// Either way the values and the body arrive unchanged.
#[test]
fn header_names_are_title_or_lower_cased_unless_their_spelling_is_kept() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let up = scripted_upstream(seen.clone());
    let req = b"GET /x/cl HTTP/1.1\r\nhost: gw\r\nX-Custom-THING: 1\r\naccept-LANGUAGE: en\r\n\r\n";
    for keep in [false, true] {
        let gw = start_with(up, true, keep);
        let client = exchange(&gw, req);
        let upstream = seen
            .lock()
            .expect("seen")
            .drain(..)
            .next()
            .expect("a request");
        let (sent, answered) = if keep {
            (
                ["host: gw", "X-Custom-THING: 1", "accept-LANGUAGE: en"],
                ["Content-Length: 5", "X-Up: a"],
            )
        } else {
            (
                ["Host: gw", "x-custom-thing: 1", "accept-language: en"],
                ["Content-Length: 5", "x-up: a"],
            )
        };
        for line in sent {
            assert!(
                upstream.lines().any(|l| l == line),
                "keep {keep}: the upstream read {upstream:?}, not {line:?}"
            );
        }
        for line in answered {
            assert!(
                client.split("\r\n").any(|l| l == line),
                "keep {keep}: the client read {client:?}, not {line:?}"
            );
        }
        assert!(client.contains("\r\n\r\nhello"), "{client}");
    }
}
