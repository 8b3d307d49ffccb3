//! The screening measured on a corpus (driven by `deploy/screening/rates.py`, see
//! `docs/request-edge.md`).
//!
//! `screen_rates screen` reads JSON lines `{"value": "..."}` (other members are passed through)
//! and writes each back with `"verdict"`: the rule `validate::screen::text` gives the value
//! (`sql-injection`, `xss`, `nosql-injection`) or `null`. That is the call the compiled plan
//! makes for every string of a JSON body whose schema does not exempt it (`plan.rs`). SQL
//! verdicts also carry libinjection's fingerprint, for inspection.
//!
//! `screen_rates openapi FILE...` prints the benign side's API field values from OpenAPI
//! documents: every string under `example`, `examples`, `default`, `enum`, `description`,
//! `summary` and `title`, as JSON lines `{"value", "kind", "source"}`.

use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::{BufRead, Write};

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn walk(v: &Value, parent_is_properties: bool, seen: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let kind = match k.as_str() {
                    "example" | "examples" | "default" | "enum" => Some("example"),
                    "description" | "summary" | "title" => Some("description"),
                    _ => None,
                };
                // A key under `properties` names a property, not a keyword.
                if let (Some(kind), false) = (kind, parent_is_properties) {
                    let mut found = Vec::new();
                    strings(x, &mut found);
                    for s in found {
                        seen.insert((kind.to_string(), s));
                    }
                }
                walk(x, k == "properties", seen);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, false, seen)),
        _ => {}
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    match args.first().map(String::as_str) {
        Some("screen") => {
            for line in std::io::stdin().lock().lines() {
                let mut rec: Value = serde_json::from_str(&line?)?;
                let value = rec["value"].as_str().unwrap_or_default().to_string();
                let verdict = gateway::validate::screen::text(&value).map(|c| c.rule());
                rec["verdict"] = json!(verdict);
                if verdict == Some("sql-injection") {
                    // For inspection: libinjection's fingerprint of the value as sent.
                    let fp = libinjectionrs::detect_sqli(value.as_bytes()).fingerprint;
                    rec["fingerprint"] = json!(fp.map(|f| f.to_string()));
                }
                writeln!(out, "{rec}")?;
            }
        }
        Some("openapi") => {
            for file in &args[1..] {
                let text = std::fs::read_to_string(file)?;
                let doc: Value = if file.ends_with(".json") {
                    serde_json::from_str(&text)?
                } else {
                    serde_saphyr::from_str(&text)?
                };
                let mut seen = BTreeSet::new();
                walk(&doc, false, &mut seen);
                let name = std::path::Path::new(file)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default();
                for (kind, value) in seen {
                    writeln!(
                        out,
                        "{}",
                        json!({"value": value, "kind": kind, "source": name})
                    )?;
                }
            }
        }
        _ => anyhow::bail!(
            "usage: screen_rates screen < values.jsonl | screen_rates openapi FILE..."
        ),
    }
    out.flush()?;
    Ok(())
}
