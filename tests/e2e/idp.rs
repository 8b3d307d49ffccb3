//! A real identity provider for the tests: OIDC discovery, a JWKS endpoint and an RFC 7662
//! introspection endpoint over HTTP on loopback, with counters and an on/off switch.

#![allow(dead_code)]

use crate::harness::RT;
use base64::Engine;
use bytes::Bytes;
use gateway::auth::mint;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use jsonwebtoken::Algorithm;
use openssl::pkey::{PKey, Private};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

pub const ISS: &str = "https://idp.test";
pub const AUD: &str = "api://orders";

/// A signing key of the test IdP.
pub struct IdpKey {
    pub kid: String,
    pub alg: Algorithm,
    pub pem: Vec<u8>,
    pub pkey: PKey<Private>,
}

impl IdpKey {
    pub fn es256(kid: &str) -> IdpKey {
        let (pkey, pem) = mint::generate_es256().unwrap();
        IdpKey {
            kid: kid.into(),
            alg: Algorithm::ES256,
            pem,
            pkey,
        }
    }
    pub fn rsa(kid: &str, alg: Algorithm) -> IdpKey {
        let rsa = openssl::rsa::Rsa::generate(2048).unwrap();
        let pkey = PKey::from_rsa(rsa).unwrap();
        let pem = pkey.private_key_to_pem_pkcs8().unwrap();
        IdpKey {
            kid: kid.into(),
            alg,
            pem,
            pkey,
        }
    }
    pub fn ed25519(kid: &str) -> IdpKey {
        let pkey = PKey::generate_ed25519().unwrap();
        let pem = pkey.private_key_to_pem_pkcs8().unwrap();
        IdpKey {
            kid: kid.into(),
            alg: Algorithm::EdDSA,
            pem,
            pkey,
        }
    }
    pub fn jwk(&self) -> Value {
        mint::public_jwk(&self.pkey, &self.kid, self.alg).unwrap()
    }
    pub fn public_pem(&self) -> Vec<u8> {
        self.pkey.public_key_to_pem().unwrap()
    }
    /// Sign arbitrary claims with this key and its kid.
    pub fn sign(&self, claims: &Value) -> String {
        // Every token a test mints is a secret no gateway log may carry.
        crate::harness::secret(&mint::sign(&self.pem, self.alg, Some(&self.kid), claims).unwrap())
    }
    /// A valid access token for `sub` with `scope`.
    pub fn token(&self, sub: &str, scope: &str) -> String {
        self.sign(&claims(sub, scope))
    }
}

pub fn now() -> u64 {
    gateway::auth::jwt::now_secs()
}

pub fn claims(sub: &str, scope: &str) -> Value {
    let n = now();
    json!({"iss": ISS, "aud": AUD, "sub": sub, "client_id": "client-1", "tenant": "acme", "scope": scope, "iat": n, "exp": n + 600})
}

pub fn b64(v: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v)
}

/// Assemble a token from raw JSON header, claims and signature bytes (for attacks).
pub fn raw_token(header: &Value, claims: &Value, sig: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes()),
        b64(sig)
    )
}

#[derive(Default)]
pub struct IdpState {
    pub jwks: Vec<Value>,
    pub up: bool,
    /// A frozen IdP accepts requests and answers none until unfrozen (at most 20 s).
    pub frozen: bool,
    /// Requests that arrived while frozen.
    pub held: usize,
    pub jwks_hits: usize,
    pub discovery_hits: usize,
    pub introspect_hits: usize,
    pub cache_control: Option<String>,
    /// opaque token → introspection answer
    pub tokens: HashMap<String, Value>,
    pub client_secret: String,
}

pub struct Idp {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<IdpState>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Idp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Idp {
    pub fn start(keys: &[&IdpKey]) -> Idp {
        let state = Arc::new(Mutex::new(IdpState {
            jwks: keys.iter().map(|k| k.jwk()).collect(),
            up: true,
            client_secret: "s3cret-introspection".into(),
            ..Default::default()
        }));
        let listener = RT
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        let st = state.clone();
        let task = RT.spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else { continue };
                let st = st.clone();
                tokio::spawn(async move {
                    let svc = service_fn(move |req: Request<hyper::body::Incoming>| {
                        let st = st.clone();
                        async move { Ok::<_, std::convert::Infallible>(handle(req, st, addr).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(tcp), svc).await;
                });
            }
        });
        Idp { addr, state, task }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
    pub fn set_up(&self, up: bool) {
        self.state.lock().unwrap().up = up;
    }
    pub fn set_frozen(&self, frozen: bool) {
        self.state.lock().unwrap().frozen = frozen;
    }
    pub fn add_key(&self, k: &IdpKey) {
        self.state.lock().unwrap().jwks.push(k.jwk());
    }
    pub fn jwks_hits(&self) -> usize {
        self.state.lock().unwrap().jwks_hits
    }
    pub fn introspect_hits(&self) -> usize {
        self.state.lock().unwrap().introspect_hits
    }
    pub fn add_opaque(&self, token: &str, answer: Value) {
        self.state
            .lock()
            .unwrap()
            .tokens
            .insert(token.into(), answer);
    }
}

fn reply(status: u16, body: Value, cc: Option<String>) -> Response<Full<Bytes>> {
    let mut b = Response::builder()
        .status(status)
        .header("content-type", "application/json");
    if let Some(cc) = cc {
        b = b.header("cache-control", cc);
    }
    b.body(Full::new(Bytes::from(body.to_string()))).unwrap()
}

async fn handle(
    req: Request<hyper::body::Incoming>,
    st: Arc<Mutex<IdpState>>,
    addr: SocketAddr,
) -> Response<Full<Bytes>> {
    let path = req.uri().path().to_string();
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let body = req
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    {
        let mut s = st.lock().unwrap();
        if s.frozen {
            s.held += 1;
        }
    }
    let t0 = std::time::Instant::now();
    while st.lock().unwrap().frozen && t0.elapsed() < std::time::Duration::from_secs(20) {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let mut s = st.lock().unwrap();
    match path.as_str() {
        "/.well-known/openid-configuration" => {
            s.discovery_hits += 1;
            if !s.up {
                return reply(503, json!({}), None);
            }
            reply(
                200,
                json!({"issuer": ISS, "jwks_uri": format!("http://{addr}/jwks")}),
                None,
            )
        }
        "/jwks" => {
            s.jwks_hits += 1;
            if !s.up {
                return reply(503, json!({}), None);
            }
            reply(200, json!({"keys": s.jwks}), s.cache_control.clone())
        }
        "/introspect" => {
            s.introspect_hits += 1;
            if !s.up {
                return reply(503, json!({}), None);
            }
            let want = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD
                    .encode(format!("gateway:{}", s.client_secret))
            );
            if auth.as_deref() != Some(want.as_str()) {
                return reply(401, json!({"error": "invalid_client"}), None);
            }
            let form: HashMap<String, String> =
                form_urlencoded::parse(&body).into_owned().collect();
            let token = form.get("token").cloned().unwrap_or_default();
            let answer = s
                .tokens
                .get(&token)
                .cloned()
                .unwrap_or(json!({"active": false}));
            reply(200, answer, None)
        }
        _ => reply(404, json!({}), None),
    }
}
