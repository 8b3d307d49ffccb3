//! One reading of every request: the parts a policy or a service can interpret (query pairs,
//! cookies, credentials, media type and its parameters, the header list) are parsed here,
//! strictly and once, into a [`RequestView`] that routing, auth, rate limiting, validation,
//! audit and forwarding all read. No pillar parses the raw request again.
//!
//! Ambiguity is refused, not resolved. Two parsers that disagree on a request (which of two
//! `Authorization` headers wins, which `boundary` a multipart body has, which charset a body is
//! in, whether `x_user_id` is `X-User-Id`) let the gateway judge one request and the service
//! read another; each such case is a 400 with its own problem type ([`Ambiguity`]):
//!
//! - a second `Authorization`, API-key, `Content-Type`, `Content-Length` or `Host` header;
//! - a `Content-Type` that is not exactly `type/subtype *(; name=value)` (RFC 9110 §8.3.1), that
//!   repeats a parameter, or whose quoted value holds `;`, `"` or `\` (naive splitters cut there);
//! - a charset other than UTF-8 on a body the gateway parses (JSON, forms, multipart, XML):
//!   a service honouring `charset=utf-7` decodes `+ADw-script+AD4-` into `<script>`;
//! - a header value that is not UTF-8, or credential and cookie values outside visible ASCII;
//! - a nameless cookie whose value holds `=` (`Cookie: =session=evil`): browsers send a
//!   nameless cookie as its bare value, so one parser reads a nameless cookie and another a
//!   cookie `session` (Chromium's Cookie Store refuses to set such a cookie for that reason);
//! - header names with `_` (CGI/WSGI servers map `x_user_id` onto `HTTP_X_USER_ID`, the same
//!   variable as `X-User-Id`): refused, or dropped by configuration, like Envoy's
//!   `headers_with_underscores_action`;
//! - method-override headers (`X-HTTP-Method-Override`, `X-HTTP-Method`, `X-Method-Override`):
//!   the route was authorised for the request's own method; refused, or stripped by config.

use serde::Deserialize;

/// What the gateway does with a header name containing `_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum UnderscoreAction {
    /// 400 `underscore-header` (default).
    #[default]
    Reject,
    /// Remove the header before any policy reads it; it never reaches a service.
    Drop,
}

/// What the gateway does with a method-override header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OverrideAction {
    /// 400 `method-override` (default).
    #[default]
    Reject,
    /// Remove the header before any policy reads it; it never reaches a service.
    Strip,
}

/// Headers that ask a framework to treat the request as another method.
pub const METHOD_OVERRIDE: [&str; 3] = [
    "x-http-method-override",
    "x-http-method",
    "x-method-override",
];

/// A request two parsers could read differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// Two `Authorization` or API-key headers, or a credential cookie / query parameter twice.
    DuplicateCredential,
    /// Two `Content-Type`, `Content-Length` or `Host` headers.
    DuplicateHeader,
    /// A `Content-Type` outside the strict grammar, or with a repeated parameter.
    MalformedMediaType,
    /// A parsed body labelled with a charset other than UTF-8.
    UnsupportedCharset,
    /// A header value that is not UTF-8, or a credential / cookie outside visible ASCII.
    UndecodableHeader,
    /// A nameless cookie whose value holds `=`: `=session=evil` is a nameless cookie to one
    /// parser and cookie `session` to another.
    AmbiguousCookie,
    /// A request line Pingora's HTTP/1 parser had to repair (a raw space in the target).
    RepairedRequestLine,
    /// A header name with `_` (`headers.underscores: reject`).
    UnderscoreHeader,
    /// A method-override header (`headers.method_override: reject`).
    MethodOverride,
}

