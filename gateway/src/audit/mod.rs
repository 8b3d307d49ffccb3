//! Audit: one tamper-evident, masked record per transaction.
//!
//! `proxy.rs` builds a [`Record`] in `logging()` (which Pingora calls exactly once per request,
//! refused or not, with the final status and any error) and hands it to [`submit`], which
//! never blocks: a bounded queue, `try_send`, and a counted drop when full. A dedicated writer
//! thread (outside Pingora's runtimes, so shutdown cannot cancel it mid-write) then
//!   1. masks and serialises the record — [`Masker::serialize`] is the only way a record
//!      becomes bytes ([`Record`] has no `Serialize`);
//!   2. chains it ([`chain::Chain`]: per-instance sequence number, previous record's hash,
//!      periodic Ed25519-signed checkpoints);
//!   3. writes it to the local sinks (rotating JSON-lines file, stdout) and hands it to the
//!      remote sinks (syslog RFC 5424 over TCP/TLS, HTTP batch), each of which forwards in
//!      order from a memory queue that spills to a disk buffer while the sink is down.
//!
//! `gateway audit verify FILE…` ([`chain::verify`]) checks a chain offline.

pub mod chain;
pub mod mask;
pub mod metrics;
pub mod pipeline;
pub mod settings;
pub mod sink;

pub use mask::{Detector, Masker};
pub use pipeline::{submit, AuditService};
pub use settings::AuditSettings;

use serde_json::{Map, Value};
use std::net::IpAddr;
use std::time::SystemTime;

/// Longest user agent kept.
pub const USER_AGENT_MAX: usize = 256;
/// Longest raw (non-canonical) path kept.
const RAW_PATH_MAX: usize = 512;

/// Decision details the policy pillars fill in on the request context; audit and metrics read
/// them. Values are bounded names from configuration (a limit name, a tier, a rule id), never
/// client input.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// The rate limit that matched (name from `policies/`).
    pub limit: Option<String>,
    /// The SLA tier that applied.
    pub tier: Option<String>,
    /// The validation rule that failed (schema keyword, injection class, …).
    pub rule: Option<String>,
}

/// One transaction. Deliberately not `Serialize`: see [`Masker::serialize`]; and its `Debug`
/// shows only what needs no masking (an unmasked record must not reach a log that way).
#[derive(Clone, Default)]
pub struct Record {
    pub time: Option<SystemTime>,
    pub request_id: String,
    pub trace_id: Option<String>,
    pub client_ip: Option<IpAddr>,
    /// The TCP peer, recorded only when it differs from the client (a trusted proxy).
    pub peer_ip: Option<IpAddr>,
    pub auth_method: Option<&'static str>,
    pub client_id: Option<String>,
    pub subject: Option<String>,
    pub tenant: Option<String>,
    pub api_key_id: Option<String>,
    pub method: String,
    /// Route template, when one matched.
    pub route: Option<String>,
    /// Canonical path, when the target was canonicalised.
    pub path: Option<String>,
    /// The raw target's path, only when there is no canonical path (refused early).
    pub raw_path: Option<String>,
    /// Raw query string; masked on serialisation.
    pub query: Option<String>,
    pub status: u16,
    pub decision: &'static str,
    pub reason: Option<&'static str>,
    pub notes: Notes,
    pub upstream: Option<String>,
    pub upstream_addr: Option<String>,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub duration_us: u64,
    pub upstream_us: Option<u64>,
    pub tls_version: Option<String>,
    pub tls_cipher: Option<String>,
    /// SHA-256 fingerprint of the client certificate the connection presented (never the
    /// certificate or its chain).
    pub client_cert_sha256: Option<String>,
    pub user_agent: Option<String>,
    /// Extra request headers configured for logging; masked on serialisation.
    pub headers: Vec<(String, String)>,
    /// Pingora's error class when the exchange failed (a fixed name, not a message).
    pub error: Option<String>,
    /// The detectors of the configuration generation the request ran on (`audit.detectors`,
    /// reloaded live); `None`: the ones the audit pipeline started with.
    pub masker: Option<mask::Masker>,
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("request_id", &self.request_id)
            .field("method", &self.method)
            .field("route", &self.route)
            .field("status", &self.status)
            .field("decision", &self.decision)
            .field("reason", &self.reason)
            .finish_non_exhaustive()
    }
}

