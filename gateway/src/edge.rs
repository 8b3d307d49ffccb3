//! The request edge: what the head of a request must be before any policy reads it.
//!
//! Protocol limits on the header section, a request line Pingora had to repair, ambiguous
//! framing (`Transfer-Encoding` with `Content-Length`), one `Host` (and an absolute-form
//! target naming the same one), the declared body size, one canonical path and a strict
//! query, `Expect`, and the [`RequestView`] every pillar reads: parsed here once, strictly,
//! or refused. Pure: the proxy passes in the head Pingora parsed and the raw HTTP/1 bytes.

use crate::canon;
use crate::config::Config;
use crate::problem::Deny;
use crate::view::{Ambiguity, RequestView, ViewOptions};
use pingora::http::RequestHeader;

/// Check the request head and read it once: the request view and the canonical path, or the
/// refusal. `raw_h1` is the HTTP/1 header block as received (`None` for HTTP/2); `repaired`
/// says Pingora's HTTP/1 parser had to rewrite the request line.
pub fn read_head(
    req: &RequestHeader,
    raw_h1: Option<&[u8]>,
    repaired: bool,
    cfg: &Config,
) -> Result<(RequestView, String), Deny> {
    let h2 = raw_h1.is_none();
    // Protocol limits on the header section.
    let n_headers = req.headers.len();
    let header_bytes = match raw_h1 {
        Some(raw) => raw.len(),
        None => {
            req.headers
                .iter()
                .map(|(k, v)| k.as_str().len() + v.len() + 4)
                .sum::<usize>()
                + req.raw_path().len()
        }
    };
    if n_headers > cfg.limits.max_headers || header_bytes > cfg.limits.max_header_bytes {
        return Err(Deny::HeadersTooLarge);
    }

    // A request line Pingora's HTTP/1 parser repaired (percent-encoding a raw space or
    // another byte it refused) is not the request the client sent (RFC 9112 §3.2).
    if repaired {
        return Err(Deny::Ambiguous(Ambiguity::RepairedRequestLine));
    }

    // Framing: Pingora drops Content-Length when Transfer-Encoding is present; the raw
    // header still shows both, and such a request is refused rather than reinterpreted.
    if let Some(raw) = raw_h1 {
        if req.headers.contains_key(http::header::TRANSFER_ENCODING)
            && has_header_line(raw, b"content-length")
        {
            return Err(Deny::BadFraming);
        }
    }

    // Host / absolute-form authority.
    let hosts: Vec<_> = req.headers.get_all(http::header::HOST).iter().collect();
    if hosts.len() > 1 {
        return Err(Deny::Ambiguous(Ambiguity::DuplicateHeader));
    }
    if !h2 && req.version == http::Version::HTTP_11 && hosts.is_empty() {
        return Err(Deny::BadAuthority);
    }

    // Body size declared up front.
    if let Some(cl) = req.headers.get(http::header::CONTENT_LENGTH) {
        let len = cl
            .to_str()
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .ok_or(Deny::BadFraming)?;
        if len > cfg.limits.max_body_bytes {
            return Err(Deny::BodyTooLarge);
        }
    }

    // One canonical path.
    let raw = req.raw_path();
    let (raw_path, raw_query) = match raw.iter().position(|&b| b == b'?') {
        Some(i) => (&raw[..i], Some(&raw[i + 1..])),
        None => (raw, None),
    };
    // Absolute-form (`http://host/path`) must name the same host as `Host`.
    let raw_path = match split_absolute_form(raw_path) {
        Some((authority, path)) => {
            let same = hosts
                .first()
                .is_some_and(|h| h.as_bytes().eq_ignore_ascii_case(authority));
            if h2 || !same {
                return Err(Deny::BadAuthority);
            }
            path
        }
        None => raw_path,
    };
    let path = canon::canonicalize(raw_path, &cfg.canon).map_err(Deny::BadPath)?;
    if let Some(q) = raw_query {
        canon::check_query(q).map_err(Deny::BadQuery)?;
    }
    // Every other part a policy or a service interprets, read once and strictly.
    // check_query proved the query ASCII.
    let query = raw_query.map(String::from_utf8_lossy);
    let opts = ViewOptions {
        api_key_header: cfg.auth.api_key_header(),
        underscores: cfg.headers.underscores,
        method_override: cfg.headers.method_override,
        declared_underscore: &cfg.headers.declared_underscore,
    };
    let mut view =
        RequestView::parse(&req.headers, query.as_deref(), &opts).map_err(Deny::Ambiguous)?;
    // The body is read and judged before anything is forwarded, so `Expect` has no use
    // upstream (it is never forwarded); anything but `100-continue` is refused.
    if let Some(e) = req.headers.get(http::header::EXPECT) {
        if !e.as_bytes().eq_ignore_ascii_case(b"100-continue") {
            return Err(Deny::ExpectationFailed);
        }
    }
    view.path = path.clone();
    Ok((view, path))
}

/// Split an absolute-form target into (authority, path); `None` for origin-form.
fn split_absolute_form(target: &[u8]) -> Option<(&[u8], &[u8])> {
    let lower = |n: usize| target.get(..n).map(|p| p.to_ascii_lowercase());
    let rest = if lower(7).as_deref() == Some(b"http://") {
        &target[7..]
    } else if lower(8).as_deref() == Some(b"https://") {
        &target[8..]
    } else {
        return None;
    };
    match rest.iter().position(|&b| b == b'/') {
        Some(i) => Some((&rest[..i], &rest[i..])),
        None => Some((rest, b"/")),
    }
}

/// Whether the raw HTTP/1 header block has a field named `name` (lower-case ASCII).
fn has_header_line(raw: &[u8], name: &[u8]) -> bool {
    raw.split(|&b| b == b'\n').skip(1).any(|line| {
        line.len() > name.len() && line[..name.len()].eq_ignore_ascii_case(name) && {
            let rest = &line[name.len()..];
            rest.iter().find(|b| **b != b' ' && **b != b'\t') == Some(&b':')
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_header_lines() {
        let raw = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length : 5\r\n\r\n";
        assert!(has_header_line(raw, b"content-length"));
        assert!(has_header_line(raw, b"transfer-encoding"));
        assert!(!has_header_line(
            b"POST /content-length: HTTP/1.1\r\nHost: a\r\n\r\n",
            b"content-length"
        ));
        assert!(!has_header_line(
            b"GET / HTTP/1.1\r\nX-Content-Length: 1\r\n\r\n",
            b"content-length"
        ));
    }

    #[test]
    fn absolute_form() {
        assert_eq!(split_absolute_form(b"/a"), None);
        assert_eq!(
            split_absolute_form(b"HTTP://h:1/a?b"),
            Some((&b"h:1"[..], &b"/a?b"[..]))
        );
        assert_eq!(
            split_absolute_form(b"https://h"),
            Some((&b"h"[..], &b"/"[..]))
        );
    }
}
