//! Fuzz harnesses: one function per `cargo fuzz` target in `fuzz/` (see `docs/fuzzing.md`).
//!
//! The targets in `fuzz/fuzz_targets/` only call these functions, so the harness code is part
//! of the library and built by the normal suite: `tests::seeds_run_through_every_harness` runs
//! each harness over its committed seed corpus (`fuzz/seeds/<target>/`), and each crash the
//! fuzzer found is a unit test in the module concerned. Besides "no panic", each harness checks
//! a property of the code it drives (a re-serialised header parses to what was judged, a
//! canonical path is a fixed point, the JSON reader never accepts what `serde_json` refuses or
//! reads it differently, a token is never accepted with the wrong issuer, audience or expiry…):
//! a property that fails panics, which the fuzzer reports like a crash.
//!
//! Nothing here runs at request time; it is public only so the fuzz crate can reach it.

use crate::audit::mask::{Detector, Masker};
use crate::auth::jwt;
use crate::canon::{self, CanonOptions};
use crate::validate::{forms, json, Caps};
use crate::view::{MediaType, OverrideAction, RequestView, UnderscoreAction, ViewOptions};
use serde_json::Value;

/// The targets, by name: `fuzz/fuzz_targets/<name>.rs` calls the function of the same name.
pub const TARGETS: [(&str, fn(&[u8])); 7] = [
    ("request_view", request_view),
    ("canon_path", canon_path),
    ("jwt", jwt),
    ("json_caps", json_caps),
    ("forms", forms),
    ("masking", masking),
    ("spec_load", spec_load),
];

/// `RequestView::parse` on a header section. Input: one options byte (bit 0: drop `_` names,
/// bit 1: strip method overrides), then lines: the raw query, then `name: value` headers.
///
/// Properties: the forwarded `Content-Type` parses back to the media type that was judged; the
/// forwarded query and `Cookie` header read back as the pairs that were judged, minus the one
/// hidden.
/// The underscore header name a fuzzed request view treats as declared by a spec.
static DECLARED: once_cell::sync::Lazy<Vec<String>> =
    once_cell::sync::Lazy::new(|| vec!["api_key".to_string()]);

pub fn request_view(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut lines = rest.split(|&b| b == b'\n');
    let query = lines.next().map(String::from_utf8_lossy);
    let query = query.as_deref().map(|q| q.trim_end_matches('\r'));
    let mut headers = http::HeaderMap::new();
    for line in lines {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let (n, v) = (&line[..colon], &line[colon + 1..]);
        let v = v.strip_prefix(b" ").unwrap_or(v);
        if let (Ok(n), Ok(v)) = (
            http::HeaderName::from_bytes(n),
            http::HeaderValue::from_bytes(v),
        ) {
            headers.append(n, v);
        }
    }
    if let Some(q) = query {
        let _ = canon::check_query(q.as_bytes());
    }
    let opts = ViewOptions {
        api_key_header: "x-api-key",
        underscores: if flags & 1 == 1 {
            UnderscoreAction::Drop
        } else {
            UnderscoreAction::Reject
        },
        method_override: if flags & 2 == 2 {
            OverrideAction::Strip
        } else {
            OverrideAction::Reject
        },
        // One declared underscore name, so the fuzzer reaches that branch too.
        declared_underscore: &DECLARED,
    };
    let Ok(view) = RequestView::parse(&headers, query, &opts) else {
        return;
    };
    if let Some(mt) = &view.content_type {
        let forwarded = mt.to_header();
        assert_eq!(
            MediaType::parse(&forwarded).as_ref(),
            Some(mt),
            "forwarded Content-Type {forwarded:?} reads differently"
        );
    }
    let hide = view.query.first().map(|p| p.name.clone());
    let _ = view.query_credential("access_token");
    let _ = view.cookie_credential("session");
    let _ = view.query_pairs();
    let _ = view.forwarded_query(None);
    if let Some(h) = &hide {
        let kept: Vec<(String, String)> = view
            .query_pairs()
            .into_iter()
            .filter(|(n, _)| n != h)
            .collect();
        let forwarded = view.forwarded_query(Some(h)).unwrap_or_default();
        let again: Vec<(String, String)> = form_urlencoded::parse(forwarded.as_bytes())
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(
            again, kept,
            "forwarded query {forwarded:?} reads differently"
        );
    }
    let hide = view
        .cookies
        .first()
        .map(|(k, _)| k.clone())
        .unwrap_or_default();
    if let Some(forwarded) = view.forwarded_cookie(&hide) {
        let mut h = http::HeaderMap::new();
        if let Ok(v) = http::HeaderValue::from_str(&forwarded) {
            h.insert(http::header::COOKIE, v);
        }
        let again = RequestView::parse(&h, None, &opts).map(|v| v.cookies);
        let kept: Vec<(String, String)> = view
            .cookies
            .iter()
            .filter(|(k, _)| *k != hide)
            .cloned()
            .collect();
        assert_eq!(
            again.as_ref().ok(),
            Some(&kept),
            "forwarded Cookie {forwarded:?} reads differently"
        );
    }
}

