//! `gateway`: run, check, or demo. No logic here: load → compile → serve.

use clap::{Parser, Subcommand};
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
    },
    /// Run the built-in example upstream (plaintext HTTP/1.1 echo), e.g. for benchmarks.
    Upstream {
        #[arg(long, default_value = "127.0.0.1:18080")]
        listen: std::net::SocketAddr,
        /// Worker threads.
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Run the embedded demo: example policies and specs, generated certificates, built-in
    /// mTLS upstreams.
    Demo {
        /// Work directory for the generated files (default: a new temp dir).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
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
        Cmd::Check { config } => match gateway::config::load(&config) {
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
        Cmd::Upstream { listen, threads } => {
            let rt = match tokio::runtime::Builder::new_multi_thread().worker_threads(threads.max(1)).enable_all().build() {
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
