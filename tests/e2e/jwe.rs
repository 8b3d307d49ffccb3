//! Encrypted identity tokens end to end: JWE made by an independent JOSE implementation
//! (Python's jwcrypto), decrypted by the gateway, nested JWT verified in full.

use crate::harness::*;
use crate::idp::*;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

const SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: [{oauth: [read:orders]}]
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r}}}}
"#;

const ENCS: [&str; 4] = ["A128GCM", "A256GCM", "A128CBC-HS256", "A256CBC-HS512"];

/// Run the Python minter on a batch of specs.
fn mint(specs: &[Value]) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/e2e/py/jwe_mint.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(Value::Array(specs.to_vec()).to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("json list")
}

fn tok(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("minting failed: {v}"))
        .to_string()
}

struct Keys {
    rsa_pub: String,
    ec_pub: String,
    dir: Vec<(usize, Value)>,
}

fn keys(dir: &std::path::Path) -> Keys {
    let rsa = openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
    let (ec, ec_pem) = gateway::auth::mint::generate_es256().unwrap();
    let rsa_pem = String::from_utf8(rsa.private_key_to_pem_pkcs8().unwrap()).unwrap();
    std::fs::write(dir.join("rsa.pem"), &rsa_pem).unwrap();
    std::fs::write(dir.join("ec.pem"), &ec_pem).unwrap();
    let mut dirs = Vec::new();
    for n in [16usize, 32, 64] {
        let mut k = vec![0u8; n];
        openssl::rand::rand_bytes(&mut k).unwrap();
        let jwk = json!({"kty": "oct", "k": b64(&k)});
        std::fs::write(dir.join(format!("dir{n}.jwk")), jwk.to_string()).unwrap();
        dirs.push((n, jwk));
    }
    Keys {
        rsa_pub: String::from_utf8(rsa.public_key_to_pem().unwrap()).unwrap(),
        ec_pub: String::from_utf8(ec.public_key_to_pem().unwrap()).unwrap(),
        dir: dirs,
    }
}

fn dir_len(enc: &str) -> usize {
    match enc {
        "A128GCM" => 16,
        "A256GCM" | "A128CBC-HS256" => 32,
        _ => 64,
    }
}

struct Env {
    _pki: Pki,
    up: gateway::echo::EchoUpstream,
    gw: GatewayProc,
    _idp: Idp,
    es: IdpKey,
    k: Keys,
    _kd: tempfile::TempDir,
    /// The key of a second issuer (`OTHER_ISS`, no JWE), from a JWKS file.
    other: IdpKey,
}

const OTHER_ISS: &str = "https://other-idp.test";

fn env(extra_jwe: &str) -> Env {
    let es = IdpKey::es256("es-1");
    let idp = Idp::start(&[&es]);
    let kd = tempfile::tempdir().unwrap();
    let k = keys(kd.path());
    let p = |n: &str| kd.path().join(n).display().to_string();
    let policy = format!(
        r#"issuers:
  test:
    issuer: "{ISS}"
    audiences: ["{AUD}"]
    jwks_url: "{}"
    algorithms: [ES256]
    refresh: {{min: 1h, max: 1h}}
    jwe:
      encryption: [A128GCM, A256GCM, A128CBC-HS256, A256CBC-HS512]
      keys:
        - {{kid: rsa-oaep-256, alg: RSA-OAEP-256, key: "{rsa}"}}
        - {{kid: rsa-oaep, alg: RSA-OAEP, key: "{rsa}"}}
        - {{kid: ecdh-es, alg: ECDH-ES, key: "{ec}"}}
        - {{kid: ecdh-es-a128kw, alg: ECDH-ES+A128KW, key: "{ec}"}}
        - {{kid: ecdh-es-a256kw, alg: ECDH-ES+A256KW, key: "{ec}"}}
        - {{kid: dir-16, alg: dir, key: "{d16}"}}
        - {{kid: dir-32, alg: dir, key: "{d32}"}}
        - {{kid: dir-64, alg: dir, key: "{d64}"}}
{extra_jwe}"#,
        idp.url("/jwks"),
        rsa = p("rsa.pem"),
        ec = p("ec.pem"),
        d16 = p("dir16.jwk"),
        d32 = p("dir32.jwk"),
        d64 = p("dir64.jwk"),
    );
    let other = IdpKey::es256("other-1");
    std::fs::write(
        kd.path().join("other.jwks"),
        json!({"keys": [other.jwk()]}).to_string(),
    )
    .unwrap();
    let other_policy = format!(
        "issuers:\n  other:\n    issuer: \"{OTHER_ISS}\"\n    audiences: [\"{AUD}\"]\n    \
         jwks_file: \"{}\"\n    algorithms: [ES256]\n",
        p("other.jwks")
    );
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("issuers.yaml", &policy)
        .policy("other.yaml", &other_policy)
        .start();
    Env {
        _pki: pki,
        up,
        gw,
        _idp: idp,
        es,
        k,
        _kd: kd,
        other,
    }
}

