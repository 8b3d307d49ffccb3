//! The gateway's own signed identity for upstreams.
//!
//! After a successful check the upstream receives a short-lived JWT signed by the gateway
//! (EdDSA / Ed25519: fast to sign on the request path): `aud` = the upstream name,
//! `exp` ≤ 60 s, `rid` = the request id, plus the verified `sub`, `client_id`, `tenant`,
//! `scope`. The public keys are served as a JWKS on the admin listener. Rotation without
//! downtime: list the new key next to the old one, publish both, then switch `active_kid`.

use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use openssl::pkey::{Id, PKey, Private};
use serde_json::{json, Value};

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
}

/// What the assertion says.
pub struct AssertionClaims<'a> {
    pub upstream: &'a str,
    pub request_id: &'a str,
    pub principal: &'a crate::identity::Principal,
    /// The verified client certificate of the connection: bound as `cnf.x5t#S256` (RFC 8705).
    pub client_cert: Option<&'a crate::clientcert::PeerCert>,
}

impl Asserter {
    pub fn new(
        issuer: String,
        header: String,
        ttl_secs: u64,
        keys: Vec<SigningKey>,
        active_kid: &str,
    ) -> Result<Asserter, String> {
        let active = keys
            .iter()
            .position(|k| k.kid == active_kid)
            .ok_or_else(|| format!("active_kid {active_kid:?} is not among the keys"))?;
        Ok(Asserter {
            issuer,
            header,
            ttl_secs: ttl_secs.clamp(1, 60),
            keys,
            active,
        })
    }

    /// The public JWKS (every configured key, so verifiers accept both during a rotation).
    pub fn jwks(&self) -> Value {
        json!({"keys": self.keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>()})
    }

    pub fn sign(&self, c: &AssertionClaims<'_>, now: u64) -> Result<String, String> {
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
            "rid": c.request_id,
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
        jsonwebtoken::encode(&h, &claims, &k.encoding).map_err(|e| e.to_string())
    }
}
