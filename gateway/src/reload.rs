//! Live configuration: load and validate a new generation off the request path, then swap it in
//! atomically (see [`crate::generation`]).
//!
//! Triggers: `SIGHUP`, a debounced watch of the configuration file and the `policies/` and
//! `openapi/` directories (Kubernetes ConfigMap updates included: the kubelet swaps a
//! `..data` symlink in the mounted directory), and `POST /reload` on the admin listener. All
//! three run [`Reloader::reload`], one at a time.
//!
//! A reload either swaps in a whole new generation or changes nothing: a configuration with
//! errors (the same diagnostics as `gateway check`) or with a change only a restart can apply
//! (listeners, edge certificates, admin address, threads, connection limits, audit sinks, tracing,
//! the rate-limit Redis connection) is refused, logged, counted
//! (`gateway_config_reloads_total{result="error"}`), and the old generation keeps serving.
//!
//! State that must outlive a generation is handed over, never rebuilt: rate-limit buckets and
//! the Redis link ([`crate::ratelimit::RateLimiter::successor`]), unchanged issuers with their
//! keys, the verified-token cache and an ephemeral assertion key ([`crate::auth::Auth::adopt`]),
//! unchanged upstream clusters with their health and outlier state
//! ([`crate::upstream::Clusters::successor`]). Pingora's upstream connection pool belongs to
//! the proxy service and is keyed by peer, so it is untouched by a swap.

use crate::config::Config;
use crate::generation::{unix_now, Current, Generation};
use once_cell::sync::Lazy;
use prometheus::{
    register_int_counter_vec, register_int_gauge, register_int_gauge_vec, IntCounterVec, IntGauge,
    IntGaugeVec,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub static RELOADS: Lazy<IntCounterVec> = Lazy::new(|| {
    register_int_counter_vec!(
        "gateway_config_reloads_total",
        "Configuration reloads by result (ok: a new generation serves; error: refused, the old one keeps serving).",
        &["result"]
    )
    .expect("metric registers once")
});

pub static GENERATION: Lazy<IntGaugeVec> = Lazy::new(|| {
    register_int_gauge_vec!(
        "gateway_config_generation_info",
        "The configuration generation in force (value: its number, 1 at start) by content hash.",
        &["hash"]
    )
    .expect("metric registers once")
});

pub static LOADED_AT: Lazy<IntGauge> = Lazy::new(|| {
    register_int_gauge!(
        "gateway_config_loaded_timestamp_seconds",
        "When the configuration generation in force was loaded (Unix time)."
    )
    .expect("metric registers once")
});

pub fn init_metrics() {
    Lazy::force(&RELOADS);
    Lazy::force(&GENERATION);
    Lazy::force(&LOADED_AT);
}

/// How long the watched files must be quiet before a reload: an editor's save or a
/// ConfigMap update is several events.
pub const DEBOUNCE: Duration = Duration::from_millis(400);
/// The longest a stream of events delays a reload.
pub const DEBOUNCE_MAX: Duration = Duration::from_secs(5);

/// Hex SHA-256 over the configuration file and every file a load reads from `policies/` and
/// `openapi/` (names and bytes, in load order). Files those point to (certificates, keys) are
/// not included: the hash names what an operator edits to change routes and policies.
pub fn content_hash(cfg: &Config) -> String {
    hash_files(&cfg.source, &cfg.policies_dir, &cfg.openapi_dir)
}

fn hash_files(source: &Path, policies: &Path, openapi: &Path) -> String {
    let mut h = Sha256::new();
    let mut add = |p: &Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        h.update(name.unwrap_or_default().as_bytes());
        h.update([0]);
        let bytes = std::fs::read(p).unwrap_or_default();
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(&bytes);
    };
    add(source);
    for (dir, exts) in [
        (policies, &["yaml", "yml"][..]),
        (openapi, &["yaml", "yml", "json"][..]),
    ] {
        for f in crate::report::list_files(dir, exts).unwrap_or_default() {
            add(&f);
        }
    }
    hex::encode(h.finalize())
}

