//! The queue between the request path and the writer thread, and the writer itself.
//!
//! The request path only calls [`submit`]: a `try_send` on a bounded channel. When the queue
//! is full the record is dropped and counted (`gateway_audit_dropped_total{sink="queue"}`),
//! never waited for. The writer runs on its own OS thread, not in a Pingora runtime: Pingora
//! cancels its runtimes' tasks at shutdown, and a cancelled write would cut a record in half.
//!
//! **One chain per writer.** The audit file has a lock beside it (`<path>.lock`, an exclusive
//! `flock`, released by the kernel when the process dies, whatever the cause) whose content
//! names the file its holder writes. A process that gets the lock writes `<path>` and continues
//! the chain from the last record of the previous holder's file. A process that finds the lock
//! held — the new process of a graceful upgrade, while the old one still serves its last
//! requests — writes a file of its own, `<path>.upgrade-<unix ms>`, whose `start` record
//! continues the holder's head at that moment; it takes the lock (and names its own file in it)
//! as soon as the old process is gone, so the next upgrade or restart continues *its* chain.
//! Two processes therefore never append to one file. `gateway audit verify <dir>` checks each
//! writer's chain and every hand-over (`chain::verify_writers`).

use super::chain::{self, Chain, Head};
use super::metrics as m;
use super::settings::AuditSettings;
use super::sink::{self, FileWriter, HttpTransport, Spool, SyslogTransport, Transport};
use super::{Masker, Record};
use async_trait::async_trait;
use once_cell::sync::OnceCell;
use pingora::server::ShutdownWatch;
use pingora::services::background::BackgroundService;
use std::io::Write;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Handle {
    tx: SyncSender<Box<Record>>,
    depth: Arc<AtomicI64>,
    control: Mutex<mpsc::Sender<Control>>,
}

enum Control {
    /// Drain, write a final checkpoint, flush, and forward what the remote sinks hold until
    /// the deadline. Acknowledged on the sender.
    Seal(Instant, mpsc::Sender<()>),
}

static HANDLE: OnceCell<Handle> = OnceCell::new();

/// The remote sinks' buffers, for `/readyz`.
static SPOOLS: OnceCell<Vec<Arc<Spool>>> = OnceCell::new();

/// Remote sink states for `/readyz` (`None` without remote sinks).
pub fn status() -> Option<serde_json::Value> {
    let spools = SPOOLS.get().filter(|s| !s.is_empty())?;
    let mut m = serde_json::Map::new();
    for s in spools {
        m.insert(s.name().into(), s.status());
    }
    Some(serde_json::Value::Object(m))
}

/// Whether an audit pipeline runs in this process.
pub fn enabled() -> bool {
    HANDLE.get().is_some()
}

/// Hand a record to the writer. Never blocks; `false` when it was dropped.
/// How long the writer lets records gather between drains.
const BATCH_WINDOW: Duration = Duration::from_millis(2);

pub fn submit(rec: Record) -> bool {
    let Some(h) = HANDLE.get() else {
        return false;
    };
    match h.tx.try_send(Box::new(rec)) {
        Ok(()) => {
            let d = h.depth.fetch_add(1, Ordering::Relaxed) + 1;
            m::QUEUE_DEPTH.set(d);
            true
        }
        Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
            m::DROPS.with_label_values(&["queue", "queue_full"]).inc();
            false
        }
    }
}

/// The Pingora background service: on shutdown it waits out the grace period (requests still
/// finishing keep emitting records), then asks the writer to seal.
pub struct AuditService {
    grace: Duration,
    flush_budget: Duration,
}

#[async_trait]
impl BackgroundService for AuditService {
    async fn start(&self, shutdown: ShutdownWatch) {
        // A blocking task, not an async one: at shutdown Pingora drops its runtimes' async
        // tasks at once but waits (up to graceful_shutdown_timeout) for blocking ones, so the
        // seal is written before the process exits.
        let (grace, budget) = (self.grace, self.flush_budget);
        let _ = tokio::task::spawn_blocking(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().build() else {
                return;
            };
            let mut shutdown = shutdown;
            rt.block_on(async {
                while !*shutdown.borrow() {
                    if shutdown.changed().await.is_err() {
                        break;
                    }
                }
            });
            std::thread::sleep(grace);
            seal(budget);
        })
        .await;
    }
}

