//! Payload validation end to end: the real binary, a recording mTLS upstream. Valid requests
//! reach it byte-identical (small, > 64 KiB, Content-Length, chunked, h2); every violation
//! class is refused with problem+json and never reaches it.

use crate::harness::*;
use std::io::{Read, Write};
use std::time::Duration;

const SHOP: &str = r##"openapi: 3.0.3
info: {title: Shop, version: "1"}
x-gateway: {upstream: orders}
security: []
paths:
  /orders:
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
        - {name: q, in: query, schema: {type: string, maxLength: 200}}
      responses: {"200": {description: ok}}
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Order"}
      responses: {"201": {description: ok}}
  /orders/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
      responses: {"200": {description: ok}}
  /notes:
    post:
      x-gateway-screening: monitor
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {text: {type: string}}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Order:
      type: object
      required: [sku, quantity]
      properties:
        id: {type: string, readOnly: true}
        sku: {type: string, maxLength: 64}
        quantity: {type: integer, minimum: 1, maximum: 1000}
        note: {type: string, nullable: true, maxLength: 60000}
        lines:
          type: array
          maxItems: 10000
          items:
            type: object
            properties:
              sku: {type: string, maxLength: 64}
              qty: {type: integer}
"##;

fn shop() -> (Pki, gateway::echo::EchoUpstream, GatewayProc) {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("shop.yaml", SHOP)
        .limits("  max_body_bytes: 1048576\n")
        .start();
    (pki, up, gw)
}

fn send(gw: &GatewayProc, head: &str, body: &[u8]) -> Resp {
    let mut req = head.as_bytes().to_vec();
    req.extend_from_slice(body);
    raw_tls(gw.addr, &gw.ca_pem, &req).expect("request")
}

fn post_json(gw: &GatewayProc, path: &str, body: &[u8]) -> Resp {
    send(
        gw,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ),
        body,
    )
}

