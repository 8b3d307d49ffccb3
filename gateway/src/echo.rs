//! The built-in example upstream (demo) and the recording upstream of the tests.
//!
//! An HTTP/1.1 server that, over TLS, *requires* a client certificate signed by the given CA.
//! It answers every request with a small JSON document and records what it received
//! (method, target, headers, body, the client certificate's CN), so tests can prove what did
//! or did not reach a service. Health probes (`GET /healthz`) are answered but not recorded.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use openssl::ssl::{Ssl, SslAcceptor, SslMethod, SslVerifyMode, SslVersion};
use openssl::x509::X509;
use serde::Serialize;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio_openssl::SslStream;

/// One request as the upstream saw it.
#[derive(Debug, Clone, Serialize)]
pub struct Recorded {
    pub method: String,
    /// Path and query exactly as received.
    pub target: String,
    /// Lower-case names, in arrival order.
    pub headers: Vec<(String, String)>,
    #[serde(skip)]
    pub body: Vec<u8>,
    pub body_len: usize,
    /// CN of the client certificate the gateway presented.
    pub client_cert_cn: Option<String>,
    /// Which connection it came on (numbered from 1 in accept order): requests on one
    /// connection show a pooled connection was reused.
    pub connection: u64,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// TLS material for the upstream: its server certificate and the CA its clients must chain to.
#[derive(Clone)]
pub struct EchoTls {
    pub cert_pem: String,
    pub key_pem: String,
    pub client_ca_pem: String,
}

pub struct EchoUpstream {
    pub addr: SocketAddr,
    pub records: Arc<Mutex<Vec<Recorded>>>,
    recording: Arc<std::sync::atomic::AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl EchoUpstream {
    pub fn take(&self) -> Vec<Recorded> {
        std::mem::take(&mut *self.records.lock().unwrap_or_else(|e| e.into_inner()))
    }
    /// Stop (or resume) recording, e.g. for load tests and the long-running demo.
    pub fn set_recording(&self, on: bool) {
        self.recording
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }
    pub fn count(&self) -> usize {
        self.records.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

impl Drop for EchoUpstream {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn acceptor(tls: &EchoTls) -> Result<SslAcceptor, openssl::error::ErrorStack> {
    let mut b = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls_server())?;
    let cert = X509::from_pem(tls.cert_pem.as_bytes())?;
    let key = openssl::pkey::PKey::private_key_from_pem(tls.key_pem.as_bytes())?;
    b.set_certificate(&cert)?;
    b.set_private_key(&key)?;
    b.set_min_proto_version(Some(SslVersion::TLS1_2))?;
    let mut store = openssl::x509::store::X509StoreBuilder::new()?;
    for c in X509::stack_from_pem(tls.client_ca_pem.as_bytes())? {
        store.add_cert(c)?;
    }
    b.set_verify_cert_store(store.build())?;
    b.set_verify(SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT);
    Ok(b.build())
}

/// Start on `bind` (use port 0 for a free port). `tls: None` serves plaintext.
pub async fn start(bind: SocketAddr, tls: Option<EchoTls>) -> std::io::Result<EchoUpstream> {
    let listener = TcpListener::bind(bind).await?;
    let addr = listener.local_addr()?;
    let records = Arc::new(Mutex::new(Vec::new()));
    let acceptor = match &tls {
        Some(t) => Some(Arc::new(acceptor(t).map_err(std::io::Error::other)?)),
        None => None,
    };
    let rec = records.clone();
    let recording = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let on = recording.clone();
    let task = tokio::spawn(async move {
        let mut accepted = 0u64;
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            accepted += 1;
            let connection = accepted;
            let _ = tcp.set_nodelay(true);
            let rec = rec.clone();
            let on = on.clone();
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                match acceptor {
                    Some(acc) => {
                        let Ok(ssl) = Ssl::new(acc.context()) else {
                            return;
                        };
                        let Ok(mut stream) = SslStream::new(ssl, tcp) else {
                            return;
                        };
                        if Pin::new(&mut stream).accept().await.is_err() {
                            return;
                        }
                        let cn = stream.ssl().peer_certificate().and_then(|c| {
                            c.subject_name()
                                .entries_by_nid(openssl::nid::Nid::COMMONNAME)
                                .next()
                                .and_then(|e| e.data().to_string().ok())
                        });
                        serve(TokioIo::new(stream), rec, on, cn, connection).await;
                    }
                    None => serve(TokioIo::new(tcp), rec, on, None, connection).await,
                }
            });
        }
    });
    Ok(EchoUpstream {
        addr,
        records,
        recording,
        task,
    })
}

async fn serve<I>(
    io: I,
    rec: Arc<Mutex<Vec<Recorded>>>,
    on: Arc<std::sync::atomic::AtomicBool>,
    cn: Option<String>,
    connection: u64,
) where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let svc = service_fn(move |req: Request<hyper::body::Incoming>| {
        let rec = rec.clone();
        let cn = cn.clone();
        let on = on.clone();
        async move {
            let (parts, body) = req.into_parts();
            let body = body
                .collect()
                .await
                .map(|b| b.to_bytes())
                .unwrap_or_default();
            let target = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            let delay = parts
                .headers
                .get("x-echo-delay-ms")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            let health = parts.method == hyper::Method::GET && target == "/healthz";
            if !health && on.load(std::sync::atomic::Ordering::Relaxed) {
                let r = Recorded {
                    method: parts.method.to_string(),
                    target: target.clone(),
                    headers: parts
                        .headers
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.as_str().to_string(),
                                String::from_utf8_lossy(v.as_bytes()).into_owned(),
                            )
                        })
                        .collect(),
                    body_len: body.len(),
                    body: body.to_vec(),
                    client_cert_cn: cn,
                    connection,
                };
                rec.lock().unwrap_or_else(|e| e.into_inner()).push(r);
            }
            if let Some(ms) = delay {
                tokio::time::sleep(std::time::Duration::from_millis(ms.min(60_000))).await;
            }
            let out = serde_json::json!({"service": "echo", "method": parts.method.as_str(), "path": target, "body_bytes": body.len()});
            // `x-echo-vary: …` is answered as the service's own `Vary` (tests of merging).
            let vary = parts.headers.get("x-echo-vary").cloned();
            let mut resp = Response::builder()
                .status(200)
                .header("content-type", "application/json");
            if let Some(v) = vary {
                resp = resp.header("vary", v);
            }
            let resp = resp
                .body(Full::new(Bytes::from(out.to_string())))
                .unwrap_or_default();
            Ok::<_, std::convert::Infallible>(resp)
        }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .serve_connection(io, svc)
        .await;
}
