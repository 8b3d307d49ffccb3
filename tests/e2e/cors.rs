//! CORS at the gateway, end to end: preflights answered from the route's settings (policy
//! file or `x-gateway-cors`) before the router's 405 and never forwarded; actual requests from
//! an allowed origin carry `Access-Control-Allow-Origin` and `Vary: Origin`; a refused origin
//! is a 403 problem and reaches no service; routes without CORS keep the router's answers.

use crate::harness::*;

const THINGS_SPEC: &str = r#"openapi: 3.0.3
info: {title: Things, version: "1"}
x-gateway: {upstream: orders}
security: []
paths:
  /things:
    get:
      x-gateway-cors: {allow_origins: ["https://spec.example"], expose_headers: [x-request-id]}
      responses: {"200": {description: ok}}
    options: {responses: {"200": {description: ok}}}
"#;

const POLICY: &str = r#"route_policies:
  - path: /orders
    cors:
      allow_origins: ["https://app.example", "http://localhost:3000"]
      allow_headers: [x-api-key, traceparent]
      max_age: 600
      allow_credentials: true
"#;

fn send(gw: &GatewayProc, method: &str, path: &str, headers: &str) -> Resp {
    gw.raw(&format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\n{headers}Content-Length: 0\r\nConnection: close\r\n\r\n"
    ))
}

