//! Validation cost: the per-request check on a typical 1 KiB and a 100 KiB JSON body, the
//! capped JSON reader and a compiled validator alone, and the load-time compile of a
//! generated multi-MB spec.
//!
//! `cargo bench -p gateway --bench validate`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gateway::config::{Report, Upstream, UpstreamTimeouts};
use gateway::router::{RouteMatch, Router};
use gateway::validate::{compile_all, Caps, Input, Validation};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const SPEC: &str = r##"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: svc}
paths:
  /orders:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Order"}
      responses: {"201": {description: ok}}
components:
  schemas:
    Order:
      type: object
      required: [customer, lines]
      properties:
        customer: {$ref: "#/components/schemas/Customer"}
        note: {type: string, maxLength: 2000, nullable: true}
        currency: {type: string, enum: [EUR, USD, GBP]}
        lines: {type: array, maxItems: 5000, items: {$ref: "#/components/schemas/Line"}}
    Customer:
      type: object
      required: [id, name]
      properties:
        id: {type: string, format: uuid}
        name: {type: string, maxLength: 100}
        email: {type: string, format: email}
    Line:
      type: object
      required: [sku, quantity]
      properties:
        sku: {type: string, pattern: "^[A-Z0-9-]{1,32}$"}
        quantity: {type: integer, minimum: 1, maximum: 1000}
        price: {type: number, minimum: 0, exclusiveMinimum: true}
        comment: {type: string, maxLength: 200}
"##;

/// The schema and body of deploy/bench/run.sh's "1 KiB body, validated" scenario.
const RUN_SH_SPEC: &str = r##"openapi: 3.0.3
info: {title: bench, version: "1"}
x-gateway: {upstream: svc}
paths:
  /bench/orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [sku, quantity]
              properties:
                sku: {type: string, maxLength: 64}
                quantity: {type: integer, minimum: 1, maximum: 1000}
                note: {type: string, maxLength: 1000}
                tags: {type: array, maxItems: 10, items: {type: string, maxLength: 32}}
      responses: {"200": {description: ok}}
"##;

