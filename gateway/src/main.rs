//! `gateway`: run, check, or demo. No logic here: load → compile → serve.

use clap::{Parser, Subcommand};

/// mimalloc: the proxy allocates and frees many small buffers per request; glibc's allocator
/// spent a sixth of the CPU in malloc/free and arena locks under load (perf, see docs/benchmarks.md).
/// `--no-default-features --features system-alloc` (profiling only) leaves it out, so that heaptrack or valgrind,
/// which intercept `malloc`, see every allocation (docs/connections.md, "Memory").
///
/// Built with the `override` feature, mimalloc also serves C's `malloc`, so OpenSSL's TLS state
/// is in the same heap and returned to the system with the rest ([`start_memory_return`]).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
#[cfg(all(
    feature = "mimalloc",
    any(feature = "system-alloc", feature = "jemalloc")
))]
compile_error!(
    "one allocator: build another one with --no-default-features (mimalloc is the default)"
);
#[cfg(all(feature = "system-alloc", feature = "jemalloc"))]
compile_error!("one allocator: system-alloc or jemalloc, not both");
/// The `jemalloc` feature (with `--no-default-features`): jemalloc for Rust and C alike, memory
/// freed when connections close returned by its background threads (docs/connections.md).
#[cfg(all(feature = "jemalloc", not(feature = "mimalloc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc (v3) hands freed memory back to the system ("purges" it) only from inside a later
/// page free, once the memory has been free for its purge delay (1 s). After a burst of
/// closed connections nothing frees another page, so what they used stayed resident for good
/// (10,000 idle TLS connections: 217 MiB with them, 217 MiB after; docs/connections.md). This
/// thread frees one huge allocation (a page of its own, never written: only the allocator's
/// page header is resident) once a second, and that free runs the purge. Safe code only: the
/// allocation is real and the allocator's own collection does the rest.
///
/// Transparent huge pages are turned off for the process first. mimalloc purges in 64 KiB
/// slices, and khugepaged (every 10 s by default) collapses any 2 MiB range of the arena with
/// one resident page back into a whole huge page: the purged memory came back resident, up
/// to 8 MiB at a time, a few seconds after it was returned (docs/connections.md). mimalloc is
/// built with `no_thp` (no `MADV_HUGEPAGE` on its arenas), which covers hosts in THP
/// `madvise` mode; the prctl covers `always` mode.
#[cfg(feature = "mimalloc")]
fn start_memory_return() {
    if let Err(e) = nix::sys::prctl::set_thp_disable(true) {
        tracing::warn!("transparent huge pages not disabled: {e}");
    }
    let spawned = std::thread::Builder::new()
        .name("mem-return".into())
        .spawn(|| loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            drop(std::hint::black_box(Vec::<u8>::with_capacity(8 << 20)));
        });
    if let Err(e) = spawned {
        tracing::warn!("memory return thread not started: {e}");
    }
}
/// jemalloc returns memory with its own background threads; the system allocator is left as is.
#[cfg(not(feature = "mimalloc"))]
fn start_memory_return() {}

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
        /// Start the serving process in the background and return once it has written
        /// `--pid-file` (exit 1 if it stops first): the start mode of systemd's
        /// `Type=forking` and of its graceful-upgrade reload (deploy/systemd/gateway.service).
        #[arg(short, long, requires = "pid_file")]
        daemon: bool,
        /// Write the serving process's PID here, once it is about to serve (with
        /// `--upgrade`: once it waits for the sockets).
        #[arg(long)]
        pid_file: Option<PathBuf>,
        /// Socket over which a graceful upgrade hands the listeners over
        /// (default `/tmp/gateway-<admin port>.upgrade.sock`).
        #[arg(long)]
        upgrade_socket: Option<PathBuf>,
        /// With `--daemon`: how long to wait for the serving process to write its PID file.
        #[arg(long, default_value = "120s")]
        ready_timeout: humantime::Duration,
    },
    /// Print what the gateway enforces, route by route: service, method, path, upstream,
    /// credentials and scopes, rate limits, validation mode.
    Routes {
        #[arg(short, long, default_value = "deploy/gateway.yaml")]
        config: PathBuf,
        /// JSON (an array of routes) instead of a text table.
        #[arg(long)]
        json: bool,
    },
    /// Probe an admin endpoint (for a container HEALTHCHECK without a shell or curl): exit 0
    /// when it answers 200, 1 otherwise.
    Probe {
        /// Plain-HTTP URL of the admin listener's endpoint.
        #[arg(long, default_value = "http://127.0.0.1:9901/healthz")]
        url: String,
        /// Connect and read deadline.
        #[arg(long, default_value = "3s")]
        timeout: humantime::Duration,
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
    // Not `init()`: that installs tracing-log's bridge, which would pass Pingora's lines (raw
    // query strings, raw header buffers) through unredacted. `logmask` bridges them instead.
    let set = if json {
        tracing::subscriber::set_global_default(b.json().flatten_event(true).finish())
    } else {
        tracing::subscriber::set_global_default(b.finish())
    };
    if set.is_ok() {
        let max = match tracing::level_filters::LevelFilter::current() {
            l if l >= tracing::level_filters::LevelFilter::TRACE => log::LevelFilter::Trace,
            l if l >= tracing::level_filters::LevelFilter::DEBUG => log::LevelFilter::Debug,
            l if l >= tracing::level_filters::LevelFilter::INFO => log::LevelFilter::Info,
            l if l >= tracing::level_filters::LevelFilter::WARN => log::LevelFilter::Warn,
            _ => log::LevelFilter::Error,
        };
        gateway::logmask::install(max);
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
        Cmd::Run {
            config,
            upgrade,
            daemon: true,
            pid_file: Some(pid_file),
            upgrade_socket,
            ready_timeout,
        } => daemonize(
            &config,
            upgrade,
            &pid_file,
            upgrade_socket.as_deref(),
            ready_timeout.into(),
        ),
        Cmd::Routes { config, json } => match gateway::config::load(&config) {
            Ok(cfg) => {
                let rows = gateway::routes::table(&cfg);
                if json {
                    match serde_json::to_string_pretty(&rows) {
                        Ok(t) => println!("{t}"),
                        Err(e) => {
                            eprintln!("error: {e}");
                            return ExitCode::from(1);
                        }
                    }
                } else {
                    print!("{}", gateway::routes::render_text(&rows));
                }
                ExitCode::SUCCESS
            }
            Err(r) => {
                report(&r);
                eprintln!("{}: {} error(s)", config.display(), r.errors.len());
                ExitCode::from(1)
            }
        },
        Cmd::Probe { url, timeout } => match probe(&url, timeout.into()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("probe {url}: {e}");
                ExitCode::from(1)
            }
        },
        Cmd::Run {
            config,
            upgrade,
            pid_file,
            upgrade_socket,
            ..
        } => {
            init_tracing();
            start_memory_return();
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
            let opts = gateway::server::RunOptions {
                upgrade,
                pid_file,
                upgrade_socket,
            };
            match gateway::server::run(cfg, opts) {
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
            start_memory_return();
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

/// `gateway run --daemon`: start the same binary as the serving process (same options, in
/// its own process group, standard output and error inherited so a service manager's log
/// gets them), then wait until it has written `pid_file` naming itself. Exit 0 then; exit 1
/// if it stops first or the wait passes `ready_timeout`. The serving process loads the
/// configuration itself, so a bad configuration fails the start (or a reload) here, while
/// an old process keeps serving.
fn daemonize(
    config: &std::path::Path,
    upgrade: bool,
    pid_file: &std::path::Path,
    upgrade_socket: Option<&std::path::Path>,
    ready_timeout: std::time::Duration,
) -> ExitCode {
    use std::os::unix::process::CommandExt;
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: cannot find the gateway binary: {e}");
            return ExitCode::from(1);
        }
    };
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("run")
        .arg("-c")
        .arg(config)
        .arg("--pid-file")
        .arg(pid_file);
    if upgrade {
        cmd.arg("--upgrade");
    }
    if let Some(s) = upgrade_socket {
        cmd.arg("--upgrade-socket").arg(s);
    }
    cmd.stdin(std::process::Stdio::null()).process_group(0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: cannot start the serving process: {e}");
            return ExitCode::from(1);
        }
    };
    let want = child.id();
    let t0 = std::time::Instant::now();
    loop {
        let named = std::fs::read_to_string(pid_file)
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok());
        if named == Some(want) {
            return ExitCode::SUCCESS;
        }
        match child.try_wait() {
            Ok(Some(status)) => {
                eprintln!("error: the serving process stopped before it was up ({status})");
                return ExitCode::from(1);
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("error: waiting for the serving process: {e}");
                return ExitCode::from(1);
            }
        }
        if t0.elapsed() > ready_timeout {
            eprintln!(
                "error: the serving process (pid {want}) wrote no pid file within {}; stopping it",
                humantime::format_duration(ready_timeout)
            );
            let _ = child.kill();
            let _ = child.wait();
            return ExitCode::from(1);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// One plain-HTTP GET to an admin endpoint; `Ok` on a 200 answer.
fn probe(url: &str, timeout: std::time::Duration) -> Result<(), String> {
    use std::io::{Read, Write};
    use std::net::ToSocketAddrs;
    let uri: http::Uri = url.parse().map_err(|e| format!("bad URL: {e}"))?;
    if uri.scheme_str() != Some("http") {
        return Err("only http:// URLs (the admin listener is plain HTTP)".into());
    }
    let authority = uri.authority().ok_or("URL without host")?;
    let port = authority.port_u16().unwrap_or(80);
    let addr = (authority.host().trim_matches(['[', ']']), port)
        .to_socket_addrs()
        .map_err(|e| e.to_string())?
        .next()
        .ok_or("host did not resolve")?;
    let mut s = std::net::TcpStream::connect_timeout(&addr, timeout).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut head = [0u8; 16];
    let mut n = 0;
    while n < head.len() {
        match s.read(&mut head[n..]).map_err(|e| e.to_string())? {
            0 => break,
            k => n += k,
        }
    }
    let line = String::from_utf8_lossy(&head[..n]);
    match line.split_whitespace().nth(1) {
        Some("200") => Ok(()),
        Some(code) => Err(format!("status {code}")),
        None => Err("no HTTP answer".into()),
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
