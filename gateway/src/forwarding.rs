//! Who the client is, and what the upstream is told about it.
//!
//! A client-sent `X-Forwarded-For` chain is believed only when the direct peer is a
//! configured trusted proxy; then the chain is walked right to left, skipping trusted hops,
//! and the first untrusted address is the client. Anyone else's chain is discarded, so a
//! forged header can neither dodge per-IP limits nor spoof the address upstreams see.

use ipnet::IpNet;
use std::net::IpAddr;

/// The client address and the `X-Forwarded-For` value to send upstream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr {
    pub client_ip: IpAddr,
    pub peer_ip: IpAddr,
    pub peer_trusted: bool,
    /// Chain to forward: the believed prefix (if any) plus the peer.
    pub xff: String,
}

fn trusted(nets: &[IpNet], ip: IpAddr) -> bool {
    nets.iter().any(|n| n.contains(&ip))
}

fn parse_hop(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    // Accept `1.2.3.4`, `::1`, `[::1]` and `[::1]:443` / `1.2.3.4:80` forms.
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(sa) = s.parse::<std::net::SocketAddr>() {
        return Some(sa.ip());
    }
    s.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|r| r.parse().ok())
}

/// Resolve the client address. `xff_values` are all `X-Forwarded-For` header values in order.
pub fn resolve(peer: IpAddr, xff_values: &[&str], trusted_nets: &[IpNet]) -> ClientAddr {
    let peer_trusted = trusted(trusted_nets, peer);
    if !peer_trusted || xff_values.is_empty() {
        return ClientAddr {
            client_ip: peer,
            peer_ip: peer,
            peer_trusted,
            xff: peer.to_string(),
        };
    }
    let hops: Vec<&str> = xff_values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let mut parsed = Vec::with_capacity(hops.len());
    for h in &hops {
        match parse_hop(h) {
            Some(ip) => parsed.push(ip),
            // A garbled hop ends what can be believed: keep only what is right of it.
            None => parsed.clear(),
        }
    }
    let mut client = peer;
    let mut keep_from = parsed.len();
    for (i, ip) in parsed.iter().enumerate().rev() {
        client = *ip;
        keep_from = i;
        if !trusted(trusted_nets, *ip) {
            break;
        }
    }
    let mut xff = String::new();
    for ip in &parsed[keep_from..] {
        xff.push_str(&ip.to_string());
        xff.push_str(", ");
    }
    xff.push_str(&peer.to_string());
    ClientAddr {
        client_ip: client,
        peer_ip: peer,
        peer_trusted,
        xff,
    }
}

/// One RFC 7239 `Forwarded` element for this hop.
pub fn forwarded_element(client: IpAddr, proto: &str) -> String {
    match client {
        IpAddr::V4(v4) => format!("for={v4};proto={proto}"),
        IpAddr::V6(v6) => format!("for=\"[{v6}]\";proto={proto}"),
    }
}

/// A request id is kept from a trusted proxy only if it is short and plain.
pub fn valid_request_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A fresh 128-bit random id, hex.
pub fn new_request_id() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// W3C trace context: `00-<trace-id>-<parent-id>-<flags>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceContext {
    pub trace_id: String,
    pub flags: String,
    /// The caller's span (from a trusted proxy's `traceparent`): the parent of the gateway's
    /// server span.
    pub parent_id: Option<[u8; 8]>,
    /// The gateway's server span for this request.
    pub span_id: [u8; 8],
    /// The span of the upstream call: the parent id the upstream sees in `traceparent`, and
    /// the id of the exported `upstream` span (see [`crate::otel`]).
    pub upstream_span_id: [u8; 8],
}

/// A random, non-zero span id.
pub fn new_span_id() -> [u8; 8] {
    let span: [u8; 8] = rand::random();
    if span == [0; 8] {
        [1; 8]
    } else {
        span
    }
}

