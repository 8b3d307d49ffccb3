//! jsonwebtoken's signature checks, done by OpenSSL.
//!
//! jsonwebtoken 12 decouples its cryptography behind a [`CryptoProvider`]; its `rust_crypto`
//! backend verifies RSA and ECDSA in pure Rust, several times slower than OpenSSL (the
//! library the gateway's TLS already links). A forged or unknown token is checked on every
//! request, since only verified tokens are cached, so that check is what a flood of forged
//! tokens costs. This provider keeps everything of jsonwebtoken's `decode` (the algorithm
//! rules, the claims checks) and swaps only the signature check:
//!
//! - RS256/384/512: RSASSA-PKCS1-v1_5 with SHA-2 (RFC 7518 §3.3);
//! - PS256/384/512: RSASSA-PSS, MGF1 with the same hash, salt as long as the hash (§3.5);
//! - ES256/ES384: ECDSA on P-256/P-384, the JWS signature being `R || S` of fixed length
//!   (§3.4), turned into DER for OpenSSL; any other length is refused;
//! - EdDSA: Ed25519 (RFC 8037).
//!
//! HMAC, signing and key utilities stay with `rust_crypto`, as does any key shape this module
//! does not build (a fallback, never a weaker check). Differential tests against
//! `rust_crypto` are below.

use jsonwebtoken::crypto::{CryptoProvider, JwtVerifier};
use jsonwebtoken::errors::{Error, ErrorKind};
use jsonwebtoken::signature;
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, DecodingKeyKind};
use openssl::bn::BigNum;
use openssl::ec::{EcGroup, EcKey, EcPoint};
use openssl::ecdsa::EcdsaSig;
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{Id, PKey, Public};
use openssl::rsa::{Padding, Rsa};
use openssl::sign::{RsaPssSaltlen, Verifier};
use std::sync::OnceLock;

struct OsslVerifier {
    alg: Algorithm,
    key: CachedKey,
}

/// A key built once ([`cached_public_key`]): the OpenSSL key, and for RSA the RSA object the
/// PKCS#1 v1.5 check below uses directly.
#[derive(Clone)]
struct CachedKey {
    pkey: PKey<Public>,
    rsa: Option<Rsa<Public>>,
}

/// The DER prefix of PKCS#1 v1.5's `DigestInfo` for each hash (RFC 8017 §9.2, note 1).
const DIGEST_INFO_SHA256: &[u8] = &[
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];
const DIGEST_INFO_SHA384: &[u8] = &[
    0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05,
    0x00, 0x04, 0x30,
];
const DIGEST_INFO_SHA512: &[u8] = &[
    0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05,
    0x00, 0x04, 0x40,
];

/// RSASSA-PKCS1-v1_5 verification as RFC 8017 §8.2.2 defines it: the signature must be as
/// long as the modulus; RSAVP1 (the raw public operation, OpenSSL's `RSA_public_decrypt`
/// without padding) gives the encoded message, which must equal, byte for byte, the
/// EMSA-PKCS1-v1_5 encoding of the message's hash built here (`00 01 FF…FF 00 DigestInfo
/// hash`). Nothing is parsed out of the signature, so no malformed padding or `DigestInfo`
/// can be accepted. The same check as OpenSSL's `EVP_DigestVerify`, without its per-call
/// algorithm fetches and context (~4 % of a forged-token request), and a mismatch leaves
/// nothing on OpenSSL's error queue.
fn pkcs1v15_verify(
    rsa: &Rsa<Public>,
    alg: Algorithm,
    msg: &[u8],
    sig: &[u8],
) -> Result<bool, openssl::error::ErrorStack> {
    use sha2::Digest;
    let k = rsa.size() as usize;
    if sig.len() != k {
        return Ok(false);
    }
    let (prefix, hash): (&[u8], Vec<u8>) = match alg {
        Algorithm::RS384 => (DIGEST_INFO_SHA384, sha2::Sha384::digest(msg).to_vec()),
        Algorithm::RS512 => (DIGEST_INFO_SHA512, sha2::Sha512::digest(msg).to_vec()),
        _ => (DIGEST_INFO_SHA256, sha2::Sha256::digest(msg).to_vec()),
    };
    let t_len = prefix.len() + hash.len();
    // RFC 8017 §9.2 step 3: "intended encoded message length too short".
    if k < t_len + 11 {
        return Ok(false);
    }
    let mut em = vec![0u8; k];
    // A signature representative not below the modulus is refused by OpenSSL (§5.2.2 step 1).
    let Ok(n) = rsa.public_decrypt(sig, &mut em, Padding::NONE) else {
        return Ok(false);
    };
    if n != k {
        return Ok(false);
    }
    let mut expected = Vec::with_capacity(k);
    expected.extend_from_slice(&[0x00, 0x01]);
    expected.resize(k - t_len - 1, 0xff);
    expected.push(0x00);
    expected.extend_from_slice(prefix);
    expected.extend_from_slice(&hash);
    Ok(openssl::memcmp::eq(&em, &expected))
}

