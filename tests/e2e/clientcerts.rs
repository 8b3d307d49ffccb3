//! Client certificates at the edge, end to end: rcgen certificates (valid, expired, another
//! CA, revoked by CRL, unmapped), a listener asking for them (`request`) or insisting
//! (`require`), an OAS 3.1 spec with a `mutualTLS` scheme, and the real binary.

use crate::harness::*;
use gateway::certs::{Ca, Pem};
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

const SPEC: &str = r#"openapi: 3.1.0
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
paths:
  /orders:
    get:
      security: [{mtls: [read:orders]}]
      responses: {"200": {description: ok}}
  /orders/admin:
    get:
      security: [{mtls: [admin]}]
      responses: {"200": {description: ok}}
  /public:
    get:
      security: []
      responses: {"200": {description: ok}}
  /orders/bound:
    get:
      # A certificate AND a key (one alternative): both must be presented.
      security: [{mtls: [read:orders], key: [orders:write]}]
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    mtls: {type: mutualTLS}
    key: {type: apiKey, in: header, name: x-api-key}
"#;

const WRITE_KEY: &str = "bound-key-write-7f3a";
const READ_KEY: &str = "bound-key-read-19c4";

const POLICY: &str = r#"client_certificates:
  - {san_uri: "spiffe://corp/partner", client_id: partner-a, tenant: globex, scopes: [read:orders]}
  - {subject_cn: device-7, client_id: device-7, tenant: initech, scopes: [read:orders]}
"#;

/// A per-client limit (anonymous callers fall back to their IP, and refused credentials count
/// against it: only in the rate-limit test).
const LIMITS: &str = r#"rate_limits:
  tiers:
    tiny: {per_minute: 2}
  limits:
    per-client: {key: client, default_tier: tiny, routes: [{path: /orders}]}
"#;

const REVOKED_SERIAL: u64 = 666;

struct Certs {
    ca: Ca,
    valid: Pem,
    device: Pem,
    expired: Pem,
    revoked: Pem,
    rogue: Pem,
    unmapped: Pem,
}

fn certs() -> Certs {
    let ca = Ca::new("partner CA").expect("ca");
    let valid = ca
        .client_with("partner", (2020, 2099), 100, &["spiffe://corp/partner"])
        .expect("cert");
    let device = ca
        .client_with("device-7", (2020, 2099), 101, &[])
        .expect("cert");
    let expired = ca
        .client_with("partner", (2020, 2021), 102, &["spiffe://corp/partner"])
        .expect("cert");
    let revoked = ca
        .client_with(
            "partner",
            (2020, 2099),
            REVOKED_SERIAL,
            &["spiffe://corp/partner"],
        )
        .expect("cert");
    let rogue = Ca::new("partner CA")
        .expect("ca")
        .client_with("partner", (2020, 2099), 100, &["spiffe://corp/partner"])
        .expect("cert");
    let unmapped = ca
        .client_with("stranger", (2020, 2099), 103, &[])
        .expect("cert");
    Certs {
        ca,
        valid,
        device,
        expired,
        revoked,
        rogue,
        unmapped,
    }
}

