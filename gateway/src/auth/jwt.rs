//! JWT verification core: token extraction, header screening, key selection, claims.
//!
//! What is never honoured, whatever the token says: `alg: none` (in any case), a key type
//! taken from the token header, an embedded `jwk`, and `jku` / `x5u` / `x5c` URLs. The key is
//! chosen by `kid` among the issuer's configured keys and the token's `alg` must equal that
//! key's algorithm, so an RSA public key can never be used as an HMAC secret. A `crit` header
//! is refused (no extension is understood).

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use std::collections::HashMap;
use std::str::FromStr;

/// Why a token was refused. Goes to metrics and audit, never to the client body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Missing,
    TooLarge,
    Malformed,
    AlgNotAllowed,
    ForbiddenHeader,
    CritUnsupported,
    UnknownIssuer,
    UnknownKid,
    AlgKeyMismatch,
    BadSignature,
    Expired,
    NotYetValid,
    IssuedInFuture,
    MissingExp,
    WrongIssuer,
    WrongAudience,
    Inactive,
    BadApiKey,
    JweMalformed,
    JweDecryptFailed,
    UnsignedPayload,
    /// Client certificates (see `clientcert`).
    CertExpired,
    CertNotYetValid,
    CertUntrusted,
    CertRevoked,
    CertInvalid,
    CertUnmapped,
}

impl TokenError {
    /// A client-certificate refusal (its own problem type; no `Bearer` challenge).
    pub fn is_certificate(self) -> bool {
        matches!(
            self,
            TokenError::CertExpired
                | TokenError::CertNotYetValid
                | TokenError::CertUntrusted
                | TokenError::CertRevoked
                | TokenError::CertInvalid
                | TokenError::CertUnmapped
        )
    }

    pub fn reason(self) -> &'static str {
        match self {
            TokenError::Missing => "missing",
            TokenError::TooLarge => "too_large",
            TokenError::Malformed => "malformed",
            TokenError::AlgNotAllowed => "alg_not_allowed",
            TokenError::ForbiddenHeader => "forbidden_header",
            TokenError::CritUnsupported => "crit_unsupported",
            TokenError::UnknownIssuer => "unknown_issuer",
            TokenError::UnknownKid => "unknown_kid",
            TokenError::AlgKeyMismatch => "alg_key_mismatch",
            TokenError::BadSignature => "bad_signature",
            TokenError::Expired => "expired",
            TokenError::NotYetValid => "not_yet_valid",
            TokenError::IssuedInFuture => "issued_in_future",
            TokenError::MissingExp => "missing_exp",
            TokenError::WrongIssuer => "wrong_issuer",
            TokenError::WrongAudience => "wrong_audience",
            TokenError::Inactive => "inactive",
            TokenError::BadApiKey => "bad_api_key",
            TokenError::JweMalformed => "jwe_malformed",
            TokenError::JweDecryptFailed => "jwe_decrypt_failed",
            TokenError::UnsignedPayload => "unsigned_payload",
            TokenError::CertExpired => "cert_expired",
            TokenError::CertNotYetValid => "cert_not_yet_valid",
            TokenError::CertUntrusted => "cert_untrusted",
            TokenError::CertRevoked => "cert_revoked",
            TokenError::CertInvalid => "cert_invalid",
            TokenError::CertUnmapped => "cert_unmapped",
        }
    }
}

/// Algorithms the gateway can verify. `none` is not among them in any spelling.
pub fn parse_alg(s: &str) -> Option<Algorithm> {
    match s {
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "ES256" | "ES384" | "EdDSA"
        | "HS256" | "HS384" | "HS512" => Algorithm::from_str(s).ok(),
        _ => None,
    }
}

pub fn is_hmac(a: Algorithm) -> bool {
    matches!(a, Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512)
}

/// The bearer token from an `Authorization` value: scheme matched case-insensitively.
pub fn bearer(value: &str) -> Option<&str> {
    let (scheme, rest) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let t = rest.trim();
    (!t.is_empty() && !t.contains(' ')).then_some(t)
}

