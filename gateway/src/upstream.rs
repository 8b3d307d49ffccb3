//! Upstream clusters: round-robin over healthy addresses, active HTTP health checks over the
//! same mTLS the requests use, passive health (outlier detection) and the retry budget
//! ([`crate::outlier`]), and the per-request [`HttpPeer`].

use crate::config::{Config, Upstream};
use pingora::lb::health_check::HttpHealthCheck;
use pingora::lb::selection::RoundRobin;
use pingora::lb::LoadBalancer;
use pingora::upstreams::peer::HttpPeer;
use pingora::utils::tls::CertKey;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// One upstream at run time.
pub struct Cluster {
    pub spec: Arc<Upstream>,
    lb: Arc<LoadBalancer<RoundRobin>>,
    cert_key: Option<Arc<CertKey>>,
    /// Set after the first health-check pass, so `/readyz` does not report ready on the
    /// optimistic initial state.
    checked: AtomicBool,
    pub outlier: crate::outlier::Outlier,
    pub budget: crate::outlier::Budget,
}

/// Milliseconds on the process's monotonic clock (outlier ejection times).
pub fn now_ms() -> u64 {
    static EPOCH: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);
    EPOCH.elapsed().as_millis() as u64
}

impl Cluster {
    fn new(spec: Arc<Upstream>) -> std::io::Result<Cluster> {
        let mut lb = LoadBalancer::<RoundRobin>::try_from_iter(
            spec.addresses.iter().map(|a| a.to_string()),
        )?;
        let cert_key = spec
            .tls
            .as_ref()
            .map(|t| Arc::new(CertKey::new(t.client_chain.clone(), t.client_key.clone())));
        let mut hc = HttpHealthCheck::new(
            spec.host_header.as_deref().unwrap_or("localhost"),
            spec.tls.is_some(),
        );
        hc.req = pingora::http::RequestHeader::build("GET", spec.health_path.as_bytes(), None)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let host = spec
            .host_header
            .clone()
            .or_else(|| spec.tls.as_ref().map(|t| t.server_name.clone()))
            .unwrap_or_else(|| "localhost".into());
        let _ = hc.req.insert_header("host", host);
        let _ = hc.req.insert_header("user-agent", "gateway-health-check");
        let mut peer = HttpPeer::new(spec.addresses[0], spec.tls.is_some(), String::new());
        configure_peer(&mut peer, &spec, cert_key.as_ref());
        peer.options.connection_timeout = Some(spec.health_timeout);
        peer.options.read_timeout = Some(spec.health_timeout);
        peer.options.write_timeout = Some(spec.health_timeout);
        hc.peer_template = peer;
        hc.consecutive_failure = 1;
        hc.consecutive_success = 1;
        if spec.health_enabled {
            lb.set_health_check(Box::new(hc));
        }
        Ok(Cluster {
            outlier: crate::outlier::Outlier::new(spec.outlier.clone(), &spec.addresses),
            budget: crate::outlier::Budget::new(&spec.retry),
            spec,
            lb: Arc::new(lb),
            cert_key,
            checked: AtomicBool::new(false),
        })
    }

    /// Fill the address list before serving (see [`Clusters::discover`]).
    pub async fn discover(&self) {
        let _ = self.lb.update().await;
    }

    /// Choose a healthy address and build the peer; `None` when none is healthy.
    pub fn peer(&self) -> Option<HttpPeer> {
        self.peer_for(&[], false)
    }

    /// Choose a healthy, not ejected address none of whose tries in `tried` failed; an
    /// ejected one only when nothing else is left. `retryable`: the try may be retried, so
    /// each read waits `retry.per_try_timeout` instead of `timeouts.read`, and the answer's
    /// head must arrive within `retry.per_try_timeout` of the request in all.
    pub fn peer_for(&self, tried: &[SocketAddr], retryable: bool) -> Option<HttpPeer> {
        let now = now_ms();
        let fresh = |b: &pingora::lb::Backend| b.addr.as_inet().is_some_and(|a| !tried.contains(a));
        let backend = self
            .lb
            .select_with(b"", 256, |b, healthy| {
                healthy
                    && fresh(b)
                    && b.addr
                        .as_inet()
                        .is_some_and(|a| !self.outlier.ejected(a, now))
            })
            .or_else(|| {
                self.lb
                    .select_with(b"", 256, |b, healthy| healthy && fresh(b))
            })?;
        let addr = *backend.addr.as_inet()?;
        let mut peer = HttpPeer::new(addr, self.spec.tls.is_some(), String::new());
        configure_peer(&mut peer, &self.spec, self.cert_key.as_ref());
        if retryable && self.spec.retry.attempts > 1 {
            let t = self.spec.retry.per_try_timeout.min(self.spec.timeouts.read);
            peer.options.read_timeout = Some(t);
            // The whole wait for the answer's head, across reads (vendored pingora-core,
            // patch 2): an address that drips its head a byte at a time is cut at
            // `per_try_timeout` like one that sends nothing, and the request is retried.
            peer.options.response_header_timeout = Some(self.spec.retry.per_try_timeout);
        }
        Some(peer)
    }