impl Ambiguity {
    pub fn slug(self) -> &'static str {
        match self {
            Ambiguity::DuplicateCredential => "duplicate-credential",
            Ambiguity::DuplicateHeader => "duplicate-header",
            Ambiguity::MalformedMediaType => "malformed-media-type",
            Ambiguity::UnsupportedCharset => "unsupported-charset",
            Ambiguity::UndecodableHeader => "undecodable-header",
            Ambiguity::AmbiguousCookie => "ambiguous-cookie",
            Ambiguity::RepairedRequestLine => "invalid-request-line",
            Ambiguity::UnderscoreHeader => "underscore-header",
            Ambiguity::MethodOverride => "method-override",
        }
    }

    /// A fixed sentence for the problem body.
    pub fn detail(self) -> &'static str {
        match self {
            Ambiguity::DuplicateCredential => "The request carries more than one credential.",
            Ambiguity::DuplicateHeader => "A header that must appear once appears more than once.",
            Ambiguity::MalformedMediaType => "The Content-Type header is malformed or ambiguous.",
            Ambiguity::UnsupportedCharset => "Only UTF-8 request bodies are accepted.",
            Ambiguity::UndecodableHeader => "A header value carries bytes that cannot be decoded.",
            Ambiguity::AmbiguousCookie => "A cookie without a name carries a name=value pair.",
            Ambiguity::RepairedRequestLine => "The request line is not valid HTTP.",
            Ambiguity::UnderscoreHeader => "Header names with underscores are not accepted.",
            Ambiguity::MethodOverride => "Method-override headers are not accepted.",
        }
    }
}

/// Whether two header names are one to a CGI/WSGI server (`_` and `-` alike).
fn cgi_same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .all(|(x, y)| x == y || (matches!(x, b'_' | b'-') && matches!(y, b'_' | b'-')))
}

/// How the view reads a request (from the configuration).
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions<'a> {
    /// Lower-case name of the API-key header.
    pub api_key_header: &'a str,
    pub underscores: UnderscoreAction,
    pub method_override: OverrideAction,
    /// Header names with `_` a loaded spec declares (a header parameter, an `apiKey` scheme's
    /// header; lower-case, sorted): accepted as the one spelling of their name. Petstore's
    /// `api_key` is one.
    pub declared_underscore: &'a [String],
}

/// One query parameter: the raw `name=value` segment as sent, and its decoded name and value.
/// `Debug` shows the name only: a value may be a credential (`access_token`).
#[derive(Clone, PartialEq, Eq)]
pub struct QueryPair {
    pub raw: String,
    pub name: String,
    pub value: String,
}

/// A media type parsed by RFC 9110 §8.3.1, names lower-cased, parameters unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaType {
    /// `type/subtype`, lower case.
    pub essence: String,
    /// `(name, value)`: names lower case, values unquoted; `charset` lower-cased.
    pub params: Vec<(String, String)>,
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_tchar)
}

