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
            xff: ip_string(peer),
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
        push_ip(&mut xff, *ip);
        xff.push_str(", ");
    }
    push_ip(&mut xff, peer);
    ClientAddr {
        client_ip: client,
        peer_ip: peer,
        peer_trusted,
        xff,
    }
}

/// Remove from the upstream request every header whose (lower-case) name `gone` picks, found
/// in one pass over the few headers the request carries: a lookup per name, nearly all of
/// them never sent, costs a hash probe each in Pingora's two header maps.
pub fn remove_headers_where(up: &mut pingora::http::RequestHeader, gone: impl Fn(&str) -> bool) {
    let names: Vec<http::HeaderName> = up
        .headers
        .keys()
        .filter(|k| gone(k.as_str()))
        .cloned()
        .collect();
    for h in &names {
        up.remove_header(h);
    }
}

/// One RFC 7239 `Forwarded` element for this hop.
pub fn forwarded_element(client: IpAddr, proto: &str) -> String {
    let mut s = String::with_capacity(56);
    match client {
        IpAddr::V4(_) => {
            s.push_str("for=");
            push_ip(&mut s, client);
        }
        IpAddr::V6(_) => {
            s.push_str("for=\"[");
            push_ip(&mut s, client);
            s.push_str("]\"");
        }
    }
    s.push_str(";proto=");
    s.push_str(proto);
    s
}

/// `ip` in its textual form (as `Display` writes it).
pub fn ip_string(ip: IpAddr) -> String {
    let mut s = String::with_capacity(15);
    push_ip(&mut s, ip);
    s
}

/// `addr` as `Display` writes it (`1.2.3.4:80`, `[::1]:80`), without the formatter's machinery
/// (~1,600 instructions a socket address; the audit record names the upstream's on every request).
pub fn socket_string(addr: std::net::SocketAddr) -> String {
    let mut s = String::with_capacity(24);
    if let std::net::SocketAddr::V6(v6) = addr {
        if v6.scope_id() != 0 {
            return addr.to_string();
        }
        s.push('[');
        push_ip(&mut s, addr.ip());
        s.push(']');
    } else {
        push_ip(&mut s, addr.ip());
    }
    s.push(':');
    s.push_str(itoa::Buffer::new().format(addr.port()));
    s
}

/// `ip` appended to `out` as `Display` writes it: an IPv4 address digit by digit (the
/// formatter's machinery took ~1,100 instructions an address, and every request formats its
/// client's twice), an IPv6 one by `Display`.
pub fn push_ip(out: &mut String, ip: IpAddr) {
    match ip {
        IpAddr::V4(v4) => {
            for (i, o) in v4.octets().into_iter().enumerate() {
                if i > 0 {
                    out.push('.');
                }
                if o >= 100 {
                    out.push(char::from(b'0' + o / 100));
                }
                if o >= 10 {
                    out.push(char::from(b'0' + o / 10 % 10));
                }
                out.push(char::from(b'0' + o % 10));
            }
        }
        IpAddr::V6(v6) => {
            use std::fmt::Write;
            let _ = write!(out, "{v6}");
        }
    }
}

