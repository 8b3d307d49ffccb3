//! Turn a validated [`Config`] into a running Pingora server: the guarded proxy service on
//! each public listener, the admin service, and the health-check background service.

use crate::admin::Admin;
use crate::config::{Config, MinTls};
use crate::followers::{HealthChecker, KeyRefresher};
use crate::guard::{GuardLimits, GuardedApp};
use crate::proxy::Gateway;
use crate::upstream::Clusters;
use pingora::listeners::tls::TlsSettings;
use pingora::listeners::{L4BufferSettings, ListenerConfig};
use pingora::server::configuration::{Opt, ServerConf};
use pingora::server::Server;
use pingora::services::background::background_service;
use pingora::services::listening::Service;
use pingora::tls::ssl::{SslMode, SslOptions, SslVersion};
use std::sync::Arc;

/// TLS 1.3 AEAD suites, strongest first.
pub const TLS13_SUITES: &str =
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
/// TLS 1.2, only when configured: ECDHE key exchange with AEAD ciphers, nothing else.
pub const TLS12_SUITES: &str = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";

/// Build the edge TLS settings for one listener.
pub fn edge_tls(
    cert: &str,
    key: &str,
    min: MinTls,
    client_ca: Option<&crate::clientcert::ClientCa>,
) -> pingora::Result<TlsSettings> {
    let err =
        |e| pingora::Error::because(pingora::ErrorType::InternalError, "edge TLS settings", e);
    let mut tls = match client_ca {
        None => TlsSettings::intermediate(cert, key)?,
        Some(ca) => {
            // The same settings as `intermediate`, plus a callback that keeps the client
            // certificate's identity on the connection, and the CAs and CRLs to verify it.
            let mut tls = TlsSettings::with_callbacks(Box::new(crate::clientcert::Capture))?;
            tls.set_private_key_file(key, pingora::tls::ssl::SslFiletype::PEM)
                .map_err(err)?;
            tls.set_certificate_chain_file(cert).map_err(err)?;
            crate::clientcert::configure(&mut tls, ca).map_err(err)?;
            tls
        }
    };
    match min {
        MinTls::V13 => tls
            .set_min_proto_version(Some(SslVersion::TLS1_3))
            .map_err(err)?,
        MinTls::V12 => {
            tls.set_min_proto_version(Some(SslVersion::TLS1_2))
                .map_err(err)?;
            tls.set_cipher_list(TLS12_SUITES).map_err(err)?;
        }
    }
    tls.set_ciphersuites(TLS13_SUITES).map_err(err)?;
    tls.set_options(
        SslOptions::NO_RENEGOTIATION
            | SslOptions::CIPHER_SERVER_PREFERENCE
            | SslOptions::NO_COMPRESSION,
    );
    // Free OpenSSL's read and write buffers (~34 KiB) while a connection is idle: they are
    // allocated again for the next record.
    tls.set_mode(SslMode::RELEASE_BUFFERS);
    // The listeners have no L4 read buffer (`CLIENT_L4_BUFFERS`): OpenSSL reads ahead into its
    // own record buffer instead (one read per record rather than header then body), and that
    // buffer is released whenever it is empty.
    tls.set_read_ahead(true);
    tls.enable_h2();
    Ok(tls)
}

/// The L4 buffers of every client connection. Pingora's default gives each accepted connection
/// a 64 KiB read buffer, allocated zeroed and kept for the connection's whole life: 64 KiB of
/// resident memory per idle keep-alive connection (docs/connections.md). Reads go straight to
/// the socket instead: Pingora's HTTP/1 parser reads into its own per-request buffer, the
/// guard reads the next request's first bytes into a buffer that lives only while it is read,
/// and OpenSSL reads ahead into a buffer it releases when idle (`edge_tls`). The write buffer
/// keeps Pingora's default (1460 bytes, one MSS: it coalesces a response head and a small
/// body into one write).
pub fn client_l4_buffers() -> L4BufferSettings {
    L4BufferSettings::default().read(0)
}

/// Options of `gateway run` that are not configuration.
#[derive(Debug, Default, Clone)]
pub struct RunOptions {
    /// Take the listening sockets over from a running instance (graceful upgrade).
    pub upgrade: bool,
    /// Write this process's PID here (atomically) once it is about to serve, or, with
    /// `upgrade`, about to take the sockets over: what a service manager follows
    /// (systemd `PIDFile=`; see `deploy/systemd/gateway.service`).
    pub pid_file: Option<std::path::PathBuf>,
    /// The graceful-upgrade socket (default `/tmp/gateway-<admin port>.upgrade.sock`).
    pub upgrade_socket: Option<std::path::PathBuf>,
}

/// Write `pid` to `path` through a temporary file and a rename, so a reader (systemd, the
/// `--daemon` parent) never sees a half-written file.
pub fn write_pid_file(path: &std::path::Path, pid: u32) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{pid}.tmp"));
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, format!("{pid}\n"))?;
    std::fs::rename(&tmp, path)
}