impl MediaType {
    /// Parse strictly; `None` for anything outside the grammar, a repeated parameter, or a
    /// quoted value holding `;`, `"` or `\`.
    pub fn parse(s: &str) -> Option<MediaType> {
        let ows = |s: &str| s.trim_matches(|c| c == ' ' || c == '\t').to_string();
        let (essence, mut rest) = match s.find(';') {
            Some(i) => (&s[..i], &s[i..]),
            None => (s, ""),
        };
        let essence = ows(essence);
        let (t, sub) = essence.split_once('/')?;
        if !is_token(t) || !is_token(sub) {
            return None;
        }
        let mut params: Vec<(String, String)> = Vec::new();
        while !rest.is_empty() {
            // rest starts with ';'
            rest = rest[1..].trim_start_matches([' ', '\t']);
            let eq = rest.find('=')?;
            let name = rest[..eq].to_ascii_lowercase();
            if !is_token(&name) {
                return None;
            }
            rest = &rest[eq + 1..];
            let value;
            if let Some(q) = rest.strip_prefix('"') {
                let end = q.find('"')?;
                value = q[..end].to_string();
                if value.contains([';', '\\']) || !value.bytes().all(|b| (0x20..0x7f).contains(&b))
                {
                    return None;
                }
                rest = &q[end + 1..];
            } else {
                let end = rest.find([';', ' ', '\t']).unwrap_or(rest.len());
                value = rest[..end].to_string();
                if !is_token(&value) {
                    return None;
                }
                rest = &rest[end..];
            }
            rest = rest.trim_start_matches([' ', '\t']);
            if !rest.is_empty() && !rest.starts_with(';') {
                return None;
            }
            if params.iter().any(|(n, _)| *n == name) {
                return None;
            }
            let value = if name == "charset" {
                value.to_ascii_lowercase()
            } else {
                value
            };
            params.push((name, value));
        }
        Some(MediaType {
            essence: essence.to_ascii_lowercase(),
            params,
        })
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The one `Content-Type` forwarded: the form that was judged, re-serialised.
    pub fn to_header(&self) -> String {
        let mut s = self.essence.clone();
        for (n, v) in &self.params {
            s.push_str("; ");
            s.push_str(n);
            s.push('=');
            if is_token(v) {
                s.push_str(v);
            } else {
                s.push('"');
                s.push_str(v);
                s.push('"');
            }
        }
        s
    }
}

/// The request as every policy and the forwarder read it. `Debug` shows no value that could
/// be a credential (query values, cookie values, `Authorization`, the API key).
#[derive(Clone, Default)]
pub struct RequestView {
    /// The canonical path (set once routing has it).
    pub path: String,
    /// The raw query (checked by [`crate::canon::check_query`]), without `?`; `None` if empty.
    pub raw_query: Option<String>,
    /// Query pairs, decoded once.
    pub query: Vec<QueryPair>,
    /// Cookies from every `Cookie` header, in order.
    pub cookies: Vec<(String, String)>,
    pub authorization: Option<String>,
    pub api_key: Option<String>,
    pub content_type: Option<MediaType>,
    /// Header names removed before anything reads them (`drop` / `strip` actions).
    pub dropped: Vec<String>,
}

impl std::fmt::Debug for QueryPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueryPair")
            .field("name", &self.name)
            .field("value_bytes", &self.value.len())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for RequestView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cookies: Vec<&str> = self.cookies.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("RequestView")
            .field("path", &self.path)
            .field("query", &self.query)
            .field("cookies", &cookies)
            .field("authorization", &self.authorization.as_ref().map(|_| "***"))
            .field("api_key", &self.api_key.as_ref().map(|_| "***"))
            .field("content_type", &self.content_type)
            .field("dropped", &self.dropped)
            .finish_non_exhaustive()
    }
}

/// Whether every byte is a tab or visible ASCII (or a space). Folded without an early exit so
/// that the compiler checks many bytes at a time: credentials (an RS256 token is ~800 bytes)
/// are checked on every request.
fn visible_ascii(b: &[u8]) -> bool {
    b.iter().fold(true, |ok, &c| {
        ok & ((c == b'\t') | (0x20..0x7f).contains(&c))
    })
}

/// The text of bytes [`visible_ascii`] accepted (ASCII, so UTF-8 as they are).
fn ascii_text(b: &[u8]) -> String {
    std::str::from_utf8(b)
        .map(str::to_owned)
        .unwrap_or_default()
}

/// Whether this media type's body is parsed by the gateway (so its charset matters).
fn parsed_kind(essence: &str) -> bool {
    media_kind(essence) != BodyKind::Other
}

