//! Masking of personal data and secrets. Every audit byte that reaches a sink was produced by
//! [`Masker::serialize`]: the record type has no `Serialize`, so there is no other way out.
//!
//! Detectors are a configurable set. Each one is precise rather than greedy: a card number must
//! carry a known issuer prefix *and* pass Luhn, an IBAN must pass mod-97, an SSN must be in the
//! dashed form with a valid area, a phone number must look like one (`+` prefix or the NANP
//! punctuation). Plain digit runs — order ids, timestamps, amounts — are left alone.

use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;

/// One kind of sensitive data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detector {
    /// Payment card numbers (issuer prefix + Luhn); the last 4 digits are kept.
    Card,
    /// JSON Web Tokens (`eyJ….….…`).
    Jwt,
    /// `Bearer …` / `Basic …` credentials.
    Bearer,
    /// Values of fields and parameters named like secrets (`password`, `token`, `api_key`, …).
    SecretNames,
    Email,
    /// IBANs (mod-97 checked).
    Iban,
    /// US social security numbers, `AAA-GG-SSSS`.
    Ssn,
    /// Phone numbers in international (`+…`) or NANP punctuated form.
    Phone,
}

impl Detector {
    pub const ALL: [Detector; 8] = [
        Detector::Card,
        Detector::Jwt,
        Detector::Bearer,
        Detector::SecretNames,
        Detector::Email,
        Detector::Iban,
        Detector::Ssn,
        Detector::Phone,
    ];

    pub fn parse(s: &str) -> Option<Detector> {
        Some(match s {
            "card" => Detector::Card,
            "jwt" => Detector::Jwt,
            "bearer" => Detector::Bearer,
            "secret_names" => Detector::SecretNames,
            "email" => Detector::Email,
            "iban" => Detector::Iban,
            "ssn" => Detector::Ssn,
            "phone" => Detector::Phone,
            _ => return None,
        })
    }
}

/// Names whose values are secrets wherever they appear (compared lower-case, `-` = `_`).
pub const SECRET_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "client_secret",
    "token",
    "access_token",
    "refresh_token",
    "id_token",
    "api_key",
    "apikey",
    "x_api_key",
    "key",
    "authorization",
    "proxy_authorization",
    "cookie",
    "set_cookie",
    "session",
    "sessionid",
    "session_id",
    "jsessionid",
    "private_key",
    "signature",
    "sig",
    "otp",
    "pin",
    "cvv",
    "cvc",
];

const REDACTED: &str = "[REDACTED]";

static JWT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*").expect("regex")
});
static BEARER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{6,}").expect("regex")
});
static SECRET_KV: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?i)("?)\b(password|passwd|pwd|secret|client_secret|token|access_token|refresh_token|id_token|api[_-]?key|authorization|cookie|session_?id|private_key|cvv|cvc)("?\s*[:=]\s*"?)([^\s&,;"]+)"#,
    )
    .expect("regex")
});
static CARD: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").expect("regex"));
static EMAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("regex")
});
static IBAN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b").expect("regex"));
static SSN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b(\d{3})-(\d{2})-(\d{4})\b").expect("regex"));
static PHONE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}\b|\(\d{3}\) ?\d{3}[-.]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
        .expect("regex")
});

/// Which detectors can match a text at all.
#[derive(Debug, Clone, Copy)]
struct Gate {
    jwt: bool,
    bearer: bool,
    secret_kv: bool,
    email: bool,
    iban: bool,
    card: bool,
    ssn: bool,
    phone: bool,
}

impl Gate {
    const ALL: Gate = Gate {
        jwt: true,
        bearer: true,
        secret_kv: true,
        email: true,
        iban: true,
        card: true,
        ssn: true,
        phone: true,
    };
}

/// The masker: an ordered set of detectors.
#[derive(Debug, Clone)]
pub struct Masker {
    on: [bool; 8],
}

impl Default for Masker {
    fn default() -> Self {
        Masker::new(&Detector::ALL)
    }
}

impl Masker {
    pub fn new(detectors: &[Detector]) -> Masker {
        let mut on = [false; 8];
        for (i, d) in Detector::ALL.iter().enumerate() {
            on[i] = detectors.contains(d);
        }
        Masker { on }
    }

    fn has(&self, d: Detector) -> bool {
        Detector::ALL
            .iter()
            .position(|x| *x == d)
            .is_some_and(|i| self.on[i])
    }