/// Pingora's server configuration for `cfg`: workers, runtime flavour, shutdown timing, the
/// upstream pool, and this instance's upgrade socket and pid file.
fn pingora_conf(cfg: &Config, opts: &RunOptions) -> ServerConf {
    let mut conf = ServerConf::default();
    conf.threads = cfg.server.threads;
    conf.work_stealing = cfg.server.work_stealing;
    // `server.grace_period_seconds` is spent draining before Pingora hears of the shutdown
    // (drain.rs: still accepting, answers close their connections). Pingora's own grace period
    // is then the time in-flight requests get once the listeners are closed, and the same
    // again bounds the runtimes' exit (the audit writer seals within it).
    let finish = cfg.server.graceful_shutdown_timeout_seconds;
    conf.grace_period_seconds = Some(finish);
    conf.graceful_shutdown_timeout_seconds = Some(finish);
    conf.upstream_keepalive_pool_size = cfg.server.upstream_keepalive_pool_size;
    // One upgrade socket per instance (keyed by its admin port), so instances on one host
    // do not take over each other's listeners.
    conf.upgrade_sock = match &opts.upgrade_socket {
        Some(p) => p.to_string_lossy().into_owned(),
        None => format!("/tmp/gateway-{}.upgrade.sock", cfg.admin.port()),
    };
    conf.pid_file = match &opts.pid_file {
        Some(p) => p.to_string_lossy().into_owned(),
        None => format!("/tmp/gateway-{}.pid", cfg.admin.port()),
    };
    conf
}

/// Build and run; returns only on error (Pingora exits the process on shutdown).
pub fn run(cfg: Config, opts: RunOptions) -> anyhow_like::Result {
    // SIGHUP reloads the configuration (reload.rs). Its handler is installed first thing, so
    // a SIGHUP that arrives while the process starts is not fatal (the default action):
    // tokio keeps a signal's handler installed for the life of the process.
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(async {
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).map(drop)
        })
        .map_err(|e| format!("SIGHUP handler: {e}"))?;
    let cfg = Arc::new(cfg);
    pingora_http::set_preserve_header_case(cfg.server.preserve_header_case);
    crate::metrics::init();
    crate::auth::init_metrics();
    crate::ratelimit::init();
    crate::audit::metrics::init();
    crate::validate::init();
    crate::reload::init_metrics();
    let opt = Opt {
        upgrade: opts.upgrade,
        daemon: false,
        nocapture: false,
        test: false,
        conf: None,
    };
    let conf = pingora_conf(&cfg, &opts);
    let finish = cfg.server.graceful_shutdown_timeout_seconds;
    let pid_file = |when: &str| -> anyhow_like::Result {
        match &opts.pid_file {
            Some(p) => write_pid_file(p, std::process::id())
                .map_err(|e| format!("pid file {}: {e} ({when})", p.display())),
            None => Ok(()),
        }
    };
    // An upgrading process names itself main before it waits for the sockets: the service
    // manager (or the `--daemon` parent) may then send SIGQUIT to the old process, which
    // only hands its sockets over after that signal.
    if opts.upgrade {
        pid_file("before the socket hand-over")?;
    }
    let mut server = Server::new_with_opt_and_conf(opt, conf);
    server.bootstrap();
    let sconf = server.configuration.clone();

    let clusters = Arc::new(Clusters::build(&cfg).map_err(|e| format!("upstreams: {e}"))?);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(clusters.discover());
    let first = crate::generation::Generation::first(
        cfg.clone(),
        clusters.clone(),
        crate::reload::content_hash(&cfg),
    );
    let rate_sync = first.ratelimit.sync_service();
    let current: crate::generation::Current = Arc::new(arc_swap::ArcSwap::from_pointee(first));
    let gateway = Gateway::new(current.clone());
    let reloader = Arc::new(crate::reload::Reloader::new(current.clone()));
    let mut proxy = pingora::proxy::http_proxy(&sconf, gateway);
    let mut options = pingora::apps::HttpServerOptions::default();
    // An HTTP/2 connection with no stream in flight is closed after idle_timeout.
    options.h2_idle_timeout = Some(cfg.limits.idle_timeout);
    proxy.server_options = Some(options);
    let limits = GuardLimits {
        header_timeout: cfg.limits.header_timeout,
        idle_timeout: cfg.limits.idle_timeout,
        max_connections: cfg.limits.max_connections,
    };
    let mut svc = Service::new("gateway".to_string(), GuardedApp::new(proxy, limits));
    if let Some(t) = &cfg.tracing {
        let svc = crate::otel::start(t).map_err(|e| format!("tracing: {e}"))?;
        server.add_service(background_service("otlp export", svc));
    }

    for l in &cfg.listeners {
        let addr = l.address.to_string();
        match &l.tls {
            Some(t) => {
                let tls = edge_tls(
                    &t.cert.to_string_lossy(),
                    &t.key.to_string_lossy(),
                    t.min_version,
                    t.client_ca.as_ref(),
                )
                .map_err(|e| format!("listener {addr}: {e}"))?;
                svc.add_listener(
                    ListenerConfig::tcp(addr.as_str())
                        .tls(tls)
                        .l4_buffer(client_l4_buffers()),
                );
            }
            None => {
                svc.add_listener(ListenerConfig::tcp(addr.as_str()).l4_buffer(client_l4_buffers()))
            }
        }
    }
    server.add_service(svc);

    load_issuer_keys(&cfg)?;
    let admin_app = Admin {
        current: current.clone(),
        reloader: reloader.clone(),
    };
    let mut admin = Service::new("admin".to_string(), admin_app);
    admin.add_tcp(&cfg.admin.to_string());
    server.add_service(admin);
    server.add_service(background_service(
        "upstream health",
        HealthChecker {
            generations: reloader.subscribe(),
        },
    ));
    let refresher = KeyRefresher {
        generations: reloader.subscribe(),
    };
    server.add_service(background_service("jwks refresh", refresher));
    server.add_service(background_service(
        "config reload",
        crate::reload::Triggers { reloader },
    ));
    server.add_service(background_service("rate-limit sync", rate_sync));
    if let Some(a) = &cfg.audit {
        // Seal after Pingora's grace period (which starts once draining is over), within the
        // runtime shutdown timeout (Pingora exits the process once it passes).
        let grace = std::time::Duration::from_secs(finish);
        let budget = std::time::Duration::from_millis((finish * 800).max(300));
        let svc =
            crate::audit::pipeline::start(a, grace, budget).map_err(|e| format!("audit: {e}"))?;
        server.add_service(background_service("audit", svc));
    }

    for l in &cfg.listeners {
        tracing::info!(listener = %l.address, tls = l.tls.is_some(), "listening");
    }
    tracing::info!(admin = %cfg.admin, routes = cfg.router.routes().len(), upstreams = cfg.upstreams.len(), openssl = openssl::version::version(), "gateway starting");
    if !opts.upgrade {
        pid_file("at start")?;
    }
    server.run(pingora::server::RunArgs {
        shutdown_signal: Box::new(crate::drain::Signals {
            grace: std::time::Duration::from_secs(cfg.server.grace_period_seconds),
        }),
    });
    std::process::exit(0)
}

