//! Client certificates at the edge: a listener asks for (`request`) or insists on (`require`)
//! a certificate from configured CAs, with revocation by CRL; a verified certificate is a
//! credential like a token, mapped to a client id, tenant, tier and scopes by the
//! `client_certificates:` rules of `policies/`.
//!
//! What it decides, and why this way:
//! - **Where verification happens.** OpenSSL verifies the chain against the listener's CAs (and
//!   the CRLs, `CRL_CHECK` on the leaf) during the handshake; `ssl_client` purpose, so a
//!   certificate without the `clientAuth` usage is refused. With `require` a missing or bad
//!   certificate ends the handshake. With `request` the handshake completes whatever the
//!   client sends and the verdict travels with the connection ([`PeerCert::error`]): every
//!   request on a connection whose certificate failed is refused with 401 and the reason
//!   (expired, untrusted, revoked), so the client and the audit log learn why, and a route that
//!   needs a certificate answers 401 when there is none.
//! - **What is kept.** Only what identifies the certificate: its SHA-256 fingerprint (of the
//!   DER encoding, the `x5t#S256` of RFC 8705), subject CN, SANs and serial. Never the chain.
//! - **Mapping is explicit.** A verified certificate that no rule names is refused (401
//!   `unmapped_certificate`): a CA that signs more than this gateway's clients grants nothing
//!   by itself.

use crate::identity::{AuthMethod, Principal};
use crate::report::Report;
use openssl::nid::Nid;
use openssl::ssl::{SslFiletype, SslRef, SslVerifyMode};
use openssl::x509::store::{X509Lookup, X509StoreBuilder};
use openssl::x509::verify::X509VerifyFlags;
use openssl::x509::{X509VerifyResult, X509};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// `listeners[].client_ca`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientCaFile {
    /// PEM file of the CA certificates client certificates must chain to.
    pub ca: String,
    /// `request`: ask for a certificate, accept connections without one (routes whose spec
    /// requires `mutualTLS` answer 401). `require`: no handshake without a valid certificate.
    pub mode: String,
    /// PEM file of CRLs (one per CA above): a revoked certificate is refused. Read at start.
    pub crl: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Request,
    Require,
}

/// A listener's validated client-certificate settings.
#[derive(Debug, Clone)]
pub struct ClientCa {
    pub ca: PathBuf,
    pub mode: Mode,
    pub crl: Option<PathBuf>,
}

impl ClientCa {
    pub fn compile(
        f: &ClientCaFile,
        file: &Path,
        loc: &str,
        base: &Path,
        report: &mut Report,
    ) -> Option<ClientCa> {
        let mode = match f.mode.as_str() {
            "request" => Some(Mode::Request),
            "require" => Some(Mode::Require),
            other => {
                report.error(
                    file,
                    format!("{loc}.mode"),
                    format!("{other:?} is not `request` or `require`"),
                );
                None
            }
        };
        let ca = crate::report::resolve_relative(base, &f.ca);
        let ca_ok = match std::fs::read(&ca).map(|b| X509::stack_from_pem(&b)) {
            Ok(Ok(v)) if !v.is_empty() => true,
            Ok(_) => {
                report.error(
                    file,
                    format!("{loc}.ca"),
                    format!("{}: no PEM certificate", ca.display()),
                );
                false
            }
            Err(e) => {
                report.error(
                    file,
                    format!("{loc}.ca"),
                    format!("cannot read {}: {e}", ca.display()),
                );
                false
            }
        };
        let crl = f
            .crl
            .as_ref()
            .map(|c| crate::report::resolve_relative(base, c));
        let mut crl_ok = true;
        if let Some(c) = &crl {
            match std::fs::read(c) {
                Ok(b) if openssl::x509::X509Crl::from_pem(&b).is_ok() => {}
                Ok(_) => {
                    report.error(
                        file,
                        format!("{loc}.crl"),
                        format!("{}: no PEM CRL", c.display()),
                    );
                    crl_ok = false;
                }
                Err(e) => {
                    report.error(
                        file,
                        format!("{loc}.crl"),
                        format!("cannot read {}: {e}", c.display()),
                    );
                    crl_ok = false;
                }
            }
        }
        let mode = mode?;
        (ca_ok && crl_ok).then_some(ClientCa { ca, mode, crl })
    }
}

