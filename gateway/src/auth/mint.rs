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