/// `canon::canonicalize` (both `;` settings), `check_query` and `decode_segment`. Input: a raw
/// path, optionally `?query`.
///
/// Properties: a canonical path is a fixed point (canonicalising it again gives it back), so the
/// path routed on and the path forwarded are read alike by a second canonicaliser; an accepted
/// query has one level of encoding (decoding it twice gives what decoding it once gave).
pub fn canon_path(data: &[u8]) {
    let (path, query) = match data.iter().position(|&b| b == b'?') {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    if let Some(q) = query {
        if canon::check_query(q).is_ok() {
            // What is screened (one decoding) is all there is: a second decoding by the
            // service changes nothing.
            let once: Vec<u8> = percent_decode(q);
            assert_eq!(
                percent_decode(&once),
                once,
                "an accepted query decodes further than the gateway read it"
            );
        }
    }
    for allow_semicolon in [false, true] {
        let opts = CanonOptions {
            allow_semicolon,
            max_len: 4096,
        };
        if let Ok(c) = canon::canonicalize(path, &opts) {
            assert_eq!(
                canon::canonicalize(c.as_bytes(), &opts).as_deref(),
                Ok(c.as_str()),
                "canonical path is not a fixed point"
            );
            for seg in c.split('/') {
                let _ = canon::decode_segment(seg);
            }
        }
    }
}

/// One level of percent-decoding, as a service's query parser does it (`+` left alone).
fn percent_decode(b: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

const JWT_SECRET: &[u8] = b"fuzzing-hmac-key-0123456789abcdef";
const JWT_ISSUER: &str = "https://issuer.example";
const JWT_AUDIENCE: &str = "orders";

fn b64url(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

fn hs256(msg: &[u8]) -> Vec<u8> {
    use openssl::{hash::MessageDigest, pkey::PKey, sign::Signer};
    let key = PKey::hmac(JWT_SECRET).expect("hmac key");
    let mut s = Signer::new(MessageDigest::sha256(), &key).expect("signer");
    s.sign_oneshot_to_vec(msg).expect("hmac")
}

/// What the gateway reads from a token before (and around) the signature check. Input: a mode
/// byte, then text. Mode `s`: the text is `header-json\nclaims-json`, signed here with the
/// issuer's HS256 key, so the claim checks behind the signature are reached. Any other mode:
/// the text is an `Authorization` value (`Bearer <token>`, `Basic …`, a JWE).
///
/// Property: a token that verifies has a numeric `exp` in the future (within the leeway), the
/// expected `iss` and one of the expected audiences; the same holds for unsigned claims that
/// `check_unsigned_claims` accepts.
pub fn jwt(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let token = if mode == b's' {
        let (h, c) = text.split_once('\n').unwrap_or((&text, "{}"));
        let signing_input = format!("{}.{}", b64url(h.as_bytes()), b64url(c.as_bytes()));
        let sig = b64url(&hs256(signing_input.as_bytes()));
        format!("{signing_input}.{sig}")
    } else {
        let _ = crate::auth::basic_credentials(&text);
        match jwt::bearer(&text) {
            Some(t) => t.to_string(),
            None => text.trim().to_string(),
        }
    };
    let expect = jwt::Expectations {
        issuer: JWT_ISSUER.into(),
        audiences: vec![JWT_AUDIENCE.into()],
        leeway_secs: 30,
    };
    // The real clock: `jsonwebtoken` judges `exp` and `nbf` by it whatever `now` says.
    let now = jwt::now_secs();
    let accepted = |claims: &Value| {
        let exp = claims.get("exp").and_then(Value::as_f64);
        assert!(
            exp.is_some_and(|e| e + 30.0 > now as f64),
            "accepted without a future exp: {claims}"
        );
        assert_eq!(claims.get("iss").and_then(Value::as_str), Some(JWT_ISSUER));
        let aud_ok = match claims.get("aud") {
            Some(Value::String(a)) => a == JWT_AUDIENCE,
            Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(JWT_AUDIENCE)),
            _ => false,
        };
        assert!(aud_ok, "accepted with the wrong audience: {claims}");
    };
    if crate::auth::jwe::looks_like_jwe(&token) {
        if let Ok((plain, _)) = jwe_config().decrypt(&token) {
            if let Ok(claims) = serde_json::from_slice::<Value>(&plain) {
                if jwt::check_unsigned_claims(&claims, &expect, now).is_ok() {
                    accepted(&claims);
                }
            }
        }
        return;
    }
    let _ = jwt::looks_like_jwt(&token);
    let Ok(header) = jwt::screen_header(&token) else {
        return;
    };
    if let Ok(claims) = token
        .split('.')
        .nth(1)
        .ok_or(())
        .and_then(|p| {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .map_err(|_| ())
        })
        .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|_| ()))
    {
        if jwt::check_unsigned_claims(&claims, &expect, now).is_ok() {
            accepted(&claims);
        }
    }
    let _ = jwt::peek_issuer(&token);
    let keys = jwt_keys();
    let Ok(key) = keys.select(&header) else {
        return;
    };
    if let Ok(claims) = jwt::verify(&token, &header, key, &expect, now) {
        accepted(&claims);
    }
}