/// Ask for client certificates on an edge TLS acceptor (see the module comment).
pub fn configure(
    tls: &mut openssl::ssl::SslAcceptorBuilder,
    s: &ClientCa,
) -> Result<(), openssl::error::ErrorStack> {
    let pem = std::fs::read(&s.ca).map_err(|_| openssl::error::ErrorStack::get())?;
    let cas = X509::stack_from_pem(&pem)?;
    let mut store = X509StoreBuilder::new()?;
    for c in &cas {
        store.add_cert(c.clone())?;
        // The CA names sent in the CertificateRequest (clients pick a matching certificate).
        tls.add_client_ca(c)?;
    }
    if let Some(crl) = &s.crl {
        store
            .add_lookup(X509Lookup::file())?
            .load_crl_file(crl, SslFiletype::PEM)?;
        store.set_flags(X509VerifyFlags::CRL_CHECK)?;
    }
    tls.set_verify_cert_store(store.build())?;
    // Sessions resumed with a ticket keep the certificate they were verified with; OpenSSL
    // refuses resumption without a session id context when peers are verified.
    tls.set_session_id_context(b"gateway-edge")?;
    match s.mode {
        Mode::Require => tls.set_verify(SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT),
        Mode::Request => {
            // Complete the handshake whatever the verdict; it travels with the connection.
            tls.set_verify_callback(SslVerifyMode::PEER, |_ok, _ctx| true)
        }
    }
    Ok(())
}

/// Why a presented certificate is not a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertError {
    Expired,
    NotYetValid,
    /// Not issued by a configured CA (or the chain is incomplete).
    Untrusted,
    Revoked,
    /// Any other verification failure (wrong key usage, bad signature, no CRL for its CA…).
    Invalid,
}

impl CertError {
    fn from_verify(r: X509VerifyResult) -> Option<CertError> {
        // X509_V_ERR_* codes (openssl/x509_vfy.h).
        Some(match r.as_raw() {
            0 => return None,
            10 => CertError::Expired,
            9 => CertError::NotYetValid,
            23 => CertError::Revoked,
            // No path to a configured CA, or a CA of the same name whose key did not sign it.
            2 | 7 | 18 | 19 | 20 | 21 | 30 | 31 => CertError::Untrusted,
            _ => CertError::Invalid,
        })
    }
}

/// What the gateway keeps of a client certificate (never the chain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerCert {
    /// SHA-256 of the certificate's DER encoding, lower-case hex.
    pub sha256: String,
    pub subject_cn: Option<String>,
    pub san_dns: Vec<String>,
    pub san_uri: Vec<String>,
    pub san_email: Vec<String>,
    /// Serial number, upper-case hex.
    pub serial: String,
    /// `None`: verified against the listener's CAs (and CRLs).
    pub error: Option<CertError>,
}

impl PeerCert {
    pub fn from_x509(cert: &X509, verify: X509VerifyResult) -> PeerCert {
        let sha256 = cert
            .digest(openssl::hash::MessageDigest::sha256())
            .map(|d| hex::encode(&*d))
            .unwrap_or_default();
        let subject_cn = cert
            .subject_name()
            .entries_by_nid(Nid::COMMONNAME)
            .next()
            .and_then(|e| e.data().to_string().ok())
            // An interior NUL (`partner\0.evil`) would let one name pass for another.
            .filter(|s| !s.contains('\0'));
        let (mut san_dns, mut san_uri, mut san_email) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(names) = cert.subject_alt_names() {
            for n in &names {
                let clean = |v: &str| !v.contains('\0');
                if let Some(d) = n.dnsname().filter(|v| clean(v)) {
                    san_dns.push(d.to_ascii_lowercase());
                } else if let Some(u) = n.uri().filter(|v| clean(v)) {
                    san_uri.push(u.to_string());
                } else if let Some(e) = n.email().filter(|v| clean(v)) {
                    san_email.push(e.to_string());
                }
            }
        }
        let serial = cert
            .serial_number()
            .to_bn()
            .and_then(|b| b.to_hex_str().map(|s| s.to_string()))
            .unwrap_or_default();
        PeerCert {
            sha256,
            subject_cn,
            san_dns,
            san_uri,
            san_email,
            serial,
            error: CertError::from_verify(verify),
        }
    }

    /// The certificate of a finished handshake, with OpenSSL's verdict.
    pub fn from_ssl(ssl: &SslRef) -> Option<PeerCert> {
        let cert = ssl.peer_certificate()?;
        Some(PeerCert::from_x509(&cert, ssl.verify_result()))
    }

