//! What a test needs from outside the repository (a tool, a Python module, the shared sample
//! specs), and what it does when that is missing: it FAILS naming the missing piece, unless
//! the environment variable `GATEWAY_TEST_SKIP` lists it (comma-separated names, e.g.
//! `GATEWAY_TEST_SKIP=promtool,jwcrypto,shared`). A run without a tool is then never a silent
//! pass: either it fails, or someone wrote down that it may skip. `make test-deps` installs
//! everything the suite needs.
//!
//! Used by the unit tests and by the end-to-end tests (`tests/e2e`), hence public; not part of
//! the gateway's behaviour.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether `GATEWAY_TEST_SKIP` lists `name`.
pub fn skip_listed(name: &str) -> bool {
    std::env::var("GATEWAY_TEST_SKIP").is_ok_and(|v| listed(&v, name))
}

fn listed(list: &str, name: &str) -> bool {
    list.split(',')
        .map(str::trim)
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// `true` when the test may use `name`. When it is missing: `false` (the caller returns) if
/// `GATEWAY_TEST_SKIP` lists it, else a panic naming it and how to get it (`how`).
pub fn require(name: &str, present: bool, how: &str) -> bool {
    if present {
        return true;
    }
    if skip_listed(name) {
        eprintln!("SKIPPED: {name} is missing and GATEWAY_TEST_SKIP lists it");
        return false;
    }
    panic!(
        "{name} is missing: {how}. Or set GATEWAY_TEST_SKIP={name} to skip the tests that need it"
    );
}

/// Whether `program args…` runs and exits 0.
pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `promtool`, or `false` when it is missing and may be skipped.
pub fn promtool() -> bool {
    require(
        "promtool",
        runs("promtool", &["--version"]),
        "`make test-deps` installs it (Debian package prometheus)",
    )
}

/// Python's `jwcrypto`, or `false` when it is missing and may be skipped.
pub fn jwcrypto() -> bool {
    require(
        "jwcrypto",
        runs("python3", &["-c", "import jwcrypto"]),
        "`make test-deps` installs it (python3 -m pip install jwcrypto)",
    )
}

/// A folder of the shared test data beside the repository (`../shared/<sub>`, from the main
/// checkout or a worktree one level deeper), or `None` when it is missing and may be skipped.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = ["../../shared", "../../../shared"]
        .iter()
        .map(|p| base.join(p).join(sub))
        .find(|p| p.is_dir());
    let present = found.is_some();
    require(
        "shared",
        present,
        &format!("the shared test data ../shared/{sub} must sit beside the repository"),
    )
    .then(|| found.expect("present"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_piece_fails_unless_listed() {
        assert!(require("x-present", true, "-"));
        let r = std::panic::catch_unwind(|| require("surely-not-listed-tool", false, "get it"));
        let msg = r.expect_err("a missing tool must fail");
        let msg = msg.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(
            msg.contains("surely-not-listed-tool is missing: get it.")
                && msg.contains("GATEWAY_TEST_SKIP=surely-not-listed-tool"),
            "{msg}"
        );
        assert!(listed("promtool, jwcrypto,shared", "jwcrypto"));
        assert!(listed("promtool,jwcrypto,shared", "shared"));
        assert!(!listed("promtool,jwcrypto", "shared"));
        assert!(!listed("", "shared"));
    }
}