fn jwt_keys() -> jwt::KeySet {
    let key = jwt::Key {
        kid: Some("k1".into()),
        alg: jsonwebtoken::Algorithm::HS256,
        decoding: jsonwebtoken::DecodingKey::from_secret(JWT_SECRET).expect("hmac key"),
    };
    let mut set = jwt::KeySet::default();
    set.by_kid.insert("k1".into(), key);
    set
}

fn jwe_config() -> crate::auth::jwe::JweConfig {
    use crate::auth::jwe::{DecryptionKey, JweConfig};
    // A `dir` key of 32 bytes (A128CBC-HS256), as a JWK file would hold it.
    let jwk = format!(r#"{{"kty":"oct","k":"{}"}}"#, b64url(&[7u8; 32]));
    let key = DecryptionKey::load("e1", "dir", jwk.as_bytes()).expect("jwe key");
    JweConfig::new(vec![key], vec!["A128CBC-HS256".into()], Some(4096), true).expect("jwe")
}

/// Two sets of caps: small ones (reached by short inputs) and the defaults.
const SMALL_CAPS: Caps = Caps {
    max_depth: 4,
    max_string_bytes: 16,
    max_array_items: 4,
    max_object_keys: 4,
};

fn within(v: &Value, caps: &Caps, depth: usize) -> bool {
    match v {
        Value::String(s) => s.len() <= caps.max_string_bytes,
        Value::Array(a) => {
            depth <= caps.max_depth
                && a.len() <= caps.max_array_items
                && a.iter().all(|x| within(x, caps, depth + 1))
        }
        Value::Object(m) => {
            depth <= caps.max_depth
                && m.len() <= caps.max_object_keys
                && m.iter()
                    .all(|(k, x)| k.len() <= caps.max_string_bytes && within(x, caps, depth + 1))
        }
        _ => true,
    }
}

/// The capped JSON reader. Input: a caps byte (`s`: small caps, else the defaults), then the
/// body.
///
/// Properties: what it accepts is within the caps, and `serde_json` reads the same body as the
/// same value (the reader is only ever stricter).
pub fn json_caps(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let caps = if mode == b's' {
        SMALL_CAPS
    } else {
        Caps::default()
    };
    if let Ok(v) = json::parse(body, &caps) {
        assert!(within(&v, &caps, 1), "accepted beyond the caps: {v}");
        let reference: Value = serde_json::from_slice(body).expect("serde_json refuses it");
        assert_eq!(reference, v, "read differently from serde_json");
    }
}

/// The form schema the `forms` harness reads bodies against: every kind of member the readers
/// treat differently (coerced scalars, arrays, a deepObject, a JSON member, files).
fn form_schema() -> Value {
    serde_json::json!({
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "price": {"type": "number"},
            "flag": {"type": "boolean"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "n": {"type": "array", "items": {"type": "integer"}},
            "card": {"type": "object", "properties": {
                "number": {"type": "string"},
                "exp": {"type": "object", "properties": {"m": {"type": "integer"}}}
            }},
            "meta": {"type": "object"},
            "file": {"type": "string", "format": "binary"},
            "avatar": {"type": "string", "contentMediaType": "image/png"},
            "items": {"type": "array", "xml": {"wrapped": true},
                      "items": {"type": "object", "properties": {
                          "sku": {"type": "string", "xml": {"attribute": true}},
                          "qty": {"type": "integer"}}}}
        }
    })
}

/// The form, multipart and XML readers. Input: a mode byte, then the body. `u`: urlencoded;
/// `m`: multipart, whose first line is the boundary; anything else: XML (the tree, its
/// mapping onto the schema, and the script check used for uploaded SVG).
pub fn forms(data: &[u8]) {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let root = form_schema();
    match mode {
        b'u' => {
            let enc = forms::FormEncoding {
                json: vec!["meta".into()],
                deep: vec!["card".into()],
            };
            let _ = forms::urlencoded(body, &root, &enc, &SMALL_CAPS);
        }
        b'm' => {
            let (boundary, body) = match body.iter().position(|&b| b == b'\n') {
                Some(i) => (&body[..i], &body[i + 1..]),
                None => (body, &[][..]),
            };
            let boundary = String::from_utf8_lossy(boundary);
            let encoding = vec![(
                "avatar".to_string(),
                vec!["image/png".to_string(), "image/svg+xml".to_string()],
            )];
            let mut texts = forms::PartTexts::default();
            let _ = forms::multipart(body, Some(&boundary), &root, &encoding, &mut texts);
            for (_, markup, content) in &texts.markup {
                if matches!(markup, forms::Markup::Xml) {
                    let _ = forms::xml_runs_script(content, 32);
                }
            }
        }
        _ => {
            if let Ok(el) = forms::xml(body, 32) {
                let mut out = Vec::new();
                el.texts(&mut out);
                let _ = forms::xml_value(&root, Some(&root), &el, "/body");
                let _ = forms::xml_value(&root, None, &el, "/body");
            }
            let _ = forms::xml_runs_script(body, 32);
        }
    }
}

/// Audit masking and the process-log redaction. Input: text; its first line is also read as a
/// header name for `Masker::header`.
///
/// Properties: the gated masker gives what every detector on every text gives
/// (`Masker::text` against `Masker::text_all`); masking is idempotent; the redacted log line
/// keeps nothing after a `?` or a credential header name.
pub fn masking(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let m = Masker::new(&Detector::ALL);
    let masked = m.text(&text);
    assert_eq!(masked, m.text_all(&text), "gating changed the result");
    assert_eq!(m.text(&masked), masked, "masking is not idempotent");
    let _ = m.query(&text);
    let (name, value) = text.split_once('\n').unwrap_or(("authorization", &text));
    let _ = m.is_secret_name(name);
    let _ = m.header(name, value);
    let r = crate::logmask::redact(&text);
    for (i, _) in r.match_indices('?') {
        assert!(
            r[i..].starts_with("?<redacted>"),
            "a query survived redaction: {r:?}"
        );
    }
}

/// Spec loading and compilation from arbitrary YAML or JSON: the top-level checks, the
/// semantic rules, routing and the compilation of every operation (schemas, parameters, media
/// types, the screening plan). Input: the document text (JSON when it starts with `{`).
/// External `$ref`s resolve against an empty directory.
pub fn spec_load(data: &[u8]) {
    use crate::report::Report;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = std::env::temp_dir().join("gateway-fuzz-spec-load");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(if text.trim_start().starts_with('{') {
        "svc.json"
    } else {
        "svc.yaml"
    });
    let mut report = Report::default();
    let doc: Option<Value> = if file.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(text).ok()
    } else {
        crate::report::parse_yaml(&file, text, &mut report)
    };
    let Some(doc) = doc else {
        return;
    };
    let Some(spec) = crate::spec::from_value(&file, doc, &mut report) else {
        return;
    };
    let mut router = crate::router::Router::default();
    let upstreams = std::collections::BTreeMap::from([(
        spec.upstream.clone().unwrap_or_default(),
        std::sync::Arc::new(fuzz_upstream()),
    )]);
    crate::spec::add_routes(&file, &spec, &upstreams, &mut router, &mut report);
    let specs = vec![(file, spec)];
    let _ = crate::validate::compile_all(&specs, &dir, &router, &mut report);
}

