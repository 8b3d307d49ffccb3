//! Reading what configuration names: socket addresses, PEM certificates and keys.

use super::*;

pub(super) fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    match s.to_socket_addrs() {
        Ok(mut it) => it
            .next()
            .ok_or_else(|| format!("address {s:?} resolves to nothing")),
        Err(e) => Err(format!("address {s:?} does not resolve: {e}")),
    }
}

pub(super) fn read_pem_certs(path: &Path) -> Result<Vec<X509>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let certs = X509::stack_from_pem(&bytes)
        .map_err(|e| format!("{} is not a PEM certificate: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no certificate", path.display()));
    }
    Ok(certs)
}

pub(super) fn read_pem_key(path: &Path) -> Result<PKey<Private>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    PKey::private_key_from_pem(&bytes)
        .map_err(|e| format!("{} is not a PEM private key: {e}", path.display()))
}