/// What in `new` differs from `old` in a way only a restart (or graceful upgrade) applies.
pub fn needs_restart(old: &Generation, new: &Config) -> Vec<String> {
    let o = &old.cfg;
    let mut out = Vec::new();
    let mut check = |what: &str, same: bool| {
        if !same {
            out.push(format!(
                "{what} changed: needs a restart or graceful upgrade (`gateway run --upgrade`); not reloaded"
            ));
        }
    };
    let listeners = |c: &Config| format!("{:?}", c.listeners);
    check("listeners", listeners(o) == listeners(new));
    check(
        "edge TLS certificate or key files",
        old.edge_tls == crate::generation::edge_tls_fingerprint(new),
    );
    check("admin.address", o.admin == new.admin);
    check(
        "server",
        format!("{:?}", o.server) == format!("{:?}", new.server),
    );
    check(
        "limits.header_timeout",
        o.limits.header_timeout == new.limits.header_timeout,
    );
    check(
        "limits.idle_timeout",
        o.limits.idle_timeout == new.limits.idle_timeout,
    );
    check(
        "limits.max_connections",
        o.limits.max_connections == new.limits.max_connections,
    );
    // What is recorded (`audit.headers`) and how it is masked (`audit.detectors`) follow the
    // generation; the sinks, the chain and its key, the queue and checkpoints are the
    // process's (one chain per writer).
    let audit_process = |c: &Config| {
        c.audit.as_ref().map(|a| {
            let mut a = a.clone();
            a.headers.clear();
            a.detectors.clear();
            format!("{a:?}")
        })
    };
    check(
        "audit (sinks, signing key, queue, checkpoints)",
        audit_process(o) == audit_process(new),
    );
    // The sampling ratio follows the generation; the exporter (endpoint, headers, queue,
    // batches) is the process's. Adding or removing the section needs a restart too.
    let exporter = |c: &Config| {
        c.tracing.as_ref().map(|t| {
            let mut t = t.clone();
            t.sample_ratio = 0.0;
            format!("{t:?}")
        })
    };
    check(
        "tracing (endpoint, headers, queue, batches)",
        exporter(o) == exporter(new),
    );
    out
}

/// What was kept from the previous generation.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Kept {
    pub upstreams: Vec<String>,
    pub issuers: Vec<String>,
    pub token_cache: bool,
}

/// The answer of one reload (also the JSON body of `POST /reload`).
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// `ok` (a new generation serves), `error` (refused; the old one serves) or `unchanged`
    /// (a file-watch event that changed no watched content: nothing done).
    pub result: &'static str,
    pub trigger: String,
    /// The generation serving after this reload.
    pub generation: u64,
    pub hash: String,
    pub loaded_at_unix: u64,
    /// `gateway check`'s diagnostics, or what needs a restart.
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub kept: Kept,
}

/// Builds, validates and swaps generations; one reload at a time.
pub struct Reloader {
    current: Current,
    published: tokio::sync::watch::Sender<Arc<Generation>>,
    lock: tokio::sync::Mutex<()>,
    last: Mutex<Option<Outcome>>,
}

impl Reloader {
    pub fn new(current: Current) -> Reloader {
        let (published, _) = tokio::sync::watch::channel(current.load_full());
        let g = current.load_full();
        // Both series exist from the start, so a rate or an increase sees the first refusal.
        for r in ["ok", "error"] {
            RELOADS.with_label_values(&[r]);
        }
        GENERATION
            .with_label_values(&[&g.hash])
            .set(g.number as i64);
        LOADED_AT.set(g.loaded_at_unix as i64);
        Reloader {
            current,
            published,
            lock: tokio::sync::Mutex::new(()),
            last: Mutex::new(None),
        }
    }

    /// Follow the generations (health checks, key refresh).
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<Arc<Generation>> {
        self.published.subscribe()
    }

    pub fn current(&self) -> Arc<Generation> {
        self.current.load_full()
    }