/// Whether a token looks like a compact JWS (three base64url parts).
pub fn looks_like_jwt(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts[..2].iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Screened JWT header.
#[derive(Debug)]
pub struct JwtHeader {
    pub alg: Algorithm,
    pub kid: Option<String>,
}

fn b64(part: &str) -> Result<Vec<u8>, TokenError> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| TokenError::Malformed)
}

/// Decode and screen the protected header.
pub fn screen_header(token: &str) -> Result<JwtHeader, TokenError> {
    let head = token.split('.').next().ok_or(TokenError::Malformed)?;
    let h: Value = serde_json::from_slice(&b64(head)?).map_err(|_| TokenError::Malformed)?;
    let obj = h.as_object().ok_or(TokenError::Malformed)?;
    for forbidden in ["jwk", "jku", "x5u", "x5c"] {
        if obj.contains_key(forbidden) {
            return Err(TokenError::ForbiddenHeader);
        }
    }
    if obj.contains_key("crit") {
        return Err(TokenError::CritUnsupported);
    }
    let alg = obj
        .get("alg")
        .and_then(Value::as_str)
        .ok_or(TokenError::Malformed)?;
    let alg = parse_alg(alg).ok_or(TokenError::AlgNotAllowed)?;
    let kid = match obj.get("kid") {
        None => None,
        Some(Value::String(k)) => Some(k.clone()),
        Some(_) => return Err(TokenError::Malformed),
    };
    Ok(JwtHeader { alg, kid })
}

/// The unverified `iss`, used only to choose which issuer's keys verify the token.
pub fn peek_issuer(token: &str) -> Result<String, TokenError> {
    let payload = token.split('.').nth(1).ok_or(TokenError::Malformed)?;
    let v: Value = serde_json::from_slice(&b64(payload)?).map_err(|_| TokenError::Malformed)?;
    v.get("iss")
        .and_then(Value::as_str)
        .map(String::from)
        .ok_or(TokenError::UnknownIssuer)
}

/// One verification key.
#[derive(Clone)]
pub struct Key {
    pub kid: Option<String>,
    pub alg: Algorithm,
    pub decoding: DecodingKey,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("kid", &self.kid)
            .field("alg", &self.alg)
            .finish_non_exhaustive()
    }
}

/// An issuer's keys by `kid`.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    pub by_kid: HashMap<String, Key>,
    /// Keys without `kid` (usable only when the token has no `kid` and the match is unique).
    pub anonymous: Vec<Key>,
}

impl KeySet {
    pub fn len(&self) -> usize {
        self.by_kid.len() + self.anonymous.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Select the key for a header: by `kid`, and the token's `alg` must equal the key's.
    pub fn select(&self, h: &JwtHeader) -> Result<&Key, TokenError> {
        let key = match &h.kid {
            Some(kid) => self.by_kid.get(kid).ok_or(TokenError::UnknownKid)?,
            None => {
                let mut all = self
                    .by_kid
                    .values()
                    .chain(self.anonymous.iter())
                    .filter(|k| k.alg == h.alg);
                match (all.next(), all.next()) {
                    (Some(k), None) => k,
                    _ => return Err(TokenError::UnknownKid),
                }
            }
        };
        if key.alg != h.alg {
            return Err(TokenError::AlgKeyMismatch);
        }
        Ok(key)
    }

    /// Parse a JWKS document. Keys whose algorithm is not in `allowed` are skipped; symmetric
    /// (`oct`) keys are never taken from a JWKS. Returns the set and notes on skipped keys.
    pub fn from_jwks(doc: &Value, allowed: &[Algorithm]) -> Result<(KeySet, Vec<String>), String> {
        let keys = doc
            .get("keys")
            .and_then(Value::as_array)
            .ok_or("a JWKS needs a `keys` array")?;
        let mut set = KeySet::default();
        let mut notes = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            match key_from_jwk(k, allowed) {
                Ok(Some(key)) => match key.kid.clone() {
                    Some(kid) => {
                        set.by_kid.insert(kid, key);
                    }
                    None => set.anonymous.push(key),
                },
                Ok(None) => notes.push(format!(
                    "keys[{i}] skipped (not a signature key for an allowed algorithm)"
                )),
                Err(e) => notes.push(format!("keys[{i}]: {e}")),
            }
        }
        Ok((set, notes))
    }
}