/// A record after masking: the only input the chain accepts. It holds the record's JSON object
/// members, written once (`"k":v,"k2":v2`, no braces): the chain appends its own fields and
/// hashes the bytes as written.
pub struct Masked(pub(crate) String);

/// A JSON object written member by member straight into a buffer (no intermediate map: the
/// writer thread spends its time masking, not hashing and re-allocating keys).
#[derive(Default)]
pub(crate) struct Members(Vec<u8>);

impl Members {
    pub(crate) fn with_capacity(n: usize) -> Members {
        Members(Vec::with_capacity(n))
    }
    /// A member name: the gateway's own literals, none needing an escape (checked in tests).
    fn key(&mut self, k: &str) {
        debug_assert!(!needs_escape(k.as_bytes()), "{k}");
        self.0.reserve(k.len() + 4);
        if !self.0.is_empty() {
            self.0.push(b',');
        }
        self.0.push(b'"');
        self.0.extend_from_slice(k.as_bytes());
        self.0.extend_from_slice(b"\":");
    }
    fn string(&mut self, v: &str) {
        // serde_json's escaping, so any JSON reader reads back exactly `v`. It escapes only
        // control bytes, `"` and the backslash; a string with none of them (nearly every
        // field: ids, routes, paths, addresses) is copied whole. The test compares both ways.
        if needs_escape(v.as_bytes()) {
            let _ = serde_json::to_writer(&mut self.0, v);
        } else {
            self.0.reserve(v.len() + 2);
            self.0.push(b'"');
            self.0.extend_from_slice(v.as_bytes());
            self.0.push(b'"');
        }
    }
    pub(crate) fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        self.string(v);
    }
    pub(crate) fn opt(&mut self, k: &str, v: Option<&str>) {
        if let Some(v) = v {
            self.str(k, v);
        }
    }
    pub(crate) fn num(&mut self, k: &str, v: u64) {
        self.key(k);
        self.0
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }
    pub(crate) fn value(&mut self, k: &str, v: &Value) {
        self.key(k);
        let _ = serde_json::to_writer(&mut self.0, v);
    }
    pub(crate) fn finish(self) -> String {
        // Only whole UTF-8 strings and ASCII were written.
        String::from_utf8(self.0).unwrap_or_default()
    }
}

/// Whether JSON needs any byte of `b` escaped: a control byte, `"` or a backslash. Eight bytes
/// at a time (the zero-byte test of "Bit Twiddling Hacks" on each of the three conditions;
/// a false positive can only sit above a true one, so the answer is exact); the last few bytes
/// are padded with `A`.
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let hit = |w: u64| {
        let below_space = w.wrapping_sub(ONES * 0x20) & !w;
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        (below_space
            | (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash))
            & HIGH
            != 0
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        if hit(u64::from_le_bytes(w)) {
            return true;
        }
    }
    let rest = chunks.remainder();
    let mut w = [b'A'; 8];
    w[..rest.len()].copy_from_slice(rest);
    hit(u64::from_le_bytes(w))
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

