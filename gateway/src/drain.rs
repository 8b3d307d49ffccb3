//! Draining: what the gateway does between a shutdown or upgrade signal and its exit.
//!
//! Pingora, on SIGTERM, stops accepting at once and then waits; on either SIGTERM or SIGQUIT
//! its `http_cleanup` drops every keep-alive connection parked between requests, so a request
//! a client sends at that moment gets no answer. The gateway instead:
//!
//! - **SIGTERM**: marks itself draining (`/readyz` answers 503 so load balancers move away,
//!   every HTTP/1 answer carries `Connection: close`), keeps accepting and serving for
//!   `server.grace_period_seconds`, and only then hands the shutdown to Pingora, which stops
//!   the listeners, sends GOAWAY on HTTP/2 connections and lets in-flight requests finish for
//!   `graceful_shutdown_timeout_seconds`.
//! - **SIGQUIT** (graceful upgrade): marks itself draining and hands the listening sockets to
//!   the new process at once; for the 5 s Pingora then waits, and afterwards, every answer of
//!   the old process says `Connection: close`, so each keep-alive client moves to a fresh
//!   connection (which the new process accepts) after its next request.
//!
//! Keep-alive connections idle at that moment are not dropped (`guard.rs` does not forward
//! Pingora's cleanup): their next request is answered, with `Connection: close`.

use async_trait::async_trait;
use pingora::server::{ShutdownSignal, ShutdownSignalWatch};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::signal::unix::{signal, SignalKind};

static DRAINING: AtomicBool = AtomicBool::new(false);

/// Whether a shutdown or upgrade has begun: answers close their connection.
pub fn draining() -> bool {
    DRAINING.load(Ordering::Relaxed)
}

fn start_draining() {
    DRAINING.store(true, Ordering::Relaxed);
}

/// The process's signal handling (replaces Pingora's `UnixShutdownSignalWatch`).
pub struct Signals {
    /// How long to keep accepting and serving after SIGTERM.
    pub grace: Duration,
}

#[async_trait]
impl ShutdownSignalWatch for Signals {
    async fn recv(&self) -> ShutdownSignal {
        let (Ok(mut quit), Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::quit()),
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            tracing::error!("cannot install signal handlers: shutting down");
            return ShutdownSignal::FastShutdown;
        };
        tokio::select! {
            _ = quit.recv() => {
                start_draining();
                tracing::info!("SIGQUIT: handing the listeners over; answers now close their connection");
                ShutdownSignal::GracefulUpgrade
            }
            _ = term.recv() => {
                start_draining();
                tracing::info!(grace_s = self.grace.as_secs(), "SIGTERM: draining (still accepting, /readyz 503, answers close their connection)");
                tokio::select! {
                    _ = tokio::time::sleep(self.grace) => {
                        tracing::info!("grace period over: closing the listeners");
                        ShutdownSignal::GracefulTerminate
                    }
                    _ = int.recv() => ShutdownSignal::FastShutdown,
                }
            }
            _ = int.recv() => ShutdownSignal::FastShutdown,
        }
    }
}
