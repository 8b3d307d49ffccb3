//! A configuration *generation*: the validated [`Config`] and everything derived from it that
//! requests read (upstream clusters, the rate limiter's policy), built off the request path
//! and swapped in whole (`reload.rs`).
//!
//! Every request takes one snapshot at its start ([`crate::proxy::Ctx::gen`]) and reads only
//! that snapshot, so it never sees half of a reload: a request that began on generation 3
//! finishes on generation 3 even if generation 4 is swapped in meanwhile.

use crate::config::Config;
use crate::upstream::Clusters;
use arc_swap::ArcSwap;
use std::sync::Arc;

/// One immutable configuration generation.
pub struct Generation {
    /// 1 for the configuration loaded at start, +1 for each accepted reload.
    pub number: u64,
    /// Hex SHA-256 over the configuration files read (see `reload::content_hash`).
    pub hash: String,
    /// When it was loaded (seconds since the Unix epoch).
    pub loaded_at_unix: u64,
    pub cfg: Arc<Config>,
    pub clusters: Arc<Clusters>,
    /// The rate limits of this generation; its buckets (the store) and Redis link are handed
    /// over from the previous generation (`RateLimiter::successor`).
    pub ratelimit: Arc<crate::ratelimit::RateLimiter>,
    /// The status page's route table.
    pub routes: Arc<Vec<crate::routes::RouteRow>>,
    /// The edge certificate and key files as loaded (`reload::edge_tls_fingerprint`): a
    /// change needs a graceful upgrade.
    pub edge_tls: [u8; 32],
}

/// The generation in force, shared by the proxy, the admin listener and the reloader.
pub type Current = Arc<ArcSwap<Generation>>;

/// Seconds since the Unix epoch, now.
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Generation {
    /// The generation the process starts with.
    pub fn first(cfg: Arc<Config>, clusters: Arc<Clusters>, hash: String) -> Generation {
        let ratelimit = Arc::new(crate::ratelimit::RateLimiter::new(cfg.rate_limits.clone()));
        Generation {
            number: 1,
            hash,
            loaded_at_unix: unix_now(),
            routes: Arc::new(crate::routes::table(&cfg)),
            edge_tls: edge_tls_fingerprint(&cfg),
            cfg,
            clusters,
            ratelimit,
        }
    }
}

/// SHA-256 of the edge listeners' certificate and key files: Pingora loads them once, when
/// the listener is built, so a change needs a graceful upgrade.
pub fn edge_tls_fingerprint(cfg: &Config) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for l in &cfg.listeners {
        if let Some(t) = &l.tls {
            for p in [&t.cert, &t.key] {
                let b = std::fs::read(p).unwrap_or_default();
                h.update((b.len() as u64).to_be_bytes());
                h.update(&b);
            }
        }
    }
    h.finalize().into()
}
