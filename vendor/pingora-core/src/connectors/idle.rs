//! Idle upstream connections kept for reuse (local patch 9, PATCHES.md).
//!
//! Upstream's `pingora_pool::ConnectionPool` puts every released connection behind an
//! `Arc<tokio::sync::Mutex>`, into an LRU and a per-key node (a `DashMap` entry, created again
//! whenever the key's last connection is taken), and spawns a task per release that watches the
//! connection (a oneshot to hear that it was taken, a `Notify` for eviction, a read with a
//! timer). Taking it back wakes that task and waits for it to give the lock up: a second task
//! scheduled for every proxied request. Here an idle connection is an entry in a map behind
//! one lock: released, it is pushed; taken, it is popped (most recent first, so that surplus
//! connections age out), checked for expiry, for its peer and for a close or unexpected data
//! as upstream checks them. One sweeper task per pool (started on the first release, ending
//! with the pool) closes, once a second, the connections that expired or that the server
//! closed, which upstream's watcher did as they happened.

use super::{stream_matches_peer, test_reusable_stream, PoolCallback};
use crate::protocols::Stream;
use crate::upstreams::peer::Peer;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// How often the sweeper closes expired and closed idle connections.
pub const SWEEP_INTERVAL: Duration = Duration::from_secs(1);

struct Idle {
    stream: Stream,
    since: Instant,
    /// When the connection may no longer be reused (`None`: kept until evicted or closed).
    expires: Option<Instant>,
}

#[derive(Default)]
struct Slots {
    /// Per reuse key, oldest first.
    by_key: HashMap<u64, Vec<Idle>>,
    count: usize,
}

/// The idle connections of a [super::TransportConnector].
pub struct IdlePool {
    slots: Mutex<Slots>,
    capacity: usize,
    callback: Option<PoolCallback>,
    unexpected_data: Arc<AtomicU64>,
    sweeping: AtomicBool,
}

impl IdlePool {
    pub fn new(
        capacity: usize,
        callback: Option<PoolCallback>,
        unexpected_data: Arc<AtomicU64>,
    ) -> Self {
        IdlePool {
            slots: Mutex::new(Slots::default()),
            capacity,
            callback,
            unexpected_data,
            sweeping: AtomicBool::new(false),
        }
    }

    /// Keep `stream` for reuse under `key` for at most `idle_timeout`. A stream already closed
    /// or holding unexpected data is dropped (closed) instead. At capacity the least recently
    /// released connection is closed to make room (the pool's callback told how long it idled).
    pub fn put(self: &Arc<Self>, mut stream: Stream, key: u64, idle_timeout: Option<Duration>) {
        if self.capacity == 0 || !test_reusable_stream(&mut stream, &self.unexpected_data) {
            return;
        }
        let since = Instant::now();
        let idle = Idle {
            stream,
            since,
            // An expiry past what `Instant` can hold is none (upstream's timer saturated).
            expires: idle_timeout.and_then(|t| since.checked_add(t)),
        };
        let evicted = {
            let mut slots = self.slots.lock();
            let evicted = if slots.count >= self.capacity {
                slots.pop_oldest()
            } else {
                None
            };
            slots.by_key.entry(key).or_default().push(idle);
            slots.count += 1;
            evicted
        };
        if let Some(old) = evicted {
            if let Some(cb) = &self.callback {
                cb(old.since.elapsed());
            }
        }
        if !self.sweeping.load(Ordering::Relaxed) && !self.sweeping.swap(true, Ordering::AcqRel) {
            start_sweeper(Arc::downgrade(self));
        }
    }

    /// A connection to `peer` kept under `key`, if one is still usable: the most recently
    /// released first; expired ones, ones the server closed or wrote to, and ones connected
    /// elsewhere (a reuse-key collision) are closed on the way.
    pub fn get<P: Peer>(&self, key: u64, peer: &P) -> Option<Stream> {
        loop {
            let mut idle = {
                let mut slots = self.slots.lock();
                let list = slots.by_key.get_mut(&key)?;
                let idle = list.pop();
                if list.is_empty() {
                    slots.by_key.remove(&key);
                }
                let idle = idle?;
                slots.count -= 1;
                idle
            };
            if idle.expires.is_some_and(|e| e <= Instant::now()) {
                continue;
            }
            if stream_matches_peer(peer, &idle.stream)
                && test_reusable_stream(&mut idle.stream, &self.unexpected_data)
            {
                return Some(idle.stream);
            }
        }
    }

    /// Close the connections that expired or that the server closed or wrote to. Returns how
    /// many are left. The connections are taken out under the lock and checked outside it (a
    /// read each, and a log line for unexpected data), so that a reuse or a release on another
    /// worker never waits for the checks; the ones kept go back in front of any released
    /// meanwhile (they are older), and the oldest are closed if that went past the capacity.
    pub fn sweep(&self) -> usize {
        let now = Instant::now();
        let taken = {
            let mut slots = self.slots.lock();
            slots.count = 0;
            std::mem::take(&mut slots.by_key)
        };
        let mut closed = Vec::new();
        let mut kept: Vec<(u64, Vec<Idle>)> = Vec::with_capacity(taken.len());
        for (key, list) in taken {
            let mut live = Vec::with_capacity(list.len());
            for mut idle in list {
                if idle.expires.is_some_and(|e| e <= now)
                    || !test_reusable_stream(&mut idle.stream, &self.unexpected_data)
                {
                    closed.push(idle);
                } else {
                    live.push(idle);
                }
            }
            if !live.is_empty() {
                kept.push((key, live));
            }
        }
        drop(closed); // closed outside the lock
        let mut evicted = Vec::new();
        let left = {
            let mut slots = self.slots.lock();
            for (key, mut live) in kept {
                slots.count += live.len();
                let newer = slots.by_key.entry(key).or_default();
                live.append(newer);
                *newer = live;
            }
            while slots.count > self.capacity {
                match slots.pop_oldest() {
                    Some(old) => evicted.push(old),
                    None => break,
                }
            }
            slots.count
        };
        if let Some(cb) = &self.callback {
            for old in &evicted {
                cb(old.since.elapsed());
            }
        }
        left
    }

    /// How many idle connections are kept.
    pub fn len(&self) -> usize {
        self.slots.lock().count
    }
}

impl Slots {
    /// Remove the connection released longest ago, across keys.
    fn pop_oldest(&mut self) -> Option<Idle> {
        let key = *self
            .by_key
            .iter()
            .filter_map(|(k, list)| list.first().map(|i| (k, i.since)))
            .min_by_key(|(_, since)| *since)?
            .0;
        let list = self.by_key.get_mut(&key)?;
        let idle = list.remove(0);
        if list.is_empty() {
            self.by_key.remove(&key);
        }
        self.count -= 1;
        Some(idle)
    }
}

fn start_sweeper(pool: Weak<IdlePool>) {
    let rt = pingora_runtime::current_handle();
    rt.spawn(async move {
        loop {
            pingora_timeout::sleep(SWEEP_INTERVAL).await;
            match pool.upgrade() {
                Some(p) => {
                    p.sweep();
                }
                None => return,
            }
        }
    });
}