    /// The `x5t#S256` confirmation value (RFC 8705 §3.1): base64url of the SHA-256.
    pub fn x5t_s256(&self) -> String {
        use base64::Engine;
        let raw = hex::decode(&self.sha256).unwrap_or_default();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
    }
}

/// Pingora's TLS callbacks: after each handshake, keep the client certificate's identity on
/// the connection (`SslDigest::extension`, read by the proxy per request).
pub struct Capture;

#[async_trait::async_trait]
impl pingora::listeners::TlsAccept for Capture {
    async fn handshake_complete_callback(
        &self,
        ssl: &pingora::tls::ssl::SslRef,
    ) -> Option<Arc<dyn std::any::Any + Send + Sync>> {
        PeerCert::from_ssl(ssl).map(|c| Arc::new(c) as Arc<dyn std::any::Any + Send + Sync>)
    }
}

/// The client certificate of a request's connection, if one was presented.
pub fn of_session(session: &pingora::proxy::Session) -> Option<&PeerCert> {
    session
        .digest()
        .and_then(|d| d.ssl_digest.as_deref())
        .and_then(of_digest)
}

/// The client certificate kept on a connection's TLS digest.
pub fn of_digest(d: &pingora_core::protocols::tls::SslDigest) -> Option<&PeerCert> {
    d.extension.get::<PeerCert>()
}

/// One `client_certificates:` rule of a policy file: exactly one matcher, then what the
/// certificate grants.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertRuleFile {
    /// Matches the subject's common name exactly.
    pub subject_cn: Option<String>,
    /// Matches one DNS name of the subject alternative names (case-insensitive).
    pub san_dns: Option<String>,
    /// Matches one URI of the subject alternative names (e.g. a SPIFFE id).
    pub san_uri: Option<String>,
    /// Matches one e-mail address of the subject alternative names.
    pub san_email: Option<String>,
    /// Matches the certificate's SHA-256 fingerprint (64 hex digits, `:` allowed): pinning.
    pub sha256: Option<String>,
    pub client_id: Option<String>,
    pub tenant: Option<String>,
    /// SLA tier (rate limiting); else the tenant's or the client's tier.
    pub tier: Option<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Matcher {
    SubjectCn(String),
    SanDns(String),
    SanUri(String),
    SanEmail(String),
    Sha256(String),
}

#[derive(Debug, Clone)]
pub struct CertRule {
    matcher: Matcher,
    client_id: Option<String>,
    tenant: Option<String>,
    tier: Option<String>,
    scopes: Vec<String>,
}

/// The compiled `client_certificates:` rules (first match wins, in file order).
#[derive(Debug, Clone, Default)]
pub struct CertRules {
    rules: Vec<CertRule>,
}