    /// Whether a field/parameter/header name denotes a secret.
    pub fn is_secret_name(&self, name: &str) -> bool {
        if !self.has(Detector::SecretNames) {
            return false;
        }
        let n = name.trim().to_ascii_lowercase().replace('-', "_");
        SECRET_NAMES.contains(&n.as_str())
            || n.ends_with("_token")
            || n.ends_with("_secret")
            || n.ends_with("_password")
            || n.ends_with("_api_key")
            || n.ends_with("_apikey")
    }

    /// Mask free text (a path, a header value, a decoded parameter value, a body).
    ///
    /// One pass over the bytes first decides which detectors could match at all (each regex
    /// needs some character the text must contain: `eyJ`, whitespace, `:`/`=`, `@`, enough
    /// digits); most audit fields (paths, ids, user agents) then skip most regexes. Non-ASCII
    /// text runs every detector, since `\d` and `(?i)` are Unicode-aware there.
    /// `gating_never_changes_the_result` checks this against [`Masker::text_all`].
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if !s.is_ascii() {
            return self.text_with(s, Gate::ALL);
        }
        let (mut digits, mut upper) = (0usize, 0usize);
        let (mut space, mut sep, mut at, mut dash) = (false, false, false, false);
        for &b in s.as_bytes() {
            match b {
                b'0'..=b'9' => digits += 1,
                b'A'..=b'Z' => upper += 1,
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => space = true,
                b':' | b'=' => sep = true,
                b'@' => at = true,
                b'-' => dash = true,
                _ => {}
            }
        }
        let gate = Gate {
            jwt: memchr::memmem::find(s.as_bytes(), b"eyJ").is_some(),
            bearer: space,
            secret_kv: sep,
            email: at,
            // Two letters, two digits, then at least eleven more letters or digits.
            iban: digits >= 2 && upper >= 2 && digits + upper >= 15,
            card: digits >= 13,
            ssn: digits >= 9 && dash,
            phone: digits >= 6,
        };
        self.text_with(s, gate)
    }

    /// Every detector on every text: the reference [`Masker::text`] is tested against.
    pub fn text_all<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.text_with(s, Gate::ALL)
    }

    fn text_with<'a>(&self, s: &'a str, gate: Gate) -> Cow<'a, str> {
        let mut out: Cow<'a, str> = Cow::Borrowed(s);
        // Order matters: tokens first (they contain digit runs), then name=value secrets.
        // (A replacement only ever writes `[`, `]`, `*`, letters, and the kept digits of a card;
        // none of them can make a later detector's gate pass where it failed.)
        if gate.jwt && self.has(Detector::Jwt) {
            out = replace(out, &JWT, |_| "[JWT]".to_string());
        }
        if gate.bearer && self.has(Detector::Bearer) {
            out = replace(out, &BEARER, |c| format!("{} {REDACTED}", &c[1]));
        }
        if gate.secret_kv && self.has(Detector::SecretNames) {
            out = replace(out, &SECRET_KV, |c| {
                let v = &c[4];
                if v.starts_with('[')
                    || v.eq_ignore_ascii_case("bearer")
                    || v.eq_ignore_ascii_case("basic")
                {
                    // Already masked, or a scheme whose credential the bearer rule masked.
                    c[0].to_string()
                } else {
                    format!("{}{}{}{REDACTED}", &c[1], &c[2], &c[3])
                }
            });
        }
        if gate.email && self.has(Detector::Email) {
            out = replace(out, &EMAIL, |_| "[EMAIL]".to_string());
        }
        if gate.iban && self.has(Detector::Iban) {
            out = replace(out, &IBAN, |c| {
                if iban_valid(&c[0]) {
                    "[IBAN]".to_string()
                } else {
                    c[0].to_string()
                }
            });
        }
        if gate.card && self.has(Detector::Card) {
            out = replace(out, &CARD, |c| mask_card(&c[0]));
        }
        if gate.ssn && self.has(Detector::Ssn) {
            out = replace(out, &SSN, |c| {
                if ssn_valid(&c[1], &c[2], &c[3]) {
                    "[SSN]".to_string()
                } else {
                    c[0].to_string()
                }
            });
        }
        if gate.phone && self.has(Detector::Phone) {
            out = replace(out, &PHONE, |_| "[PHONE]".to_string());
        }
        out
    }

    /// Mask a raw query string: secret-named parameters lose their value; the other values are
    /// percent-decoded, masked as text, and re-encoded only when something was masked.
    pub fn query(&self, q: &str) -> String {
        let mut out = String::with_capacity(q.len());
        for (i, pair) in q.split('&').enumerate() {
            if i > 0 {
                out.push('&');
            }
            let (k, v) = match pair.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (pair, None),
            };
            let name = decode(k);
            let masked_name = self.text(&name);
            if masked_name != name {
                // A key that is itself sensitive (`?4111111111111111`).
                out.push_str(&encode(&masked_name));
            } else {
                out.push_str(k);
            }
            let Some(v) = v else { continue };
            out.push('=');
            if self.is_secret_name(&name) {
                out.push_str(REDACTED);
                continue;
            }
            let dv = decode(v);
            match self.text(&dv) {
                Cow::Borrowed(_) => out.push_str(v),
                Cow::Owned(m) => out.push_str(&encode(&m)),
            }
        }
        out
    }

    /// Mask one header value by its name.
    pub fn header(&self, name: &str, value: &str) -> String {
        if self.is_secret_name(name) {
            REDACTED.to_string()
        } else {
            self.text(value).into_owned()
        }
    }
}

