//! Pingora's own log lines, made safe for the process log.
//!
//! Pingora logs through the `log` crate. Its error lines ("Fail to proxy", "Fail to filter
//! request", invalid headers, bad chunks) carry the request target with its query string and,
//! for a header it could not parse, the raw header bytes: a bearer token, a session cookie or
//! a card number in a query would reach the process log. Instead of `tracing-log`'s bridge,
//! [`PingoraLog`] forwards every `log` record to `tracing` after [`redact`]: query strings and
//! raw buffers are cut, credentials after an auth scheme are replaced. The gateway's own
//! request summary (see `ProxyHttp::request_summary` in `proxy.rs`) names only the method,
//! the canonical path and the request id, so the common lines carry nothing to cut.

use std::borrow::Cow;

/// Cut what may carry a secret from one Pingora log message.
pub fn redact(msg: &str) -> Cow<'_, str> {
    let lower = msg.to_ascii_lowercase();
    let needs = msg.contains('?')
        || lower.contains("buf:")
        || lower.contains("chars([")
        || lower.contains("bearer")
        || lower.contains("basic ")
        || lower.contains("cookie")
        || lower.contains("authorization");
    if !needs {
        return Cow::Borrowed(msg);
    }
    let mut out = String::with_capacity(msg.len());
    let b = msg.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest_lower = &lower.as_bytes()[i..];
        // A raw buffer (`buf: ...`) runs to the end of the message: drop all of it.
        if rest_lower.starts_with(b"buf:") {
            out.push_str("buf: <redacted>");
            return Cow::Owned(out);
        }
        // Raw bytes printed as a `Debug` char list, `Chars(['{', '"', 'p', …])` (pingora-core's
        // debug line for an invalid chunk prints the rest of the body this way): cut the list.
        if rest_lower.starts_with(b"chars([") {
            out.push_str("Chars(<redacted>)");
            i += rest_lower
                .windows(2)
                .position(|w| w == b"])")
                .map_or(rest_lower.len(), |p| p + 2);
            continue;
        }
        // Header-ish material: everything after the name up to the end of the line.
        for name in [&b"authorization"[..], b"cookie", b"bearer ", b"basic "] {
            if rest_lower.starts_with(name) {
                out.push_str(&msg[i..i + name.len()]);
                out.push_str(" <redacted>");
                i += name.len();
                while i < b.len() && !matches!(b[i], b'\n' | b',') {
                    i += 1;
                }
                break;
            }
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'?' {
            out.push_str("?<redacted>");
            i += 1;
            while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b',' | b'"' | b'\'') {
                i += 1;
            }
            continue;
        }
        let ch = msg[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    Cow::Owned(out)
}

/// A `log::Log` that hands Pingora's records to `tracing`, redacted.
pub struct PingoraLog;

impl log::Log for PingoraLog {
    fn enabled(&self, _m: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        let text = record.args().to_string();
        let msg = redact(&text);
        let module = record.target();
        match record.level() {
            log::Level::Error => tracing::error!(target: "pingora", module, "{msg}"),
            log::Level::Warn => tracing::warn!(target: "pingora", module, "{msg}"),
            log::Level::Info => tracing::info!(target: "pingora", module, "{msg}"),
            log::Level::Debug => tracing::debug!(target: "pingora", module, "{msg}"),
            log::Level::Trace => tracing::trace!(target: "pingora", module, "{msg}"),
        }
    }

    fn flush(&self) {}
}

/// Install [`PingoraLog`] as the `log` backend, passing records up to `max`.
pub fn install(max: log::LevelFilter) {
    if log::set_boxed_logger(Box::new(PingoraLog)).is_ok() {
        log::set_max_level(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_queries_buffers_and_credentials() {
        let line = "Fail to proxy: Downstream InvalidHTTPHeader context: buf: GET /a?access_token=eyJ.x.y HTTP/1.1\\r\\nAuthorization: Bearer abc\\r\\n";
        let r = redact(line);
        assert!(!r.contains("eyJ"), "{r}");
        assert!(!r.contains("abc"), "{r}");
        let r = redact("Fail to proxy: Upstream ConnectRefused, GET /orders?card=4111111111111111&pw=hunter2, Host: x");
        assert!(!r.contains("4111"), "{r}");
        assert!(!r.contains("hunter2"), "{r}");
        assert!(r.contains("GET /orders?<redacted>, Host: x"), "{r}");
        let r = redact("bad header Cookie: session=s3cr3t, more");
        assert!(!r.contains("s3cr3t"), "{r}");
        // pingora-core's debug line for an invalid chunk: the body as a char list.
        let r = redact("Invalid chunked encoding: InvalidChunkSize, EscapeDefault { inner: FlatMap { inner: FlattenCompat { iter: Fuse { iter: Some(Map { iter: Chars(['z', 'z', '\\r', '\\n', 'p', 'w', '=', 'h', 'u', 'n', ']', ')']) }) } } }");
        assert!(!r.contains("'p', 'w'"), "{r}");
        assert!(r.contains("iter: Chars(<redacted>) })"), "{r}");
        assert_eq!(redact("plain line"), "plain line");
        assert_eq!(redact("é?x é"), "é?<redacted> é");
    }
}