impl CertRules {
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Add the rules of one policy file.
    pub fn compile(&mut self, rules: Vec<CertRuleFile>, file: &Path, report: &mut Report) {
        for (i, r) in rules.into_iter().enumerate() {
            let loc = format!("client_certificates[{i}]");
            let mut m = Vec::new();
            if let Some(v) = r.subject_cn {
                m.push(Matcher::SubjectCn(v));
            }
            if let Some(v) = r.san_dns {
                m.push(Matcher::SanDns(v.to_ascii_lowercase()));
            }
            if let Some(v) = r.san_uri {
                m.push(Matcher::SanUri(v));
            }
            if let Some(v) = r.san_email {
                m.push(Matcher::SanEmail(v));
            }
            if let Some(v) = r.sha256 {
                let h: String = v.chars().filter(|c| *c != ':').collect::<String>();
                if h.len() != 64 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
                    report.error(file, format!("{loc}.sha256"), "must be 64 hex digits");
                    continue;
                }
                m.push(Matcher::Sha256(h.to_ascii_lowercase()));
            }
            if m.len() != 1 {
                report.error(
                    file,
                    &loc,
                    "give exactly one of subject_cn, san_dns, san_uri, san_email, sha256",
                );
                continue;
            }
            if r.client_id.is_none() && r.tenant.is_none() {
                report.error(file, &loc, "a rule needs a `client_id` or a `tenant`");
                continue;
            }
            self.rules.push(CertRule {
                matcher: m.remove(0),
                client_id: r.client_id,
                tenant: r.tenant,
                tier: r.tier,
                scopes: r.scopes,
            });
        }
    }

    fn find(&self, c: &PeerCert) -> Option<&CertRule> {
        self.rules.iter().find(|r| match &r.matcher {
            Matcher::SubjectCn(v) => c.subject_cn.as_deref() == Some(v.as_str()),
            Matcher::SanDns(v) => c.san_dns.iter().any(|d| d == v),
            Matcher::SanUri(v) => c.san_uri.iter().any(|u| u == v),
            Matcher::SanEmail(v) => c.san_email.iter().any(|e| e == v),
            Matcher::Sha256(v) => {
                use subtle::ConstantTimeEq;
                bool::from(c.sha256.as_bytes().ct_eq(v.as_bytes()))
            }
        })
    }

    /// The principal a verified certificate stands for; `tier_of(tenant, client)` resolves
    /// the tier from the policies' tenant and client tables.
    pub fn principal(
        &self,
        c: &PeerCert,
        tier_of: impl Fn(Option<&str>, Option<&str>) -> Option<String>,
    ) -> Result<Principal, crate::auth::jwt::TokenError> {
        use crate::auth::jwt::TokenError;
        if let Some(e) = c.error {
            return Err(match e {
                CertError::Expired => TokenError::CertExpired,
                CertError::NotYetValid => TokenError::CertNotYetValid,
                CertError::Untrusted => TokenError::CertUntrusted,
                CertError::Revoked => TokenError::CertRevoked,
                CertError::Invalid => TokenError::CertInvalid,
            });
        }
        let r = self.find(c).ok_or(TokenError::CertUnmapped)?;
        let tier = r
            .tier
            .clone()
            .or_else(|| tier_of(r.tenant.as_deref(), r.client_id.as_deref()));
        Ok(Principal {
            method: AuthMethod::ClientCert,
            issuer: "client-certificate".into(),
            subject: c
                .subject_cn
                .clone()
                .or_else(|| c.san_uri.first().cloned())
                .or_else(|| c.san_dns.first().cloned()),
            client_id: r.client_id.clone(),
            tenant: r.tenant.clone(),
            scopes: r.scopes.clone(),
            tier,
            api_key_id: None,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn cert(cn: &str, err: Option<CertError>) -> PeerCert {
        PeerCert {
            sha256: "ab".repeat(32),
            subject_cn: Some(cn.into()),
            san_dns: vec![format!("{cn}.example")],
            san_uri: vec!["spiffe://corp/ns/shop".into()],
            san_email: vec![],
            serial: "01".into(),
            error: err,
        }
    }

    fn rules(yaml: &str) -> (CertRules, Report) {
        let files: Vec<CertRuleFile> = serde_saphyr::from_str(yaml).unwrap();
        let mut r = CertRules::default();
        let mut report = Report::default();
        r.compile(files, Path::new("p.yaml"), &mut report);
        (r, report)
    }

    #[test]
    fn rules_map_by_subject_san_or_fingerprint_and_refuse_the_rest() {
        let (r, rep) = rules(
            "- {san_uri: \"spiffe://corp/ns/other\", client_id: other}\n\
             - {subject_cn: partner, client_id: partner-a, tenant: globex, scopes: [read]}\n\
             - {sha256: \"CD:CD\", client_id: x}\n",
        );
        assert_eq!(rep.errors.len(), 1, "the bad fingerprint");
        let p = r.principal(&cert("partner", None), |_, _| None).unwrap();
        assert_eq!(p.method, AuthMethod::ClientCert);
        assert_eq!(p.client_id.as_deref(), Some("partner-a"));
        assert_eq!(p.tenant.as_deref(), Some("globex"));
        assert_eq!(p.scopes, vec!["read".to_string()]);
        assert_eq!(p.subject.as_deref(), Some("partner"));
        use crate::auth::jwt::TokenError;
        assert_eq!(
            r.principal(&cert("stranger", None), |_, _| None),
            Err(TokenError::CertUnmapped)
        );
        assert_eq!(
            r.principal(&cert("partner", Some(CertError::Revoked)), |_, _| None),
            Err(TokenError::CertRevoked)
        );
        let (pin, _) = rules(&format!(
            "- {{sha256: \"{}\", client_id: pinned}}\n",
            "AB".repeat(32)
        ));
        assert_eq!(
            pin.principal(&cert("whoever", None), |_, _| None)
                .unwrap()
                .client_id
                .as_deref(),
            Some("pinned")
        );
    }

    #[test]
    fn a_rule_needs_one_matcher_and_an_identity() {
        let (_, rep) = rules("- {subject_cn: a, san_dns: b, client_id: x}\n- {subject_cn: a}\n");
        assert_eq!(rep.errors.len(), 2);
    }
}
