//! Upstream clusters: round-robin over healthy addresses, active HTTP health checks over the
//! same mTLS the requests use, and the per-request [`HttpPeer`].

use crate::config::{Config, Upstream};
use async_trait::async_trait;
use pingora::lb::health_check::HttpHealthCheck;
use pingora::lb::selection::RoundRobin;
use pingora::lb::LoadBalancer;
use pingora::server::ShutdownWatch;
use pingora::services::background::BackgroundService;
use pingora::upstreams::peer::HttpPeer;
use pingora::utils::tls::CertKey;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// One upstream at run time.
pub struct Cluster {
    pub spec: Arc<Upstream>,
    lb: Arc<LoadBalancer<RoundRobin>>,
    cert_key: Option<Arc<CertKey>>,
    /// Set after the first health-check pass, so `/readyz` does not report ready on the
    /// optimistic initial state.
    checked: AtomicBool,
}

impl Cluster {
    fn new(spec: Arc<Upstream>) -> std::io::Result<Cluster> {
        let mut lb = LoadBalancer::<RoundRobin>::try_from_iter(
            spec.addresses.iter().map(|a| a.to_string()),
        )?;
        let cert_key = spec
            .tls
            .as_ref()
            .map(|t| Arc::new(CertKey::new(t.client_chain.clone(), t.client_key.clone())));
        let mut hc = HttpHealthCheck::new(
            spec.host_header.as_deref().unwrap_or("localhost"),
            spec.tls.is_some(),
        );
        hc.req = pingora::http::RequestHeader::build("GET", spec.health_path.as_bytes(), None)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let host = spec
            .host_header
            .clone()
            .or_else(|| spec.tls.as_ref().map(|t| t.server_name.clone()))
            .unwrap_or_else(|| "localhost".into());
        let _ = hc.req.insert_header("host", host);
        let _ = hc.req.insert_header("user-agent", "gateway-health-check");
        let mut peer = HttpPeer::new(spec.addresses[0], spec.tls.is_some(), String::new());
        configure_peer(&mut peer, &spec, cert_key.as_ref());
        peer.options.connection_timeout = Some(spec.health_timeout);
        peer.options.read_timeout = Some(spec.health_timeout);
        peer.options.write_timeout = Some(spec.health_timeout);
        hc.peer_template = peer;
        hc.consecutive_failure = 1;
        hc.consecutive_success = 1;
        if spec.health_enabled {
            lb.set_health_check(Box::new(hc));
        }
        Ok(Cluster {
            spec,
            lb: Arc::new(lb),
            cert_key,
            checked: AtomicBool::new(false),
        })
    }

    /// Choose a healthy address and build the peer; `None` when none is healthy.
    pub fn peer(&self) -> Option<HttpPeer> {
        let backend = self.lb.select(b"", 256)?;
        let addr = *backend.addr.as_inet()?;
        let mut peer = HttpPeer::new(addr, self.spec.tls.is_some(), String::new());
        configure_peer(&mut peer, &self.spec, self.cert_key.as_ref());
        Some(peer)
    }

    pub fn healthy_count(&self) -> usize {
        let b = self.lb.backends();
        b.get_backend().iter().filter(|x| b.ready(x)).count()
    }

    pub fn ready(&self) -> bool {
        if !self.spec.health_enabled {
            return !self.spec.addresses.is_empty();
        }
        self.checked.load(Ordering::Acquire) && self.healthy_count() > 0
    }
}

fn configure_peer(peer: &mut HttpPeer, spec: &Upstream, cert_key: Option<&Arc<CertKey>>) {
    if let Some(t) = &spec.tls {
        peer.sni = t.server_name.clone();
        peer.options.verify_cert = true;
        peer.options.verify_hostname = true;
        peer.options.alternative_cn = None;
        peer.options.ca = Some(t.ca.clone());
        peer.client_cert_key = cert_key.cloned();
        peer.options.max_h2_streams = 1;
    }
    let to = &spec.timeouts;
    peer.options.connection_timeout = Some(to.connect);
    peer.options.total_connection_timeout = Some(to.connect * 2);
    peer.options.read_timeout = Some(to.read);
    peer.options.write_timeout = Some(to.write);
    peer.options.idle_timeout = Some(to.idle);
}

/// All clusters, by name.
pub struct Clusters {
    pub by_name: BTreeMap<String, Arc<Cluster>>,
}

impl Clusters {
    pub fn build(cfg: &Config) -> std::io::Result<Clusters> {
        let mut by_name = BTreeMap::new();
        for (name, u) in &cfg.upstreams {
            by_name.insert(name.clone(), Arc::new(Cluster::new(u.clone())?));
        }
        Ok(Clusters { by_name })
    }

    pub fn get(&self, name: &str) -> Option<&Arc<Cluster>> {
        self.by_name.get(name)
    }

    /// Fill every cluster's address list before serving. Without it the list is empty until
    /// the health-check service's first pass, and a process that serves at once (one taking
    /// over by graceful upgrade) answered its first requests 503 `upstream-unavailable`.
    pub async fn discover(&self) {
        for c in self.by_name.values() {
            let _ = c.lb.update().await;
        }
    }

    /// Ready when every upstream has at least one healthy address.
    pub fn ready(&self) -> bool {
        self.by_name.values().all(|c| c.ready())
    }
}

/// Runs each cluster's health checks on its own interval and exports health gauges.
pub struct HealthChecker {
    pub clusters: Arc<Clusters>,
}

#[async_trait]
impl BackgroundService for HealthChecker {
    async fn start(&self, mut shutdown: ShutdownWatch) {
        let mut tasks = Vec::new();
        for c in self.clusters.by_name.values() {
            let c = c.clone();
            if !c.spec.health_enabled {
                crate::metrics::UPSTREAM_HEALTHY
                    .with_label_values(&[&c.spec.name])
                    .set(c.spec.addresses.len() as i64);
                continue;
            }
            tasks.push(tokio::spawn(async move {
                let _ = c.lb.update().await;
                let mut tick = tokio::time::interval(c.spec.health_interval);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    tick.tick().await;
                    c.lb.backends().run_health_check(true).await;
                    let healthy = c.healthy_count();
                    crate::metrics::UPSTREAM_HEALTHY.with_label_values(&[&c.spec.name]).set(healthy as i64);
                    let was = c.checked.swap(true, Ordering::AcqRel);
                    if !was {
                        tracing::info!(upstream = %c.spec.name, healthy, total = c.spec.addresses.len(), "first health check done");
                    }
                }
            }));
        }
        let _ = shutdown.changed().await;
        for t in tasks {
            t.abort();
        }
    }
}