/// Seal the log now and wait (at most `budget` + 1 s) until it is written.
pub fn seal(budget: Duration) {
    let Some(h) = HANDLE.get() else { return };
    let (tx, rx) = mpsc::channel();
    let deadline = Instant::now() + budget;
    let sent = h
        .control
        .lock()
        .map(|c| c.send(Control::Seal(deadline, tx)).is_ok())
        .unwrap_or(false);
    if sent {
        let _ = rx.recv_timeout(budget + Duration::from_secs(1));
    }
}

/// Whether a checkpoint is due: `every` records since the last one, or any record and
/// `interval` elapsed since it (time passed in, so the rule is tested without waiting).
fn checkpoint_due(since: u64, every: u64, elapsed: Duration, interval: Duration) -> bool {
    since >= every || (since > 0 && elapsed >= interval)
}

struct Writer {
    masker: Masker,
    chain: Chain,
    file: Option<FileWriter>,
    stdout: bool,
    spools: Vec<Arc<Spool>>,
    forwarders: Vec<std::thread::JoinHandle<()>>,
    remote: Vec<(Arc<Spool>, Box<dyn Transport>, usize)>,
    cp_interval: Duration,
    cp_every: u64,
    last_cp: Instant,
    sealed: bool,
    /// The writer lock (see the module header): `owner` once held.
    lock: Option<WriterLock>,
}

struct WriterLock {
    file: std::fs::File,
    owner: bool,
    /// The file this process writes (named in the lock once it holds it).
    writes: std::path::PathBuf,
    last_try: Instant,
}

impl WriterLock {
    /// Take the lock if it is free now; then name our file in it.
    fn try_take(&mut self) {
        if self.owner || self.last_try.elapsed() < Duration::from_millis(500) {
            return;
        }
        self.last_try = Instant::now();
        if self.file.try_lock().is_ok() {
            self.owner = true;
            name_in_lock(&mut self.file, &self.writes);
            tracing::info!(file = %self.writes.display(), "audit writer lock taken over: the previous process is gone");
        }
    }
}

fn lock_path(p: &std::path::Path) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}.lock", p.display()))
}

fn name_in_lock(f: &mut std::fs::File, writes: &std::path::Path) {
    use std::io::Seek;
    let _ = f.set_len(0);
    let _ = f.seek(std::io::SeekFrom::Start(0));
    let _ = f.write_all(writes.as_os_str().as_encoded_bytes());
    let _ = f.sync_data();
}

impl Writer {
    fn emit(&mut self, line: &str) {
        if let Some(f) = &mut self.file {
            match f.write_line(line) {
                Ok(()) => m::RECORDS.with_label_values(&["file"]).inc(),
                Err(e) => {
                    tracing::error!(error = %e, "audit file write failed");
                    m::DROPS.with_label_values(&["file", "write_error"]).inc();
                }
            }
        }
        if self.stdout {
            let mut out = std::io::stdout().lock();
            if writeln!(out, "{line}").is_ok() {
                m::RECORDS.with_label_values(&["stdout"]).inc();
            }
        }
        for s in &self.spools {
            s.push(line);
        }
    }

    fn record(&mut self, r: &Record) {
        let masked = r.masker.as_ref().unwrap_or(&self.masker).serialize(r);
        let line = self.chain.record(masked);
        self.emit(&line);
    }

    fn checkpoint(&mut self, last: bool) {
        let line = self.chain.checkpoint(last);
        self.emit(&line);
        m::CHECKPOINTS.inc();
        self.last_cp = Instant::now();
    }

    fn flush(&mut self, force: bool) {
        if let Some(f) = &mut self.file {
            if let Err(e) = f.flush(force) {
                tracing::error!(error = %e, "audit file flush failed");
            }
        }
        if self.stdout {
            let _ = std::io::stdout().flush();
        }
    }

    fn start_forwarders(&mut self) {
        for (spool, t, batch) in self.remote.drain(..) {
            let h = std::thread::Builder::new()
                .name(format!("audit-{}", "fwd"))
                .spawn(move || sink::forward(spool, t, batch));
            match h {
                Ok(h) => self.forwarders.push(h),
                Err(e) => tracing::error!(error = %e, "cannot start audit forwarder"),
            }
        }
    }