fn key_from_jwk(k: &Value, allowed: &[Algorithm]) -> Result<Option<Key>, String> {
    let s = |n: &str| k.get(n).and_then(Value::as_str);
    if s("use").is_some_and(|u| u != "sig") {
        return Ok(None);
    }
    let kty = s("kty").ok_or("missing kty")?;
    // The algorithm comes from the key (or its curve), never from a token.
    let alg = match (kty, s("alg"), s("crv")) {
        ("oct", ..) => return Ok(None),
        (_, Some(a), _) => parse_alg(a).ok_or_else(|| format!("unsupported alg {a:?}"))?,
        ("EC", None, Some("P-256")) => Algorithm::ES256,
        ("EC", None, Some("P-384")) => Algorithm::ES384,
        ("OKP", None, Some("Ed25519")) => Algorithm::EdDSA,
        ("RSA", None, _) => match allowed
            .iter()
            .filter(|a| {
                matches!(
                    a,
                    Algorithm::RS256
                        | Algorithm::RS384
                        | Algorithm::RS512
                        | Algorithm::PS256
                        | Algorithm::PS384
                        | Algorithm::PS512
                )
            })
            .collect::<Vec<_>>()
            .as_slice()
        {
            [one] => **one,
            _ => {
                return Err(
                    "RSA key without `alg`, and the issuer allows several RSA algorithms".into(),
                )
            }
        },
        (kty, None, _) => return Err(format!("cannot infer the algorithm of a {kty} key")),
    };
    if is_hmac(alg) || !allowed.contains(&alg) {
        return Ok(None);
    }
    let decoding = match (kty, alg) {
        (
            "RSA",
            Algorithm::RS256
            | Algorithm::RS384
            | Algorithm::RS512
            | Algorithm::PS256
            | Algorithm::PS384
            | Algorithm::PS512,
        ) => {
            DecodingKey::from_rsa_components(s("n").ok_or("missing n")?, s("e").ok_or("missing e")?)
                .map_err(|e| e.to_string())?
        }
        ("EC", Algorithm::ES256 | Algorithm::ES384) => {
            let want = if alg == Algorithm::ES256 {
                "P-256"
            } else {
                "P-384"
            };
            if s("crv") != Some(want) {
                return Err(format!("{alg:?} needs curve {want}"));
            }
            DecodingKey::from_ec_components(s("x").ok_or("missing x")?, s("y").ok_or("missing y")?)
                .map_err(|e| e.to_string())?
        }
        ("OKP", Algorithm::EdDSA) => {
            if s("crv") != Some("Ed25519") {
                return Err("EdDSA needs curve Ed25519".into());
            }
            DecodingKey::from_ed_components(s("x").ok_or("missing x")?)
                .map_err(|e| e.to_string())?
        }
        (kty, alg) => return Err(format!("key type {kty} cannot be used with {alg:?}")),
    };
    Ok(Some(Key {
        kid: s("kid").map(String::from),
        alg,
        decoding,
    }))
}

/// What one issuer expects of its tokens.
#[derive(Debug, Clone)]
pub struct Expectations {
    pub issuer: String,
    pub audiences: Vec<String>,
    pub leeway_secs: u64,
}

