//! Tokens and scopes, end to end: a real JWKS / discovery / introspection server, the real
//! gateway binary, a recording mTLS upstream. Every refused request must never reach it.

use crate::harness::*;
use crate::idp::*;
use jsonwebtoken::Algorithm;
use serde_json::json;
use std::time::{Duration, Instant};

const SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security:
  - oauth: [read:orders]
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
    post:
      security: [{oauth: [write:orders]}]
      requestBody: {content: {application/octet-stream: {}}}
      responses: {"201": {description: ok}}
  /orders/summary:
    get: {security: [], responses: {"200": {description: ok}}}
  /partner:
    get:
      security: [{key: []}, {oauth: [partner]}]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r, write:orders: w, partner: p}}}
    key: {type: apiKey, in: header, name: x-api-key}
"#;

const LEGACY: &str = r#"openapi: 3.1.0
info: {title: Legacy, version: "1"}
x-gateway: {upstream: orders}
paths:
  /legacy:
    get: {responses: {"200": {description: ok}}}
"#;

pub const API_KEY: &str = "partner-key-7f3a9c0e5b";

fn issuer_policy(idp: &Idp, source: &str, extra: &str) -> String {
    let secret_file = std::env::temp_dir().join(format!("intro-secret-{}", idp.addr.port()));
    std::fs::write(&secret_file, "s3cret-introspection\n").unwrap();
    format!(
        r#"issuers:
  test:
    issuer: "{ISS}"
    audiences: ["{AUD}"]
    {source}
    algorithms: [ES256, RS256, PS256, EdDSA]
    refresh: {{min: 1h, max: 1h, unknown_kid_interval: 30s}}
    introspection:
      url: "{}"
      client_id: gateway
      client_secret: {{file: "{}"}}
      negative_ttl: 30s
{extra}
api_keys:
  - {{id: partner-1, sha256: {}, client_id: partner, tenant: globex, scopes: [read:partner]}}
tenants:
  acme: {{tier: pro}}
"#,
        idp.url("/introspect"),
        secret_file.display(),
        gateway::auth::api_key_hash(&crate::harness::secret(API_KEY))
    )
}

struct Env {
    _pki: Pki,
    up: gateway::echo::EchoUpstream,
    gw: GatewayProc,
    idp: Idp,
    es: IdpKey,
}

fn env_with(source: impl FnOnce(&Idp) -> String, extra_keys: &[&IdpKey]) -> Env {
    env_full(source, extra_keys, "")
}

fn env_full(source: impl FnOnce(&Idp) -> String, extra_keys: &[&IdpKey], limits: &str) -> Env {
    let es = IdpKey::es256("es-1");
    let mut keys = vec![&es];
    keys.extend_from_slice(extra_keys);
    let idp = Idp::start(&keys);
    let src = source(&idp);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .spec("legacy.yaml", LEGACY)
        .policy("issuers.yaml", &issuer_policy(&idp, &src, ""))
        .limits(limits)
        .start();
    Env {
        _pki: pki,
        up,
        gw,
        idp,
        es,
    }
}

fn env() -> Env {
    env_with(|idp| format!("jwks_url: \"{}\"", idp.url("/jwks")), &[])
}

