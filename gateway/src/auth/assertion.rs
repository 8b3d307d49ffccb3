//! The gateway's own signed identity for upstreams.
//!
//! After a successful check the upstream receives a short-lived JWT signed by the gateway
//! (EdDSA / Ed25519): `aud` = the upstream name, `exp` ≤ 60 s, plus the verified `sub`,
//! `client_id`, `tenant`, `scope`, `amr`, `src_iss` and, for a client certificate,
//! `cnf.x5t#S256`. The public keys are served as a JWKS on the admin listener. Rotation without
//! downtime: list the new key next to the old one, publish both, then switch `active_kid`.
//!
//! Signing costs tens of microseconds, most of an authenticated request's CPU. So a signed
//! assertion is reused for the same principal, upstream and key while it is younger than half
//! its `ttl` ([`Asserter::sign`]): an upstream always receives one with at least half its life
//! left, and a principal costs one signature per upstream every `ttl / 2`. The price is that
//! an assertion no longer names one request (the request id travels in `x-request-id`), so an
//! assertion seen between the gateway and an upstream can be replayed to that upstream until
//! it expires; `assertion.reuse: false` signs every request (docs/security.md).
//!
//! The reuse cache lives in the [`Asserter`], which every configuration load builds anew: a
//! reload (new keys, `active_kid`, issuer, ttl, principal mapping) never serves an assertion
//! signed under the previous one. Entries are looked up by a 64-bit hash of the claims but
//! handed out only if every claim compares equal, so a hash collision costs a signature, never
//! another principal's assertion.

use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use openssl::pkey::{Id, PKey, Private};
use serde_json::{json, Value};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

/// How many signed assertions are kept for reuse (principal × upstream pairs). About 1 KiB
/// each; past it moka evicts the least used, which then cost a signature again.
pub const REUSE_MAX_ENTRIES: u64 = 10_000;

#[derive(Clone)]
pub struct SigningKey {
    pub kid: String,
    encoding: EncodingKey,
    /// Public JWK (OKP / Ed25519).
    pub jwk: Value,
}

impl SigningKey {
    /// From a PEM (PKCS#8) Ed25519 private key.
    pub fn from_pem(kid: &str, pem: &[u8]) -> Result<SigningKey, String> {
        let pkey =
            PKey::private_key_from_pem(pem).map_err(|e| format!("not a PEM private key: {e}"))?;
        Self::from_pkey(kid, &pkey)
    }

    pub fn generate(kid: &str) -> Result<SigningKey, String> {
        let pkey = PKey::generate_ed25519().map_err(|e| e.to_string())?;
        Self::from_pkey(kid, &pkey)
    }

    fn from_pkey(kid: &str, pkey: &PKey<Private>) -> Result<SigningKey, String> {
        if pkey.id() != Id::ED25519 {
            return Err("the assertion key must be an Ed25519 key".into());
        }
        let pem = pkey.private_key_to_pem_pkcs8().map_err(|e| e.to_string())?;
        let encoding = EncodingKey::from_ed_pem(&pem).map_err(|e| e.to_string())?;
        let raw = pkey.raw_public_key().map_err(|e| e.to_string())?;
        let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
        let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "alg": "EdDSA", "use": "sig"});
        Ok(SigningKey {
            kid: kid.to_string(),
            encoding,
            jwk,
        })
    }
}

pub struct Asserter {
    pub issuer: String,
    pub header: String,
    pub ttl_secs: u64,
    keys: Vec<SigningKey>,
    active: usize,
    /// Signed assertions handed out again (`None`: `assertion.reuse: false`, or a ttl too
    /// short to reuse anything).
    reuse: Option<Reuse>,
}

struct Reuse {
    cache: moka::sync::Cache<u64, Arc<Signed>, foldhash::fast::RandomState>,
    hasher: foldhash::fast::RandomState,
    /// An assertion is handed out while `now - iat` is below this (seconds).
    max_age: u64,
}

/// One signed assertion and the claims it was signed for (compared on every hit).
struct Signed {
    value: http::HeaderValue,
    iat: u64,
    kid: usize,
    upstream: Box<str>,
    method: crate::identity::AuthMethod,
    issuer: String,
    subject: Option<String>,
    client_id: Option<String>,
    tenant: Option<String>,
    scopes: Vec<String>,
    /// SHA-256 (hex) of the bound client certificate.
    cert: Option<String>,
}

