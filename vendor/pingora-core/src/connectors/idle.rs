//! Local patch 6 (PATCHES.md): the keep-alive pool of idle upstream connections, without a
//! task per idle period.
//!
//! Upstream Pingora's pool ([pingora_pool::ConnectionPool]) spawns a watcher task for every
//! connection it is handed back, with a oneshot channel, a `Notify`, an `Arc<Mutex<Stream>>`
//! and an LRU entry, and hands the stream back through that mutex when the next request takes
//! it: on a keep-alive upstream that is a task spawned, two extra task polls and six
//! allocations per proxied request. Here an idle connection is a plain entry in a map: the
//! checks the watcher made continuously are made when the connection is taken (closed by the
//! upstream, data received while idle, idle timeout passed), and a sweep once a second closes
//! the connections the upstream closed or whose idle timeout passed while nobody asked for
//! them. The pool's global bound is upstream's: past `size` idle connections the one idle for
//! longest is closed (and the keep-alive pool callback told, as upstream does on eviction).

use super::{test_reusable_stream, PoolCallback};
use crate::protocols::Stream;
use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// How often idle connections nobody takes are checked.
pub(crate) const SWEEP_INTERVAL: Duration = Duration::from_secs(1);

struct Idle {
    stream: Stream,
    since: Instant,
    timeout: Option<Duration>,
    /// Release order across keys, for the global bound.
    seq: u64,
}

impl Idle {
    fn expired(&self, now: Instant) -> bool {
        self.timeout
            .is_some_and(|t| now.saturating_duration_since(self.since) >= t)
    }
}

#[derive(Default)]
struct Inner {
    by_key: HashMap<u64, VecDeque<Idle>>,
    len: usize,
    seq: u64,
}

pub(crate) struct IdlePool {
    inner: Mutex<Inner>,
    size: usize,
    /// A sweep task is running (reset when the runtime it ran on stops).
    sweeping: AtomicBool,
    unexpected: Arc<AtomicU64>,
}

/// Clears `sweeping` when the sweep task ends or its runtime drops it.
struct SweepTask(Weak<IdlePool>);

impl Drop for SweepTask {
    fn drop(&mut self) {
        if let Some(p) = self.0.upgrade() {
            p.sweeping.store(false, Ordering::Release);
        }
    }
}

impl IdlePool {
    pub(crate) fn new(size: usize, unexpected: Arc<AtomicU64>) -> Self {
        IdlePool {
            inner: Mutex::new(Inner::default()),
            size,
            sweeping: AtomicBool::new(false),
            unexpected,
        }
    }

    /// Keep `stream` for reuse under `key`; closes the connection idle for longest when the
    /// pool is full.
    pub(crate) fn put(
        self: &Arc<Self>,
        key: u64,
        stream: Stream,
        timeout: Option<Duration>,
        callback: Option<&PoolCallback>,
    ) {
        if self.size == 0 {
            return;
        }
        let now = Instant::now();
        let mut evicted = Vec::new();
        {
            let mut inner = self.inner.lock();
            inner.seq += 1;
            let seq = inner.seq;
            inner.by_key.entry(key).or_default().push_back(Idle {
                stream,
                since: now,
                timeout,
                seq,
            });
            inner.len += 1;
            while inner.len > self.size {
                let oldest = inner
                    .by_key
                    .iter()
                    .filter_map(|(k, q)| q.front().map(|i| (i.seq, *k)))
                    .min();
                let Some((_, k)) = oldest else { break };
                if let Some(i) = inner.by_key.get_mut(&k).and_then(|q| q.pop_front()) {
                    inner.len -= 1;
                    evicted.push(i);
                }
                if inner.by_key.get(&k).is_some_and(|q| q.is_empty()) {
                    inner.by_key.remove(&k);
                }
            }
        }
        // Closed outside the lock.
        for i in evicted {
            if let Some(cb) = callback {
                cb(now.saturating_duration_since(i.since));
            }
        }
        self.start_sweeping();
    }

    /// The most recently released connection under `key` still fit for reuse; the expired
    /// ones met on the way are closed.
    pub(crate) fn take(&self, key: u64) -> Option<Stream> {
        let now = Instant::now();
        let mut expired = Vec::new();
        let found = {
            let mut inner = self.inner.lock();
            let q = inner.by_key.get_mut(&key)?;
            let mut found = None;
            while let Some(i) = q.pop_back() {
                if i.expired(now) {
                    expired.push(i);
                } else {
                    found = Some(i.stream);
                    break;
                }
            }
            if q.is_empty() {
                inner.by_key.remove(&key);
            }
            inner.len -= expired.len() + usize::from(found.is_some());
            found
        };
        // Closed outside the lock.
        drop(expired);
        found
    }

    /// Idle connections held now.
    pub(crate) fn len(&self) -> usize {
        self.inner.lock().len
    }

    /// Close the idle connections the upstream closed, that received data, or whose idle
    /// timeout passed.
    pub(crate) fn sweep(&self) {
        let unexpected = &*self.unexpected;
        let now = Instant::now();
        let mut closed = Vec::new();
        {
            let mut inner = self.inner.lock();
            let mut gone = 0;
            inner.by_key.retain(|_, q| {
                let before = q.len();
                let mut keep = VecDeque::with_capacity(before);
                for mut i in q.drain(..) {
                    if !i.expired(now) && test_reusable_stream(&mut i.stream, unexpected) {
                        keep.push_back(i);
                    } else {
                        closed.push(i);
                    }
                }
                gone += before - keep.len();
                *q = keep;
                !q.is_empty()
            });
            inner.len -= gone;
        }
        drop(closed);
    }

    fn start_sweeping(self: &Arc<Self>) {
        if self.sweeping.swap(true, Ordering::AcqRel) {
            return;
        }
        let task = SweepTask(Arc::downgrade(self));
        pingora_runtime::current_handle().spawn(async move {
            loop {
                tokio::time::sleep(SWEEP_INTERVAL).await;
                match task.0.upgrade() {
                    Some(p) => p.sweep(),
                    None => return,
                }
            }
        });
    }
}
