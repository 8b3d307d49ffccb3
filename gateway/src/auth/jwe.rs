//! Encrypted tokens: compact JWE (RFC 7516) decrypted at the gateway, then the signed JWT
//! inside goes through every check of [`super::jwt`].
//!
//! Accepted key management: RSA-OAEP-256, RSA-OAEP, ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A256KW,
//! `dir`. Content encryption: A128GCM, A256GCM, A128CBC-HS256, A256CBC-HS512. Nothing else,
//! and per issuer only what is configured. Never: RSA1_5 (Bleichenbacher), `zip` unless enabled
//! (then inflated with a hard cap), `jku`/`jwk`/`x5u`/`x5c`, `crit`.
//!
//! Side channels: every failure is the same 401. A failed RSA key unwrap continues with a random
//! CEK (RFC 7516 §11.5), so it fails later at the tag check like any tampering. AES-CBC-HMAC is
//! implemented here rather than taken from josekit because the tag must be checked (in
//! constant time) *before* any decryption or padding check: a padding error and a MAC error are
//! then the same error at the same point.

use super::jwt::TokenError;
use josekit::jwe::{self, JweContentEncryption, JweContext, JweDecrypter, JweHeader};
use josekit::JoseError;
use openssl::hash::MessageDigest;
use openssl::pkey::PKey;
use openssl::sign::Signer;
use openssl::symm::Cipher;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;

pub const KEY_ALGS: [&str; 6] = [
    "RSA-OAEP-256",
    "RSA-OAEP",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A256KW",
    "dir",
];
pub const ENC_ALGS: [&str; 4] = ["A128GCM", "A256GCM", "A128CBC-HS256", "A256CBC-HS512"];

/// Whether a token has the five parts of a compact JWE.
pub fn looks_like_jwe(token: &str) -> bool {
    token.split('.').count() == 5
}

/// AES-CBC + HMAC-SHA2 (RFC 7518 §5.2), MAC checked in constant time before decrypting.
#[derive(Debug, Clone, Copy)]
struct CbcHmac {
    name: &'static str,
    key_len: usize,
}

impl CbcHmac {
    fn md(&self) -> MessageDigest {
        if self.key_len == 32 {
            MessageDigest::sha256()
        } else {
            MessageDigest::sha512()
        }
    }
    fn cipher(&self) -> Cipher {
        if self.key_len == 32 {
            Cipher::aes_128_cbc()
        } else {
            Cipher::aes_256_cbc()
        }
    }
    fn tag(&self, mac_key: &[u8], aad: &[u8], iv: &[u8], ct: &[u8]) -> Result<Vec<u8>, JoseError> {
        let err = |e: openssl::error::ErrorStack| JoseError::InvalidSignature(e.into());
        let k = PKey::hmac(mac_key).map_err(err)?;
        let mut s = Signer::new(self.md(), &k).map_err(err)?;
        s.update(aad).map_err(err)?;
        s.update(iv).map_err(err)?;
        s.update(ct).map_err(err)?;
        s.update(&((aad.len() as u64) * 8).to_be_bytes())
            .map_err(err)?;
        let mut full = s.sign_to_vec().map_err(err)?;
        full.truncate(self.key_len / 2);
        Ok(full)
    }
}