fn key_for(k: &Keys, alg: &str, enc: &str) -> (Value, String) {
    match alg {
        "RSA-OAEP-256" | "RSA-OAEP" | "RSA1_5" => (
            json!({"pem": k.rsa_pub}),
            alg.to_lowercase().replace('_', "-"),
        ),
        "dir" => {
            let n = dir_len(enc);
            (
                json!({"jwk": k.dir.iter().find(|(l, _)| *l == n).unwrap().1}),
                format!("dir-{n}"),
            )
        }
        _ => (
            json!({"pem": k.ec_pub}),
            alg.to_lowercase().replace('+', "-"),
        ),
    }
}

fn spec_for(k: &Keys, alg: &str, enc: &str, payload: &str, cty: Option<&str>) -> Value {
    let (key, kid) = key_for(k, alg, enc);
    json!({"key": key, "alg": alg, "enc": enc, "kid": kid, "payload": payload, "cty": cty})
}

fn get(gw: &GatewayProc, token: &str) -> Resp {
    gw.raw(&format!("GET /orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"))
}

#[test]
fn every_supported_combination_works_end_to_end() {
    if !gateway::testenv::jwcrypto() {
        return; // GATEWAY_TEST_SKIP lists `jwcrypto`
    }
    let e = env("");
    let inner = e.es.token("alice", "read:orders");
    let mut specs = Vec::new();
    let mut names = Vec::new();
    for alg in [
        "RSA-OAEP-256",
        "RSA-OAEP",
        "ECDH-ES",
        "ECDH-ES+A128KW",
        "ECDH-ES+A256KW",
        "dir",
    ] {
        for enc in ENCS {
            specs.push(spec_for(&e.k, alg, enc, &inner, Some("JWT")));
            names.push(format!("{alg}/{enc}"));
        }
    }
    // A nested JWT without `cty: JWT` (RFC 7519 §5.2 only recommends it; some IdPs omit it)
    // is still recognised as a JWT and verified.
    specs.push(spec_for(&e.k, "dir", "A128GCM", &inner, None));
    names.push("dir/A128GCM without cty".into());
    let tokens = mint(&specs);
    for (name, t) in names.iter().zip(&tokens) {
        let t = tok(t);
        let r = get(&e.gw, &t);
        assert_eq!(r.status, 200, "{name}: {}", r.text());
        let rec = e.up.take().pop().unwrap();
        assert_eq!(rec.header("x-gateway-subject"), Some("alice"), "{name}");
        assert!(
            rec.headers.iter().all(|(_, v)| !v.contains(&t[..40])),
            "{name}: the JWE is not forwarded"
        );
    }
    // The verified-token cache works for JWE too, keyed by the outer token.
    let t = tok(&tokens[0]);
    let hits = |m: &str| {
        m.lines()
            .find(|l| l.starts_with("gateway_token_cache_total{result=\"hit\"}"))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let before = hits(&e.gw.metrics());
    assert_eq!(get(&e.gw, &t).status, 200);
    assert_eq!(hits(&e.gw.metrics()), before + 1);
}

#[test]
fn tampering_weak_algorithms_bombs_and_unsigned_payloads_are_refused() {
    if !gateway::testenv::jwcrypto() {
        return; // GATEWAY_TEST_SKIP lists `jwcrypto`
    }
    let e = env("");
    let inner = e.es.token("mallory", "read:orders");
    let now = now();
    let unsigned =
        json!({"iss": ISS, "aud": AUD, "sub": "mallory", "scope": "read:orders", "exp": now + 600})
            .to_string();
    let (rsa_pub, _) = key_for(&e.k, "RSA-OAEP", "A256GCM");
    let specs = vec![
        spec_for(&e.k, "RSA-OAEP-256", "A256GCM", &inner, Some("JWT")),
        spec_for(&e.k, "RSA-OAEP-256", "A128CBC-HS256", &inner, Some("JWT")),
        spec_for(&e.k, "dir", "A256CBC-HS512", &inner, Some("JWT")),
        // RSA1_5 with the gateway's RSA key.
        json!({"key": rsa_pub, "alg": "RSA1_5", "enc": "A256GCM", "kid": "rsa-oaep-256", "payload": inner, "cty": "JWT"}),
        // Unknown / unconfigured enc and alg.
        spec_for(&e.k, "RSA-OAEP-256", "A192GCM", &inner, Some("JWT")),
        json!({"key": {"jwk": e.k.dir[1].1}, "alg": "A256KW", "enc": "A256GCM", "kid": "dir-32", "payload": inner, "cty": "JWT"}),
        // zip not enabled, and a zip bomb.
        json!({"key": rsa_pub, "alg": "RSA-OAEP", "enc": "A256GCM", "kid": "rsa-oaep", "payload": inner, "cty": "JWT", "zip": true}),
        json!({"key": rsa_pub, "alg": "RSA-OAEP", "enc": "A256GCM", "kid": "rsa-oaep", "payload": "0".repeat(3_000_000), "zip": true}),
        // Encrypted but unsigned payload; and a nested token signed by nobody we know.
        spec_for(&e.k, "ECDH-ES", "A256GCM", &unsigned, None),
        spec_for(
            &e.k,
            "ECDH-ES",
            "A256GCM",
            &IdpKey::es256("es-1").token("m", "read:orders"),
            Some("JWT"),
        ),
        // Unknown kid.
        json!({"key": rsa_pub, "alg": "RSA-OAEP", "enc": "A256GCM", "kid": "nope", "payload": inner, "cty": "JWT"}),
    ];
    let t = mint(&specs);
    let good = [tok(&t[0]), tok(&t[1]), tok(&t[2])];
    for g in &good {
        assert_eq!(get(&e.gw, g).status, 200);
    }
    e.up.take();
    let mut bad: Vec<(String, String)> = Vec::new();
    // Flip one byte in each of the five parts (header, encrypted key, IV, ciphertext, tag).
    for (gi, g) in good.iter().enumerate() {
        let parts: Vec<&str> = g.split('.').collect();
        for (i, part) in parts.iter().enumerate() {
            if part.is_empty() {
                continue;
            }
            let mut raw =
                base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, part)
                    .unwrap();
            let at = if i == 0 { raw.len() - 3 } else { raw.len() / 2 };
            raw[at] ^= 0x01;
            let mut p: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
            p[i] = b64(&raw);
            bad.push((format!("token {gi} part {i} tampered"), p.join(".")));
        }
        bad.push((
            format!("token {gi} truncated"),
            g[..g.len() - 4].to_string(),
        ));
    }
    let labels = [
        "RSA1_5",
        "A192GCM",
        "A256KW",
        "zip not enabled",
        "zip bomb",
        "unsigned payload",
        "inner JWT by an unknown key",
        "unknown kid",
    ];
    for (label, v) in labels.iter().zip(&t[3..]) {
        match v.as_str() {
            Some(s) => bad.push((label.to_string(), s.to_string())),
            None => panic!("{label}: jwcrypto could not mint it: {v}"),
        }
    }
    for (name, token) in &bad {
        let r = get(&e.gw, token);
        assert_eq!(r.status, 401, "{name}: {}", r.text());
        assert_eq!(
            r.json()["detail"],
            "A valid access token is required.",
            "{name}"
        );
        assert_eq!(
            r.header("www-authenticate"),
            Some(r#"Bearer realm="gateway", error="invalid_token""#)
        );
    }
    assert_eq!(e.up.count(), 0, "nothing refused reached the upstream");
    let m = e.gw.metrics();
    for reason in [
        "jwe_decrypt_failed",
        "alg_not_allowed",
        "unsigned_payload",
        "unknown_kid",
    ] {
        assert!(
            m.contains(&format!(
                "gateway_auth_failures_total{{reason=\"{reason}\"}}"
            )),
            "metric {reason}"
        );
    }
}

#[test]
fn zip_within_cap_and_trust_encryption_only_when_configured() {
    if !gateway::testenv::jwcrypto() {
        return; // GATEWAY_TEST_SKIP lists `jwcrypto`
    }
    let e = env("      zip_max_bytes: 65536\n      trust_encryption_only: true\n");
    let inner = e.es.token("zed", "read:orders");
    let unsigned = json!({"iss": ISS, "aud": AUD, "sub": "unsigned-sub", "scope": "read:orders", "exp": now() + 600}).to_string();
    let expired =
        json!({"iss": ISS, "aud": AUD, "sub": "x", "scope": "read:orders", "exp": now() - 3600})
            .to_string();
    let (rsa_pub, _) = key_for(&e.k, "RSA-OAEP", "A256GCM");
    let t = mint(&[
        json!({"key": rsa_pub, "alg": "RSA-OAEP", "enc": "A256GCM", "kid": "rsa-oaep", "payload": inner, "cty": "JWT", "zip": true}),
        json!({"key": rsa_pub, "alg": "RSA-OAEP", "enc": "A256GCM", "kid": "rsa-oaep", "payload": "0".repeat(3_000_000), "zip": true}),
        spec_for(&e.k, "ECDH-ES", "A256GCM", &unsigned, None),
        spec_for(&e.k, "ECDH-ES", "A256GCM", &expired, None),
    ]);
    assert_eq!(get(&e.gw, &tok(&t[0])).status, 200, "zip within the cap");
    assert_eq!(get(&e.gw, &tok(&t[1])).status, 401, "zip bomb over the cap");
    assert_eq!(
        get(&e.gw, &tok(&t[2])).status,
        200,
        "unsigned accepted when trusted"
    );
    assert_eq!(
        e.up.take()[1].header("x-gateway-subject"),
        Some("unsigned-sub")
    );
    assert_eq!(get(&e.gw, &tok(&t[3])).status, 401, "claims still checked");
}

/// A JWE whose protected header carries `jwk`, `jku`, `x5u`, `x5c` or `crit` is refused, even
/// though it is otherwise valid (the same token without them passes); and the nested JWT must
/// come from the issuer whose key decrypted it: a valid token of another configured issuer,
/// encrypted to this issuer's key, is refused.
#[test]
fn forbidden_jwe_headers_and_a_foreign_inner_issuer_are_refused() {
    if !gateway::testenv::jwcrypto() {
        return; // GATEWAY_TEST_SKIP lists `jwcrypto`
    }
    let e = env("");
    let inner = e.es.token("alice", "read:orders");
    let with = |header: Value| {
        let mut s = spec_for(&e.k, "RSA-OAEP-256", "A256GCM", &inner, Some("JWT"));
        s["header"] = header;
        s
    };
    let mut foreign_claims = claims("eve", "read:orders");
    foreign_claims["iss"] = json!(OTHER_ISS);
    let foreign = e.other.sign(&foreign_claims);
    let specs = vec![
        with(json!({})),
        with(json!({"jwk": {"kty": "oct", "k": "AAAA"}})),
        with(json!({"jku": "https://evil.test/jwks"})),
        with(json!({"x5u": "https://evil.test/cert.pem"})),
        with(json!({"x5c": ["MIIB"]})),
        with(json!({"crit": ["exp"], "exp": 1})),
        // A valid token of the other issuer (accepted on its own, below), encrypted to this
        // issuer's key.
        spec_for(&e.k, "RSA-OAEP-256", "A256GCM", &foreign, Some("JWT")),
    ];
    let t = mint(&specs);
    assert_eq!(get(&e.gw, &tok(&t[0])).status, 200, "the control token");
    assert_eq!(
        get(&e.gw, &foreign).status,
        200,
        "the other issuer's own token"
    );
    e.up.take();
    let names = [
        "jwk",
        "jku",
        "x5u",
        "x5c",
        "crit",
        "inner token of another issuer",
    ];
    for (name, v) in names.iter().zip(&t[1..]) {
        let r = get(&e.gw, &tok(v));
        assert_eq!(r.status, 401, "{name}: {}", r.text());
    }
    assert_eq!(e.up.count(), 0, "nothing refused reached the upstream");
    let m = e.gw.metrics();
    for reason in ["forbidden_header", "wrong_issuer"] {
        assert!(
            m.contains(&format!(
                "gateway_auth_failures_total{{reason=\"{reason}\"}}"
            )),
            "metric {reason}: {m}"
        );
    }
}