impl Signed {
    fn is_for(&self, c: &AssertionClaims<'_>, kid: usize) -> bool {
        let p = c.principal;
        self.kid == kid
            && *self.upstream == *c.upstream
            && self.method == p.method
            && self.issuer == p.issuer
            && self.subject == p.subject
            && self.client_id == p.client_id
            && self.tenant == p.tenant
            && self.scopes == p.scopes
            && self.cert.as_deref() == c.client_cert.map(|c| c.sha256.as_str())
    }
}

/// What the assertion says.
pub struct AssertionClaims<'a> {
    pub upstream: &'a str,
    pub principal: &'a crate::identity::Principal,
    /// The verified client certificate of the connection: bound as `cnf.x5t#S256` (RFC 8705).
    pub client_cert: Option<&'a crate::clientcert::PeerCert>,
}

impl Asserter {
    /// `reuse`: hand a signed assertion out again to the same principal for the same upstream
    /// while it is younger than `ttl / 2`.
    pub fn new(
        issuer: String,
        header: String,
        ttl_secs: u64,
        keys: Vec<SigningKey>,
        active_kid: &str,
        reuse: bool,
    ) -> Result<Asserter, String> {
        let active = keys
            .iter()
            .position(|k| k.kid == active_kid)
            .ok_or_else(|| format!("active_kid {active_kid:?} is not among the keys"))?;
        let ttl_secs = ttl_secs.clamp(1, 60);
        let max_age = ttl_secs / 2;
        let reuse = (reuse && max_age > 0).then(|| Reuse {
            cache: moka::sync::Cache::builder()
                .max_capacity(REUSE_MAX_ENTRIES)
                // Memory only: whether an entry is still handed out is judged by `sign`'s `now`.
                .time_to_live(Duration::from_secs(max_age + 1))
                .build_with_hasher(foldhash::fast::RandomState::default()),
            hasher: foldhash::fast::RandomState::default(),
            max_age,
        });
        Ok(Asserter {
            issuer,
            header,
            ttl_secs,
            keys,
            active,
            reuse,
        })
    }

    /// The public JWKS (every configured key, so verifiers accept both during a rotation).
    pub fn jwks(&self) -> Value {
        json!({"keys": self.keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>()})
    }

    /// The assertion for `c` at `now` (Unix seconds): the one signed earlier for the same
    /// claims and key if it is younger than `ttl / 2`, else a new one.
    pub fn sign(&self, c: &AssertionClaims<'_>, now: u64) -> Result<http::HeaderValue, String> {
        let Some(r) = &self.reuse else {
            return Ok(self.sign_new(c, now)?.value);
        };
        let h = self.claims_hash(&r.hasher, c);
        if let Some(s) = r.cache.get(&h) {
            if now >= s.iat && now - s.iat < r.max_age && s.is_for(c, self.active) {
                return Ok(s.value.clone());
            }
        }
        let s = self.sign_new(c, now)?;
        let value = s.value.clone();
        r.cache.insert(h, Arc::new(s));
        Ok(value)
    }

    /// Everything the claims depend on but the time.
    fn claims_hash(&self, b: &foldhash::fast::RandomState, c: &AssertionClaims<'_>) -> u64 {
        let p = c.principal;
        let mut h = b.build_hasher();
        self.active.hash(&mut h);
        c.upstream.hash(&mut h);
        p.method.as_str().hash(&mut h);
        p.issuer.hash(&mut h);
        p.subject.hash(&mut h);
        p.client_id.hash(&mut h);
        p.tenant.hash(&mut h);
        p.scopes.hash(&mut h);
        c.client_cert.map(|c| c.sha256.as_str()).hash(&mut h);
        h.finish()
    }