/// Verify signature and claims; returns the claims.
pub fn verify(
    token: &str,
    header: &JwtHeader,
    key: &Key,
    exp: &Expectations,
    now: u64,
) -> Result<Value, TokenError> {
    let mut v = Validation::new(key.alg);
    v.algorithms = vec![key.alg];
    v.leeway = exp.leeway_secs;
    // Times are judged below against `now` (the injected clock), not the wall clock
    // jsonwebtoken would read.
    v.validate_exp = false;
    v.validate_nbf = false;
    v.set_required_spec_claims(&["exp", "iss", "aud"]);
    v.set_issuer(&[exp.issuer.as_str()]);
    v.set_audience(&exp.audiences);
    debug_assert_eq!(header.alg, key.alg);
    super::ossl::install();
    let data = jsonwebtoken::decode::<Value>(token, &key.decoding, &v).map_err(|e| {
        use jsonwebtoken::errors::ErrorKind as K;
        match e.kind() {
            K::ExpiredSignature => TokenError::Expired,
            K::ImmatureSignature => TokenError::NotYetValid,
            K::InvalidIssuer => TokenError::WrongIssuer,
            K::InvalidAudience => TokenError::WrongAudience,
            K::MissingRequiredClaim(c) if c == "exp" => TokenError::MissingExp,
            K::MissingRequiredClaim(c) if c == "iss" => TokenError::WrongIssuer,
            K::MissingRequiredClaim(_) => TokenError::WrongAudience,
            K::InvalidSignature
            | K::InvalidEcdsaKey
            | K::InvalidRsaKey(_)
            | K::InvalidKeyFormat => TokenError::BadSignature,
            K::InvalidAlgorithm | K::InvalidAlgorithmName => TokenError::AlgNotAllowed,
            _ => TokenError::Malformed,
        }
    })?;
    let claims = data.claims;
    check_times(&claims, exp.leeway_secs, now)?;
    Ok(claims)
}

/// `exp` (required, a number: expired once `now ≥ exp + leeway`), `nbf` and `iat` (not after
/// `now + leeway`), judged at `now`.
fn check_times(claims: &Value, leeway_secs: u64, now: u64) -> Result<(), TokenError> {
    let num = |k: &str| {
        claims
            .get(k)
            .map(|v| v.as_f64().ok_or(TokenError::Malformed))
            .transpose()
    };
    let l = leeway_secs as f64;
    let n = now as f64;
    match claims.get("exp") {
        Some(Value::Number(_)) => {}
        _ => return Err(TokenError::MissingExp),
    }
    if num("exp")?.is_some_and(|e| e + l <= n) {
        return Err(TokenError::Expired);
    }
    if num("nbf")?.is_some_and(|v| v > n + l) {
        return Err(TokenError::NotYetValid);
    }
    if num("iat")?.is_some_and(|v| v > n + l) {
        return Err(TokenError::IssuedInFuture);
    }
    Ok(())
}

