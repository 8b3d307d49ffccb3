//! Connection guard: the slowloris deadline and the connection cap.
//!
//! Pingora's HTTP/1 read timeout applies to each `read()`, so a client that sends one byte
//! every few seconds could hold a connection forever. This wrapper around each accepted
//! stream gives the *whole* request header section one deadline, counted from its first
//! byte (or from accept, for the first request), and gives idle keep-alive connections
//! another. It watches the byte stream for the end of the header section (`\r\n\r\n`); the
//! first write after that marks the response, and the next read starts a new request.
//! HTTP/2 connections (ALPN h2) are left to the h2 layer's own timeouts.
//!
//! It also enforces `max_connections`: past the cap, a new connection is closed at once.

use async_trait::async_trait;
use pingora::apps::ServerApp;
use pingora::protocols::{
    tls::SslDigest, GetProxyDigest, GetSocketDigest, GetTimingDigest, Peek, Shutdown, SocketDigest,
    Ssl, Stream, TimingDigest, UniqueID, UniqueIDType, ALPN,
};
use pingora::server::ShutdownWatch;
use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for / reading a request head; the deadline is armed.
    Head,
    /// Head complete: body and response; no wrapper deadline (Pingora's per-read timeout applies).
    Body,
    /// A response byte was written; the next read starts a new request (idle deadline).
    Response,
}

/// Limits the guard applies.
#[derive(Debug, Clone, Copy)]
pub struct GuardLimits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
}

pub struct GuardedStream {
    inner: Stream,
    phase: Phase,
    /// Last bytes seen, to find `\r\n\r\n` across reads.
    tail: [u8; 3],
    tail_len: usize,
    started_head: bool,
    deadline: Pin<Box<Sleep>>,
    limits: GuardLimits,
    h2: bool,
    _slot: ConnSlot,
}

impl fmt::Debug for GuardedStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuardedStream")
            .field("phase", &self.phase)
            .finish_non_exhaustive()
    }
}

/// Counts open connections; released on drop.
struct ConnSlot(Arc<AtomicUsize>);

impl Drop for ConnSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl GuardedStream {
    fn new(inner: Stream, limits: GuardLimits, slot: ConnSlot) -> Self {
        let h2 = matches!(inner.selected_alpn_proto(), Some(ALPN::H2));
        GuardedStream {
            inner,
            phase: Phase::Head,
            tail: [0; 3],
            tail_len: 0,
            started_head: false,
            deadline: Box::pin(tokio::time::sleep(limits.header_timeout)),
            limits,
            h2,
            _slot: slot,
        }
    }