impl RequestView {
    /// Read the header section and the raw query once. `Err` for an ambiguous request.
    pub fn parse(
        headers: &http::HeaderMap,
        raw_query: Option<&str>,
        opts: &ViewOptions<'_>,
    ) -> Result<RequestView, Ambiguity> {
        let mut v = RequestView {
            raw_query: raw_query.filter(|q| !q.is_empty()).map(String::from),
            ..Default::default()
        };
        for name in headers.keys() {
            let n = name.as_str();
            // A declared name is read when it is the only spelling of that name in the request
            // (`api_key` beside `api-key` is ambiguous: CGI reads both as `HTTP_API_KEY`).
            let declared = n.contains('_')
                && opts
                    .declared_underscore
                    .binary_search_by(|d| d.as_str().cmp(n))
                    .is_ok()
                && headers.keys().filter(|k| cgi_same(k.as_str(), n)).count() == 1;
            if n.contains('_') && !declared {
                match opts.underscores {
                    UnderscoreAction::Reject => return Err(Ambiguity::UnderscoreHeader),
                    UnderscoreAction::Drop => v.dropped.push(n.to_string()),
                }
                continue;
            }
            if METHOD_OVERRIDE.contains(&n) {
                match opts.method_override {
                    OverrideAction::Reject => return Err(Ambiguity::MethodOverride),
                    OverrideAction::Strip => v.dropped.push(n.to_string()),
                }
                continue;
            }
            for value in headers.get_all(name) {
                if std::str::from_utf8(value.as_bytes()).is_err() {
                    return Err(Ambiguity::UndecodableHeader);
                }
            }
        }
        let single =
            |name: &str, dup: Ambiguity| -> Result<Option<&http::HeaderValue>, Ambiguity> {
                let mut all = headers.get_all(name).iter();
                let first = all.next();
                if all.next().is_some() {
                    return Err(dup);
                }
                Ok(first)
            };
        for n in ["host", "content-length"] {
            single(n, Ambiguity::DuplicateHeader)?;
        }
        let credential = |name: &str| -> Result<Option<String>, Ambiguity> {
            match single(name, Ambiguity::DuplicateCredential)? {
                Some(h) if !visible_ascii(h.as_bytes()) => Err(Ambiguity::UndecodableHeader),
                Some(h) => Ok(Some(ascii_text(h.as_bytes()))),
                None => Ok(None),
            }
        };
        v.authorization = credential("authorization")?;
        v.api_key = credential(opts.api_key_header)?;
        if let Some(ct) = single("content-type", Ambiguity::DuplicateHeader)? {
            let s = std::str::from_utf8(ct.as_bytes()).map_err(|_| Ambiguity::UndecodableHeader)?;
            let mt = MediaType::parse(s).ok_or(Ambiguity::MalformedMediaType)?;
            if parsed_kind(&mt.essence) && mt.param("charset").is_some_and(|c| c != "utf-8") {
                return Err(Ambiguity::UnsupportedCharset);
            }
            v.content_type = Some(mt);
        }
        for c in headers.get_all("cookie") {
            if !visible_ascii(c.as_bytes()) {
                return Err(Ambiguity::UndecodableHeader);
            }
            let c = ascii_text(c.as_bytes());
            for item in c.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                let (k, val) = item.split_once('=').unwrap_or(("", item));
                let (k, val) = (k.trim(), val.trim());
                // No browser sends it (a nameless cookie goes out as its bare value), and a
                // service may read `=session=evil` as cookie `session`, which the gateway
                // neither judged nor stripped.
                if k.is_empty() && val.contains('=') {
                    return Err(Ambiguity::AmbiguousCookie);
                }
                // `=` alone: no name, no value. Browsers ignore such a cookie (RFC 6265bis
                // §5.6), and it could not be forwarded as judged (it would come back as nothing).
                if k.is_empty() && val.is_empty() {
                    continue;
                }
                v.cookies.push((k.to_string(), val.to_string()));
            }
        }
        if let Some(q) = &v.raw_query {
            for seg in q.split('&').filter(|s| !s.is_empty()) {
                if let Some((name, value)) = form_urlencoded::parse(seg.as_bytes()).next() {
                    v.query.push(QueryPair {
                        raw: seg.to_string(),
                        name: name.into_owned(),
                        value: value.into_owned(),
                    });
                }
            }
        }
        Ok(v)
    }

    /// The single value of query parameter `name`; `Err` if it appears more than once.
    pub fn query_credential(&self, name: &str) -> Result<Option<&str>, Ambiguity> {
        let mut it = self.query.iter().filter(|p| p.name == name);
        let first = it.next().map(|p| p.value.as_str());
        if it.next().is_some() {
            return Err(Ambiguity::DuplicateCredential);
        }
        Ok(first)
    }

    /// The single value of cookie `name`; `Err` if it appears more than once.
    pub fn cookie_credential(&self, name: &str) -> Result<Option<&str>, Ambiguity> {
        let mut it = self.cookies.iter().filter(|(k, _)| k == name);
        let first = it.next().map(|(_, v)| v.as_str());
        if it.next().is_some() {
            return Err(Ambiguity::DuplicateCredential);
        }
        Ok(first)
    }

    /// The query to forward: the raw segments as sent, minus parameter `hide` (matched by its
    /// decoded name, as auth read it). `None` when nothing is left.
    pub fn forwarded_query(&self, hide: Option<&str>) -> Option<String> {
        match hide {
            None => self.raw_query.clone(),
            Some(h) => {
                let kept: Vec<&str> = self
                    .query
                    .iter()
                    .filter(|p| p.name != h)
                    .map(|p| p.raw.as_str())
                    .collect();
                (!kept.is_empty()).then(|| kept.join("&"))
            }
        }
    }

    /// The `Cookie` header to forward, minus cookie `hide`. `None` when nothing is left.
    pub fn forwarded_cookie(&self, hide: &str) -> Option<String> {
        let kept: Vec<String> = self
            .cookies
            .iter()
            .filter(|(k, _)| k != hide)
            .map(|(k, v)| match (k.is_empty(), v.contains('=')) {
                // A nameless cookie (`c`, as browsers send one) goes back as it came.
                (true, false) => v.clone(),
                // `=session=x` was judged as a nameless cookie whose value is `session=x`:
                // without its leading `=` it would reach the service as cookie `session`,
                // past the removal of the token cookie.
                (true, true) => format!("={v}"),
                (false, _) => format!("{k}={v}"),
            })
            .collect();
        (!kept.is_empty()).then(|| kept.join("; "))
    }

    /// The query pairs as validation reads them (decoded name, decoded value).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded check accepts exactly what the per-byte one does (every single byte, and
    /// strings with one bad byte anywhere in a long credential), and the accepted text is the
    /// bytes as they are.
    #[test]
    fn visible_ascii_is_the_per_byte_rule() {
        let rule = |b: &[u8]| b.iter().all(|&c| c == b'\t' || (0x20..0x7f).contains(&c));
        for c in 0..=255u8 {
            assert_eq!(visible_ascii(&[c]), rule(&[c]), "byte {c:#x}");
        }
        let token: Vec<u8> = (0..900u32).map(|i| b'!' + (i % 94) as u8).collect();
        assert!(visible_ascii(&token));
        assert_eq!(ascii_text(&token).as_bytes(), &token[..]);
        for bad in [0x00u8, 0x0a, 0x0d, 0x1f, 0x7f, 0x80, 0xc3, 0xff] {
            for at in [0, 1, 31, 32, 63, 450, 899] {
                let mut t = token.clone();
                t[at] = bad;
                assert!(!visible_ascii(&t), "{bad:#x} at {at}");
            }
        }
        assert!(visible_ascii(b""));
        assert!(visible_ascii(b"a\tb c"));
    }

    /// No `Debug` of a request's parts prints a value that could be a credential: the view,
    /// the credentials handed to auth, and the unmasked audit record.
    #[test]
    fn debug_output_carries_no_credential() {
        let secrets = ["tok-q-5e1f", "sess-c-77aa", "Bearer hdr-9b2c", "key-h-41d0"];
        let mut h = http::HeaderMap::new();
        h.insert("cookie", "sid=sess-c-77aa".parse().unwrap());
        h.insert("authorization", "Bearer hdr-9b2c".parse().unwrap());
        h.insert("x-api-key", "key-h-41d0".parse().unwrap());
        let opts = ViewOptions {
            api_key_header: "x-api-key",
            underscores: UnderscoreAction::default(),
            method_override: OverrideAction::default(),
            declared_underscore: &[],
        };
        let view = RequestView::parse(&h, Some("access_token=tok-q-5e1f"), &opts).unwrap();
        let creds = crate::auth::Credentials {
            authorization: view.authorization.as_deref(),
            api_key: view.api_key.as_deref(),
            query: &view.query,
            cookies: &view.cookies,
            client_cert: None,
        };
        let record = crate::audit::Record {
            query: Some("access_token=tok-q-5e1f".into()),
            headers: vec![("authorization".into(), "Bearer hdr-9b2c".into())],
            ..Default::default()
        };
        let printed = format!("{view:?} {creds:?} {record:?} {:?}", view.query);
        for s in secrets {
            let bare = s.trim_start_matches("Bearer ");
            assert!(!printed.contains(bare), "{bare} in {printed}");
        }
        assert!(
            printed.contains("access_token") && printed.contains("sid"),
            "{printed}"
        );
    }

    fn opts() -> ViewOptions<'static> {
        ViewOptions {
            api_key_header: "x-api-key",
            underscores: UnderscoreAction::Reject,
            method_override: OverrideAction::Reject,
            declared_underscore: &[],
        }
    }

    fn headers(list: &[(&str, &[u8])]) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        for (k, v) in list {
            h.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_bytes(v).unwrap(),
            );
        }
        h
    }

    fn parse(list: &[(&str, &[u8])]) -> Result<RequestView, Ambiguity> {
        RequestView::parse(&headers(list), None, &opts())
    }

    #[test]
    fn media_types() {
        let m = MediaType::parse("Multipart/Form-Data; Boundary=\"abc\"").unwrap();
        assert_eq!(m.essence, "multipart/form-data");
        assert_eq!(m.param("boundary"), Some("abc"));
        assert_eq!(m.to_header(), "multipart/form-data; boundary=abc");
        let m = MediaType::parse("application/json;charset=UTF-8").unwrap();
        assert_eq!(m.to_header(), "application/json; charset=utf-8");
        assert_eq!(
            MediaType::parse("text/plain; x=\"a b\"")
                .unwrap()
                .to_header(),
            "text/plain; x=\"a b\""
        );
        for bad in [
            "multipart/form-data; boundary=AAA; boundary=BBB",
            "multipart/form-data; boundary=\"AAA;x=1\"",
            "multipart/form-data; BOUNDARY=a; boundary=a",
            "application/json; charset",
            "application/json;;charset=utf-8",
            "application/json; charset=utf-8 x",
            "application/json; charset=\"utf-8",
            "application/json; charset=\"a\\\"b\"",
            "application json",
            "application/",
            "/json",
            "application/json; a=b,c",
            "application/jsön",
            "",
        ] {
            assert_eq!(MediaType::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn duplicates_are_refused() {
        for (h, want) in [
            ("authorization", Ambiguity::DuplicateCredential),
            ("x-api-key", Ambiguity::DuplicateCredential),
            ("content-type", Ambiguity::DuplicateHeader),
            ("content-length", Ambiguity::DuplicateHeader),
            ("host", Ambiguity::DuplicateHeader),
        ] {
            let v: &[u8] = if h == "content-length" {
                b"1"
            } else if h == "content-type" {
                b"application/json"
            } else {
                b"x"
            };
            assert_eq!(parse(&[(h, v), (h, v)]).err(), Some(want), "{h}");
            assert!(parse(&[(h, v)]).is_ok(), "{h}");
        }
    }

    #[test]
    fn charsets() {
        for ok in [
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=UTF-8",
            "text/csv; charset=latin1",
        ] {
            assert!(parse(&[("content-type", ok.as_bytes())]).is_ok(), "{ok}");
        }
        for bad in [
            "application/json; charset=utf-7",
            "application/json; charset=utf-16",
            "application/x-www-form-urlencoded; charset=iso-8859-1",
            "application/problem+json; charset=utf-16le",
        ] {
            assert_eq!(
                parse(&[("content-type", bad.as_bytes())]).err(),
                Some(Ambiguity::UnsupportedCharset),
                "{bad}"
            );
        }
    }

    #[test]
    fn undecodable_bytes() {
        assert_eq!(
            parse(&[("cookie", b"a=1; b=\xc3\xa9")]).err(),
            Some(Ambiguity::UndecodableHeader)
        );
        assert_eq!(
            parse(&[("authorization", b"Bearer \xc3\xa9")]).err(),
            Some(Ambiguity::UndecodableHeader)
        );
        assert_eq!(
            parse(&[("x-note", b"\xff")]).err(),
            Some(Ambiguity::UndecodableHeader)
        );
        // UTF-8 in an ordinary header is read (and screened).
        assert!(parse(&[("x-note", "café".as_bytes())]).is_ok());
    }

    #[test]
    fn underscores_and_overrides() {
        assert_eq!(
            parse(&[("x_user_id", b"1")]).err(),
            Some(Ambiguity::UnderscoreHeader)
        );
        for h in METHOD_OVERRIDE {
            assert_eq!(
                parse(&[(h, b"DELETE")]).err(),
                Some(Ambiguity::MethodOverride)
            );
        }
        let o = ViewOptions {
            underscores: UnderscoreAction::Drop,
            method_override: OverrideAction::Strip,
            ..opts()
        };
        let v = RequestView::parse(
            &headers(&[("x_user_id", b"1"), ("x-http-method", b"DELETE")]),
            None,
            &o,
        )
        .unwrap();
        assert_eq!(v.dropped, ["x_user_id", "x-http-method"]);
        // A name a spec declares (Petstore's `api_key`) is read, unless another spelling of
        // it is in the same request; undeclared ones are still refused.
        let declared = vec!["api_key".to_string()];
        let o = ViewOptions {
            declared_underscore: &declared,
            ..opts()
        };
        let p = |list: &[(&str, &[u8])]| RequestView::parse(&headers(list), None, &o);
        assert!(p(&[("api_key", b"k1")]).is_ok());
        for other in ["api-key", "x_user_id"] {
            assert_eq!(
                p(&[("api_key", b"k1"), (other, b"k2")]).err(),
                Some(Ambiguity::UnderscoreHeader),
                "{other}"
            );
        }
    }

    #[test]
    fn query_and_cookies() {
        let v = RequestView::parse(
            &headers(&[("cookie", b"a=1; session=tok"), ("cookie", b"b=2")]),
            Some("x=1&access%5Ftoken=t&y=%20"),
            &opts(),
        )
        .unwrap();
        assert_eq!(v.query_credential("access_token"), Ok(Some("t")));
        assert_eq!(
            v.forwarded_query(Some("access_token")).as_deref(),
            Some("x=1&y=%20")
        );
        assert_eq!(
            v.forwarded_query(None).as_deref(),
            Some("x=1&access%5Ftoken=t&y=%20")
        );
        assert_eq!(v.cookie_credential("session"), Ok(Some("tok")));
        assert_eq!(v.forwarded_cookie("session").as_deref(), Some("a=1; b=2"));
        let v = RequestView::parse(&headers(&[]), Some("t=1&t=2"), &opts()).unwrap();
        assert_eq!(v.query_credential("t"), Err(Ambiguity::DuplicateCredential));
    }

    /// Found by the `request_view` fuzz target: a nameless cookie whose value holds `=` was
    /// forwarded without its leading `=`, so `=session=evil` reached the service as cookie
    /// `session` although the gateway read no such cookie (and strips the token cookie).
    /// It is refused now; a nameless cookie without `=` (`c`) is read and forwarded as sent.
    #[test]
    fn nameless_cookie_holding_a_pair_is_refused() {
        for c in [
            &b"a=1; =session=evil; c"[..],
            b"=session=evil",
            b" = session=evil",
            b"a=1;=b=",
        ] {
            assert_eq!(
                parse(&[("cookie", c)]).err(),
                Some(Ambiguity::AmbiguousCookie),
                "{}",
                String::from_utf8_lossy(c)
            );
        }
        let v = RequestView::parse(&headers(&[("cookie", b"a=1; c; =x")]), None, &opts()).unwrap();
        assert_eq!(v.cookie_credential("session"), Ok(None));
        let fwd = v.forwarded_cookie("a").unwrap();
        assert_eq!(fwd, "c; x");
    }

    /// Found by the `request_view` fuzz target (cookie read-back property): `Cookie: a=1; =`
    /// was read as cookies `a` and a nameless empty one, and forwarded without `a` as `""`,
    /// which reads back as no cookie at all. A pair with neither name nor value is ignored,
    /// as browsers do.
    #[test]
    fn empty_cookie_pair_is_ignored() {
        let v = RequestView::parse(
            &headers(&[("cookie", b"a=1; ="), ("cookie", b" = ")]),
            None,
            &opts(),
        )
        .unwrap();
        assert_eq!(v.cookies, [("a".to_string(), "1".to_string())]);
        assert_eq!(v.forwarded_cookie("a"), None);
    }
}

/// The body kinds the gateway reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Form,
    Multipart,
    Xml,
    Other,
}

/// Classify a media type (`type/subtype`, lower case).
pub fn media_kind(range: &str) -> BodyKind {
    let r = range.split(';').next().unwrap_or("").trim();
    if r == "application/json" || r.ends_with("+json") {
        BodyKind::Json
    } else if r == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if r == "multipart/form-data" {
        BodyKind::Multipart
    } else if r == "application/xml" || r == "text/xml" || r.ends_with("+xml") {
        BodyKind::Xml
    } else {
        BodyKind::Other
    }
}