/// What a desktop browser sends with an API call (cookie values made up).
const BROWSER_HEADERS: &[(&str, &str)] = &[
    ("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
    ("accept", "application/json, text/plain, */*"),
    ("accept-language", "en-GB,en;q=0.9,de;q=0.8"),
    ("accept-encoding", "gzip, deflate, br, zstd"),
    ("referer", "https://shop.example.com/checkout?step=2"),
    ("origin", "https://shop.example.com"),
    ("sec-fetch-site", "same-site"),
    ("sec-fetch-mode", "cors"),
    ("sec-ch-ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\""),
    ("cookie", "session=Zm9vYmFyYmF6cXV4; theme=dark; consent=1"),
];

fn run_sh_body() -> Vec<u8> {
    let note =
        "Ann O'Brien: please gift wrap, leave at the side door if nobody answers. ".repeat(8);
    let raw = serde_json::json!({"sku": "SKU-12345", "quantity": 3,
        "tags": ["gift", "express", "fragile"], "note": note})
    .to_string();
    let mut raw = raw[..raw.len() - 1].to_string();
    raw.push_str(&" ".repeat(1023 - raw.len()));
    raw.push('}');
    raw.into_bytes()
}

fn upstreams() -> std::collections::BTreeMap<String, Arc<Upstream>> {
    let d = Duration::from_secs(1);
    let up = Upstream {
        name: "svc".into(),
        addresses: vec![],
        tls: None,
        host_header: None,
        timeouts: UpstreamTimeouts {
            connect: d,
            read: d,
            write: d,
            idle: d,
        },
        health_enabled: false,
        health_path: "/".into(),
        health_interval: d,
        health_timeout: d,
        outlier: Default::default(),
        retry: Default::default(),
    };
    std::collections::BTreeMap::from([("svc".to_string(), Arc::new(up))])
}

fn compile(dir: &Path, name: &str, text: &str) -> (Validation, Router, Report) {
    let f = dir.join(name);
    std::fs::write(&f, text).unwrap();
    let mut report = Report::default();
    let s = gateway::spec::load(&f, &mut report).expect("spec loads");
    let mut router = Router::default();
    gateway::spec::add_routes(&f, &s, &upstreams(), &mut router, &mut report);
    let ops = compile_all(&[(f, s)], dir, &router, &mut report);
    (
        Validation {
            ops,
            caps: Caps::default(),
        },
        router,
        report,
    )
}

fn order(n: usize) -> Vec<u8> {
    let mut lines = Vec::new();
    let mut size = 150;
    let mut i = 0;
    while size < n {
        let l = format!(
            r#"{{"sku":"SKU-{i:05}","quantity":{},"price":{}.5,"comment":"gift wrap please"}}"#,
            i % 9 + 1,
            i % 50
        );
        size += l.len() + 1;
        lines.push(l);
        i += 1;
    }
    format!(
        r#"{{"customer":{{"id":"3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b","name":"Ann O'Brien","email":"ann@example.com"}},"currency":"EUR","lines":[{}]}}"#,
        lines.join(",")
    )
    .into_bytes()
}

/// A spec of `n` paths, each with a body schema referencing shared components: several MB.
fn large_spec(n: usize) -> String {
    let mut s = String::from(
        "openapi: 3.0.3\ninfo: {title: Big, version: \"1\"}\nx-gateway: {upstream: svc}\npaths:\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "  /r{i}/items/{{id}}:\n    parameters:\n      - {{name: id, in: path, required: true, schema: {{type: string, format: uuid}}}}\n    get:\n      description: \"{pad}\"\n      parameters:\n        - {{name: limit, in: query, schema: {{type: integer, minimum: 1, maximum: 100}}}}\n        - {{name: tags, in: query, schema: {{type: array, items: {{type: string}}}}}}\n      responses: {{\"200\": {{description: ok}}}}\n    put:\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: \"#/components/schemas/Thing{m}\"}}\n      responses: {{\"200\": {{description: ok}}}}\n",
            pad = "lorem ipsum dolor sit amet ".repeat(40),
            m = i % 200
        ));
    }
    s.push_str("components:\n  schemas:\n");
    for m in 0..200 {
        s.push_str(&format!(
            "    Thing{m}:\n      type: object\n      required: [name]\n      properties:\n        name: {{type: string, maxLength: 100}}\n        size: {{type: integer, minimum: 0}}\n        parent: {{$ref: \"#/components/schemas/Thing{p}\"}}\n        owner: {{$ref: \"#/components/schemas/Owner\"}}\n",
            p = (m + 1) % 200
        ));
    }
    s.push_str("    Owner:\n      type: object\n      properties:\n        email: {type: string, format: email}\n        nick: {type: string, nullable: true}\n");
    s
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (v, router, report) = compile(dir.path(), "orders.yaml", SPEC);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let RouteMatch::Found { route, .. } = router.lookup(&http::Method::POST, "/orders") else {
        panic!("route");
    };
    let op = v.operation(route.id).unwrap().clone();
    let mut headers = http::HeaderMap::new();
    headers.insert("content-type", "application/json".parse().unwrap());
    let ct = gateway::view::MediaType::parse("application/json");

    let mut g = c.benchmark_group("validate");
    for (name, size) in [("check_1KiB", 1024usize), ("check_100KiB", 100 * 1024)] {
        let body = order(size);
        let input = Input {
            path_params: vec![],
            query: &[],
            headers: &headers,
            cookies: &[],
            content_type: ct.as_ref(),
            body: Some(&body),
        };
        assert!(v.check(&op, &input).is_ok());
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| black_box(v.check(&op, black_box(&input))))
        });
    }
    {
        let dir2 = tempfile::tempdir().unwrap();
        let (v2, router2, report2) = compile(dir2.path(), "bench.yaml", RUN_SH_SPEC);
        assert!(report2.errors.is_empty(), "{:?}", report2.errors);
        let RouteMatch::Found { route, .. } = router2.lookup(&http::Method::POST, "/bench/orders")
        else {
            panic!("route");
        };
        let op2 = v2.operation(route.id).unwrap().clone();
        let body = run_sh_body();
        let input = Input {
            path_params: vec![],
            query: &[],
            headers: &headers,
            cookies: &[],
            content_type: ct.as_ref(),
            body: Some(&body),
        };
        assert!(v2.check(&op2, &input).is_ok());
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function("check_run_sh_1KiB", |b| {
            b.iter(|| black_box(v2.check(&op2, black_box(&input))))
        });
        // The same request with what a browser sends along: every value is screened, and
        // repeated values take the per-thread verdict cache.
        let mut browser = headers.clone();
        for (k, v) in BROWSER_HEADERS {
            browser.insert(*k, v.parse().unwrap());
        }
        let browser_cookies: Vec<(String, String)> = browser
            .get_all("cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let input = Input {
            path_params: vec![],
            query: &[],
            headers: &browser,
            cookies: &browser_cookies,
            content_type: ct.as_ref(),
            body: Some(&body),
        };
        assert!(v2.check(&op2, &input).is_ok());
        g.bench_function("check_run_sh_1KiB_browser_headers", |b| {
            b.iter(|| black_box(v2.check(&op2, black_box(&input))))
        });
        g.bench_function("screen_browser_headers_uncached", |b| {
            b.iter(|| {
                for (_, v) in BROWSER_HEADERS {
                    black_box(gateway::validate::screen::text(black_box(v)));
                }
            })
        });
    }
    let body = order(1024);
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("json_parse_capped_1KiB", |b| {
        b.iter(|| {
            black_box(gateway::validate::parse_json(
                black_box(&body),
                &Caps::default(),
            ))
        })
    });
    g.bench_function("serde_json_from_slice_1KiB", |b| {
        b.iter(|| {
            black_box(serde_json::from_slice::<serde_json::Value>(black_box(
                &body,
            )))
        })
    });
    let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let validator = op.body.as_ref().unwrap().media[0]
        .validator
        .as_ref()
        .unwrap();
    g.bench_function("compiled_validator_is_valid_1KiB", |b| {
        b.iter(|| black_box(validator.is_valid(black_box(&doc))))
    });
    g.bench_function("screen_text", |b| {
        b.iter(|| {
            black_box(gateway::validate::screen::text(black_box(
                "Ann O'Brien, gift wrap please",
            )))
        })
    });
    // The free-text field of deploy/bench/run.sh's 1 KiB order (584 bytes): the screening
    // worst case of that body, whole and libinjection's SQLi pass alone.
    let note =
        "Ann O'Brien: please gift wrap, leave at the side door if nobody answers. ".repeat(8);
    g.bench_function("screen_text_note_584B", |b| {
        b.iter(|| black_box(gateway::validate::screen::text(black_box(&note))))
    });
    g.bench_function("libinjection_is_sqli_note_584B", |b| {
        b.iter(|| black_box(libinjectionrs::is_sqli(black_box(note.as_bytes()))))
    });
    let rb = run_sh_body();
    g.bench_function("json_parse_capped_run_sh_1KiB", |b| {
        b.iter(|| {
            black_box(gateway::validate::parse_json(
                black_box(&rb),
                &Caps::default(),
            ))
        })
    });
    g.finish();

    // Load time of a large spec (printed; one compile is seconds, not a micro-benchmark).
    let big = large_spec(2000);
    let t0 = Instant::now();
    let (bv, br, brep) = compile(dir.path(), "big.yaml", &big);
    let took = t0.elapsed();
    assert!(brep.errors.is_empty(), "{:?}", brep.errors.first());
    println!(
        "large spec: {:.1} MB, {} operations, loaded and compiled in {:.2?}",
        big.len() as f64 / 1e6,
        br.routes().len(),
        took
    );
    assert_eq!(
        bv.ops.iter().filter(|o| o.is_some()).count(),
        br.routes().len()
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