    /// Whether a healthy address outside `tried` exists (worth a retry).
    pub fn has_other(&self, tried: &[SocketAddr]) -> bool {
        self.lb
            .select_with(b"", 256, |b, healthy| {
                healthy && b.addr.as_inet().is_some_and(|a| !tried.contains(a))
            })
            .is_some()
    }

    /// A try on `addr` failed (connect, timeout, broken connection, 5xx).
    pub fn failed(&self, addr: &SocketAddr) {
        use crate::outlier::Verdict;
        match self.outlier.failure(addr, now_ms()) {
            Verdict::Ejected(ms) => {
                crate::metrics::UPSTREAM_EJECTIONS
                    .with_label_values(&[&self.spec.name])
                    .inc();
                tracing::warn!(upstream = %self.spec.name, address = %addr, ejected_ms = ms,
                    "upstream address ejected after failures in a row");
            }
            Verdict::CapReached => {
                tracing::debug!(upstream = %self.spec.name, address = %addr,
                    "outlier: the ejected share is at its maximum, address left in");
            }
            Verdict::Counted => {}
        }
    }

    /// A try on `addr` got an answer below 500.
    pub fn succeeded(&self, addr: &SocketAddr) {
        self.outlier.success(addr);
    }

    pub fn healthy_count(&self) -> usize {
        let b = self.lb.backends();
        b.get_backend().iter().filter(|x| b.ready(x)).count()
    }

    pub fn ready(&self) -> bool {
        if !self.spec.health_enabled {
            return !self.spec.addresses.is_empty();
        }
        self.checked.load(Ordering::Acquire) && self.healthy_count() > 0
    }
}

fn configure_peer(peer: &mut HttpPeer, spec: &Upstream, cert_key: Option<&Arc<CertKey>>) {
    if let Some(t) = &spec.tls {
        peer.sni = t.server_name.clone();
        peer.options.verify_cert = true;
        peer.options.verify_hostname = true;
        peer.options.alternative_cn = None;
        peer.options.ca = Some(t.ca.clone());
        peer.client_cert_key = cert_key.cloned();
        peer.options.max_h2_streams = 1;
    }
    let to = &spec.timeouts;
    peer.options.connection_timeout = Some(to.connect);
    peer.options.total_connection_timeout = Some(to.connect * 2);
    peer.options.read_timeout = Some(to.read);
    peer.options.write_timeout = Some(to.write);
    peer.options.idle_timeout = Some(to.idle);
}

/// Whether two upstream settings are the same, key material included (`Debug` of `Upstream`
/// leaves the TLS material out).
fn same_spec(a: &Upstream, b: &Upstream) -> bool {
    let der = |certs: &[pingora::tls::x509::X509]| -> Vec<Vec<u8>> {
        certs
            .iter()
            .map(|c| c.to_der().unwrap_or_default())
            .collect()
    };
    let tls_same = match (&a.tls, &b.tls) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            der(&x.ca) == der(&y.ca)
                && der(&x.client_chain) == der(&y.client_chain)
                && x.client_key.public_eq(&y.client_key)
                && x.client_key.private_key_to_der().ok() == y.client_key.private_key_to_der().ok()
        }
        _ => false,
    };
    tls_same && format!("{a:?}") == format!("{b:?}")
}

/// All clusters, by name.
pub struct Clusters {
    pub by_name: BTreeMap<String, Arc<Cluster>>,
}

impl Clusters {
    pub fn build(cfg: &Config) -> std::io::Result<Clusters> {
        let mut by_name = BTreeMap::new();
        for (name, u) in &cfg.upstreams {
            by_name.insert(name.clone(), Arc::new(Cluster::new(u.clone())?));
        }
        Ok(Clusters { by_name })
    }

    /// The clusters of a new configuration generation: an upstream whose settings are unchanged
    /// keeps its cluster (health and outlier state, retry budget); the others are built new.
    /// Returns the names kept. Pingora's upstream connection pool is keyed by the peer
    /// (address, TLS settings, client certificate), not by cluster, so pooled connections to
    /// an unchanged address are reused either way.
    pub fn successor(&self, cfg: &Config) -> std::io::Result<(Clusters, Vec<String>)> {
        let mut by_name = BTreeMap::new();
        let mut kept = Vec::new();
        for (name, u) in &cfg.upstreams {
            let c = match self.by_name.get(name) {
                Some(old) if same_spec(&old.spec, u) => {
                    kept.push(name.clone());
                    old.clone()
                }
                _ => Arc::new(Cluster::new(u.clone())?),
            };
            by_name.insert(name.clone(), c);
        }
        Ok((Clusters { by_name }, kept))
    }

    pub fn get(&self, name: &str) -> Option<&Arc<Cluster>> {
        self.by_name.get(name)
    }

