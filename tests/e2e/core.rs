//! Gateway core, end to end: mTLS proxying, edge TLS, routing, the canonical path, headers,
//! protocol limits, slowloris, upstream failures and `gateway check`.

use crate::harness::*;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

#[test]
fn proxies_over_mtls_and_upstream_sees_gateway_certificate() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let r = gw.get("/orders?limit=5");
    assert_eq!(r.status, 200, "{}", r.text());
    let rid = r.header("x-request-id").expect("request id").to_string();
    let recs = up.take();
    assert_eq!(recs.len(), 1);
    let rec = &recs[0];
    assert_eq!(
        rec.client_cert_cn.as_deref(),
        Some("gateway"),
        "upstream saw the gateway's client certificate"
    );
    assert_eq!(rec.target, "/orders?limit=5");
    assert_eq!(rec.header("x-request-id"), Some(rid.as_str()));
    assert_eq!(rec.header("x-forwarded-for"), Some("127.0.0.1"));
    assert_eq!(rec.header("x-forwarded-proto"), Some("https"));
    assert_eq!(rec.header("forwarded"), Some("for=127.0.0.1;proto=https"));
    let tp = rec.header("traceparent").expect("traceparent started");
    assert!(tp.starts_with("00-") && tp.len() == 55, "{tp}");
}

#[test]
fn untrusted_upstream_certificate_is_502_and_nothing_is_sent() {
    let pki = Pki::new();
    let rogue = pki.untrusted_upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", rogue.addr, "orders.internal").without_health_check())
        .spec("orders.yaml", ORDERS_SPEC)
        .start();
    let r = gw.get("/orders");
    r.assert_problem(502);
    assert!(
        !r.text().contains("certificate"),
        "no internal details: {}",
        r.text()
    );
    assert_eq!(
        rogue.count(),
        0,
        "no request reached the untrusted upstream"
    );
}

#[test]
fn wrong_server_name_is_502() {
    let pki = Pki::new();
    let up = pki.upstream("other.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal").without_health_check())
        .spec("orders.yaml", ORDERS_SPEC)
        .start();
    gw.get("/orders").assert_problem(502);
    assert_eq!(up.count(), 0);
}

#[test]
fn unhealthy_upstream_is_503_and_not_ready() {
    let pki = Pki::new();
    let dead: std::net::SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", dead, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .no_wait_ready()
        .start();
    // Wait until the first health check marked it down.
    let t0 = Instant::now();
    loop {
        let r = http_plain(
            gw.admin,
            "GET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        assert_eq!(r.status, 503);
        if r.json()["upstreams"]["orders"]["healthy"] == 0
            && t0.elapsed() > Duration::from_millis(600)
        {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(100));
    }
    let r = gw.get("/orders");
    r.assert_problem(503);
    assert!(r.header("retry-after").is_some());
}

#[test]
fn upstream_timeout_is_504() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(
            UpstreamDecl::new("orders", up.addr, "orders.internal")
                .extra("    timeouts: {read: 500ms}\n"),
        )
        .spec("orders.yaml", ORDERS_SPEC)
        .start();
    let t0 = Instant::now();
    let r = gw.raw("GET /orders HTTP/1.1\r\nHost: localhost\r\nX-Echo-Delay-Ms: 3000\r\nConnection: close\r\n\r\n");
    r.assert_problem(504);
    assert!(
        t0.elapsed() < Duration::from_millis(2900),
        "answered at the timeout, not after the upstream"
    );
}

#[test]
fn tls12_client_is_refused_when_listener_is_13_only() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let (code, _) = gw.curl(&["--tlsv1.2", "--tls-max", "1.2", &gw.url("/orders")]);
    assert_ne!(code, 0, "a TLS 1.2-only client must fail the handshake");
    let tls = connector(&gw.ca_pem, Some(openssl::ssl::SslVersion::TLS1_2));
    let tcp = std::net::TcpStream::connect(gw.addr).unwrap();
    assert!(tls.connect("localhost", tcp).is_err());
    // TLS 1.3 works.
    let (code, out) = gw.curl(&[
        "-o",
        "/dev/null",
        "-w",
        "%{http_code} %{ssl_verify_result}",
        &gw.url("/orders"),
    ]);
    assert_eq!((code, out.as_str()), (0, "200 0"));
    assert_eq!(up.count(), 1);
}