impl Masker {
    /// Mask every free-text field and produce the record's JSON object. Identifiers that the
    /// gateway itself produced or verified (request id, route template, tenant, …) are kept;
    /// everything a client could have typed goes through the detectors.
    pub fn serialize(&self, r: &Record) -> Masked {
        let mut m = Members(Vec::with_capacity(512));
        let ts = r.time.unwrap_or_else(SystemTime::now);
        m.str("ts", &humantime::format_rfc3339_millis(ts).to_string());
        m.str("request_id", &r.request_id);
        m.opt("trace_id", r.trace_id.as_deref());
        m.opt(
            "client_ip",
            r.client_ip.map(crate::forwarding::ip_string).as_deref(),
        );
        m.opt(
            "peer_ip",
            r.peer_ip.map(crate::forwarding::ip_string).as_deref(),
        );
        m.opt("auth_method", r.auth_method);
        m.opt(
            "client_id",
            r.client_id.as_deref().map(|s| self.text(s)).as_deref(),
        );
        m.opt(
            "subject",
            r.subject.as_deref().map(|s| self.text(s)).as_deref(),
        );
        m.opt("tenant", r.tenant.as_deref());
        m.opt("api_key_id", r.api_key_id.as_deref());
        m.opt("client_cert_sha256", r.client_cert_sha256.as_deref());
        m.str("method", &truncate(&r.method, 32));
        m.opt("route", r.route.as_deref());
        m.opt("path", r.path.as_deref().map(|s| self.text(s)).as_deref());
        m.opt(
            "raw_path",
            r.raw_path
                .as_deref()
                .map(|s| self.text(&truncate(s, RAW_PATH_MAX)).into_owned())
                .as_deref(),
        );
        m.opt(
            "query",
            r.query.as_deref().map(|q| self.query(q)).as_deref(),
        );
        m.num("status", r.status.into());
        m.str("decision", r.decision);
        m.opt("reason", r.reason);
        m.opt("limit", r.notes.limit.as_deref());
        m.opt("tier", r.notes.tier.as_deref());
        m.opt("rule", r.notes.rule.as_deref());
        m.opt("upstream", r.upstream.as_deref());
        m.opt("upstream_addr", r.upstream_addr.as_deref());
        m.num("bytes_in", r.bytes_in);
        m.num("bytes_out", r.bytes_out);
        m.num("duration_us", r.duration_us);
        if let Some(u) = r.upstream_us {
            m.num("upstream_us", u);
        }
        m.opt("tls_version", r.tls_version.as_deref());
        m.opt("tls_cipher", r.tls_cipher.as_deref());
        m.opt(
            "user_agent",
            r.user_agent
                .as_deref()
                .map(|s| self.text(&truncate(s, USER_AGENT_MAX)).into_owned())
                .as_deref(),
        );
        if !r.headers.is_empty() {
            let h: Map<String, Value> = r
                .headers
                .iter()
                .map(|(k, v)| (k.clone(), self.header(k, &truncate(v, 1024)).into()))
                .collect();
            m.value("headers", &Value::Object(h));
        }
        m.opt("error", r.error.as_deref());
        Masked(m.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copied-whole path writes what serde_json writes, for every character of the ASCII
    /// range and some beyond, alone and inside longer strings (whole eight-byte words and the
    /// padded tail).
    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut chars: Vec<char> = (0u8..=0x7f).map(char::from).collect();
        chars.extend([
            '\u{80}', '\u{a0}', 'é', '\u{2028}', '\u{2029}', '€', '\u{fffd}', '😀',
        ]);
        let mut cases = Vec::new();
        for &c in &chars {
            cases.push(c.to_string());
            for n in [1usize, 15, 16, 31, 33, 64, 100] {
                cases.push(format!("{}{c}", "a".repeat(n)));
                cases.push(format!("{c}{}", "a".repeat(n)));
                cases.push(format!("{}{c}{}", "é".repeat(n / 2), "b".repeat(n)));
            }
        }
        cases.push(String::new());
        for v in &cases {
            let mut m = Members::default();
            m.string(v);
            let ours = String::from_utf8(m.0).unwrap();
            assert_eq!(ours, serde_json::to_string(v).unwrap(), "{v:?}");
            assert_eq!(serde_json::from_str::<String>(&ours).unwrap(), *v);
        }
    }

    #[test]
    fn serialised_record_is_masked() {
        let r = Record {
            request_id: "r1".into(),
            method: "GET".into(),
            path: Some("/orders/4111111111111111".into()),
            query: Some("card=4111111111111111&token=abc&limit=5".into()),
            user_agent: Some("curl/8 jane@example.com".into()),
            headers: vec![
                ("authorization".into(), "Bearer abcdefgh".into()),
                ("x-note".into(), "ssn 123-45-6789".into()),
            ],
            decision: "allowed",
            status: 200,
            ..Default::default()
        };
        let m = Masker::default().serialize(&r);
        let s = format!("{{{}}}", m.0);
        let v: Value = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(
            v["query"], "card=************1111&token=[REDACTED]&limit=5",
            "{s}"
        );
        assert_eq!(v["status"], 200);
        assert!(!s.contains("4111111111111111"), "{s}");
        assert!(!s.contains("abcdefgh"), "{s}");
        assert!(!s.contains("jane@"), "{s}");
        assert!(!s.contains("123-45-6789"), "{s}");
        assert!(s.contains("************1111"), "{s}");
        assert!(s.contains("limit=5"), "{s}");
        assert!(s.contains(r#""ts":""#), "{s}");
    }

    #[test]
    fn truncates_on_char_boundary() {
        assert_eq!(truncate("ééé", 3), "é…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