fn decode(s: &str) -> String {
    let plus = s.replace('+', " ");
    percent_decode(&plus)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        // Keep the masking markers readable.
        .replace("%5B", "[")
        .replace("%5D", "]")
        .replace("%2A", "*")
}

fn replace<'a>(
    s: Cow<'a, str>,
    re: &Regex,
    f: impl Fn(&regex::Captures) -> String,
) -> Cow<'a, str> {
    if !re.is_match(&s) {
        return s;
    }
    let r = re.replace_all(&s, |c: &regex::Captures| f(c)).into_owned();
    Cow::Owned(r)
}

/// Luhn checksum over ASCII digits.
pub fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = (d - b'0') as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// Known issuer prefixes and lengths (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay).
fn card_issuer(d: &[u8]) -> bool {
    let n = d.len();
    let p = |k: usize| -> u32 {
        std::str::from_utf8(&d[..k.min(n)])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    };
    match d[0] {
        b'4' => matches!(n, 13 | 16 | 19),
        b'5' => (51..=55).contains(&p(2)) && n == 16,
        b'2' => (2221..=2720).contains(&p(4)) && n == 16,
        b'3' => {
            (matches!(p(2), 34 | 37) && n == 15)
                || ((3528..=3589).contains(&p(4)) && (16..=19).contains(&n))
                || ((matches!(p(2), 36 | 38) || (300..=305).contains(&p(3))) && n == 14)
        }
        b'6' => {
            (p(4) == 6011 || p(2) == 65 || (644..=649).contains(&p(3)) || p(2) == 62)
                && (16..=19).contains(&n)
        }
        _ => false,
    }
}

fn mask_card(m: &str) -> String {
    let digits: Vec<u8> = m.bytes().filter(|b| b.is_ascii_digit()).collect();
    if digits.len() < 13 || digits.len() > 19 || !card_issuer(&digits) || !luhn(&digits) {
        return m.to_string();
    }
    let keep_from = digits.len() - 4;
    let mut seen = 0;
    m.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen > keep_from {
                    c
                } else {
                    '*'
                }
            } else {
                c
            }
        })
        .collect()
}

fn iban_valid(s: &str) -> bool {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&s.len()) {
        return false;
    }
    let rearranged = format!("{}{}", &s[4..], &s[..4]);
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return false,
        };
        let digits = if v >= 10 { 100 } else { 10 };
        rem = (rem * digits + v) % 97;
    }
    rem == 1
}

