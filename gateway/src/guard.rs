//! Connection guard: a deadline for every phase of a client connection, and the connection cap.
//!
//! Pingora's HTTP/1 read timeout applies to each `read()`, so a client that sends one byte
//! every few seconds could hold a connection forever. This wrapper around each accepted
//! stream (after TLS, so it sees the plaintext bytes) gives every phase in which the *client*
//! owes bytes an absolute deadline:
//!
//! - **HTTP/1 head**: the whole request header section within `header_timeout`, counted from
//!   accept for the first request and from the first byte for the next ones. The end of the
//!   head is found by a scanner that skips the empty lines RFC 9112 §2.2 lets a client send
//!   before the request line (Pingora's parser skips them too), so a drip of `\r\n` cannot end
//!   the deadline; a bare-LF empty line (`\n\n`, which the parser also accepts) ends it.
//! - **HTTP/1 idle**: between requests, `idle_timeout`.
//! - **HTTP/2**: until the client has acknowledged the server's SETTINGS (the settings
//!   deadline), while a header block is open (HEADERS or PUSH_PROMISE without END_HEADERS,
//!   until the CONTINUATION that ends it), and while any frame other than DATA is only partly
//!   received: `header_timeout` from the moment that state began. Idle h2 connections (no
//!   stream in flight) are closed by Pingora's `h2_idle_timeout` (set to `idle_timeout`), and
//!   request bodies (h1 and h2) by the body deadline in `proxy.rs`.
//!
//! On HTTP/1 over TLS it also joins an answer's head and body into one `SSL_write`, one TLS
//! record ([`Coalescer`]), holding nothing longer than the L4 write buffer held it.
//!
//! It also enforces `max_connections` (past the cap a new connection is closed at once), and
//! runs the HTTP/1 keep-alive loop itself so that an idle connection holds no Pingora session:
//! between requests the connection waits here for its next bytes (read into a buffer that
//! exists only while the read is polled, then kept in a stash handed to the parser), and only
//! then is a Pingora session (header buffer, proxy state) created. That, with the listeners'
//! unbuffered L4 reads and OpenSSL's `RELEASE_BUFFERS` mode (`server.rs`), is what keeps an
//! idle keep-alive connection small (docs/connections.md has the figures).

use async_trait::async_trait;
use pingora::apps::{HttpPersistentSettings, HttpServerApp, ServerApp};
use pingora::protocols::http::ServerSession;
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

/// How much `wait_for_request` reads at once: Pingora's initial header buffer size, so a
/// request head that fits there is read in one read.
const WAIT_READ: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for / reading a request head; the deadline is armed.
    Head,
    /// Head complete: body and response; no wrapper deadline (the body deadline is the
    /// proxy's, the upstream's are Pingora's).
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

/// Finds the end of an HTTP/1 header section: an empty line (`\r\n` or bare `\n`) after a
/// request line. Empty lines before the request line are skipped, as the parser skips them.
#[derive(Debug, Default, Clone, Copy)]
struct HeadScan {
    /// A byte other than CR/LF has been seen: the request line has begun.
    started: bool,
    /// 0: inside a line; 1: just after LF; 2: after LF CR.
    state: u8,
}

impl HeadScan {
    /// Feed bytes; true once the head is complete. Inside a line it jumps to the next LF with
    /// `memchr` (a byte-at-a-time loop cost ~7 instructions a byte, ~7,000 for a request with
    /// a bearer token); only the bytes right after an LF are looked at one by one.
    fn feed(&mut self, data: &[u8]) -> bool {
        let mut rest = data;
        if !self.started {
            let Some(i) = rest.iter().position(|&b| b != b'\r' && b != b'\n') else {
                return false;
            };
            self.started = true;
            self.state = 0;
            rest = &rest[i + 1..];
        }
        loop {
            if self.state == 0 {
                let Some(i) = memchr::memchr(b'\n', rest) else {
                    return false;
                };
                self.state = 1;
                rest = &rest[i + 1..];
            }
            let Some((&b, tail)) = rest.split_first() else {
                return false;
            };
            rest = tail;
            self.state = match (self.state, b) {
                (_, b'\n') => return true,
                (1, b'\r') => 2,
                _ => 0,
            };
        }
    }
}

