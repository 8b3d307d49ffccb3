//! What loading found: every problem with its file and location, collected rather than
//! stopped at, so `gateway check` prints them all at once; and the small file helpers every
//! pillar's loader shares (YAML with positions, paths relative to the file naming them).
//!
//! A leaf module: the pillars report into it, and nothing here knows about any of them.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found while loading, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// A key path (`upstreams.orders.tls.ca`), a JSON pointer (`/paths/~1orders/get`) or
    /// `line L column C`.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "{}: {}: {}",
                self.file.display(),
                self.location,
                self.message
            )
        }
    }
}

/// Collects errors and warnings during a load.
#[derive(Debug, Default)]
pub struct Report {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Pointers listed for a cause reported more than once.
const COLLAPSE_SHOWN: usize = 3;

/// Group diagnostics by cause (file and message): one line per cause, at its first location,
/// with the number of places and the first few of them.
fn collapse(list: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut order: Vec<(PathBuf, String)> = Vec::new();
    let mut by: std::collections::HashMap<(PathBuf, String), Vec<String>> =
        std::collections::HashMap::new();
    for d in list {
        let key = (d.file, d.message);
        let locs = by.entry(key.clone()).or_default();
        if locs.is_empty() {
            order.push(key);
        }
        locs.push(d.location);
    }
    order
        .into_iter()
        .map(|key| {
            let locs = by.remove(&key).unwrap_or_default();
            let (file, message) = key;
            let location = locs.first().cloned().unwrap_or_default();
            let message = if locs.len() > 1 {
                let shown: Vec<&str> = locs
                    .iter()
                    .take(COLLAPSE_SHOWN)
                    .map(String::as_str)
                    .collect();
                let more = if locs.len() > COLLAPSE_SHOWN {
                    ", …"
                } else {
                    ""
                };
                format!(
                    "{message} ({} places: {}{more})",
                    locs.len(),
                    shown.join(", ")
                )
            } else {
                message
            };
            Diagnostic {
                file,
                location,
                message,
            }
        })
        .collect()
}

impl Report {
    /// Report each cause once: diagnostics with the same file and message become one, carrying
    /// the count and the first few locations (a spec can repeat one mistake hundreds of times).
    pub fn collapse(&mut self) {
        self.errors = collapse(std::mem::take(&mut self.errors));
        self.warnings = collapse(std::mem::take(&mut self.warnings));
    }

    pub fn error(&mut self, file: &Path, location: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Diagnostic {
            file: file.to_path_buf(),
            location: location.into(),
            message: message.into(),
        });
    }
    pub fn warn(&mut self, file: &Path, location: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Diagnostic {
            file: file.to_path_buf(),
            location: location.into(),
            message: message.into(),
        });
    }
}

/// Parse YAML into `T`, mapping the parser's error into a diagnostic with its position.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    file: &Path,
    text: &str,
    report: &mut Report,
) -> Option<T> {
    match serde_saphyr::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            report.error(file, "", e.to_string());
            None
        }
    }
}

/// Parse an OpenAPI document written in YAML, as YAML 1.2 reads it (what OAS asks for): only
/// `true` and `false` are booleans. YAML 1.1 also read `y`, `n`, `yes`, `no`, `on` and `off`
/// as booleans, which would turn a parameter named `on` or an `enum: [yes, no]` into
/// booleans and make the document mean something else.
pub fn parse_yaml_document(text: &str) -> Result<serde_json::Value, String> {
    serde_saphyr::from_str_with_options(text, serde_saphyr::options! { strict_booleans: true })
        .map_err(|e| e.to_string())
}

/// Resolve a path relative to the directory of the file that names it.
pub fn resolve_relative(base: &Path, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

/// Files with one of `exts` directly in `dir`, sorted by name for a stable load order.
pub fn list_files(dir: &Path, exts: &[&str]) -> Result<Vec<PathBuf>, String> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.contains(&e))
        })
        .collect();
    out.sort();
    Ok(out)
}