fn fuzz_upstream() -> crate::config::Upstream {
    let s = std::time::Duration::from_secs(1);
    crate::config::Upstream {
        name: "svc".into(),
        addresses: vec![],
        tls: None,
        host_header: None,
        timeouts: crate::config::UpstreamTimeouts {
            connect: s,
            read: s,
            write: s,
            idle: s,
        },
        health_enabled: false,
        health_path: "/".into(),
        health_interval: s,
        health_timeout: s,
        outlier: Default::default(),
        retry: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn seeds(target: &str) -> Vec<PathBuf> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/seeds")
            .join(target);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .collect();
        files.sort();
        files
    }

    /// Every harness over its committed seeds: the fuzz targets cannot rot, and every input
    /// the fuzzer once crashed on (kept as a seed) stays fixed.
    #[test]
    fn seeds_run_through_every_harness() {
        for (target, harness) in TARGETS {
            let files = seeds(target);
            assert!(files.len() >= 3, "{target}: too few seeds");
            for f in files {
                let data = std::fs::read(&f).expect("seed");
                let r = std::panic::catch_unwind(|| harness(&data));
                assert!(r.is_ok(), "{target}: {} fails", f.display());
            }
        }
    }

    /// Each fuzz target file calls the harness of its name, and every harness has a target.
    #[test]
    fn every_harness_has_a_fuzz_target() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/fuzz_targets");
        for (target, _) in TARGETS {
            let src = std::fs::read_to_string(dir.join(format!("{target}.rs")))
                .unwrap_or_else(|e| panic!("{target}: {e}"));
            assert!(
                src.contains(&format!("gateway::fuzzing::{target}(")),
                "{target}.rs does not call its harness"
            );
        }
    }

    /// The signed mode builds tokens that verify, so the fuzzer reaches the claim checks.
    #[test]
    fn signed_mode_reaches_the_claim_checks() {
        // A correctly signed token with the expected claims verifies (so the signed mode
        // reaches the claim checks).
        let now = jwt::now_secs();
        let good = format!(
            "s{{\"alg\":\"HS256\",\"kid\":\"k1\"}}\n{{\"iss\":\"{JWT_ISSUER}\",\"aud\":\"{JWT_AUDIENCE}\",\"exp\":{}}}",
            now + 60
        );
        let text = &good[1..];
        let (h, c) = text.split_once('\n').unwrap();
        let input = format!("{}.{}", b64url(h.as_bytes()), b64url(c.as_bytes()));
        let token = format!("{input}.{}", b64url(&hs256(input.as_bytes())));
        let header = jwt::screen_header(&token).unwrap();
        let keys = jwt_keys();
        let key = keys.select(&header).unwrap();
        let expect = jwt::Expectations {
            issuer: JWT_ISSUER.into(),
            audiences: vec![JWT_AUDIENCE.into()],
            leeway_secs: 30,
        };
        assert!(jwt::verify(&token, &header, key, &expect, now).is_ok());
        jwt(good.as_bytes());
    }
}