/// HTTP/2 frame types the guard cares about (RFC 9113 §6).
const H2_DATA: u8 = 0x0;
const H2_HEADERS: u8 = 0x1;
const H2_SETTINGS: u8 = 0x4;
const H2_PUSH_PROMISE: u8 = 0x5;
const H2_CONTINUATION: u8 = 0x9;
const H2_FLAG_ACK: u8 = 0x1;
const H2_FLAG_END_HEADERS: u8 = 0x4;
const H2_PREFACE_LEN: u8 = 24;

/// Follows the client's side of an HTTP/2 connection frame by frame (headers only: payloads
/// are skipped, never copied), to know when the client owes the server bytes.
#[derive(Debug, Clone, Copy)]
struct H2Scan {
    preface_left: u8,
    hdr: [u8; 9],
    hdr_len: u8,
    payload_left: u32,
    frame_type: u8,
    frame_flags: u8,
    settings_acked: bool,
    in_header_block: bool,
}

impl Default for H2Scan {
    fn default() -> Self {
        H2Scan {
            preface_left: H2_PREFACE_LEN,
            hdr: [0; 9],
            hdr_len: 0,
            payload_left: 0,
            frame_type: 0,
            frame_flags: 0,
            settings_acked: false,
            in_header_block: false,
        }
    }
}

impl H2Scan {
    fn feed(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.preface_left > 0 {
                let n = data.len().min(self.preface_left as usize);
                self.preface_left -= n as u8;
                data = &data[n..];
                continue;
            }
            if self.payload_left > 0 {
                let n = data.len().min(self.payload_left as usize);
                self.payload_left -= n as u32;
                data = &data[n..];
                if self.payload_left == 0 {
                    self.frame_done();
                }
                continue;
            }
            let n = data.len().min(9 - self.hdr_len as usize);
            self.hdr[self.hdr_len as usize..self.hdr_len as usize + n].copy_from_slice(&data[..n]);
            self.hdr_len += n as u8;
            data = &data[n..];
            if self.hdr_len == 9 {
                self.hdr_len = 0;
                self.payload_left = u32::from_be_bytes([0, self.hdr[0], self.hdr[1], self.hdr[2]]);
                self.frame_type = self.hdr[3];
                self.frame_flags = self.hdr[4];
                if matches!(
                    self.frame_type,
                    H2_HEADERS | H2_PUSH_PROMISE | H2_CONTINUATION
                ) {
                    self.in_header_block = true;
                }
                if self.payload_left == 0 {
                    self.frame_done();
                }
            }
        }
    }

    fn frame_done(&mut self) {
        match self.frame_type {
            H2_SETTINGS if self.frame_flags & H2_FLAG_ACK != 0 => self.settings_acked = true,
            H2_HEADERS | H2_PUSH_PROMISE | H2_CONTINUATION
                if self.frame_flags & H2_FLAG_END_HEADERS != 0 =>
            {
                self.in_header_block = false
            }
            _ => {}
        }
    }

    /// Whether the client owes bytes now: settings not yet acknowledged, a header block open,
    /// or a frame other than DATA partly received.
    fn owes_bytes(&self) -> bool {
        !self.settings_acked
            || self.in_header_block
            || self.preface_left > 0
            || self.hdr_len > 0
            || (self.payload_left > 0 && self.frame_type != H2_DATA)
    }
}