fn vary(r: &Resp) -> String {
    r.headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("vary"))
        .map(|(_, v)| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn preflights_are_answered_at_the_gateway_and_refused_origins_reach_nothing() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("things.yaml", THINGS_SPEC)
        .policy("cors.yaml", POLICY)
        .start();

    // Preflight for POST /orders (no OPTIONS operation: the router alone would say 405).
    let r = send(
        &gw,
        "OPTIONS",
        "/orders",
        "Origin: https://app.example\r\nAccess-Control-Request-Method: POST\r\n\
         Access-Control-Request-Headers: X-Api-Key, content-type\r\n",
    );
    assert_eq!(r.status, 204, "{r:?}");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://app.example")
    );
    assert_eq!(r.header("access-control-allow-methods"), Some("POST"));
    assert_eq!(
        r.header("access-control-allow-headers"),
        Some("x-api-key, traceparent")
    );
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    assert_eq!(r.header("access-control-allow-credentials"), Some("true"));
    assert!(vary(&r).contains("Origin"), "{r:?}");
    assert!(r.body.is_empty());
    // A preflight for GET is answered by the GET route's settings (set by the same entry).
    let r = send(
        &gw,
        "OPTIONS",
        "/orders",
        "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: GET\r\n",
    );
    assert_eq!(r.status, 204, "{r:?}");
    assert_eq!(r.header("access-control-allow-methods"), Some("GET"));
    // The spec's extension configures /things.
    let r = send(
        &gw,
        "OPTIONS",
        "/things",
        "Origin: https://spec.example\r\nAccess-Control-Request-Method: GET\r\n",
    );
    assert_eq!(r.status, 204, "{r:?}");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://spec.example")
    );
    assert_eq!(up.count(), 0, "a preflight is never forwarded");

    // Refused preflights: another origin, a header the route does not allow, a method no
    // route of the path has.
    for (headers, slug) in [
        (
            "Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n",
            "cors-origin-refused",
        ),
        (
            "Origin: https://app.example\r\nAccess-Control-Request-Method: POST\r\n\
             Access-Control-Request-Headers: x-admin\r\n",
            "cors-preflight-refused",
        ),
    ] {
        let r = send(&gw, "OPTIONS", "/orders", headers);
        r.assert_problem(403);
        assert_eq!(r.json()["type"], format!("urn:gateway:problem:{slug}"));
        // Only an allowed origin is granted anything (it may read why it was refused).
        let granted = r.header("access-control-allow-origin");
        assert_eq!(granted.is_some(), slug != "cors-origin-refused", "{r:?}");
    }
    send(
        &gw,
        "OPTIONS",
        "/orders",
        "Origin: https://app.example\r\nAccess-Control-Request-Method: PUT\r\n",
    )
    .assert_problem(405);
    // Only routes with CORS answer preflights: /orders/summary keeps the router's 405, and
    // an OPTIONS that is not a preflight too.
    send(
        &gw,
        "OPTIONS",
        "/orders/summary",
        "Origin: https://app.example\r\nAccess-Control-Request-Method: GET\r\n",
    )
    .assert_problem(405);
    send(&gw, "OPTIONS", "/orders", "Origin: https://app.example\r\n").assert_problem(405);
    assert_eq!(up.count(), 0);
    // /things declares an OPTIONS operation: its preflight above was still answered at the
    // gateway (nothing forwarded), while an OPTIONS that is not a preflight reaches the service.
    let r = send(&gw, "OPTIONS", "/things", "");
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(up.take().len(), 1);

    // Actual requests: an allowed origin is forwarded and its answer says so.
    let r = send(&gw, "GET", "/orders", "Origin: https://app.example\r\n");
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://app.example")
    );
    assert_eq!(r.header("access-control-allow-credentials"), Some("true"));
    assert!(vary(&r).contains("Origin"), "{r:?}");
    assert_eq!(up.take().len(), 1);
    // The service's own `Vary` already names Origin: said once, not twice.
    let r = send(
        &gw,
        "GET",
        "/orders",
        "Origin: https://app.example\r\nx-echo-vary: Accept-Encoding, origin\r\n",
    );
    assert_eq!(r.status, 200, "{r:?}");
    let v = vary(&r).to_ascii_lowercase();
    assert_eq!(v.matches("origin").count(), 1, "{r:?}");
    assert!(v.contains("accept-encoding"), "{r:?}");
    assert_eq!(up.take().len(), 1);
    let r = send(&gw, "GET", "/things", "Origin: https://spec.example\r\n");
    assert_eq!(r.status, 200, "{r:?}");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://spec.example")
    );
    assert_eq!(
        r.header("access-control-expose-headers"),
        Some("x-request-id")
    );
    assert_eq!(up.take().len(), 1);
    // No Origin: not a cross-origin request, forwarded as before, no CORS grant.
    let r = send(&gw, "GET", "/orders", "");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), None);
    assert_eq!(up.take().len(), 1);
    // A refused origin: 403 problem, and the upstream sees nothing.
    for (method, path, origin) in [
        ("POST", "/orders", "https://evil.example"),
        ("GET", "/things", "https://app.example"),
        ("GET", "/orders", "null"),
    ] {
        let r = send(&gw, method, path, &format!("Origin: {origin}\r\n"));
        r.assert_problem(403);
        assert_eq!(r.json()["type"], "urn:gateway:problem:cors-origin-refused");
        assert_eq!(r.header("access-control-allow-origin"), None);
    }
    assert_eq!(up.count(), 0, "a refused origin reaches no service");
    let m = gw.metrics();
    assert!(
        m.contains(r#"gateway_denials_total{reason="cors-origin-refused"}"#),
        "{m}"
    );
    assert!(m.contains(r#"decision="answered""#), "{m}");
    // Each refusal names its rule in the access log, preflights included.
    let access = gw.plain_log();
    for rule in ["gateway.rule=cors-preflight", "gateway.rule=cors-origin"] {
        assert!(access.contains(rule), "{rule} not in\n{access}");
    }
}

#[test]
fn bad_cors_settings_are_refused_by_gateway_check() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let (_dir, path, ..) = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .spec(
            "things.yaml",
            &THINGS_SPEC.replace("x-gateway-cors", "x-gateway-crs"),
        )
        .policy(
            "cors.yaml",
            "route_policies:\n  - {path: /orders, cors: {allow_origins: [\"*\"], allow_credentials: true}}\n  \
             - {path: /nowhere, cors: {allow_origins: [\"https://a.example\"]}}\n  \
             - {path: /orders/summary, corz: {}}\n  \
             - {path: \"/orders/{id}\", cors: {allow_origins: [\"https://a.example\"]}}\n  \
             - {path: \"/orders/{id}\", method: DELETE, cors: {allow_origins: [\"https://b.example\"]}}\n",
        )
        .write();
    let (ok, text) = gateway_cli(&["check", "-c"], &path);
    assert!(!ok, "{text}");
    for want in [
        "route_policies[0].cors: allow_origins: \"*\" cannot be combined with allow_credentials",
        "route_policies[1]: selects no route",
        "route_policies[2].corz: unknown policy (registered: ",
        "/paths/~1things/get/x-gateway-crs: unknown gateway extension",
        "route_policies[4].cors: DELETE /orders/{id}: `cors` is already set for this route by route_policies[3].cors",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
}

/// A route's CORS settings are part of the configuration generation: a reload swaps them with
/// everything else, and a reload with a broken setting is refused while the old ones serve.
#[test]
fn cors_settings_change_with_a_reload_and_a_broken_one_is_refused() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .policy("cors.yaml", POLICY)
        .start();
    let reload = || {
        http_plain(
            gw.admin,
            "POST /reload HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )
        .expect("admin reload")
    };
    let from = |origin: &str| send(&gw, "GET", "/orders", &format!("Origin: {origin}\r\n"));
    from("https://new.example").assert_problem(403);
    assert_eq!(from("https://app.example").status, 200);

    let file = gw.dir.path().join("policies/cors.yaml");
    std::fs::write(
        &file,
        POLICY.replace("https://app.example", "https://new.example"),
    )
    .expect("write");
    // The file watch may apply it first; either way the new generation allows the new origin.
    let _ = reload();
    let t0 = std::time::Instant::now();
    while from("https://new.example").status != 200 {
        assert!(
            t0.elapsed() < std::time::Duration::from_secs(10),
            "not reloaded"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let r = from("https://new.example");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://new.example")
    );
    from("https://app.example").assert_problem(403);

    // A broken setting: refused with gateway check's message; the running settings stay.
    std::fs::write(
        &file,
        "route_policies:\n  - {path: /orders, cors: {allow_origins: [\"*\"], allow_credentials: true}}\n",
    )
    .expect("write");
    let r = reload();
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(
        r.text()
            .contains("cannot be combined with allow_credentials"),
        "{}",
        r.text()
    );
    assert_eq!(from("https://new.example").status, 200);
    from("https://app.example").assert_problem(403);
}
