//! IP allow and deny lists per route and per upstream, end to end: judged on the client
//! address resolved with the trusted-proxy rule (a forged `X-Forwarded-For` from an untrusted
//! peer changes nothing), 403 problem and nothing forwarded when refused.

use crate::harness::*;

const ADMIN_SPEC: &str = r#"openapi: 3.0.3
info: {title: Admin, version: "1"}
x-gateway: {upstream: admin}
security: []
x-gateway-ip: {allow: ["198.51.100.0/24"]}
paths:
  /admin/stats:
    get: {responses: {"200": {description: ok}}}
  /admin/ping:
    get:
      x-gateway-ip: {allow: ["127.0.0.0/8", "203.0.113.0/24"]}
      responses: {"200": {description: ok}}
"#;

const POLICY: &str = r#"route_policies:
  - path: /orders
    method: GET
    ip: {allow: ["203.0.113.0/24"], deny: ["203.0.113.66"]}
  - upstream: admin
    path: /admin/stats
    ip: {allow: ["127.0.0.1"]}
"#;

fn gateway(trusted: &str) -> (Pki, gateway::echo::EchoUpstream, GatewayProc) {
    gateway_with(trusted, POLICY)
}

fn gateway_with(trusted: &str, policy: &str) -> (Pki, gateway::echo::EchoUpstream, GatewayProc) {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .upstream(UpstreamDecl::new("admin", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("admin.yaml", ADMIN_SPEC)
        .policy("ip.yaml", policy)
        .trusted(trusted)
        .start();
    (pki, up, gw)
}

fn get(gw: &GatewayProc, path: &str, xff: Option<&str>) -> Resp {
    let xff = xff
        .map(|a| format!("X-Forwarded-For: {a}\r\n"))
        .unwrap_or_default();
    gw.raw(&format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{xff}Connection: close\r\n\r\n"
    ))
}

fn refused(r: &Resp) {
    r.assert_problem(403);
    assert_eq!(r.json()["type"], "urn:gateway:problem:ip-refused");
}

#[test]
fn lists_judge_the_resolved_client_behind_a_trusted_proxy() {
    // The test client (127.0.0.1) is the trusted proxy: its X-Forwarded-For names the client.
    let (_pki, up, gw) = gateway("[\"127.0.0.1/32\"]");
    assert_eq!(get(&gw, "/orders", Some("203.0.113.5")).status, 200);
    refused(&get(&gw, "/orders", Some("203.0.113.66")));
    refused(&get(&gw, "/orders", Some("192.0.2.1")));
    refused(&get(&gw, "/orders", None));
    // Other routes of the path (POST /orders) and other paths are not listed.
    assert_eq!(get(&gw, "/orders/summary", Some("192.0.2.1")).status, 200);
    // The spec's document-level list for the admin service, overridden per route: the
    // operation's own list for /admin/ping, the policy file's entry for /admin/stats.
    assert_eq!(get(&gw, "/admin/ping", Some("203.0.113.9")).status, 200);
    refused(&get(&gw, "/admin/ping", Some("198.51.100.7")));
    refused(&get(&gw, "/admin/stats", Some("198.51.100.7")));
    assert_eq!(get(&gw, "/admin/stats", None).status, 200);
    assert_eq!(up.count(), 4, "refused requests reach no upstream");
    let m = gw.metrics();
    assert!(
        m.contains(r#"gateway_denials_total{reason="ip-refused"} 5"#),
        "{m}"
    );
}

#[test]
fn a_refused_address_gets_no_cors_preflight_answer() {
    // CORS and an IP list on the same route: the preflight, answered at the gateway, is
    // refused to an address the route refuses (neither the answer nor a CORS refusal tells it
    // the allowed origins and methods).
    let policy = format!(
        "{POLICY}  - path: /orders\n    method: GET\n    cors: {{allow_origins: [\"https://app.example\"]}}\n"
    );
    let (_pki, up, gw) = gateway_with("[\"127.0.0.1/32\"]", &policy);
    let preflight = |xff: &str, origin: &str| {
        gw.raw(&format!(
            "OPTIONS /orders HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: {xff}\r\n\
             Origin: {origin}\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n"
        ))
    };
    let r = preflight("203.0.113.5", "https://app.example");
    assert_eq!(r.status, 204, "{r:?}");
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://app.example")
    );
    for origin in ["https://app.example", "https://evil.example"] {
        let r = preflight("192.0.2.1", origin);
        refused(&r);
        assert_eq!(r.header("access-control-allow-methods"), None, "{r:?}");
        assert_eq!(r.header("access-control-max-age"), None, "{r:?}");
        // As on every answer of the route, an allowed origin may read the refusal (the
        // browser shows the caller a 403, not a CORS error); a refused origin may not.
        let readable = (origin == "https://app.example").then_some(origin);
        assert_eq!(r.header("access-control-allow-origin"), readable, "{r:?}");
    }
    // An allowed address with a refused origin still gets CORS's own refusal.
    let r = preflight("203.0.113.5", "https://evil.example");
    r.assert_problem(403);
    assert_eq!(r.json()["type"], "urn:gateway:problem:cors-origin-refused");
    assert_eq!(up.count(), 0, "no preflight reaches the service");
}

#[test]
fn a_forged_forwarded_for_from_an_untrusted_peer_changes_nothing() {
    let (_pki, up, gw) = gateway("[]");
    // The client is 127.0.0.1, whatever it claims.
    refused(&get(&gw, "/orders", Some("203.0.113.5")));
    assert_eq!(get(&gw, "/admin/ping", Some("192.0.2.1")).status, 200);
    assert_eq!(up.count(), 1);
}

#[test]
fn gateway_routes_shows_each_routes_lists() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let (_dir, path, ..) = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .upstream(UpstreamDecl::new("admin", up.addr, "orders.internal"))
        .spec("orders.yaml", ORDERS_SPEC)
        .spec("admin.yaml", ADMIN_SPEC)
        .policy("ip.yaml", POLICY)
        .write();
    let (ok, text) = gateway_cli(&["routes", "-c"], &path);
    assert!(ok, "{text}");
    for want in [
        "    policy: ip (allow 203.0.113.0/24; deny 203.0.113.66/32)",
        "    policy: ip (allow 127.0.0.0/8 203.0.113.0/24)",
        "    policy: ip (allow 127.0.0.1/32)",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
}
