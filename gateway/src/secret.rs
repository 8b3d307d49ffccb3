//! The one way to hold a secret: [`Secret`] never reaches `Debug` output or a log, and
//! compares in constant time; [`SecretRef`] says where one comes from (an environment
//! variable or a file, never the configuration itself).

use std::fmt;
use std::path::Path;

/// A secret value: never printed by `Debug`, never logged, compared in constant time.
#[derive(Clone)]
pub struct Secret(String);

/// Constant-time (for equal lengths), so comparing settings at a reload, or a presented value
/// with a configured one, says nothing through timing.
impl PartialEq for Secret {
    fn eq(&self, other: &Secret) -> bool {
        use subtle::ConstantTimeEq;
        self.0.len() == other.0.len() && bool::from(self.0.as_bytes().ct_eq(other.0.as_bytes()))
    }
}
impl Eq for Secret {}

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Where a secret comes from: an environment variable or a file — never the config itself.
#[derive(Debug, serde::Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SecretRef {
    pub env: Option<String>,
    pub file: Option<String>,
}

impl SecretRef {
    /// Read the secret; a relative `file` is taken from `base` (the directory of the file
    /// that names it). One trailing line break of a file is not part of the secret.
    pub fn resolve(&self, base: &Path) -> Result<Secret, String> {
        match (&self.env, &self.file) {
            (Some(e), None) => from_env(e),
            (None, Some(f)) => from_file(base, f),
            _ => Err("give exactly one of `env` or `file`".into()),
        }
    }
}

/// A secret from an environment variable.
pub fn from_env(var: &str) -> Result<Secret, String> {
    std::env::var(var)
        .map(Secret)
        .map_err(|_| format!("environment variable {var} is not set"))
}

/// A secret from a file (relative to `base`), without its trailing line break.
pub fn from_file(base: &Path, file: &str) -> Result<Secret, String> {
    let p = crate::report::resolve_relative(base, file);
    std::fs::read_to_string(&p)
        .map(|s| Secret(s.trim_end_matches(['\n', '\r']).to_string()))
        .map_err(|e| format!("cannot read {}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed_and_compared_by_value() {
        let a = Secret::new("hunter2".into());
        assert_eq!(format!("{a:?}"), "Secret(***)");
        assert_eq!(a, Secret::new("hunter2".into()));
        assert_ne!(a, Secret::new("hunter3".into()));
        assert_ne!(a, Secret::new("hunter".into()));
    }

    #[test]
    fn read_from_a_file_relative_to_its_base_or_from_the_environment() {
        let dir = std::env::temp_dir().join(format!("secret-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("pw"), "s3cret\r\n").unwrap();
        let r = SecretRef {
            env: None,
            file: Some("pw".into()),
        };
        assert_eq!(r.resolve(&dir).unwrap().expose(), "s3cret");
        let both = SecretRef {
            env: Some("X".into()),
            file: Some("pw".into()),
        };
        assert!(both.resolve(&dir).is_err());
        assert!(from_env("SECRET_RS_SURELY_UNSET_VARIABLE").is_err());
        std::fs::remove_dir_all(&dir).ok();
    }
}