/// Claims of an encrypted-but-unsigned payload (issuers that trust encryption alone): the same
/// claim rules as a signed JWT, minus the signature.
pub fn check_unsigned_claims(
    claims: &Value,
    exp: &Expectations,
    now: u64,
) -> Result<(), TokenError> {
    check_times(claims, exp.leeway_secs, now)?;
    if claims.get("iss").and_then(Value::as_str) != Some(exp.issuer.as_str()) {
        return Err(TokenError::WrongIssuer);
    }
    let aud_ok = match claims.get("aud") {
        Some(Value::String(a)) => exp.audiences.contains(a),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .any(|a| exp.audiences.iter().any(|x| x == a)),
        _ => false,
    };
    if !aud_ok {
        return Err(TokenError::WrongAudience);
    }
    Ok(())
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::mint;
    use serde_json::json;

    /// `exp` is required and expired once `now ≥ exp + leeway`; `nbf` and `iat` are refused
    /// only when later than `now + leeway`. Each bound exactly.
    #[test]
    fn times_are_judged_at_their_bounds_with_the_leeway() {
        let now = 1_700_000_000u64;
        let with = |k: &str, v: Value| {
            let mut c = json!({"exp": now + 3600});
            c[k] = v;
            c
        };
        assert_eq!(
            check_times(&json!({"exp": now - 30}), 30, now),
            Err(TokenError::Expired)
        );
        assert_eq!(check_times(&json!({"exp": now - 29}), 30, now), Ok(()));
        assert_eq!(check_times(&json!({"exp": now + 1}), 0, now), Ok(()));
        assert_eq!(
            check_times(&json!({"exp": now}), 0, now),
            Err(TokenError::Expired)
        );
        for (k, refused) in [
            ("nbf", TokenError::NotYetValid),
            ("iat", TokenError::IssuedInFuture),
        ] {
            assert_eq!(
                check_times(&with(k, json!(now + 30)), 30, now),
                Ok(()),
                "{k}"
            );
            assert_eq!(
                check_times(&with(k, json!(now + 31)), 30, now),
                Err(refused),
                "{k}"
            );
            assert_eq!(check_times(&with(k, json!(now)), 0, now), Ok(()), "{k}");
            assert_eq!(
                check_times(&with(k, json!(now - 1000)), 0, now),
                Ok(()),
                "{k}"
            );
            assert_eq!(
                check_times(&with(k, json!(now + 1)), 0, now),
                Err(refused),
                "{k}"
            );
            assert_eq!(
                check_times(&with(k, json!("soon")), 30, now),
                Err(TokenError::Malformed),
                "{k}"
            );
        }
        assert_eq!(
            check_times(&json!({}), 30, now),
            Err(TokenError::MissingExp)
        );
        assert_eq!(
            check_times(&json!({"exp": "soon"}), 30, now),
            Err(TokenError::MissingExp)
        );
    }

    /// An encrypted-but-unsigned payload meets the same claim rules as a signed token.
    #[test]
    fn unsigned_payload_claims_follow_the_signed_rules() {
        let now = 1_700_000_000u64;
        let expect = Expectations {
            issuer: "https://i".into(),
            audiences: vec!["api".into(), "web".into()],
            leeway_secs: 0,
        };
        let good = json!({"iss": "https://i", "aud": "api", "exp": now + 60});
        let with = |k: &str, v: Option<Value>| {
            let mut c = good.clone();
            match v {
                Some(v) => c[k] = v,
                None => {
                    c.as_object_mut().expect("object").remove(k);
                }
            }
            c
        };
        for (claims, want) in [
            (good.clone(), Ok(())),
            (with("aud", Some(json!(["x", "web"]))), Ok(())),
            (
                with("aud", Some(json!(["x", "y"]))),
                Err(TokenError::WrongAudience),
            ),
            (with("aud", Some(json!([]))), Err(TokenError::WrongAudience)),
            (
                with("aud", Some(json!("other"))),
                Err(TokenError::WrongAudience),
            ),
            (with("aud", Some(json!(7))), Err(TokenError::WrongAudience)),
            (with("aud", None), Err(TokenError::WrongAudience)),
            (
                with("iss", Some(json!("https://other"))),
                Err(TokenError::WrongIssuer),
            ),
            (with("iss", None), Err(TokenError::WrongIssuer)),
            (with("exp", Some(json!(now))), Err(TokenError::Expired)),
            (with("exp", None), Err(TokenError::MissingExp)),
        ] {
            assert_eq!(
                check_unsigned_claims(&claims, &expect, now),
                want,
                "{claims}"
            );
        }
    }

    /// An RSA key without `alg` takes the issuer's one RSA algorithm (several: refused); a
    /// key whose algorithm the issuer does not allow, or an HMAC one, is skipped.
    #[test]
    fn jwk_algorithms_come_from_the_key_and_the_issuer() {
        let rsa = openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).expect("rsa"))
            .expect("pkey");
        let mut jwk = mint::public_jwk(&rsa, "r", Algorithm::PS256).expect("jwk");
        jwk.as_object_mut().expect("object").remove("alg");
        let doc = json!({ "keys": [jwk] });
        let (set, notes) =
            KeySet::from_jwks(&doc, &[Algorithm::PS256, Algorithm::ES256]).expect("set");
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(set.by_kid["r"].alg, Algorithm::PS256);
        let (set, notes) =
            KeySet::from_jwks(&doc, &[Algorithm::RS256, Algorithm::PS256]).expect("set");
        assert!(set.is_empty());
        assert_eq!(
            notes,
            ["keys[0]: RSA key without `alg`, and the issuer allows several RSA algorithms"]
        );
        // With `alg`, but not allowed: skipped.
        let jwk = mint::public_jwk(&rsa, "r", Algorithm::RS256).expect("jwk");
        let (set, notes) =
            KeySet::from_jwks(&json!({ "keys": [jwk] }), &[Algorithm::PS256]).expect("set");
        assert!(set.is_empty());
        assert_eq!(
            notes,
            ["keys[0] skipped (not a signature key for an allowed algorithm)"]
        );
    }

    /// A key in a log line or panic message shows its kid and algorithm, never its material
    /// (an HMAC key is the shared secret itself).
    #[test]
    fn a_key_prints_its_kid_and_algorithm_never_its_material() {
        let k = Key {
            kid: Some("k1".into()),
            alg: Algorithm::HS256,
            decoding: DecodingKey::from_secret(b"hunter2-hunter2-hunter2-hunter2!").unwrap(),
        };
        assert_eq!(
            format!("{k:?}"),
            "Key { kid: Some(\"k1\"), alg: HS256, .. }"
        );
    }

    /// Each refusal's reason, as metrics and audit records carry it (a dashboard or SIEM
    /// query matches these strings), and which ones are client-certificate refusals (their
    /// own problem type, no `Bearer` challenge).
    #[test]
    fn every_refusal_has_its_own_reason_and_only_certificate_ones_are_certificate() {
        use TokenError::*;
        let table = [
            (Missing, "missing", false),
            (TooLarge, "too_large", false),
            (Malformed, "malformed", false),
            (AlgNotAllowed, "alg_not_allowed", false),
            (ForbiddenHeader, "forbidden_header", false),
            (CritUnsupported, "crit_unsupported", false),
            (UnknownIssuer, "unknown_issuer", false),
            (UnknownKid, "unknown_kid", false),
            (AlgKeyMismatch, "alg_key_mismatch", false),
            (BadSignature, "bad_signature", false),
            (Expired, "expired", false),
            (NotYetValid, "not_yet_valid", false),
            (IssuedInFuture, "issued_in_future", false),
            (MissingExp, "missing_exp", false),
            (WrongIssuer, "wrong_issuer", false),
            (WrongAudience, "wrong_audience", false),
            (Inactive, "inactive", false),
            (BadApiKey, "bad_api_key", false),
            (JweMalformed, "jwe_malformed", false),
            (JweDecryptFailed, "jwe_decrypt_failed", false),
            (UnsignedPayload, "unsigned_payload", false),
            (CertExpired, "cert_expired", true),
            (CertNotYetValid, "cert_not_yet_valid", true),
            (CertUntrusted, "cert_untrusted", true),
            (CertRevoked, "cert_revoked", true),
            (CertInvalid, "cert_invalid", true),
            (CertUnmapped, "cert_unmapped", true),
        ];
        for (e, reason, cert) in table {
            assert_eq!((e.reason(), e.is_certificate()), (reason, cert), "{e:?}");
        }
    }

    /// Key choice (by kid; without one, only a unique key of the token's algorithm) and the
    /// reason each refusal is given, through real signatures.
    #[test]
    fn keys_are_chosen_by_kid_or_uniquely_and_refusals_say_why() {
        let (a, a_pem) = mint::generate_es256().expect("key a");
        let (b, b_pem) = mint::generate_es256().expect("key b");
        let ed = openssl::pkey::PKey::generate_ed25519().expect("ed");
        let ed_pem = ed.private_key_to_pem_pkcs8().expect("pem");
        let mut ed_jwk = mint::public_jwk(&ed, "x", Algorithm::EdDSA).expect("jwk");
        ed_jwk.as_object_mut().expect("object").remove("kid");
        let jwks = json!({"keys": [
            mint::public_jwk(&a, "a", Algorithm::ES256).expect("jwk"),
            mint::public_jwk(&b, "b", Algorithm::ES256).expect("jwk"),
            ed_jwk,
        ]});
        let (set, notes) =
            KeySet::from_jwks(&jwks, &[Algorithm::ES256, Algorithm::EdDSA]).expect("set");
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            (set.len(), set.is_empty(), set.anonymous.len()),
            (3, false, 1)
        );
        assert!(KeySet::default().is_empty());

        let now = 1_700_000_000u64;
        let expect = Expectations {
            issuer: "https://i".into(),
            audiences: vec!["api".into()],
            leeway_secs: 0,
        };
        let good = json!({"iss": "https://i", "aud": "api", "sub": "s", "exp": now + 60});
        let check = |pem: &[u8], alg, kid: Option<&str>, claims: &Value| {
            let t = mint::sign(pem, alg, kid, claims).expect("sign");
            let h = screen_header(&t)?;
            let k = set.select(&h)?;
            verify(&t, &h, k, &expect, now)
        };
        assert!(check(&a_pem, Algorithm::ES256, Some("a"), &good).is_ok());
        assert!(check(&b_pem, Algorithm::ES256, Some("b"), &good).is_ok());
        // Signed by b, naming a.
        assert_eq!(
            check(&b_pem, Algorithm::ES256, Some("a"), &good).err(),
            Some(TokenError::BadSignature)
        );
        // No kid: two ES256 keys are ambiguous; the one EdDSA key is unique.
        assert_eq!(
            check(&a_pem, Algorithm::ES256, None, &good).err(),
            Some(TokenError::UnknownKid)
        );
        assert!(check(&ed_pem, Algorithm::EdDSA, None, &good).is_ok());
        assert_eq!(
            check(&ed_pem, Algorithm::EdDSA, Some("a"), &good).err(),
            Some(TokenError::AlgKeyMismatch)
        );
        assert_eq!(
            check(&a_pem, Algorithm::ES256, Some("zz"), &good).err(),
            Some(TokenError::UnknownKid)
        );
        // Claims: each refusal with its own reason.
        let with = |k: &str, v: Value| {
            let mut c = good.clone();
            c[k] = v;
            c
        };
        let without = |k: &str| {
            let mut c = good.clone();
            c.as_object_mut().expect("object").remove(k);
            c
        };
        let no_aud = without("aud");
        for (claims, why) in [
            (without("exp"), TokenError::MissingExp),
            (without("iss"), TokenError::WrongIssuer),
            (with("iss", json!("https://other")), TokenError::WrongIssuer),
            (with("aud", json!("other")), TokenError::WrongAudience),
            (no_aud, TokenError::WrongAudience),
            (with("exp", json!(now)), TokenError::Expired),
            (with("nbf", json!(now + 10)), TokenError::NotYetValid),
        ] {
            assert_eq!(
                check(&a_pem, Algorithm::ES256, Some("a"), &claims).err(),
                Some(why),
                "{claims}"
            );
        }
    }

    fn enc(v: &Value) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string())
    }

    #[test]
    fn bearer_scheme_is_case_insensitive() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bEaReR abc"), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer"), None);
        assert_eq!(bearer("Bearer a b"), None);
    }

    #[test]
    fn alg_none_in_every_case_is_refused() {
        for alg in ["none", "None", "NONE", "nOnE", "", "HS256 ", "rs256"] {
            let t = format!(
                "{}.{}.",
                enc(&serde_json::json!({"alg": alg})),
                enc(&serde_json::json!({}))
            );
            assert_eq!(
                screen_header(&t).unwrap_err(),
                TokenError::AlgNotAllowed,
                "{alg:?}"
            );
        }
    }

    #[test]
    fn forbidden_headers() {
        for (k, v) in [
            ("jwk", serde_json::json!({"kty": "oct", "k": "AA"})),
            ("jku", serde_json::json!("https://evil/jwks")),
            ("x5u", serde_json::json!("https://evil/cert")),
            ("x5c", serde_json::json!(["MII"])),
        ] {
            let mut h = serde_json::json!({"alg": "RS256", "kid": "a"});
            h[k] = v;
            let t = format!("{}.e30.sig", enc(&h));
            assert_eq!(
                screen_header(&t).unwrap_err(),
                TokenError::ForbiddenHeader,
                "{k}"
            );
        }
        let t = format!(
            "{}.e30.sig",
            enc(&serde_json::json!({"alg": "RS256", "crit": ["exp"]}))
        );
        assert_eq!(screen_header(&t).unwrap_err(), TokenError::CritUnsupported);
    }

    #[test]
    fn looks_like() {
        assert!(looks_like_jwt("a.b.c"));
        assert!(looks_like_jwt("a.b."));
        assert!(!looks_like_jwt("opaque-token"));
        assert!(!looks_like_jwt("a.b.c.d.e"));
    }
}
