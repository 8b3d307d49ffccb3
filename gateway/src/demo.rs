//! `gateway demo`: the embedded default. It writes the example configuration (the repo's
//! `deploy/gateway.yaml`, `policies/`, `openapi/`, compiled into the binary) into a work
//! directory, generates a throwaway CA with an edge certificate, the gateway's client
//! certificate and one server certificate per upstream, starts a built-in upstream for each
//! declared upstream (requiring the gateway's client certificate), prints ready-to-paste
//! `curl` commands and runs the gateway. No Redis, no external IdP.

use crate::certs::Ca;
use crate::config;
use crate::echo::{self, EchoTls};
use std::path::{Path, PathBuf};

/// The example tree, embedded at build time.
macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../", $path)))),*]
    };
}

const FILES: &[(&str, &str)] = embed!(
    "deploy/gateway.yaml",
    "policies/upstreams.yaml",
    "policies/issuers.yaml",
    "policies/ratelimits.yaml",
    "openapi/orders.yaml",
    "openapi/inventory.yaml",
);

/// Issuer and audience of the demo issuer (as in `policies/issuers.yaml`).
pub const DEMO_ISSUER: &str = "https://idp.demo.local";
pub const DEMO_AUDIENCE: &str = "api://gateway-demo";
pub const DEMO_KID: &str = "demo-1";

/// Write the demo identity material into `certs`: the demo issuer's ES256 key and its JWKS,
/// and the gateway's Ed25519 assertion key. Returns the issuer key (PEM).
pub fn write_identity(certs: &Path) -> Result<Vec<u8>, String> {
    use crate::auth::mint;
    let (pkey, pem) = mint::generate_es256()?;
    let jwk = mint::public_jwk(&pkey, DEMO_KID, jsonwebtoken::Algorithm::ES256)?;
    let io = |e: std::io::Error| e.to_string();
    std::fs::write(certs.join("demo-issuer.key"), &pem).map_err(io)?;
    std::fs::write(
        certs.join("demo-jwks.json"),
        serde_json::json!({"keys": [jwk]}).to_string(),
    )
    .map_err(io)?;
    let ed = openssl::pkey::PKey::generate_ed25519().map_err(|e| e.to_string())?;
    std::fs::write(
        certs.join("assertion.key"),
        ed.private_key_to_pem_pkcs8().map_err(|e| e.to_string())?,
    )
    .map_err(io)?;
    Ok(pem)
}

/// A demo token for `sub` with `scopes`, valid for `ttl_secs`.
pub fn demo_token(
    issuer_pem: &[u8],
    sub: &str,
    scopes: &str,
    ttl_secs: u64,
) -> Result<String, String> {
    let now = crate::auth::jwt::now_secs();
    let claims = serde_json::json!({
        "iss": DEMO_ISSUER, "aud": DEMO_AUDIENCE, "sub": sub, "client_id": "demo-client",
        "tenant": "acme", "scope": scopes, "iat": now, "exp": now + ttl_secs,
    });
    crate::auth::mint::sign(
        issuer_pem,
        jsonwebtoken::Algorithm::ES256,
        Some(DEMO_KID),
        &claims,
    )
}

pub struct DemoOptions {
    /// Where to write the example tree and certificates (default: a fresh temp dir).
    pub dir: Option<PathBuf>,
}

fn write_tree(dir: &Path) -> std::io::Result<()> {
    for (rel, text) in FILES {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, text)?;
    }
    std::fs::create_dir_all(dir.join("deploy/certs"))
}

/// Upstream names and server names as declared in the example policies.
fn upstream_names(dir: &Path) -> Result<Vec<(String, String, std::net::SocketAddr)>, String> {
    let text =
        std::fs::read_to_string(dir.join("policies/upstreams.yaml")).map_err(|e| e.to_string())?;
    let mut r = config::Report::default();
    let pf: config::file::PolicyFile =
        config::parse_yaml(Path::new("policies/upstreams.yaml"), &text, &mut r)
            .ok_or_else(|| format!("{:?}", r.errors))?;
    let mut out = Vec::new();
    for (name, u) in pf.upstreams {
        let sni = u
            .tls
            .as_ref()
            .map(|t| t.server_name.clone())
            .unwrap_or_else(|| "localhost".into());
        let addr = u
            .addresses
            .first()
            .ok_or("upstream without address")?
            .parse()
            .map_err(|e| format!("{e}"))?;
        out.push((name, sni, addr));
    }
    Ok(out)
}

