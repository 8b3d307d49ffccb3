//! Cost of one audit record off the request path: masking + serialisation + chaining
//! (SHA-256), and the request-path part alone (building the record is done in `logging()`;
//! `submit` is a `try_send`). Run: `cargo bench -p gateway --bench audit`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use gateway::audit::chain::Chain;
use gateway::audit::{Masker, Notes, Record};
use std::time::SystemTime;

fn record(query: &str) -> Record {
    Record {
        time: Some(SystemTime::now()),
        request_id: "0e7f042f9a1b4c3d8e2f5a6b7c8d9e0f".into(),
        trace_id: Some("4bf92f3577b34da6a3ce929d0e0e4736".into()),
        client_ip: Some("203.0.113.7".parse().expect("ip")),
        peer_ip: Some("10.0.0.2".parse().expect("ip")),
        auth_method: Some("jwt"),
        client_id: Some("billing-service".into()),
        subject: Some("user-12345".into()),
        tenant: Some("acme".into()),
        api_key_id: None,
        method: "GET".into(),
        route: Some("/orders/{orderId}".into()),
        path: Some("/orders/ORD-2024-000123".into()),
        raw_path: None,
        query: Some(query.into()),
        status: 200,
        decision: "allowed",
        reason: None,
        notes: Notes {
            limit: Some("per-tenant".into()),
            tier: Some("gold".into()),
            rule: None,
        },
        upstream: Some("orders".into()),
        upstream_addr: Some("10.0.1.10:8443".into()),
        bytes_in: 0,
        bytes_out: 512,
        duration_us: 1234,
        upstream_us: Some(1100),
        tls_version: Some("TLSv1.3".into()),
        tls_cipher: Some("TLS_AES_256_GCM_SHA384".into()),
        client_cert_sha256: None,
        user_agent: Some("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120".into()),
        headers: Vec::new(),
        error: None,
        masker: None,
    }
}

fn bench(c: &mut Criterion) {
    let masker = Masker::default();
    let key = openssl::pkey::PKey::generate_ed25519().expect("key");
    let mut chain = Chain::new(key, None);
    let plain = record("limit=50&offset=100&sort=created_at");
    let sensitive =
        record("card=4111111111111111&email=jane%40example.com&access_token=abc&limit=5");

    c.bench_function("audit/mask+serialise+chain (plain query)", |b| {
        b.iter(|| black_box(chain.record(masker.serialize(black_box(&plain)))))
    });
    c.bench_function(
        "audit/mask+serialise+chain (card, email, token in query)",
        |b| b.iter(|| black_box(chain.record(masker.serialize(black_box(&sensitive))))),
    );
    c.bench_function("audit/signed checkpoint (Ed25519)", |b| {
        b.iter(|| black_box(chain.checkpoint(false)))
    });
    c.bench_function("audit/request path: build record (clone)", |b| {
        b.iter(|| black_box(black_box(&plain).clone()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