    fn run(mut self, rx: Receiver<Box<Record>>, depth: Arc<AtomicI64>, ctl: Receiver<Control>) {
        self.start_forwarders();
        loop {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(r) => {
                    depth.fetch_sub(1, Ordering::Relaxed);
                    self.record(&r);
                    for _ in 0..1024 {
                        match rx.try_recv() {
                            Ok(r) => {
                                depth.fetch_sub(1, Ordering::Relaxed);
                                self.record(&r);
                                if self.chain.since_checkpoint() >= self.cp_every {
                                    self.checkpoint(false);
                                }
                            }
                            Err(_) => break,
                        }
                    }
                    m::QUEUE_DEPTH.set(depth.load(Ordering::Relaxed));
                    self.flush(false);
                    if let Some(l) = &mut self.lock {
                        l.try_take();
                    }
                    // Let records gather before the next drain: a writer that blocks again at
                    // once is woken (a futex syscall on the request path, and a context switch)
                    // for nearly every record under load. A short window turns that into one
                    // wakeup per batch; records wait at most this long before being written.
                    std::thread::sleep(BATCH_WINDOW);
                }
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(l) = &mut self.lock {
                        l.try_take();
                    }
                    // Idle after a seal: re-seal what came in late.
                    if self.sealed && self.chain.since_checkpoint() > 0 {
                        self.checkpoint(true);
                        self.flush(true);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
            let n = self.chain.since_checkpoint();
            if !self.sealed
                && checkpoint_due(n, self.cp_every, self.last_cp.elapsed(), self.cp_interval)
            {
                self.checkpoint(false);
                self.flush(false);
            }
            if let Ok(Control::Seal(deadline, ack)) = ctl.try_recv() {
                while let Ok(r) = rx.try_recv() {
                    depth.fetch_sub(1, Ordering::Relaxed);
                    self.record(&r);
                }
                m::QUEUE_DEPTH.set(depth.load(Ordering::Relaxed));
                self.checkpoint(true);
                self.flush(true);
                self.sealed = true;
                for s in &self.spools {
                    s.close(deadline);
                }
                for h in self.forwarders.drain(..) {
                    let _ = h.join();
                }
                let _ = ack.send(());
            }
        }
    }
}

/// Where the chain stood on disk: the last complete line of `path`, or of its newest rotated
/// file when `path` is empty.
fn recover(path: &std::path::Path) -> (Option<Head>, bool) {
    let cur = sink::tail(path, 1 << 20).unwrap_or_default();
    if !cur.is_empty() {
        return chain::head_of(&cur);
    }
    match sink::rotated_files(path).last() {
        Some(p) => chain::head_of(&sink::tail(p, 1 << 20).unwrap_or_default()),
        None => (None, false),
    }
}

/// Claim the audit file (see the module header): the file to write, the chain head to
/// continue, whether the previous writer's file ended with a partial line (terminated here),
/// and the lock.
fn claim(
    f: &super::settings::FileSink,
) -> Result<(super::settings::FileSink, Option<Head>, bool, WriterLock), String> {
    use std::io::Read;
    let err = |e: std::io::Error| format!("{}: {e}", f.path.display());
    if let Some(d) = f.path.parent() {
        std::fs::create_dir_all(d).map_err(err)?;
    }
    let lp = lock_path(&f.path);
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lp)
        .map_err(|e| format!("{}: {e}", lp.display()))?;
    let mut named = String::new();
    let _ = file.read_to_string(&mut named);
    let holder = Some(std::path::PathBuf::from(named.trim()))
        .filter(|p| !p.as_os_str().is_empty() && p.exists());
    match file.try_lock() {
        Ok(()) => {
            // The previous holder is gone: continue its chain (its file may be an upgrade file).
            let from = holder.unwrap_or_else(|| f.path.clone());
            let (head, partial) = recover(&from);
            if partial {
                // A crash cut its last line short: terminate it, so it stays a line of its own
                // (the start record notes it).
                std::fs::OpenOptions::new()
                    .append(true)
                    .open(&from)
                    .and_then(|mut o| o.write_all(b"\n"))
                    .map_err(|e| format!("{}: {e}", from.display()))?;
            }
            name_in_lock(&mut file, &f.path);
            let lock = WriterLock {
                file,
                owner: true,
                writes: f.path.clone(),
                last_try: Instant::now(),
            };
            Ok((f.clone(), head, partial, lock))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            // Another process writes (graceful upgrade): a file of our own, forked from its
            // head now. Its last line may be half written: it is not ours to terminate.
            let active = holder.unwrap_or_else(|| f.path.clone());
            let (head, _) = recover(&active);
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0);
            let mut own = f.clone();
            own.path = std::path::PathBuf::from(format!("{}.upgrade-{ms}", f.path.display()));
            tracing::info!(active = %active.display(), file = %own.path.display(),
                "audit file held by another process (graceful upgrade): writing a file of our own");
            let lock = WriterLock {
                file,
                owner: false,
                writes: own.path.clone(),
                last_try: Instant::now(),
            };
            Ok((own, head, false, lock))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(format!("{}: {e}", lp.display())),
    }
}