    /// The last reload's outcome (for the status page).
    pub fn last(&self) -> Option<Outcome> {
        self.last.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Load the configuration again and swap it in if it is valid and reloadable.
    /// `only_if_changed`: do nothing when the watched content's hash is the same (file-watch
    /// events that changed nothing, such as a `touch`).
    pub async fn reload(&self, trigger: &str, only_if_changed: bool) -> Outcome {
        let _one = self.lock.lock().await;
        let old = self.current.load_full();
        if only_if_changed {
            // Checked before loading: an event that changed no watched content costs a hash
            // of the files, not a compile of every spec. (A change of `paths.*` changes the
            // configuration file, hence the hash.)
            let c = &old.cfg;
            if hash_files(&c.source, &c.policies_dir, &c.openapi_dir) == old.hash {
                return unchanged(&old, trigger);
            }
        }
        let path = old.cfg.source.clone();
        let loaded = tokio::task::spawn_blocking(move || crate::config::load(&path)).await;
        let cfg = match loaded {
            Ok(Ok(c)) => c,
            Ok(Err(report)) => {
                let errors = report.errors.iter().map(|d| d.to_string()).collect();
                let warnings = report.warnings.iter().map(|d| d.to_string()).collect();
                return self.refuse(&old, trigger, errors, warnings);
            }
            Err(e) => return self.refuse(&old, trigger, vec![format!("load: {e}")], vec![]),
        };
        let warnings: Vec<String> = cfg.warnings.iter().map(|d| d.to_string()).collect();
        let hash = content_hash(&cfg);
        // Checked again after loading: the files may have changed back between the check
        // above and the load (a file written, then removed while the watch's load ran), and
        // a generation identical to the one serving is no reload.
        if only_if_changed && hash == old.hash {
            return unchanged(&old, trigger);
        }
        match build(&old, cfg, hash).await {
            Ok((gen, kept)) => {
                let gen = Arc::new(gen);
                self.current.store(gen.clone());
                self.published.send_replace(gen.clone());
                RELOADS.with_label_values(&["ok"]).inc();
                let _ = GENERATION.remove_label_values(&[&old.hash]);
                GENERATION
                    .with_label_values(&[&gen.hash])
                    .set(gen.number as i64);
                LOADED_AT.set(gen.loaded_at_unix as i64);
                for w in &warnings {
                    tracing::warn!("{w}");
                }
                tracing::info!(
                    trigger,
                    generation = gen.number,
                    hash = %gen.hash,
                    routes = gen.cfg.router.routes().len(),
                    upstreams_kept = kept.upstreams.len(),
                    issuers_kept = kept.issuers.len(),
                    token_cache_kept = kept.token_cache,
                    "configuration reloaded"
                );
                let out = Outcome {
                    result: "ok",
                    trigger: trigger.into(),
                    generation: gen.number,
                    hash: gen.hash.clone(),
                    loaded_at_unix: gen.loaded_at_unix,
                    errors: vec![],
                    warnings,
                    kept,
                };
                *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(out.clone());
                out
            }
            Err(errors) => self.refuse(&old, trigger, errors, warnings),
        }
    }

    fn refuse(
        &self,
        old: &Generation,
        trigger: &str,
        errors: Vec<String>,
        warnings: Vec<String>,
    ) -> Outcome {
        RELOADS.with_label_values(&["error"]).inc();
        for e in &errors {
            tracing::error!(trigger, "reload: {e}");
        }
        tracing::error!(
            trigger,
            errors = errors.len(),
            generation = old.number,
            "configuration reload refused: the current generation keeps serving"
        );
        let out = Outcome {
            result: "error",
            trigger: trigger.into(),
            generation: old.number,
            hash: old.hash.clone(),
            loaded_at_unix: old.loaded_at_unix,
            errors,
            warnings,
            kept: Kept::default(),
        };
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some(out.clone());
        out
    }
}

/// The next generation from a validated configuration, with the state handed over from `old`.
async fn build(
    old: &Generation,
    mut cfg: Config,
    hash: String,
) -> Result<(Generation, Kept), Vec<String>> {
    let mut errors = needs_restart(old, &cfg);
    let ratelimit = match old.ratelimit.successor(cfg.rate_limits.clone()) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let (clusters, upstreams) = old
        .clusters
        .successor(&cfg)
        .map_err(|e| vec![format!("upstreams: {e}")])?;
    // New clusters get their addresses before they serve (kept ones have them).
    for (name, c) in &clusters.by_name {
        if !upstreams.contains(name) {
            c.discover().await;
        }
    }
    let mut kept = Kept {
        upstreams,
        ..Kept::default()
    };
    if let Some(auth) = Arc::get_mut(&mut cfg.auth) {
        let a = auth.adopt(&old.cfg.auth);
        kept.issuers = a.issuers;
        kept.token_cache = a.token_cache;
    }
    // A new remote issuer's keys are fetched before it serves; one that cannot be reached
    // refuses the reload if it would have refused the start.
    for i in cfg.auth.issuers.iter() {
        if !i.keys.is_remote() || kept.issuers.contains(&i.name) {
            continue;
        }
        if let Err(e) = i.keys.fetch().await {
            match i.start_policy {
                crate::auth::StartPolicy::Fail => {
                    errors.push(format!("issuer {}: keys unavailable: {e}", i.name))
                }
                crate::auth::StartPolicy::NotReady => {
                    tracing::warn!(issuer = %i.name, error = %e, "keys unavailable: not ready until they load")
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let cfg = Arc::new(cfg);
    Ok((
        Generation {
            number: old.number + 1,
            hash,
            loaded_at_unix: unix_now(),
            routes: Arc::new(crate::routes::table(&cfg)),
            edge_tls: crate::generation::edge_tls_fingerprint(&cfg),
            ratelimit: Arc::new(ratelimit.expect("checked above")),
            clusters: Arc::new(clusters),
            cfg,
        },
        kept,
    ))
}

/// The outcome of a file-watch reload that found the watched content as it is.
fn unchanged(old: &Generation, trigger: &str) -> Outcome {
    tracing::debug!(trigger, "configuration files unchanged: nothing to reload");
    Outcome {
        result: "unchanged",
        trigger: trigger.into(),
        generation: old.number,
        hash: old.hash.clone(),
        loaded_at_unix: old.loaded_at_unix,
        errors: vec![],
        warnings: vec![],
        kept: Kept::default(),
    }
}

/// The background service of the reload triggers: `SIGHUP` and the file watch.
pub struct Triggers {
    pub reloader: Arc<Reloader>,
}

#[async_trait::async_trait]
impl pingora::services::background::BackgroundService for Triggers {
    async fn start(&self, mut shutdown: pingora::server::ShutdownWatch) {
        use tokio::signal::unix::{signal, SignalKind};
        let mut hup = match signal(SignalKind::hangup()) {
            Ok(s) => Some(s),
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGHUP: reload by file watch or POST /reload only");
                None
            }
        };
        let (tx, mut rx) = tokio::sync::mpsc::channel::<()>(1);
        let mut dirs = watched_dirs(&self.reloader.current().cfg);
        let mut watcher = watch(&self.reloader.current().cfg, tx.clone());
        loop {
            let mut rewatch = false;
            tokio::select! {
                _ = async { match hup.as_mut() { Some(h) => { h.recv().await; } None => std::future::pending().await } } => {
                    tracing::info!("SIGHUP: reloading the configuration");
                    self.reloader.reload("sighup", false).await;
                    // Also renews the watches (a watched directory replaced as a whole).
                    rewatch = true;
                }
                Some(()) = rx.recv() => {
                    // Debounce: wait until the files have been quiet for DEBOUNCE (at most
                    // DEBOUNCE_MAX, so files that never stop changing are still loaded).
                    let until = tokio::time::Instant::now() + DEBOUNCE_MAX;
                    while tokio::time::Instant::now() < until {
                        if !matches!(tokio::time::timeout(DEBOUNCE, rx.recv()).await, Ok(Some(()))) {
                            break;
                        }
                    }
                    let out = self.reloader.reload("watch", true).await;
                    if out.result != "unchanged" {
                        tracing::info!(result = out.result, generation = out.generation, "file watch: reload done");
                    }
                }
                _ = shutdown.changed() => break,
            }
            // `paths.*` may have moved the directories: watch the new ones, then look once for
            // what changed while none was watched. (The watcher is kept otherwise: a new one
            // would miss the events between dropping the old one and watching again.)
            let cfg = self.reloader.current().cfg.clone();
            let now = watched_dirs(&cfg);
            if rewatch || now != dirs {
                // The new watcher is in place before the old one goes.
                watcher = watch(&cfg, tx.clone());
                dirs = now;
                let _ = tx.try_send(());
            }
        }
        drop(watcher);
    }
}

/// The directories [`watch`] watches, resolved.
fn watched_dirs(cfg: &Config) -> Vec<PathBuf> {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let config_dir = cfg.source.parent().unwrap_or(Path::new("."));
    [config_dir, &cfg.policies_dir, &cfg.openapi_dir]
        .iter()
        .map(|d| abs(d))
        .collect()
}

/// Whether a file-system event at `path` in the configuration file's directory concerns the
/// configuration: the file itself, or a ConfigMap's `..data` swap.
fn concerns_config(path: &Path, config_name: &std::ffi::OsStr) -> bool {
    path.file_name()
        .is_some_and(|n| n == config_name || n.to_string_lossy().starts_with(".."))
}

/// Watch the configuration file's directory and the policies and specs directories
/// (non-recursively; a ConfigMap's `..data` swap happens in the mounted directory itself).
fn watch(cfg: &Config, tx: tokio::sync::mpsc::Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let config_dir = cfg
        .source
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        })
        .unwrap_or_else(|| PathBuf::from("."));
    let config_name = cfg.source.file_name().map(|n| n.to_os_string());
    let dirs = [cfg.policies_dir.clone(), cfg.openapi_dir.clone()];
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let config_dir_abs = abs(&config_dir);
    let watched: Vec<PathBuf> = dirs.iter().map(|d| abs(d)).collect();
    let handler = move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        if matches!(ev.kind, EventKind::Access(_)) {
            return;
        }
        let relevant = ev.paths.iter().any(|p| {
            let parent = p.parent().map(abs);
            let in_watched = parent.as_ref().is_some_and(|d| watched.contains(d));
            let in_config_dir = parent.as_ref() == Some(&config_dir_abs)
                && config_name
                    .as_deref()
                    .is_some_and(|n| concerns_config(p, n));
            in_watched || in_config_dir
        });
        if relevant {
            let _ = tx.try_send(());
        }
    };
    let mut w = match notify::recommended_watcher(handler) {
        Ok(w) => w,
        Err(e) => {
            tracing::error!(error = %e, "cannot watch the configuration files: reload by SIGHUP or POST /reload only");
            return None;
        }
    };
    let mut seen: Vec<PathBuf> = Vec::new();
    for d in std::iter::once(config_dir).chain(dirs) {
        let a = abs(&d);
        if seen.contains(&a) {
            continue;
        }
        if let Err(e) = w.watch(&d, RecursiveMode::NonRecursive) {
            tracing::warn!(dir = %d.display(), error = %e, "cannot watch directory");
        }
        seen.push(a);
    }
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_dir_events_are_filtered_to_the_config_file_and_configmap_swaps() {
        let name = std::ffi::OsStr::new("gateway.yaml");
        assert!(concerns_config(Path::new("/etc/g/gateway.yaml"), name));
        assert!(concerns_config(Path::new("/etc/g/..data"), name));
        assert!(concerns_config(Path::new("/etc/g/..data_tmp"), name));
        assert!(!concerns_config(Path::new("/etc/g/audit.log"), name));
        assert!(!concerns_config(Path::new("/etc/g/gateway.yaml.swp"), name));
    }
}