impl JweContentEncryption for CbcHmac {
    fn name(&self) -> &str {
        self.name
    }
    fn key_len(&self) -> usize {
        self.key_len
    }
    fn iv_len(&self) -> usize {
        16
    }
    fn encrypt(
        &self,
        key: &[u8],
        iv: Option<&[u8]>,
        message: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Option<Vec<u8>>), JoseError> {
        // Used by the tests' round trip only; the gateway never encrypts.
        let iv = iv.ok_or_else(|| JoseError::InvalidJweFormat(anyhow::anyhow!("iv required")))?;
        let (mac_key, enc_key) = key.split_at(self.key_len / 2);
        let ct = openssl::symm::encrypt(self.cipher(), enc_key, Some(iv), message)
            .map_err(|e| JoseError::InvalidKeyFormat(e.into()))?;
        let tag = self.tag(mac_key, aad, iv, &ct)?;
        Ok((ct, Some(tag)))
    }
    fn decrypt(
        &self,
        key: &[u8],
        iv: Option<&[u8]>,
        ct: &[u8],
        aad: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Vec<u8>, JoseError> {
        let fail = || JoseError::InvalidSignature(anyhow::anyhow!("decryption failed"));
        if key.len() != self.key_len {
            return Err(fail());
        }
        let (iv, tag) = match (iv, tag) {
            (Some(iv), Some(tag)) if iv.len() == 16 && tag.len() == self.key_len / 2 => (iv, tag),
            _ => return Err(fail()),
        };
        let (mac_key, enc_key) = key.split_at(self.key_len / 2);
        let expected = self.tag(mac_key, aad, iv, ct)?;
        if !openssl::memcmp::eq(&expected, tag) {
            return Err(fail());
        }
        openssl::symm::decrypt(self.cipher(), enc_key, Some(iv), ct).map_err(|_| fail())
    }
    fn box_clone(&self) -> Box<dyn JweContentEncryption> {
        Box::new(*self)
    }
}

/// AES-GCM with the lengths JOSE mandates enforced first: a 96-bit IV and a full 128-bit tag.
/// (OpenSSL verifies a *truncated* GCM tag as a prefix, so an unchecked 13-byte tag would be
/// accepted: tag truncation weakens forgery resistance.)
#[derive(Debug, Clone)]
struct StrictGcm(Box<dyn JweContentEncryption>);

impl JweContentEncryption for StrictGcm {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn key_len(&self) -> usize {
        self.0.key_len()
    }
    fn iv_len(&self) -> usize {
        self.0.iv_len()
    }
    fn encrypt(
        &self,
        key: &[u8],
        iv: Option<&[u8]>,
        message: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Option<Vec<u8>>), JoseError> {
        self.0.encrypt(key, iv, message, aad)
    }
    fn decrypt(
        &self,
        key: &[u8],
        iv: Option<&[u8]>,
        ct: &[u8],
        aad: &[u8],
        tag: Option<&[u8]>,
    ) -> Result<Vec<u8>, JoseError> {
        match (iv, tag) {
            (Some(iv), Some(tag)) if iv.len() == 12 && tag.len() == 16 => {
                self.0.decrypt(key, Some(iv), ct, aad, Some(tag))
            }
            _ => Err(JoseError::InvalidSignature(anyhow::anyhow!(
                "decryption failed"
            ))),
        }
    }
    fn box_clone(&self) -> Box<dyn JweContentEncryption> {
        Box::new(self.clone())
    }
}

/// DEFLATE with a hard cap on the inflated size (zip bombs).
#[derive(Debug, Clone, Copy)]
struct CappedDeflate {
    max: usize,
}

impl jwe::JweCompression for CappedDeflate {
    fn name(&self) -> &str {
        "DEF"
    }
    fn compress(&self, message: &[u8]) -> Result<Vec<u8>, std::io::Error> {
        use std::io::Write;
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(message)?;
        e.finish()
    }
    fn decompress(&self, message: &[u8]) -> Result<Vec<u8>, std::io::Error> {
        let mut out = Vec::new();
        let mut d = flate2::read::DeflateDecoder::new(message).take(self.max as u64 + 1);
        d.read_to_end(&mut out)?;
        if out.len() > self.max {
            return Err(std::io::Error::other("decompressed payload over the cap"));
        }
        Ok(out)
    }
    fn box_clone(&self) -> Box<dyn jwe::JweCompression> {
        Box::new(*self)
    }
}

/// Wraps a key-unwrapping decrypter: on failure it yields a random CEK of the right length, so
/// the failure surfaces at the content tag check, like any other tampering (RFC 7516 §11.5).
#[derive(Debug, Clone)]
struct NoOracle(Box<dyn JweDecrypter>);

impl JweDecrypter for NoOracle {
    fn algorithm(&self) -> &dyn josekit::jwe::JweAlgorithm {
        self.0.algorithm()
    }
    fn key_id(&self) -> Option<&str> {
        self.0.key_id()
    }
    fn decrypt(
        &self,
        encrypted_key: Option<&[u8]>,
        enc: &dyn JweContentEncryption,
        header: &JweHeader,
    ) -> Result<Cow<'_, [u8]>, JoseError> {
        match self.0.decrypt(encrypted_key, enc, header) {
            Ok(k) if k.len() == enc.key_len() => Ok(k),
            _ => {
                let mut k = vec![0u8; enc.key_len()];
                openssl::rand::rand_bytes(&mut k)
                    .map_err(|e| JoseError::InvalidKeyFormat(e.into()))?;
                Ok(Cow::Owned(k))
            }
        }
    }
    fn box_clone(&self) -> Box<dyn JweDecrypter> {
        Box::new(self.clone())
    }
}