fn gateway(
    pki: &Pki,
    c: &Certs,
    mode: &str,
    up: std::net::SocketAddr,
    limits: bool,
) -> GatewayProc {
    let dir = pki.dir.path();
    std::fs::write(dir.join("clients-ca.crt"), &c.ca.pem.cert).expect("write");
    std::fs::write(
        dir.join("clients.crl"),
        c.ca.crl(&[REVOKED_SERIAL]).expect("crl"),
    )
    .expect("write");
    let mut b = GatewayBuilder::new(pki)
        .upstream(UpstreamDecl::new("orders", up, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("clients.yaml", POLICY)
        .policy(
            "keys.yaml",
            &format!(
                "api_keys:\n  - {{id: kw, sha256: {}, client_id: shop, tenant: acme, scopes: [orders:write]}}\n  \
                 - {{id: kr, sha256: {}, client_id: shop-ro, tenant: acme, scopes: []}}\n",
                gateway::auth::api_key_hash(&secret(WRITE_KEY)),
                gateway::auth::api_key_hash(&secret(READ_KEY)),
            ),
        );
    if limits {
        b = b.policy("limits.yaml", LIMITS);
    }
    b.client_ca(&format!(
        "{{ca: {}, mode: {mode}, crl: {}}}",
        dir.join("clients-ca.crt").display(),
        dir.join("clients.crl").display()
    ))
    .gateway_yaml(
        "audit:\n  signing_key: audit/key.pem\n  generate_key: true\n  \
             file: {path: audit/audit.log, fsync: always}\n",
    )
    .start()
}

fn connector(ca_pem: &str, client: Option<&Pem>) -> SslConnector {
    let mut b = SslConnector::builder(SslMethod::tls_client()).expect("builder");
    let mut store = openssl::x509::store::X509StoreBuilder::new().expect("store");
    store
        .add_cert(openssl::x509::X509::from_pem(ca_pem.as_bytes()).expect("ca"))
        .expect("add");
    b.set_verify_cert_store(store.build()).expect("store");
    b.set_verify(SslVerifyMode::PEER);
    if let Some(c) = client {
        b.set_certificate(&openssl::x509::X509::from_pem(c.cert.as_bytes()).expect("cert"))
            .expect("set cert");
        b.set_private_key(
            &openssl::pkey::PKey::private_key_from_pem(c.key.as_bytes()).expect("key"),
        )
        .expect("set key");
    }
    b.build()
}

/// One HTTP/1.1 request over TLS with (or without) a client certificate. `Err` when no HTTP
/// answer came (handshake refused).
fn request(gw: &GatewayProc, client: Option<&Pem>, path: &str) -> Result<Resp, String> {
    request_with(gw, client, path, "")
}

/// [`request`] with extra header lines (each ending in CRLF).
fn request_with(
    gw: &GatewayProc,
    client: Option<&Pem>,
    path: &str,
    headers: &str,
) -> Result<Resp, String> {
    let tcp = TcpStream::connect(gw.addr).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let mut s = connector(&gw.ca_pem, client)
        .connect("localhost", tcp)
        .map_err(|e| e.to_string())?;
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n")
            .as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    let _ = std::io::Read::read_to_end(&mut s, &mut buf);
    if buf.is_empty() {
        return Err("no answer".into());
    }
    parse_response(&buf)
}

fn sha256_of(pem: &Pem) -> String {
    let x = openssl::x509::X509::from_pem(pem.cert.as_bytes()).expect("cert");
    hex::encode(
        x.digest(openssl::hash::MessageDigest::sha256())
            .expect("digest"),
    )
}

/// The claims of the gateway's upstream assertion (a JWS; its signature is checked elsewhere).
fn assertion_claims(assertion: &str) -> serde_json::Value {
    use base64::Engine;
    let payload = assertion.split('.').nth(1).expect("jwt");
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .expect("b64"),
    )
    .expect("json")
}

/// RFC 8705's `x5t#S256` of a certificate: base64url of its DER's SHA-256.
fn x5t_s256(pem: &Pem) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(hex::decode(sha256_of(pem)).expect("hex"))
}

fn reason(r: &Resp) -> String {
    r.json()["type"].as_str().unwrap_or("").to_string()
}