/// A request id is kept from a trusted proxy only if it is short and plain.
pub fn valid_request_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Lowercase hex of `bytes`, written in one go (`hex::encode` pushes one `char` at a time;
/// ids are made on every request).
pub fn hex_lower(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    match hex::encode_to_slice(bytes, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// A fresh 128-bit random id, hex.
pub fn new_request_id() -> String {
    hex_lower(&rand::random::<[u8; 16]>())
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
    /// The trusted caller's `tracestate` ([`trace_state`]), passed on unchanged beside the
    /// new `traceparent` and exported with the spans. Empty for a new trace.
    pub state: String,
}

/// A random, non-zero span id.
pub fn new_span_id() -> [u8; 8] {
    nonzero_span(rand::random())
}

fn nonzero_span(span: [u8; 8]) -> [u8; 8] {
    if span == [0; 8] {
        [1; 8]
    } else {
        span
    }
}

/// The gateway's server span and upstream span ids from 16 random bytes: one draw of the
/// generator for both (each draw costs ~300 instructions of thread-local state and reseed
/// checks).
fn span_pair(r: [u8; 16]) -> ([u8; 8], [u8; 8]) {
    let (mut x, mut y) = ([0u8; 8], [0u8; 8]);
    x.copy_from_slice(&r[..8]);
    y.copy_from_slice(&r[8..]);
    (nonzero_span(x), nonzero_span(y))
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
        let spans = span_pair(rand::random());
        Some(TraceContext {
            trace_id: tid.to_string(),
            flags: flags.to_string(),
            parent_id: Some(parent),
            span_id: spans.0,
            upstream_span_id: spans.1,
            state: String::new(),
        })
    }

    /// This context with the trusted caller's `tracestate` header fields ([`trace_state`]).
    pub fn with_state<'a>(mut self, fields: impl IntoIterator<Item = &'a str>) -> TraceContext {
        self.state = trace_state(fields);
        self
    }

    /// A new trace; sampled or not as `sample` decides for its trace id (the trace
    /// exporter's ratio: `crate::otel::sample_root`).
    pub fn new_root(sample: impl FnOnce([u8; 16]) -> bool) -> TraceContext {
        // The trace id and both span ids from one draw of the generator.
        let [tid, ids]: [[u8; 16]; 2] = rand::random();
        let tid = if tid == [0; 16] { [1; 16] } else { tid };
        let spans = span_pair(ids);
        let sampled = sample(tid);
        TraceContext {
            trace_id: hex_lower(&tid),
            flags: if sampled { "01" } else { "00" }.into(),
            parent_id: None,
            span_id: spans.0,
            upstream_span_id: spans.1,
            state: String::new(),
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
        let mut span = [0u8; 16];
        let span = match hex::encode_to_slice(self.upstream_span_id, &mut span) {
            Ok(()) => std::str::from_utf8(&span).unwrap_or_default(),
            Err(_) => "",
        };
        let mut h = String::with_capacity(5 + self.trace_id.len() + span.len() + self.flags.len());
        for part in ["00-", &self.trace_id, "-", span, "-", &self.flags] {
            h.push_str(part);
        }
        h
    }
}

/// Most list members a `tracestate` carries (W3C Trace Context §3.3.1.1).
const TRACESTATE_MEMBERS: usize = 32;
/// What the gateway passes on of a `tracestate`: the W3C recommendation's floor (§3.3.1.5).
const TRACESTATE_BYTES: usize = 512;

/// The `tracestate` to pass on, from the header fields a trusted proxy sent (several fields
/// are one comma-separated list), checked against the W3C grammar: lower-case keys
/// (`vendor` or `tenant@system`), printable-ASCII values without `,` or `=`, at most 32
/// members, no key twice. A list that breaks any rule is dropped whole (§3.3.1.1: a
/// vendor that cannot parse it must not pass on its entries); empty members are left out.
/// Past 512 bytes, members longer than 128 bytes go first, then members from the end
/// (§3.3.1.5). The empty string: nothing to pass on.
pub fn trace_state<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut members: Vec<&str> = Vec::new();
    for field in fields {
        for m in field.split(',') {
            let m = m.trim_matches([' ', '\t']);
            if m.is_empty() {
                continue;
            }
            let Some((key, value)) = m.split_once('=') else {
                return String::new();
            };
            if !valid_state_key(key) || !valid_state_value(value) {
                return String::new();
            }
            if members.len() == TRACESTATE_MEMBERS
                || members
                    .iter()
                    .any(|o| o.split_once('=').is_some_and(|(k, _)| k == key))
            {
                return String::new();
            }
            members.push(m);
        }
    }
    let len = |ms: &[&str]| ms.iter().map(|m| m.len()).sum::<usize>() + ms.len().saturating_sub(1);
    while len(&members) > TRACESTATE_BYTES {
        match members.iter().rposition(|m| m.len() > 128) {
            Some(i) => members.remove(i),
            None => members.pop().unwrap_or_default(),
        };
    }
    members.join(",")
}

fn valid_state_key(key: &str) -> bool {
    let rest = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-*/".contains(&b);
    match key.split_once('@') {
        None => {
            let b = key.as_bytes();
            (1..=256).contains(&b.len()) && b[0].is_ascii_lowercase() && b.iter().all(|&c| rest(c))
        }
        Some((tenant, system)) => {
            let (t, s) = (tenant.as_bytes(), system.as_bytes());
            (1..=241).contains(&t.len())
                && (t[0].is_ascii_lowercase() || t[0].is_ascii_digit())
                && t.iter().all(|&c| rest(c))
                && (1..=14).contains(&s.len())
                && s[0].is_ascii_lowercase()
                && s.iter().all(|&c| rest(c))
        }
    }
}

fn valid_state_value(value: &str) -> bool {
    let b = value.as_bytes();
    (1..=256).contains(&b.len())
        && b.iter()
            .all(|&c| (0x20..=0x7e).contains(&c) && c != b',' && c != b'=')
        && b[b.len() - 1] != b' '
}

#[cfg(test)]
mod tests {
    #[test]
    fn socket_addresses_are_written_as_display_writes_them() {
        for a in [
            "0.0.0.0:0",
            "127.0.0.1:8080",
            "10.20.255.9:65535",
            "1.100.99.200:443",
            "[::1]:80",
            "[2001:db8::17]:8443",
            "[::ffff:192.0.2.1]:9",
            "[fe80::1%7]:22",
        ] {
            let addr: std::net::SocketAddr = a.parse().unwrap();
            assert_eq!(super::socket_string(addr), addr.to_string(), "{a}");
        }
    }

    #[test]
    fn addresses_are_written_as_display_writes_them() {
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut v4: Vec<std::net::Ipv4Addr> =
            [0u8, 1, 9, 10, 11, 99, 100, 101, 199, 200, 249, 250, 255]
                .iter()
                .flat_map(|&a| [0u8, 7, 10, 100, 255].map(|b| std::net::Ipv4Addr::new(a, b, b, a)))
                .collect();
        v4.extend((0..2000).map(|_| std::net::Ipv4Addr::from(next() as u32)));
        for ip in v4 {
            let ip = IpAddr::V4(ip);
            assert_eq!(super::ip_string(ip), ip.to_string());
            assert_eq!(
                super::forwarded_element(ip, "https"),
                format!("for={ip};proto=https")
            );
        }
        for _ in 0..500 {
            let v6 = std::net::Ipv6Addr::from(((next() as u128) << 64) | next() as u128);
            let ip = IpAddr::V6(v6);
            assert_eq!(super::ip_string(ip), ip.to_string());
            assert_eq!(
                super::forwarded_element(ip, "http"),
                format!("for=\"[{v6}]\";proto=http")
            );
        }
        let ip: IpAddr = "::ffff:192.0.2.1".parse().expect("v6");
        assert_eq!(super::ip_string(ip), ip.to_string());
    }

    use super::*;

    /// W3C Trace Context `traceparent`, each rule on its own (what a trusted proxy may hand
    /// on): version `ff` is invalid, version `00` has exactly four fields while a later version
    /// may have more, ids are lower-case hex of their exact length and never all zero.
    #[test]
    fn traceparent_rules_one_by_one() {
        let tid = "4bf92f3577b34da6a3ce929d0e0e4736";
        let pid = "00f067aa0ba902b7";
        let ok = |v: &str| TraceContext::parse(v).is_some();
        assert!(ok(&format!("00-{tid}-{pid}-01")));
        assert!(!ok(&format!("ff-{tid}-{pid}-01")), "version ff");
        assert!(
            !ok(&format!("00-{tid}-{pid}-01-extra")),
            "v00 with a fifth field"
        );
        assert!(
            ok(&format!("01-{tid}-{pid}-01-extra")),
            "a later version may add fields"
        );
        assert!(
            !ok(&format!("00-{}-{pid}-01", "0".repeat(32))),
            "all-zero trace id"
        );
        assert!(
            !ok(&format!("00-{tid}-{}-01", "0".repeat(16))),
            "all-zero parent id"
        );
        assert!(
            !ok(&format!("00-{}-{pid}-01", tid.to_uppercase())),
            "upper-case hex"
        );
        assert!(!ok(&format!("00-{}-{pid}-01", &tid[1..])), "short trace id");
        assert!(
            !ok(&format!("00-{tid}-{}-01", &pid[1..])),
            "short parent id"
        );
        assert!(!ok(&format!("00-{tid}-{pid}-1")), "one-digit flags");
        assert!(!ok(&format!("0-{tid}-{pid}-01")), "one-digit version");
        let t = TraceContext::parse(&format!("00-{tid}-{pid}-01")).expect("valid");
        assert_eq!(t.trace_id, tid);
        assert_eq!(hex::encode(t.trace_id_bytes()), tid);
        assert_eq!(t.parent_id.map(hex::encode).as_deref(), Some(pid));
        // The sampled flag is bit 0 of the flags, whatever the other bits say.
        for (flags, sampled) in [
            ("00", false),
            ("01", true),
            ("02", false),
            ("03", true),
            ("ff", true),
        ] {
            let t = TraceContext::parse(&format!("00-{tid}-{pid}-{flags}")).expect("valid");
            assert_eq!(t.sampled(), sampled, "{flags}");
        }
    }

    /// A new root trace: a random non-zero trace id per request, sampled as the sampler says.
    #[test]
    fn new_roots_are_random_and_follow_the_sampler() {
        let ids: std::collections::HashSet<String> = (0..100)
            .map(|_| TraceContext::new_root(|_| true).trace_id)
            .collect();
        assert_eq!(ids.len(), 100);
        assert!(!ids.contains(&"0".repeat(32)));
        assert!(TraceContext::new_root(|_| true).sampled());
        assert!(!TraceContext::new_root(|_| false).sampled());
        let t = TraceContext::new_root(|_| true);
        assert_eq!(hex::encode(t.trace_id_bytes()), t.trace_id);
    }

    /// The 512-byte limit and the 128-byte "long member" rule at their bounds: exactly 512
    /// bytes pass whole; a 128-byte member is not long, so past 512 the last member goes first.
    #[test]
    fn tracestate_limits_at_their_bounds() {
        let member = |k: &str, total: usize| format!("{k}={}", "v".repeat(total - k.len() - 1));
        // 128 + 3 × 127 bytes and three commas: exactly 512.
        let m128 = member("a", 128);
        let list: Vec<String> = vec![
            m128.clone(),
            member("b", 127),
            member("c", 127),
            member("d", 127),
        ];
        let joined = list.join(",");
        assert_eq!(joined.len(), 512);
        assert_eq!(
            trace_state([joined.as_str()]),
            joined,
            "exactly 512 bytes pass whole"
        );
        // One more short member: past 512, and no member is over 128 bytes, so the last goes.
        let longer = format!("{joined},e=1");
        assert_eq!(trace_state([longer.as_str()]), joined);
        // A 129-byte member is long: it goes first, wherever it is.
        let m129 = member("z", 129);
        let with_long = format!("{m129},{}", list[1..].join(","));
        assert_eq!(with_long.len(), 513);
        assert_eq!(trace_state([with_long.as_str()]), list[1..].join(","));
    }

    /// Span ids are random and never all-zero (W3C: an all-zero parent id is invalid, so an
    /// upstream would drop the trace): a constant id would merge every request's spans.
    #[test]
    fn span_ids_are_random_and_never_zero() {
        let ids: std::collections::HashSet<[u8; 8]> = (0..200).map(|_| new_span_id()).collect();
        assert_eq!(ids.len(), 200);
        assert!(!ids.contains(&[0; 8]));
        let t = TraceContext::new_root(|_| true);
        assert_ne!(t.span_id, t.upstream_span_id);
        // The ids drawn together (a root's trace id and two span ids; a continued trace's two
        // span ids) are all different, within and across contexts, and never zero.
        let mut seen = std::collections::HashSet::new();
        for _ in 0..100 {
            let r = TraceContext::new_root(|_| true);
            let c = TraceContext::parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .unwrap();
            for id in [r.span_id, r.upstream_span_id, c.span_id, c.upstream_span_id] {
                assert_ne!(id, [0; 8]);
                assert!(seen.insert(id.to_vec()));
            }
            assert!(seen.insert(r.trace_id.into_bytes()));
        }
    }

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
        let id = new_request_id();
        assert_eq!(id.len(), 32);
        assert!(
            id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
            "{id}"
        );
        assert_ne!(id, new_request_id(), "each request its own id");
        assert_eq!(hex_lower(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(hex_lower(&[]), "");
    }

    #[test]
    fn traceparent() {
        let t =
            TraceContext::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").unwrap();
        assert_eq!(t.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
        let child = t.child_header();
        assert!(child.starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
        assert!(!child.contains("00f067aa0ba902b7"));
        // The upstream span (the parent the upstream sees), in hex, and the caller's flags.
        assert_eq!(
            child,
            format!(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-{}-01",
                hex::encode(t.upstream_span_id)
            )
        );
        assert_eq!(
            TraceContext::parse(&child).map(|c| c.trace_id),
            Some(t.trace_id.clone())
        );
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

    #[test]
    fn tracestate_is_passed_on_only_when_every_member_is_valid() {
        // Several fields are one list; blank members and the space around commas go.
        assert_eq!(
            trace_state(["congo=t61rcWkgMzE, rojo=00f067aa0ba902b7", " ,ab@sys-1=x y"]),
            "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7,ab@sys-1=x y"
        );
        assert_eq!(trace_state(["0tenant@vendor=v"]), "0tenant@vendor=v");
        // Space after a value is list whitespace, not part of it.
        assert_eq!(trace_state(["congo=a b ,rojo=1"]), "congo=a b,rojo=1");
        assert_eq!(trace_state(Vec::<&str>::new()), "");
        // One bad member drops the whole list.
        for bad in [
            "Congo=1",             // upper-case key
            "congo",               // no `=`
            "congo=",              // empty value
            "congo=a,b",           // `b` has no value
            "congo=a=b",           // `=` in a value
            "congo=a\tb",          // a tab inside a value
            "congo=\u{7f}",        // not printable
            "congo=caf\u{e9}",     // not ASCII
            "0congo=1",            // a simple key starts with a letter
            "t@0sys=1",            // a system id starts with a letter
            "t@systemidtoolong=1", // system id over 14
            "a@b@c=1",
            "congo=1,congo=2", // a key twice
        ] {
            assert_eq!(trace_state([bad, "rojo=1"]), "", "{bad:?}");
        }
        let many: Vec<String> = (0..33).map(|i| format!("k{i}=v")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            trace_state(many[..32].iter().copied()).split(',').count(),
            32
        );
        assert_eq!(trace_state(many.iter().copied()), "", "33 members");
        assert_eq!(trace_state([&*format!("k={}", "v".repeat(256))]).len(), 258);
        assert_eq!(trace_state([&*format!("k={}", "v".repeat(257))]), "");
    }

    #[test]
    fn a_long_tracestate_loses_its_long_members_first_then_its_tail() {
        let long = format!("big={}", "x".repeat(200));
        let small: Vec<String> = (0..20).map(|i| format!("k{i:02}=0123456789")).collect();
        let mut fields: Vec<&str> = vec![&long];
        fields.extend(small.iter().map(String::as_str));
        // 204 + 20 * 14 + 20 commas = 504: fits, nothing dropped.
        assert_eq!(trace_state(fields.iter().copied()).len(), 504);
        let more: Vec<String> = (20..31).map(|i| format!("k{i:02}=0123456789")).collect();
        fields.extend(more.iter().map(String::as_str));
        let out = trace_state(fields.iter().copied());
        // The 204-byte member goes first; the 31 short ones fit (31 * 14 + 30 = 464).
        assert!(!out.contains("big="), "{out}");
        assert_eq!(out.split(',').count(), 31);
        let over: Vec<String> = (0..32)
            .map(|i| format!("k{i:02}={}", "y".repeat(20)))
            .collect();
        let out = trace_state(over.iter().map(String::as_str));
        assert!(out.len() <= TRACESTATE_BYTES, "{}", out.len());
        assert!(out.starts_with("k00=") && !out.contains("k31="), "{out}");
    }
}