/// One decryption key.
#[derive(Debug, Clone)]
pub struct DecryptionKey {
    pub kid: String,
    pub alg: String,
    decrypter: Box<dyn JweDecrypter>,
}

impl DecryptionKey {
    /// From a PEM private key (RSA or EC) or, for `dir`, a JWK file (`kty: oct`). JWK files
    /// (RSA/EC/oct) are accepted for every algorithm.
    pub fn load(kid: &str, alg: &str, bytes: &[u8]) -> Result<DecryptionKey, String> {
        if !KEY_ALGS.contains(&alg) {
            return Err(format!(
                "key management algorithm {alg:?} is not accepted (allowed: {})",
                KEY_ALGS.join(", ")
            ));
        }
        let is_jwk = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
        let e = |e: JoseError| e.to_string();
        let d: Box<dyn JweDecrypter> = if is_jwk {
            let jwk = josekit::jwk::Jwk::from_bytes(bytes).map_err(e)?;
            match alg {
                "RSA-OAEP-256" => Box::new(jwe::RSA_OAEP_256.decrypter_from_jwk(&jwk).map_err(e)?),
                "RSA-OAEP" => Box::new(jwe::RSA_OAEP.decrypter_from_jwk(&jwk).map_err(e)?),
                "ECDH-ES" => Box::new(jwe::ECDH_ES.decrypter_from_jwk(&jwk).map_err(e)?),
                "ECDH-ES+A128KW" => {
                    Box::new(jwe::ECDH_ES_A128KW.decrypter_from_jwk(&jwk).map_err(e)?)
                }
                "ECDH-ES+A256KW" => {
                    Box::new(jwe::ECDH_ES_A256KW.decrypter_from_jwk(&jwk).map_err(e)?)
                }
                _ => Box::new(jwe::Dir.decrypter_from_jwk(&jwk).map_err(e)?),
            }
        } else {
            match alg {
                "RSA-OAEP-256" => Box::new(jwe::RSA_OAEP_256.decrypter_from_pem(bytes).map_err(e)?),
                "RSA-OAEP" => Box::new(jwe::RSA_OAEP.decrypter_from_pem(bytes).map_err(e)?),
                "ECDH-ES" => Box::new(jwe::ECDH_ES.decrypter_from_pem(bytes).map_err(e)?),
                "ECDH-ES+A128KW" => {
                    Box::new(jwe::ECDH_ES_A128KW.decrypter_from_pem(bytes).map_err(e)?)
                }
                "ECDH-ES+A256KW" => {
                    Box::new(jwe::ECDH_ES_A256KW.decrypter_from_pem(bytes).map_err(e)?)
                }
                _ => {
                    return Err(
                        "`dir` keys are read from a JWK file ({\"kty\":\"oct\",\"k\":…})".into(),
                    )
                }
            }
        };
        let decrypter: Box<dyn JweDecrypter> = if alg.starts_with("RSA") {
            Box::new(NoOracle(d))
        } else {
            d
        };
        Ok(DecryptionKey {
            kid: kid.to_string(),
            alg: alg.to_string(),
            decrypter,
        })
    }
}

/// An issuer's JWE settings.
#[derive(Debug)]
pub struct JweConfig {
    pub keys: HashMap<String, DecryptionKey>,
    pub encs: Vec<String>,
    pub zip_max: Option<usize>,
    /// Trust encryption alone (no inner signature). `gateway check` warns.
    pub allow_unsigned: bool,
    context: JweContext,
}

