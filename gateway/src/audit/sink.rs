//! Sinks. Local: a rotating JSON-lines file and stdout, written by the writer thread. Remote:
//! syslog and HTTP, each fed through a [`Spool`] — an in-memory FIFO that spills to a disk
//! file while the sink is down (or the memory part is full) — and drained in order by its own
//! forwarder thread. A record is removed from the spool only after the sink accepted it, so
//! a sink that goes away and comes back receives every record once, in order. Across a crash
//! of the gateway itself the guarantee is at-least-once: the disk offset is persisted after
//! each accepted batch, so a batch accepted just before the crash can be sent again (records
//! carry `instance` + `seq`, a natural deduplication key).

use super::metrics as m;
use super::settings::{FileSink, Fsync, HttpSink, SyslogSink};
use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The rotating local file.
pub struct FileWriter {
    cfg: FileSink,
    /// The configured path (`cfg.path` is this process's own file: the configured one, or an
    /// upgrade file beside it).
    base: PathBuf,
    out: std::io::BufWriter<File>,
    size: u64,
    last_sync: Instant,
    dirty: bool,
}

fn open_append(p: &Path) -> std::io::Result<File> {
    if let Some(d) = p.parent() {
        std::fs::create_dir_all(d)?;
    }
    OpenOptions::new().create(true).append(true).open(p)
}

/// Rotated siblings of `path` (`<name>.<unix ms>`), oldest first.
pub fn rotated_files(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let prefix = format!("{name}.");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_prefix(&prefix))
                        .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Every file of the audit log at `base` in its directory, whoever wrote it: `<name>`,
/// `<name>.<ms>` (rotated), `<name>.upgrade-<ms>` (a graceful upgrade's own file, see
/// `pipeline`) and `<name>.upgrade-<ms>.<ms>` (its rotations).
pub fn family(base: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (base.parent(), base.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let member = |n: &str| {
        let Some(rest) = n.strip_prefix(name) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix('.') else {
            return rest.is_empty();
        };
        let rest = rest.strip_prefix("upgrade-").unwrap_or(rest);
        match rest.split_once('.') {
            Some((a, b)) => n.contains(".upgrade-") && digits(a) && digits(b),
            None => digits(rest),
        }
    };
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(member))
                .collect()
        })
        .unwrap_or_default()
}

/// Files of a writer that may still be running are never removed: `<name>` and
/// `<name>.upgrade-<ms>` modified this recently (a rotated file is closed for good).
const LIVE_GRACE: Duration = Duration::from_secs(3600);

