//! Background services that follow the configuration generations: the upstream health checks
//! and the refresh of every remote issuer's keys. What a reload kept keeps its running loop
//! (and its state), what it added gets one, what it removed stops.

use crate::upstream::{health_loop, Cluster};
use async_trait::async_trait;
use pingora::server::ShutdownWatch;
use pingora::services::background::BackgroundService;
use std::sync::Arc;

/// Runs each cluster's health checks on its own interval and exports health gauges. Follows
/// the configuration generations: a cluster kept by a reload keeps its running checks, a new
/// one gets its own, a removed one's stop.
pub struct HealthChecker {
    pub generations: tokio::sync::watch::Receiver<Arc<crate::generation::Generation>>,
}

#[async_trait]
impl BackgroundService for HealthChecker {
    async fn start(&self, mut shutdown: ShutdownWatch) {
        // Running loops, by cluster identity (a kept cluster is the same allocation).
        let mut tasks: Vec<(Arc<Cluster>, tokio::task::JoinHandle<()>)> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut gens = self.generations.clone();
        loop {
            let clusters = gens.borrow_and_update().clusters.clone();
            tasks.retain(|(c, t)| {
                let kept = clusters.by_name.values().any(|n| Arc::ptr_eq(n, c));
                if !kept {
                    t.abort();
                }
                kept
            });
            // An upstream no longer configured leaves the health metric.
            for n in names.iter().filter(|n| !clusters.by_name.contains_key(*n)) {
                let _ = crate::metrics::UPSTREAM_HEALTHY.remove_label_values(&[n]);
            }
            names = clusters.by_name.keys().cloned().collect();
            for c in clusters.by_name.values() {
                if tasks.iter().any(|(t, _)| Arc::ptr_eq(t, c)) {
                    continue;
                }
                if !c.spec.health_enabled {
                    crate::metrics::UPSTREAM_HEALTHY
                        .with_label_values(&[&c.spec.name])
                        .set(c.spec.addresses.len() as i64);
                    continue;
                }
                tasks.push((c.clone(), tokio::spawn(health_loop(c.clone()))));
            }
            tokio::select! {
                r = gens.changed() => if r.is_err() { break },
                _ = shutdown.changed() => break,
            }
        }
        for (_, t) in tasks {
            t.abort();
        }
    }
}

/// Background service: refreshes every remote issuer's keys. Follows the configuration
/// generations: an issuer a reload kept keeps its loop (and its keys), a new one gets its own
/// (its first fetch at once), a removed one's stops.
pub struct KeyRefresher {
    pub generations: tokio::sync::watch::Receiver<Arc<crate::generation::Generation>>,
}

#[async_trait]
impl BackgroundService for KeyRefresher {
    async fn start(&self, mut shutdown: ShutdownWatch) {
        let mut tasks: Vec<(
            Arc<crate::auth::jwks::IssuerKeys>,
            tokio::task::JoinHandle<()>,
        )> = Vec::new();
        let mut gens = self.generations.clone();
        loop {
            let auth = gens.borrow_and_update().cfg.auth.clone();
            tasks.retain(|(k, t)| {
                let kept = auth.issuers.iter().any(|i| Arc::ptr_eq(&i.keys, k));
                if !kept {
                    t.abort();
                }
                kept
            });
            for i in &auth.issuers {
                if !tasks.iter().any(|(k, _)| Arc::ptr_eq(k, &i.keys)) {
                    tasks.push((i.keys.clone(), tokio::spawn(i.keys.clone().refresh_loop())));
                }
            }
            tokio::select! {
                r = gens.changed() => if r.is_err() { break },
                _ = shutdown.changed() => break,
            }
        }
        for (_, t) in tasks {
            t.abort();
        }
    }
}