impl JweConfig {
    pub fn new(
        keys: Vec<DecryptionKey>,
        encs: Vec<String>,
        zip_max: Option<usize>,
        allow_unsigned: bool,
    ) -> Result<JweConfig, String> {
        for e in &encs {
            if !ENC_ALGS.contains(&e.as_str()) {
                return Err(format!(
                    "content encryption {e:?} is not accepted (allowed: {})",
                    ENC_ALGS.join(", ")
                ));
            }
        }
        let mut context = JweContext::new();
        for name in [
            "A128CBC-HS256",
            "A192CBC-HS384",
            "A256CBC-HS512",
            "A128GCM",
            "A192GCM",
            "A256GCM",
        ] {
            context.remove_content_encryption(name);
        }
        for e in &encs {
            match e.as_str() {
                "A128GCM" => context.add_content_encryption(Box::new(StrictGcm(Box::new(
                    josekit::jwe::enc::A128GCM,
                )))),
                "A256GCM" => context.add_content_encryption(Box::new(StrictGcm(Box::new(
                    josekit::jwe::enc::A256GCM,
                )))),
                "A128CBC-HS256" => context.add_content_encryption(Box::new(CbcHmac {
                    name: "A128CBC-HS256",
                    key_len: 32,
                })),
                _ => context.add_content_encryption(Box::new(CbcHmac {
                    name: "A256CBC-HS512",
                    key_len: 64,
                })),
            }
        }
        context.remove_compression("DEF");
        if let Some(max) = zip_max {
            context.add_compression(Box::new(CappedDeflate { max }));
        }
        let keys = keys.into_iter().map(|k| (k.kid.clone(), k)).collect();
        Ok(JweConfig {
            keys,
            encs,
            zip_max,
            allow_unsigned,
            context,
        })
    }