    /// Scan newly read bytes for the end of the header section.
    fn observe(&mut self, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        if self.phase == Phase::Response {
            // A new request starts: the head must complete within header_timeout.
            self.phase = Phase::Head;
            self.tail_len = 0;
            self.started_head = false;
        }
        if self.phase != Phase::Head {
            return;
        }
        if !self.started_head {
            self.started_head = true;
            self.deadline
                .as_mut()
                .reset(Instant::now() + self.limits.header_timeout);
        }
        // The terminator may straddle reads: check the carried tail joined with the first bytes,
        // then the new data itself. No allocation on this path.
        let mut seam = [0u8; 6];
        let head = data.len().min(3);
        seam[..self.tail_len].copy_from_slice(&self.tail[..self.tail_len]);
        seam[self.tail_len..self.tail_len + head].copy_from_slice(&data[..head]);
        let seam = &seam[..self.tail_len + head];
        if seam.windows(4).any(|w| w == b"\r\n\r\n") || data.windows(4).any(|w| w == b"\r\n\r\n") {
            self.phase = Phase::Body;
            return;
        }
        // Keep the last three bytes of (tail + data).
        let mut joined = [0u8; 6];
        let take = data.len().min(3);
        let carry = (3 - take).min(self.tail_len);
        joined[..carry].copy_from_slice(&self.tail[self.tail_len - carry..self.tail_len]);
        joined[carry..carry + take].copy_from_slice(&data[data.len() - take..]);
        self.tail[..carry + take].copy_from_slice(&joined[..carry + take]);
        self.tail_len = carry + take;
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if !this.h2 {
                    this.observe(&buf.filled()[before..]);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                if this.h2 || this.phase == Phase::Body {
                    return Poll::Pending;
                }
                if this.phase == Phase::Response {
                    // Idle between requests.
                    this.phase = Phase::Head;
                    this.started_head = false;
                    this.tail_len = 0;
                    this.deadline
                        .as_mut()
                        .reset(Instant::now() + this.limits.idle_timeout);
                }
                match this.deadline.as_mut().poll(cx) {
                    Poll::Ready(()) => {
                        tracing::debug!("request header deadline reached: closing connection");
                        Poll::Ready(Err(io::Error::new(
                            io::ErrorKind::TimedOut,
                            "request header timeout",
                        )))
                    }
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let r = Pin::new(&mut this.inner).poll_write(cx, data);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) && this.phase == Phase::Body {
            this.phase = Phase::Response;
        }
        r
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let r = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) && this.phase == Phase::Body {
            this.phase = Phase::Response;
        }
        r
    }
    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[async_trait]
impl Shutdown for GuardedStream {
    async fn shutdown(&mut self) {
        self.inner.shutdown().await
    }
}

impl UniqueID for GuardedStream {
    fn id(&self) -> UniqueIDType {
        self.inner.id()
    }
}

impl Ssl for GuardedStream {
    fn get_ssl(&self) -> Option<&pingora::protocols::tls::TlsRef> {
        self.inner.get_ssl()
    }
    fn get_ssl_digest(&self) -> Option<Arc<SslDigest>> {
        self.inner.get_ssl_digest()
    }
    fn selected_alpn_proto(&self) -> Option<ALPN> {
        self.inner.selected_alpn_proto()
    }
}

impl GetTimingDigest for GuardedStream {
    fn get_timing_digest(&self) -> Vec<Option<TimingDigest>> {
        self.inner.get_timing_digest()
    }
}

impl GetProxyDigest for GuardedStream {
    fn get_proxy_digest(&self) -> Option<Arc<pingora::protocols::raw_connect::ProxyDigest>> {
        self.inner.get_proxy_digest()
    }
}

impl GetSocketDigest for GuardedStream {
    fn get_socket_digest(&self) -> Option<Arc<SocketDigest>> {
        self.inner.get_socket_digest()
    }
    fn set_socket_digest(&mut self, d: SocketDigest) {
        self.inner.set_socket_digest(d)
    }
}

#[async_trait]
impl Peek for GuardedStream {
    async fn try_peek(&mut self, buf: &mut [u8]) -> io::Result<bool> {
        self.inner.try_peek(buf).await
    }
}

/// A [`ServerApp`] that wraps each accepted stream in a [`GuardedStream`] and then hands it to
/// the real application (the proxy).
pub struct GuardedApp<A> {
    inner: Arc<A>,
    limits: GuardLimits,
    open: Arc<AtomicUsize>,
}

impl<A> GuardedApp<A> {
    pub fn new(inner: A, limits: GuardLimits) -> Self {
        GuardedApp {
            inner: Arc::new(inner),
            limits,
            open: Arc::new(AtomicUsize::new(0)),
        }
    }
}

#[async_trait]
impl<A: ServerApp + Send + Sync + 'static> ServerApp for GuardedApp<A> {
    async fn process_new(
        self: &Arc<Self>,
        stream: Stream,
        shutdown: &ShutdownWatch,
    ) -> Option<Stream> {
        // A stream handed back for reuse is already guarded.
        let stream: Stream = if stream.as_any().is::<GuardedStream>() {
            stream
        } else {
            let n = self.open.fetch_add(1, Ordering::Relaxed);
            let slot = ConnSlot(self.open.clone());
            if n >= self.limits.max_connections {
                crate::metrics::CONNECTIONS_REFUSED.inc();
                drop(slot);
                return None;
            }
            Box::new(GuardedStream::new(stream, self.limits, slot))
        };
        self.inner.process_new(stream, shutdown).await
    }

    async fn cleanup(&self) {
        self.inner.cleanup().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phase_machine() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let tcp = tokio::net::TcpStream::connect(listener.local_addr().unwrap())
                .await
                .unwrap();
            let open = Arc::new(AtomicUsize::new(1));
            let limits = GuardLimits {
                header_timeout: Duration::from_secs(1),
                idle_timeout: Duration::from_secs(1),
                max_connections: 1,
            };
            let inner: Stream = Box::new(pingora::protocols::l4::stream::Stream::from(tcp));
            let mut g = GuardedStream::new(inner, limits, ConnSlot(open.clone()));
            g.observe(b"GET / HTTP/1.1\r\nHost: x\r");
            assert_eq!(g.phase, Phase::Head);
            g.observe(b"\n\r");
            assert_eq!(g.phase, Phase::Head);
            g.observe(b"\n");
            assert_eq!(g.phase, Phase::Body);
            // One byte at a time, and a terminator inside a larger read.
            g.phase = Phase::Response;
            for b in b"GET / HTTP/1.1\r\nA: b\r\n\r" {
                g.observe(&[*b]);
                assert_eq!(g.phase, Phase::Head);
            }
            g.observe(b"\n");
            assert_eq!(g.phase, Phase::Body);
            g.phase = Phase::Response;
            g.observe(b"GET / HTTP/1.1\r\nA: b\r\n\r\nbody");
            assert_eq!(g.phase, Phase::Body);
            g.phase = Phase::Response;
            g.observe(b"G");
            assert_eq!(g.phase, Phase::Head);
            drop(g);
            assert_eq!(
                open.load(Ordering::Relaxed),
                0,
                "the slot is released on drop"
            );
        });
    }
}
