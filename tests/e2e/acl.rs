//! Access lists by caller (`acl`), a registered policy of the caller stage: it runs after
//! tokens and scopes, so it judges the verified tenant, client and subject; deny wins; a
//! refused caller gets 403 `acl-refused`, nothing is forwarded, and rate limits still count it.

use crate::harness::*;
use crate::idp::*;
use serde_json::json;

const SPEC: &str = r#"openapi: 3.1.0
info: {title: Billing, version: "1"}
x-gateway: {upstream: orders}
security: [{oauth: [read:orders]}]
x-gateway-acl: {allow: {tenants: [acme]}, deny: {subjects: [mallory]}}
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
  /partner:
    get: {security: [{key: [read:partner]}], responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r}}}
    key: {type: apiKey, in: header, name: x-api-key}
"#;

const PARTNER_KEY: &str = "acl-partner-key-5d1c";
const OTHER_KEY: &str = "acl-other-key-9e0b";

fn policy(idp: &Idp) -> String {
    format!(
        r#"issuers:
  test:
    issuer: "{ISS}"
    audiences: ["{AUD}"]
    jwks_url: "{}"
    algorithms: [ES256]
    refresh: {{min: 1h, max: 1h}}
api_keys:
  - {{id: partner-1, sha256: {}, client_id: partner, scopes: [read:partner]}}
  - {{id: other-1, sha256: {}, client_id: other, scopes: [read:partner]}}
route_policies:
  - path: /partner
    acl: {{allow: {{clients: [partner]}}}}
rate_limits:
  limits:
    per-client: {{key: client, routes: [{{method: GET, path: /orders}}], per_minute: 3}}
"#,
        idp.url("/jwks"),
        gateway::auth::api_key_hash(PARTNER_KEY),
        gateway::auth::api_key_hash(OTHER_KEY),
    )
}

fn get(gw: &GatewayProc, target: &str, headers: &str) -> Resp {
    gw.raw(&format!(
        "GET {target} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n"
    ))
}

fn refused(r: &Resp) {
    r.assert_problem(403);
    assert_eq!(r.json()["type"], "urn:gateway:problem:acl-refused");
}

#[test]
fn access_lists_judge_the_verified_caller_after_tokens() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("billing.yaml", SPEC)
        .policy("issuers.yaml", &policy(&idp))
        .start();
    let bearer = |sub: &str, tenant: &str, client: &str| {
        let mut c = claims(sub, "read:orders");
        c["tenant"] = json!(tenant);
        c["client_id"] = json!(client);
        format!("Authorization: Bearer {}\r\n", es.sign(&c))
    };
    // The allowed tenant passes: the list saw the verified principal, so it ran after tokens.
    assert_eq!(
        get(&gw, "/orders", &bearer("alice", "acme", "web")).status,
        200
    );
    // Another tenant, and a denied subject of the allowed tenant (deny wins).
    refused(&get(&gw, "/orders", &bearer("bob", "initech", "web")));
    refused(&get(&gw, "/orders", &bearer("mallory", "acme", "web")));
    // No credential: tokens answer (401); the access list does not replace that answer.
    get(&gw, "/orders", "").assert_problem(401);
    // The policy file's entry for /partner wins over the document's list: clients, not tenants.
    let key = |k: &str| format!("x-api-key: {k}\r\n");
    assert_eq!(get(&gw, "/partner", &key(PARTNER_KEY)).status, 200);
    refused(&get(&gw, "/partner", &key(OTHER_KEY)));
    assert_eq!(up.count(), 2, "refused callers reach no upstream");
    // Rate limits run after a refusal of the caller stage: the per-client limit keys on the
    // tenant; initech was refused once above, two more refusals spend its 3 a minute, then
    // 429 replaces 403.
    refused(&get(&gw, "/orders", &bearer("bob", "initech", "cli")));
    refused(&get(&gw, "/orders", &bearer("carol", "initech", "cli")));
    get(&gw, "/orders", &bearer("bob", "initech", "cli")).assert_problem(429);
    let m = gw.metrics();
    assert!(
        m.contains(r#"gateway_denials_total{reason="acl-refused"} 5"#),
        "{m}"
    );
    let access = gw.plain_log();
    assert!(
        access.contains("gateway.rule=acl"),
        "the access log names the rule:\n{access}"
    );
}

#[test]
fn gateway_routes_shows_the_access_lists_and_check_refuses_bad_ones() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let (_dir, path, ..) = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("billing.yaml", SPEC)
        .policy("issuers.yaml", &policy(&idp))
        .write();
    let (ok, text) = gateway_cli(&["routes", "-c"], &path);
    assert!(ok, "{text}");
    for want in [
        "    policy: acl (allow tenants acme; deny subjects mallory)",
        "    policy: acl (allow clients partner)",
    ] {
        assert!(text.contains(want), "{want:?} not in\n{text}");
    }
    let bad = SPEC.replace(
        "x-gateway-acl: {allow: {tenants: [acme]}, deny: {subjects: [mallory]}}",
        "x-gateway-acl: {allow: {tenant: [acme]}}",
    );
    let (_dir, path, ..) = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("billing.yaml", &bad)
        .policy("issuers.yaml", &policy(&idp))
        .write();
    let (ok, text) = gateway_cli(&["check", "-c"], &path);
    assert!(!ok, "{text}");
    assert!(
        text.contains("/x-gateway-acl") && text.contains("unknown field `tenant`"),
        "{text}"
    );
}