#[test]
fn tls12_listener_offers_only_ecdhe_aead() {
    let (_pki, _up, gw) = orders_gateway(|b| b.min_tls("1.2"));
    let (code, out) = gw.curl(&[
        "--tlsv1.2",
        "--tls-max",
        "1.2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        &gw.url("/orders"),
    ]);
    assert_eq!((code, out.as_str()), (0, "200"));
    // The edge certificate is ECDSA, so only ECDHE-ECDSA suites can ever complete a handshake:
    // offering only a non-AEAD (CBC) one of those is what can tell "refused by the listener"
    // from "impossible with this certificate". The AEAD control proves the client can connect
    // with a single suite at all.
    let only = |suite: &str| {
        gw.curl(&[
            "--tlsv1.2",
            "--tls-max",
            "1.2",
            "--ciphers",
            suite,
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            &gw.url("/orders"),
        ])
    };
    assert_eq!(only("ECDHE-ECDSA-AES128-GCM-SHA256"), (0, "200".into()));
    for cbc in ["ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA"] {
        let (code, _) = only(cbc);
        // 35: the TLS handshake failed (the server has no suite in common).
        assert_eq!(code, 35, "{cbc}: a non-AEAD suite must not be accepted");
    }
}

#[test]
fn h2_via_alpn() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let (code, out) = gw.curl(&[
        "--http2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_version} %{http_code}",
        &gw.url("/orders/summary"),
    ]);
    assert_eq!((code, out.as_str()), (0, "2 200"));
    let (_, out) = gw.curl(&[
        "--http2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_version} %{http_code}",
        &gw.url("/nope"),
    ]);
    assert_eq!(out, "2 404");
    let recs = up.take();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].target, "/orders/summary");
}

#[test]
fn not_found_and_method_not_allowed_never_reach_upstream() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    gw.get("/unknown").assert_problem(404);
    gw.get("/orders/1/extra").assert_problem(404);
    let r = gw.raw("PUT /orders/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    r.assert_problem(405);
    assert_eq!(r.header("allow"), Some("DELETE, GET, HEAD"));
    assert_eq!(up.count(), 0);
    assert!(gw.metrics().contains("gateway_requests_total{decision=\"no_route\",method=\"PUT\",route=\"unmatched\",status=\"405\"} 1"));
}

