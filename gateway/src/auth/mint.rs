//! Development helpers: mint test tokens from a local key and publish its JWKS.
//! Used by `gateway token`, the demo issuer and the tests. Not for production issuance.

use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use openssl::bn::BigNumContext;
use openssl::ec::PointConversionForm;
use openssl::nid::Nid;
use openssl::pkey::{Id, PKey, Private};
use serde_json::{json, Value};

fn b64(b: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// The natural algorithm of a key: ES256/ES384 by curve, EdDSA, RS256.
pub fn default_alg(pkey: &PKey<Private>) -> Result<Algorithm, String> {
    match pkey.id() {
        Id::EC => match pkey
            .ec_key()
            .map_err(|e| e.to_string())?
            .group()
            .curve_name()
        {
            Some(Nid::X9_62_PRIME256V1) => Ok(Algorithm::ES256),
            Some(Nid::SECP384R1) => Ok(Algorithm::ES384),
            _ => Err("unsupported EC curve (P-256 or P-384)".into()),
        },
        Id::ED25519 => Ok(Algorithm::EdDSA),
        Id::RSA => Ok(Algorithm::RS256),
        _ => Err("unsupported key type".into()),
    }
}

/// The public JWK of a private key, with `kid` and `alg`.
pub fn public_jwk(pkey: &PKey<Private>, kid: &str, alg: Algorithm) -> Result<Value, String> {
    let alg_s = format!("{alg:?}");
    match pkey.id() {
        Id::EC => {
            let ec = pkey.ec_key().map_err(|e| e.to_string())?;
            let mut ctx = BigNumContext::new().map_err(|e| e.to_string())?;
            let bytes = ec
                .public_key()
                .to_bytes(ec.group(), PointConversionForm::UNCOMPRESSED, &mut ctx)
                .map_err(|e| e.to_string())?;
            let n = (bytes.len() - 1) / 2;
            let crv = if n == 32 { "P-256" } else { "P-384" };
            Ok(
                json!({"kty": "EC", "crv": crv, "x": b64(&bytes[1..1 + n]), "y": b64(&bytes[1 + n..]), "kid": kid, "alg": alg_s, "use": "sig"}),
            )
        }
        Id::ED25519 => {
            let raw = pkey.raw_public_key().map_err(|e| e.to_string())?;
            Ok(
                json!({"kty": "OKP", "crv": "Ed25519", "x": b64(&raw), "kid": kid, "alg": "EdDSA", "use": "sig"}),
            )
        }
        Id::RSA => {
            let rsa = pkey.rsa().map_err(|e| e.to_string())?;
            Ok(
                json!({"kty": "RSA", "n": b64(&rsa.n().to_vec()), "e": b64(&rsa.e().to_vec()), "kid": kid, "alg": alg_s, "use": "sig"}),
            )
        }
        _ => Err("unsupported key type".into()),
    }
}

/// Sign `claims` with a PEM private key.
pub fn sign(
    pem: &[u8],
    alg: Algorithm,
    kid: Option<&str>,
    claims: &Value,
) -> Result<String, String> {
    let key = match alg {
        Algorithm::ES256 | Algorithm::ES384 => EncodingKey::from_ec_pem(pem),
        Algorithm::EdDSA => EncodingKey::from_ed_pem(pem),
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => EncodingKey::from_secret(pem),
        _ => EncodingKey::from_rsa_pem(pem),
    }
    .map_err(|e| e.to_string())?;
    let mut h = Header::new(alg);
    h.kid = kid.map(String::from);
    super::ossl::install();
    jsonwebtoken::encode(&h, claims, &key).map_err(|e| e.to_string())
}

/// A fresh EC P-256 key (PKCS#8 PEM).
pub fn generate_es256() -> Result<(PKey<Private>, Vec<u8>), String> {
    let group =
        openssl::ec::EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).map_err(|e| e.to_string())?;
    let ec = openssl::ec::EcKey::generate(&group).map_err(|e| e.to_string())?;
    let pkey = PKey::from_ec_key(ec).map_err(|e| e.to_string())?;
    let pem = pkey.private_key_to_pem_pkcs8().map_err(|e| e.to_string())?;
    Ok((pkey, pem))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each key type: its natural algorithm, its public JWK, and a token signed with it that
    /// the gateway's own JWK reading (`KeySet::from_jwks`) and verification accept.
    #[test]
    fn every_key_type_signs_what_its_public_jwk_verifies() {
        let ec = |nid| {
            let g = openssl::ec::EcGroup::from_curve_name(nid).expect("group");
            PKey::from_ec_key(openssl::ec::EcKey::generate(&g).expect("ec")).expect("pkey")
        };
        let keys = [
            (ec(Nid::X9_62_PRIME256V1), Algorithm::ES256, "P-256"),
            (ec(Nid::SECP384R1), Algorithm::ES384, "P-384"),
            (
                PKey::generate_ed25519().expect("ed"),
                Algorithm::EdDSA,
                "Ed25519",
            ),
            (
                PKey::from_rsa(openssl::rsa::Rsa::generate(2048).expect("rsa")).expect("pkey"),
                Algorithm::RS256,
                "",
            ),
        ];
        let claims = json!({"iss": "https://i", "aud": "a", "sub": "s", "exp": 4_000_000_000u64});
        for (pkey, alg, crv) in keys {
            assert_eq!(default_alg(&pkey), Ok(alg));
            let jwk = public_jwk(&pkey, "k", alg).expect("jwk");
            assert_eq!(jwk["crv"].as_str().unwrap_or(""), crv, "{alg:?}");
            assert_eq!(jwk["alg"], format!("{alg:?}"));
            let pem = pkey.private_key_to_pem_pkcs8().expect("pem");
            let token = sign(&pem, alg, Some("k"), &claims).expect("sign");
            let (set, notes) =
                crate::auth::jwt::KeySet::from_jwks(&json!({"keys": [jwk]}), &[alg]).expect("set");
            assert!(notes.is_empty(), "{alg:?}: {notes:?}");
            let header = crate::auth::jwt::screen_header(&token).expect("header");
            let key = set.select(&header).expect("key");
            let expect = crate::auth::jwt::Expectations {
                issuer: "https://i".into(),
                audiences: vec!["a".into()],
                leeway_secs: 0,
            };
            let got = crate::auth::jwt::verify(&token, &header, key, &expect, 1_700_000_000);
            assert_eq!(got.expect("verified")["sub"], "s", "{alg:?}");
        }
        // HS256 signs with the secret itself.
        let secret = b"0123456789abcdef0123456789abcdef";
        let t = sign(secret, Algorithm::HS256, None, &claims).expect("hs256");
        let key = jsonwebtoken::DecodingKey::from_secret(secret).expect("key");
        let mut v = jsonwebtoken::Validation::new(Algorithm::HS256);
        v.set_audience(&["a"]);
        assert!(jsonwebtoken::decode::<Value>(&t, &key, &v).is_ok());
        // Anything else is refused by name.
        let x448 = PKey::generate_x448().expect("x448");
        assert!(default_alg(&x448).is_err());
    }
}