fn ssn_valid(area: &str, group: &str, serial: &str) -> bool {
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Masker {
        Masker::default()
    }

    /// The cheap gate in `text` never changes what is masked: generated texts built from the
    /// pieces every detector matches on, and their near misses, mask the same with and
    /// without it.
    #[test]
    fn gating_never_changes_the_result() {
        let pieces = [
            "4111111111111111",
            "4111 1111",
            " 1111 1111",
            "5500-0000-0000-0004",
            "DE89",
            "3704 0044 0532 0130 00",
            "GB82WEST12345698765432",
            "078-05-1120",
            "123-45-6789",
            "+1 (415) 555-2671",
            "(415) 555-2671",
            "415.555.2671",
            "+44 20 7946 0958",
            "ann@example.com",
            "a@b",
            ".com",
            "eyJhbGciOiJSUzI1NiJ9",
            ".eyJzdWIiOiIxIn0",
            ".sig",
            "Bearer ",
            "basic ",
            "token",
            " abcdef123456",
            "password=",
            "secret:",
            "\"api_key\": \"",
            "hunter22",
            "=",
            ":",
            "-",
            " ",
            "42",
            "0",
            "order",
            "/v1/items/",
            "?q=",
            "&",
            "é",
            "٣",
            "\t",
        ];
        let mut g = crate::testgen::XorShift(0xDEAD_BEEF_CAFE_F00D);
        let masker = m();
        let mut masked = 0;
        for _ in 0..40_000 {
            let t = g.glue(&pieces, 6, 7);
            let all = masker.text_all(&t);
            if all != t {
                masked += 1;
            }
            assert_eq!(masker.text(&t), all, "{t:?}");
        }
        assert!(
            masked > 10_000,
            "the generator reaches the detectors: {masked}"
        );
    }

    #[test]
    fn cards_keep_last_four() {
        let cases = [
            ("4111111111111111", "************1111"),
            ("4111 1111 1111 1111", "**** **** **** 1111"),
            ("5500-0000-0000-0004", "****-****-****-0004"),
            ("378282246310005", "***********0005"),
            ("6011111111111117", "************1117"),
            (
                "pay with 4012888888881881 now",
                "pay with ************1881 now",
            ),
        ];
        for (i, o) in cases {
            assert_eq!(m().text(i), o, "{i}");
        }
        // Luhn failure, unknown issuer: kept.
        for keep in ["4111111111111112", "1234567812345670", "9999999999999995"] {
            assert_eq!(m().text(keep), keep);
        }
    }

    #[test]
    fn tokens_and_secrets() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl";
        assert_eq!(m().text(jwt), "[JWT]");
        assert_eq!(
            m().text("Authorization: Bearer abcdef123456"),
            "Authorization: Bearer [REDACTED]"
        );
        assert_eq!(m().text(&format!("Bearer {jwt}")), "Bearer [JWT]");
        assert_eq!(m().text("password=hunter2"), "password=[REDACTED]");
        assert_eq!(
            m().text(r#"{"api_key": "k-123", "name": "x"}"#),
            r#"{"api_key": "[REDACTED]", "name": "x"}"#
        );
        assert_eq!(m().header("Cookie", "sid=abc"), "[REDACTED]");
        assert_eq!(m().header("X-Api-Key", "abc"), "[REDACTED]");
        assert_eq!(m().header("Accept", "text/html"), "text/html");
        assert!(m().is_secret_name("refresh-token"));
        assert!(m().is_secret_name("db_password"));
        assert!(!m().is_secret_name("order_id"));
    }

    #[test]
    fn personal_data() {
        assert_eq!(m().text("mail jane.doe+x@example.co.uk"), "mail [EMAIL]");
        assert_eq!(m().text("iban DE89370400440532013000"), "iban [IBAN]");
        assert_eq!(m().text("GB82 WEST 1234 5698 7654 32"), "[IBAN]");
        assert_eq!(m().text("ssn 123-45-6789"), "ssn [SSN]");
        assert_eq!(m().text("call +1 415 555 2671"), "call [PHONE]");
        assert_eq!(m().text("+44 20 7946 0958"), "[PHONE]");
        assert_eq!(m().text("(415) 555-2671"), "[PHONE]");
        assert_eq!(m().text("415-555-2671"), "[PHONE]");
    }

    #[test]
    fn ordinary_values_are_not_masked() {
        for keep in [
            "ORD-2024-000123",
            "order 1234567890",
            "550e8400-e29b-41d4-a716-446655440000",
            "2026-11-29T18:33:11.123Z",
            "1764441191123",
            "amount=1234.56&currency=EUR",
            "limit=50&offset=100",
            "sku=ABC-123-XYZ",
            "000-12-3456",
            "DE00370400440532013000",
            "version 1.2.3",
            "ip 10.0.0.1",
            "/orders/12345678901234",
            "page=2&per_page=25",
        ] {
            assert_eq!(m().text(keep), keep, "over-masked {keep}");
            assert_eq!(m().query(keep), keep, "over-masked query {keep}");
        }
    }

    #[test]
    fn query_strings() {
        assert_eq!(
            m().query("card=4111111111111111&limit=5"),
            "card=************1111&limit=5"
        );
        assert_eq!(
            m().query("card=4111%201111%201111%201111"),
            "card=****+****+****+1111"
        );
        assert_eq!(
            m().query("access_token=abc&q=x"),
            "access_token=[REDACTED]&q=x"
        );
        assert_eq!(m().query("API-KEY=abc"), "API-KEY=[REDACTED]");
        assert_eq!(m().query("email=jane%40example.com"), "email=[EMAIL]");
        assert_eq!(m().query("flag&x=1"), "flag&x=1");
    }

    #[test]
    fn detectors_are_a_set() {
        let only_card = Masker::new(&[Detector::Card]);
        assert_eq!(
            only_card.text("a@b.example 4111111111111111"),
            "a@b.example ************1111"
        );
        let none = Masker::new(&[]);
        assert_eq!(none.text("4111111111111111"), "4111111111111111");
        assert!(!none.is_secret_name("password"));
    }
}
