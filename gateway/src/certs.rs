//! Throwaway PKI for the demo and the tests (rcgen): one CA, then leaf certificates for the
//! edge listener, the gateway's upstream client identity and each upstream server.
//! Never used for production material.

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use std::path::Path;

/// A PEM certificate and its PEM private key.
#[derive(Clone, Debug)]
pub struct Pem {
    pub cert: String,
    pub key: String,
}

impl Pem {
    /// Write `name.crt` and `name.key` into `dir`; returns their paths.
    pub fn write(
        &self,
        dir: &Path,
        name: &str,
    ) -> std::io::Result<(std::path::PathBuf, std::path::PathBuf)> {
        let c = dir.join(format!("{name}.crt"));
        let k = dir.join(format!("{name}.key"));
        std::fs::write(&c, &self.cert)?;
        std::fs::write(&k, &self.key)?;
        Ok((c, k))
    }
}

pub struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
    pub pem: Pem,
}

impl Ca {
    pub fn new(common_name: &str) -> Result<Ca, rcgen::Error> {
        let mut p = CertificateParams::new(Vec::<String>::new())?;
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.distinguished_name.push(DnType::CommonName, common_name);
        p.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let key = KeyPair::generate()?;
        let key_pem = key.serialize_pem();
        let issuer = CertifiedIssuer::self_signed(p, key)?;
        let cert = issuer.pem();
        Ok(Ca {
            issuer,
            pem: Pem { cert, key: key_pem },
        })
    }

    /// A server certificate for `names` (DNS names or IP addresses).
    pub fn server(&self, names: &[&str]) -> Result<Pem, rcgen::Error> {
        self.leaf(names, ExtendedKeyUsagePurpose::ServerAuth)
    }

    /// A client certificate whose CN (and SAN) is `name`.
    pub fn client(&self, name: &str) -> Result<Pem, rcgen::Error> {
        self.leaf(&[name], ExtendedKeyUsagePurpose::ClientAuth)
    }

    fn leaf(&self, names: &[&str], eku: ExtendedKeyUsagePurpose) -> Result<Pem, rcgen::Error> {
        let mut p =
            CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())?;
        p.distinguished_name
            .push(DnType::CommonName, names.first().copied().unwrap_or("leaf"));
        p.extended_key_usages = vec![eku];
        p.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        let key = KeyPair::generate()?;
        let cert = p.signed_by(&key, &self.issuer)?;
        Ok(Pem {
            cert: cert.pem(),
            key: key.serialize_pem(),
        })
    }

    /// A client certificate with its own validity window and serial, and extra SANs
    /// (`spiffe://…` URIs or DNS names): for tests of expiry and revocation.
    pub fn client_with(
        &self,
        name: &str,
        valid: (i32, i32),
        serial: u64,
        extra_sans: &[&str],
    ) -> Result<Pem, rcgen::Error> {
        let mut p = CertificateParams::new(vec![name.to_string()])?;
        for s in extra_sans {
            p.subject_alt_names.push(if s.contains("://") {
                rcgen::SanType::URI(rcgen::string::Ia5String::try_from(*s)?)
            } else {
                rcgen::SanType::DnsName(rcgen::string::Ia5String::try_from(*s)?)
            });
        }
        p.distinguished_name.push(DnType::CommonName, name);
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        p.not_before = rcgen::date_time_ymd(valid.0, 1, 1);
        p.not_after = rcgen::date_time_ymd(valid.1, 1, 1);
        p.serial_number = Some(rcgen::SerialNumber::from(serial));
        let key = KeyPair::generate()?;
        let cert = p.signed_by(&key, &self.issuer)?;
        Ok(Pem {
            cert: cert.pem(),
            key: key.serialize_pem(),
        })
    }

    /// A CRL of this CA revoking `serials` (PEM), valid from 2020 to 2099.
    pub fn crl(&self, serials: &[u64]) -> Result<String, rcgen::Error> {
        let params = rcgen::CertificateRevocationListParams {
            this_update: rcgen::date_time_ymd(2020, 1, 1),
            next_update: rcgen::date_time_ymd(2099, 1, 1),
            crl_number: rcgen::SerialNumber::from(1u64),
            issuing_distribution_point: None,
            revoked_certs: serials
                .iter()
                .map(|s| rcgen::RevokedCertParams {
                    serial_number: rcgen::SerialNumber::from(*s),
                    revocation_time: rcgen::date_time_ymd(2021, 1, 1),
                    reason_code: Some(rcgen::RevocationReason::KeyCompromise),
                    invalidity_date: None,
                })
                .collect(),
            key_identifier_method: rcgen::KeyIdMethod::Sha256,
        };
        params.signed_by(&self.issuer)?.pem()
    }
}
