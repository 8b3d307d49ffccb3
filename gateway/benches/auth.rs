//! Token verification cost: RS256 and ES256, cold (full signature check) and through the
//! verified-token cache. Run: `cargo bench -p gateway --bench auth`.

use criterion::{criterion_group, criterion_main, Criterion};
use gateway::auth::{self, jwt, mint, scopes::Security, AuthSections, Credentials, IssuerFile};
use jsonwebtoken::Algorithm;
use std::collections::BTreeMap;

fn setup() -> (auth::Auth, Vec<auth::RoutePolicy>, String, String) {
    let dir = std::env::temp_dir().join(format!("auth-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (es, es_pem) = mint::generate_es256().unwrap();
    let rsa = openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
    let rsa_pem = rsa.private_key_to_pem_pkcs8().unwrap();
    let jwks = serde_json::json!({"keys": [
        mint::public_jwk(&es, "es", Algorithm::ES256).unwrap(),
        mint::public_jwk(&rsa, "rs", Algorithm::RS256).unwrap(),
    ]});
    std::fs::write(dir.join("jwks.json"), jwks.to_string()).unwrap();
    let issuer: IssuerFile = serde_saphyr::from_str(&format!(
        "issuer: https://i\naudiences: [a]\njwks_file: {}\nalgorithms: [ES256, RS256]\n",
        dir.join("jwks.json").display()
    ))
    .unwrap();
    let mut router = gateway::router::Router::default();
    router
        .add("s", "u", http::Method::GET, "/x", None, Security::Public)
        .unwrap();
    let mut report = gateway::config::Report::default();
    let sections = AuthSections {
        issuers: BTreeMap::from([("i".to_string(), issuer)]),
        ..Default::default()
    };
    let (a, policies) = auth::compile(
        vec![(dir.join("p.yaml"), sections)],
        router.routes(),
        &mut report,
    )
    .unwrap();
    let now = jwt::now_secs();
    let claims = serde_json::json!({"iss": "https://i", "aud": "a", "sub": "s", "scope": "read", "exp": now + 3600});
    let es_t = mint::sign(&es_pem, Algorithm::ES256, Some("es"), &claims).unwrap();
    let rs_t = mint::sign(&rsa_pem, Algorithm::RS256, Some("rs"), &claims).unwrap();
    (a, policies, es_t, rs_t)
}

fn bench(c: &mut Criterion) {
    let (a, routes, es_t, rs_t) = setup();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let route = routes[0].clone();
    for (name, t) in [("ES256", es_t), ("RS256", rs_t)] {
        let h = format!("Bearer {t}");
        c.bench_function(&format!("verify {name} cached"), |b| {
            b.iter(|| {
                let creds = Credentials {
                    authorization: Some(&h),
                    ..Default::default()
                };
                rt.block_on(a.check(&route, &creds)).unwrap()
            })
        });
        // Cold: header screening, key selection and the signature/claims check, no cache.
        let keys = a.issuers[0].keys.current();
        let expect = a.issuers[0].expect.clone();
        c.bench_function(&format!("verify {name} cold"), |b| {
            b.iter(|| {
                let h = jwt::screen_header(&t).unwrap();
                let k = keys.select(&h).unwrap();
                jwt::verify(&t, &h, k, &expect, jwt::now_secs()).unwrap()
            })
        });
    }
}

/// The signature check alone on a forged token (one flipped bit), as jsonwebtoken's
/// `rust_crypto` backend does it and as the gateway's OpenSSL provider does (`auth::ossl`).
fn forged_signature(c: &mut Criterion) {
    use base64::Engine;
    use jsonwebtoken::DecodingKey;
    let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    let rsa = openssl::rsa::Rsa::generate(2048).unwrap();
    let rsa_dec =
        DecodingKey::from_rsa_components(&b64(&rsa.n().to_vec()), &b64(&rsa.e().to_vec())).unwrap();
    let rsa_pem = openssl::pkey::PKey::from_rsa(rsa)
        .unwrap()
        .private_key_to_pem_pkcs8()
        .unwrap();
    let (es, es_pem) = mint::generate_es256().unwrap();
    let jwk = mint::public_jwk(&es, "es", Algorithm::ES256).unwrap();
    let es_dec =
        DecodingKey::from_ec_components(jwk["x"].as_str().unwrap(), jwk["y"].as_str().unwrap())
            .unwrap();
    let claims = serde_json::json!({"iss": "https://i", "aud": "a", "sub": "s"});
    let rc = &jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER;
    for (alg, pem, dec) in [
        (Algorithm::RS256, rsa_pem, rsa_dec),
        (Algorithm::ES256, es_pem, es_dec),
    ] {
        let t = mint::sign(&pem, alg, Some("k"), &claims).unwrap();
        let (msg, sig) = t.rsplit_once('.').unwrap();
        let mut sig = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(sig)
            .unwrap();
        sig[10] ^= 1;
        let rust = (rc.verifier_factory)(&alg, &dec).unwrap();
        c.bench_function(&format!("forged {alg:?} signature: rust_crypto"), |b| {
            b.iter(|| assert!(rust.verify(msg.as_bytes(), &sig).is_err()))
        });
        c.bench_function(&format!("forged {alg:?} signature: openssl"), |b| {
            // The factory too: jsonwebtoken builds a verifier per token.
            b.iter(|| {
                let v = auth::ossl::new_verifier(&alg, &dec).unwrap();
                assert!(v.verify(msg.as_bytes(), &sig).is_err())
            })
        });
        c.bench_function(
            &format!("forged {alg:?} signature: rust_crypto with its factory"),
            |b| {
                b.iter(|| {
                    let v = (rc.verifier_factory)(&alg, &dec).unwrap();
                    assert!(v.verify(msg.as_bytes(), &sig).is_err())
                })
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench, forged_signature
}
criterion_main!(benches);