    /// Fill every cluster's address list before serving. Without it the list is empty until
    /// the health-check service's first pass, and a process that serves at once (one taking
    /// over by graceful upgrade) answered its first requests 503 `upstream-unavailable`.
    pub async fn discover(&self) {
        for c in self.by_name.values() {
            let _ = c.lb.update().await;
        }
    }

    /// Ready when every upstream has at least one healthy address.
    pub fn ready(&self) -> bool {
        self.by_name.values().all(|c| c.ready())
    }
}

/// One cluster's health-check loop.
pub async fn health_loop(c: Arc<Cluster>) {
    let _ = c.lb.update().await;
    let mut tick = tokio::time::interval(c.spec.health_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        c.lb.backends().run_health_check(true).await;
        let healthy = c.healthy_count();
        crate::metrics::UPSTREAM_HEALTHY
            .with_label_values(&[&c.spec.name])
            .set(healthy as i64);
        let was = c.checked.swap(true, Ordering::AcqRel);
        if !was {
            tracing::info!(upstream = %c.spec.name, healthy, total = c.spec.addresses.len(), "first health check done");
        }
    }
}

#[cfg(test)]
mod tests {
    use pingora::http::RequestHeader;

    /// Vendored pingora-http, patch 1: a name given to `insert_header` (looked up in the
    /// thread's table after its first use) makes the same header map and wire form as the same
    /// name appended (parsed each time, as upstream does), for more names than the table keeps,
    /// spelled in several cases, short and over its length bound; invalid names are refused.
    #[test]
    fn inserted_header_names_are_the_names_appended() {
        use pingora::http::ResponseHeader;
        let mut names: Vec<String> = (0..100)
            .map(|i| match i % 4 {
                0 => format!("x-name-{i}"),
                1 => format!("X-Name-{i}"),
                2 => format!("X-NAME-{i}-{}", "a".repeat(i % 70)),
                _ => {
                    ["Host", "content-type", "X-Request-Id", "traceparent"][(i / 4) % 4].to_string()
                }
            })
            .collect();
        names.push("x-long-".to_string() + &"b".repeat(73));
        // With the case map (`preserve_header_case: true`) and without it (the default,
        // vendored pingora-http patch 2): rounds 0 and 1 with, 2 and 3 without.
        let req = |case: bool| {
            if case {
                RequestHeader::build("GET", b"/", None).expect("request")
            } else {
                RequestHeader::build_no_case("GET", b"/", None).expect("request")
            }
        };
        let answer = |case: bool| {
            if case {
                ResponseHeader::build(200, None).expect("answer")
            } else {
                ResponseHeader::build_no_case(200, None).expect("answer")
            }
        };
        for round in 0..4 {
            let case = round < 2;
            for n in &names {
                let mut a = req(case);
                let mut b = req(case);
                assert_eq!(a.has_case(), case);
                a.insert_header(n.clone(), "v").expect("insert");
                b.append_header(n.clone(), "v").expect("append");
                let (mut wa, mut wb) = (Vec::new(), Vec::new());
                a.header_to_h1_wire(&mut wa);
                b.header_to_h1_wire(&mut wb);
                assert_eq!(wa, wb, "{n} (round {round})");
                assert_eq!(a.headers, b.headers, "{n}");
                let mut ra = answer(case);
                let mut rb = answer(case);
                ra.insert_header(n.clone(), "w").expect("insert");
                rb.append_header(n.clone(), "w").expect("append");
                assert_eq!(ra.headers, rb.headers, "{n}");
                // Inserting again replaces, as before.
                ra.insert_header(n.clone(), "z").expect("insert");
                assert_eq!(ra.headers.get_all(n.as_str()).iter().count(), 1, "{n}");
                assert_eq!(
                    ra.headers.get(n.as_str()).map(|v| v.as_bytes()),
                    Some(&b"z"[..])
                );
            }
        }
        let mut r = RequestHeader::build("GET", b"/", None).expect("request");
        for bad in ["bad name", "", "x:y", "é"] {
            assert!(r.insert_header(bad.to_string(), "v").is_err(), "{bad:?}");
            assert!(
                r.insert_header(bad.to_string(), "v").is_err(),
                "{bad:?} again"
            );
        }
    }

