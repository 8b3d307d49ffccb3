//! The hash chain and its signed checkpoints, and the offline verifier.
//!
//! Line format (JSON lines): `{"hash":"<sha256 hex>",<body>}` where `<body>` — the rest of
//! the object — is hashed exactly as written: `hash = sha256("{" + body)`. The body carries
//! `instance` (random per process), `seq` (0, 1, 2, … within the instance), `prev` (the hash of
//! the line before, across instances and rotated files) and `kind`:
//! - `start`: first line of an instance; carries the Ed25519 public key that signs its
//!   checkpoints, and `after` = the last complete record it found on disk;
//! - `request`: one transaction;
//! - `checkpoint`: `sig` = Ed25519 over `"gateway-audit:<instance>:<seq>:<prev>"`, a signed
//!   commitment to everything before it. A checkpoint with `final: true` seals an instance at
//!   graceful shutdown.
//!
//! Hashing the written bytes (rather than re-serialising) makes verification independent of
//! JSON key order or number formatting.

use super::Masked;
use base64::Engine;
use openssl::pkey::{Id, PKey, Private, Public};
use openssl::sign::{Signer, Verifier};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::Path;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const PREFIX: &str = "{\"hash\":\"";

/// Where the chain stood at the end of a previous run (from the last complete line on disk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub hash: String,
    pub instance: String,
    pub seq: u64,
}

/// The writer side: assigns sequence numbers, links and signs.
pub struct Chain {
    instance: String,
    seq: u64,
    prev: String,
    key: PKey<Private>,
    since_checkpoint: u64,
}