    /// Screen the protected header and decrypt. Returns the plaintext and whether the header
    /// declares a nested JWT (`cty: JWT`).
    pub fn decrypt(&self, token: &str) -> Result<(Vec<u8>, bool), TokenError> {
        let head = token.split('.').next().ok_or(TokenError::JweMalformed)?;
        let raw = base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, head)
            .map_err(|_| TokenError::JweMalformed)?;
        let h: Value = serde_json::from_slice(&raw).map_err(|_| TokenError::JweMalformed)?;
        let h = h.as_object().ok_or(TokenError::JweMalformed)?;
        for forbidden in ["jwk", "jku", "x5u", "x5c", "crit"] {
            if h.contains_key(forbidden) {
                return Err(TokenError::ForbiddenHeader);
            }
        }
        let alg = h
            .get("alg")
            .and_then(Value::as_str)
            .ok_or(TokenError::JweMalformed)?;
        let enc = h
            .get("enc")
            .and_then(Value::as_str)
            .ok_or(TokenError::JweMalformed)?;
        if !KEY_ALGS.contains(&alg) || !self.encs.iter().any(|e| e == enc) {
            return Err(TokenError::AlgNotAllowed);
        }
        if h.contains_key("zip") && self.zip_max.is_none() {
            return Err(TokenError::AlgNotAllowed);
        }
        let kid = h
            .get("kid")
            .and_then(Value::as_str)
            .ok_or(TokenError::UnknownKid)?;
        let key = self.keys.get(kid).ok_or(TokenError::UnknownKid)?;
        if key.alg != alg {
            return Err(TokenError::AlgKeyMismatch);
        }
        let cty_jwt = h
            .get("cty")
            .and_then(Value::as_str)
            .is_some_and(|c| c.eq_ignore_ascii_case("JWT"));
        let (plain, _) = self
            .context
            .deserialize_compact(token, key.decrypter.as_ref())
            .map_err(|_| TokenError::JweDecryptFailed)?;
        Ok((plain, cty_jwt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Five dot-separated parts make a compact JWE (RFC 7516 §7.1); a JWS has three.
    #[test]
    fn five_parts_make_a_jwe() {
        assert!(looks_like_jwe("h.k.iv.c.t"));
        assert!(looks_like_jwe("...."), "empty parts are still five");
        for t in ["h.p.s", "h.p.", "a.b.c.d", "a.b.c.d.e.f", "", "opaque"] {
            assert!(!looks_like_jwe(t), "{t}");
        }
    }

    #[test]
    fn cbc_hmac_round_trip_and_uniform_failures() {
        let c = CbcHmac {
            name: "A128CBC-HS256",
            key_len: 32,
        };
        let key = [7u8; 32];
        let iv = [9u8; 16];
        let (ct, tag) = c.encrypt(&key, Some(&iv), b"hello world", b"aad").unwrap();
        let tag = tag.unwrap();
        assert_eq!(
            c.decrypt(&key, Some(&iv), &ct, b"aad", Some(&tag)).unwrap(),
            b"hello world"
        );
        // Tampered ciphertext (would be a padding error if decrypted first), tag, IV, AAD:
        // all the same error, raised before any decryption.
        let mut bad_ct = ct.clone();
        *bad_ct.last_mut().unwrap() ^= 1;
        let mut bad_tag = tag.clone();
        bad_tag[0] ^= 1;
        let mut bad_iv = iv;
        bad_iv[0] ^= 1;
        let errs = [
            c.decrypt(&key, Some(&iv), &bad_ct, b"aad", Some(&tag))
                .unwrap_err()
                .to_string(),
            c.decrypt(&key, Some(&iv), &ct, b"aad", Some(&bad_tag))
                .unwrap_err()
                .to_string(),
            c.decrypt(&key, Some(&bad_iv), &ct, b"aad", Some(&tag))
                .unwrap_err()
                .to_string(),
            c.decrypt(&key, Some(&iv), &ct, b"aaX", Some(&tag))
                .unwrap_err()
                .to_string(),
        ];
        assert!(errs.iter().all(|e| e == &errs[0]), "{errs:?}");
    }

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// RFC 7518 appendix B: the same P, IV and A for every case.
    const P: &str = "41 20 63 69 70 68 65 72 20 73 79 73 74 65 6d 20 6d 75 73 74 20 6e 6f 74 20 62 65 20 72 65 71 75
        69 72 65 64 20 74 6f 20 62 65 20 73 65 63 72 65 74 2c 20 61 6e 64 20 69 74 20 6d 75 73 74 20 62
        65 20 61 62 6c 65 20 74 6f 20 66 61 6c 6c 20 69 6e 74 6f 20 74 68 65 20 68 61 6e 64 73 20 6f 66
        20 74 68 65 20 65 6e 65 6d 79 20 77 69 74 68 6f 75 74 20 69 6e 63 6f 6e 76 65 6e 69 65 6e 63 65";
    const IV: &str = "1a f3 8c 2d c2 b9 6f fd d8 66 94 09 23 41 bc 04";
    const A: &str = "54 68 65 20 73 65 63 6f 6e 64 20 70 72 69 6e 63 69 70 6c 65 20 6f 66 20 41 75 67 75 73 74 65 20
        4b 65 72 63 6b 68 6f 66 66 73";

    /// RFC 7518 appendix B.1 (A128CBC-HS256) and B.3 (A256CBC-HS512): the known answers, both
    /// ways, and the trait's lengths and names as the JOSE context reads them.
    #[test]
    fn cbc_hmac_known_answers_rfc7518_appendix_b() {
        let cases = [
            (
                "A128CBC-HS256",
                32,
                "c8 0e df a3 2d df 39 d5 ef 00 c0 b4 68 83 42 79 a2 e4 6a 1b 80 49 f7 92 f7 6b fe 54 b9 03 a9 c9
                 a9 4a c9 b4 7a d2 65 5c 5f 10 f9 ae f7 14 27 e2 fc 6f 9b 3f 39 9a 22 14 89 f1 63 62 c7 03 23 36
                 09 d4 5a c6 98 64 e3 32 1c f8 29 35 ac 40 96 c8 6e 13 33 14 c5 40 19 e8 ca 79 80 df a4 b9 cf 1b
                 38 4c 48 6f 3a 54 c5 10 78 15 8e e5 d7 9d e5 9f bd 34 d8 48 b3 d6 95 50 a6 76 46 34 44 27 ad e5
                 4b 88 51 ff b5 98 f7 f8 00 74 b9 47 3c 82 e2 db",
                "65 2c 3f a3 6b 0a 7c 5b 32 19 fa b3 a3 0b c1 c4",
            ),
            (
                "A256CBC-HS512",
                64,
                "4a ff aa ad b7 8c 31 c5 da 4b 1b 59 0d 10 ff bd 3d d8 d5 d3 02 42 35 26 91 2d a0 37 ec bc c7 bd
                 82 2c 30 1d d6 7c 37 3b cc b5 84 ad 3e 92 79 c2 e6 d1 2a 13 74 b7 7f 07 75 53 df 82 94 10 44 6b
                 36 eb d9 70 66 29 6a e6 42 7e a7 5c 2e 08 46 a1 1a 09 cc f5 37 0d c8 0b fe cb ad 28 c7 3f 09 b3
                 a3 b7 5e 66 2a 25 94 41 0a e4 96 b2 e2 e6 60 9e 31 e6 e0 2c c8 37 f0 53 d2 1f 37 ff 4f 51 95 0b
                 be 26 38 d0 9d d7 a4 93 09 30 80 6d 07 03 b1 f6",
                "4d d3 b4 c0 88 a7 f4 5c 21 68 39 64 5b 20 12 bf 2e 62 69 a8 c5 6a 81 6d bc 1b 26 77 61 95 5b c5",
            ),
        ];
        for (name, key_len, e, t) in cases {
            let c = CbcHmac { name, key_len };
            // K = 00 01 02 … (key_len bytes): MAC key its first half, AES key its second.
            let k: Vec<u8> = (0..key_len as u8).collect();
            let (p, iv, a, e, t) = (hex(P), hex(IV), hex(A), hex(e), hex(t));
            let (ct, tag) = c.encrypt(&k, Some(&iv), &p, &a).unwrap();
            assert_eq!(
                (ct.as_slice(), tag.as_deref()),
                (e.as_slice(), Some(t.as_slice())),
                "{name}"
            );
            assert_eq!(
                c.decrypt(&k, Some(&iv), &e, &a, Some(&t)).unwrap(),
                p,
                "{name}"
            );
            // A tag of another length, a key of another length, an IV of another length: refused.
            assert!(c
                .decrypt(&k, Some(&iv), &e, &a, Some(&t[..t.len() - 1]))
                .is_err());
            assert!(c.decrypt(&k[1..], Some(&iv), &e, &a, Some(&t)).is_err());
            assert!(c.decrypt(&k, Some(&iv[1..]), &e, &a, Some(&t)).is_err());
            assert_eq!((c.name(), c.key_len(), c.iv_len()), (name, key_len, 16));
        }
    }

    /// A compact JWE made by josekit's own encrypters (an implementation independent of
    /// `CbcHmac`/`StrictGcm`), `dir` key, decrypted by a `JweConfig` for each accepted `enc`;
    /// and refused by a config that does not list that `enc`.
    #[test]
    fn dir_tokens_of_every_content_encryption_decrypt_through_the_config() {
        use josekit::jwe::Dir;
        for (enc, key_len) in [
            ("A128GCM", 16),
            ("A256GCM", 32),
            ("A128CBC-HS256", 32),
            ("A256CBC-HS512", 64),
        ] {
            let cek: Vec<u8> = (0..key_len as u8).map(|b| b.wrapping_mul(7)).collect();
            let jwk = format!(
                r#"{{"kty":"oct","k":"{}"}}"#,
                base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &cek)
            );
            let mut header = JweHeader::new();
            header.set_algorithm("dir");
            header.set_content_encryption(enc);
            header.set_key_id("k1");
            header.set_content_type("JWT");
            let encrypter = Dir.encrypter_from_bytes(&cek).unwrap();
            let token = jwe::serialize_compact(b"inner.jwt.here", &header, &encrypter).unwrap();

            let key = DecryptionKey::load("k1", "dir", jwk.as_bytes()).unwrap();
            let config = JweConfig::new(vec![key], vec![enc.into()], None, false).unwrap();
            assert_eq!(
                config.decrypt(&token).unwrap(),
                (b"inner.jwt.here".to_vec(), true),
                "{enc}"
            );
            let other = if enc == "A128GCM" {
                "A256GCM"
            } else {
                "A128GCM"
            };
            let key = DecryptionKey::load("k1", "dir", jwk.as_bytes()).unwrap();
            let config = JweConfig::new(vec![key], vec![other.into()], None, false).unwrap();
            assert_eq!(
                config.decrypt(&token),
                Err(TokenError::AlgNotAllowed),
                "{enc}"
            );
        }
        // `zip: DEF` (RFC 7516 §4.1.3), compressed by josekit: inflated under the cap, refused
        // over it and without one.
        let cek = [9u8; 32];
        let jwk = format!(
            r#"{{"kty":"oct","k":"{}"}}"#,
            base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, cek)
        );
        let mut header = JweHeader::new();
        header.set_algorithm("dir");
        header.set_content_encryption("A256GCM");
        header.set_key_id("k1");
        header.set_compression("DEF");
        let encrypter = Dir.encrypter_from_bytes(cek).unwrap();
        let token = jwe::serialize_compact(&[b'a'; 500], &header, &encrypter).unwrap();
        let config = |zip| {
            let key = DecryptionKey::load("k1", "dir", jwk.as_bytes()).unwrap();
            JweConfig::new(vec![key], vec!["A256GCM".into()], zip, false).unwrap()
        };
        assert_eq!(
            config(Some(1000)).decrypt(&token).unwrap().0,
            vec![b'a'; 500]
        );
        assert_eq!(
            config(Some(100)).decrypt(&token),
            Err(TokenError::JweDecryptFailed)
        );
        assert_eq!(config(None).decrypt(&token), Err(TokenError::AlgNotAllowed));
    }