    fn sign_new(&self, c: &AssertionClaims<'_>, now: u64) -> Result<Signed, String> {
        let k = &self.keys[self.active];
        let mut h = Header::new(Algorithm::EdDSA);
        h.kid = Some(k.kid.clone());
        h.typ = Some("JWT".into());
        let p = c.principal;
        let mut claims = json!({
            "iss": self.issuer,
            "aud": c.upstream,
            "iat": now,
            "exp": now + self.ttl_secs,
            "sub": p.subject,
            "client_id": p.client_id,
            "tenant": p.tenant,
            "scope": p.scopes.join(" "),
            "amr": [p.method.as_str()],
            "src_iss": p.issuer,
        });
        if let Some(c) = c.client_cert {
            claims["cnf"] = json!({ "x5t#S256": c.x5t_s256() });
        }
        super::ossl::install();
        let jwt = jsonwebtoken::encode(&h, &claims, &k.encoding).map_err(|e| e.to_string())?;
        let value = http::HeaderValue::from_maybe_shared(bytes::Bytes::from(jwt))
            .map_err(|e| e.to_string())?;
        Ok(Signed {
            value,
            iat: now,
            kid: self.active,
            upstream: c.upstream.into(),
            method: p.method,
            issuer: p.issuer.clone(),
            subject: p.subject.clone(),
            client_id: p.client_id.clone(),
            tenant: p.tenant.clone(),
            scopes: p.scopes.clone(),
            cert: c.client_cert.map(|c| c.sha256.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clientcert::PeerCert;
    use crate::identity::{AuthMethod, Principal};

    const T0: u64 = 1_800_000_000;

    fn asserter(ttl: u64, reuse: bool) -> Asserter {
        let k = SigningKey::generate("k1").expect("key");
        Asserter::new("gateway".into(), "x-a".into(), ttl, vec![k], "k1", reuse).expect("asserter")
    }

    fn alice() -> Principal {
        Principal {
            method: AuthMethod::Jwt,
            issuer: "https://idp".into(),
            subject: Some("alice".into()),
            client_id: Some("app".into()),
            tenant: Some("acme".into()),
            scopes: vec!["read:orders".into(), "write:orders".into()],
            tier: None,
            api_key_id: None,
        }
    }

    fn cert(sha256: &str) -> PeerCert {
        PeerCert {
            sha256: sha256.into(),
            subject_cn: Some("partner".into()),
            san_dns: vec![],
            san_uri: vec![],
            san_email: vec![],
            serial: "01".into(),
            error: None,
        }
    }

    fn claims<'a>(p: &'a Principal, upstream: &'a str) -> AssertionClaims<'a> {
        AssertionClaims {
            upstream,
            principal: p,
            client_cert: None,
        }
    }

    fn sign(a: &Asserter, c: &AssertionClaims<'_>, now: u64) -> String {
        a.sign(c, now)
            .expect("signed")
            .to_str()
            .expect("ascii")
            .to_string()
    }

    /// (header, claims) of a compact JWS, unverified.
    fn decode(jwt: &str) -> (Value, Value) {
        let part = |i: usize| -> Value {
            let b = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(jwt.split('.').nth(i).expect("part"))
                .expect("b64");
            serde_json::from_slice(&b).expect("json")
        };
        (part(0), part(1))
    }

    #[test]
    fn reused_for_the_same_principal_and_upstream_until_half_its_ttl() {
        let a = asserter(30, true);
        let p = alice();
        let first = sign(&a, &claims(&p, "orders"), T0);
        let (_, c) = decode(&first);
        assert_eq!(c["iat"], T0);
        assert_eq!(c["exp"], T0 + 30);
        assert_eq!(c["sub"], "alice");
        assert!(
            c.get("rid").is_none(),
            "no request id in a reused assertion: {c}"
        );
        // An equal principal (another request's copy) gets the same bytes until 15 s old.
        let again = alice();
        for dt in [0, 1, 14] {
            assert_eq!(
                sign(&a, &claims(&again, "orders"), T0 + dt),
                first,
                "+{dt}s"
            );
        }
        // From half its life on, a new one: an upstream never gets one with less than 15 s left.
        let renewed = sign(&a, &claims(&p, "orders"), T0 + 15);
        assert_ne!(renewed, first);
        assert_eq!(decode(&renewed).1["iat"], T0 + 15);
        // ... which is then the one reused.
        assert_eq!(sign(&a, &claims(&p, "orders"), T0 + 29), renewed);
        // A clock that went back does not hand out an assertion from the future.
        let back = sign(&a, &claims(&p, "orders"), T0 + 10);
        assert_eq!(decode(&back).1["iat"], T0 + 10);
    }

    #[test]
    fn every_claim_is_part_of_the_key() {
        let a = asserter(30, true);
        let base = alice();
        let first = sign(&a, &claims(&base, "orders"), T0);
        let c1 = cert("aa".repeat(32).as_str());
        let c2 = cert("bb".repeat(32).as_str());
        // (what differs, principal, upstream, certificate, the claim it shows in, its value)
        type Variant<'a> = (
            &'a str,
            Principal,
            &'a str,
            Option<&'a PeerCert>,
            &'a str,
            Value,
        );
        let variants: Vec<Variant<'_>> = {
            let with = |f: &dyn Fn(&mut Principal)| {
                let mut p = alice();
                f(&mut p);
                p
            };
            vec![
                (
                    "upstream",
                    alice(),
                    "billing",
                    None,
                    "aud",
                    json!("billing"),
                ),
                (
                    "scope",
                    with(&|p| p.scopes.pop().map(drop).unwrap_or(())),
                    "orders",
                    None,
                    "scope",
                    json!("read:orders"),
                ),
                (
                    "tenant",
                    with(&|p| p.tenant = Some("globex".into())),
                    "orders",
                    None,
                    "tenant",
                    json!("globex"),
                ),
                (
                    "subject",
                    with(&|p| p.subject = Some("bob".into())),
                    "orders",
                    None,
                    "sub",
                    json!("bob"),
                ),
                (
                    "no subject",
                    with(&|p| p.subject = None),
                    "orders",
                    None,
                    "sub",
                    Value::Null,
                ),
                (
                    "client_id",
                    with(&|p| p.client_id = Some("other".into())),
                    "orders",
                    None,
                    "client_id",
                    json!("other"),
                ),
                (
                    "source issuer",
                    with(&|p| p.issuer = "https://idp2".into()),
                    "orders",
                    None,
                    "src_iss",
                    json!("https://idp2"),
                ),
                (
                    "method",
                    with(&|p| p.method = AuthMethod::ApiKey),
                    "orders",
                    None,
                    "amr",
                    json!(["api_key"]),
                ),
                ("certificate", alice(), "orders", Some(&c1), "cnf", {
                    json!({"x5t#S256": c1.x5t_s256()})
                }),
                (
                    "another certificate",
                    alice(),
                    "orders",
                    Some(&c2),
                    "cnf",
                    { json!({"x5t#S256": c2.x5t_s256()}) },
                ),
            ]
        };
        let mut seen = vec![first.clone()];
        for (what, p, upstream, cert, claim, want) in &variants {
            let c = AssertionClaims {
                upstream,
                principal: p,
                client_cert: *cert,
            };
            let t = sign(&a, &c, T0 + 1);
            assert!(
                !seen.contains(&t),
                "{what}: got an assertion signed for other claims"
            );
            assert_eq!(decode(&t).1[*claim], *want, "{what}");
            // ... and it is reused for exactly these claims.
            assert_eq!(sign(&a, &c, T0 + 2), t, "{what}: not reused");
            seen.push(t);
        }
        // The first principal's entry was not displaced by the others.
        assert_eq!(sign(&a, &claims(&base, "orders"), T0 + 3), first);
    }

    #[test]
    fn a_hash_collision_never_hands_out_another_principals_assertion() {
        let a = asserter(30, true);
        let r = a.reuse.as_ref().expect("reuse on");
        let (alice, mut bob) = (alice(), alice());
        bob.subject = Some("bob".into());
        // Alice's assertion stored where Bob's would be, as a colliding hash would.
        let alices = a.sign_new(&claims(&alice, "orders"), T0).expect("signed");
        r.cache.insert(
            a.claims_hash(&r.hasher, &claims(&bob, "orders")),
            Arc::new(alices),
        );
        let t = sign(&a, &claims(&bob, "orders"), T0 + 1);
        assert_eq!(decode(&t).1["sub"], "bob");
    }

    #[test]
    fn a_new_active_kid_signs_with_the_new_key_at_once() {
        let k1 = SigningKey::generate("k1").expect("key");
        let k2 = SigningKey::generate("k2").expect("key");
        let keys = vec![k1, k2];
        let p = alice();
        let before = Asserter::new("gateway".into(), "x-a".into(), 30, keys.clone(), "k1", true)
            .expect("asserter");
        let t1 = sign(&before, &claims(&p, "orders"), T0);
        assert_eq!(decode(&t1).0["kid"], "k1");
        // A reload with `active_kid: k2` builds a new Asserter: nothing signed under k1 is
        // handed out any more, although it is still young.
        let after =
            Asserter::new("gateway".into(), "x-a".into(), 30, keys, "k2", true).expect("asserter");
        let t2 = sign(&after, &claims(&p, "orders"), T0 + 1);
        assert_eq!(decode(&t2).0["kid"], "k2");
        // The published JWKS holds both keys, so verifiers accept either during the rotation.
        let jwks = after.jwks();
        let kids: Vec<&str> = jwks["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .map(|k| k["kid"].as_str().expect("kid"))
            .collect();
        assert_eq!(kids, ["k1", "k2"]);
        assert!(jwks["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .all(|k| k["kty"] == "OKP"));
    }

    #[test]
    fn without_reuse_each_second_gets_its_own() {
        let a = asserter(30, false);
        let p = alice();
        let t1 = sign(&a, &claims(&p, "orders"), T0);
        let t2 = sign(&a, &claims(&p, "orders"), T0 + 1);
        assert_ne!(t1, t2);
        assert_eq!(decode(&t2).1["iat"], T0 + 1);
        // A ttl of 1 s leaves nothing to reuse: every second signs anew.
        let short = asserter(1, true);
        assert!(short.reuse.is_none());
    }
}
