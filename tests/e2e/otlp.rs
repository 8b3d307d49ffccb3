//! OpenTelemetry traces, end to end: the real gateway exports over OTLP/HTTP (protobuf) to a
//! receiver this test starts, which decodes `ExportTraceServiceRequest` with
//! `opentelemetry-proto`. Trace ids and parent ids are checked against the `traceparent` the
//! recording upstream received.

use crate::harness::*;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::any_value::Value;
use opentelemetry_proto::tonic::trace::v1::Span;
use prost::Message;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the receiver got: spans with their resource's `service.name`.
#[derive(Default)]
struct Store {
    spans: Vec<(String, Span)>,
    posts: usize,
}

/// A real OTLP/HTTP traces receiver on loopback.
struct Collector {
    addr: SocketAddr,
    store: Arc<Mutex<Store>>,
}

impl Collector {
    fn start() -> Collector {
        let listener = RT
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let store: Arc<Mutex<Store>> = Arc::default();
        let s = store.clone();
        RT.spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    return;
                };
                let s = s.clone();
                tokio::spawn(async move {
                    let svc = hyper::service::service_fn(move |req| receive(req, s.clone()));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(sock), svc)
                        .await;
                });
            }
        });
        Collector { addr, store }
    }

    fn endpoint(&self) -> String {
        format!("http://{}/v1/traces", self.addr)
    }

    fn spans(&self) -> Vec<(String, Span)> {
        self.store.lock().expect("store").spans.clone()
    }

    /// Wait until spans of `trace_id` include `n` spans (bounded).
    fn wait_trace(&self, trace_id: &[u8], n: usize) -> Vec<Span> {
        let t0 = Instant::now();
        loop {
            let got: Vec<Span> = self
                .spans()
                .into_iter()
                .map(|(_, s)| s)
                .filter(|s| s.trace_id == trace_id)
                .collect();
            if got.len() >= n || t0.elapsed() > Duration::from_secs(15) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

async fn receive(
    req: hyper::Request<hyper::body::Incoming>,
    store: Arc<Mutex<Store>>,
) -> Result<hyper::Response<Full<Bytes>>, std::convert::Infallible> {
    let ok_type = req
        .headers()
        .get("content-type")
        .is_some_and(|v| v == "application/x-protobuf");
    let path_ok = req.uri().path() == "/v1/traces";
    let body = req
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let decoded = ExportTraceServiceRequest::decode(body);
    let status = match (ok_type && path_ok, decoded) {
        (true, Ok(msg)) => {
            let mut st = store.lock().expect("store");
            st.posts += 1;
            for rs in msg.resource_spans {
                let service = rs
                    .resource
                    .iter()
                    .flat_map(|r| r.attributes.iter())
                    .find(|kv| kv.key == "service.name")
                    .map(|kv| attr_text(kv.value.as_ref().and_then(|v| v.value.as_ref())))
                    .unwrap_or_default();
                for ss in rs.scope_spans {
                    for span in ss.spans {
                        st.spans.push((service.clone(), span));
                    }
                }
            }
            200
        }
        _ => 400,
    };
    let body = ExportTraceServiceResponse::default().encode_to_vec();
    Ok(hyper::Response::builder()
        .status(status)
        .header("content-type", "application/x-protobuf")
        .body(Full::new(Bytes::from(body)))
        .expect("response"))
}

fn attr_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::StringValue(s)) => s.clone(),
        Some(Value::IntValue(i)) => i.to_string(),
        Some(Value::BoolValue(b)) => b.to_string(),
        Some(Value::DoubleValue(d)) => d.to_string(),
        other => format!("{other:?}"),
    }
}

fn attrs(s: &Span) -> HashMap<String, String> {
    s.attributes
        .iter()
        .map(|kv| {
            (
                kv.key.clone(),
                attr_text(kv.value.as_ref().and_then(|v| v.value.as_ref())),
            )
        })
        .collect()
}

fn named<'a>(spans: &'a [Span], name: &str) -> &'a Span {
    spans
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no span {name}: {:?}", names(spans)))
}

