//! The whole OpenAPI document against the official OAS meta-schema of its version (3.0 or
//! 3.1, as the OpenAPI Initiative publishes them), through `openapi-spec-validator-rs`: the
//! Rust port of the ecosystem's reference validator (openapi-spec-validator), which bundles
//! those schemas and adds the checks they cannot express (each reachable schema against its
//! dialect, `default` values against their schema, unique `operationId`s, duplicated and
//! unresolvable parameters).
//!
//! What the gateway takes of its verdict, and why:
//! - **Everything is an error**, in every part of the document, used by a route or not: a
//!   document the specification says is invalid is not a contract. Except:
//! - **Patterns are the gateway's to judge**: the reference validator compiles `pattern`s
//!   with Python's `re`, which refuses valid ECMA-262 (`\p{L}`, `(?<name>…)`). Every
//!   `pattern` the gateway's own engine compiles (fancy-regex, as `validate/` uses it) is
//!   blanked in the copy the reference validator reads; a pattern neither compiles stays an
//!   error.
//! - Nothing is fetched: `$ref`s to other documents resolve against the file's directory on
//!   disk, never over the network.
//!
//! A finding at a pointer `spec::semantic_rules` already reported (in its own words) is not
//! repeated, nor the duplicated and unresolvable parameters it checks itself.
//!
//! One cause is one message: the value a message names is replaced by "the value" so the
//! report (`Report::collapse`) folds a mistake repeated hundreds of times into one line with
//! its count and first pointers.

use crate::report::Report;
use openapi_spec_validator_rs as osv;
use serde_json::Value;
use std::path::Path;

/// The longest message kept of one finding (the reference validator quotes values whole).
const MAX_MESSAGE: usize = 240;

/// Check every loaded document; run after the other load checks, whose findings it does not
/// repeat.
pub fn check_all(specs: &[(std::path::PathBuf, crate::spec::Spec)], report: &mut Report) {
    for (f, s) in specs {
        check(f, &s.doc, report);
    }
}

/// Check `doc` (read from `file`) and add what is wrong to `report`.
pub fn check(file: &Path, doc: &Value, report: &mut Report) {
    // The reference validator reads the files `$ref`s name, wherever they are. A document
    // whose references leave its directory (an absolute path, `..`, a URL), here or in a file
    // it refers to, is not given to it: `/etc/…` must not be read and quoted into a reload's
    // log. The gateway's own loader refuses such references where a route uses them.
    if !refs_stay_beside(file, doc) {
        return;
    }
    let base_uri = std::path::absolute(file)
        .ok()
        .and_then(|p| url::Url::from_file_path(p).ok())
        .map(|u| u.to_string())
        .unwrap_or_default();
    let options = osv::Options {
        version: None,
        errors: osv::ErrorMode::All,
        base_uri,
        retriever: None,
    };
    let version = match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.1.") => "OAS 3.1",
        _ => "OAS 3.0",
    };
    // What `spec::semantic_rules` already said, in its own words: not said twice.
    // (The other checks may name the file by another path: compared as the same file.)
    let canonical = std::fs::canonicalize(file).ok();
    let same = |other: &Path| {
        other == file || canonical.is_some() && std::fs::canonicalize(other).ok() == canonical
    };
    let said: Vec<String> = report
        .errors
        .iter()
        .filter(|d| !d.location.is_empty() && same(&d.file))
        .map(|d| d.location.clone())
        .collect();
    let covered = |at: &str| {
        said.iter().any(|l| {
            at == l
                || at
                    .strip_prefix(l.as_str())
                    .is_some_and(|r| r.starts_with('/'))
                || l.strip_prefix(at).is_some_and(|r| r.starts_with('/'))
        })
    };
    let mut copy = doc.clone();
    blank_patterns(&mut copy);
    match osv::validate(&copy, &options) {
        osv::Outcome::Valid => {}
        // The reference validator stopped on something it could not read (upstream raises,
        // e.g. `KeyError: 'in'` for a parameter without `in`): worth saying only when no
        // other check has already said what is wrong with this document.
        osv::Outcome::Error(_) if report.errors.iter().any(|d| same(&d.file)) => {}
        osv::Outcome::Error(e) => report.error(
            file,
            "",
            format!(
                "{version}: the reference validator could not read the document: {}",
                clip(&e)
            ),
        ),
        osv::Outcome::Invalid(errors) => {
            let mut located = 0;
            for e in &errors {
                if skipped(e) {
                    continue;
                }
                let (at, msg) = describe(e, &copy, &mut located);
                if !at.is_empty() && covered(&at) {
                    continue;
                }
                report.error(file, at, format!("{version} schema: {msg}"));
            }
        }
    }
}