pub struct GuardedStream {
    inner: Stream,
    phase: Phase,
    head: HeadScan,
    /// The head deadline runs from the first byte of the head (from accept for the first one).
    started_head: bool,
    /// Bytes read while waiting for the next request, handed to the parser first. Empty (no
    /// allocation) while the connection is idle.
    stash: Vec<u8>,
    deadline: Pin<Box<Sleep>>,
    limits: GuardLimits,
    /// `Some` on an HTTP/2 connection.
    h2: Option<H2Scan>,
    /// HTTP/2: whether `deadline` is counting the current "client owes bytes" period.
    h2_armed: bool,
    /// `Some` on an HTTP/1 connection over TLS.
    coalesce: Option<Coalescer>,
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

/// The most one TLS record carries (RFC 8446 §5.1): what [`Coalescer`] gathers at most.
const COALESCE_MAX: usize = 16 * 1024;

/// What [`Coalescer`] holds back until a flush: less than what the L4 write buffer beneath
/// (Pingora's default, one MSS) would have held as one record (a TLS 1.3 record adds 22 bytes).
const HOLD_MAX: usize = pingora::protocols::l4::stream::DEFAULT_L4_WRITE_BUFFER_SIZE - 22;

/// HTTP/1 over TLS: an answer's head and body leave as one `SSL_write`, so one TLS record.
///
/// Pingora writes an answer's head and its body separately and flushes at the end (and after
/// every chunk of a chunked or close-delimited body: those are real-time). Under TLS each write
/// was a record of its own: an answer with a small body took two records, each with its own
/// encryption and framing (callgrind: ~5,500 instructions a record on the HTTPS keep-alive
/// pass-through), where nginx sends one. The plaintext L4 buffer beneath (1460 bytes, after
/// encryption) only joined their bytes into one send.
///
/// Nothing waits longer than it waited in that L4 buffer: writes are held only while together
/// they stay under [`HOLD_MAX`] (the L4 buffer held their records too, until the flush). A
/// write that takes them past it goes out at once, joined with what was held into one record
/// while the whole fits in [`COALESCE_MAX`] (before, the held head went out ahead of it as a
/// record of its own), or after it when larger. One difference under back-pressure: when the
/// client is not reading and the TLS stream cannot take such a joined write at once, the write
/// is still taken, and what is left of it goes before the next write or at the flush, where
/// before the proxy waited in that write until the socket took it. The buffer exists only
/// while it holds bytes, so an idle connection keeps none. A flush that follows one with
/// nothing written or read in between is not passed on (each one cost OpenSSL's error-queue
/// checks): Pingora flushes up to four times an answer.
#[derive(Debug, Default)]
struct Coalescer {
    buf: Vec<u8>,
    /// How much of `buf` the inner stream has taken already.
    sent: usize,
    /// The inner stream was written (or read: OpenSSL may write then) since its last flush.
    unflushed: bool,
}

impl Coalescer {
    /// Hand every gathered byte to `inner`; the buffer is freed once empty.
    fn poll_drain<W: AsyncWrite + Unpin>(
        &mut self,
        inner: &mut W,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<()>> {
        while self.sent < self.buf.len() {
            match Pin::new(&mut *inner).poll_write(cx, &self.buf[self.sent..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => {
                    self.sent += n;
                    self.unflushed = true;
                }
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        self.buf = Vec::new();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }

    fn poll_write<W: AsyncWrite + Unpin>(
        &mut self,
        inner: &mut W,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let len: usize = bufs.iter().map(|b| b.len()).sum();
        if len == 0 {
            return Poll::Ready(Ok(0));
        }
        // A buffer being written out (the inner stream was full) is finished first; until it
        // is, this write is not taken (`Pending`, as a full L4 buffer answers).
        if self.sent > 0 || self.buf.len() >= HOLD_MAX {
            std::task::ready!(self.poll_drain(inner, cx))?;
        }
        let total = self.buf.len() + len;
        if total > COALESCE_MAX {
            // Too large for one record: what is held goes first, this write after it.
            std::task::ready!(self.poll_drain(inner, cx))?;
            let r = Pin::new(&mut *inner).poll_write_vectored(cx, bufs);
            if matches!(r, Poll::Ready(Ok(_))) {
                self.unflushed = true;
            }
            return r;
        }
        if self.buf.capacity() == 0 {
            self.buf.reserve(total.max(1024));
        }
        for b in bufs {
            self.buf.extend_from_slice(b);
        }
        if total >= HOLD_MAX {
            // Out now, as one record. The bytes are taken whatever the inner stream answers:
            // what it cannot take yet goes before the next write or at the flush.
            if let Poll::Ready(Err(e)) = self.poll_drain(inner, cx) {
                return Poll::Ready(Err(e));
            }
        }
        Poll::Ready(Ok(len))
    }

    fn poll_flush<W: AsyncWrite + Unpin>(
        &mut self,
        inner: &mut W,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<()>> {
        std::task::ready!(self.poll_drain(inner, cx))?;
        if !self.unflushed {
            return Poll::Ready(Ok(()));
        }
        let r = Pin::new(&mut *inner).poll_flush(cx);
        if matches!(r, Poll::Ready(Ok(()))) {
            self.unflushed = false;
        }
        r
    }

    fn poll_shutdown<W: AsyncWrite + Unpin>(
        &mut self,
        inner: &mut W,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<()>> {
        std::task::ready!(self.poll_drain(inner, cx))?;
        Pin::new(&mut *inner).poll_shutdown(cx)
    }
}

fn timed_out(what: &'static str) -> io::Error {
    tracing::debug!("{what}: closing connection");
    io::Error::new(io::ErrorKind::TimedOut, what)
}

impl GuardedStream {
    fn new(inner: Stream, limits: GuardLimits, slot: ConnSlot) -> Self {
        let h2 = matches!(inner.selected_alpn_proto(), Some(ALPN::H2)).then(H2Scan::default);
        let coalesce = (h2.is_none() && inner.get_ssl().is_some()).then(Coalescer::default);
        GuardedStream {
            inner,
            phase: Phase::Head,
            head: HeadScan::default(),
            // The first head's deadline counts from accept.
            started_head: true,
            stash: Vec::new(),
            deadline: Box::pin(tokio::time::sleep(limits.header_timeout)),
            limits,
            h2_armed: h2.is_some(),
            h2,
            coalesce,
            _slot: slot,
        }
    }

    /// HTTP/1: account for bytes read.
    fn observe(&mut self, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        if self.phase == Phase::Response {
            // A new request starts: the head must complete within header_timeout.
            self.phase = Phase::Head;
            self.head = HeadScan::default();
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
        if self.head.feed(data) {
            self.phase = Phase::Body;
        }
    }

    fn wrote(&mut self) {
        if self.h2.is_none() && self.phase != Phase::Response {
            self.phase = Phase::Response;
        }
    }

    /// Wait (under the guard's deadlines) for the first bytes of the next HTTP/1 request and
    /// keep them for the parser. `false`: the client closed the connection.
    ///
    /// The read buffer is a local of `poll_wait`, not of this future: it exists only while
    /// the socket is read, so an idle connection's task holds no buffer, and a request that
    /// arrives in one segment is still read with one read.
    async fn wait_for_request(&mut self) -> io::Result<bool> {
        if !self.stash.is_empty() {
            return Ok(true);
        }
        std::future::poll_fn(|cx| self.poll_wait(cx)).await
    }

    fn poll_wait(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<bool>> {
        // Not zeroed first: 4 KiB of memset on every wait was 12 k of the ~160 k instructions
        // of a pass-through request (callgrind). The reader writes what it read and
        // `filled()` is only that.
        let mut tmp = [std::mem::MaybeUninit::<u8>::uninit(); WAIT_READ];
        let mut buf = ReadBuf::uninit(&mut tmp);
        match Pin::new(&mut *self).poll_read(cx, &mut buf) {
            Poll::Ready(Ok(())) if buf.filled().is_empty() => Poll::Ready(Ok(false)),
            Poll::Ready(Ok(())) => {
                self.stash = buf.filled().to_vec();
                Poll::Ready(Ok(true))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => Poll::Pending,
        }
    }

    fn poll_deadline(&mut self, cx: &mut Context<'_>, what: &'static str) -> Poll<io::Result<()>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(timed_out(what))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if !this.stash.is_empty() && buf.remaining() > 0 {
            let n = buf.remaining().min(this.stash.len());
            if n == this.stash.len() {
                // All of it: the stash's allocation goes with it.
                buf.put_slice(&std::mem::take(&mut this.stash));
            } else {
                buf.put_slice(&this.stash[..n]);
                this.stash.drain(..n);
            }
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        if let Some(c) = this.coalesce.as_mut() {
            c.unflushed = true;
        }
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let data = &buf.filled()[before..];
                match this.h2.as_mut() {
                    Some(scan) => scan.feed(data),
                    None => this.observe(data),
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                if let Some(scan) = this.h2 {
                    if !scan.owes_bytes() {
                        this.h2_armed = false;
                        return Poll::Pending;
                    }
                    if !this.h2_armed {
                        this.h2_armed = true;
                        this.deadline
                            .as_mut()
                            .reset(Instant::now() + this.limits.header_timeout);
                    }
                    return this.poll_deadline(cx, "h2 settings/header deadline reached");
                }
                match this.phase {
                    Phase::Body => Poll::Pending,
                    Phase::Response => {
                        // Idle between requests.
                        this.phase = Phase::Head;
                        this.started_head = false;
                        this.head = HeadScan::default();
                        this.deadline
                            .as_mut()
                            .reset(Instant::now() + this.limits.idle_timeout);
                        this.poll_deadline(cx, "idle keep-alive deadline reached")
                    }
                    Phase::Head => this.poll_deadline(cx, "request header deadline reached"),
                }
            }
        }
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_write_vectored(cx, &[io::IoSlice::new(data)])
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        match this.coalesce.as_mut() {
            Some(c) => c.poll_flush(&mut this.inner, cx),
            None => Pin::new(&mut this.inner).poll_flush(cx),
        }
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        match this.coalesce.as_mut() {
            Some(c) => c.poll_shutdown(&mut this.inner, cx),
            None => Pin::new(&mut this.inner).poll_shutdown(cx),
        }
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        let r = match this.coalesce.as_mut() {
            Some(c) => c.poll_write(&mut this.inner, cx, bufs),
            None if bufs.len() == 1 => Pin::new(&mut this.inner).poll_write(cx, &bufs[0]),
            None => Pin::new(&mut this.inner).poll_write_vectored(cx, bufs),
        };
        if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
            this.wrote();
        }
        r
    }
    fn is_write_vectored(&self) -> bool {
        self.coalesce.is_some() || self.inner.is_write_vectored()
    }
}

#[async_trait]
impl Shutdown for GuardedStream {
    async fn shutdown(&mut self) {
        // What is gathered goes before the close (`poll_shutdown` does the same).
        if let Some(c) = self.coalesce.as_mut() {
            let inner = &mut self.inner;
            if let Err(e) = std::future::poll_fn(|cx| c.poll_drain(inner, cx)).await {
                tracing::debug!(error = %e, "could not write the last bytes before closing");
            }
        }
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
        if !self.stash.is_empty() {
            // Bytes were already taken off the stream: peeking would miss them.
            return Ok(false);
        }
        self.inner.try_peek(buf).await
    }
}

/// A [`ServerApp`] that wraps each accepted stream in a [`GuardedStream`] and then hands it to
/// the real application (the proxy): HTTP/2 connections to Pingora's own h2 loop, HTTP/1
/// connections to the keep-alive loop below, one Pingora session per request.
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

    /// Client connections open now.
    pub fn open_connections(&self) -> Arc<AtomicUsize> {
        self.open.clone()
    }
}

impl<A: HttpServerApp + Send + Sync + 'static> GuardedApp<A> {
    /// Pingora's HTTP/1 keep-alive loop (`apps/mod.rs`, `impl ServerApp for HttpServerApp`),
    /// with one change: the next request's first byte is awaited here, before a session
    /// exists, so an idle connection holds only the guarded stream.
    async fn serve_h1(&self, mut stream: Box<GuardedStream>, shutdown: &ShutdownWatch) {
        let mut persistent: Option<HttpPersistentSettings> = None;
        let mut first = true;
        loop {
            match stream.wait_for_request().await {
                Ok(true) => {}
                Ok(false) | Err(_) => return,
            }
            let mut session = ServerSession::new_http1(stream);
            if first {
                first = false;
                // As Pingora does: no keep-alive once the service is shutting down.
                if *shutdown.borrow() || crate::drain::draining() {
                    session.set_keepalive(None);
                } else {
                    session.set_keepalive(Some(self.limits.idle_timeout.as_secs().max(1)));
                }
                session.set_keepalive_reuses_remaining(
                    self.inner
                        .server_options()
                        .and_then(|o| o.keepalive_request_limit),
                );
            } else if let Some(p) = persistent.take() {
                p.apply_to_session(&mut session);
            }
            let Some(reused) = self.inner.process_new_http(session, shutdown).await else {
                return;
            };
            let (next, settings) = reused.consume();
            persistent = settings;
            stream = match next.into_any().downcast::<GuardedStream>() {
                Ok(g) => g,
                Err(_) => return,
            };
        }
    }
}

#[async_trait]
impl<A: HttpServerApp + Send + Sync + 'static> ServerApp for GuardedApp<A> {
    async fn process_new(
        self: &Arc<Self>,
        stream: Stream,
        shutdown: &ShutdownWatch,
    ) -> Option<Stream> {
        let n = self.open.fetch_add(1, Ordering::Relaxed);
        let slot = ConnSlot(self.open.clone());
        if n >= self.limits.max_connections {
            crate::metrics::CONNECTIONS_REFUSED.inc();
            drop(slot);
            return None;
        }
        let guarded = Box::new(GuardedStream::new(stream, self.limits, slot));
        if guarded.h2.is_some() {
            // Pingora's h2 loop (idle timeout, GOAWAY on shutdown) over the guarded stream.
            return ServerApp::process_new(&self.inner, guarded, shutdown).await;
        }
        self.serve_h1(guarded, shutdown).await;
        None
    }

    async fn cleanup(&self) {
        // Deliberately not forwarded: Pingora's `http_cleanup` aborts every keep-alive
        // connection parked between requests at once, so a request the client sends at that
        // moment is lost. Idle connections here wait for their next request, which is answered
        // with `Connection: close` (see `drain.rs`), until the runtime stops.
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
            g.started_head = false;
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

    #[test]
    fn leading_empty_lines_do_not_end_the_head() {
        let mut h = HeadScan::default();
        // A drip of empty lines before the request line (RFC 9112 §2.2 lets the parser skip
        // them) must not look like the end of a header section.
        for _ in 0..100 {
            assert!(!h.feed(b"\r\n"));
            assert!(!h.feed(b"\n"));
        }
        assert!(!h.feed(b"GET / HTTP/1.1\r\nHost: a\r\n"));
        assert!(h.feed(b"\r\n"));
        // Bare LF line ends, which the parser also accepts.
        let mut h = HeadScan::default();
        assert!(h.feed(b"GET / HTTP/1.1\nHost: a\n\n"));
        // CR LF CR is not an empty line yet; LF CR CR LF is not one either.
        let mut h = HeadScan::default();
        assert!(!h.feed(b"GET / HTTP/1.1\r\nA: b\r\r\n"));
        assert!(h.feed(b"\r\n"));
    }

    /// The scanner as it was, a byte at a time: the reference `feed` is checked against.
    fn feed_bytewise(h: &mut HeadScan, data: &[u8]) -> bool {
        for &b in data {
            if !h.started {
                if b == b'\r' || b == b'\n' {
                    continue;
                }
                h.started = true;
                h.state = 0;
                continue;
            }
            h.state = match (h.state, b) {
                (1 | 2, b'\n') => return true,
                (_, b'\n') => 1,
                (1, b'\r') => 2,
                _ => 0,
            };
        }
        false
    }

    /// Random heads over the bytes that matter (`a`, CR, LF), fed in random pieces: `feed`
    /// answers as the byte-at-a-time reference does, piece after piece.
    #[test]
    fn head_scan_agrees_with_the_bytewise_reference() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut ends = 0;
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let data: Vec<u8> = (0..len)
                .map(|_| [b'a', b'\r', b'\n'][(next() % 3) as usize])
                .collect();
            let (mut fast, mut slow) = (HeadScan::default(), HeadScan::default());
            let mut at = 0;
            while at < data.len() {
                let piece = 1 + (next() % 8) as usize;
                let chunk = &data[at..(at + piece).min(data.len())];
                at += chunk.len();
                let (f, s) = (fast.feed(chunk), feed_bytewise(&mut slow, chunk));
                assert_eq!(f, s, "{:?} at {at}", data.escape_ascii().to_string());
                if f {
                    ends += 1;
                    break;
                }
                assert_eq!((fast.started, fast.state), (slow.started, slow.state));
            }
        }
        assert!(ends > 1_000, "the inputs must end heads often: {ends}");
    }

    /// An inner stream that records what reaches it: each write, flush and shutdown. It takes
    /// at most `max` bytes a write and, with `stall`, answers every other call `Pending`.
    #[derive(Default)]
    struct Recorder {
        writes: Vec<Vec<u8>>,
        flushes: usize,
        shutdowns: usize,
        max: Option<usize>,
        stall: bool,
        stalled: bool,
    }

    impl Recorder {
        fn stall(&mut self, cx: &mut Context<'_>) -> bool {
            if self.stall {
                self.stalled = !self.stalled;
                if self.stalled {
                    cx.waker().wake_by_ref();
                    return true;
                }
            }
            false
        }
        fn bytes(&self) -> Vec<u8> {
            self.writes.concat()
        }
    }

    impl AsyncWrite for Recorder {
        fn poll_write(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            data: &[u8],
        ) -> Poll<io::Result<usize>> {
            if self.stall(cx) {
                return Poll::Pending;
            }
            let n = data.len().min(self.max.unwrap_or(usize::MAX));
            self.writes.push(data[..n].to_vec());
            Poll::Ready(Ok(n))
        }
        fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
            if self.stall(cx) {
                return Poll::Pending;
            }
            self.flushes += 1;
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            self.shutdowns += 1;
            Poll::Ready(Ok(()))
        }
    }

    /// Poll until ready (the recorder wakes itself when it stalls).
    fn ready<T>(mut f: impl FnMut(&mut Context<'_>) -> Poll<T>) -> T {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        for _ in 0..10_000 {
            if let Poll::Ready(v) = f(&mut cx) {
                return v;
            }
        }
        panic!("never ready");
    }

    fn write(c: &mut Coalescer, r: &mut Recorder, data: &[u8]) -> usize {
        ready(|cx| c.poll_write(r, cx, &[io::IoSlice::new(data)])).unwrap()
    }

    #[test]
    fn an_answer_written_in_parts_reaches_tls_as_one_write_and_one_flush() {
        let (mut c, mut r) = (Coalescer::default(), Recorder::default());
        let head = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n";
        assert_eq!(write(&mut c, &mut r, head), head.len());
        assert_eq!(write(&mut c, &mut r, b"ok"), 2);
        assert!(r.writes.is_empty(), "nothing is written before the flush");
        c.unflushed = true; // the request was read
        for _ in 0..4 {
            ready(|cx| c.poll_flush(&mut r, cx)).unwrap();
        }
        assert_eq!(r.writes, vec![[&head[..], b"ok"].concat()], "one record");
        assert_eq!(
            r.flushes, 1,
            "the flushes after the first had nothing to pass on"
        );
        assert_eq!(c.buf.capacity(), 0, "no buffer is kept once it is written");
        // Something read since: the next flush is passed on again.
        c.unflushed = true;
        ready(|cx| c.poll_flush(&mut r, cx)).unwrap();
        assert_eq!(r.flushes, 2);
    }

    #[test]
    fn a_head_and_a_body_past_what_the_l4_buffer_held_leave_at_once_as_one_write() {
        let (mut c, mut r) = (Coalescer::default(), Recorder::default());
        let head = b"HTTP/1.1 200 OK\r\nContent-Length: 8000\r\n\r\n";
        write(&mut c, &mut r, head);
        assert!(
            r.writes.is_empty(),
            "a head alone is held, as the L4 buffer held it"
        );
        // The first 4,000 bytes of a body whose rest comes later: out at once (the L4 buffer
        // would have sent them too), with the head, as one record; nothing waits for a flush.
        write(&mut c, &mut r, &[b'x'; 4000]);
        assert_eq!(r.writes, vec![[&head[..], &[b'x'; 4000][..]].concat()]);
        assert_eq!(c.buf.capacity(), 0);
        // Small pieces are held until together they pass the L4 buffer's size.
        write(&mut c, &mut r, &[b'y'; 1000]);
        assert_eq!(r.writes.len(), 1);
        write(&mut c, &mut r, &[b'z'; 1000]);
        assert_eq!(r.writes.len(), 2);
        assert_eq!(r.writes[1], [[b'y'; 1000], [b'z'; 1000]].concat());
        assert!(HOLD_MAX < pingora::protocols::l4::stream::DEFAULT_L4_WRITE_BUFFER_SIZE);
    }

    #[test]
    fn large_writes_go_straight_through_after_what_was_gathered() {
        let (mut c, mut r) = (Coalescer::default(), Recorder::default());
        write(&mut c, &mut r, b"head");
        let big = vec![7u8; COALESCE_MAX];
        assert_eq!(write(&mut c, &mut r, &big), COALESCE_MAX);
        assert_eq!(
            r.writes,
            vec![b"head".to_vec(), big.clone()],
            "in order, the big one whole"
        );
        // A write past what the L4 buffer held goes at once; a small one after it waits for
        // the flush.
        let part = vec![1u8; COALESCE_MAX - 100];
        write(&mut c, &mut r, &part);
        write(&mut c, &mut r, &[2u8; 200]);
        assert_eq!(r.writes.len(), 3);
        assert_eq!(r.writes[2], part);
        ready(|cx| c.poll_flush(&mut r, cx)).unwrap();
        assert_eq!(r.writes[3], vec![2u8; 200]);
        assert_eq!(r.flushes, 1);
    }

    #[test]
    fn partial_and_pending_inner_writes_lose_and_reorder_nothing() {
        let (mut c, mut r) = (Coalescer::default(), Recorder::default());
        r.max = Some(97);
        r.stall = true;
        let mut sent = Vec::new();
        for i in 0..200u32 {
            let chunk: Vec<u8> = (0..(i * 37 % 900)).map(|j| (i + j) as u8).collect();
            assert_eq!(write(&mut c, &mut r, &chunk), chunk.len());
            sent.extend_from_slice(&chunk);
            if i % 50 == 49 {
                ready(|cx| c.poll_flush(&mut r, cx)).unwrap();
            }
        }
        ready(|cx| c.poll_shutdown(&mut r, cx)).unwrap();
        assert_eq!(r.bytes(), sent);
        assert_eq!(r.shutdowns, 1);
        assert!(r.writes.iter().all(|w| w.len() <= 97));
    }

    fn frame(kind: u8, flags: u8, payload: &[u8]) -> Vec<u8> {
        let n = payload.len() as u32;
        let mut f = vec![
            (n >> 16) as u8,
            (n >> 8) as u8,
            n as u8,
            kind,
            flags,
            0,
            0,
            0,
            1,
        ];
        f.extend_from_slice(payload);
        f
    }

    #[test]
    fn h2_scan_tracks_settings_and_header_blocks() {
        let mut s = H2Scan::default();
        assert!(s.owes_bytes(), "nothing received yet");
        s.feed(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        s.feed(&frame(H2_SETTINGS, 0, &[0; 6]));
        assert!(s.owes_bytes(), "our SETTINGS are not acknowledged yet");
        s.feed(&frame(H2_SETTINGS, H2_FLAG_ACK, &[]));
        assert!(!s.owes_bytes(), "settled");
        // HEADERS without END_HEADERS opens a block until a CONTINUATION ends it.
        s.feed(&frame(H2_HEADERS, 0, &[0x82]));
        assert!(s.owes_bytes());
        s.feed(&frame(H2_CONTINUATION, 0, &[0x84]));
        assert!(s.owes_bytes());
        s.feed(&frame(H2_CONTINUATION, H2_FLAG_END_HEADERS, &[0x86]));
        assert!(!s.owes_bytes());
        // A frame split across reads: owed until its payload is complete; DATA is exempt
        // (bodies have their own deadline).
        let ping = frame(0x6, 0, &[0; 8]);
        s.feed(&ping[..5]);
        assert!(s.owes_bytes());
        s.feed(&ping[5..12]);
        assert!(s.owes_bytes());
        s.feed(&ping[12..]);
        assert!(!s.owes_bytes());
        let data = frame(H2_DATA, 0, &[0; 100]);
        s.feed(&data[..50]);
        assert!(!s.owes_bytes());
        s.feed(&data[50..]);
        // A HEADERS frame with END_HEADERS whose payload is dripped is owed too.
        let h = frame(H2_HEADERS, H2_FLAG_END_HEADERS, &[0x82, 0x84, 0x86]);
        s.feed(&h[..10]);
        assert!(s.owes_bytes());
        s.feed(&h[10..]);
        assert!(!s.owes_bytes());
    }
}