impl TraceContext {
    /// Parse an incoming `traceparent`; invalid ones are ignored (a new trace starts).
    pub fn parse(v: &str) -> Option<TraceContext> {
        let parts: Vec<&str> = v.trim().split('-').collect();
        if parts.len() < 4 {
            return None;
        }
        let (ver, tid, pid, flags) = (parts[0], parts[1], parts[2], parts[3]);
        let lower_hex = |s: &str, n: usize| {
            s.len() == n
                && s.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        if !lower_hex(ver, 2) || ver == "ff" || (ver == "00" && parts.len() != 4) {
            return None;
        }
        if !lower_hex(tid, 32)
            || tid.bytes().all(|b| b == b'0')
            || !lower_hex(pid, 16)
            || pid.bytes().all(|b| b == b'0')
            || !lower_hex(flags, 2)
        {
            return None;
        }
        let mut parent = [0u8; 8];
        hex::decode_to_slice(pid, &mut parent).ok()?;
        Some(TraceContext {
            trace_id: tid.to_string(),
            flags: flags.to_string(),
            parent_id: Some(parent),
            span_id: new_span_id(),
            upstream_span_id: new_span_id(),
        })
    }

    /// A new trace; sampled or not as `sample` decides for its trace id (the trace
    /// exporter's ratio: `crate::otel::sample_root`).
    pub fn new_root(sample: impl FnOnce([u8; 16]) -> bool) -> TraceContext {
        let tid: [u8; 16] = rand::random();
        let tid = if tid == [0; 16] { [1; 16] } else { tid };
        let sampled = sample(tid);
        TraceContext {
            trace_id: hex::encode(tid),
            flags: if sampled { "01" } else { "00" }.into(),
            parent_id: None,
            span_id: new_span_id(),
            upstream_span_id: new_span_id(),
        }
    }

    /// The sampled flag (W3C trace-flags bit 0).
    pub fn sampled(&self) -> bool {
        u8::from_str_radix(&self.flags, 16).is_ok_and(|f| f & 1 == 1)
    }

    pub fn trace_id_bytes(&self) -> [u8; 16] {
        let mut b = [0u8; 16];
        let _ = hex::decode_to_slice(&self.trace_id, &mut b);
        b
    }

    /// The `traceparent` to send upstream: the gateway's `upstream` span as parent (the same
    /// id on every try of this request).
    pub fn child_header(&self) -> String {
        format!(
            "00-{}-{}-{}",
            self.trace_id,
            hex::encode(self.upstream_span_id),
            self.flags
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(s: &[&str]) -> Vec<IpNet> {
        s.iter().map(|x| x.parse().unwrap()).collect()
    }

    #[test]
    fn untrusted_peer_chain_is_ignored() {
        let r = resolve(
            "203.0.113.9".parse().unwrap(),
            &["1.2.3.4"],
            &nets(&["10.0.0.0/8"]),
        );
        assert_eq!(r.client_ip.to_string(), "203.0.113.9");
        assert_eq!(r.xff, "203.0.113.9");
    }

    #[test]
    fn trusted_peer_chain_is_walked_right_to_left() {
        let t = nets(&["10.0.0.0/8"]);
        // client spoofs 6.6.6.6, real client 198.51.100.7, then an inner trusted hop 10.0.0.2
        let r = resolve(
            "10.0.0.1".parse().unwrap(),
            &["6.6.6.6, 198.51.100.7", "10.0.0.2"],
            &t,
        );
        assert_eq!(r.client_ip.to_string(), "198.51.100.7");
        assert_eq!(r.xff, "198.51.100.7, 10.0.0.2, 10.0.0.1");
    }

    #[test]
    fn garbage_hop_cuts_chain() {
        let t = nets(&["10.0.0.0/8"]);
        let r = resolve(
            "10.0.0.1".parse().unwrap(),
            &["6.6.6.6, nonsense, 10.0.0.3"],
            &t,
        );
        // Everything is trusted right of the garbage: the leftmost believable hop is used.
        assert_eq!(r.client_ip.to_string(), "10.0.0.3");
    }

    #[test]
    fn all_trusted_chain_and_ipv6() {
        let t = nets(&["10.0.0.0/8", "::1/128"]);
        let r = resolve("::1".parse().unwrap(), &["[2001:db8::1]:1234"], &t);
        assert_eq!(r.client_ip.to_string(), "2001:db8::1");
        assert_eq!(
            forwarded_element(r.client_ip, "https"),
            "for=\"[2001:db8::1]\";proto=https"
        );
    }

    #[test]
    fn request_id_rules() {
        assert!(valid_request_id("abc-123_x.y"));
        assert!(!valid_request_id("a b"));
        assert!(!valid_request_id(""));
        assert!(!valid_request_id(&"a".repeat(129)));
        assert_eq!(new_request_id().len(), 32);
    }

    #[test]
    fn traceparent() {
        let t =
            TraceContext::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").unwrap();
        assert_eq!(t.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
        let child = t.child_header();
        assert!(child.starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assert!(!child.contains("00f067aa0ba902b7"));
        assert!(
            TraceContext::parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .is_none()
        );
        assert!(
            TraceContext::parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")
                .is_none()
        );
        assert!(TraceContext::parse("garbage").is_none());
    }
}