fn sign_input(instance: &str, seq: u64, prev: &str) -> String {
    format!("gateway-audit:{instance}:{seq}:{prev}")
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// Load an Ed25519 private key (PEM, PKCS#8), or generate one and write it (mode 0600).
pub fn load_or_generate_key(path: &Path, generate: bool) -> Result<PKey<Private>, String> {
    match std::fs::read(path) {
        Ok(pem) => {
            let k = PKey::private_key_from_pem(&pem)
                .map_err(|e| format!("{} is not a PEM private key: {e}", path.display()))?;
            if k.id() != Id::ED25519 {
                return Err(format!("{} is not an Ed25519 key", path.display()));
            }
            Ok(k)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && generate => {
            let k = PKey::generate_ed25519().map_err(|e| e.to_string())?;
            let pem = k.private_key_to_pem_pkcs8().map_err(|e| e.to_string())?;
            if let Some(d) = path.parent() {
                std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
            }
            write_private(path, &pem).map_err(|e| format!("{}: {e}", path.display()))?;
            let pubpem = k.public_key_to_pem().map_err(|e| e.to_string())?;
            let pub_path = path.with_extension("pub.pem");
            std::fs::write(&pub_path, pubpem)
                .map_err(|e| format!("{}: {e}", pub_path.display()))?;
            Ok(k)
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

fn write_private(path: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(data)
}

fn raw_public(key: &PKey<Private>) -> String {
    b64().encode(key.raw_public_key().unwrap_or_default())
}

impl Chain {
    /// A new instance continuing after `head` (or from the genesis hash).
    pub fn new(key: PKey<Private>, head: Option<&Head>) -> Chain {
        let mut id = [0u8; 8];
        rand::Rng::fill(&mut rand::rng(), &mut id);
        Chain {
            instance: hex::encode(id),
            seq: 0,
            prev: head
                .map(|h| h.hash.clone())
                .unwrap_or_else(|| GENESIS.into()),
            key,
            since_checkpoint: 0,
        }
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    pub fn since_checkpoint(&self) -> u64 {
        self.since_checkpoint
    }

    /// Chain one body: `members` are the record's JSON members (no braces); the chain fields
    /// follow, and the hash covers the object exactly as written.
    fn link(&mut self, members: &str, kind: &str) -> String {
        let mut m = super::Members::with_capacity(160);
        m.str("instance", &self.instance);
        m.num("seq", self.seq);
        m.str("prev", &self.prev);
        m.str("kind", kind);
        let tail = m.finish();
        let sep = if members.is_empty() { "" } else { "," };
        // The hash covers the object `{members,tail}`, which the line carries after it:
        // `{"hash":"H",members,tail}`. Hashed in pieces and written once (the writer thread
        // shares the core with the requests).
        let mut h = Sha256::new();
        for part in ["{", members, sep, tail.as_str(), "}"] {
            h.update(part.as_bytes());
        }
        let mut hex = [0u8; 64];
        let hash = match hex::encode_to_slice(h.finalize(), &mut hex) {
            Ok(()) => std::str::from_utf8(&hex).unwrap_or_default(),
            Err(_) => "",
        };
        let mut line = String::with_capacity(
            PREFIX.len() + hash.len() + 2 + members.len() + sep.len() + tail.len() + 1,
        );
        for part in [PREFIX, hash, "\",", members, sep, tail.as_str(), "}"] {
            line.push_str(part);
        }
        self.prev.clear();
        self.prev.push_str(hash);
        self.seq += 1;
        line
    }

    fn link_map(&mut self, body: serde_json::Map<String, Value>, kind: &str) -> String {
        let json = serde_json::to_string(&Value::Object(body)).unwrap_or_else(|_| "{}".into());
        self.link(&json[1..json.len() - 1], kind)
    }

    /// The instance's first line.
    pub fn start(&mut self, head: Option<&Head>, partial_tail: bool) -> String {
        let mut m = serde_json::Map::new();
        m.insert(
            "ts".into(),
            humantime::format_rfc3339_millis(std::time::SystemTime::now())
                .to_string()
                .into(),
        );
        m.insert("public_key".into(), raw_public(&self.key).into());
        if let Some(h) = head {
            m.insert(
                "after".into(),
                serde_json::json!({"instance": h.instance, "seq": h.seq}),
            );
        }
        if partial_tail {
            m.insert("partial_tail_found".into(), true.into());
        }
        self.link_map(m, "start")
    }

    /// One transaction.
    pub fn record(&mut self, masked: Masked) -> String {
        self.since_checkpoint += 1;
        self.link(&masked.0, "request")
    }

    /// A signed checkpoint over everything so far.
    pub fn checkpoint(&mut self, last: bool) -> String {
        let input = sign_input(&self.instance, self.seq, &self.prev);
        let sig = Signer::new_without_digest(&self.key)
            .and_then(|mut s| s.sign_oneshot_to_vec(input.as_bytes()))
            .map(|s| b64().encode(s))
            .unwrap_or_default();
        let mut m = serde_json::Map::new();
        m.insert(
            "ts".into(),
            humantime::format_rfc3339_millis(std::time::SystemTime::now())
                .to_string()
                .into(),
        );
        m.insert("sig".into(), sig.into());
        if last {
            m.insert("final".into(), true.into());
        }
        self.since_checkpoint = 0;
        self.link_map(m, "checkpoint")
    }
}

/// Split a line into (declared hash, hashed text). `None` if it is not a chain line.
fn split_line(line: &str) -> Option<(&str, String)> {
    let rest = line.strip_prefix(PREFIX)?;
    let hash = rest.get(..64)?;
    let after = rest.get(64..)?.strip_prefix('"')?;
    let body = match after.strip_prefix(',') {
        Some(b) => format!("{{{b}"),
        None => format!("{{{after}"),
    };
    Some((hash, body))
}

/// The chain head in the text of a file: the last complete line, and whether the file ends
/// with a partial line (a write cut short by a crash).
pub fn head_of(text: &[u8]) -> (Option<Head>, bool) {
    let partial = !text.is_empty() && !text.ends_with(b"\n");
    let complete = match text.iter().rposition(|&b| b == b'\n') {
        Some(i) => &text[..i],
        None => return (None, partial),
    };
    let last = match complete.iter().rposition(|&b| b == b'\n') {
        Some(i) => &complete[i + 1..],
        None => complete,
    };
    let line = String::from_utf8_lossy(last);
    let head = split_line(&line).and_then(|(hash, body)| {
        let v: Value = serde_json::from_str(&body).ok()?;
        Some(Head {
            hash: hash.to_string(),
            instance: v.get("instance")?.as_str()?.to_string(),
            seq: v.get("seq")?.as_u64()?,
        })
    });
    (head, partial)
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Honest loss the chain itself records (an unclean stop followed by a restart).
    Gap,
    /// The file was modified, records removed, inserted, reordered, or the tail cut.
    Tampered,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub seq: Option<u64>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Gap => "GAP",
            Severity::Tampered => "TAMPERED",
        };
        write!(f, "{kind} {}:{}", self.file, self.line)?;
        if let Some(s) = self.seq {
            write!(f, " (seq {s})")?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Debug, Default)]
pub struct VerifyReport {
    pub records: u64,
    pub checkpoints: u64,
    pub instances: u64,
    pub findings: Vec<Finding>,
}

impl VerifyReport {
    /// 0 intact and sealed, 2 only gaps, 1 tampering or truncation.
    pub fn exit_code(&self) -> u8 {
        match self.findings.iter().map(|f| f.severity).max() {
            None => 0,
            Some(Severity::Gap) => 2,
            Some(Severity::Tampered) => 1,
        }
    }
}

struct Pos {
    file: String,
    line: usize,
    seq: Option<u64>,
}

/// Verify files in order (oldest first). `pinned`: the public key the checkpoints must be
/// signed with; without it, the key announced by each instance's `start` line is used.
pub fn verify(files: &[(String, Vec<u8>)], pinned: Option<&PKey<Public>>) -> VerifyReport {
    let mut rep = VerifyReport::default();
    let mut prev: Option<String> = None;
    let mut instance: Option<String> = None;
    let mut expect_seq: u64 = 0;
    let mut key: Option<PKey<Public>> = None;
    // The last line of the current instance: (kind, final, position).
    let mut last: Option<(String, bool, Pos)> = None;
    let mut last_checkpoint_seq: Option<u64> = None;

    let add = |rep: &mut VerifyReport, sev, p: &Pos, msg: String| {
        rep.findings.push(Finding {
            severity: sev,
            file: p.file.clone(),
            line: p.line,
            seq: p.seq,
            message: msg,
        })
    };

    for (name, text) in files {
        let ends_nl = text.is_empty() || text.ends_with(b"\n");
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        let n = if ends_nl {
            lines.len() - 1
        } else {
            lines.len()
        };
        for (i, raw) in lines.iter().take(n).enumerate() {
            let mut pos = Pos {
                file: name.clone(),
                line: i + 1,
                seq: None,
            };
            let partial = !ends_nl && i + 1 == n;
            let line = String::from_utf8_lossy(raw);
            let recovered = lines.get(i + 1).is_some_and(|next| {
                let next = String::from_utf8_lossy(next);
                split_line(&next).is_some_and(|(_, b)| {
                    b.contains("\"kind\":\"start\"") && b.contains("\"partial_tail_found\":true")
                })
            });
            let Some((declared, body)) = split_line(&line).filter(|_| !recovered) else {
                if recovered {
                    add(&mut rep, Severity::Gap, &pos, "partial line left by a crash mid-write; the next instance recorded finding it".into());
                } else if partial {
                    add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        "partial last line: the tail was cut (crash mid-write or truncation)"
                            .into(),
                    );
                } else if line.is_empty() {
                    add(&mut rep, Severity::Tampered, &pos, "empty line".into());
                } else {
                    add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        "not an audit chain line".into(),
                    );
                }
                continue;
            };
            let v: Value = match serde_json::from_str(&body) {
                Ok(v) => v,
                Err(_) => {
                    let (sev, msg) = if partial {
                        (
                            Severity::Tampered,
                            "partial last line: the tail was cut (crash mid-write or truncation)",
                        )
                    } else {
                        (
                            Severity::Tampered,
                            "unparseable record (partial write or edit)",
                        )
                    };
                    add(&mut rep, sev, &pos, msg.into());
                    continue;
                }
            };
            let seq = v.get("seq").and_then(Value::as_u64);
            pos.seq = seq;
            let kind = v
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let inst = v
                .get("instance")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let lprev = v
                .get("prev")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let actual = hex::encode(Sha256::digest(body.as_bytes()));
            if actual != declared {
                add(
                    &mut rep,
                    Severity::Tampered,
                    &pos,
                    "record modified: its content does not match its hash".into(),
                );
            }
            if kind == "start" {
                rep.instances += 1;
                if let Some((lk, fin, lp)) = last.take() {
                    if !(lk == "checkpoint" && fin) {
                        let unsigned = match (lp.seq, last_checkpoint_seq) {
                            (Some(s), Some(c)) => s.saturating_sub(c),
                            (Some(s), None) => s + 1,
                            _ => 0,
                        };
                        add(&mut rep, Severity::Gap, &lp, format!(
                            "instance {} stopped without a final checkpoint (crash or kill): its last {unsigned} record(s) are not covered by a signature, and records still queued in memory at that moment were lost; the next instance starts at {}:{}",
                            instance.as_deref().unwrap_or("?"), pos.file, pos.line));
                    }
                }
                if let Some(p) = &prev {
                    if &lprev != p {
                        add(&mut rep, Severity::Tampered, &pos, "chain break: this instance does not continue the previous record (records removed, inserted or reordered)".into());
                    }
                }
                if seq != Some(0) {
                    add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        "start record with a sequence number other than 0".into(),
                    );
                }
                let announced = v
                    .get("public_key")
                    .and_then(Value::as_str)
                    .and_then(|k| b64().decode(k).ok())
                    .and_then(|raw| PKey::public_key_from_raw_bytes(&raw, Id::ED25519).ok());
                key = match (pinned, announced) {
                    (Some(p), Some(a)) => {
                        if !p.public_eq(&a) {
                            add(
                                &mut rep,
                                Severity::Tampered,
                                &pos,
                                "this instance announces a signing key other than the pinned one"
                                    .into(),
                            );
                        }
                        Some(p.clone())
                    }
                    (Some(p), None) => Some(p.clone()),
                    (None, a) => a,
                };
                instance = Some(inst);
                expect_seq = 1;
                last_checkpoint_seq = None;
            } else {
                if instance.is_none() && prev.is_none() {
                    add(&mut rep, Severity::Gap, &pos, "the chain starts mid-stream here (earlier files not given): its first link is not checked".into());
                    instance = Some(inst.clone());
                    expect_seq = seq.unwrap_or(0);
                    key = pinned.cloned();
                } else if instance.as_deref() != Some(inst.as_str()) {
                    add(&mut rep, Severity::Tampered, &pos, "record of another instance without a start record (records removed or inserted)".into());
                    instance = Some(inst.clone());
                    expect_seq = seq.unwrap_or(0);
                }
                match seq {
                    Some(s) if s == expect_seq => {}
                    Some(s) if s > expect_seq => add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        format!(
                            "sequence jumps from {} to {s}: {} record(s) removed",
                            expect_seq.saturating_sub(1),
                            s - expect_seq
                        ),
                    ),
                    Some(s) => add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        format!(
                            "sequence goes back from {} to {s}: record reordered or duplicated",
                            expect_seq.saturating_sub(1)
                        ),
                    ),
                    None => add(
                        &mut rep,
                        Severity::Tampered,
                        &pos,
                        "record without a sequence number".into(),
                    ),
                }
                if let Some(p) = &prev {
                    if &lprev != p {
                        add(&mut rep, Severity::Tampered, &pos, "chain break: the previous-hash link does not match the line before (record inserted, removed or reordered)".into());
                    }
                }
                expect_seq = seq.unwrap_or(expect_seq) + 1;
                if kind == "checkpoint" {
                    rep.checkpoints += 1;
                    let sig = v
                        .get("sig")
                        .and_then(Value::as_str)
                        .and_then(|s| b64().decode(s).ok())
                        .unwrap_or_default();
                    let input = sign_input(&inst, seq.unwrap_or(0), &lprev);
                    let ok = key.as_ref().is_some_and(|k| {
                        Verifier::new_without_digest(k)
                            .and_then(|mut ver| ver.verify_oneshot(&sig, input.as_bytes()))
                            .unwrap_or(false)
                    });
                    if key.is_none() {
                        add(
                            &mut rep,
                            Severity::Gap,
                            &pos,
                            "checkpoint not verifiable: no key (pass --pubkey)".into(),
                        );
                    } else if !ok {
                        add(
                            &mut rep,
                            Severity::Tampered,
                            &pos,
                            "checkpoint signature invalid".into(),
                        );
                    }
                    last_checkpoint_seq = seq;
                } else {
                    rep.records += 1;
                }
            }
            let fin = v.get("final").and_then(Value::as_bool).unwrap_or(false);
            last = Some((
                kind,
                fin,
                Pos {
                    file: pos.file.clone(),
                    line: pos.line,
                    seq,
                },
            ));
            prev = Some(declared.to_string());
        }
    }
    match last {
        Some((k, fin, p)) if !(k == "checkpoint" && fin) => {
            let since = match (p.seq, last_checkpoint_seq) {
                (Some(s), Some(c)) => format!(
                    "{} record(s) after the last signed checkpoint (seq {c})",
                    s - c
                ),
                _ => "no signed checkpoint in this instance".to_string(),
            };
            let sev = if k == "checkpoint" {
                Severity::Gap
            } else {
                Severity::Tampered
            };
            let what = if k == "checkpoint" {
                "the chain ends at a periodic checkpoint, not a shutdown seal: the writer may still be running, or records after it were cut"
            } else {
                "the tail is not sealed: truncated, or the writer is still running or crashed"
            };
            add(&mut rep, sev, &p, format!("{what} ({since})"));
        }
        None => add(
            &mut rep,
            Severity::Tampered,
            &Pos {
                file: files.first().map(|f| f.0.clone()).unwrap_or_default(),
                line: 0,
                seq: None,
            },
            "no records".into(),
        ),
        _ => {}
    }
    rep
}

