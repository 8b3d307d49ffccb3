//! `gateway`: run, check, or demo. No logic here: load → compile → serve.

use clap::{Parser, Subcommand};

/// mimalloc: the proxy allocates and frees many small buffers per request; glibc's allocator
/// spent a sixth of the CPU in malloc/free and arena locks under load (perf, see README).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "gateway", version, about = "Secure API gateway on Pingora")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the gateway with a configuration file.
    Run {
        #[arg(short, long, default_value = "deploy/gateway.yaml")]
        config: PathBuf,
        /// Take over the listening sockets of a running instance (graceful upgrade; then
        /// send SIGQUIT to the old process).
        #[arg(short, long)]
        upgrade: bool,
    },
    /// Validate a configuration: print every problem with its file and location; exit 1 if any.
    Check {
        #[arg(short, long, default_value = "deploy/gateway.yaml")]
        config: PathBuf,
        /// Treat every warning as an error (exit 1 if there is any).
        #[arg(long)]
        strict: bool,
    },
    /// Mint a test token from a local private key (development helper only).
    Token {
        /// PEM private key (EC P-256/P-384, Ed25519 or RSA).
        #[arg(long)]
        key: PathBuf,
        /// Algorithm (default: from the key).
        #[arg(long)]
        alg: Option<String>,
        #[arg(long)]
        kid: Option<String>,
        #[arg(long)]
        iss: String,
        #[arg(long)]
        aud: String,
        #[arg(long)]
        sub: Option<String>,
        /// Space-delimited scopes.
        #[arg(long, default_value = "")]
        scope: String,
        #[arg(long)]
        tenant: Option<String>,
        #[arg(long)]
        client_id: Option<String>,
        /// Lifetime, e.g. 15m.
        #[arg(long, default_value = "15m")]
        ttl: humantime::Duration,
    },
    /// Run the built-in example upstream (plaintext HTTP/1.1 echo), e.g. for benchmarks.
    Upstream {
        #[arg(long, default_value = "127.0.0.1:18080")]
        listen: std::net::SocketAddr,
        /// Worker threads.
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// A bare Pingora proxy without any policy (benchmark baseline only).
    #[command(hide = true)]
    BareProxy {
        #[arg(long)]
        listen: std::net::SocketAddr,
        #[arg(long)]
        upstream: std::net::SocketAddr,
        #[arg(long, default_value_t = 2)]
        threads: usize,
    },
    /// Audit log tools.
    Audit {
        #[command(subcommand)]
        cmd: AuditCmd,
    },
    /// Run the embedded demo: example policies and specs, generated certificates, built-in
    /// mTLS upstreams.
    Demo {
        /// Work directory for the generated files (default: a new temp dir).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AuditCmd {
    /// Verify hash chains and signed checkpoints. Give the files oldest first (rotated files
    /// `audit.log.<ms>` before `audit.log`), or a directory: then every audit file in it is
    /// read, each writer's chain verified and the hand-overs between writers (graceful
    /// upgrades, restarts) checked. Exit 0: intact and sealed; 2: only gaps the log
    /// itself records (a crash and restart); 1: modified, removed, inserted, reordered or
    /// truncated records.
    Verify {
        /// Ed25519 public key (PEM) the checkpoints must be signed with. Without it, the key
        /// each instance announces in its start record is used.
        #[arg(long)]
        pubkey: Option<PathBuf>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn audit_verify(pubkey: Option<PathBuf>, files: Vec<PathBuf>) -> ExitCode {
    let pinned = match pubkey {
        Some(p) => match std::fs::read(&p)
            .map_err(|e| e.to_string())
            .and_then(|pem| {
                openssl::pkey::PKey::public_key_from_pem(&pem).map_err(|e| e.to_string())
            }) {
            Ok(k) => Some(k),
            Err(e) => {
                eprintln!("error: {}: {e}", p.display());
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    // A directory stands for every audit file in it (each writer's chain and their
    // hand-overs are checked); explicit files are verified in the order given.
    let by_writer = files.iter().any(|f| f.is_dir());
    let mut paths = Vec::new();
    for f in &files {
        if f.is_dir() {
            let mut found: Vec<PathBuf> = match std::fs::read_dir(f) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && gateway::audit::chain::looks_like_chain(p))
                    .collect(),
                Err(e) => {
                    eprintln!("error: {}: {e}", f.display());
                    return ExitCode::from(1);
                }
            };
            found.sort();
            paths.extend(found);
        } else {
            paths.push(f.clone());
        }
    }
    let mut input = Vec::new();
    for f in &paths {
        match std::fs::read(f) {
            Ok(b) => input.push((f.display().to_string(), b)),
            Err(e) => {
                eprintln!("error: {}: {e}", f.display());
                return ExitCode::from(1);
            }
        }
    }
    let r = if by_writer {
        gateway::audit::chain::verify_writers(&input, pinned.as_ref())
    } else {
        gateway::audit::chain::verify(&input, pinned.as_ref())
    };
    for f in &r.findings {
        println!("{f}");
    }
    let verdict = match r.exit_code() {
        0 => "OK: chain intact, every instance sealed",
        2 => "GAPS: chain intact, with the gaps listed above",
        _ => "FAILED: the log was altered or truncated",
    };
    println!(
        "{verdict} ({} records, {} signed checkpoints, {} instance(s), {} file(s))",
        r.records,
        r.checkpoints,
        r.instances,
        files.len()
    );
    ExitCode::from(r.exit_code())
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("GATEWAY_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("GATEWAY_LOG_FORMAT")
        .map(|v| v == "json")
        .unwrap_or(false);
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        b.json().flatten_event(true).init();
    } else {
        b.init();
    }
}

fn report(r: &gateway::config::Report) {
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    for e in &r.errors {
        eprintln!("error: {e}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Check { config, strict } => match gateway::config::load(&config) {
            Ok(cfg) if strict && !cfg.warnings.is_empty() => {
                for w in &cfg.warnings {
                    eprintln!("error: {w}");
                }
                eprintln!(
                    "{}: {} error(s) (warnings, under --strict)",
                    config.display(),
                    cfg.warnings.len()
                );
                ExitCode::from(1)
            }
            Ok(cfg) => {
                for w in &cfg.warnings {
                    eprintln!("warning: {w}");
                }
                println!(
                    "{}: OK ({} routes, {} upstreams, {} listeners)",
                    config.display(),
                    cfg.router.routes().len(),
                    cfg.upstreams.len(),
                    cfg.listeners.len()
                );
                ExitCode::SUCCESS
            }
            Err(r) => {
                report(&r);
                eprintln!("{}: {} error(s)", config.display(), r.errors.len());
                ExitCode::from(1)
            }
        },
        Cmd::Run { config, upgrade } => {
            init_tracing();
            let cfg = match gateway::config::load(&config) {
                Ok(c) => c,
                Err(r) => {
                    report(&r);
                    eprintln!(
                        "{}: {} error(s); not starting",
                        config.display(),
                        r.errors.len()
                    );
                    return ExitCode::from(1);
                }
            };
            for w in &cfg.warnings {
                tracing::warn!("{w}");
            }
            match gateway::server::run(cfg, gateway::server::RunOptions { upgrade }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Cmd::Token {
            key,
            alg,
            kid,
            iss,
            aud,
            sub,
            scope,
            tenant,
            client_id,
            ttl,
        } => {
            match mint_token(
                &key,
                alg,
                kid,
                iss,
                aud,
                sub,
                scope,
                tenant,
                client_id,
                ttl.into(),
            ) {
                Ok(t) => {
                    println!("{t}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Cmd::BareProxy {
            listen,
            upstream,
            threads,
        } => gateway::baseline::run(listen, upstream, threads),
        Cmd::Upstream { listen, threads } => {
            let rt = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(threads.max(1))
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                }
            };
            rt.block_on(async move {
                match gateway::echo::start(listen, None).await {
                    Ok(u) => {
                        eprintln!("upstream listening on {}", u.addr);
                        u.set_recording(false);
                        std::future::pending::<()>().await;
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::from(1)
                    }
                }
            })
        }
        Cmd::Audit {
            cmd: AuditCmd::Verify { pubkey, files },
        } => audit_verify(pubkey, files),
        Cmd::Demo { dir } => {
            init_tracing();
            match gateway::demo::run(gateway::demo::DemoOptions { dir }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn mint_token(
    key: &std::path::Path,
    alg: Option<String>,
    kid: Option<String>,
    iss: String,
    aud: String,
    sub: Option<String>,
    scope: String,
    tenant: Option<String>,
    client_id: Option<String>,
    ttl: std::time::Duration,
) -> Result<String, String> {
    use gateway::auth::{jwt, mint};
    let pem = std::fs::read(key).map_err(|e| format!("{}: {e}", key.display()))?;
    let pkey = openssl::pkey::PKey::private_key_from_pem(&pem)
        .map_err(|e| format!("{}: {e}", key.display()))?;
    let alg = match alg {
        Some(a) => jwt::parse_alg(&a).ok_or_else(|| format!("unsupported alg {a:?}"))?,
        None => mint::default_alg(&pkey)?,
    };
    let now = jwt::now_secs();
    let mut claims =
        serde_json::json!({"iss": iss, "aud": aud, "iat": now, "exp": now + ttl.as_secs()});
    for (k, v) in [("sub", sub), ("tenant", tenant), ("client_id", client_id)] {
        if let Some(v) = v {
            claims[k] = serde_json::Value::String(v);
        }
    }
    if !scope.is_empty() {
        claims["scope"] = serde_json::Value::String(scope);
    }
    mint::sign(&pem, alg, kid.as_deref(), &claims)
}