/// Whether every `$ref` of `doc`, and of the files it refers to (transitively, at most
/// [`MAX_REF_FILES`]), is local (`#…`) or a relative path below `file`'s directory.
fn refs_stay_beside(file: &Path, doc: &Value) -> bool {
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                for (k, val) in m {
                    match (k.as_str(), val) {
                        ("$ref", Value::String(r)) => out.push(r),
                        _ => refs(val, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let Some(dir) = file.parent() else {
        return false;
    };
    let mut seen: Vec<std::path::PathBuf> = Vec::new();
    let mut todo: Vec<(std::path::PathBuf, Value)> = vec![(file.to_path_buf(), doc.clone())];
    while let Some((at, v)) = todo.pop() {
        let mut found = Vec::new();
        refs(&v, &mut found);
        for r in found {
            let target = r.split('#').next().unwrap_or("");
            if target.is_empty() {
                continue;
            }
            let rel = Path::new(target);
            let inside = !target.contains(':')
                && rel.is_relative()
                && rel.components().all(|c| {
                    matches!(
                        c,
                        std::path::Component::Normal(_) | std::path::Component::CurDir
                    )
                });
            if !inside {
                return false;
            }
            let next = at.parent().unwrap_or(dir).join(rel);
            if seen.contains(&next) {
                continue;
            }
            if seen.len() >= MAX_REF_FILES {
                return false;
            }
            seen.push(next.clone());
            let Ok(text) = std::fs::read_to_string(&next) else {
                continue; // unreadable: the validator reports it unresolvable
            };
            let parsed = if next.extension().and_then(|e| e.to_str()) == Some("json") {
                serde_json::from_str(&text).ok()
            } else {
                crate::report::parse_yaml_document(&text).ok()
            };
            if let Some(pv) = parsed {
                todo.push((next, pv));
            }
        }
    }
    true
}

/// How many other files a document's references may reach before the check gives up.
const MAX_REF_FILES: usize = 64;

/// Every `pattern` string the gateway's regex engine compiles, replaced by the empty pattern.
fn blank_patterns(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, val) in m.iter_mut() {
                match val {
                    Value::String(p) if k == "pattern" => {
                        if fancy_regex::Regex::new(p).is_ok() {
                            p.clear();
                        }
                    }
                    _ => blank_patterns(val),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(blank_patterns),
        _ => {}
    }
}

/// Findings the gateway leaves to its own checks.
fn skipped(e: &osv::ValidationError) -> bool {
    // `spec::semantic_rules` checks both, with the pointer (these carry none).
    matches!(
        e.kind,
        osv::ErrorKind::ParameterDuplicate | osv::ErrorKind::UnresolvableParameter
    )
}

/// (JSON pointer, message) of one finding. For `oneOf` / `anyOf` failures the closest
/// branch's own finding is added: "not valid under any of the given schemas" alone does not
/// say what to fix.
fn describe(e: &osv::ValidationError, doc: &Value, located: &mut usize) -> (String, String) {
    let Some(d) = &e.schema_error else {
        return (String::new(), clip(&e.message));
    };
    let mut at = pointer(&d.instance_path);
    if doc.pointer(&at) != Some(&d.instance) {
        // A finding of the walk over the document's schemas (a schema against its dialect, a
        // `default` against its schema): its path is relative to a schema somewhere in the
        // document. Found by searching for where that path leads to that value (the first
        // few findings only: each search reads the whole document).
        *located += 1;
        match (*located <= MAX_LOCATED)
            .then(|| locate(doc, &at, &d.instance))
            .flatten()
        {
            Some(found) => at = found,
            None => return (String::new(), clip(&e.message)),
        }
    }
    // "'extra' does not match any of the regexes: '^x-'": the field itself is the place.
    if d.keyword == "additionalProperties" {
        if let Some(name) = e
            .message
            .strip_prefix('\'')
            .and_then(|m| m.split_once("' does not match any of the regexes"))
            .map(|(n, _)| n)
            .filter(|n| d.instance.get(n).is_some())
        {
            at = format!("{at}/{}", crate::spec::ptr_token(name));
        }
    }
    if at.is_empty() {
        return (at, clip(&e.message));
    }
    let mut msg = cause(&e.message);
    // "Is it a `$ref`?" is the other branch of every object that may be a reference: never
    // the closest explanation.
    // Down through nested `oneOf`s (a parameter is one of several locations, each one of
    // several styles) to the closest leaf.
    let (mut best, mut sub) = (None::<osv::ValidationError>, String::new());
    let mut context = d.context.clone();
    for _ in 0..8 {
        let branches: Vec<osv::ValidationError> = context
            .into_iter()
            .filter(|c| c.message != "'$ref' is a required property")
            .collect();
        let Some(b) = osv::best_match(&branches).cloned() else {
            break;
        };
        let Some(bd) = &b.schema_error else {
            break;
        };
        sub.push_str(&pointer(&bd.instance_path));
        context = bd.context.clone();
        best = Some(b);
    }
    if let Some(b) = best {
        let sub = if sub.is_empty() {
            String::new()
        } else {
            format!(" at {at}{sub}")
        };
        msg = format!("{msg} (closest: {}{sub})", cause(&b.message));
    }
    (at, clip(&msg))
}

/// How many walk findings are searched for in the document.
const MAX_LOCATED: usize = 50;

/// The first place in `doc` where the relative pointer `rel` leads to `value`.
fn locate(doc: &Value, rel: &str, value: &Value) -> Option<String> {
    fn walk(v: &Value, here: &mut String, rel: &str, value: &Value) -> bool {
        if v.pointer(rel) == Some(value) {
            here.push_str(rel);
            return true;
        }
        let len = here.len();
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    here.push('/');
                    here.push_str(&crate::spec::ptr_token(k));
                    if walk(child, here, rel, value) {
                        return true;
                    }
                    here.truncate(len);
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    here.push_str(&format!("/{i}"));
                    if walk(child, here, rel, value) {
                        return true;
                    }
                    here.truncate(len);
                }
            }
            _ => {}
        }
        false
    }
    let mut here = String::new();
    walk(doc, &mut here, rel, value).then_some(here)
}