/// Whether a file is an audit chain file (it begins with a chain line), for directory mode.
pub fn looks_like_chain(p: &Path) -> bool {
    use std::io::Read;
    let mut buf = [0u8; 9];
    std::fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok()
        && buf == *PREFIX.as_bytes()
}

/// One chain line, located, for [`verify_writers`].
struct Located<'a> {
    file: usize,
    line: usize,
    raw: &'a [u8],
    seq: u64,
    hash: String,
    kind: String,
    prev: String,
    after: Option<(String, u64)>,
    ts: String,
}

/// Verify every writer's chain found in `files` (any order): the audit files of a directory,
/// where several process instances may each have written their own file (a graceful upgrade
/// runs two at once, see `pipeline`). Each instance's records are verified as one chain (in
/// `seq` order, across its files), then the hand-overs: an instance's `start` must continue
/// (`after` + `prev`) a record that exists with that hash. The oldest instance may continue a
/// record no longer present (rotated away); any other instance whose predecessor is missing
/// means files were removed. An instance that stopped unsealed but was continued is a gap
/// (crash and restart); one that nobody continued and is unsealed is a cut tail (or still
/// running).
pub fn verify_writers(files: &[(String, Vec<u8>)], pinned: Option<&PKey<Public>>) -> VerifyReport {
    use std::collections::{BTreeMap, HashMap};
    let mut rep = VerifyReport::default();
    let mut by_inst: BTreeMap<String, Vec<Located<'_>>> = BTreeMap::new();
    let mut recovered_partial = false;
    let mut orphans: Vec<(usize, usize, bool)> = Vec::new();
    for (fi, (_, text)) in files.iter().enumerate() {
        let ends_nl = text.is_empty() || text.ends_with(b"\n");
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        let n = if ends_nl {
            lines.len() - 1
        } else {
            lines.len()
        };
        for (i, raw) in lines.iter().take(n).enumerate() {
            let line = String::from_utf8_lossy(raw);
            let parsed = split_line(&line).and_then(|(h, body)| {
                let v: Value = serde_json::from_str(&body).ok()?;
                Some((h.to_string(), v))
            });
            let Some((hash, v)) = parsed else {
                orphans.push((fi, i + 1, !ends_nl && i + 1 == n));
                continue;
            };
            let get = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            if v.get("partial_tail_found").and_then(Value::as_bool) == Some(true) {
                recovered_partial = true;
            }
            let after = v.get("after").and_then(|a| {
                Some((
                    a.get("instance")?.as_str()?.to_string(),
                    a.get("seq")?.as_u64()?,
                ))
            });
            by_inst.entry(get("instance")).or_default().push(Located {
                file: fi,
                line: i + 1,
                raw,
                seq: v.get("seq").and_then(Value::as_u64).unwrap_or(u64::MAX),
                hash,
                kind: get("kind"),
                prev: get("prev"),
                after,
                ts: get("ts"),
            });
        }
    }
    for (fi, line, partial) in orphans {
        let (sev, msg) = if recovered_partial {
            (
                Severity::Gap,
                "partial line left by a crash mid-write; the next instance recorded finding it",
            )
        } else if partial {
            (
                Severity::Tampered,
                "partial last line: the tail was cut (crash mid-write or truncation)",
            )
        } else {
            (Severity::Tampered, "not an audit chain line")
        };
        rep.findings.push(Finding {
            severity: sev,
            file: files[fi].0.clone(),
            line,
            seq: None,
            message: msg.into(),
        });
    }
    for v in by_inst.values_mut() {
        v.sort_by_key(|l| l.seq);
    }
    let index: HashMap<(&str, u64), &str> = by_inst
        .iter()
        .flat_map(|(inst, v)| {
            v.iter()
                .map(move |l| ((inst.as_str(), l.seq), l.hash.as_str()))
        })
        .collect();
    let continued: std::collections::HashSet<&str> = by_inst
        .values()
        .filter_map(|v| v.iter().find(|l| l.kind == "start"))
        .filter_map(|l| l.after.as_ref().map(|a| a.0.as_str()))
        .collect();
    // (first ts, rank, instance, finding if it turns out not to be the oldest root). Within
    // one timestamp a chain begun from genesis is older than one that continues another
    // instance (that one started later by construction); without the rank the tie fell to
    // the instance ids' random order.
    let mut roots: Vec<(String, u8, String, Finding)> = Vec::new();
    for (inst, v) in by_inst.iter() {
        // This instance's lines as one chain, file by file in seq order, line numbers mapped
        // back to the real files.
        let mut texts: Vec<(String, Vec<u8>)> = Vec::new();
        let mut map: Vec<Vec<usize>> = Vec::new();
        let mut last_file = usize::MAX;
        for l in v.iter() {
            if l.file != last_file {
                texts.push((files[l.file].0.clone(), Vec::new()));
                map.push(Vec::new());
                last_file = l.file;
            }
            let t = texts.last_mut().expect("pushed");
            t.1.extend_from_slice(l.raw);
            t.1.push(b'\n');
            map.last_mut().expect("pushed").push(l.line);
        }
        let sub = verify(&texts, pinned);
        rep.records += sub.records;
        rep.checkpoints += sub.checkpoints;
        rep.instances += sub.instances;
        // Findings point at the real file and line (texts and map are in the same order;
        // several texts may name one file, so the first with that line count is taken).
        for mut f in sub.findings {
            if let Some(k) = texts
                .iter()
                .position(|(n, _)| n == &f.file)
                .filter(|_| f.line > 0)
            {
                let real = (k..texts.len())
                    .filter(|&j| texts[j].0 == f.file)
                    .find_map(|j| map[j].get(f.line - 1).copied());
                if let Some(r) = real {
                    f.line = r;
                }
            }
            let unsealed = f.message.starts_with("the tail is not sealed")
                || f.message
                    .starts_with("the chain ends at a periodic checkpoint");
            if unsealed && continued.contains(inst.as_str()) {
                f.severity = Severity::Gap;
                f.message = format!(
                    "instance {inst} stopped without a final checkpoint (crash or kill) and was continued by another instance: its records after the last signed checkpoint are not covered by a signature"
                );
            }
            rep.findings.push(f);
        }
        let first = &v[0];
        let pos = |l: &Located<'_>| (files[l.file].0.clone(), l.line, Some(l.seq));
        let finding = |sev, l: &Located<'_>, message: String| {
            let (file, line, seq) = pos(l);
            Finding {
                severity: sev,
                file,
                line,
                seq,
                message,
            }
        };
        if first.kind != "start" {
            // Its beginning was rotated away; `verify` said so. It is a root.
            roots.push((first.ts.clone(), 1, inst.clone(), finding(Severity::Tampered, first, format!("instance {inst} begins mid-stream while older records are present: files removed"))));
            continue;
        }
        match &first.after {
            None => {
                if first.prev != GENESIS {
                    rep.findings.push(finding(Severity::Tampered, first, "start record that names no predecessor but does not begin at the genesis hash".into()));
                }
                roots.push((first.ts.clone(), 0, inst.clone(), finding(Severity::Tampered, first, format!("instance {inst} starts a new chain from genesis while older records are present"))));
            }
            Some((pi, ps)) => match index.get(&(pi.as_str(), *ps)) {
                Some(h) if *h == first.prev => {}
                Some(_) => rep.findings.push(finding(Severity::Tampered, first, format!("hand-over broken: the start record's link does not match record {ps} of instance {pi}"))),
                None if by_inst.contains_key(pi) => rep.findings.push(finding(Severity::Tampered, first, format!("hand-over broken: record {ps} of instance {pi}, which this instance continues, is missing"))),
                None => roots.push((first.ts.clone(), 2, inst.clone(), finding(Severity::Tampered, first, format!("instance {inst} continues instance {pi}, whose files are missing while older records are present: files removed")))),
            },
        }
    }
    // The oldest root is where the files begin; every other root lost its predecessor. Roots
    // with the same timestamp are ordered as their files were given (then by line), not by
    // instance id, which is random: the same files always give the same findings.
    let at = |f: &Finding| {
        let file = files
            .iter()
            .position(|x| x.0 == f.file)
            .unwrap_or(usize::MAX);
        (file, f.line)
    };
    roots.sort_by(|a, b| (&a.0, a.1, at(&a.3)).cmp(&(&b.0, b.1, at(&b.3))));
    for (_, _, _, f) in roots.into_iter().skip(1) {
        rep.findings.push(f);
    }
    if by_inst.is_empty() {
        rep.findings.push(Finding {
            severity: Severity::Tampered,
            file: files.first().map(|f| f.0.clone()).unwrap_or_default(),
            line: 0,
            seq: None,
            message: "no records".into(),
        });
    }
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{Masker, Record};

    fn key() -> PKey<Private> {
        PKey::generate_ed25519().expect("key")
    }

    fn rec(i: u64) -> Masked {
        Masker::default().serialize(&Record {
            request_id: format!("r{i}"),
            method: "GET".into(),
            decision: "allowed",
            status: 200,
            ..Default::default()
        })
    }

    /// A sealed file: start, 6 records with a checkpoint after 3, final checkpoint.
    fn sealed() -> Vec<String> {
        let mut c = Chain::new(key(), None);
        let mut out = vec![c.start(None, false)];
        for i in 0..6 {
            out.push(c.record(rec(i)));
            if i == 2 {
                out.push(c.checkpoint(false));
            }
        }
        out.push(c.checkpoint(true));
        out
    }

    fn run(lines: &[String]) -> VerifyReport {
        let text = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
        verify(&[("audit.log".into(), text.into_bytes())], None)
    }

    fn tampered_at(r: &VerifyReport, line: usize) -> bool {
        r.findings
            .iter()
            .any(|f| f.severity == Severity::Tampered && f.line == line)
    }

    #[test]
    fn intact_chain_verifies() {
        let r = run(&sealed());
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!((r.records, r.checkpoints, r.instances), (6, 2, 1));
        assert_eq!(r.exit_code(), 0);
    }

    #[test]
    fn chain_spans_rotated_files_in_order() {
        let l = sealed();
        let a = l[..4].iter().map(|l| format!("{l}\n")).collect::<String>();
        let b = l[4..].iter().map(|l| format!("{l}\n")).collect::<String>();
        let r = verify(
            &[
                ("a.1".into(), a.clone().into_bytes()),
                ("a".into(), b.clone().into_bytes()),
            ],
            None,
        );
        assert_eq!(r.exit_code(), 0, "{:?}", r.findings);
        // Files given in the wrong order: the links break.
        let r = verify(
            &[("a".into(), b.into_bytes()), ("a.1".into(), a.into_bytes())],
            None,
        );
        assert_eq!(r.exit_code(), 1);
    }

    #[test]
    fn modified_record() {
        let mut l = sealed();
        l[2] = l[2].replace("\"r1\"", "\"rX\"");
        let r = run(&l);
        assert!(tampered_at(&r, 3), "{:?}", r.findings);
        assert_eq!(r.exit_code(), 1);
    }

    #[test]
    fn modified_record_with_recomputed_hash_breaks_the_next_link() {
        let mut l = sealed();
        let (_, body) = split_line(&l[2]).expect("line");
        let body = body.replace("\"r1\"", "\"rX\"");
        let h = hex::encode(Sha256::digest(body.as_bytes()));
        l[2] = format!("{PREFIX}{h}\",{}", &body[1..]);
        let r = run(&l);
        assert!(!tampered_at(&r, 3), "{:?}", r.findings);
        assert!(
            tampered_at(&r, 4),
            "next line's link breaks: {:?}",
            r.findings
        );
    }

    #[test]
    fn removed_record() {
        let mut l = sealed();
        l.remove(3);
        let r = run(&l);
        assert!(tampered_at(&r, 4), "{:?}", r.findings);
        assert!(r
            .findings
            .iter()
            .any(|f| f.message.contains("1 record(s) removed")));
    }

    #[test]
    fn inserted_record() {
        let mut l = sealed();
        let extra = l[2].clone();
        l.insert(3, extra);
        let r = run(&l);
        assert!(tampered_at(&r, 4), "{:?}", r.findings);
    }

    #[test]
    fn reordered_records() {
        let mut l = sealed();
        l.swap(2, 3);
        let r = run(&l);
        assert!(tampered_at(&r, 3) && tampered_at(&r, 4), "{:?}", r.findings);
    }

    #[test]
    fn truncated_tail() {
        let mut l = sealed();
        l.truncate(l.len() - 2);
        let r = run(&l);
        assert_eq!(r.exit_code(), 1, "{:?}", r.findings);
        assert!(r.findings.iter().any(|f| f.message.contains("not sealed")));
        // A cut in the middle of the last line.
        let mut text = sealed()
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        text.truncate(text.len() - 20);
        let r = verify(&[("a".into(), text.into_bytes())], None);
        assert_eq!(r.exit_code(), 1);
        assert!(r
            .findings
            .iter()
            .any(|f| f.message.contains("partial last line")));
    }

    #[test]
    fn forged_checkpoint_signature() {
        let mut l = sealed();
        let last = l.len() - 1;
        // Re-sign with another key: hash stays consistent, the signature does not.
        let (_, body) = split_line(&l[last]).expect("line");
        let v: Value = serde_json::from_str(&body).expect("json");
        let sig = v["sig"].as_str().expect("sig").to_string();
        let other = {
            let k = key();
            let mut s = Signer::new_without_digest(&k).expect("signer");
            b64().encode(s.sign_oneshot_to_vec(b"x").expect("sign"))
        };
        let body = body.replace(&sig, &other);
        let h = hex::encode(Sha256::digest(body.as_bytes()));
        l[last] = format!("{PREFIX}{h}\",{}", &body[1..]);
        let r = run(&l);
        assert!(
            r.findings
                .iter()
                .any(|f| f.message.contains("signature invalid")),
            "{:?}",
            r.findings
        );
    }

    #[test]
    fn restart_after_crash_is_a_gap_and_chain_continues() {
        let k = key();
        let mut a = Chain::new(k.clone(), None);
        let mut text = format!("{}\n", a.start(None, false));
        for i in 0..3 {
            text.push_str(&format!("{}\n", a.record(rec(i))));
        }
        // Crash mid-write of the next line.
        text.push_str("{\"hash\":\"abc");
        let (head, partial) = head_of(text.as_bytes());
        assert!(partial);
        let head = head.expect("head");
        assert_eq!(head.seq, 3);
        text.push('\n');
        let mut b = Chain::new(k, Some(&head));
        text.push_str(&format!("{}\n", b.start(Some(&head), partial)));
        text.push_str(&format!("{}\n", b.record(rec(9))));
        text.push_str(&format!("{}\n", b.checkpoint(true)));
        let r = verify(&[("a".into(), text.into_bytes())], None);
        // Lines 1–4 (the start and three records, seq 0–3) carry no signature.
        assert!(
            r.findings.iter().any(|f| f.severity == Severity::Gap
                && f.line == 4
                && f.message.contains("without a final checkpoint")
                && f.message.contains("its last 4 record(s) are not covered")),
            "{:?}",
            r.findings
        );
        assert!(
            r.findings
                .iter()
                .any(|f| f.line == 5 && f.message.contains("partial")),
            "{:?}",
            r.findings
        );
        assert_eq!(r.instances, 2);
    }

    #[test]
    fn pinned_key_mismatch() {
        let other =
            PKey::public_key_from_raw_bytes(&key().raw_public_key().expect("raw"), Id::ED25519)
                .expect("pub");
        let text = sealed()
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        let r = verify(&[("a".into(), text.into_bytes())], Some(&other));
        assert!(r.findings.iter().any(|f| f.message.contains("pinned")));
    }

    /// Writer A (start, r0, r1), B starts after A's r1 while A goes on (r2, r3, final);
    /// then C starts after B's final seal. Returns (A, B, C) lines.
    fn three_writers(seal_b: bool) -> (Vec<String>, Vec<String>, Vec<String>) {
        let head = |line: &str| head_of(format!("{line}\n").as_bytes()).0.expect("head");
        let mut a = Chain::new(key(), None);
        let mut la = vec![a.start(None, false)];
        la.push(a.record(rec(0)));
        la.push(a.record(rec(1)));
        let fork = head(la.last().expect("line"));
        let mut b = Chain::new(key(), Some(&fork));
        let mut lb = vec![b.start(Some(&fork), false)];
        for i in 2..4 {
            la.push(a.record(rec(i)));
            lb.push(b.record(rec(10 + i)));
        }
        la.push(a.checkpoint(true));
        lb.push(b.record(rec(20)));
        if seal_b {
            lb.push(b.checkpoint(true));
        }
        let hb = head(lb.last().expect("line"));
        let mut c = Chain::new(key(), Some(&hb));
        let mut lc = vec![c.start(Some(&hb), false)];
        lc.push(c.record(rec(30)));
        lc.push(c.checkpoint(true));
        (la, lb, lc)
    }

    fn file(name: &str, lines: &[String]) -> (String, Vec<u8>) {
        (
            name.to_string(),
            lines
                .iter()
                .map(|l| format!("{l}\n"))
                .collect::<String>()
                .into_bytes(),
        )
    }

    #[test]
    fn concurrent_writers_each_with_its_own_file_verify() {
        let (la, lb, lc) = three_writers(true);
        let files = vec![
            file("audit.log.upgrade-1", &lb),
            file("audit.log", &la),
            file("audit.log.0000000000002", &lc),
        ];
        let r = verify_writers(&files, None);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!((r.instances, r.records), (3, 8));
        assert_eq!(r.exit_code(), 0);
        // The same records interleaved in one file (what two writers appending to one file
        // produced before): the linear verifier sees a broken chain.
        let mut mixed = la.clone();
        mixed.insert(3, lb[0].clone());
        assert_eq!(run(&mixed).exit_code(), 1);
    }

    #[test]
    fn writers_removed_modified_or_unsealed_are_reported() {
        let (la, lb, lc) = three_writers(true);
        // B's file removed: C continues a writer that is missing while A is there.
        let r = verify_writers(&[file("a", &la), file("c", &lc)], None);
        assert_eq!(r.exit_code(), 1, "{:?}", r.findings);
        assert!(r.findings.iter().any(|f| f.file == "c" && f.line == 1));
        // A record of B modified: found at its own file and line.
        let mut lb2 = lb.clone();
        lb2[2] = lb2[2].replace("r13", "r99");
        let r = verify_writers(&[file("a", &la), file("b", &lb2), file("c", &lc)], None);
        assert!(tampered_at(&r, 3), "{:?}", r.findings);
        assert!(r.findings.iter().all(|f| f.file == "b"), "{:?}", r.findings);
        // B's hand-over record removed.
        let r = verify_writers(&[file("a", &la), file("b", &lb[1..]), file("c", &lc)], None);
        assert_eq!(r.exit_code(), 1);
        // B stopped unsealed (crash) and C continued it: a gap, not tampering.
        let (la, lb, lc) = three_writers(false);
        let r = verify_writers(&[file("a", &la), file("b", &lb), file("c", &lc)], None);
        assert_eq!(r.exit_code(), 2, "{:?}", r.findings);
        // ... but unsealed and continued by nobody: a cut tail.
        let r = verify_writers(&[file("a", &la), file("b", &lb)], None);
        assert_eq!(r.exit_code(), 1, "{:?}", r.findings);
    }

    /// The counts add up across writers, and a writer whose records span two files (a
    /// rotation) has its findings pointed at the real file and line.
    #[test]
    fn writers_across_rotated_files_are_counted_and_findings_point_at_the_real_line() {
        let (la, lb, lc) = three_writers(true);
        // B's lines split over two files: its start and first record, then the rest.
        let files = vec![
            file("a", &la),
            file("b.1", &lb[..2]),
            file("b.2", &lb[2..]),
            file("c", &lc),
        ];
        let r = verify_writers(&files, None);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!((r.instances, r.records, r.checkpoints), (3, 8, 3));
        // B's fourth line (record r20) modified, in b.2 after a stray line: the finding is
        // at b.2's third line, where the record really is (B's own chain has it second).
        let mut lb2 = lb.clone();
        lb2[3] = lb2[3].replace("r20", "r21");
        let mut b2 = vec!["stray".to_string()];
        b2.extend_from_slice(&lb2[2..]);
        let files = vec![
            file("a", &la),
            file("b.1", &lb2[..2]),
            file("b.2", &b2),
            file("c", &lc),
        ];
        let r = verify_writers(&files, None);
        assert_eq!(r.exit_code(), 1);
        let at: Vec<(&str, usize)> = r
            .findings
            .iter()
            .map(|f| (f.file.as_str(), f.line))
            .collect();
        assert!(at.contains(&("b.2", 1)), "{:?}", r.findings);
        let f = r
            .findings
            .iter()
            .find(|f| f.line != 1)
            .expect("the record's finding");
        assert_eq!((f.file.as_str(), f.line), ("b.2", 3), "{:?}", r.findings);
        assert!(f.to_string().starts_with("TAMPERED b.2:3 (seq "), "{f}");
    }

    /// Lines that are not chain lines: a stray line is tampering, a cut last line is a cut
    /// tail, and a cut line the next instance recorded finding (`partial_tail_found`) is a gap.
    #[test]
    fn stray_and_partial_lines_among_writers() {
        let (la, lb, lc) = three_writers(true);
        let mut text = file("a", &la).1;
        text.extend_from_slice(b"hello\n");
        let r = verify_writers(&[("a".into(), text), file("b", &lb), file("c", &lc)], None);
        let f = r
            .findings
            .iter()
            .find(|f| f.line == la.len() + 1)
            .expect("finding");
        assert_eq!(f.severity, Severity::Tampered);
        assert_eq!(f.message, "not an audit chain line");
        let mut text = file("c", &lc).1;
        text.extend_from_slice(b"{\"hash\":\"ab");
        let r = verify_writers(&[file("a", &la), file("b", &lb), ("c".into(), text)], None);
        let f = r.findings.iter().find(|f| f.file == "c").expect("finding");
        assert_eq!((f.severity, f.line), (Severity::Tampered, lc.len() + 1));
        assert!(f.message.starts_with("partial last line"), "{f}");
        // The same cut line, then a restart that recorded finding it.
        let head = head_of(file("c", &lc).1.as_slice()).0.expect("head");
        let mut d = Chain::new(key(), Some(&head));
        let ld = vec![d.start(Some(&head), true), d.checkpoint(true)];
        let mut text = file("c", &lc).1;
        text.extend_from_slice(b"{\"hash\":\"ab\n");
        let r = verify_writers(
            &[
                file("a", &la),
                file("b", &lb),
                ("c".into(), text),
                file("d", &ld),
            ],
            None,
        );
        assert_eq!(r.exit_code(), 2, "{:?}", r.findings);
        assert!(r.findings[0]
            .message
            .starts_with("partial line left by a crash"));
        // Nothing at all is not an intact log.
        let r = verify_writers(&[("empty".into(), Vec::new())], None);
        assert_eq!(r.exit_code(), 1);
        assert_eq!(r.findings[0].message, "no records");
        assert_eq!(r.findings[0].file, "empty");
    }

    /// Two chains begun from genesis in one directory: the older is where the files begin,
    /// the later one is a second log mixed in (or its predecessor removed). A start record
    /// that names no predecessor must begin at the genesis hash, and one that names a record
    /// must link to that record's hash.
    #[test]
    fn a_second_root_and_broken_hand_overs_are_tampering() {
        let (la, lb, lc) = three_writers(true);
        let other = sealed();
        let r = verify_writers(
            &[
                file("a", &la),
                file("b", &lb),
                file("c", &lc),
                file("x", &other),
            ],
            None,
        );
        assert_eq!(r.exit_code(), 1);
        let mine: Vec<_> = r.findings.iter().filter(|f| f.file == "x").collect();
        assert_eq!(mine.len(), 1, "{:?}", r.findings);
        assert!(
            mine[0].message.contains("starts a new chain from genesis"),
            "{:?}",
            mine
        );
        assert!(r.findings.iter().all(|f| f.file == "x"), "{:?}", r.findings);
        // B's start record claims to continue A's record 1 but links elsewhere.
        let fake = Head {
            hash: "ab".repeat(32),
            instance: head_of(file("a", &la[..1]).1.as_slice())
                .0
                .expect("head")
                .instance,
            seq: 1,
        };
        let mut b = Chain::new(key(), Some(&fake));
        let lb2 = vec![
            b.start(Some(&fake), false),
            b.record(rec(40)),
            b.checkpoint(true),
        ];
        let r = verify_writers(&[file("a", &la), file("b", &lb2)], None);
        let f = r.findings.iter().find(|f| f.file == "b").expect("finding");
        assert!(
            f.message
                .starts_with("hand-over broken: the start record's link"),
            "{f}"
        );
        assert_eq!(f.line, 1);
    }

    /// After a periodic checkpoint, only what follows it is unsigned when an instance stops
    /// without a final one.
    #[test]
    fn a_gap_counts_the_records_after_the_last_checkpoint() {
        let k = key();
        let mut a = Chain::new(k.clone(), None);
        let mut lines = vec![a.start(None, false), a.record(rec(0)), a.record(rec(1))];
        lines.push(a.checkpoint(false)); // seq 3
        lines.push(a.record(rec(2))); // seq 4
        lines.push(a.record(rec(3))); // seq 5
        let head = head_of(file("a", &lines).1.as_slice()).0.expect("head");
        let mut b = Chain::new(k, Some(&head));
        lines.push(b.start(Some(&head), false));
        lines.push(b.checkpoint(true));
        let r = run(&lines);
        let gap = r
            .findings
            .iter()
            .find(|f| f.severity == Severity::Gap)
            .expect("a gap");
        assert!(
            gap.message.contains("its last 2 record(s) are not covered"),
            "{gap}"
        );
        assert_eq!(r.exit_code(), 2, "{:?}", r.findings);
    }

    /// The counter the writer checkpoints by (`checkpoint_every`): one per record, back to
    /// zero at a checkpoint; and the instance id every line carries.
    #[test]
    fn records_since_the_checkpoint_and_the_instance_id() {
        let mut c = Chain::new(key(), None);
        let id = c.instance().to_string();
        assert_eq!(id.len(), 16);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        let start = c.start(None, false);
        assert!(start.contains(&format!("\"instance\":\"{id}\"")), "{start}");
        assert_eq!(c.since_checkpoint(), 0);
        for n in 1..=3 {
            c.record(rec(n));
            assert_eq!(c.since_checkpoint(), n);
        }
        c.checkpoint(false);
        assert_eq!(c.since_checkpoint(), 0);
        c.record(rec(9));
        assert_eq!(c.since_checkpoint(), 1);
        assert_ne!(
            Chain::new(key(), None).instance(),
            id,
            "a new id per instance"
        );
    }

    /// The head is the last complete line; only text that does not end with a newline has a
    /// partial tail (an empty file has none).
    #[test]
    fn head_of_reads_the_last_complete_line_and_flags_a_cut_tail() {
        let lines = sealed();
        let text = file("a", &lines).1;
        let (head, partial) = head_of(&text);
        assert!(!partial);
        let last = head.expect("head");
        assert_eq!(last.seq, lines.len() as u64 - 1);
        assert!(lines.last().expect("line").contains(&last.hash));
        assert_eq!(head_of(b""), (None, false));
        let mut cut = text.clone();
        cut.extend_from_slice(b"{\"hash\":\"0");
        let (head, partial) = head_of(&cut);
        assert!(partial);
        assert_eq!(
            head.expect("head").hash,
            last.hash,
            "the cut line is not the head"
        );
        assert_eq!(head_of(b"no newline at all"), (None, true));
    }

    /// `line` with `from` replaced by `to` in its body and its hash recomputed: an edit that
    /// keeps the line self-consistent, so only the chain's other rules can see it.
    fn rehash(line: &str, from: &str, to: &str) -> String {
        let (_, body) = split_line(line).expect("chain line");
        assert!(body.contains(from), "{from} not in {body}");
        let body = body.replacen(from, to, 1);
        let h = hex::encode(Sha256::digest(body.as_bytes()));
        format!("{PREFIX}{h}\",{}", &body[1..])
    }

    fn instance_of(line: &str) -> String {
        head_of(format!("{line}\n").as_bytes())
            .0
            .expect("head")
            .instance
    }

    fn shown(r: &VerifyReport) -> Vec<String> {
        r.findings.iter().map(|f| f.to_string()).collect()
    }

    /// Every finding of the linear verifier, whole: severity, file, line, sequence number and
    /// wording, and nothing else reported (the counts and sentences a reader of `audit verify`
    /// acts on, which the severity checks above do not pin).
    #[test]
    fn each_rule_of_the_linear_verifier_reports_exactly_its_finding() {
        // sealed(): 1 start (seq 0), 2–4 records (1–3), 5 checkpoint (4), 6–8 records (5–7),
        // 9 final checkpoint (8).
        let l = sealed();
        const BREAK: &str = "chain break: the previous-hash link does not match the line before (record inserted, removed or reordered)";

        // A start record whose sequence number is not 0 (rehashed, so its successor's link
        // breaks too).
        let mut t = l.clone();
        t[0] = rehash(&t[0], "\"seq\":0,", "\"seq\":5,");
        assert_eq!(
            shown(&run(&t)),
            [
                "TAMPERED audit.log:1 (seq 5): start record with a sequence number other than 0"
                    .to_string(),
                format!("TAMPERED audit.log:2 (seq 1): {BREAK}"),
            ]
        );

        // A sequence number jumping ahead, then going back.
        let mut t = l.clone();
        t[2] = rehash(&t[2], "\"seq\":2,", "\"seq\":7,");
        assert_eq!(
            shown(&run(&t)),
            [
                "TAMPERED audit.log:3 (seq 7): sequence jumps from 1 to 7: 5 record(s) removed".to_string(),
                "TAMPERED audit.log:4 (seq 3): sequence goes back from 7 to 3: record reordered or duplicated".to_string(),
                format!("TAMPERED audit.log:4 (seq 3): {BREAK}"),
            ]
        );

        // A record without a sequence number: the next one is still expected at the next
        // number.
        let mut t = l.clone();
        t[3] = rehash(&t[3], "\"seq\":3,", "");
        assert_eq!(
            shown(&run(&t)),
            [
                "TAMPERED audit.log:4: record without a sequence number".to_string(),
                format!("TAMPERED audit.log:5 (seq 4): {BREAK}"),
            ]
        );

        // A record of another instance, with no start record of its own.
        let mut t = l.clone();
        let id = instance_of(&t[0]);
        t[5] = rehash(&t[5], &id, "ffffffffffffffff");
        let other =
            "record of another instance without a start record (records removed or inserted)";
        let r = run(&t);
        assert_eq!(
            shown(&r),
            [
                format!("TAMPERED audit.log:6 (seq 5): {other}"),
                format!("TAMPERED audit.log:7 (seq 6): {other}"),
                format!("TAMPERED audit.log:7 (seq 6): {BREAK}"),
            ]
        );
        assert_eq!((r.records, r.checkpoints, r.instances), (6, 2, 1));

        // Lines that are not records: each named, none breaks the links around it.
        let mut t = l.clone();
        t.insert(2, "hello".into());
        t.insert(4, String::new());
        t.insert(6, format!("{PREFIX}{}\",not json", "0".repeat(64)));
        assert_eq!(
            shown(&run(&t)),
            [
                "TAMPERED audit.log:3: not an audit chain line",
                "TAMPERED audit.log:5: empty line",
                "TAMPERED audit.log:7: unparseable record (partial write or edit)",
            ]
        );

        // A complete (newline-ended) last line that is no record is not a cut tail.
        let mut t = l.clone();
        t.push("hello".into());
        assert_eq!(
            shown(&run(&t)),
            ["TAMPERED audit.log:10: not an audit chain line"]
        );

        // The file begins mid-stream: said once; checkpoints without a key cannot be judged.
        let r = run(&l[2..]);
        assert_eq!(
            shown(&r),
            [
                "GAP audit.log:1 (seq 2): the chain starts mid-stream here (earlier files not given): its first link is not checked",
                "GAP audit.log:3 (seq 4): checkpoint not verifiable: no key (pass --pubkey)",
                "GAP audit.log:7 (seq 8): checkpoint not verifiable: no key (pass --pubkey)",
            ]
        );
        assert_eq!((r.records, r.checkpoints, r.instances), (5, 2, 0));
        assert_eq!(r.exit_code(), 2);

        // How the end of the file is judged: a periodic checkpoint (a gap: the writer may be
        // running), records after one, no checkpoint at all (both cut tails).
        assert_eq!(
            shown(&run(&l[..5])),
            ["GAP audit.log:5 (seq 4): the chain ends at a periodic checkpoint, not a shutdown seal: the writer may still be running, or records after it were cut (0 record(s) after the last signed checkpoint (seq 4))"]
        );
        assert_eq!(
            shown(&run(&l[..7])),
            ["TAMPERED audit.log:7 (seq 6): the tail is not sealed: truncated, or the writer is still running or crashed (2 record(s) after the last signed checkpoint (seq 4))"]
        );
        assert_eq!(
            shown(&run(&l[..3])),
            ["TAMPERED audit.log:3 (seq 2): the tail is not sealed: truncated, or the writer is still running or crashed (no signed checkpoint in this instance)"]
        );
        assert_eq!(
            shown(&verify(&[("empty.log".into(), Vec::new())], None)),
            ["TAMPERED empty.log:0: no records"]
        );
        assert_eq!(shown(&verify(&[], None)), ["TAMPERED :0: no records"]);
    }

    /// A second instance in the same file: the one before it stopped unsealed (a gap that
    /// counts its unsigned records and names where the next starts), and the new start does
    /// not link to the record before it (its predecessor's seal was removed).
    #[test]
    fn an_instance_that_does_not_continue_the_line_before_is_a_chain_break() {
        let k = key();
        let mut a = Chain::new(k.clone(), None);
        let mut lines = vec![a.start(None, false)];
        for i in 0..3 {
            lines.push(a.record(rec(i))); // seq 1–3
        }
        lines.push(a.checkpoint(false)); // seq 4
        for i in 3..6 {
            lines.push(a.record(rec(i))); // seq 5–7
        }
        lines.push(a.checkpoint(true)); // seq 8, line 9
        let head = head_of(file("a", &lines).1.as_slice()).0.expect("head");
        let mut b = Chain::new(k, Some(&head));
        lines.push(b.start(Some(&head), false));
        lines.push(b.record(rec(9)));
        lines.push(b.checkpoint(true));
        let r = run(&lines);
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert_eq!((r.records, r.checkpoints, r.instances), (7, 3, 2));
        // An instance that stopped right after a periodic checkpoint is a gap too (nothing
        // unsigned, but not sealed: records queued in memory may have been lost).
        let mut at_checkpoint = lines[..5].to_vec();
        let head5 = head_of(file("a", &at_checkpoint).1.as_slice())
            .0
            .expect("head");
        let mut c = Chain::new(key(), Some(&head5));
        at_checkpoint.push(c.start(Some(&head5), false));
        at_checkpoint.push(c.checkpoint(true));
        let id = a.instance().to_string();
        assert_eq!(
            shown(&run(&at_checkpoint)),
            [format!("GAP audit.log:5 (seq 4): instance {id} stopped without a final checkpoint (crash or kill): its last 0 record(s) are not covered by a signature, and records still queued in memory at that moment were lost; the next instance starts at audit.log:6")]
        );
        // A's seal removed: A stopped after seq 7, three records past its checkpoint.
        lines.remove(8);
        let id = a.instance().to_string();
        assert_eq!(
            shown(&run(&lines)),
            [
                format!("GAP audit.log:8 (seq 7): instance {id} stopped without a final checkpoint (crash or kill): its last 3 record(s) are not covered by a signature, and records still queued in memory at that moment were lost; the next instance starts at audit.log:9"),
                "TAMPERED audit.log:9 (seq 0): chain break: this instance does not continue the previous record (records removed, inserted or reordered)".to_string(),
            ]
        );
    }

    /// Writers across files: an instance that ended at a periodic checkpoint and was
    /// continued is a gap (like one that ended on a record), and a hand-over whose record is
    /// missing from a predecessor that is present is named as such.
    #[test]
    fn writer_hand_overs_reported_exactly() {
        let k = key();
        let head = |line: &str| head_of(format!("{line}\n").as_bytes()).0.expect("head");
        let mut a = Chain::new(k.clone(), None);
        let mut la = vec![a.start(None, false), a.record(rec(0)), a.record(rec(1))];
        let fork = head(&la[2]); // A's seq 2
        let mut b = Chain::new(k.clone(), Some(&fork));
        let mut lb = vec![b.start(Some(&fork), false), b.record(rec(10))];
        la.push(a.record(rec(2)));
        la.push(a.checkpoint(true));
        lb.push(b.checkpoint(false)); // B ends at a periodic checkpoint, seq 2
        let hb = head(&lb[2]);
        let mut c = Chain::new(k, Some(&hb));
        let lc = vec![
            c.start(Some(&hb), false),
            c.record(rec(20)),
            c.checkpoint(true),
        ];
        let (ia, ib) = (a.instance().to_string(), b.instance().to_string());

        let r = verify_writers(&[file("a", &la), file("b", &lb), file("c", &lc)], None);
        assert_eq!(
            shown(&r),
            [format!("GAP b:3 (seq 2): instance {ib} stopped without a final checkpoint (crash or kill) and was continued by another instance: its records after the last signed checkpoint are not covered by a signature")]
        );
        assert_eq!((r.records, r.checkpoints, r.instances), (5, 3, 3));
        // Not continued: the periodic checkpoint at the end stays what `verify` says.
        let r = verify_writers(&[file("a", &la), file("b", &lb)], None);
        assert_eq!(
            shown(&r),
            ["GAP b:3 (seq 2): the chain ends at a periodic checkpoint, not a shutdown seal: the writer may still be running, or records after it were cut (0 record(s) after the last signed checkpoint (seq 2))"]
        );

        // B's file missing altogether: C continues an instance that is not there.
        let ic = c.instance().to_string();
        let r = verify_writers(&[file("a", &la), file("c", &lc)], None);
        assert_eq!(
            shown(&r),
            [format!("TAMPERED c:1 (seq 0): instance {ic} continues instance {ib}, whose files are missing while older records are present: files removed")]
        );
        // Two instances' lines in one file (the layout before one file per writer): a
        // finding in the second points at its line in the file, not in its own chain.
        let mut lb2 = lb.clone();
        lb2[1] = lb2[1].replace("\"r10\"", "\"rX\"");
        let mut one = la.clone();
        one.extend(lb2);
        let r = verify_writers(&[file("one", &one)], None);
        assert!(
            r.findings
                .iter()
                .any(|f| f.line == la.len() + 2 && f.message.starts_with("record modified")),
            "{:?}",
            r.findings
        );

        // A's record 2, which B continues, removed from A's file.
        let mut la2 = la.clone();
        la2.remove(2);
        // (Instances are reported in the order of their random ids: compare sorted.)
        let r = verify_writers(&[file("a", &la2), file("b", &lb), file("c", &lc)], None);
        let mut got = shown(&r);
        got.sort();
        assert_eq!(
            got,
            [
                format!("GAP b:3 (seq 2): instance {ib} stopped without a final checkpoint (crash or kill) and was continued by another instance: its records after the last signed checkpoint are not covered by a signature"),
                "TAMPERED a:3 (seq 3): chain break: the previous-hash link does not match the line before (record inserted, removed or reordered)".to_string(),
                "TAMPERED a:3 (seq 3): sequence jumps from 1 to 3: 1 record(s) removed".to_string(),
                format!("TAMPERED b:1 (seq 0): hand-over broken: record 2 of instance {ia}, which this instance continues, is missing"),
            ]
        );
        assert_eq!(r.exit_code(), 1);
    }

    /// What a checkpoint signs is a documented format a SIEM can check on its own
    /// (docs/observability.md): instance, sequence number and chain head.
    #[test]
    fn the_signed_message_names_instance_sequence_and_head() {
        assert_eq!(sign_input("i-1", 7, "ab12"), "gateway-audit:i-1:7:ab12");
        assert_ne!(sign_input("i-1", 7, "ab12"), sign_input("i-2", 7, "ab12"));
    }

    #[test]
    fn only_files_that_begin_with_a_chain_line_are_chains() {
        let dir = tempfile::tempdir().expect("dir");
        let chain = dir.path().join("audit.log");
        std::fs::write(&chain, sealed().join("\n")).expect("write");
        let other = dir.path().join("notes.txt");
        std::fs::write(&other, "hello, not a chain\n").expect("write");
        let short = dir.path().join("short");
        std::fs::write(&short, "{").expect("write");
        assert!(looks_like_chain(&chain));
        assert!(!looks_like_chain(&other));
        assert!(!looks_like_chain(&short));
        assert!(!looks_like_chain(&dir.path().join("missing")));
    }

    #[test]
    fn the_signing_key_is_generated_only_when_asked_and_kept_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys/audit.pem");
        let missing = load_or_generate_key(&path, false).map(|_| ()).unwrap_err();
        assert!(missing.contains("cannot read"), "{missing}");
        assert!(!path.exists(), "nothing written unless asked");
        let k = load_or_generate_key(&path, true).expect("generated");
        let mode = std::fs::metadata(&path)
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the private key is the owner's only");
        assert!(path.with_extension("pub.pem").exists());
        // Loaded again, not regenerated: the same key signs.
        let again = load_or_generate_key(&path, true).expect("loaded");
        assert_eq!(
            k.raw_public_key().expect("raw"),
            again.raw_public_key().expect("raw")
        );
        // Not an Ed25519 key: refused.
        let rsa = dir.path().join("rsa.pem");
        let r = openssl::rsa::Rsa::generate(2048).expect("rsa");
        let pk = PKey::from_rsa(r).expect("pkey");
        std::fs::write(&rsa, pk.private_key_to_pem_pkcs8().expect("pem")).expect("write");
        let e = load_or_generate_key(&rsa, false).map(|_| ()).unwrap_err();
        assert!(e.contains("not an Ed25519 key"), "{e}");
    }
}