/// Remove the oldest closed files of the audit log at `base`, across every writer's lineage
/// (each graceful upgrade starts one), so that at most `keep` remain besides `own` (this
/// process's file) and the file the writer lock names (`<base>.lock`). A file that is not a
/// rotation and was modified within [`LIVE_GRACE`] may belong to a process still draining
/// and is kept. Oldest by modification time: what remains is the most recent stretch of the
/// chain, which `audit verify` accepts as a log whose beginning was rotated away.
pub fn prune_family(base: &Path, own: &Path, keep: usize) {
    let holder = std::fs::read_to_string(format!("{}.lock", base.display()))
        .map(|s| PathBuf::from(s.trim()))
        .ok();
    let now = SystemTime::now();
    let rotated = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| !e.starts_with("upgrade-") && e.bytes().all(|b| b.is_ascii_digit()))
            && p != base
    };
    let mut closed: Vec<(SystemTime, PathBuf)> = family(base)
        .into_iter()
        .filter(|p| p != own && Some(p) != holder.as_ref())
        .filter_map(|p| {
            let m = std::fs::metadata(&p).and_then(|m| m.modified()).ok()?;
            let recent = now.duration_since(m).map_or(true, |age| age < LIVE_GRACE);
            (rotated(&p) || !recent).then_some((m, p))
        })
        .collect();
    closed.sort();
    if closed.len() > keep {
        for (_, p) in &closed[..closed.len() - keep] {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// The last `max` bytes of a file.
pub fn tail(p: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut f = File::open(p)?;
    let len = f.metadata()?.len();
    let start = len.saturating_sub(max);
    f.seek(SeekFrom::Start(start))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf)?;
    if start > 0 {
        // Drop the first, probably partial, line.
        if let Some(i) = buf.iter().position(|&b| b == b'\n') {
            buf.drain(..=i);
        }
    }
    Ok(buf)
}

impl FileWriter {
    pub fn open(cfg: FileSink) -> std::io::Result<FileWriter> {
        let base = cfg.path.clone();
        Self::open_in(cfg, base)
    }

    /// Open this process's own file `cfg.path` of the audit log configured at `base`.
    pub fn open_in(cfg: FileSink, base: PathBuf) -> std::io::Result<FileWriter> {
        let f = open_append(&cfg.path)?;
        let size = f.metadata()?.len();
        Ok(FileWriter {
            cfg,
            base,
            out: std::io::BufWriter::with_capacity(64 * 1024, f),
            size,
            last_sync: Instant::now(),
            dirty: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.cfg.path
    }

    /// Write raw bytes (used to terminate a partial line found at startup).
    pub fn write_raw(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.out.write_all(b)?;
        self.size += b.len() as u64;
        self.dirty = true;
        Ok(())
    }

    pub fn write_line(&mut self, line: &str) -> std::io::Result<()> {
        let n = line.len() as u64 + 1;
        if self.size > 0 && self.size + n > self.cfg.max_bytes {
            self.rotate()?;
        }
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.size += n;
        self.dirty = true;
        Ok(())
    }

    fn rotate(&mut self) -> std::io::Result<()> {
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        let mut target = PathBuf::from(format!("{}.{ms:013}", self.cfg.path.display()));
        let mut n = ms;
        while target.exists() {
            n += 1;
            target = PathBuf::from(format!("{}.{n:013}", self.cfg.path.display()));
        }
        std::fs::rename(&self.cfg.path, &target)?;
        self.out = std::io::BufWriter::with_capacity(64 * 1024, open_append(&self.cfg.path)?);
        self.size = 0;
        prune_family(&self.base, &self.cfg.path, self.cfg.keep);
        Ok(())
    }

    /// Flush the buffer; fsync as the policy says (`force`: always).
    pub fn flush(&mut self, force: bool) -> std::io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        self.out.flush()?;
        let sync = force
            || match self.cfg.fsync {
                Fsync::Always => true,
                Fsync::Interval(d) => self.last_sync.elapsed() >= d,
                Fsync::Never => false,
            };
        if sync {
            self.out.get_ref().sync_data()?;
            self.last_sync = Instant::now();
            self.dirty = false;
        }
        Ok(())
    }
}

struct SpoolInner {
    mem: VecDeque<String>,
    /// Bytes in the disk file; `read_off` of them already delivered.
    disk_len: u64,
    read_off: u64,
    down: bool,
    closing: Option<Instant>,
    /// The last disk write succeeded (or none failed yet).
    disk_ok: bool,
    /// After a failed disk write, the next attempt waits until then.
    disk_retry_at: Option<Instant>,
    /// Memory holds records newer than the disk's pending ones (they went to memory because
    /// the disk could not be written): the disk is sent first.
    mem_newer: bool,
}

/// Why a disk append did not happen.
enum DiskError {
    /// Past `max_bytes`: the records are dropped (counted as `spool_full`).
    OverBudget,
    /// The directory or the disk refused the write (read-only, full, removed).
    Io,
}

/// A remote sink's in-order buffer: memory first, then a disk file. When the disk cannot be
/// written (read-only directory, full disk), records stay in memory (up to `mem_cap`) and the
/// disk is tried again every second; nothing is lost that is not counted.
pub struct Spool {
    name: &'static str,
    data: PathBuf,
    offset: PathBuf,
    budget: u64,
    mem_cap: usize,
    inner: Mutex<SpoolInner>,
    cv: Condvar,
}

/// How often a disk that refused a write is tried again.
const DISK_RETRY: Duration = Duration::from_secs(1);

impl Spool {
    /// Open (or resume) the buffer in `dir`; records left by a previous run are sent first.
    /// A directory that cannot be written is reported (log, `gateway_audit_spool_writable`,
    /// `/readyz`) but does not stop the gateway: the sink then buffers in memory only.
    pub fn open(name: &'static str, dir: &Path, budget: u64) -> std::io::Result<Arc<Spool>> {
        Self::open_with(name, dir, budget, 10_000)
    }

    pub fn open_with(
        name: &'static str,
        dir: &Path,
        budget: u64,
        mem_cap: usize,
    ) -> std::io::Result<Arc<Spool>> {
        let data = dir.join(format!("{name}.spool"));
        let offset = dir.join(format!("{name}.offset"));
        // The probe writes and syncs 64 KiB (a batch's worth), so a full file system is found
        // here too, not only a directory that cannot be written: a few bytes still fit on a
        // nearly full one, and delayed allocation reports ENOSPC only at the sync.
        let writable = std::fs::create_dir_all(dir).and_then(|_| {
            use std::io::Write;
            let probe = dir.join(format!(".{name}.probe"));
            let wrote = std::fs::File::create(&probe).and_then(|mut f| {
                f.write_all(&[0u8; 64 * 1024])?;
                f.sync_all()
            });
            let _ = std::fs::remove_file(&probe);
            wrote
        });
        if let Err(e) = &writable {
            tracing::warn!(sink = name, dir = %dir.display(), error = %e,
                "audit spool directory is not writable (or its file system is full): while the sink is down, records are kept in memory only (up to {mem_cap})");
        }
        let disk_len = std::fs::metadata(&data).map(|m| m.len()).unwrap_or(0);
        let read_off = std::fs::read_to_string(&offset)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(0)
            .min(disk_len);
        m::SPOOL_BYTES
            .with_label_values(&[name])
            .set((disk_len - read_off) as i64);
        m::SPOOL_OVER_BUDGET.with_label_values(&[name]).set(0);
        m::SPOOL_WRITABLE
            .with_label_values(&[name])
            .set(i64::from(writable.is_ok()));
        for reason in ["spool_full", "spool_unwritable", "memory_full"] {
            m::DROPS.with_label_values(&[name, reason]);
        }
        Ok(Arc::new(Spool {
            name,
            data,
            offset,
            budget,
            mem_cap,
            inner: Mutex::new(SpoolInner {
                mem: VecDeque::new(),
                disk_len,
                read_off,
                down: false,
                closing: None,
                disk_ok: writable.is_ok(),
                disk_retry_at: writable.is_err().then(|| Instant::now() + DISK_RETRY),
                mem_newer: false,
            }),
            cv: Condvar::new(),
        }))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SpoolInner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn drop_records(&self, reason: &str, n: usize) {
        m::DROPS
            .with_label_values(&[self.name, reason])
            .inc_by(n as u64);
    }

    /// Whether a disk write may be tried now.
    fn disk_usable(g: &SpoolInner) -> bool {
        g.disk_ok || g.disk_retry_at.is_none_or(|t| Instant::now() >= t)
    }

    /// Record the outcome of a disk write: one log line per change, the gauge.
    fn disk_state(&self, g: &mut SpoolInner, r: Result<(), &std::io::Error>) {
        match r {
            Ok(()) => {
                if !g.disk_ok {
                    tracing::info!(sink = self.name, "audit spool writable again");
                    m::SPOOL_WRITABLE.with_label_values(&[self.name]).set(1);
                }
                g.disk_ok = true;
                g.disk_retry_at = None;
            }
            Err(e) => {
                if g.disk_ok {
                    tracing::error!(sink = self.name, error = %e,
                        "audit spool write failed: records are kept in memory (up to {}) and the disk is retried every second", self.mem_cap);
                    m::SPOOL_WRITABLE.with_label_values(&[self.name]).set(0);
                }
                g.disk_ok = false;
                g.disk_retry_at = Some(Instant::now() + DISK_RETRY);
            }
        }
    }

    /// Append lines to the disk file, all or none (a short write is cut back).
    fn append_disk(&self, g: &mut SpoolInner, lines: &[&str]) -> Result<(), DiskError> {
        let bytes: u64 = lines.iter().map(|l| l.len() as u64 + 1).sum();
        if g.disk_len - g.read_off + bytes > self.budget {
            m::SPOOL_OVER_BUDGET.with_label_values(&[self.name]).set(1);
            return Err(DiskError::OverBudget);
        }
        let mut buf = Vec::with_capacity(bytes as usize);
        for l in lines {
            buf.extend_from_slice(l.as_bytes());
            buf.push(b'\n');
        }
        let r = open_append(&self.data).and_then(|mut f| {
            let w = f.write_all(&buf);
            if w.is_err() {
                // Leave no partial line behind (a full disk can take half a write).
                let _ = f.set_len(g.disk_len);
            }
            w
        });
        self.disk_state(g, r.as_ref().map(|_| ()));
        r.map_err(|_| DiskError::Io)?;
        g.disk_len += bytes;
        m::SPOOL_BYTES
            .with_label_values(&[self.name])
            .set((g.disk_len - g.read_off) as i64);
        Ok(())
    }

    /// Queue one line. Never blocks on the network.
    pub fn push(&self, line: &str) {
        let mut g = self.lock();
        let disk_pending = g.read_off < g.disk_len;
        let wants_disk =
            g.down || disk_pending || g.closing.is_some() || g.mem.len() >= self.mem_cap;
        if wants_disk && Self::disk_usable(&g) {
            // Records kept in memory while the disk refused writes go first, so the disk
            // keeps the order.
            let mut batch: Vec<&str> = Vec::new();
            let moved = if g.mem_newer { g.mem.len() } else { 0 };
            let mem: Vec<String> = g.mem.iter().take(moved).cloned().collect();
            batch.extend(mem.iter().map(|s| s.as_str()));
            batch.push(line);
            match self.append_disk(&mut g, &batch) {
                Ok(()) => {
                    for _ in 0..moved {
                        g.mem.pop_front();
                    }
                    g.mem_newer = false;
                    drop(g);
                    self.cv.notify_one();
                    return;
                }
                Err(DiskError::OverBudget) if moved == 0 => {
                    self.drop_records("spool_full", 1);
                    return;
                }
                Err(_) => {}
            }
        }
        if g.mem.len() < self.mem_cap {
            if disk_pending && wants_disk {
                g.mem_newer = true;
            }
            g.mem.push_back(line.to_string());
            drop(g);
            self.cv.notify_one();
        } else {
            let reason = if !g.disk_ok {
                "spool_unwritable"
            } else if wants_disk {
                "spool_full"
            } else {
                "memory_full"
            };
            self.drop_records(reason, 1);
        }
    }

    /// Next batch to send: (lines, from memory?, disk bytes covered). Waits up to `wait`.
    fn next_batch(&self, max: usize, wait: Duration) -> Option<(Vec<String>, bool, u64)> {
        let mut g = self.lock();
        if g.mem.is_empty() && g.read_off >= g.disk_len {
            let (ng, _) = self
                .cv
                .wait_timeout(g, wait)
                .unwrap_or_else(|p| p.into_inner());
            g = ng;
        }
        let disk_first = g.mem_newer && g.read_off < g.disk_len;
        if !g.mem.is_empty() && !disk_first {
            let v: Vec<String> = g.mem.iter().take(max).cloned().collect();
            return Some((v, true, 0));
        }
        if g.read_off < g.disk_len {
            let start = g.read_off;
            drop(g);
            let mut f = File::open(&self.data).ok()?;
            f.seek(SeekFrom::Start(start)).ok()?;
            let mut r = BufReader::new(f);
            let mut v = Vec::new();
            let mut used = 0u64;
            let mut line = String::new();
            while v.len() < max {
                line.clear();
                match r.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(n) if line.ends_with('\n') => {
                        used += n as u64;
                        v.push(line.trim_end_matches('\n').to_string());
                    }
                    Ok(_) => break,
                }
            }
            if v.is_empty() {
                return None;
            }
            return Some((v, false, used));
        }
        None
    }

    fn commit(&self, n: usize, from_mem: bool, used: u64) {
        let mut g = self.lock();
        g.down = false;
        if from_mem {
            for _ in 0..n {
                g.mem.pop_front();
            }
        } else {
            g.read_off += used;
            if g.read_off >= g.disk_len {
                let _ = std::fs::remove_file(&self.data);
                let _ = std::fs::remove_file(&self.offset);
                g.read_off = 0;
                g.disk_len = 0;
            } else {
                let _ = std::fs::write(&self.offset, g.read_off.to_string());
            }
            m::SPOOL_BYTES
                .with_label_values(&[self.name])
                .set((g.disk_len - g.read_off) as i64);
            if g.disk_len - g.read_off < self.budget {
                m::SPOOL_OVER_BUDGET.with_label_values(&[self.name]).set(0);
            }
        }
        if g.mem.is_empty() || g.read_off >= g.disk_len {
            g.mem_newer = false;
        }
    }

    /// The sink failed: from now on records go to disk, and what memory holds moves there
    /// too (ahead of the disk records, which are newer), so a crash loses nothing buffered.
    fn mark_down(&self) {
        self.lock().down = true;
        self.persist();
    }

    /// Shutdown: stop taking memory; forward until empty or `deadline`.
    pub fn close(&self, deadline: Instant) {
        self.lock().closing = Some(deadline);
        self.cv.notify_all();
    }

    /// Whether the buffer is empty.
    pub fn is_empty(&self) -> bool {
        let g = self.lock();
        g.mem.is_empty() && g.read_off >= g.disk_len
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// State for `/readyz`.
    pub fn status(&self) -> serde_json::Value {
        let g = self.lock();
        serde_json::json!({
            "up": !g.down,
            "spool_writable": g.disk_ok,
            "in_memory": g.mem.len(),
            "spool_bytes": g.disk_len - g.read_off,
        })
    }

    /// Move what is still in memory to the disk file (kept for the next run), in order.
    /// Memory is cleared only once the file is written; `false` when the disk refused.
    fn persist(&self) -> bool {
        let mut g = self.lock();
        if g.mem.is_empty() {
            return true;
        }
        if !Self::disk_usable(&g) {
            return false;
        }
        let mut pending = Vec::new();
        if g.read_off < g.disk_len {
            if let Ok(mut f) = File::open(&self.data) {
                if f.seek(SeekFrom::Start(g.read_off)).is_ok() {
                    let _ = f.read_to_end(&mut pending);
                }
            }
        }
        let mut mem = Vec::new();
        for l in g.mem.iter() {
            mem.extend_from_slice(l.as_bytes());
            mem.push(b'\n');
        }
        let buf = if g.mem_newer {
            [pending, mem].concat()
        } else {
            [mem, pending].concat()
        };
        let tmp = self.data.with_extension("tmp");
        let r = std::fs::write(&tmp, &buf).and_then(|_| std::fs::rename(&tmp, &self.data));
        if r.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        let ok = r.is_ok();
        self.disk_state(&mut g, r.as_ref().map(|_| ()));
        if ok {
            let _ = std::fs::remove_file(&self.offset);
            g.mem.clear();
            g.mem_newer = false;
            g.disk_len = buf.len() as u64;
            g.read_off = 0;
            m::SPOOL_BYTES
                .with_label_values(&[self.name])
                .set(g.disk_len as i64);
        }
        ok
    }

    /// At exit: what could be neither delivered nor written to disk is lost, and counted.
    fn abandon(&self) {
        if !self.persist() {
            let mut g = self.lock();
            let n = g.mem.len();
            g.mem.clear();
            drop(g);
            if n > 0 {
                tracing::error!(
                    sink = self.name,
                    records = n,
                    "audit records lost at exit: the sink was down and the spool not writable"
                );
                self.drop_records("spool_unwritable", n);
            }
        }
    }
}

/// How a remote sink delivers a batch. `Ok` means the collector accepted all of it.
pub trait Transport: Send {
    fn send(&mut self, lines: &[String]) -> Result<(), String>;
}

/// Run a forwarder until its spool is closed and drained (or the closing deadline passes).
/// Logs once per change of state (down, delivering again), never per batch.
pub fn forward(spool: Arc<Spool>, mut t: Box<dyn Transport>, batch: usize) {
    let name = spool.name;
    let mut backoff = Duration::from_millis(100);
    let mut up = true;
    loop {
        let closing = spool.lock().closing;
        if let Some(d) = closing {
            if spool.is_empty() || Instant::now() >= d {
                spool.abandon();
                return;
            }
        }
        let Some((lines, from_mem, used)) = spool.next_batch(batch, Duration::from_millis(200))
        else {
            continue;
        };
        match t.send(&lines) {
            Ok(()) => {
                spool.commit(lines.len(), from_mem, used);
                m::RECORDS
                    .with_label_values(&[name])
                    .inc_by(lines.len() as u64);
                m::SINK_UP.with_label_values(&[name]).set(1);
                if !up {
                    tracing::info!(sink = name, "audit sink delivering again");
                    up = true;
                }
                backoff = Duration::from_millis(100);
            }
            Err(e) => {
                if up {
                    tracing::warn!(sink = name, error = %e, "audit sink unavailable; buffering");
                    up = false;
                }
                spool.mark_down();
                m::SINK_UP.with_label_values(&[name]).set(0);
                m::SINK_ERRORS.with_label_values(&[name]).inc();
                let wait = match spool.lock().closing {
                    Some(d) => backoff.min(d.saturating_duration_since(Instant::now())),
                    None => backoff,
                };
                std::thread::sleep(wait);
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
    }
}

/// HTTP batch sink: a JSON array of records per POST.
pub struct HttpTransport {
    rt: tokio::runtime::Runtime,
    client: reqwest::Client,
    cfg: HttpSink,
}

impl HttpTransport {
    pub fn new(cfg: HttpSink) -> Result<HttpTransport, String> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let mut b = reqwest::Client::builder().timeout(cfg.timeout);
        if let Some(ca) = &cfg.ca {
            let pem = std::fs::read(ca).map_err(|e| format!("{}: {e}", ca.display()))?;
            let cert = reqwest::Certificate::from_pem(&pem).map_err(|e| e.to_string())?;
            b = b.add_root_certificate(cert);
        }
        let client = {
            let _in_runtime = rt.enter();
            b.build().map_err(|e| e.to_string())?
        };
        Ok(HttpTransport { rt, client, cfg })
    }
}

impl Transport for HttpTransport {
    fn send(&mut self, lines: &[String]) -> Result<(), String> {
        let mut body = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 2);
        body.push('[');
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(l);
        }
        body.push(']');
        let mut req = self
            .client
            .post(&self.cfg.url)
            .header("content-type", "application/json");
        for (k, v) in &self.cfg.headers {
            req = req.header(k, v);
        }
        if let Some(a) = &self.cfg.auth {
            req = req.header("authorization", a);
        }
        let resp = self
            .rt
            .block_on(async move { req.body(body).send().await })
            .map_err(|e| format!("POST failed: {}", e.without_url()))?;
        if resp.status().is_success() {
            Ok(())
        } else {
            Err(format!("collector answered {}", resp.status()))
        }
    }
}

/// Syslog RFC 5424 with octet-counting framing (RFC 6587) over TCP or TLS.
pub struct SyslogTransport {
    cfg: SyslogSink,
    conn: Option<Box<dyn Write + Send>>,
}

impl SyslogTransport {
    pub fn new(cfg: SyslogSink) -> SyslogTransport {
        SyslogTransport { cfg, conn: None }
    }

    fn connect(&self) -> Result<Box<dyn Write + Send>, String> {
        use std::net::ToSocketAddrs;
        let addr = self
            .cfg
            .address
            .to_socket_addrs()
            .map_err(|e| e.to_string())?
            .next()
            .ok_or("address does not resolve")?;
        let tcp = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(3))
            .map_err(|e| e.to_string())?;
        tcp.set_write_timeout(Some(Duration::from_secs(5)))
            .map_err(|e| e.to_string())?;
        let _ = tcp.set_nodelay(true);
        match &self.cfg.tls {
            None => Ok(Box::new(tcp)),
            Some((ca, name)) => {
                use openssl::ssl::{SslConnector, SslMethod, SslVersion};
                let mut b =
                    SslConnector::builder(SslMethod::tls_client()).map_err(|e| e.to_string())?;
                b.set_min_proto_version(Some(SslVersion::TLS1_2))
                    .map_err(|e| e.to_string())?;
                b.set_ca_file(ca)
                    .map_err(|e| format!("{}: {e}", ca.display()))?;
                let s = b
                    .build()
                    .connect(name, tcp)
                    .map_err(|e| format!("TLS: {e}"))?;
                Ok(Box::new(s))
            }
        }
    }
}

/// One RFC 5424 message, octet-counted.
pub fn syslog_frame(hostname: &str, line: &str) -> String {
    let ts = humantime::format_rfc3339_millis(SystemTime::now());
    // PRI 110 = facility 13 (log audit) * 8 + severity 6 (informational).
    let msg = format!(
        "<110>1 {ts} {hostname} gateway {} audit - {line}",
        std::process::id()
    );
    format!("{} {msg}", msg.len())
}

impl Transport for SyslogTransport {
    fn send(&mut self, lines: &[String]) -> Result<(), String> {
        if self.conn.is_none() {
            self.conn = Some(self.connect()?);
        }
        let mut buf = String::new();
        for l in lines {
            buf.push_str(&syslog_frame(&self.cfg.hostname, l));
        }
        let conn = self.conn.as_mut().ok_or("no connection")?;
        let r = conn.write_all(buf.as_bytes()).and_then(|_| conn.flush());
        if let Err(e) = r {
            self.conn = None;
            return Err(e.to_string());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Flaky {
        up: Arc<Mutex<bool>>,
        got: Arc<Mutex<Vec<String>>>,
    }
    impl Transport for Flaky {
        fn send(&mut self, lines: &[String]) -> Result<(), String> {
            if !*self.up.lock().expect("lock") {
                return Err("down".into());
            }
            self.got.lock().expect("lock").extend(lines.iter().cloned());
            Ok(())
        }
    }

    fn wait_until(f: impl Fn() -> bool) {
        let t0 = Instant::now();
        while !f() {
            assert!(t0.elapsed() < Duration::from_secs(10), "timed out");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn spool_spills_while_down_and_delivers_in_order_once() {
        let dir = tempfile::tempdir().expect("dir");
        let spool = Spool::open("test", dir.path(), 1 << 20).expect("spool");
        let up = Arc::new(Mutex::new(true));
        let got = Arc::new(Mutex::new(Vec::new()));
        let t = Box::new(Flaky {
            up: up.clone(),
            got: got.clone(),
        });
        let s2 = spool.clone();
        let h = std::thread::spawn(move || forward(s2, t, 7));
        for i in 0..50 {
            spool.push(&format!("r{i}"));
        }
        wait_until(|| got.lock().expect("lock").len() == 50);
        *up.lock().expect("lock") = false;
        for i in 50..120 {
            spool.push(&format!("r{i}"));
        }
        wait_until(|| spool.lock().down);
        for i in 120..200 {
            spool.push(&format!("r{i}"));
        }
        assert!(dir.path().join("test.spool").exists(), "spilled to disk");
        assert!(
            spool.lock().mem.is_empty(),
            "memory moved to disk while down"
        );
        *up.lock().expect("lock") = true;
        wait_until(|| got.lock().expect("lock").len() >= 200);
        spool.close(Instant::now() + Duration::from_secs(5));
        h.join().expect("join");
        let want: Vec<String> = (0..200).map(|i| format!("r{i}")).collect();
        assert_eq!(*got.lock().expect("lock"), want);
    }

    #[test]
    fn spool_budget_drops_and_counts() {
        let dir = tempfile::tempdir().expect("dir");
        let spool = Spool::open("budget", dir.path(), 100).expect("spool");
        spool.mark_down();
        for i in 0..50 {
            spool.push(&format!("record-{i:04}"));
        }
        assert!(m::DROPS.with_label_values(&["budget", "spool_full"]).get() > 0);
        assert_eq!(m::SPOOL_OVER_BUDGET.with_label_values(&["budget"]).get(), 1);
        assert!(
            std::fs::metadata(dir.path().join("budget.spool"))
                .expect("file")
                .len()
                <= 100
        );
    }

    #[test]
    fn spool_survives_restart() {
        let dir = tempfile::tempdir().expect("dir");
        {
            let spool = Spool::open("r", dir.path(), 1 << 20).expect("spool");
            spool.push("a");
            spool.push("b");
            spool.close(Instant::now());
            assert!(spool.persist());
        }
        let spool = Spool::open("r", dir.path(), 1 << 20).expect("spool");
        let (v, mem, _) = spool
            .next_batch(10, Duration::from_millis(1))
            .expect("batch");
        assert_eq!(v, vec!["a", "b"]);
        assert!(!mem);
    }

    #[test]
    fn rotation_keeps_n_files() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("audit.log");
        let mut w = FileWriter::open(FileSink {
            path: p.clone(),
            max_bytes: 4096,
            keep: 2,
            fsync: Fsync::Never,
        })
        .expect("open");
        let line = "x".repeat(1000);
        for _ in 0..20 {
            w.write_line(&line).expect("write");
        }
        w.flush(true).expect("flush");
        assert_eq!(rotated_files(&p).len(), 2);
        assert!(std::fs::metadata(&p).expect("meta").len() <= 4096);
    }

    /// Old files of every writer's lineage go (each graceful upgrade starts one), oldest by
    /// modification time first; this process's file, the lock holder's, and a recent file that
    /// a draining process may still write stay, and so do files of other names.
    #[test]
    fn pruning_spans_every_writers_files() {
        let dir = tempfile::tempdir().expect("dir");
        let base = dir.path().join("audit.log");
        let at = |name: &str, hours_ago: u64| {
            let p = dir.path().join(name);
            let f = File::create(&p).expect("create");
            f.set_modified(SystemTime::now() - Duration::from_secs(hours_ago * 3600))
                .expect("mtime");
            p
        };
        at("audit.log", 2); // the lock holder's (a process still running, idle for 2 h)
        let own = at("audit.log.upgrade-0000000000900", 0);
        at("audit.log.upgrade-0000000000700", 0); // recent: may still be written
        at("audit.log.0000000000001", 5);
        at("audit.log.0000000000002", 9); // older by mtime, though named later
        at("audit.log.upgrade-0000000000500", 4); // an ended writer's last file
        at("audit.log.upgrade-0000000000500.0000000000600", 6);
        at("audit.log.bak", 50);
        at("other.log.0000000000001", 50);
        std::fs::write(
            dir.path().join("audit.log.lock"),
            base.as_os_str().as_encoded_bytes(),
        )
        .expect("lock");
        assert_eq!(family(&base).len(), 7);
        prune_family(&base, &own, 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "audit.log",
                "audit.log.0000000000001",
                "audit.log.bak",
                "audit.log.lock",
                "audit.log.upgrade-0000000000500",
                "audit.log.upgrade-0000000000700",
                "audit.log.upgrade-0000000000900",
                "other.log.0000000000001",
            ]
        );
    }

    #[test]
    fn syslog_over_tcp_delivers_framed_messages_and_reconnects() {
        use crate::audit::settings::Spool as SpoolCfg;
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = l.local_addr().expect("addr");
        let mut t = SyslogTransport::new(SyslogSink {
            address: addr.to_string(),
            tls: None,
            hostname: "gw-1".into(),
            spool: SpoolCfg {
                dir: PathBuf::from("/nonexistent"),
                max_bytes: 0,
                memory_records: 0,
            },
        });
        t.send(&["{\"a\":1}".to_string(), "{\"b\":2}".to_string()])
            .expect("send");
        let (mut c, _) = l.accept().expect("accept");
        c.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while !String::from_utf8_lossy(&buf).contains("{\"b\":2}") {
            let n = c.read(&mut chunk).expect("read");
            assert!(n > 0, "closed early");
            buf.extend_from_slice(&chunk[..n]);
        }
        let text = String::from_utf8_lossy(&buf).into_owned();
        let (n, rest) = text.split_once(' ').expect("frame");
        let n: usize = n.parse().expect("octet count");
        let first = &rest[..n];
        assert!(first.starts_with("<110>1 ") && first.contains(" gw-1 gateway "));
        assert!(first.ends_with(" audit - {\"a\":1}"), "{first}");
        assert!(rest[n..].contains("{\"b\":2}"));
        // The collector goes away: the send fails (now or on the next write), never panics.
        drop(c);
        drop(l);
        let failed = (0..20).any(|_| t.send(&["{}".to_string()]).is_err());
        assert!(failed, "a dead collector is noticed");
    }

    #[test]
    fn syslog_frame_is_octet_counted() {
        let f = syslog_frame("h", "{\"a\":1}");
        let (n, rest) = f.split_once(' ').expect("space");
        assert_eq!(n.parse::<usize>().expect("len"), rest.len());
        assert!(rest.starts_with("<110>1 "));
        assert!(rest.ends_with(" audit - {\"a\":1}"));
    }
}