fn names(spans: &[Span]) -> Vec<&str> {
    spans.iter().map(|s| s.name.as_str()).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s).expect("hex")
}

/// (trace id, parent id, flags) of a `traceparent`.
fn split_tp(tp: &str) -> (String, String, String) {
    let p: Vec<&str> = tp.split('-').collect();
    (p[1].into(), p[2].into(), p[3].into())
}

const KEY: &str = "tracing-test-key-51c2e";

const SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: [{key: []}]
paths:
  /orders/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {parameters: [{name: x, in: query, schema: {type: string}}], responses: {"200": {description: ok}}}
    put:
      requestBody: {content: {application/octet-stream: {}}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: x-api-key}
"#;

fn gateway(pki: &Pki, up: SocketAddr, trusted: &str, tracing: &str) -> GatewayProc {
    let keys = format!(
        "api_keys:\n  - {{id: k1, sha256: {}, client_id: shop, tenant: acme, scopes: []}}\n",
        gateway::auth::api_key_hash(&secret(KEY))
    );
    GatewayBuilder::new(pki)
        .upstream(UpstreamDecl::new("orders", up, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("keys.yaml", &keys)
        .trusted(trusted)
        .gateway_yaml(tracing)
        .start()
}

fn tracing_yaml(endpoint: &str, extra: &str) -> String {
    format!("tracing: {{endpoint: \"{endpoint}\", batch_interval: 100ms{extra}}}\n")
}

const PARENT: &str = "00f067aa0ba902b7";
const TID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";

fn get(gw: &GatewayProc, path: &str, headers: &str) -> Resp {
    gw.raw(&format!(
        "GET {path} HTTP/1.1\r\nHost: localhost:{}\r\n{headers}Connection: close\r\n\r\n",
        gw.addr.port()
    ))
}

#[test]
fn spans_follow_a_trusted_parent_and_the_forwarded_traceparent_names_the_upstream_span() {
    let col = Collector::start();
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = gateway(
        &pki,
        up.addr,
        "[\"127.0.0.1/32\"]",
        &tracing_yaml(&col.endpoint(), ", service_name: edge-eu"),
    );
    let r = get(
        &gw,
        "/orders/7?x=1",
        &format!(
            "x-api-key: {KEY}\r\ntraceparent: 00-{TID}-{PARENT}-01\r\n\
             tracestate: congo=t61rcWkgMzE\r\ntracestate: rojo=00f067aa0ba902b7 , \r\n"
        ),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take();
    let (tid, up_parent, flags) = split_tp(rec[0].header("traceparent").expect("traceparent"));
    assert_eq!(tid, TID, "the trusted proxy's trace is continued");
    assert_eq!(flags, "01");
    // Its tracestate too: both fields as one list, unchanged.
    assert_eq!(
        rec[0].header("tracestate"),
        Some("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")
    );

    let spans = col.wait_trace(&unhex(TID), 6);
    assert_eq!(
        names(&spans).len(),
        6,
        "server + 5 phases: {:?}",
        names(&spans)
    );
    let server = named(&spans, "GET /orders/{id}");
    assert_eq!(
        server.parent_span_id,
        unhex(PARENT),
        "child of the proxy's span"
    );
    assert_eq!(server.kind, 2, "SPAN_KIND_SERVER");
    for phase in ["routing", "tokens", "limits", "validation", "upstream"] {
        let s = named(&spans, phase);
        assert_eq!(s.parent_span_id, server.span_id, "{phase} is a child");
        assert!(
            s.start_time_unix_nano >= server.start_time_unix_nano
                && s.end_time_unix_nano <= server.end_time_unix_nano
                && s.start_time_unix_nano <= s.end_time_unix_nano,
            "{phase} within the request"
        );
    }
    // Phases in pipeline order.
    let start = |n: &str| named(&spans, n).start_time_unix_nano;
    assert!(start("routing") <= start("tokens") && start("tokens") <= start("limits"));
    assert!(start("limits") <= start("validation") && start("validation") <= start("upstream"));
    for s in &spans {
        assert_eq!(
            s.trace_state, "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7",
            "{}: the caller's tracestate is exported",
            s.name
        );
    }
    let upstream = named(&spans, "upstream");
    assert_eq!(upstream.kind, 3, "SPAN_KIND_CLIENT");
    assert_eq!(
        hex::encode(&upstream.span_id),
        up_parent,
        "the upstream's traceparent names the exported upstream span"
    );
    let a = attrs(server);
    assert_eq!(a["http.request.method"], "GET");
    assert_eq!(a["http.route"], "/orders/{id}");
    assert_eq!(a["url.path"], "/orders/7", "never the query");
    assert_eq!(a["url.scheme"], "https");
    assert_eq!(a["http.response.status_code"], "200");
    assert_eq!(a["client.address"], "127.0.0.1");
    assert_eq!(a["server.address"], "localhost");
    assert_eq!(a["server.port"], gw.addr.port().to_string());
    assert_eq!(a["network.protocol.version"], "1.1");
    assert_eq!(a["gateway.client.id"], "acme");
    assert!(!a.contains_key("error.type"));
    let ua = attrs(upstream);
    assert_eq!(ua["gateway.upstream"], "orders");
    assert_eq!(ua["server.address"], "127.0.0.1");
    assert_eq!(ua["server.port"], up.addr.port().to_string());
    let services: Vec<String> = col.spans().into_iter().map(|(s, _)| s).collect();
    assert!(services.iter().all(|s| s == "edge-eu"), "{services:?}");
    // The access log uses the same names.
    let log = gw.plain_log();
    assert!(
        log.contains("http.route=/orders/{id}")
            && log.contains("http.response.status_code=200")
            && log.contains(&format!("trace_id={TID}")),
        "{log}"
    );

    // Over h2, the protocol version says so.
    let (code, _) = gw.curl(&[
        "--http2",
        "-H",
        &format!("x-api-key: {KEY}"),
        "-H",
        "traceparent: 00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-00f067aa0ba902b7-01",
        "-H",
        "tracestate: congo=ok,Rojo=upper-case-key",
        &gw.url("/orders/8"),
    ]);
    assert_eq!(code, 0);
    let rec = up.take();
    assert_eq!(rec.len(), 1);
    assert_eq!(
        rec[0].header("tracestate"),
        None,
        "a tracestate with a bad member is dropped whole"
    );
    let spans = col.wait_trace(&[0xaa; 16], 6);
    assert_eq!(
        attrs(named(&spans, "GET /orders/{id}"))["network.protocol.version"],
        "2"
    );
}

#[test]
fn a_body_above_the_replay_buffer_is_traced_through_its_subrequest() {
    // Bodies over 64 KiB go upstream through a subrequest (docs/validation.md): one trace, the
    // upstream span timed by the outer request, and the upstream's parent id is that span.
    let col = Collector::start();
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let keys = format!(
        "api_keys:\n  - {{id: k1, sha256: {}, client_id: shop, tenant: acme, scopes: []}}\n",
        gateway::auth::api_key_hash(&secret(KEY))
    );
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", SPEC)
        .policy("keys.yaml", &keys)
        .limits("  max_body_bytes: 262144\n")
        .gateway_yaml(&tracing_yaml(&col.endpoint(), ""))
        .start();
    let body = vec![b'x'; 100 * 1024];
    let mut req = format!(
        "PUT /orders/9 HTTP/1.1\r\nHost: localhost\r\nx-api-key: {KEY}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(&body);
    let r = raw_tls(gw.addr, &gw.ca_pem, &req).expect("request");
    assert_eq!(r.status, 200, "{}", r.text());
    let rec = up.take();
    assert_eq!(rec.len(), 1);
    let (tid, up_parent, _) = split_tp(rec[0].header("traceparent").expect("traceparent"));
    let spans = col.wait_trace(&unhex(&tid), 6);
    assert_eq!(names(&spans).len(), 6, "{:?}", names(&spans));
    let upstream = named(&spans, "upstream");
    assert_eq!(hex::encode(&upstream.span_id), up_parent);
    assert_eq!(
        upstream.parent_span_id,
        named(&spans, "PUT /orders/{id}").span_id
    );
    assert_eq!(
        attrs(named(&spans, "PUT /orders/{id}"))["http.request.body.size"],
        "102400"
    );
}

#[test]
fn a_refused_request_carries_the_denial_reason_and_an_untrusted_traceparent_is_not_followed() {
    let col = Collector::start();
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = gateway(&pki, up.addr, "[]", &tracing_yaml(&col.endpoint(), ""));
    let r = get(
        &gw,
        "/orders/7",
        &format!("traceparent: 00-{TID}-{PARENT}-01\r\n"),
    );
    r.assert_problem(401);
    assert_eq!(up.count(), 0);
    // The answer does not say which trace; the log line does.
    let log = gw.plain_log();
    let line = log
        .lines()
        .find(|l| l.contains("http.response.status_code=401"))
        .unwrap_or_else(|| panic!("{log}"));
    let tid = line
        .split("trace_id=")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .expect("trace_id in the access log");
    assert_ne!(tid, TID, "an untrusted client cannot choose the trace id");
    assert!(line.contains("error.type=") && line.contains("gateway.decision=auth_failed"));
    // Nor its tracestate, on a request that is served.
    let ok = get(
        &gw,
        "/orders/7",
        &format!(
            "x-api-key: {KEY}\r\ntraceparent: 00-{TID}-{PARENT}-01\r\ntracestate: congo=1\r\n"
        ),
    );
    assert_eq!(ok.status, 200, "{}", ok.text());
    let rec = up.take();
    assert_ne!(
        split_tp(rec[0].header("traceparent").expect("traceparent")).0,
        TID
    );
    assert_eq!(rec[0].header("tracestate"), None);
    let spans = col.wait_trace(&unhex(tid), 4);
    assert_eq!(
        names(&spans).len(),
        4,
        "server, routing, tokens, limits (a refused credential still counts): {:?}",
        names(&spans)
    );
    assert!(col.spans().iter().all(|(_, s)| s.trace_id != unhex(TID)));
    let server = named(&spans, "GET /orders/{id}");
    assert!(
        server.parent_span_id.is_empty(),
        "a new root, not the client's child"
    );
    let status = server.status.clone().expect("status");
    assert_eq!(status.code, 2, "STATUS_CODE_ERROR");
    let a = attrs(server);
    assert_eq!(a["http.response.status_code"], "401");
    assert_eq!(a["error.type"], "invalid-token");
    assert_eq!(a["gateway.denial.reason"], status.message);
    assert!(!status.message.is_empty());
    let tokens = named(&spans, "tokens");
    assert_eq!(
        tokens.status.clone().expect("status").code,
        2,
        "the refusing phase"
    );
    for ok in ["routing", "limits"] {
        assert_eq!(
            named(&spans, ok).status.clone().unwrap_or_default().code,
            0,
            "{ok}"
        );
    }
}

#[test]
fn sampling_zero_exports_nothing_but_a_trusted_sampled_parent_still_decides() {
    let col = Collector::start();
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = gateway(
        &pki,
        up.addr,
        "[\"127.0.0.1/32\"]",
        &tracing_yaml(&col.endpoint(), ", sample_ratio: 0.0"),
    );
    for _ in 0..20 {
        let r = get(&gw, "/orders/1", &format!("x-api-key: {KEY}\r\n"));
        assert_eq!(r.status, 200);
    }
    let rec = up.take();
    assert_eq!(rec.len(), 20);
    for r in &rec {
        let (_, _, flags) = split_tp(r.header("traceparent").expect("traceparent"));
        assert_eq!(flags, "00", "not sampled, and the upstream is told");
    }
    // The parent-based rule: a trusted proxy's sampled trace is recorded (and, being exported
    // after the unsampled ones, shows that they would have arrived by now).
    let r = get(
        &gw,
        "/orders/1",
        &format!("x-api-key: {KEY}\r\ntraceparent: 00-{TID}-{PARENT}-01\r\n"),
    );
    assert_eq!(r.status, 200);
    let spans = col.wait_trace(&unhex(TID), 6);
    assert_eq!(spans.len(), 6);
    std::thread::sleep(Duration::from_millis(300));
    let all = col.spans();
    assert!(
        all.iter().all(|(_, s)| s.trace_id == unhex(TID)),
        "only the trusted parent's trace was exported: {}",
        all.len()
    );
}

fn metric(text: &str, prefix: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(prefix))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[test]
fn a_hanging_collector_never_blocks_or_fails_requests_and_drops_are_counted() {
    // Accepts connections and never answers.
    let listener = RT
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    RT.spawn(async move {
        let mut held = Vec::new();
        while let Ok((s, _)) = listener.accept().await {
            held.push(s);
        }
    });
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = gateway(
        &pki,
        up.addr,
        "[]",
        &tracing_yaml(
            &format!("http://{addr}/v1/traces"),
            ", queue_size: 12, max_batch: 6, export_timeout: 6s",
        ),
    );
    let t0 = Instant::now();
    let mut slowest = Duration::ZERO;
    for _ in 0..30 {
        let t = Instant::now();
        let r = get(&gw, "/orders/1", &format!("x-api-key: {KEY}\r\n"));
        assert_eq!(r.status, 200, "{}", r.text());
        slowest = slowest.max(t.elapsed());
    }
    // 30 requests × 6 spans against a queue of 12 and an exporter stuck for 6 s per batch:
    // requests that waited for queue space would take (180 - 12) / 6 × 6 s ≈ 170 s in all, and
    // the slowest one about 6 s. (Bounds leave room for a loaded machine.)
    assert!(
        t0.elapsed() < Duration::from_secs(20),
        "requests waited for the collector: {:?}",
        t0.elapsed()
    );
    assert!(
        slowest < Duration::from_secs(3),
        "slowest request {slowest:?}"
    );
    let m = gw.metrics();
    assert!(
        metric(
            &m,
            "gateway_trace_spans_dropped_total{reason=\"queue_full\"}"
        ) >= 100.0,
        "{m}"
    );
    // The stuck export times out and is counted too.
    let t0 = Instant::now();
    loop {
        let m = gw.metrics();
        if metric(
            &m,
            "gateway_trace_spans_dropped_total{reason=\"export_timeout\"}",
        ) >= 6.0
        {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(15), "{m}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_bad_tracing_section_is_refused_by_check() {
    let pki = Pki::new();
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "orders",
            "127.0.0.1:9".parse().expect("addr"),
            "orders.internal",
        ))
        .spec("orders.yaml", ORDERS_SPEC)
        .gateway_yaml(
            "tracing: {endpoint: \"ftp://x\", sample_ratio: 1.5, queue_size: 0, headers: {authorization: {env: GATEWAY_TEST_UNSET_OTLP}}}\n",
        );
    let (_dir, path, ..) = b.write();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(&path)
        .output()
        .expect("gateway check");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{text}");
    for loc in [
        "tracing.endpoint",
        "tracing.sample_ratio",
        "tracing.queue_size",
        "tracing.headers.authorization",
    ] {
        assert!(text.contains(loc), "{loc} in {text}");
    }
}

#[test]
fn an_unreachable_collector_fails_no_request_and_its_drops_are_counted() {
    let closed = free_port(); // nothing listens there
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = gateway(
        &pki,
        up.addr,
        "[]",
        &tracing_yaml(&format!("http://127.0.0.1:{closed}/v1/traces"), ""),
    );
    for _ in 0..5 {
        let r = get(&gw, "/orders/1", &format!("x-api-key: {KEY}\r\n"));
        assert_eq!(r.status, 200, "{}", r.text());
    }
    let t0 = Instant::now();
    loop {
        let m = gw.metrics();
        if metric(
            &m,
            "gateway_trace_spans_dropped_total{reason=\"export_failed\"}",
        ) >= 30.0
        {
            assert_eq!(metric(&m, "gateway_trace_spans_exported_total"), 0.0);
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "{m}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = gw.plain_log();
    assert_eq!(
        log.matches("trace export failed").count(),
        1,
        "one warning per failure streak: {log}"
    );
}