/// The tricky-path table through the real binary: status, and the exact path the upstream saw.
#[test]
fn path_table() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let table: &[(&str, u16, Option<&str>)] = &[
        ("/orders", 200, Some("/orders")),
        ("//orders", 200, Some("/orders")),
        ("/./orders", 200, Some("/orders")),
        ("/a/../orders", 200, Some("/orders")),
        ("/orders/./summary", 200, Some("/orders/summary")),
        ("/%6Frders/summary", 200, Some("/orders/summary")),
        ("/orders/%7e1", 200, Some("/orders/~1")),
        ("/orders/%c3%a9", 200, Some("/orders/%C3%A9")),
        ("/a/%2e%2e/orders", 200, Some("/orders")),
        ("/%2e%2e/orders", 400, None),
        ("/../orders", 400, None),
        ("/orders%2Fsummary", 400, None),
        ("/orders%2fsummary", 400, None),
        ("/orders%5Csummary", 400, None),
        ("/%252e%252e/orders", 400, None),
        ("/orders/%2525", 400, None),
        ("/orders\\summary", 400, None),
        ("/orders/%00", 400, None),
        ("/orders/%0d%0a", 400, None),
        ("/orders/%C0%AE", 400, None),
        ("/orders/%ff", 400, None),
        ("/orders;x=1", 400, None),
        ("/ORDERS", 404, None),
        ("/Orders/summary", 404, None),
        ("/orders/", 404, None),
        ("/orders/summary/", 404, None),
    ];
    for (path, status, seen) in table {
        let r = gw.get(path);
        assert_eq!(r.status, *status, "{path}: {}", r.text());
        if *status >= 400 {
            r.assert_problem(*status);
            assert!(
                !r.text().contains(&path[1..].replace('/', "")) || path.len() < 4,
                "input not echoed"
            );
        }
        let recs = up.take();
        match seen {
            Some(p) => {
                assert_eq!(recs.len(), 1, "{path}");
                assert_eq!(recs[0].target, *p, "{path}");
            }
            None => assert!(recs.is_empty(), "{path} must not reach the upstream"),
        }
    }
    // Absolute-form naming another host: Pingora's HTTP/1 parser already refuses it (a bare
    // 400 before any hook runs); either way it never reaches the upstream.
    let r = gw.raw(
        "GET http://evil.example/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(r.status, 400);
    assert_eq!(up.count(), 0);
    // Absolute-form naming the same host is fine.
    let port = gw.addr.port();
    let r = gw.raw(&format!("GET https://localhost:{port}/orders HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(up.take()[0].target, "/orders");
}

#[test]
fn strips_hop_by_hop_and_identity_headers_and_sets_forwarding() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    let r = gw.raw(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nX-User-Id: admin\r\nX-Gateway-Subject: root\r\nX-Auth-Scopes: all\r\n\
         X-Forwarded-For: 6.6.6.6\r\nX-Forwarded-Proto: http\r\nForwarded: for=6.6.6.6\r\nX-Request-Id: spoofed-id\r\nX-Custom: 1\r\nKeep-Alive: timeout=5\r\n\
         TE: trailers\r\nConnection: close, X-Custom\r\nX-Kept: yes\r\n\r\n",
    );
    assert_eq!(r.status, 200);
    assert_ne!(
        r.header("x-request-id"),
        Some("spoofed-id"),
        "untrusted peer's request id is replaced"
    );
    let rec = &up.take()[0];
    for h in [
        "x-user-id",
        "x-gateway-subject",
        "x-auth-scopes",
        "x-custom",
        "keep-alive",
        "te",
    ] {
        assert!(
            rec.header(h).is_none(),
            "{h} must be stripped: {:?}",
            rec.headers
        );
    }
    assert_eq!(rec.header("x-forwarded-for"), Some("127.0.0.1"));
    assert_eq!(
        rec.header("x-forwarded-proto"),
        Some("https"),
        "an untrusted peer's proto is not believed"
    );
    assert_eq!(rec.header("forwarded"), Some("for=127.0.0.1;proto=https"));
    assert_eq!(rec.header("x-kept"), Some("yes"));
    assert_ne!(rec.header("x-request-id"), Some("spoofed-id"));
}

#[test]
fn trusted_proxy_chain_and_request_id_are_kept() {
    let (_pki, up, gw) = orders_gateway(|b| b.trusted("[\"127.0.0.1/32\"]"));
    let r = gw.raw(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.7\r\nX-Request-Id: waf-123\r\nX-Forwarded-Proto: http\r\n\
         traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-request-id"), Some("waf-123"));
    let rec = &up.take()[0];
    // The right-most untrusted hop is the client; the forged left part is not believed further.
    assert_eq!(
        rec.header("x-forwarded-for"),
        Some("198.51.100.7, 127.0.0.1")
    );
    assert_eq!(
        rec.header("forwarded"),
        Some("for=198.51.100.7;proto=http"),
        "the WAF's proto is kept"
    );
    assert_eq!(rec.header("x-forwarded-proto"), Some("http"));
    assert_eq!(rec.header("x-request-id"), Some("waf-123"));
    let tp = rec.header("traceparent").unwrap();
    assert!(
        tp.starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-") && !tp.contains("00f067aa0ba902b7"),
        "{tp}"
    );
}

#[test]
fn body_over_cap_is_413_with_content_length_or_chunked() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    // Cap is 64 KiB in the harness.
    let r = gw.raw("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n");
    r.assert_problem(413);
    assert_eq!(
        up.count(),
        0,
        "declared oversize never reaches the upstream"
    );
    let chunk = "a".repeat(16000);
    let mut req = String::from("POST /orders HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    for _ in 0..5 {
        req.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    req.push_str("0\r\n\r\n");
    let r = gw.raw(&req);
    r.assert_problem(413);
    // A body within the cap passes byte-identical.
    let body = "b".repeat(30000);
    let r = gw.raw(&format!("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()));
    assert_eq!(r.status, 200);
    let recs = up.take();
    let ok: Vec<_> = recs.iter().filter(|r| r.body_len == 30000).collect();
    assert_eq!(ok.len(), 1);
    assert_eq!(ok[0].body, body.as_bytes());
}

#[test]
fn header_limits_are_431() {
    let (_pki, up, gw) =
        orders_gateway(|b| b.limits("  max_headers: 20\n  max_header_bytes: 4096\n"));
    let many: String = (0..30).map(|i| format!("X-H{i}: v\r\n")).collect();
    gw.raw(&format!(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\n{many}Connection: close\r\n\r\n"
    ))
    .assert_problem(431);
    let big = "v".repeat(5000);
    gw.raw(&format!(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nX-Big: {big}\r\nConnection: close\r\n\r\n"
    ))
    .assert_problem(431);
    assert_eq!(up.count(), 0);
}

#[test]
fn ambiguous_framing_is_400_and_closes() {
    let (_pki, up, gw) = orders_gateway(|b| b);
    // CL + TE (request smuggling shape): refused, connection closed even without `Connection: close`.
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.write_all(b"POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /orders/summary HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    s.get_ref()
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = Vec::new();
    // The gateway closes the connection: the read ends (EOF), it does not time out on a
    // connection kept alive.
    if let Err(e) = s.read_to_end(&mut buf) {
        assert!(
            !matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ),
            "the connection was left open after an ambiguous request: {e}"
        );
    }
    let r = parse_response(&buf).unwrap();
    r.assert_problem(400);
    assert_eq!(
        String::from_utf8_lossy(&buf).matches("HTTP/1.1").count(),
        1,
        "the smuggled request is not served"
    );
    // Conflicting Content-Length values.
    let r = gw.raw("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nContent-Length: 4\r\nConnection: close\r\n\r\nabcd");
    assert_eq!(r.status, 400);
    assert_eq!(up.count(), 0);
}

#[test]
fn slowloris_is_cut_off_within_the_header_timeout() {
    let (_pki, up, gw) = orders_gateway(|b| b.limits("  header_timeout: 1s\n"));
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let t0 = Instant::now();
    s.write_all(b"GET /orders HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    let mut closed_at = None;
    // Dribble a header byte every 200 ms: each read is quick, the whole head is not.
    for i in 0..40 {
        if s.write_all(b"X").is_err() || s.flush().is_err() {
            closed_at = Some(t0.elapsed());
            break;
        }
        let mut b = [0u8; 64];
        match s.read(&mut b) {
            Ok(0) => {
                closed_at = Some(t0.elapsed());
                break;
            }
            Ok(_) => {
                closed_at = Some(t0.elapsed());
                break;
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                closed_at = Some(t0.elapsed());
                break;
            }
        }
        let _ = i;
    }
    let at = closed_at.expect("the gateway must close a slowloris connection");
    assert!(
        at >= Duration::from_millis(900) && at < Duration::from_millis(2500),
        "closed after {at:?}"
    );
    assert_eq!(up.count(), 0);
}

#[test]
fn idle_keepalive_and_normal_requests_still_work_with_guard() {
    let (_pki, up, gw) = orders_gateway(|b| b.limits("  header_timeout: 1s\n"));
    // Two requests on one connection, with a pause longer than header_timeout between them
    // (idle time is governed by idle_timeout, not header_timeout).
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.write_all(b"GET /orders HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let first = read_one_response(&mut s).unwrap();
    assert_eq!(first.status, 200);
    std::thread::sleep(Duration::from_millis(1500));
    s.write_all(b"GET /orders/summary HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(
        String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&rest)
    );
    assert_eq!(up.count(), 2);
}

#[test]
fn plaintext_listener_only_when_configured() {
    let (_pki, up, gw) = orders_gateway(|b| b.plaintext_listener());
    let r = http_plain(
        gw.plain.unwrap(),
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(up.take()[0].header("x-forwarded-proto"), Some("http"));
    // The TLS listener does not speak plaintext.
    assert!(http_plain(
        gw.addr,
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .is_err());
}

#[test]
fn broken_config_check_names_every_file_and_location() {
    let pki = Pki::new();
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", "127.0.0.1:1".parse().unwrap(), "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("bad.yaml", "openapi: 3.0.0\ninfo: {title: x, version: '1'}\nx-gateway: {upstream: nowhere}\npaths: {}\n");
    let (dir, path, ..) = b.write();
    // Add two more mistakes: an unknown key in a policy file, and a missing client key.
    std::fs::write(
        dir.path().join("policies/extra.yaml"),
        "upstreams:\n  billing:\n    addresses: [\"127.0.0.1:2\"]\n    tls: {ca: /nonexistent/ca.crt, server_name: b, client_cert: /nonexistent/c.crt, client_key: /nonexistent/c.key}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("policies/typo.yaml"),
        "upstreams:\n  x:\n    adresses: [\"127.0.0.1:3\"]\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.yaml: /x-gateway/upstream: upstream \"nowhere\" is not declared"),
        "{err}"
    );
    assert!(
        err.contains("extra.yaml: upstreams.billing.tls.ca: cannot read /nonexistent/ca.crt"),
        "{err}"
    );
    assert!(
        err.contains("extra.yaml: upstreams.billing.tls.client_key"),
        "{err}"
    );
    assert!(
        err.contains("typo.yaml") && err.contains("adresses"),
        "{err}"
    );
    assert!(err.contains("line"), "YAML errors carry a position: {err}");
    // `run` refuses the same config with the same messages.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["run", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.yaml: /x-gateway/upstream"));
    // A valid config passes.
    std::fs::remove_file(dir.path().join("policies/extra.yaml")).unwrap();
    std::fs::remove_file(dir.path().join("policies/typo.yaml")).unwrap();
    std::fs::remove_file(dir.path().join("openapi/bad.yaml")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_example_config_checks_after_demo_writes_certificates() {
    // The demo writes the embedded example tree and certificates; `check` accepts it.
    let dir = tempfile::tempdir().unwrap();
    let ca = gateway::certs::Ca::new("t").unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let copy = |rel: &str| {
        let dst = dir.path().join(rel);
        std::fs::create_dir_all(dst.parent().unwrap()).unwrap();
        std::fs::copy(format!("{root}/../{rel}"), dst).unwrap();
    };
    for f in [
        "deploy/gateway.yaml",
        "policies/upstreams.yaml",
        "policies/issuers.yaml",
        "openapi/orders.yaml",
        "openapi/inventory.yaml",
    ] {
        copy(f);
    }
    let certs = dir.path().join("deploy/certs");
    std::fs::create_dir_all(&certs).unwrap();
    std::fs::write(certs.join("ca.crt"), &ca.pem.cert).unwrap();
    ca.server(&["localhost"])
        .unwrap()
        .write(&certs, "edge")
        .unwrap();
    ca.client("gateway")
        .unwrap()
        .write(&certs, "gateway-client")
        .unwrap();
    gateway::demo::write_identity(&certs).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(dir.path().join("deploy/gateway.yaml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("OK (9 routes, 2 upstreams"));
}

#[test]
fn every_public_sample_spec_compiles() {
    // Real-world documents written by others, each bound to an upstream by the test.
    // Beside the repository: the main checkout, or a worktree one level deeper.
    let Some(root) = gateway::testenv::shared("openapi-samples") else {
        return; // GATEWAY_TEST_SKIP lists `shared`
    };
    let mut files: Vec<_> = Vec::new();
    for sub in ["v3.0", "v3.1"] {
        let rd = std::fs::read_dir(root.join(sub))
            .unwrap_or_else(|e| panic!("shared/openapi-samples/{sub}: {e}"));
        files.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    assert!(files.len() >= 10);
    let up = gateway::config::Upstream {
        name: "svc".into(),
        addresses: vec!["127.0.0.1:1".parse().unwrap()],
        tls: None,
        host_header: None,
        timeouts: gateway::config::UpstreamTimeouts {
            connect: Duration::from_secs(1),
            read: Duration::from_secs(1),
            write: Duration::from_secs(1),
            idle: Duration::from_secs(1),
        },
        health_enabled: false,
        health_path: "/".into(),
        health_interval: Duration::from_secs(1),
        health_timeout: Duration::from_secs(1),
        outlier: Default::default(),
        retry: Default::default(),
    };
    let ups = std::collections::BTreeMap::from([("svc".to_string(), std::sync::Arc::new(up))]);
    let mut total = 0;
    for f in files {
        let mut report = gateway::config::Report::default();
        let text = std::fs::read_to_string(&f).unwrap();
        let mut doc: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        doc["x-gateway"] = serde_json::json!({"upstream": "svc"});
        let spec = gateway::spec::from_value(&f, doc, &mut report).expect("loads");
        let mut router = gateway::router::Router::default();
        gateway::spec::add_routes(&f, &spec, &ups, &mut router, &mut report);
        // Every operation gets prepared validators, or a precise refusal.
        let dir = f.parent().unwrap().to_path_buf();
        let specs = vec![(f.clone(), spec)];
        let ops = gateway::validate::compile_all(&specs, &dir, &router, &mut report);
        let compiled = ops.iter().filter(|o| o.is_some()).count();
        // They all compile (README): no refusal, a validator for every route.
        assert!(
            report.errors.is_empty(),
            "{}: {:?}",
            f.display(),
            report.errors
        );
        assert_eq!(compiled, router.routes().len(), "{}", f.display());
        total += compiled;
        println!(
            "{}: {} routes, {} validators, {} errors",
            f.display(),
            router.routes().len(),
            compiled,
            report.errors.len()
        );
    }
    assert_eq!(total, 22, "the README's count of sample operations");
}

#[test]
fn connections_over_the_cap_are_closed_at_once() {
    let (_pki, _up, gw) = orders_gateway(|b| b.limits("  max_connections: 2\n"));
    let a = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    let b = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    // The third connection is accepted by the kernel but closed before any TLS/HTTP exchange
    // completes.
    let third = tls_stream(gw.addr, &gw.ca_pem);
    let refused = match third {
        Err(_) => true,
        Ok(mut s) => {
            let _ = s
                .write_all(b"GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            buf.is_empty()
        }
    };
    assert!(refused, "a connection over the cap must be closed");
    assert!(gw.metrics().contains("gateway_connections_refused_total 1"));
    // Slots are released when connections close.
    drop(a);
    drop(b);
    let t0 = Instant::now();
    loop {
        let r = raw_tls(
            gw.addr,
            &gw.ca_pem,
            b"GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        );
        if r.as_ref().is_ok_and(|r| r.status == 200) {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(5),
            "slots were not released"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn stalled_body_is_cut_off_within_the_body_timeout() {
    let (_pki, up, gw) = orders_gateway(|b| b.limits("  body_timeout: 1s\n"));
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    let t0 = Instant::now();
    s.write_all(
        b"POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789",
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let at = t0.elapsed();
    assert!(at < Duration::from_secs(4), "connection held for {at:?}");
    let text = String::from_utf8_lossy(&buf);
    assert!(
        !text.starts_with("HTTP/1.1 200"),
        "a partial body must not be served: {text}"
    );
    assert_eq!(
        up.count(),
        0,
        "nothing of a partial body reaches the upstream"
    );
}

#[test]
fn new_certificate_is_picked_up_by_graceful_upgrade_without_failed_requests() {
    let (pki, _up, mut gw) = orders_gateway(|b| b);
    let serial = |gw: &GatewayProc| {
        let s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
        s.ssl()
            .peer_certificate()
            .unwrap()
            .serial_number()
            .to_bn()
            .unwrap()
            .to_hex_str()
            .unwrap()
            .to_string()
    };
    let before = serial(&gw);
    // Clients keep sending while the certificate is replaced and the process upgraded.
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let served = std::sync::Arc::new(AtomicU64::new(0));
    let (addr, ca) = (gw.addr, gw.ca_pem.clone());
    let (s2, served2) = (stop.clone(), served.clone());
    let load = std::thread::spawn(move || {
        let (mut ok, mut bad_status, mut conn_errors) = (0, 0, 0);
        while !s2.load(Ordering::Relaxed) {
            match raw_tls(
                addr,
                &ca,
                b"GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            ) {
                Ok(r) if r.status == 200 => {
                    ok += 1;
                    served2.fetch_add(1, Ordering::Relaxed);
                }
                Ok(_) => bad_status += 1,
                Err(_) => conn_errors += 1,
            }
        }
        (ok, bad_status, conn_errors)
    });
    // Requests are flowing before the upgrade starts.
    let t0 = Instant::now();
    while served.load(Ordering::Relaxed) < 5 {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "no load before the upgrade"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    pki.ca
        .server(&["localhost", "127.0.0.1"])
        .unwrap()
        .write(pki.dir.path(), "edge")
        .unwrap();
    gw.upgrade();
    // The new process serves a few more requests before the load stops.
    let after = served.load(Ordering::Relaxed);
    let t0 = Instant::now();
    while served.load(Ordering::Relaxed) < after + 10 {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "no load after the upgrade"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    stop.store(true, Ordering::Relaxed);
    let (ok, bad_status, conn_errors) = load.join().unwrap();
    eprintln!(
        "during the upgrade: {ok} ok, {bad_status} error statuses, {conn_errors} connection errors"
    );
    assert!(ok > 10, "requests kept flowing ({ok})");
    assert_eq!(
        bad_status, 0,
        "no request got an error answer during the upgrade"
    );
    // Pingora closes a connection that the old process accepted but whose request has not
    // arrived when its grace period ends (nothing was processed; the client retries). That
    // window is tiny: at most 1% of connections.
    assert!(
        conn_errors * 100 <= ok,
        "{conn_errors} connection errors for {ok} requests"
    );
    assert_ne!(serial(&gw), before, "the new certificate is served");
}