#[test]
fn a_mapped_certificate_is_a_credential_and_every_bad_one_is_refused_with_its_reason() {
    let pki = Pki::new();
    let c = certs();
    let up = pki.upstream("orders.internal");
    let gw = gateway(&pki, &c, "request", up.addr, false);

    // Valid, mapped: the principal reaches the upstream.
    let r = request(&gw, Some(&c.valid), "/orders").expect("answer");
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take();
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0].header("x-gateway-client-id"), Some("partner-a"));
    assert_eq!(rec[0].header("x-gateway-tenant"), Some("globex"));
    assert_eq!(rec[0].header("x-gateway-scopes"), Some("read:orders"));
    // The gateway's assertion binds the certificate (RFC 8705 `cnf.x5t#S256`).
    let claims = assertion_claims(rec[0].header("x-gateway-assertion").expect("assertion"));
    let want = x5t_s256(&c.valid);
    assert_eq!(claims["cnf"]["x5t#S256"], want.as_str(), "{claims}");
    assert_eq!(claims["amr"][0], "mtls");
    assert_eq!(claims["client_id"], "partner-a");

    // Scopes come from the mapping: the admin route needs one the certificate lacks.
    let r = request(&gw, Some(&c.valid), "/orders/admin").expect("answer");
    r.assert_problem(403);

    // No certificate on a route that needs one: 401 problem, nothing forwarded.
    let r = request(&gw, None, "/orders").expect("answer");
    r.assert_problem(401);
    // ... while a public route on the same listener answers.
    assert_eq!(request(&gw, None, "/public").expect("answer").status, 200);
    up.take();

    // Expired, another CA with the same names, revoked, unmapped: 401 with the reason, on
    // every route (a presented credential is verified), and nothing reaches the upstream.
    for (cert, why) in [
        (&c.expired, "cert_expired"),
        (&c.rogue, "cert_untrusted"),
        (&c.revoked, "cert_revoked"),
    ] {
        for path in ["/orders", "/public"] {
            let r = request(&gw, Some(cert), path).expect("answer");
            r.assert_problem(401);
            assert!(
                reason(&r).ends_with("invalid-client-certificate"),
                "{why} {path}: {}",
                r.text()
            );
            assert!(r.header("www-authenticate").is_none());
        }
        assert!(
            gw.plain_log()
                .contains(&format!("gateway.denial.reason={why}")),
            "{why} in the access log"
        );
    }
    let r = request(&gw, Some(&c.unmapped), "/orders").expect("answer");
    r.assert_problem(401);
    assert_eq!(up.count(), 0, "no refused request reached the upstream");

    // Audit: the certificate's fingerprint, never the certificate.
    let audit = gw.dir.path().join("audit/audit.log");
    let fp = sha256_of(&c.valid);
    let revoked_fp = sha256_of(&c.revoked);
    let t0 = Instant::now();
    // Records are written by the audit thread in batches: wait for both (the valid and the
    // refused request), not only the first.
    let text = loop {
        let t = std::fs::read_to_string(&audit).unwrap_or_default();
        if (t.contains(&fp) && t.contains(&revoked_fp)) || t0.elapsed() > Duration::from_secs(10) {
            break t;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let line = text
        .lines()
        .find(|l| l.contains(&fp))
        .unwrap_or_else(|| panic!("fingerprint in the audit log: {text}"));
    let rec: serde_json::Value = serde_json::from_str(line).expect("json line");
    assert_eq!(rec["client_cert_sha256"], fp.as_str());
    assert_eq!(rec["auth_method"], "mtls");
    assert_eq!(rec["client_id"], "partner-a");
    let body = c.valid.cert.lines().nth(1).expect("pem body line");
    assert!(
        !text.contains(body),
        "no certificate material in the audit log"
    );
    assert!(text.contains(&revoked_fp), "refusals are audited too");
}

#[test]
fn an_alternative_naming_a_certificate_and_a_key_needs_both() {
    let pki = Pki::new();
    let c = certs();
    let up = pki.upstream("orders.internal");
    let gw = gateway(&pki, &c, "request", up.addr, false);
    let key = |k: &str| format!("x-api-key: {}\r\n", secret(k));

    // Both: served; the key is the identity the upstream gets, bound to the certificate.
    let r = request_with(&gw, Some(&c.valid), "/orders/bound", &key(WRITE_KEY)).expect("answer");
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take();
    assert_eq!(rec.len(), 1);
    assert_eq!(rec[0].header("x-gateway-client-id"), Some("shop"));
    assert_eq!(rec[0].header("x-api-key"), None, "the key is not forwarded");
    let claims = assertion_claims(rec[0].header("x-gateway-assertion").expect("assertion"));
    let want = x5t_s256(&c.valid);
    assert_eq!(claims["cnf"]["x5t#S256"], want.as_str(), "{claims}");

    // Either alone: 401.
    request_with(&gw, None, "/orders/bound", &key(WRITE_KEY))
        .expect("answer")
        .assert_problem(401);
    request(&gw, Some(&c.valid), "/orders/bound")
        .expect("answer")
        .assert_problem(401);
    // Each part's scopes from its own credential: the key lacks `orders:write` → 403.
    request_with(&gw, Some(&c.valid), "/orders/bound", &key(READ_KEY))
        .expect("answer")
        .assert_problem(403);
    // An unmapped certificate beside a good key: 401, and the log says why.
    request_with(&gw, Some(&c.unmapped), "/orders/bound", &key(WRITE_KEY))
        .expect("answer")
        .assert_problem(401);
    assert!(
        gw.plain_log()
            .contains("gateway.denial.reason=cert_unmapped"),
        "{}",
        gw.plain_log()
    );
    // A revoked certificate is refused whatever comes with it.
    request_with(&gw, Some(&c.revoked), "/orders/bound", &key(WRITE_KEY))
        .expect("answer")
        .assert_problem(401);
    assert_eq!(up.count(), 0, "nothing refused reached the upstream");
}

#[test]
fn rate_limits_are_keyed_by_the_certificate_identity_and_h2_works() {
    let pki = Pki::new();
    let c = certs();
    let up = pki.upstream("orders.internal");
    let gw = gateway(&pki, &c, "request", up.addr, true);
    // The tier allows 2 per minute per client: the partner's third request is refused, the
    // device (another mapped certificate, another client) is still served.
    for _ in 0..2 {
        assert_eq!(
            request(&gw, Some(&c.valid), "/orders")
                .expect("answer")
                .status,
            200
        );
    }
    request(&gw, Some(&c.valid), "/orders")
        .expect("answer")
        .assert_problem(429);
    assert_eq!(
        request(&gw, Some(&c.device), "/orders")
            .expect("answer")
            .status,
        200
    );
    // Over h2 (curl), with the device's certificate: the second request of the device.
    let dir = pki.dir.path();
    c.device.write(dir, "device").expect("write");
    let (code, out) = gw.curl(&[
        "--http2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_version} %{http_code}",
        "--cert",
        &dir.join("device.crt").display().to_string(),
        "--key",
        &dir.join("device.key").display().to_string(),
        &gw.url("/orders"),
    ]);
    assert_eq!((code, out.as_str()), (0, "2 200"));
    // Without a certificate over h2: 401.
    let (code, out) = gw.curl(&[
        "--http2",
        "-o",
        "/dev/null",
        "-w",
        "%{http_version} %{http_code}",
        &gw.url("/orders"),
    ]);
    assert_eq!((code, out.as_str()), (0, "2 401"));
}

#[test]
fn require_mode_refuses_the_handshake_without_a_valid_certificate() {
    let pki = Pki::new();
    let c = certs();
    let up = pki.upstream("orders.internal");
    let gw = gateway(&pki, &c, "require", up.addr, false);
    assert_eq!(
        request(&gw, Some(&c.valid), "/orders")
            .expect("answer")
            .status,
        200
    );
    for (name, cert) in [
        ("none", None),
        ("expired", Some(&c.expired)),
        ("rogue", Some(&c.rogue)),
        ("revoked", Some(&c.revoked)),
    ] {
        assert!(
            request(&gw, cert, "/public").is_err(),
            "{name}: no HTTP answer without a valid certificate"
        );
    }
    assert_eq!(up.count(), 1);
}

#[test]
fn check_refuses_bad_client_ca_settings_and_unknown_rules() {
    let pki = Pki::new();
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "orders",
            "127.0.0.1:9".parse().expect("addr"),
            "orders.internal",
        ))
        .spec("orders.yaml", SPEC)
        .policy(
            "clients.yaml",
            "client_certificates:\n  - {subject_cn: a, san_dns: b, client_id: x}\n",
        )
        .client_ca("{ca: /nonexistent/ca.pem, mode: sometimes}");
    let (_dir, path, ..) = b.write();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .expect("gateway check");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{text}");
    for loc in ["client_ca.ca", "client_ca.mode", "client_certificates[0]"] {
        assert!(text.contains(loc), "{loc} in {text}");
    }
}