/// Open the sinks, load the key, start the writer. Returns the service to register with the
/// server (it seals the log at shutdown). Call once per process.
pub fn start(
    s: &AuditSettings,
    grace: Duration,
    flush_budget: Duration,
) -> Result<AuditService, String> {
    m::init();
    let key = chain::load_or_generate_key(&s.signing_key, s.generate_key)?;
    let (file, head, partial, lock) = match &s.file {
        Some(f) => {
            let (own, head, partial, lock) = claim(f)?;
            // Each graceful upgrade starts a lineage of files; old ones go here and at every
            // rotation, whoever wrote them (`file.keep` closed files in all).
            sink::prune_family(&f.path, &own.path, f.keep);
            let w = FileWriter::open_in(own.clone(), f.path.clone())
                .map_err(|e| format!("{}: {e}", own.path.display()))?;
            (Some(w), head, partial, Some(lock))
        }
        None => (None, None, false, None),
    };
    let mut chain = Chain::new(key, head.as_ref());
    let start_line = chain.start(head.as_ref(), partial);
    let mut spools = Vec::new();
    let mut remote: Vec<(Arc<Spool>, Box<dyn Transport>, usize)> = Vec::new();
    if let Some(sl) = &s.syslog {
        let sp = Spool::open_with(
            "syslog",
            &sl.spool.dir,
            sl.spool.max_bytes,
            sl.spool.memory_records,
        )
        .map_err(|e| format!("{}: {e}", sl.spool.dir.display()))?;
        spools.push(sp.clone());
        remote.push((sp, Box::new(SyslogTransport::new(sl.clone())), 200));
    }
    if let Some(h) = &s.http {
        let sp = Spool::open_with(
            "http",
            &h.spool.dir,
            h.spool.max_bytes,
            h.spool.memory_records,
        )
        .map_err(|e| format!("{}: {e}", h.spool.dir.display()))?;
        spools.push(sp.clone());
        remote.push((sp, Box::new(HttpTransport::new(h.clone())?), h.batch_max));
    }
    let _ = SPOOLS.set(spools.clone());
    let (tx, rx) = mpsc::sync_channel(s.queue_capacity);
    let (ctx, crx) = mpsc::channel();
    let depth = Arc::new(AtomicI64::new(0));
    HANDLE
        .set(Handle {
            tx,
            depth: depth.clone(),
            control: Mutex::new(ctx),
        })
        .map_err(|_| "the audit pipeline is already running".to_string())?;
    let mut w = Writer {
        masker: Masker::new(&s.detectors),
        chain,
        file,
        stdout: s.stdout,
        spools,
        forwarders: Vec::new(),
        remote,
        cp_interval: s.checkpoint_interval,
        cp_every: s.checkpoint_every,
        last_cp: Instant::now(),
        sealed: false,
        lock,
    };
    w.emit(&start_line);
    w.flush(true);
    tracing::info!(instance = w.chain.instance(), file = ?s.file.as_ref().map(|f| &f.path), "audit log started");
    std::thread::Builder::new()
        .name("audit-writer".into())
        .spawn(move || w.run(rx, depth, crx))
        .map_err(|e| e.to_string())?;
    Ok(AuditService {
        grace,
        flush_budget,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_fall_due_by_count_or_by_time_with_records() {
        let s = Duration::from_secs;
        assert!(checkpoint_due(100, 100, s(0), s(5)), "by count");
        assert!(!checkpoint_due(99, 100, s(4), s(5)));
        assert!(checkpoint_due(1, 100, s(5), s(5)), "by time");
        assert!(!checkpoint_due(0, 100, s(60), s(5)), "nothing to seal");
    }
}