fn get(gw: &GatewayProc, path: &str, token: &str) -> Resp {
    gw.raw(&format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"))
}

#[test]
fn valid_token_reaches_upstream_with_verified_identity_and_assertion() {
    let e = env();
    let token = e.es.token("alice", "read:orders write:orders");
    let r = e.gw.raw(&format!(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: bEaReR {token}\r\nX-Gateway-Subject: root\r\nX-User-Id: root\r\n\
         X-Gateway-Assertion: forged\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = &e.up.take()[0];
    assert_eq!(rec.header("x-gateway-subject"), Some("alice"));
    assert_eq!(rec.header("x-gateway-client-id"), Some("client-1"));
    assert_eq!(rec.header("x-gateway-tenant"), Some("acme"));
    assert_eq!(
        rec.header("x-gateway-scopes"),
        Some("read:orders write:orders")
    );
    assert!(rec.header("x-user-id").is_none());
    assert!(
        rec.header("authorization").is_none(),
        "the client's token is not forwarded by default"
    );
    // The upstream can verify the assertion with the gateway's published JWKS.
    let assertion = rec.header("x-gateway-assertion").expect("assertion");
    assert_ne!(assertion, "forged");
    let jwks = http_plain(
        e.gw.admin,
        "GET /.well-known/jwks.json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .unwrap()
    .json();
    let jwk: jsonwebtoken::jwk::Jwk = serde_json::from_value(jwks["keys"][0].clone()).unwrap();
    let mut v = jsonwebtoken::Validation::new(Algorithm::EdDSA);
    v.set_audience(&["orders"]);
    v.set_issuer(&["gateway"]);
    let data = jsonwebtoken::decode::<serde_json::Value>(
        assertion,
        &jsonwebtoken::DecodingKey::from_jwk(&jwk).unwrap(),
        &v,
    )
    .expect("assertion verifies with the published JWKS");
    let c = data.claims;
    assert_eq!(c["sub"], "alice");
    assert!(
        c.get("rid").is_none(),
        "the request id is not in the assertion: {c}"
    );
    // ... but in its own header, the one the client got back.
    assert!(r.header("x-request-id").is_some());
    assert_eq!(rec.header("x-request-id"), r.header("x-request-id"));
    assert!(c["exp"].as_u64().unwrap() - c["iat"].as_u64().unwrap() <= 60);
}

#[test]
fn one_principal_reuses_its_assertion_and_each_request_keeps_its_own_id() {
    let e = env();
    let send = |sub: &str, scope: &str| {
        // A fresh token each time: the assertion follows the principal, not the token.
        let r = get(&e.gw, "/orders", &e.es.token(sub, scope));
        assert_eq!(r.status, 200, "{}", r.text());
        let rec = e.up.take().pop().expect("forwarded");
        let assertion = rec.header("x-gateway-assertion").expect("assertion");
        let rid = rec.header("x-request-id").expect("request id");
        assert_eq!(Some(rid), r.header("x-request-id"));
        (assertion.to_string(), rid.to_string())
    };
    let (a1, rid1) = send("alice", "read:orders");
    // Into the next second: an assertion signed anew would carry another `iat`.
    std::thread::sleep(Duration::from_millis(1100));
    let (a2, rid2) = send("alice", "read:orders");
    assert_eq!(
        a1, a2,
        "the same principal and upstream get the same assertion"
    );
    assert_ne!(rid1, rid2, "each request has its own id");
    // Another principal, or the same one with other scopes, gets its own.
    let (b, _) = send("bob", "read:orders");
    assert_ne!(b, a1);
    let (w, _) = send("alice", "read:orders write:orders");
    assert_ne!(w, a1);
    let claims = |jwt: &str| -> serde_json::Value {
        use base64::Engine;
        let p = jwt.split('.').nth(1).expect("jwt");
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .expect("b64"),
        )
        .expect("json")
    };
    assert_eq!(claims(&b)["sub"], "bob");
    assert_eq!(claims(&w)["scope"], "read:orders write:orders");
}

#[test]
fn rsa_pss_and_eddsa_tokens_are_accepted() {
    let rs = IdpKey::rsa("rs-1", Algorithm::RS256);
    let ps = IdpKey::rsa("ps-1", Algorithm::PS256);
    let ed = IdpKey::ed25519("ed-1");
    let e = env_with(
        |idp| format!("jwks_url: \"{}\"", idp.url("/jwks")),
        &[&rs, &ps, &ed],
    );
    for k in [&rs, &ps, &ed] {
        let r = get(&e.gw, "/orders", &k.token("bob", "read:orders"));
        assert_eq!(r.status, 200, "{:?}: {}", k.alg, r.text());
    }
    assert_eq!(e.up.count(), 3);
}

#[test]
fn attack_table_is_refused_and_never_reaches_upstream() {
    let rsa = IdpKey::rsa("rsa-1", Algorithm::RS256);
    let e = env_with(|idp| format!("jwks_url: \"{}\"", idp.url("/jwks")), &[&rsa]);
    let c = claims("mallory", "read:orders");
    let es = &e.es;
    let good_sig = {
        let t = es.token("mallory", "read:orders");
        t.rsplit('.').next().unwrap().to_string()
    };
    let mut attacks: Vec<(&str, String)> = Vec::new();
    for alg in ["none", "None", "NONE", "nOnE"] {
        attacks.push((
            "alg none",
            raw_token(&json!({"alg": alg, "typ": "JWT"}), &c, b""),
        ));
        attacks.push((
            "alg none + kid",
            raw_token(&json!({"alg": alg, "kid": "es-1"}), &c, b""),
        ));
    }
    // HS256 "signed" with the RSA public key as the HMAC secret (key confusion).
    let hs =
        gateway::auth::mint::sign(&rsa.public_pem(), Algorithm::HS256, Some("rsa-1"), &c).unwrap();
    attacks.push(("HS256 with RSA public key", hs));
    let n = now();
    let mut exp = c.clone();
    exp["exp"] = json!(n - 3600);
    attacks.push(("expired", es.sign(&exp)));
    let mut nbf = c.clone();
    nbf["nbf"] = json!(n + 3600);
    attacks.push(("nbf in the future", es.sign(&nbf)));
    let mut iat = c.clone();
    iat["iat"] = json!(n + 3600);
    attacks.push(("iat in the future", es.sign(&iat)));
    let mut iss = c.clone();
    iss["iss"] = json!("https://evil.test");
    attacks.push(("wrong iss", es.sign(&iss)));
    let mut aud = c.clone();
    aud["aud"] = json!(["api://other"]);
    attacks.push(("wrong aud", es.sign(&aud)));
    let mut noexp = c.clone();
    noexp.as_object_mut().unwrap().remove("exp");
    attacks.push(("missing exp", es.sign(&noexp)));
    let jwk = es.jwk();
    let t = es.token("mallory", "read:orders");
    let (_, rest) = t.split_once('.').unwrap();
    for (name, h) in [
        (
            "embedded jwk",
            json!({"alg": "ES256", "kid": "es-1", "jwk": jwk}),
        ),
        (
            "jku",
            json!({"alg": "ES256", "kid": "es-1", "jku": "https://evil.test/jwks"}),
        ),
        (
            "x5u",
            json!({"alg": "ES256", "kid": "es-1", "x5u": "https://evil.test/cert"}),
        ),
        (
            "crit",
            json!({"alg": "ES256", "kid": "es-1", "crit": ["exp"], "exp": 1}),
        ),
    ] {
        attacks.push((name, format!("{}.{rest}", b64(h.to_string().as_bytes()))));
    }
    // ES256 with r = s = 0 (CVE-2022-21449, "psychic signatures").
    attacks.push((
        "ES256 r=s=0",
        raw_token(&json!({"alg": "ES256", "kid": "es-1"}), &c, &[0u8; 64]),
    ));
    attacks.push(("truncated signature", {
        let t = es.token("m", "read:orders");
        t[..t.len() - 10].to_string()
    }));
    attacks.push(("signature of another token", {
        let t = es.token("m", "write:orders");
        format!("{}.{good_sig}", t.rsplit_once('.').unwrap().0)
    }));
    let mut big = c.clone();
    big["pad"] = json!("x".repeat(9000));
    attacks.push(("oversized", es.sign(&big)));
    attacks.push((
        "unknown kid",
        raw_token(&json!({"alg": "ES256", "kid": "nope"}), &c, &[1u8; 64]),
    ));
    attacks.push(("garbage", "not.a.jwt".to_string()));

    for (name, token) in &attacks {
        let r = get(&e.gw, "/orders", token);
        assert_eq!(r.status, 401, "{name}: {}", r.text());
        r.assert_problem(401);
        assert_eq!(
            r.header("www-authenticate"),
            Some(r#"Bearer realm="gateway", error="invalid_token""#),
            "{name}"
        );
        assert_eq!(
            r.json()["detail"],
            "A valid access token is required.",
            "{name}: the body stays generic"
        );
    }
    // Missing token, and non-Bearer schemes.
    e.gw.get("/orders").assert_problem(401);
    let r = e.gw.raw("GET /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic YTpi\r\nConnection: close\r\n\r\n");
    r.assert_problem(401);
    // Scope near-misses → 403 naming the required scope.
    for scope in [
        "read:order",
        "READ:ORDERS",
        "read:orders_all",
        "read",
        "write:orders",
    ] {
        let r = get(&e.gw, "/orders", &es.token("m", scope));
        r.assert_problem(403);
        assert_eq!(
            r.header("www-authenticate"),
            Some(r#"Bearer realm="gateway", error="insufficient_scope", scope="read:orders""#),
            "{scope}"
        );
    }
    assert_eq!(e.up.count(), 0, "no refused request reached the upstream");
    let m = e.gw.metrics();
    for reason in [
        "alg_not_allowed",
        "alg_key_mismatch",
        "expired",
        "not_yet_valid",
        "unknown_issuer",
        "missing_exp",
        "issued_in_future",
        "crit_unsupported",
        "wrong_audience",
        "forbidden_header",
        "bad_signature",
        "too_large",
        "insufficient_scope",
    ] {
        assert!(
            m.contains(&format!(
                "gateway_auth_failures_total{{reason=\"{reason}\"}}"
            )),
            "metric for {reason}"
        );
    }
}

#[test]
fn public_and_unspecified_operations() {
    let e = env();
    assert_eq!(
        e.gw.get("/orders/summary").status,
        200,
        "security: [] is public"
    );
    let r = e.gw.get("/legacy");
    r.assert_problem(403);
    let r = get(&e.gw, "/legacy", &e.es.token("a", "read:orders"));
    r.assert_problem(403);
    assert_eq!(r.json()["type"], "urn:gateway:problem:no-security-policy");
    assert_eq!(e.up.count(), 1);
}

#[test]
fn key_rotation_is_picked_up_after_one_refetch_and_unknown_kid_flood_is_bounded() {
    let e = env();
    assert_eq!(
        get(&e.gw, "/orders", &e.es.token("a", "read:orders")).status,
        200
    );
    let base = e.idp.jwks_hits();
    // A flood of random kids: at most one refetch per unknown_kid_interval (30 s here).
    for i in 0..40 {
        let t = raw_token(
            &json!({"alg": "ES256", "kid": format!("rnd-{i}")}),
            &claims("x", "read:orders"),
            &[7u8; 64],
        );
        assert_eq!(get(&e.gw, "/orders", &t).status, 401);
    }
    let after_flood = e.idp.jwks_hits();
    assert!(
        after_flood - base <= 1,
        "IdP hit {} times by the flood",
        after_flood - base
    );
    drop(e);

    // Rotation: a new kid appears at the IdP and is accepted after one refetch.
    let e = env();
    let base = e.idp.jwks_hits();
    let new = IdpKey::es256("es-2");
    e.idp.add_key(&new);
    let r = get(&e.gw, "/orders", &new.token("b", "read:orders"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(e.idp.jwks_hits() - base, 1, "exactly one refetch");
    assert_eq!(
        get(&e.gw, "/orders", &new.token("c", "read:orders")).status,
        200
    );
    assert_eq!(
        e.idp.jwks_hits() - base,
        1,
        "no further fetch for a known kid"
    );
}

#[test]
fn hung_idp_holds_an_unknown_kid_request_at_most_the_wait_bound() {
    let e = env();
    assert_eq!(
        get(&e.gw, "/orders", &e.es.token("a", "read:orders")).status,
        200
    );
    // The IdP rotates, then hangs: it accepts the fetch and answers nothing.
    let new = IdpKey::es256("es-2");
    e.idp.add_key(&new);
    e.idp.set_frozen(true);
    let t0 = Instant::now();
    let r = get(&e.gw, "/orders", &new.token("b", "read:orders"));
    let waited = t0.elapsed();
    assert_eq!(r.status, 401, "{}", r.text());
    // unknown_kid_wait defaults to 500 ms (the fetch timeout is 5 s); slack for a busy machine.
    assert!(waited < Duration::from_millis(1500), "held {waited:?}");
    assert!(
        e.idp.state.lock().unwrap().held >= 1,
        "the refetch reached the IdP"
    );
    // Known keys keep verifying at once while the fetch hangs.
    let t0 = Instant::now();
    assert_eq!(
        get(&e.gw, "/orders", &e.es.token("c", "read:orders")).status,
        200
    );
    assert!(t0.elapsed() < Duration::from_millis(1000));
    // The fetch went on in the background: once the IdP answers, the new kid verifies with
    // no further fetch (unknown_kid_interval is 30 s here, so none could start).
    e.idp.set_frozen(false);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let r = get(&e.gw, "/orders", &new.token("d", "read:orders"));
        if r.status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "new kid never accepted: {}",
            r.status
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn idp_down_keeps_cached_keys_and_reports_staleness() {
    let e = env();
    e.idp.set_up(false);
    // Fresh tokens (not in the verified-token cache) still verify with the last good keys.
    for sub in ["u1", "u2", "u3"] {
        assert_eq!(
            get(&e.gw, "/orders", &e.es.token(sub, "read:orders")).status,
            200
        );
    }
    // An unknown kid makes the gateway try the IdP, which fails: keys are now stale.
    let t = raw_token(
        &json!({"alg": "ES256", "kid": "rotated"}),
        &claims("x", "read:orders"),
        &[7u8; 64],
    );
    assert_eq!(get(&e.gw, "/orders", &t).status, 401);
    let ready = http_plain(
        e.gw.admin,
        "GET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(ready.status, 200, "stale keys still serve");
    assert_eq!(ready.json()["issuers"]["test"]["stale"], true);
    assert!(e
        .gw
        .metrics()
        .contains("gateway_jwks_stale{issuer=\"test\"} 1"));
    assert_eq!(
        get(&e.gw, "/orders", &e.es.token("u4", "read:orders")).status,
        200
    );
}

#[test]
fn oidc_discovery_source() {
    let e = env_with(
        |idp| {
            format!(
                "discovery_url: \"{}\"",
                idp.url("/.well-known/openid-configuration")
            )
        },
        &[],
    );
    assert!(e.idp.state.lock().unwrap().discovery_hits >= 1);
    assert_eq!(
        get(&e.gw, "/orders", &e.es.token("a", "read:orders")).status,
        200
    );
}

#[test]
fn unreachable_idp_at_start_fails_or_starts_not_ready() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    idp.set_up(false);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let build = |extra: &str| {
        GatewayBuilder::new(&pki)
            .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
            .spec("orders.yaml", SPEC)
            .policy(
                "issuers.yaml",
                &issuer_policy(
                    &idp,
                    &format!("jwks_url: \"{}\"\n    {extra}", idp.url("/jwks")),
                    "",
                ),
            )
    };
    let err = build("on_unreachable_at_start: fail")
        .try_start()
        .err()
        .expect("must not start");
    assert!(err.contains("keys unavailable at start"), "{err}");
    let mut gw = build("on_unreachable_at_start: not_ready")
        .no_wait_ready()
        .start();
    let r = http_plain(
        gw.admin,
        "GET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["issuers"]["test"]["keys_loaded"], false);
    let r = get(&gw, "/orders", &es.token("a", "read:orders"));
    r.assert_problem(503);
    // The IdP comes back: the background loop loads the keys and the gateway becomes ready.
    idp.set_up(true);
    gw.wait_for("/readyz", Duration::from_secs(15)).unwrap();
    assert_eq!(
        get(&gw, "/orders", &es.token("a", "read:orders")).status,
        200
    );
}

#[test]
fn opaque_tokens_via_introspection() {
    let e = env();
    let n = now();
    e.idp.add_opaque("opaque-good-1", json!({"active": true, "sub": "svc", "client_id": "batch", "scope": "read:orders", "exp": n + 600, "aud": AUD}));
    e.idp.add_opaque("opaque-other-aud", json!({"active": true, "sub": "svc", "scope": "read:orders", "exp": n + 600, "aud": "api://other"}));
    let r = get(&e.gw, "/orders", "opaque-good-1");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(e.up.take()[0].header("x-gateway-client-id"), Some("batch"));
    let hits = e.idp.introspect_hits();
    assert_eq!(get(&e.gw, "/orders", "opaque-good-1").status, 200);
    assert_eq!(e.idp.introspect_hits(), hits, "cached by token hash");
    assert_eq!(e.up.take().len(), 1);
    get(&e.gw, "/orders", "opaque-unknown").assert_problem(401);
    get(&e.gw, "/orders", "opaque-unknown").assert_problem(401);
    assert_eq!(e.idp.introspect_hits(), hits + 1, "negative result cached");
    get(&e.gw, "/orders", "opaque-other-aud").assert_problem(401);
    // Endpoint down: 503 for tokens not yet known, never 200.
    e.idp.set_up(false);
    e.idp.add_opaque(
        "opaque-new",
        json!({"active": true, "scope": "read:orders", "exp": n + 600}),
    );
    let r = get(&e.gw, "/orders", "opaque-new");
    r.assert_problem(503);
    assert_eq!(e.up.count(), 0);
}

#[test]
fn api_keys_grant_only_their_scopes() {
    let e = env();
    let with_key = |k: &str, path: &str| {
        e.gw.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {k}\r\nConnection: close\r\n\r\n"
        ))
    };
    let r = with_key(API_KEY, "/partner");
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = &e.up.take()[0];
    assert_eq!(rec.header("x-gateway-client-id"), Some("partner"));
    assert_eq!(rec.header("x-gateway-scopes"), Some("read:partner"));
    assert!(
        rec.header("x-api-key").is_none(),
        "the key is not forwarded"
    );
    with_key("partner-key-7f3a9c0e5c", "/partner").assert_problem(401);
    with_key("", "/partner").assert_problem(401);
    // The key cannot open a bearer-only route.
    with_key(API_KEY, "/orders").assert_problem(401);
    assert_eq!(e.up.count(), 0);
}

#[test]
fn large_bodies_forwarded_by_subrequest_keep_the_verified_identity() {
    let e = env_full(
        |idp| format!("jwks_url: \"{}\"", idp.url("/jwks")),
        &[],
        "  max_body_bytes: 1048576\n",
    );
    let token = e.es.token("bulk", "read:orders write:orders");
    let body: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let mut req = format!(
        "POST /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nContent-Type: application/octet-stream\r\n\
         Content-Length: {}\r\nX-Gateway-Subject: forged\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    let mut s = tls_stream(e.gw.addr, &e.gw.ca_pem).unwrap();
    std::io::Write::write_all(&mut s, &req).unwrap();
    let mut out = Vec::new();
    let _ = std::io::Read::read_to_end(&mut s, &mut out);
    let r = parse_response(&out).unwrap();
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = e.up.take().pop().unwrap();
    assert_eq!(
        rec.body, body,
        "byte-identical above the 64 KiB retry buffer"
    );
    assert_eq!(rec.header("x-gateway-subject"), Some("bulk"));
    assert!(rec.header("x-gateway-assertion").is_some());
    assert!(rec.header("authorization").is_none());
    // Without the scope, the body is never read nor forwarded.
    let weak = e.es.token("weak", "read:orders");
    let mut req = format!(
        "POST /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {weak}\r\nContent-Type: application/octet-stream\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    let mut s = tls_stream(e.gw.addr, &e.gw.ca_pem).unwrap();
    let _ = std::io::Write::write_all(&mut s, &req);
    let mut out = Vec::new();
    let _ = std::io::Read::read_to_end(&mut s, &mut out);
    parse_response(&out).unwrap().assert_problem(403);
    assert_eq!(e.up.count(), 0);
}

#[test]
fn tier_limits_per_client_leave_a_second_client_unaffected() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let policy = issuer_policy(&idp, &format!("jwks_url: \"{}\"", idp.url("/jwks")), "").replace(
        "tenants:\n  acme: {tier: pro}\n",
        "tenants:\n  acme: {tier: tiny}\n  globex: {tier: big}\n",
    );
    let limits = "rate_limits:\n  tiers:\n    tiny: {per_minute: 6, burst: 3}\n    big: {per_minute: 6000, burst: 100}\n  limits:\n    per-client: {key: client, default_tier: tiny}\n";
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("issuers.yaml", &policy)
        .policy("ratelimits.yaml", limits)
        .start();
    let token_for = |tenant: &str, sub: &str| {
        let mut c = claims(sub, "read:orders");
        c["tenant"] = json!(tenant);
        es.sign(&c)
    };
    // Two different users of tenant acme share the tenant's tier bucket (burst 3; one more
    // every 10 s, so a slow machine does not see a refill during these seven requests).
    let acme = [token_for("acme", "a1"), token_for("acme", "a2")];
    let statuses: Vec<u16> = (0..6)
        .map(|i| get(&gw, "/orders", &acme[i % 2]).status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        3,
        "{statuses:?}"
    );
    let r = get(&gw, "/orders", &acme[0]);
    r.assert_problem(429);
    assert!(r.header("retry-after").is_some());
    assert!(
        r.header("ratelimit-policy")
            .is_some_and(|p| p.contains("per-client")),
        "{:?}",
        r.headers
    );
    // Tenant globex (tier big) is unaffected.
    let globex = token_for("globex", "g1");
    for _ in 0..10 {
        assert_eq!(get(&gw, "/orders", &globex).status, 200);
    }
    assert_eq!(up.count(), 13);
}

#[test]
fn query_and_cookie_tokens_only_where_opted_in_and_never_forwarded() {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("issuers.yaml", &issuer_policy(&idp, &format!("jwks_url: \"{}\"", idp.url("/jwks")), ""))
        .policy(
            "routes.yaml",
            "routes:\n  - {method: GET, path: /orders, token_from_query: access_token, token_from_cookie: session}\n",
        )
        .start();
    let t = es.token("q", "read:orders");
    let r = gw.get(&format!("/orders?access_token={t}"));
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take().pop().unwrap();
    assert_eq!(rec.target, "/orders", "the query token is not forwarded");
    assert_eq!(rec.header("x-gateway-subject"), Some("q"));
    let r = gw.raw(&format!(
        "GET /orders HTTP/1.1\r\nHost: localhost\r\nCookie: theme=dark; session={t}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take().pop().unwrap();
    assert_eq!(
        rec.header("cookie"),
        Some("theme=dark"),
        "the cookie token is not forwarded"
    );
    // Routes that did not opt in ignore query tokens.
    let r = gw.get(&format!("/orders/summary?access_token={t}"));
    assert_eq!(
        r.status,
        400,
        "an undeclared query parameter on a public route: {}",
        r.text()
    );
    assert_eq!(up.count(), 0);
}