    /// Vendored pingora-proxy, patch 3: the hop-by-hop headers removed in one pass over the
    /// request's names are exactly the ones upstream's name-by-name removal takes, in the same
    /// order and case on the wire, for requests with none, some, all of them, repeated ones and
    /// odd casing; with the case map and without it (vendored pingora-http patch 2).
    #[test]
    fn hop_by_hop_headers_go_in_one_pass_as_upstream_removes_them() {
        use pingora_proxy::differential::{strip_hop_by_hop_patched, strip_hop_by_hop_upstream};
        let all = [
            "Keep-Alive",
            "Proxy-Connection",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Connection",
            "Upgrade",
            "HTTP2-Settings",
        ];
        let others = [
            "Host",
            "Accept",
            "X-Forwarded-For",
            "Cookie",
            "X-Te",
            "Connections",
            "Content-Length",
        ];
        let mut sets: Vec<Vec<(&str, &str)>> = vec![
            vec![],
            others.iter().map(|n| (*n, "v")).collect(),
            all.iter().map(|n| (*n, "x")).collect(),
            vec![
                ("Host", "a"),
                ("connection", "close"),
                ("Accept", "*/*"),
                ("CONNECTION", "te"),
                ("te", "trailers"),
            ],
            vec![
                ("Upgrade", "websocket"),
                ("Connection", "Upgrade"),
                ("Host", "h"),
                ("http2-settings", "AAA"),
            ],
        ];
        // Every pair of one hop-by-hop name and one other, in both orders.
        for h in all {
            for o in others {
                sets.push(vec![(h, "1"), (o, "2")]);
                sets.push(vec![(o, "2"), (h, "1"), (o, "3")]);
            }
        }
        let build = |set: &[(&str, &str)], case: bool| {
            let mut r = if case {
                RequestHeader::build("GET", b"/a", None).expect("request")
            } else {
                RequestHeader::build_no_case("GET", b"/a", None).expect("request")
            };
            for (n, v) in set {
                r.append_header(n.to_string(), *v).expect("header");
            }
            r
        };
        let wire = |r: &RequestHeader| {
            let mut b = Vec::new();
            r.header_to_h1_wire(&mut b);
            String::from_utf8_lossy(&b).into_owned()
        };
        for (set, case) in sets.iter().flat_map(|s| [(s, true), (s, false)]) {
            let (mut a, mut b) = (build(set, case), build(set, case));
            strip_hop_by_hop_patched(&mut a);
            strip_hop_by_hop_upstream(&mut b);
            assert_eq!(wire(&a), wire(&b), "{set:?}");
            assert_eq!(a.headers, b.headers, "{set:?}");
            for h in all {
                assert!(a.headers.get(h).is_none(), "{h} left in {set:?}");
            }
        }
    }
    use pingora::protocols::http::v1::client::HttpSession;
    use pingora::protocols::l4::stream::Stream;
    use pingora::upstreams::peer::BasicPeer;
    use std::net::SocketAddr;
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A real upstream on loopback that sends every answer's head in nine pieces, 100 ms
    /// apart (800 ms in all): no single read waits long.
    async fn dripping_upstream() -> SocketAddr {
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = l.accept().await {
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        match s.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                    }
                    let _ = s.write_all(b"HTTP/1.1 200 OK\r\n").await;
                    for _ in 0..8 {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        if s.write_all(b"X-Drip: a\r\n").await.is_err() {
                            return;
                        }
                    }
                    let _ = s.write_all(b"Content-Length: 0\r\n\r\n").await;
                });
            }
        });
        addr
    }

    /// One request through Pingora's HTTP/1 client session, with the peer options the
    /// gateway sets: `read_timeout` 1 s per read, and `response_header_timeout` as given.
    async fn head(addr: SocketAddr, header_timeout: Option<Duration>) -> pingora::Result<usize> {
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut peer = BasicPeer::new(&addr.to_string());
        peer.options.response_header_timeout = header_timeout;
        let mut s = HttpSession::new_with_options(Box::new(Stream::from(tcp)), &peer);
        s.read_timeout = Some(Duration::from_secs(1));
        let req = RequestHeader::build("GET", b"/", None).unwrap();
        s.write_request_header(Box::new(req)).await.unwrap();
        s.read_response().await
    }

    /// The vendored pingora-core patch 2 (vendor/pingora-core/PATCHES.md), differentially:
    /// unset, Pingora reads the dripping head whole as upstream Pingora does; set below the
    /// drip, the wait is cut although no single read reached `read_timeout`; set above it,
    /// the head is read whole.
    #[tokio::test]
    async fn the_response_header_timeout_bounds_the_whole_head_not_each_read() {
        let addr = dripping_upstream().await;
        let whole = head(addr, None).await;
        assert!(whole.is_ok(), "{whole:?}");
        let err = head(addr, Some(Duration::from_millis(400)))
            .await
            .expect_err("a head dripped over 800 ms read within a 400 ms bound");
        assert_eq!(err.etype(), &pingora::ErrorType::ReadTimedout);
        assert!(err.to_string().contains("response header timeout"), "{err}");
        let whole = head(addr, Some(Duration::from_secs(5))).await;
        assert!(whole.is_ok(), "{whole:?}");
    }

    /// The vendored pingora-core patch 4 (vendor/pingora-core/PATCHES.md), differentially
    /// against upstream's `Peer::matches_fd`: for a pooled connection to A, both say it is
    /// A's and not B's; without a socket digest the patch asks the kernel as upstream does;
    /// and the patch reads the address the digest cached (one `getpeername` per connection),
    /// not the kernel's answer on every reuse, which a digest taken from another socket shows.
    #[tokio::test]
    async fn a_pooled_connection_is_matched_to_its_peer_by_the_cached_address() {
        use pingora::connectors::stream_matches_peer;
        use pingora::protocols::{GetSocketDigest, SocketDigest};
        use pingora::upstreams::peer::Peer;
        use std::os::fd::AsRawFd;
        let a = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let b = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let (a_addr, b_addr) = (a.local_addr().unwrap(), b.local_addr().unwrap());
        let (peer_a, peer_b) = (
            BasicPeer::new(&a_addr.to_string()),
            BasicPeer::new(&b_addr.to_string()),
        );
        // No digest: the kernel's answer, as upstream.
        let tcp = tokio::net::TcpStream::connect(a_addr).await.unwrap();
        let bare: pingora::protocols::Stream = Box::new(Stream::from(tcp));
        assert!(bare.get_socket_digest().is_none());
        assert!(stream_matches_peer(&peer_a, &bare));
        assert!(!stream_matches_peer(&peer_b, &bare));

        let tcp = tokio::net::TcpStream::connect(a_addr).await.unwrap();
        let mut s = Stream::from(tcp);
        s.set_socket_digest(SocketDigest::from_raw_fd(s.as_raw_fd()));
        let s: pingora::protocols::Stream = Box::new(s);
        assert!(stream_matches_peer(&peer_a, &s));
        assert!(!stream_matches_peer(&peer_b, &s));
        assert_eq!(stream_matches_peer(&peer_a, &s), peer_a.matches_fd(s.id()));
        assert_eq!(stream_matches_peer(&peer_b, &s), peer_b.matches_fd(s.id()));

        // A digest of a connection to B on a stream connected to A: the patch answers from
        // the cache (B), upstream from the kernel (A).
        let to_b = tokio::net::TcpStream::connect(b_addr).await.unwrap();
        let tcp = tokio::net::TcpStream::connect(a_addr).await.unwrap();
        let mut s = Stream::from(tcp);
        let digest = SocketDigest::from_raw_fd(to_b.as_raw_fd());
        assert!(digest.peer_addr().is_some());
        s.set_socket_digest(digest);
        let s: pingora::protocols::Stream = Box::new(s);
        assert!(stream_matches_peer(&peer_b, &s));
        assert!(!peer_b.matches_fd(s.id()));
        assert!(peer_a.matches_fd(s.id()));
    }

    /// Loopback upstreams for the idle pool's tests (pingora-core patch 9): a peer, and the
    /// server's end of each connection the connector opens to it, in order.
    mod idle_pool {
        use pingora::connectors::TransportConnector;
        use pingora::upstreams::peer::BasicPeer;
        use std::time::Duration;
        use tokio::io::AsyncReadExt;
        use tokio::net::{TcpListener, TcpStream};
        use tokio::sync::mpsc::UnboundedReceiver;

        pub struct Upstream {
            pub peer: BasicPeer,
            accepted: UnboundedReceiver<TcpStream>,
        }

        impl Upstream {
            pub async fn start() -> Self {
                let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
                let peer = BasicPeer::new(&l.local_addr().unwrap().to_string());
                let (tx, accepted) = tokio::sync::mpsc::unbounded_channel();
                tokio::spawn(async move {
                    while let Ok((s, _)) = l.accept().await {
                        if tx.send(s).is_err() {
                            return;
                        }
                    }
                });
                Upstream { peer, accepted }
            }
            /// A connection from the pool or a new one; with a new one, the server's end.
            pub async fn get(
                &mut self,
                c: &TransportConnector,
            ) -> (pingora::protocols::Stream, Option<TcpStream>) {
                let (s, reused) = c.get_stream(&self.peer).await.unwrap();
                let server = if reused {
                    None
                } else {
                    Some(self.accepted.recv().await.unwrap())
                };
                (s, server)
            }
        }

        /// A connector (8 idle slots) holding one idle connection to a new upstream, and the
        /// server's end of that connection.
        pub async fn one_idle() -> (TransportConnector, Upstream, TcpStream) {
            use pingora::connectors::ConnectorOptions;
            use pingora::upstreams::peer::Peer;
            let c = TransportConnector::new(Some(ConnectorOptions::new(8)));
            let mut up = Upstream::start().await;
            let (a, srv) = up.get(&c).await;
            c.release_stream(a, up.peer.reuse_hash(), None);
            (c, up, srv.expect("a new connection"))
        }

        /// Whether the server's end sees the connection closed within `within`.
        pub async fn closed(s: &mut TcpStream, within: Duration) -> bool {
            let mut b = [0u8; 64];
            loop {
                match tokio::time::timeout(within, s.read(&mut b)).await {
                    Ok(Ok(0)) | Ok(Err(_)) => return true,
                    Ok(Ok(_)) => continue,
                    Err(_) => return false,
                }
            }
        }
    }

    /// pingora-core patch 9 (vendor/pingora-core/PATCHES.md): a released upstream connection
    /// is handed out again for its key, the most recently released first, and never for
    /// another peer (a reuse-key collision: it is closed instead); an empty pool connects.
    #[tokio::test]
    async fn idle_upstream_connections_are_reused_by_key_newest_first() {
        use idle_pool::{closed, Upstream};
        use pingora::connectors::{ConnectorOptions, TransportConnector};
        use pingora::upstreams::peer::Peer;
        let c = TransportConnector::new(Some(ConnectorOptions::new(8)));
        let mut up = Upstream::start().await;
        let key = up.peer.reuse_hash();
        let (a, srv_a) = up.get(&c).await;
        let (b, _srv_b) = up.get(&c).await;
        assert!(srv_a.is_some(), "the first connection is new");
        let (a_id, b_id) = (a.id(), b.id());
        c.release_stream(a, key, None);
        c.release_stream(b, key, None);
        assert_eq!(c.idle_connections(), 2);
        let (s, new) = up.get(&c).await;
        assert!(new.is_none());
        assert_eq!(s.id(), b_id, "the most recently released first");
        let (t, new) = up.get(&c).await;
        assert!(new.is_none());
        assert_eq!(t.id(), a_id);
        assert_eq!(c.idle_connections(), 0);
        let (_n, new) = up.get(&c).await;
        assert!(new.is_some(), "nothing idle: a new connection");

        let mut other = Upstream::start().await;
        c.release_stream(t, other.peer.reuse_hash(), None);
        let (_o, new) = other.get(&c).await;
        assert!(
            new.is_some(),
            "a connection to another address is not reused"
        );
        assert_eq!(c.idle_connections(), 0);
        let mut srv_a = srv_a.unwrap();
        assert!(
            closed(&mut srv_a, Duration::from_millis(500)).await,
            "and it is closed"
        );
        drop(s);
    }

    /// pingora-core patch 9: a reuse yields to the worker's other ready tasks once, as upstream's
    /// pool did while it waited for its watcher task (measured: without the yield the same pool
    /// cost more CPU a request under load). On a single-threaded runtime a spawned task runs
    /// only when the running one yields, so it has run by the time a reuse returns.
    #[tokio::test]
    async fn a_reuse_lets_the_other_ready_tasks_run_first() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;
        let (c, up, _srv) = idle_pool::one_idle().await;
        let ran = Arc::new(AtomicBool::new(false));
        let r = ran.clone();
        tokio::spawn(async move { r.store(true, Ordering::SeqCst) });
        let s = c.reused_stream(&up.peer).await;
        assert!(s.is_some(), "the idle connection is reused");
        assert!(
            ran.load(Ordering::SeqCst),
            "the ready task ran before the reuse returned"
        );
    }

    /// pingora-core patch 9: a connection the server closes while the reuse yields is checked
    /// again after the yield and not handed out (upstream checked after its wait too).
    #[tokio::test]
    async fn a_close_during_the_reuse_yield_is_seen_after_it() {
        let (c, up, srv) = idle_pool::one_idle().await;
        // Runs only when the reuse yields: after the pool's own check, before the reuse returns.
        tokio::spawn(async move { drop(srv) });
        assert!(
            c.reused_stream(&up.peer).await.is_none(),
            "the connection closed during the yield is not reused"
        );
        assert_eq!(c.idle_connections(), 0);
    }

    /// pingora-core patch 9: the sweeper keeps what is still usable, in order: a live idle
    /// connection is still there after a sweep, and reused before a newer one is.
    #[tokio::test]
    async fn a_sweep_keeps_live_idle_connections_in_their_order() {
        use idle_pool::Upstream;
        use pingora::connectors::{ConnectorOptions, TransportConnector, IDLE_SWEEP_INTERVAL};
        use pingora::upstreams::peer::Peer;
        let c = TransportConnector::new(Some(ConnectorOptions::new(8)));
        let mut up = Upstream::start().await;
        let key = up.peer.reuse_hash();
        let (a, _srv_a) = up.get(&c).await;
        let (b, _srv_b) = up.get(&c).await;
        let (a_id, b_id) = (a.id(), b.id());
        c.release_stream(a, key, None);
        c.release_stream(b, key, None);
        // Two sweeps, whatever the sweeper's phase.
        tokio::time::sleep(IDLE_SWEEP_INTERVAL * 2 + Duration::from_millis(200)).await;
        assert_eq!(c.idle_connections(), 2, "live connections survive a sweep");
        let (s, new) = up.get(&c).await;
        assert!(new.is_none());
        assert_eq!(s.id(), b_id, "still the most recently released first");
        let (t, new) = up.get(&c).await;
        assert!(new.is_none());
        assert_eq!(t.id(), a_id);
    }

    /// pingora-core patch 9: an idle connection that the server closed, that holds data the
    /// server sent unasked (counted), or whose idle timeout passed is not handed out, and it
    /// is closed.
    #[tokio::test]
    async fn an_idle_upstream_connection_closed_written_to_or_expired_is_not_reused() {
        use idle_pool::{closed, Upstream};
        use pingora::connectors::{ConnectorOptions, TransportConnector};
        use pingora::upstreams::peer::Peer;
        use tokio::io::AsyncWriteExt;
        let c = TransportConnector::new(Some(ConnectorOptions::new(8)));
        let mut up = Upstream::start().await;
        let key = up.peer.reuse_hash();
        let settle = Duration::from_millis(50);

        let (s, srv) = up.get(&c).await;
        c.release_stream(s, key, None);
        drop(srv);
        tokio::time::sleep(settle).await;
        let (s, new) = up.get(&c).await;
        assert!(
            new.is_some(),
            "a connection the server closed is not reused"
        );

        let mut srv = new.unwrap();
        let counted = c.unexpected_data_connection_count();
        c.release_stream(s, key, None);
        srv.write_all(b"HTTP/1.1 408 Request Timeout\r\n\r\n")
            .await
            .unwrap();
        tokio::time::sleep(settle).await;
        let (s, new) = up.get(&c).await;
        assert!(
            new.is_some(),
            "a connection holding unexpected data is not reused"
        );
        assert_eq!(c.unexpected_data_connection_count(), counted + 1);
        assert!(closed(&mut srv, Duration::from_millis(500)).await);

        let mut srv = new.unwrap();
        c.release_stream(s, key, Some(Duration::from_millis(100)));
        tokio::time::sleep(Duration::from_millis(150)).await;
        let (_s, new) = up.get(&c).await;
        assert!(new.is_some(), "an expired connection is not reused");
        assert!(closed(&mut srv, Duration::from_millis(500)).await);
        assert_eq!(c.idle_connections(), 0);
    }

    /// pingora-core patch 9: at capacity the connection released longest ago is closed and
    /// the pool's callback told; without any request asking, the sweeper closes within its
    /// interval what expired and drops what the server closed.
    #[tokio::test]
    async fn the_idle_pool_closes_the_oldest_at_capacity_and_sweeps_the_rest() {
        use idle_pool::{closed, Upstream};
        use pingora::connectors::{ConnectorOptions, TransportConnector};
        use pingora::upstreams::peer::Peer;
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let evicted = Arc::new(AtomicUsize::new(0));
        let seen = evicted.clone();
        let mut opts = ConnectorOptions::new(2);
        opts.keepalive_pool_callback = Some(Arc::new(move |_idle| {
            seen.fetch_add(1, Ordering::Relaxed);
        }));
        let c = TransportConnector::new(Some(opts));
        let mut up = Upstream::start().await;
        let key = up.peer.reuse_hash();
        let (a, srv_a) = up.get(&c).await;
        let (b, srv_b) = up.get(&c).await;
        let (d, srv_d) = up.get(&c).await;
        let (mut srv_a, mut srv_b, srv_d) = (srv_a.unwrap(), srv_b.unwrap(), srv_d.unwrap());
        c.release_stream(a, key, None);
        c.release_stream(b, key, Some(Duration::from_millis(200)));
        assert_eq!(evicted.load(Ordering::Relaxed), 0);
        c.release_stream(d, key, None);
        assert_eq!(evicted.load(Ordering::Relaxed), 1);
        assert_eq!(c.idle_connections(), 2);
        assert!(
            closed(&mut srv_a, Duration::from_millis(500)).await,
            "the oldest is closed"
        );

        // b expires, d's server closes it: the sweeper empties the pool on its own.
        drop(srv_d);
        let bound = pingora::connectors::IDLE_SWEEP_INTERVAL * 3;
        assert!(
            closed(&mut srv_b, bound).await,
            "the expired connection is closed"
        );
        let t0 = std::time::Instant::now();
        while c.idle_connections() > 0 && t0.elapsed() < bound {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(c.idle_connections(), 0, "the closed one is dropped");
    }

    /// The vendored pingora-core patch 5 (vendor/pingora-core/PATCHES.md): the header maps
    /// of a request and of an answer Pingora parses from the wire have room for
    /// `PROXY_HEADER_ROOM` more names, so the headers the gateway adds to the upstream
    /// request (its clone keeps the room) and to the answer do not rehash them; upstream
    /// Pingora sizes them for exactly the parsed count.
    #[tokio::test]
    async fn parsed_heads_have_room_for_the_headers_the_gateway_adds() {
        use pingora::protocols::http::v1::common::PROXY_HEADER_ROOM;
        use pingora::protocols::http::v1::server::HttpSession as ServerSession;
        let as_upstream = RequestHeader::build("GET", b"/", Some(1)).unwrap();
        assert!(as_upstream.headers.capacity() < 1 + PROXY_HEADER_ROOM);

        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (tcp, _) = l.accept().await.unwrap();
            let mut s = ServerSession::new(Box::new(Stream::from(tcp)));
            s.read_request().await.unwrap();
            let mut up = s.req_header().clone();
            let room = up.headers.capacity();
            assert!(room >= 1 + PROXY_HEADER_ROOM, "room for {room} headers");
            for i in 0..PROXY_HEADER_ROOM {
                up.insert_header(format!("x-added-{i}"), "v").unwrap();
            }
            assert_eq!(up.headers.capacity(), room, "adding them grew the map");
            let mut resp = pingora::http::ResponseHeader::build(200, None).unwrap();
            resp.insert_header("content-length", "0").unwrap();
            s.write_response_header(Box::new(resp)).await.unwrap();
            s.finish_body().await.unwrap();
        });
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let peer = BasicPeer::new(&addr.to_string());
        let mut c = HttpSession::new_with_options(Box::new(Stream::from(tcp)), &peer);
        let mut req = RequestHeader::build("GET", b"/", None).unwrap();
        req.insert_header("host", "a").unwrap();
        c.write_request_header(Box::new(req)).await.unwrap();
        c.read_response().await.unwrap();
        let room = c.resp_header().unwrap().headers.capacity();
        assert!(room >= 1 + PROXY_HEADER_ROOM, "room for {room} headers");
        server.await.unwrap();
    }

    /// The vendored pingora-core patch 6 (vendor/pingora-core/PATCHES.md): the header of an
    /// upstream request with a Content-Length body is held until its first body bytes and
    /// leaves with them in one write (nothing reaches the upstream before the body); a request
    /// without a body is written at once, as upstream Pingora writes every header.
    #[tokio::test]
    async fn a_request_header_leaves_with_its_body() {
        /// What reached the server until nothing more came for 200 ms.
        async fn arrived(tcp: &mut tokio::net::TcpStream) -> String {
            let mut buf = vec![0u8; 4096];
            let mut got = Vec::new();
            while let Ok(Ok(n)) =
                tokio::time::timeout(Duration::from_millis(200), tcp.read(&mut buf)).await
            {
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
            }
            String::from_utf8(got).unwrap()
        }
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        let peer = BasicPeer::new(&addr.to_string());

        // A client session and the server's end of its connection; a request with a length.
        let pair = || async {
            let client = tokio::net::TcpStream::connect(addr).await.unwrap();
            let (server, _) = l.accept().await.unwrap();
            let c = HttpSession::new_with_options(Box::new(Stream::from(client)), &peer);
            (c, server)
        };
        let request = |method: &str, path: &[u8], length: Option<&str>| {
            let mut r = RequestHeader::build(method, path, None).unwrap();
            r.insert_header("host", "a").unwrap();
            if let Some(n) = length {
                r.insert_header("content-length", n).unwrap();
            }
            Box::new(r)
        };

        // A GET: its header is on the wire as soon as it is written.
        let (mut c, mut server) = pair().await;
        c.write_request_header(request("GET", b"/a", None))
            .await
            .unwrap();
        assert!(arrived(&mut server)
            .await
            .starts_with("GET /a HTTP/1.1\r\n"));

        // A POST of 11 bytes: nothing until the body, then header and body together.
        let (mut c, mut server) = pair().await;
        c.write_request_header(request("POST", b"/b", Some("11")))
            .await
            .unwrap();
        assert_eq!(
            arrived(&mut server).await,
            "",
            "the header left before its body"
        );
        assert_eq!(c.write_body(b"hello ").await.unwrap(), Some(6));
        let first = arrived(&mut server).await;
        assert!(first.starts_with("POST /b HTTP/1.1\r\n"), "{first:?}");
        assert!(first.ends_with("\r\n\r\nhello "), "{first:?}");
        assert_eq!(c.write_body(b"world").await.unwrap(), Some(5));
        c.finish_body().await.unwrap();
        assert_eq!(arrived(&mut server).await, "world");

        // A first chunk over 16 KiB follows the header in a second write: all of it arrives.
        let (mut c, mut server) = pair().await;
        c.write_request_header(request("POST", b"/d", Some("20000")))
            .await
            .unwrap();
        let big = vec![b'x'; 20000];
        let (wrote, got) = tokio::join!(c.write_body(&big), arrived(&mut server));
        assert_eq!(wrote.unwrap(), Some(20000));
        assert!(got.starts_with("POST /d HTTP/1.1\r\n"), "{:?}", &got[..40]);
        assert!(got.ends_with(&format!("\r\n\r\n{}", "x".repeat(20000))));

        // A header held when the body ends without a byte written still leaves at the finish.
        let (mut c, mut server) = pair().await;
        c.write_request_header(request("POST", b"/c", Some("3")))
            .await
            .unwrap();
        let _ = c.finish_body().await;
        assert!(arrived(&mut server)
            .await
            .starts_with("POST /c HTTP/1.1\r\n"));
    }
}