/// Fetch every remote issuer's keys once before serving. An issuer whose IdP is unreachable
/// either stops the start (`on_unreachable_at_start: fail`) or starts not-ready.
fn load_issuer_keys(cfg: &Config) -> anyhow_like::Result {
    let remote: Vec<_> = cfg
        .auth
        .issuers
        .iter()
        .filter(|i| i.keys.is_remote())
        .cloned()
        .collect();
    if remote.is_empty() {
        return Ok(());
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    for i in remote {
        if let Err(e) = rt.block_on(i.keys.fetch()) {
            match i.start_policy {
                crate::auth::StartPolicy::Fail => {
                    return Err(format!("issuer {}: keys unavailable at start: {e}", i.name))
                }
                crate::auth::StartPolicy::NotReady => {
                    tracing::warn!(issuer = %i.name, error = %e, "keys unavailable at start: not ready until they load")
                }
            }
        }
    }
    Ok(())
}

/// A tiny error alias: run() reports a human sentence.
pub mod anyhow_like {
    pub type Result = std::result::Result<(), String>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(server: &str) -> Config {
        let dir = tempfile::tempdir().expect("dir");
        for d in ["policies", "openapi"] {
            std::fs::create_dir(dir.path().join(d)).expect("mkdir");
        }
        let file = dir.path().join("gateway.yaml");
        std::fs::write(
            &file,
            format!(
                "{server}\nlisteners: [{{address: \"127.0.0.1:1\", plaintext: true}}]\n\
                 admin: {{address: \"127.0.0.1:2\"}}\npaths: {{policies: policies, openapi: openapi}}\n"
            ),
        )
        .expect("write");
        crate::config::load(&file).expect("valid configuration")
    }

    /// The vendored openssl-src (vendor/openssl-src/PATCHES.md: one record pipeline instead
    /// of 32, ~9 KiB less per TLS connection) is the OpenSSL linked, not crates.io's.
    #[test]
    fn the_linked_openssl_is_the_patched_build() {
        let v = openssl::version::version();
        assert!(v.starts_with("OpenSSL 3.6.3+max-pipelines-1"), "{v}");
    }

    #[test]
    fn workers_run_one_single_threaded_runtime_each_unless_work_stealing_is_asked_for() {
        let conf = pingora_conf(&load(""), &RunOptions::default());
        assert!(!conf.work_stealing, "default: no work stealing");
        assert_eq!(conf.threads, 2);
        let conf = pingora_conf(
            &load("server: {threads: 3, work_stealing: true}"),
            &RunOptions::default(),
        );
        assert!(conf.work_stealing);
        assert_eq!(conf.threads, 3);
        assert_eq!(conf.pid_file, "/tmp/gateway-2.pid");
        assert_eq!(conf.upgrade_sock, "/tmp/gateway-2.upgrade.sock");
    }
}