fn pointer(path: &[osv::PathItem]) -> String {
    path.iter()
        .map(|p| match p {
            osv::PathItem::Key(k) => format!("/{}", crate::spec::ptr_token(k)),
            osv::PathItem::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The message without the value it quotes: "{'url': …} is not of type 'array'" becomes
/// "the value is not of type 'array'", so one cause reads the same wherever it occurs.
fn cause(msg: &str) -> String {
    // "'colour' does not match any of the regexes: '^x-'": the quoted part is the field.
    if msg.contains(" does not match any of the regexes") {
        return msg.to_string();
    }
    for sep in [
        " is not valid under any of the given schemas",
        " is valid under each of ",
        " is not of type ",
        " is not one of ",
        " is not a ",
        " does not match ",
        " is too long",
        " is too short",
        " has non-unique elements",
        " should not be valid under ",
        " is a dependency of ",
        " was expected",
    ] {
        if let Some(i) = msg.find(sep) {
            // Only when what precedes is the quoted value (not a property name in a message
            // of another shape).
            if i > 0 && !msg[..i].contains(" is a required property") {
                return format!("the value{}", &msg[i..]);
            }
        }
    }
    msg.to_string()
}

fn clip(s: &str) -> String {
    if s.len() <= MAX_MESSAGE {
        return s.to_string();
    }
    let mut end = MAX_MESSAGE;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn findings(yaml: &str) -> (Vec<String>, Vec<String>) {
        let doc: Value = serde_saphyr::from_str(yaml).unwrap();
        let mut r = Report::default();
        check(Path::new("t.yaml"), &doc, &mut r);
        let show = |v: &Vec<crate::report::Diagnostic>| -> Vec<String> {
            v.iter()
                .map(|d| format!("{} {}", d.location, d.message))
                .collect()
        };
        (show(&r.errors), show(&r.warnings))
    }

    const OK: &str = r#"openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, pattern: '^\p{L}+$'}}
        - {name: named, in: query, schema: {type: string, pattern: '(?<name>x)'}}
      responses: {"200": {description: ok}}
"#;

    #[test]
    fn a_valid_document_passes_and_ecma_patterns_are_not_judged_by_python_re() {
        let (errors, warnings) = findings(OK);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn what_the_schema_forbids_is_an_error_at_its_pointer_even_where_no_route_reads() {
        // `servers` as an object; an unknown field in `info`; a path parameter not
        // `required`; a response without `description`; a `default` of the wrong type in an
        // unused component; `example` beside `examples`.
        let doc = r#"openapi: 3.0.3
info: {title: t, version: "1", colour: red}
servers: {url: /}
paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path, required: false, schema: {type: string}}
      responses: {"200": {}}
components:
  schemas:
    Unused: {type: string, default: 5}
  parameters:
    Both: {name: q, in: query, schema: {type: string}, example: 1, examples: {a: {value: 2}}}
"#;
        let (errors, _) = findings(doc);
        let has = |at: &str, text: &str| {
            errors
                .iter()
                .any(|e| e.starts_with(&format!("{at} ")) && e.contains(text))
        };
        assert!(has("/servers", "not of type 'array'"), "{errors:#?}");
        assert!(
            has("/info/colour", "'colour' does not match"),
            "{errors:#?}"
        );
        assert!(
            has(
                "/paths/~1a~1{id}/get/parameters/0",
                "closest: the value is not one of [True]"
            ),
            "{errors:#?}"
        );
        assert!(
            has("/paths/~1a~1{id}/get/responses/200", "description"),
            "{errors:#?}"
        );
        // A finding of the walk over schemas is found where it is.
        assert!(
            has(
                "/components/schemas/Unused/default",
                "5 is not of type 'string'"
            ) || has(
                "/components/schemas/Unused/default",
                "the value is not of type 'string'"
            ),
            "{errors:#?}"
        );
        assert!(
            has("/components/parameters/Both", "OAS 3.0 schema"),
            "{errors:#?}"
        );
        // The quoted value is not in the message: one cause reads the same everywhere.
        assert!(errors.iter().all(|e| !e.contains("{'url'")), "{errors:#?}");
    }

    #[test]
    fn version_3_1_is_checked_as_3_1() {
        // 3.1 allows `type` lists and `null`; 3.0 does not.
        let v31 = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n\
                   components: {schemas: {A: {type: [string, 'null']}}}\n";
        let (errors, _) = findings(v31);
        assert!(errors.is_empty(), "{errors:?}");
        let v30 = v31.replace("3.1.0", "3.0.3");
        let (errors, _) = findings(&v30);
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("/components/schemas/A")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_pattern_no_engine_compiles_is_still_an_error() {
        let doc = OK.replace("'(?<name>x)'", "'(unclosed'");
        let (errors, _) = findings(&doc);
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("/paths/~1a~1{id}/get/parameters/1/schema/pattern ")),
            "{errors:?}"
        );
    }

    #[test]
    fn references_leaving_the_directory_are_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.yaml");
        std::fs::write(&secret, "not: [an, openapi, part]\nkey: hunter2\n").unwrap();
        let sub = dir.path().join("openapi");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("common.yaml"), "Thing: {type: string}\n").unwrap();
        let spec = sub.join("svc.yaml");
        let doc = |r: &str| -> Value {
            serde_saphyr::from_str(&format!(
                "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n\
                 components: {{schemas: {{A: {{$ref: '{r}'}}}}}}\n"
            ))
            .unwrap()
        };
        // Beside the document: read and checked (the target is no schema file: an error).
        assert!(refs_stay_beside(&spec, &doc("common.yaml#/Thing")));
        // Leaving it: not handed to the validator at all, so nothing of the file is quoted.
        for r in [
            "../secret.yaml#/key",
            "/etc/passwd#/x",
            "file:///etc/passwd",
            "https://x/y.yaml",
        ] {
            assert!(!refs_stay_beside(&spec, &doc(r)), "{r}");
            let mut report = Report::default();
            check(&spec, &doc(r), &mut report);
            let all = format!("{:?}", report);
            assert!(
                !all.contains("hunter2") && !all.contains("root:"),
                "{r}: {all}"
            );
        }
        // Through a file beside it that itself leaves.
        std::fs::write(sub.join("hop.yaml"), "B: {$ref: '../secret.yaml#/key'}\n").unwrap();
        assert!(!refs_stay_beside(&spec, &doc("hop.yaml#/B")));
    }
}
