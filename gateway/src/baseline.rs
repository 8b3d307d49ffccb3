//! A bare Pingora reverse proxy (no policy at all), for benchmarks only: it shows how much of
//! the gateway's cost is Pingora's own and how much is the gateway's policies.

use async_trait::async_trait;
use pingora::prelude::*;
use std::net::SocketAddr;

pub struct Bare {
    pub upstream: SocketAddr,
}

#[async_trait]
impl ProxyHttp for Bare {
    type CTX = ();
    fn new_ctx(&self) {}
    async fn upstream_peer(&self, _s: &mut Session, _c: &mut ()) -> Result<Box<HttpPeer>> {
        Ok(Box::new(HttpPeer::new(self.upstream, false, String::new())))
    }
}

/// Run a bare proxy on `listen` forwarding to `upstream` with `threads` workers (never returns).
pub fn run(listen: SocketAddr, upstream: SocketAddr, threads: usize) -> ! {
    let mut conf = pingora::server::configuration::ServerConf::default();
    conf.threads = threads;
    conf.grace_period_seconds = Some(0);
    conf.graceful_shutdown_timeout_seconds = Some(1);
    conf.upgrade_sock = format!("/tmp/gateway-baseline-{}.sock", listen.port());
    let mut server = pingora::server::Server::new_with_opt_and_conf(None, conf);
    server.bootstrap();
    let mut svc = pingora::proxy::http_proxy_service(&server.configuration, Bare { upstream });
    svc.add_tcp(&listen.to_string());
    server.add_service(svc);
    server.run_forever()
}
