//! Live configuration: load and validate a new generation off the request path, then swap it in
//! atomically (see [`crate::generation`]).

use crate::config::Config;
use sha2::{Digest, Sha256};

/// Hex SHA-256 over the configuration file and every file a load reads from `policies/` and
/// `openapi/` (names and bytes, in load order). Files those point to (certificates, keys) are
/// not included: the hash names what an operator edits to change routes and policies.
pub fn content_hash(cfg: &Config) -> String {
    let mut h = Sha256::new();
    let mut add = |p: &std::path::Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        h.update(name.unwrap_or_default().as_bytes());
        h.update([0]);
        let bytes = std::fs::read(p).unwrap_or_default();
        h.update((bytes.len() as u64).to_be_bytes());
        h.update(&bytes);
    };
    add(&cfg.source);
    for (dir, exts) in [
        (&cfg.policies_dir, &["yaml", "yml"][..]),
        (&cfg.openapi_dir, &["yaml", "yml", "json"][..]),
    ] {
        for f in crate::config::list_files(dir, exts).unwrap_or_default() {
            add(&f);
        }
    }
    hex::encode(h.finalize())
}