    /// Every key management algorithm, the key given as PEM and as a JWK: a token josekit
    /// encrypts to the public key decrypts through `JweConfig`. For RSA, a tampered encrypted
    /// key fails like any tampering (the random-CEK path), not with an error of its own.
    #[test]
    fn every_key_management_algorithm_decrypts_from_pem_and_jwk() {
        use josekit::jwk::Jwk;
        let rsa =
            openssl::pkey::PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
        let ec = openssl::pkey::PKey::from_ec_key(
            openssl::ec::EcKey::generate(
                &openssl::ec::EcGroup::from_curve_name(openssl::nid::Nid::X9_62_PRIME256V1)
                    .unwrap(),
            )
            .unwrap(),
        )
        .unwrap();
        for alg in [
            "RSA-OAEP-256",
            "RSA-OAEP",
            "ECDH-ES",
            "ECDH-ES+A128KW",
            "ECDH-ES+A256KW",
        ] {
            let key = if alg.starts_with("RSA") { &rsa } else { &ec };
            let private_pem = key.private_key_to_pem_pkcs8().unwrap();
            let public_pem = key.public_key_to_pem().unwrap();
            let encrypter: Box<dyn josekit::jwe::JweEncrypter> = match alg {
                "RSA-OAEP-256" => {
                    Box::new(jwe::RSA_OAEP_256.encrypter_from_pem(&public_pem).unwrap())
                }
                "RSA-OAEP" => Box::new(jwe::RSA_OAEP.encrypter_from_pem(&public_pem).unwrap()),
                "ECDH-ES" => Box::new(jwe::ECDH_ES.encrypter_from_pem(&public_pem).unwrap()),
                "ECDH-ES+A128KW" => {
                    Box::new(jwe::ECDH_ES_A128KW.encrypter_from_pem(&public_pem).unwrap())
                }
                _ => Box::new(jwe::ECDH_ES_A256KW.encrypter_from_pem(&public_pem).unwrap()),
            };
            let mut header = JweHeader::new();
            header.set_content_encryption("A256GCM");
            header.set_key_id("k1");
            let token = jwe::serialize_compact(b"inner", &header, encrypter.as_ref()).unwrap();
            let mut jwk: Jwk = if alg.starts_with("RSA") {
                josekit::jws::RS256
                    .key_pair_from_pem(&private_pem)
                    .unwrap()
                    .to_jwk_private_key()
            } else {
                josekit::jws::ES256
                    .key_pair_from_pem(&private_pem)
                    .unwrap()
                    .to_jwk_private_key()
            };
            // A signing algorithm in the JWK would bind it to signing; the file names none.
            jwk.set_parameter("alg", None).unwrap();
            let private_jwk = jwk.to_string();
            for material in [private_pem.clone(), private_jwk.into_bytes()] {
                let k = DecryptionKey::load("k1", alg, &material).unwrap();
                let config = JweConfig::new(vec![k], vec!["A256GCM".into()], None, false).unwrap();
                assert_eq!(config.decrypt(&token).unwrap().0, b"inner", "{alg}");
            }
            if alg.starts_with("RSA") {
                let mut parts: Vec<String> = token.split('.').map(String::from).collect();
                let mut ek = base64::Engine::decode(
                    &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    &parts[1],
                )
                .unwrap();
                ek[10] ^= 1;
                parts[1] =
                    base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, ek);
                let k = DecryptionKey::load("k1", alg, &private_pem).unwrap();
                let config = JweConfig::new(vec![k], vec!["A256GCM".into()], None, false).unwrap();
                assert_eq!(
                    config.decrypt(&parts.join(".")),
                    Err(TokenError::JweDecryptFailed),
                    "{alg}"
                );
            }
        }
    }

    #[test]
    fn gcm_tag_truncation_is_refused() {
        let g = StrictGcm(Box::new(josekit::jwe::enc::A256GCM));
        // JOSE's lengths for A256GCM (RFC 7518 §5.3): a 256-bit key, a 96-bit IV.
        assert_eq!((g.name(), g.key_len(), g.iv_len()), ("A256GCM", 32, 12));
        let key = [3u8; 32];
        let iv = [5u8; 12];
        let (ct, tag) = g.encrypt(&key, Some(&iv), b"claims", b"aad").unwrap();
        let tag = tag.unwrap();
        assert_eq!(
            g.decrypt(&key, Some(&iv), &ct, b"aad", Some(&tag)).unwrap(),
            b"claims"
        );
        // A prefix of the right tag would pass a bare OpenSSL GCM check.
        assert!(josekit::jwe::enc::A256GCM
            .decrypt(&key, Some(&iv), &ct, b"aad", Some(&tag[..13]))
            .is_ok());
        assert!(g
            .decrypt(&key, Some(&iv), &ct, b"aad", Some(&tag[..13]))
            .is_err());
        assert!(g
            .decrypt(&key, Some(&iv[..8]), &ct, b"aad", Some(&tag))
            .is_err());
    }

    /// The wrapper hands on a key of the content encryption's length and replaces anything
    /// else (an error or a key of another length) with a random key of that length, so the
    /// failure shows only at the tag check. josekit's `dir` decrypter returns its key
    /// unchecked: a real decrypter yielding a wrong length.
    #[test]
    fn no_oracle_passes_a_key_of_the_right_length_and_replaces_any_other() {
        use josekit::jwe::Dir;
        let enc = CbcHmac {
            name: "A128CBC-HS256",
            key_len: 32,
        };
        let header = JweHeader::new();
        let cek = [5u8; 32];
        let mut inner = Dir.decrypter_from_bytes(cek).unwrap();
        inner.set_key_id("k9");
        let w = NoOracle(Box::new(inner));
        assert_eq!(w.key_id(), Some("k9"));
        assert_eq!(&*w.decrypt(None, &enc, &header).unwrap(), &cek[..]);
        let w = NoOracle(Box::new(Dir.decrypter_from_bytes(&cek[..16]).unwrap()));
        let (a, b) = (
            w.decrypt(None, &enc, &header).unwrap().into_owned(),
            w.decrypt(None, &enc, &header).unwrap().into_owned(),
        );
        assert_eq!((a.len(), b.len()), (32, 32), "a key of the right length");
        assert_ne!(a, b, "random, not derived from the refused key");
        // An error (dir with an encrypted key) is replaced the same way.
        let w = NoOracle(Box::new(Dir.decrypter_from_bytes(cek).unwrap()));
        let k = w.decrypt(Some(b"wrapped"), &enc, &header).unwrap();
        assert_eq!(k.len(), 32);
        assert_ne!(&*k, &cek[..]);
    }

    #[test]
    fn capped_deflate() {
        use josekit::jwe::JweCompression;
        let z = CappedDeflate { max: 1000 };
        let small = z.compress(&[b'a'; 500]).unwrap();
        assert_eq!(z.decompress(&small).unwrap().len(), 500);
        // The cap itself is allowed; one byte over is not.
        let at = z.compress(&[b'a'; 1000]).unwrap();
        assert_eq!(z.decompress(&at).unwrap().len(), 1000);
        let over = z.compress(&[b'a'; 1001]).unwrap();
        assert!(z.decompress(&over).is_err());
        let bomb = z.compress(&vec![b'a'; 10_000_000]).unwrap();
        assert!(bomb.len() < 20_000);
        assert!(z.decompress(&bomb).is_err());
    }

    #[test]
    fn refused_algorithms() {
        assert!(DecryptionKey::load("k", "RSA1_5", b"")
            .unwrap_err()
            .contains("not accepted"));
        assert!(DecryptionKey::load("k", "A128KW", b"").is_err());
        assert!(JweConfig::new(vec![], vec!["A192GCM".into()], None, false).is_err());
    }
}
