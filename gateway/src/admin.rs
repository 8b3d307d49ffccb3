//! The admin listener: `/healthz` (alive), `/readyz` (config loaded and every upstream has a
//! healthy address), `/metrics` (Prometheus text), `/status` (the read-only status page,
//! `status.rs`), `POST /reload` (load the configuration again, `reload.rs`; answers JSON with
//! the result and `gateway check`'s diagnostics). Bound to its own address only: whoever
//! reaches it can trigger reloads (of files already on disk; nothing from the request is
//! used), so it must stay on a private address.

use crate::generation::{Current, Generation};
use async_trait::async_trait;
use http::Response;
use pingora::apps::http_app::ServeHttp;
use pingora::protocols::http::ServerSession;

pub struct Admin {
    /// The configuration generation in force: each admin request reads one snapshot.
    pub current: Current,
    pub reloader: std::sync::Arc<crate::reload::Reloader>,
}

fn reply(status: u16, ctype: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header("content-type", ctype)
        .header("content-length", body.len())
        .header("cache-control", "no-store")
        .body(body)
        .unwrap_or_default()
}

/// Whether every edge listener has been seen accepting (sticky once true).
static LISTENING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Pingora binds each service's listeners in that service's own runtime, so the admin listener
/// can answer before the edge listeners exist (seen under load: `/readyz` 200, then a refused
/// connection). Until every edge address has accepted one TCP connection, the instance is not
/// ready. The probe connection is closed at once; an unspecified address is probed on loopback.
fn edge_listening(listeners: &[crate::config::Listener]) -> bool {
    use std::sync::atomic::Ordering;
    if LISTENING.load(Ordering::Relaxed) {
        return true;
    }
    let all = listeners.iter().all(|l| {
        let mut a = l.address;
        if a.ip().is_unspecified() {
            a.set_ip(match a.ip() {
                std::net::IpAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                std::net::IpAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        std::net::TcpStream::connect_timeout(&a, std::time::Duration::from_millis(200)).is_ok()
    });
    if all {
        LISTENING.store(true, Ordering::Relaxed);
    }
    all
}

impl Admin {
    fn readiness(&self, gen: &Generation) -> (bool, serde_json::Value) {
        let mut ups = serde_json::Map::new();
        for (name, c) in &gen.clusters.by_name {
            ups.insert(
                name.clone(),
                serde_json::json!({"ready": c.ready(), "healthy": c.healthy_count(), "addresses": c.spec.addresses.len()}),
            );
        }
        let mut issuers = serde_json::Map::new();
        for i in &gen.cfg.auth.issuers {
            issuers.insert(
                i.name.clone(),
                serde_json::json!({"keys_loaded": i.keys.is_loaded(), "stale": i.keys.is_stale(), "keys": i.keys.current().len()}),
            );
        }
        // Stale keys still verify tokens (the last good set): reported, but still ready.
        let draining = crate::drain::draining();
        let listening = edge_listening(&gen.cfg.listeners);
        let ready = listening && gen.clusters.ready() && gen.cfg.auth.ready() && !draining;
        let status = if draining {
            "draining"
        } else if !listening {
            "starting"
        } else if ready {
            "ready"
        } else {
            "not_ready"
        };
        let mut body = serde_json::json!({
            "status": status,
            "config": {
                "generation": gen.number,
                "hash": gen.hash,
                "loaded_at_unix": gen.loaded_at_unix,
            },
            "upstreams": ups,
            "issuers": issuers,
        });
        // An audit sink that is down or a spool that cannot be written is reported, not a
        // reason to take the instance out of rotation: records are buffered and counted.
        if let Some(a) = crate::audit::pipeline::status() {
            body["audit_sinks"] = a;
        }
        (ready, body)
    }
}

impl Admin {
    fn status_page(&self, gen: &Generation) -> Response<Vec<u8>> {
        let (ready, _) = self.readiness(gen);
        let config = gen.cfg.source.display().to_string();
        let view = crate::status::StatusView {
            config: &config,
            loaded_at_unix: gen.loaded_at_unix,
            generation: gen.number,
            hash: &gen.hash,
            last_reload: self.reloader.last().map(|o| {
                let what = match o.result {
                    "ok" => format!("generation {} loaded", o.generation),
                    _ => format!(
                        "refused ({} errors); generation {} kept serving",
                        o.errors.len(),
                        o.generation
                    ),
                };
                format!("{what}, by {}", o.trigger)
            }),
            ready,
            routes: &gen.routes,
            upstreams: gen
                .clusters
                .by_name
                .iter()
                .map(|(n, c)| {
                    (
                        n.clone(),
                        c.healthy_count(),
                        c.spec.addresses.len(),
                        c.ready(),
                    )
                })
                .collect(),
            issuers: gen
                .cfg
                .auth
                .issuers
                .iter()
                .map(|i| {
                    (
                        i.name.clone(),
                        i.keys.is_loaded(),
                        i.keys.is_stale(),
                        i.keys.current().len(),
                    )
                })
                .collect(),
            denials: crate::status::denials(),
        };
        let body = crate::status::render(&view).into_bytes();
        let mut r = reply(200, "text/html; charset=utf-8", body);
        let h = r.headers_mut();
        h.insert(
            "content-security-policy",
            http::HeaderValue::from_static(crate::status::CSP),
        );
        h.insert(
            "x-content-type-options",
            http::HeaderValue::from_static("nosniff"),
        );
        r
    }
}

#[async_trait]
impl ServeHttp for Admin {
    async fn response(&self, session: &mut ServerSession) -> Response<Vec<u8>> {
        let path = session.req_header().uri.path().to_string();
        let gen = self.current.load_full();
        let method = &session.req_header().method;
        if path == "/reload" {
            if method != http::Method::POST {
                let mut r = reply(405, "text/plain", b"method not allowed\n".to_vec());
                r.headers_mut()
                    .insert("allow", http::HeaderValue::from_static("POST"));
                return r;
            }
            let out = self.reloader.reload("admin", false).await;
            let body = serde_json::to_vec(&out).unwrap_or_default();
            let status = if out.result == "ok" { 200 } else { 422 };
            return reply(status, "application/json", body);
        }
        if method != http::Method::GET {
            return reply(405, "text/plain", b"method not allowed\n".to_vec());
        }
        match path.as_str() {
            "/healthz" => reply(200, "text/plain", b"ok\n".to_vec()),
            "/readyz" => {
                let (ready, body) = self.readiness(&gen);
                reply(
                    if ready { 200 } else { 503 },
                    "application/json",
                    body.to_string().into_bytes(),
                )
            }
            "/metrics" => reply(200, "text/plain; version=0.0.4", crate::metrics::render()),
            "/status" => self.status_page(&gen),
            // The gateway's public keys, for upstreams verifying its identity assertions.
            "/.well-known/jwks.json" => reply(
                200,
                "application/jwk-set+json",
                gen.cfg.auth.asserter.jwks().to_string().into_bytes(),
            ),
            _ => reply(404, "text/plain", b"not found\n".to_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listener(address: std::net::SocketAddr) -> crate::config::Listener {
        crate::config::Listener { address, tls: None }
    }

    /// Not ready while an edge address refuses connections; ready once every one accepts
    /// (an unspecified address probed on loopback).
    #[test]
    fn ready_only_once_the_edge_listeners_accept() {
        let bound = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let closed = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("bind")
            .local_addr()
            .expect("addr");
        let up = bound.local_addr().expect("addr");
        assert!(!edge_listening(&[listener(up), listener(closed)]));
        let mut any = up;
        any.set_ip(std::net::Ipv4Addr::UNSPECIFIED.into());
        assert!(edge_listening(&[listener(up), listener(any)]));
        // Sticky: the listener is not probed again.
        drop(bound);
        assert!(edge_listening(&[listener(up)]));
    }
}