fn digest(alg: Algorithm) -> MessageDigest {
    match alg {
        Algorithm::RS384 | Algorithm::PS384 | Algorithm::ES384 => MessageDigest::sha384(),
        Algorithm::RS512 | Algorithm::PS512 => MessageDigest::sha512(),
        _ => MessageDigest::sha256(),
    }
}

#[cfg(test)]
thread_local! {
    /// Signatures this thread checked through OpenSSL (tests: which backend did the work).
    static CHECKS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// OpenSSL keys this thread built (tests: the cache builds each key once).
    static BUILDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl OsslVerifier {
    fn check(&self, msg: &[u8], sig: &[u8]) -> Result<bool, openssl::error::ErrorStack> {
        #[cfg(test)]
        CHECKS.with(|c| c.set(c.get() + 1));
        let key = &self.key.pkey;
        match (self.alg, &self.key.rsa) {
            (Algorithm::RS256 | Algorithm::RS384 | Algorithm::RS512, Some(rsa)) => {
                pkcs1v15_verify(rsa, self.alg, msg, sig)
            }
            (Algorithm::EdDSA, _) => Verifier::new_without_digest(key)?.verify_oneshot(sig, msg),
            (Algorithm::ES256 | Algorithm::ES384, _) => {
                let n = if self.alg == Algorithm::ES256 { 32 } else { 48 };
                if sig.len() != 2 * n {
                    return Ok(false);
                }
                let der = EcdsaSig::from_private_components(
                    BigNum::from_slice(&sig[..n])?,
                    BigNum::from_slice(&sig[n..])?,
                )?
                .to_der()?;
                Verifier::new(digest(self.alg), key)?.verify_oneshot(&der, msg)
            }
            (alg, _) => {
                let md = digest(alg);
                let mut v = Verifier::new(md, key)?;
                if matches!(alg, Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512) {
                    v.set_rsa_padding(Padding::PKCS1_PSS)?;
                    v.set_rsa_mgf1_md(md)?;
                    v.set_rsa_pss_saltlen(RsaPssSaltlen::DIGEST_LENGTH)?;
                } else {
                    v.set_rsa_padding(Padding::PKCS1)?;
                }
                v.verify_oneshot(sig, msg)
            }
        }
    }
}

impl signature::Verifier<Vec<u8>> for OsslVerifier {
    fn verify(&self, msg: &[u8], sig: &Vec<u8>) -> Result<(), signature::Error> {
        match self.check(msg, sig) {
            Ok(true) => Ok(()),
            _ => Err(signature::Error::new()),
        }
    }
}

impl JwtVerifier for OsslVerifier {
    fn algorithm(&self) -> Algorithm {
        self.alg
    }
}

/// The OpenSSL public key for `alg`, from the shapes the gateway builds its keys in (JWK
/// components); `None` for any other shape.
fn public_key(alg: Algorithm, key: &DecodingKey) -> Option<PKey<Public>> {
    #[cfg(test)]
    BUILDS.with(|c| c.set(c.get() + 1));
    match (alg.family(), key.family(), key.kind()) {
        (
            AlgorithmFamily::Rsa,
            AlgorithmFamily::Rsa,
            DecodingKeyKind::RsaModulusExponent { n, e },
        ) => {
            // The keys rust_crypto accepts, no others (it keeps refusing the rest): a modulus
            // of 1024 to 8192 bits, odd; an exponent from 2 to 2^33 - 1 (rsa 0.10's bounds).
            let (n, e) = (BigNum::from_slice(n).ok()?, BigNum::from_slice(e).ok()?);
            // 2 ≤ e ≤ 2^33 − 1 is exactly an exponent of 2 to 33 bits: no bound to allocate.
            let e_ok = (2..=33).contains(&e.num_bits());
            if !(1024..=8192).contains(&n.num_bits()) || !n.is_bit_set(0) || !e_ok {
                return None;
            }
            let rsa = Rsa::from_public_components(n, e).ok()?;
            PKey::from_rsa(rsa).ok()
        }
        (AlgorithmFamily::Ec, AlgorithmFamily::Ec, DecodingKeyKind::SecretOrDer(point)) => {
            let nid = match alg {
                Algorithm::ES256 => Nid::X9_62_PRIME256V1,
                _ => Nid::SECP384R1,
            };
            let group = EcGroup::from_curve_name(nid).ok()?;
            let mut ctx = openssl::bn::BigNumContext::new().ok()?;
            // `from_bytes` refuses a point that is not on the curve.
            let point = EcPoint::from_bytes(&group, point, &mut ctx).ok()?;
            let ec = EcKey::from_public_key(&group, &point).ok()?;
            ec.check_key().ok()?;
            PKey::from_ec_key(ec).ok()
        }
        (AlgorithmFamily::Ed, AlgorithmFamily::Ed, DecodingKeyKind::SecretOrDer(raw)) => {
            PKey::public_key_from_raw_bytes(raw, Id::ED25519).ok()
        }
        _ => None,
    }
}

/// The verifier factory of this provider (public for the benchmarks).
pub fn new_verifier(alg: &Algorithm, key: &DecodingKey) -> Result<Box<dyn JwtVerifier>, Error> {
    let rust_crypto = &jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER;
    if alg.family() == AlgorithmFamily::Hmac {
        return (rust_crypto.verifier_factory)(alg, key);
    }
    if alg.family() != key.family() {
        return Err(ErrorKind::InvalidKeyFormat.into());
    }
    match cached_public_key(*alg, key) {
        Some(key) => Ok(Box::new(OsslVerifier { alg: *alg, key })),
        None => (rust_crypto.verifier_factory)(alg, key),
    }
}

/// The most keys [`cached_public_key`] holds; the cache is emptied when it is full (keys
/// come from the configuration and the issuers' key sets: a handful, rotated rarely).
const KEY_CACHE_MAX: usize = 256;

type KeyCache = std::sync::RwLock<std::collections::HashMap<(Algorithm, Vec<u8>), CachedKey>>;

/// [`public_key`], built once per key rather than once per token. jsonwebtoken asks for a
/// verifier per token; building the OpenSSL key each time (big numbers parsed, the key
/// object made, then exported to OpenSSL 3's provider on its first use) cost about as much
/// as the RSA check itself. The cache is keyed by the algorithm and the key's own bytes, so
/// a rotated key is a new entry, never a stale one.
fn cached_public_key(alg: Algorithm, key: &DecodingKey) -> Option<CachedKey> {
    static CACHE: OnceLock<KeyCache> = OnceLock::new();
    let id = match key.kind() {
        DecodingKeyKind::RsaModulusExponent { n, e } => {
            let mut id = Vec::with_capacity(4 + n.len() + e.len());
            id.extend_from_slice(&(n.len() as u32).to_be_bytes());
            id.extend_from_slice(n);
            id.extend_from_slice(e);
            id
        }
        DecodingKeyKind::SecretOrDer(b) => b.to_vec(),
    };
    let cache = CACHE.get_or_init(Default::default);
    let id = (alg, id);
    // Nothing panics under these locks; a poisoned one is used as it is.
    let read = cache
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(k) = read.get(&id) {
        return Some(k.clone());
    }
    drop(read);
    let pkey = public_key(alg, key)?;
    let rsa = match alg.family() {
        AlgorithmFamily::Rsa => Some(pkey.rsa().ok()?),
        _ => None,
    };
    let k = CachedKey { pkey, rsa };
    let mut w = cache
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if w.len() >= KEY_CACHE_MAX {
        w.clear();
    }
    w.insert(id, k.clone());
    Some(k)
}

static PROVIDER: OnceLock<CryptoProvider> = OnceLock::new();

/// Install this provider as jsonwebtoken's process default (once; later calls do nothing).
/// Returns whether it is the one in use: `false` if something used jsonwebtoken before,
/// which made `rust_crypto` the default (checks are then correct, only slower).
pub fn install() -> bool {
    static INSTALLED: OnceLock<bool> = OnceLock::new();
    *INSTALLED.get_or_init(|| {
        let rust_crypto = &jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER;
        let p = PROVIDER.get_or_init(|| CryptoProvider {
            signer_factory: rust_crypto.signer_factory,
            verifier_factory: new_verifier,
            key_utils: rust_crypto.key_utils.clone(),
        });
        let ok = p.install_default().is_ok();
        if !ok {
            tracing::warn!(
                "jsonwebtoken already initialised: signatures checked by rust_crypto, not OpenSSL"
            );
        }
        ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::mint;
    use base64::Engine;

    fn b64(b: &[u8]) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
    }

    /// The RFC 8017 check against OpenSSL's own `EVP_DigestVerify`, on moduli that are not
    /// whole bytes (2047, 3071 bits) and whole (4096), with signatures whose first byte is
    /// zero, and on tampered ones.
    #[test]
    fn pkcs1v15_check_agrees_with_evp_digest_verify() {
        use openssl::sign::Signer;
        for (bits, alg) in [
            (2047, Algorithm::RS256),
            (3071, Algorithm::RS384),
            (4096, Algorithm::RS512),
        ] {
            let key = PKey::from_rsa(Rsa::generate(bits).unwrap()).unwrap();
            let rsa = key.rsa().unwrap();
            let public = Rsa::from_public_components(
                rsa.n().to_owned().unwrap(),
                rsa.e().to_owned().unwrap(),
            )
            .unwrap();
            let public_key = PKey::from_rsa(public.clone()).unwrap();
            let evp = |msg: &[u8], sig: &[u8]| {
                let mut v = Verifier::new(digest(alg), &public_key).unwrap();
                v.set_rsa_padding(Padding::PKCS1).unwrap();
                v.verify_oneshot(sig, msg).unwrap_or(false)
            };
            let mut leading_zero = false;
            for i in 0..4000u32 {
                let msg = format!("message {i}");
                let mut signer = Signer::new(digest(alg), &key).unwrap();
                signer.set_rsa_padding(Padding::PKCS1).unwrap();
                let sig = signer.sign_oneshot_to_vec(msg.as_bytes()).unwrap();
                let ours = pkcs1v15_verify(&public, alg, msg.as_bytes(), &sig).unwrap();
                assert!(
                    ours && evp(msg.as_bytes(), &sig),
                    "{bits} bits: genuine refused"
                );
                let mut bad = sig.clone();
                bad[sig.len() - 1] ^= 1;
                assert_eq!(
                    pkcs1v15_verify(&public, alg, msg.as_bytes(), &bad).unwrap(),
                    evp(msg.as_bytes(), &bad)
                );
                if sig[0] == 0 {
                    // Without its leading zero the signature is one byte short: refused by both.
                    assert!(!pkcs1v15_verify(&public, alg, msg.as_bytes(), &sig[1..]).unwrap());
                    assert!(!evp(msg.as_bytes(), &sig[1..]));
                    leading_zero = true;
                    break;
                }
            }
            assert!(
                leading_zero,
                "{bits} bits: no signature with a leading zero byte"
            );
        }
    }

    /// Keys as the gateway builds them (JWK components), tokens signed by jsonwebtoken's own
    /// signer; OpenSSL and `rust_crypto` must agree on the genuine token and on every
    /// tampered one.
    #[test]
    fn openssl_and_rust_crypto_agree_on_every_algorithm() {
        let rsa = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let rsa_pem = rsa.private_key_to_pem_pkcs8().unwrap();
        let (n, e) = (
            rsa.rsa().unwrap().n().to_vec(),
            rsa.rsa().unwrap().e().to_vec(),
        );
        let rsa_dec = DecodingKey::from_rsa_components(&b64(&n), &b64(&e)).unwrap();
        let ec_key = |nid| {
            let g = EcGroup::from_curve_name(nid).unwrap();
            let k = EcKey::generate(&g).unwrap();
            let mut ctx = openssl::bn::BigNumContext::new().unwrap();
            let (mut x, mut y) = (BigNum::new().unwrap(), BigNum::new().unwrap());
            k.public_key()
                .affine_coordinates(&g, &mut x, &mut y, &mut ctx)
                .unwrap();
            let len = if nid == Nid::X9_62_PRIME256V1 { 32 } else { 48 };
            let dec = DecodingKey::from_ec_components(
                &b64(&x.to_vec_padded(len).unwrap()),
                &b64(&y.to_vec_padded(len).unwrap()),
            )
            .unwrap();
            (
                PKey::from_ec_key(k)
                    .unwrap()
                    .private_key_to_pem_pkcs8()
                    .unwrap(),
                dec,
            )
        };
        let (p256_pem, p256_dec) = ec_key(Nid::X9_62_PRIME256V1);
        let (p384_pem, p384_dec) = ec_key(Nid::SECP384R1);
        let ed = PKey::generate_ed25519().unwrap();
        let ed_pem = ed.private_key_to_pem_pkcs8().unwrap();
        let ed_dec = DecodingKey::from_ed_components(&b64(&ed.raw_public_key().unwrap())).unwrap();

        let cases: Vec<(Algorithm, &[u8], &DecodingKey)> = vec![
            (Algorithm::RS256, &rsa_pem, &rsa_dec),
            (Algorithm::RS384, &rsa_pem, &rsa_dec),
            (Algorithm::RS512, &rsa_pem, &rsa_dec),
            (Algorithm::PS256, &rsa_pem, &rsa_dec),
            (Algorithm::PS384, &rsa_pem, &rsa_dec),
            (Algorithm::PS512, &rsa_pem, &rsa_dec),
            (Algorithm::ES256, &p256_pem, &p256_dec),
            (Algorithm::ES384, &p384_pem, &p384_dec),
            (Algorithm::EdDSA, &ed_pem, &ed_dec),
        ];
        let rc = &jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER;
        for (alg, pem, dec) in cases {
            let claims = serde_json::json!({"iss": "i", "sub": "s"});
            let token = mint::sign(pem, alg, Some("k"), &claims).unwrap();
            let (msg, sig) = token.rsplit_once('.').unwrap();
            let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(sig)
                .unwrap();
            let ossl = new_verifier(&alg, dec).unwrap();
            let rust = (rc.verifier_factory)(&alg, dec).unwrap();
            assert!(
                public_key(alg, dec).is_some(),
                "{alg:?}: the gateway's key shape must be checked by OpenSSL"
            );
            let agree = |m: &[u8], s: &Vec<u8>| {
                let (a, b) = (ossl.verify(m, s).is_ok(), rust.verify(m, s).is_ok());
                assert_eq!(a, b, "{alg:?}: OpenSSL {a}, rust_crypto {b}");
                a
            };
            assert!(
                agree(msg.as_bytes(), &sig),
                "{alg:?}: genuine token refused"
            );
            let mut bad = sig.clone();
            bad[sig.len() / 2] ^= 1;
            assert!(
                !agree(msg.as_bytes(), &bad),
                "{alg:?}: flipped bit accepted"
            );
            let mut m2 = msg.as_bytes().to_vec();
            m2[3] ^= 1;
            assert!(!agree(&m2, &sig), "{alg:?}: changed message accepted");
            assert!(
                !agree(msg.as_bytes(), &sig[..sig.len() - 1].to_vec()),
                "{alg:?}: short"
            );
            assert!(!agree(msg.as_bytes(), &Vec::new()), "{alg:?}: empty");
            // r = s = 0 (CVE-2022-21449, "psychic signatures"), and all zeros for the others.
            assert!(
                !agree(msg.as_bytes(), &vec![0u8; sig.len()]),
                "{alg:?}: zeros"
            );
            // All ones (for RSA, a representative above the modulus), one byte too many.
            assert!(
                !agree(msg.as_bytes(), &vec![0xffu8; sig.len()]),
                "{alg:?}: ones"
            );
            assert!(
                !agree(msg.as_bytes(), &[&sig[..], &[0u8]].concat()),
                "{alg:?}: long"
            );
            // The signature of another message under the same key.
            let other = mint::sign(pem, alg, Some("k"), &serde_json::json!({"iss": "j"})).unwrap();
            let other_sig = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(other.rsplit_once('.').unwrap().1)
                .unwrap();
            assert!(
                !agree(msg.as_bytes(), &other_sig),
                "{alg:?}: another message's signature"
            );
        }
        // A key of another family is refused outright (never an RSA key as an HMAC secret).
        assert!(new_verifier(&Algorithm::ES256, &rsa_dec).is_err());
        assert!(new_verifier(&Algorithm::RS256, &p256_dec).is_err());
        // Keys outside rust_crypto's bounds are left to it (it refuses them): OpenSSL never
        // accepts a key the gateway used to refuse.
        let rsa_key = |n_bytes: usize, e: &[u8]| {
            let mut n = vec![0xC5u8; n_bytes];
            n[n_bytes - 1] |= 1;
            DecodingKey::from_rsa_components(&b64(&n), &b64(e)).unwrap()
        };
        let f4 = [1u8, 0, 1];
        assert!(
            public_key(Algorithm::RS256, &rsa_key(128, &f4)).is_some(),
            "1024 bits"
        );
        assert!(
            public_key(Algorithm::RS256, &rsa_key(1024, &f4)).is_some(),
            "8192 bits"
        );
        assert!(
            public_key(Algorithm::RS256, &rsa_key(127, &f4)).is_none(),
            "1016 bits"
        );
        assert!(
            public_key(Algorithm::RS256, &rsa_key(1025, &f4)).is_none(),
            "8200 bits"
        );
        assert!(
            public_key(Algorithm::RS256, &rsa_key(256, &[1])).is_none(),
            "e = 1"
        );
        assert!(
            public_key(Algorithm::RS256, &rsa_key(256, &[2, 0, 0, 0, 0])).is_none(),
            "e = 2^33"
        );
        for (bytes, e) in [(127, &f4[..]), (1025, &f4[..]), (256, &[1u8][..])] {
            let k = rsa_key(bytes, e);
            assert!(new_verifier(&Algorithm::RS256, &k)
                .map_or(true, |v| v.verify(b"m", &vec![1; bytes]).is_err()));
        }
        // Each key is built once: the same key gives the same OpenSSL object, another key
        // (or the same bytes for another curve) its own.
        let addr = |k: &PKey<Public>| -> *const openssl::pkey::PKeyRef<Public> { &**k };
        // Through jsonwebtoken's factory, once per token: a key of its own is built once.
        let fresh = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let fresh = DecodingKey::from_rsa_components(
            &b64(&fresh.rsa().unwrap().n().to_vec()),
            &b64(&fresh.rsa().unwrap().e().to_vec()),
        )
        .unwrap();
        let built = BUILDS.with(|c| c.get());
        for _ in 0..3 {
            let v = new_verifier(&Algorithm::RS256, &fresh).unwrap();
            assert!(v.verify(b"m", &vec![1; 256]).is_err());
        }
        assert_eq!(BUILDS.with(|c| c.get()) - built, 1, "a key built per token");
        let a = cached_public_key(Algorithm::RS256, &rsa_dec).unwrap().pkey;
        let b = cached_public_key(Algorithm::RS256, &rsa_dec).unwrap().pkey;
        assert_eq!(addr(&a), addr(&b), "the key is built again for each token");
        assert!(a.public_eq(&rsa));
        let other = cached_public_key(Algorithm::RS256, &rsa_key(256, &f4))
            .unwrap()
            .pkey;
        assert_ne!(addr(&a), addr(&other));
        assert!(!a.public_eq(&other));
        let p = cached_public_key(Algorithm::ES256, &p256_dec).unwrap().pkey;
        assert!(cached_public_key(Algorithm::ES384, &p256_dec).is_none());
        let again = cached_public_key(Algorithm::ES256, &p256_dec).unwrap().pkey;
        assert_eq!(addr(&p), addr(&again));
        // A point off the curve is no key for OpenSSL (rust_crypto refuses it too).
        let mut off = vec![4u8];
        off.extend([1u8; 64]);
        let off = DecodingKey::from_ec_components(&b64(&off[1..33]), &b64(&off[33..])).unwrap();
        assert!(public_key(Algorithm::ES256, &off).is_none());
    }

    /// HMAC stays with rust_crypto; every other family whose key OpenSSL takes is checked by
    /// OpenSSL (the point of this module), and a key family that does not match the
    /// algorithm's is refused before any check.
    #[test]
    fn openssl_checks_every_family_but_hmac() {
        let checks = || CHECKS.with(|c| c.get());
        let ed = PKey::generate_ed25519().unwrap();
        let ed_dec = DecodingKey::from_ed_components(&b64(&ed.raw_public_key().unwrap())).unwrap();
        let rsa = Rsa::generate(2048).unwrap();
        let rsa_dec =
            DecodingKey::from_rsa_components(&b64(&rsa.n().to_vec()), &b64(&rsa.e().to_vec()))
                .unwrap();
        let g = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
        let ec = EcKey::generate(&g).unwrap();
        let mut ctx = openssl::bn::BigNumContext::new().unwrap();
        let (mut x, mut y) = (BigNum::new().unwrap(), BigNum::new().unwrap());
        ec.public_key()
            .affine_coordinates(&g, &mut x, &mut y, &mut ctx)
            .unwrap();
        let ec_dec = DecodingKey::from_ec_components(
            &b64(&x.to_vec_padded(32).unwrap()),
            &b64(&y.to_vec_padded(32).unwrap()),
        )
        .unwrap();
        let mut before = checks();
        for (alg, key, sig_len) in [
            (Algorithm::EdDSA, &ed_dec, 64),
            (Algorithm::RS256, &rsa_dec, 256),
            (Algorithm::PS256, &rsa_dec, 256),
            (Algorithm::ES256, &ec_dec, 64),
        ] {
            let v = new_verifier(&alg, key).unwrap();
            assert!(v.verify(b"m", &vec![1; sig_len]).is_err());
            assert_eq!(checks(), before + 1, "{alg:?} through OpenSSL");
            before += 1;
        }
        let hs = DecodingKey::from_secret(&[7u8; 32]).unwrap();
        let v = new_verifier(&Algorithm::HS256, &hs).unwrap();
        assert!(v.verify(b"m", &vec![0; 32]).is_err());
        assert_eq!(checks(), before, "HS256 not through OpenSSL");
        assert!(matches!(
            new_verifier(&Algorithm::RS256, &ed_dec)
                .err()
                .map(|e| e.into_kind()),
            Some(ErrorKind::InvalidKeyFormat)
        ));
    }

    #[test]
    fn install_makes_it_the_default() {
        assert!(install());
        let p = CryptoProvider::try_get_default().expect("a default");
        type Factory = fn(&Algorithm, &DecodingKey) -> Result<Box<dyn JwtVerifier>, Error>;
        assert!(std::ptr::fn_addr_eq(
            p.verifier_factory,
            new_verifier as Factory
        ));
    }
}