pub fn run(opts: DemoOptions) -> Result<(), String> {
    let dir = match opts.dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!("gateway-demo-{}", std::process::id())),
    };
    write_tree(&dir).map_err(|e| format!("writing {}: {e}", dir.display()))?;
    let certs = dir.join("deploy/certs");
    let ca = Ca::new("gateway demo CA").map_err(|e| e.to_string())?;
    let io = |e: std::io::Error| e.to_string();
    std::fs::write(certs.join("ca.crt"), &ca.pem.cert).map_err(io)?;
    ca.server(&["localhost", "127.0.0.1"])
        .map_err(|e| e.to_string())?
        .write(&certs, "edge")
        .map_err(io)?;
    ca.client("gateway")
        .map_err(|e| e.to_string())?
        .write(&certs, "gateway-client")
        .map_err(io)?;
    let issuer_pem = write_identity(&certs)?;
    let token = demo_token(&issuer_pem, "alice", "read:orders write:orders", 3600)?;
    let weak = demo_token(&issuer_pem, "bob", "read:orders", 3600)?;

    // Built-in upstreams, each requiring the gateway's client certificate.
    let ups = upstream_names(&dir)?;
    let mut tls = Vec::new();
    for (_, sni, addr) in &ups {
        let pem = ca.server(&[sni.as_str()]).map_err(|e| e.to_string())?;
        tls.push((
            *addr,
            EchoTls {
                cert_pem: pem.cert,
                key_pem: pem.key,
                client_ca_pem: ca.pem.cert.clone(),
            },
        ));
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = match tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
                return;
            }
        };
        rt.block_on(async move {
            let mut keep = Vec::new();
            for (addr, t) in tls {
                match echo::start(addr, Some(t)).await {
                    Ok(u) => {
                        // The demo runs for long: do not accumulate records.
                        u.set_recording(false);
                        keep.push(u)
                    }
                    Err(e) => {
                        let _ = tx.send(Err(format!("built-in upstream on {addr}: {e}")));
                        return;
                    }
                }
            }
            let _ = tx.send(Ok(()));
            std::future::pending::<()>().await;
            drop(keep);
        });
    });
    rx.recv().map_err(|e| e.to_string())??;

    let gw_file = dir.join("deploy/gateway.yaml");
    let cfg = match config::load(&gw_file) {
        Ok(c) => c,
        Err(r) => {
            return Err(r
                .errors
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n"))
        }
    };
    let listener = cfg
        .listeners
        .first()
        .map(|l| l.address)
        .ok_or("no listener")?;
    let ca_path = certs.join("ca.crt");
    let base = format!("https://localhost:{}", listener.port());
    println!("\nGateway demo: work directory {}", dir.display());
    for (name, sni, addr) in &ups {
        println!("  built-in upstream {name:<10} {addr} (TLS as {sni}, requires the gateway's client certificate)");
    }
    println!("\nTokens from the local demo issuer ({DEMO_ISSUER}), valid 1 hour:");
    println!("  export TOKEN={token}");
    println!("  export WEAK={weak}   # read:orders only");
    println!("\nTry it (admin on http://{}):", cfg.admin);
    println!(
        "  curl --cacert {} -H \"Authorization: Bearer $TOKEN\" {base}/orders",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i {base}/orders                  # 401: no token",
        ca_path.display()
    );
    println!("  curl --cacert {} -i -X POST -H \"Authorization: Bearer $WEAK\" -H 'content-type: application/json' -d '{{\"sku\":\"A-1\",\"quantity\":1}}' {base}/orders   # 403 insufficient_scope", ca_path.display());
    println!("  curl --cacert {} -H 'x-api-key: demo-api-key-0123456789' {base}/inventory/items   # demo API key", ca_path.display());
    println!(
        "  curl --cacert {} {base}/orders/summary             # public operation",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} --http2 -i {base}/inventory/items",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i {base}/nowhere                # 404, never forwarded",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i -X PUT {base}/orders          # 405 with Allow",
        ca_path.display()
    );
    println!(
        "  for i in $(seq 32); do curl -s -o /dev/null -w '%{{http_code}} ' --cacert {} {base}/orders; done   # 429 after 30 (per-ip burst); see RateLimit headers with -i",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i --path-as-is '{base}/orders/..%2f..%2fetc'   # 400",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i {base}/orders -H \"Authorization: Bearer $TOKEN\" -H 'content-type: application/json' -d '{{\"sku\":\"A-1\",\"quantity\":2}}'   # valid: forwarded",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i {base}/orders -H \"Authorization: Bearer $TOKEN\" -H 'content-type: application/json' -d '{{\"sku\":\"A-1\",\"quantity\":0,\"admin\":true}}'   # 400 schema-invalid",
        ca_path.display()
    );
    println!(
        "  curl --cacert {} -i {base}/orders -H \"Authorization: Bearer $TOKEN\" -H 'content-type: application/json' -d '{{\"sku\":\"<script>alert(1)</script>\",\"quantity\":1}}'   # 400 injection-blocked",
        ca_path.display()
    );
    println!(
        "  curl -s http://{}/readyz; curl -s http://{}/metrics | grep gateway_requests",
        cfg.admin, cfg.admin
    );
    if let Some(f) = cfg.audit.as_ref().and_then(|a| a.file.as_ref()) {
        println!(
            "\nAudit log (one masked, hash-chained record per request; signed checkpoints):\n  tail -f {}\n  gateway audit verify {}   # SIGTERM seals the log; after Ctrl-C verify reports the unsealed tail",
            f.path.display(),
            f.path.display()
        );
    }
    println!(
        "\nCheck the config: gateway check -c {}\n",
        gw_file.display()
    );
    crate::server::run(cfg, crate::server::RunOptions::default())
}