fn post_chunked(gw: &GatewayProc, path: &str, body: &[u8]) -> Resp {
    let mut b = Vec::new();
    for c in body.chunks(7000) {
        b.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        b.extend_from_slice(c);
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(b"0\r\n\r\n");
    send(
        gw,
        &format!("POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"),
        &b,
    )
}

/// A valid order of about `n` bytes.
fn order(n: usize) -> Vec<u8> {
    let mut lines = Vec::new();
    let mut size = 40;
    let mut i = 0;
    while size < n {
        let l = format!(r#"{{"sku":"SKU-{i:06}","qty":{}}}"#, i % 7 + 1);
        size += l.len() + 1;
        lines.push(l);
        i += 1;
    }
    format!(
        r#"{{"sku":"A-1","quantity":2,"lines":[{}]}}"#,
        lines.join(",")
    )
    .into_bytes()
}

fn errors(r: &Resp) -> Vec<(String, String)> {
    r.json()["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["pointer"].as_str().unwrap_or("").to_string(),
                        e["rule"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn valid_bodies_reach_the_upstream_byte_identical() {
    let (_pki, up, gw) = shop();
    let small = order(1024);
    let big = order(200 * 1024);
    assert!(big.len() > 64 * 1024);
    let mut ids = Vec::new();
    for r in [
        post_json(&gw, "/orders", &small),
        post_json(&gw, "/orders", &big),
        post_chunked(&gw, "/orders", &big),
        post_chunked(&gw, "/orders", &small),
    ] {
        assert_eq!(r.status, 200, "{}", r.text());
        ids.push(r.header("x-request-id").expect("request id").to_string());
    }
    // h2, through curl.
    let f = gw.dir.path().join("big.json");
    std::fs::write(&f, &big).unwrap();
    let (code, out) = gw.curl(&[
        "--http2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code} %{http_version}",
        "-H",
        "content-type: application/json",
        "--data-binary",
        &format!("@{}", f.display()),
        &gw.url("/orders"),
    ]);
    assert_eq!((code, out.as_str()), (0, "200 2"));
    let recs = up.take();
    assert_eq!(recs.len(), 5);
    let sizes: Vec<usize> = recs.iter().map(|r| r.body_len).collect();
    assert_eq!(
        sizes,
        vec![small.len(), big.len(), big.len(), small.len(), big.len()]
    );
    for rec in &recs {
        let want: &[u8] = if rec.body_len == small.len() {
            &small
        } else {
            &big
        };
        assert_eq!(rec.body, want, "byte-identical");
        assert_eq!(rec.target, "/orders");
        assert!(rec.header("x-request-id").is_some());
        assert_eq!(rec.client_cert_cn.as_deref(), Some("gateway"));
    }
    // One request id per client request, even through the subrequest path: the upstream saw
    // the id the client was answered with, and five requests carried five ids.
    let seen: Vec<&str> = recs
        .iter()
        .map(|r| r.header("x-request-id").expect("request id"))
        .collect();
    assert_eq!(
        seen[..4],
        ids.iter().map(String::as_str).collect::<Vec<_>>()[..]
    );
    let distinct: std::collections::HashSet<&&str> = seen.iter().collect();
    assert_eq!(distinct.len(), 5, "{seen:?}");
    // And it is the id of the request's access-log line (logged once, by the outer request).
    let log = gw.log();
    for id in &ids {
        assert_eq!(
            log.matches(id.as_str()).count(),
            1,
            "{id} in the access log: {log}"
        );
    }
}

#[test]
fn every_violation_class_is_refused_before_the_upstream() {
    let (_pki, up, gw) = shop();
    let deep_ptr = format!("/body{}", "/0".repeat(32));
    let bad_bodies: Vec<(&str, Vec<u8>, u16, (&str, &str))> = vec![
        (
            "type",
            br#"{"sku":"A","quantity":"2"}"#.to_vec(),
            400,
            ("/body/quantity", "type"),
        ),
        (
            "bounds",
            br#"{"sku":"A","quantity":1001}"#.to_vec(),
            400,
            ("/body/quantity", "maximum"),
        ),
        (
            "required",
            br#"{"sku":"A"}"#.to_vec(),
            400,
            ("/body", "required"),
        ),
        (
            "undeclared",
            br#"{"sku":"A","quantity":1,"admin":true}"#.to_vec(),
            400,
            ("/body", "undeclared-property"),
        ),
        (
            "readOnly",
            br#"{"id":"x","sku":"A","quantity":1}"#.to_vec(),
            400,
            ("/body/id", "read-only"),
        ),
        (
            "duplicate",
            br#"{"sku":"A","quantity":1,"quantity":2}"#.to_vec(),
            400,
            ("/body", "duplicate-key"),
        ),
        (
            "bom",
            b"\xEF\xBB\xBF{\"sku\":\"A\",\"quantity\":1}".to_vec(),
            400,
            ("/body", "byte-order-mark"),
        ),
        (
            "utf8",
            b"{\"sku\":\"\xC0\xAE\",\"quantity\":1}".to_vec(),
            400,
            ("/body", "invalid-utf8"),
        ),
        (
            "nan",
            br#"{"sku":"A","quantity":NaN}"#.to_vec(),
            400,
            ("/body", "json-syntax"),
        ),
        (
            "trailing",
            br#"{"sku":"A","quantity":1}{"x":1}"#.to_vec(),
            400,
            ("/body", "trailing-data"),
        ),
        (
            "depth",
            format!("{}{}", "[".repeat(40), "]".repeat(40)).into_bytes(),
            400,
            (deep_ptr.as_str(), "max-depth"),
        ),
        (
            "sqli",
            br#"{"sku":"1' OR '1'='1","quantity":1}"#.to_vec(),
            400,
            ("/body/sku", "sql-injection"),
        ),
        (
            "xss",
            br#"{"sku":"<script>alert(1)</script>","quantity":1}"#.to_vec(),
            400,
            ("/body/sku", "xss"),
        ),
        (
            "nosql",
            br#"{"sku":"A","quantity":1,"note":"'; return this.password == 'x'; var a='"}"#
                .to_vec(),
            400,
            ("/body/note", "nosql-injection"),
        ),
    ];
    for (name, body, status, first) in &bad_bodies {
        let r = post_json(&gw, "/orders", body);
        r.assert_problem(*status);
        let errs = errors(&r);
        assert_eq!(
            errs.first(),
            Some(&(first.0.to_string(), first.1.to_string())),
            "{name}: {}",
            r.text()
        );
        // Never echoed.
        assert!(
            !r.text().contains("script") && !r.text().contains("OR '1'"),
            "{name}"
        );
    }
    // 415: undeclared media type, or a body where none is declared.
    let r = send(&gw, "POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n", b"hi");
    r.assert_problem(415);
    let r = send(&gw, "GET /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n", b"{}");
    r.assert_problem(415);
    // Parameters.
    let r = gw.get("/orders?limit=0");
    r.assert_problem(400);
    assert_eq!(errors(&r), vec![("/query/limit".into(), "minimum".into())]);
    let r = gw.get("/orders?debug=true");
    assert_eq!(
        errors(&r),
        vec![("/query".into(), "undeclared-parameter".into())]
    );
    let r = gw.get("/orders?q=%27%20OR%201%3D1%20--");
    assert_eq!(
        errors(&r),
        vec![("/query/q".into(), "sql-injection".into())]
    );
    let r = gw.get("/orders?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    assert_eq!(errors(&r), vec![("/query/q".into(), "xss".into())]);
    let r = gw.get("/orders/not-a-uuid");
    assert_eq!(errors(&r), vec![("/path/id".into(), "format".into())]);
    assert_eq!(r.json()["type"], "urn:gateway:problem:schema-invalid");
    // 413 on a declared and on a streamed oversize body (cap 1 MiB).
    let big = order(1100 * 1024);
    post_json(&gw, "/orders", &big).assert_problem(413);
    post_chunked(&gw, "/orders", &big).assert_problem(413);
    assert_eq!(up.count(), 0, "nothing reached the upstream");
    // Bounded metric labels.
    let m = gw.metrics();
    assert!(m.contains("decision=\"schema_invalid\""), "{m}");
    assert!(m.contains("decision=\"injection_blocked\""), "{m}");
}

#[test]
fn monitor_mode_forwards_and_records() {
    let (_pki, up, gw) = shop();
    let body = br#"{"text":"<script>alert(1)</script>"}"#;
    let r = post_json(&gw, "/notes", body);
    assert_eq!(r.status, 200, "{}", r.text());
    let recs = up.take();
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].body, body);
    assert!(gw.log().contains("xss:/body/text"), "{}", gw.log());
}

#[test]
fn hostile_bodies_never_crash_or_5xx() {
    let (_pki, up, gw) = shop();
    // 100k levels of nesting (200 KB, under the cap): refused, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let r = post_json(&gw, "/orders", deep.as_bytes());
    r.assert_problem(400);
    assert_eq!(errors(&r)[0].1, "max-depth");
    let deep_obj = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
    post_chunked(&gw, "/orders", deep_obj.as_bytes()).assert_problem(400);
    // 10 MiB: refused at once on its Content-Length; streamed, refused when it crosses the cap.
    let ten = vec![b'a'; 10 * 1024 * 1024];
    let head = format!("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", ten.len());
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(&ten);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    parse_response(&buf).unwrap().assert_problem(413);
    // Streamed: the gateway cannot know the size; it answers 413 once the body crosses the
    // 1 MiB cap. The client stops with the chunk that crosses the cap, without ending the body
    // (bytes the gateway never reads would turn its close into a reset that can swallow the
    // answer), and the answer must be there.
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.write_all(b"POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").unwrap();
    let chunks: Vec<&[u8]> = ten[..1024 * 1024 + 64 * 1024].chunks(64 * 1024).collect();
    for (i, c) in chunks.iter().enumerate() {
        s.write_all(format!("{:x}\r\n", c.len()).as_bytes())
            .unwrap();
        s.write_all(c).unwrap();
        if i + 1 < chunks.len() {
            s.write_all(b"\r\n").unwrap();
        }
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    parse_response(&buf)
        .expect("a 413 answer to a streamed oversize body")
        .assert_problem(413);
    // A slowly dribbled valid body (a few bytes every 20 ms, within the body timeout) passes.
    let body = br#"{"sku":"SLOW-1","quantity":3,"note":"dribbled"}"#;
    let mut s = tls_stream(gw.addr, &gw.ca_pem).unwrap();
    s.write_all(format!("POST /orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).as_bytes()).unwrap();
    for c in body.chunks(4) {
        s.write_all(c).unwrap();
        s.flush().unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let r = parse_response(&buf).unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    let recs = up.take();
    assert_eq!(recs.len(), 1, "only the dribbled body went upstream");
    assert_eq!(recs[0].body, body);
    // The gateway is still alive and well.
    assert_eq!(gw.get("/orders?limit=1").status, 200);
}

#[test]
fn check_names_the_file_and_pointer_of_spec_errors() {
    let pki = Pki::new();
    let bad = r##"openapi: 3.1.0
info: {title: x, version: "1"}
x-gateway: {upstream: orders}
paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "https://evil.example/schema.json"}
      responses: {"200": {description: ok}}
  /other:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "shared.yaml#/Missing"}
      responses: {"200": {description: ok}}
"##;
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "orders",
            "127.0.0.1:1".parse().unwrap(),
            "orders.internal",
        ))
        .spec("things.yaml", bad)
        .spec("shared.yaml", "openapi: 3.1.0\ninfo: {title: s, version: \"1\"}\nx-gateway: {upstream: orders}\nThing: {type: string}\n");
    let (_dir, path, ..) = b.write();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("things.yaml: /paths/~1things/post/requestBody/content/application~1json/schema/$ref: network"),
        "{err}"
    );
    assert!(
        err.contains("things.yaml: /paths/~1other/post/requestBody/content/application~1json/schema/$ref: $ref \"shared.yaml#/Missing\": target not found"),
        "{err}"
    );
}
