//! The local fast path: per-key GCRA state in memory, sharded, bounded.
//!
//! Keys are hashed once with a per-process random SipHash key (so a client cannot craft
//! collisions) into a `u64`; a shard maps that hash to the bucket's TAT: 16 bytes of payload
//! per tracked key. Two different keys colliding on 64 bits would share a bucket; with a
//! million keys the chance is about 3·10⁻⁸.
//!
//! **Eviction.** Each shard holds at most `max_keys / shards` entries. When a new key arrives
//! at a full shard, the eighth of its entries with the earliest TAT is dropped in one pass
//! (`select_nth_unstable`, amortised O(1) per insert). Entries whose TAT is in the past are
//! always the earliest: they carry no information (a rested bucket is the same as no entry),
//! so dropping them is exact. Only when a flood keeps more than `max_keys` buckets *active*
//! at once are active buckets dropped, earliest first — those clients get a fresh bucket
//! (their burst back): under a flood of distinct keys the limiter degrades towards allowing
//! the least-recently-limited keys, never towards exhausting memory.
//!
//! Keys of limits synced with Redis are also recorded in a per-shard "dirty" table (count of
//! requests admitted since the last sync, and the Redis key), drained by the sync task.
//!
//! **Seeds.** Buckets whose state Redis would lose in a restart are remembered with their
//! Redis key: strict buckets (their TAT as Redis last returned it is mirrored here) and
//! buckets admitted locally while Redis was down. When Redis comes back, the sync task writes
//! `max(Redis TAT, local TAT)` for each before any fleet-wide decision is made again, so a
//! restarted (empty) Redis does not hand every client a fresh burst.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::gcra::{Gcra, Verdict};

/// The key is already a keyed hash: use it as is.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Requests admitted locally since the last sync, for one Redis key.
#[derive(Debug, Clone)]
pub struct Dirty {
    pub hash: u64,
    pub redis_key: Arc<str>,
    pub interval_us: u64,
    pub count: u64,
}

#[derive(Default)]
struct Shard {
    tats: IdMap<u64>,
    dirty: IdMap<Dirty>,
    /// Redis keys of the buckets to re-seed after an outage (see the module header).
    seeds: IdMap<Arc<str>>,
}

pub struct Store {
    shards: Box<[Mutex<Shard>]>,
    per_shard: usize,
    hasher: std::collections::hash_map::RandomState,
    len: AtomicUsize,
    evicted: AtomicUsize,
}

impl Store {
    /// `max_keys` buckets in total, over `shards` locks.
    pub fn new(max_keys: usize, shards: usize) -> Store {
        let shards = shards.clamp(1, 4096);
        Store {
            shards: (0..shards).map(|_| Mutex::new(Shard::default())).collect(),
            per_shard: (max_keys / shards).max(8),
            hasher: std::collections::hash_map::RandomState::new(),
            len: AtomicUsize::new(0),
            evicted: AtomicUsize::new(0),
        }
    }

    /// The bucket id of (`bucket`, `key`): `bucket` names the limit and window.
    pub fn hash(&self, bucket: u64, key: &str) -> u64 {
        let mut h = self.hasher.build_hasher();
        h.write_u64(bucket);
        h.write(key.as_bytes());
        h.finish()
    }

    fn shard(&self, h: u64) -> std::sync::MutexGuard<'_, Shard> {
        let i = ((h >> 32) as usize) % self.shards.len();
        // A poisoned lock only means another thread panicked mid-update of plain integers.
        self.shards[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Decide without consuming.
    pub fn peek(&self, h: u64, g: &Gcra, now: u64) -> Verdict {
        let tat = self.shard(h).tats.get(&h).copied().unwrap_or(0);
        g.decide(tat, now)
    }

    /// Decide again and consume if still allowed; record the admission for the sync task
    /// when `sync` gives the global interval and the Redis key (built only for the first
    /// admission of a key since the last sync).
    pub fn commit(
        &self,
        h: u64,
        g: &Gcra,
        now: u64,
        sync: Option<(u64, &dyn Fn() -> String)>,
    ) -> Verdict {
        let mut s = self.shard(h);
        let tat = s.tats.get(&h).copied().unwrap_or(0);
        let v = g.decide(tat, now);
        if !v.allowed {
            return v;
        }
        if tat == 0 && !s.tats.contains_key(&h) {
            if s.tats.len() >= self.per_shard {
                let dropped = evict(&mut s.tats, now);
                let Shard { tats, seeds, .. } = &mut *s;
                seeds.retain(|h, _| tats.contains_key(h));
                self.len.fetch_sub(dropped, Ordering::Relaxed);
                self.evicted.fetch_add(dropped, Ordering::Relaxed);
            }
            self.len.fetch_add(1, Ordering::Relaxed);
        }
        s.tats.insert(h, v.new_tat);
        if let Some((interval_us, key)) = sync {
            s.dirty
                .entry(h)
                .or_insert_with(|| Dirty {
                    hash: h,
                    redis_key: Arc::from(key()),
                    interval_us,
                    count: 0,
                })
                .count += 1;
        }
        v
    }

    /// Take every pending admission (the sync task sends them to Redis).
    pub fn take_dirty(&self) -> Vec<Dirty> {
        let mut out = Vec::new();
        for s in self.shards.iter() {
            let mut s = s.lock().unwrap_or_else(|e| e.into_inner());
            out.extend(s.dirty.drain().map(|(_, d)| d));
        }
        out
    }

    /// Fold in the global TAT Redis returned: the local TAT becomes at least the global one
    /// plus what this instance admitted since the batch was taken.
    pub fn merge_global(&self, h: u64, global_tat: u64, now: u64) {
        let mut s = self.shard(h);
        let pending = s
            .dirty
            .get(&h)
            .map(|d| d.count.saturating_mul(d.interval_us))
            .unwrap_or(0);
        let merged = global_tat.saturating_add(pending);
        match s.tats.get_mut(&h) {
            Some(t) => *t = (*t).max(merged),
            None if merged > now => {
                if s.tats.len() >= self.per_shard {
                    let dropped = evict(&mut s.tats, now);
                    let Shard { tats, seeds, .. } = &mut *s;
                    seeds.retain(|h, _| tats.contains_key(h));
                    self.len.fetch_sub(dropped, Ordering::Relaxed);
                }
                s.tats.insert(h, merged);
                self.len.fetch_add(1, Ordering::Relaxed);
            }
            None => {}
        }
    }

    /// Remember bucket `h` for re-seeding Redis after an outage (`key` builds its Redis key,
    /// called only the first time).
    pub fn remember(&self, h: u64, key: &dyn Fn() -> String) {
        let mut s = self.shard(h);
        if s.tats.contains_key(&h) && !s.seeds.contains_key(&h) {
            s.seeds.insert(h, Arc::from(key()));
        }
    }

    /// Mirror a TAT Redis returned for a strict bucket (the local TAT becomes at least that)
    /// and remember the bucket for re-seeding.
    pub fn mirror(&self, h: u64, tat: u64, now: u64, key: &dyn Fn() -> String) {
        if tat <= now {
            return;
        }
        let mut s = self.shard(h);
        match s.tats.get_mut(&h) {
            Some(t) => *t = (*t).max(tat),
            None => {
                if s.tats.len() >= self.per_shard {
                    let dropped = evict(&mut s.tats, now);
                    let Shard { tats, seeds, .. } = &mut *s;
                    seeds.retain(|h, _| tats.contains_key(h));
                    self.len.fetch_sub(dropped, Ordering::Relaxed);
                    self.evicted.fetch_add(dropped, Ordering::Relaxed);
                }
                s.tats.insert(h, tat);
                self.len.fetch_add(1, Ordering::Relaxed);
            }
        }
        if !s.seeds.contains_key(&h) {
            s.seeds.insert(h, Arc::from(key()));
        }
    }

    /// The buckets to write back into Redis after an outage: (Redis key, local TAT) of every
    /// remembered bucket still limiting at `now`. Rested ones are forgotten.
    pub fn seeds(&self, now: u64) -> Vec<(Arc<str>, u64)> {
        let mut out = Vec::new();
        for s in self.shards.iter() {
            let mut s = s.lock().unwrap_or_else(|e| e.into_inner());
            let Shard { tats, seeds, .. } = &mut *s;
            seeds.retain(|h, k| match tats.get(h) {
                Some(&t) if t > now => {
                    out.push((k.clone(), t));
                    true
                }
                _ => false,
            });
        }
        out
    }

    /// Tracked buckets.
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Buckets dropped to stay under the bound (since start).
    pub fn evicted(&self) -> usize {
        self.evicted.load(Ordering::Relaxed)
    }
}

/// Drop the eighth of the entries with the earliest TAT (all with a TAT in the past first).
fn evict(tats: &mut IdMap<u64>, now: u64) -> usize {
    let before = tats.len();
    tats.retain(|_, t| *t > now);
    if tats.len() * 8 > before * 7 {
        let mut v: Vec<u64> = tats.values().copied().collect();
        let k = v.len() / 8;
        let (_, cut, _) = v.select_nth_unstable(k);
        let cut = *cut;
        tats.retain(|_, t| *t > cut);
    }
    before - tats.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn commit_consumes_peek_does_not() {
        let st = Store::new(1000, 4);
        let g = Gcra::new(2, Duration::from_secs(1), 2);
        let h = st.hash(0, "ip:1.2.3.4");
        let now = 1_000_000_000;
        assert!(st.peek(h, &g, now).allowed);
        assert!(st.peek(h, &g, now).allowed);
        assert!(st.peek(h, &g, now).allowed);
        assert!(st.commit(h, &g, now, None).allowed);
        assert!(st.commit(h, &g, now, None).allowed);
        assert!(!st.commit(h, &g, now, None).allowed);
        assert!(!st.peek(h, &g, now).allowed);
        assert_eq!(st.len(), 1);
        // Another key is unaffected.
        let h2 = st.hash(0, "ip:1.2.3.5");
        assert!(st.commit(h2, &g, now, None).allowed);
        // Same key in another bucket is another bucket.
        assert_ne!(st.hash(1, "ip:1.2.3.4"), h);
    }

    #[test]
    fn bounded_under_a_flood_of_keys() {
        let st = Store::new(1024, 4);
        let g = Gcra::new(1, Duration::from_secs(60), 1);
        let mut now = 1_000_000_000;
        for i in 0..100_000u32 {
            now += 1;
            let h = st.hash(0, &format!("ip:{i}"));
            assert!(st.commit(h, &g, now, None).allowed);
        }
        assert!(st.len() <= 1024, "{}", st.len());
        assert!(st.evicted() >= 100_000 - 1024);
        // The most recent key is still limited.
        let h = st.hash(0, "ip:99999");
        assert!(!st.peek(h, &g, now).allowed);
    }

    #[test]
    fn expired_entries_go_first() {
        let st = Store::new(16, 1);
        let g = Gcra::new(1, Duration::from_secs(1), 1);
        for old in ["old1", "old2"] {
            st.commit(st.hash(0, old), &g, 1_000_000, None);
        }
        let mut keep = Vec::new();
        for i in 0..14 {
            let h = st.hash(0, &format!("k{i}"));
            st.commit(h, &g, 10_000_000, None);
            keep.push(h);
        }
        let newcomer = st.hash(0, "new");
        st.commit(newcomer, &g, 10_000_000, None);
        // The rested buckets were dropped (an eighth of the shard), none of the active ones.
        for h in keep {
            assert!(!st.peek(h, &g, 10_000_000).allowed);
        }
        assert_eq!(st.len(), 15);
    }

    #[test]
    fn dirty_counts_and_merge() {
        let st = Store::new(100, 2);
        let g = Gcra::new(10, Duration::from_secs(1), 10);
        let h = st.hash(0, "k");
        let now = 1_000_000_000;
        for _ in 0..3 {
            st.commit(h, &g, now, Some((g.interval_us, &|| "rk".to_string())));
        }
        let d = st.take_dirty();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].count, 3);
        assert_eq!(&*d[0].redis_key, "rk");
        assert!(st.take_dirty().is_empty());
        // Redis says the fleet is 8 requests ahead: only 2 left for us (burst 10).
        st.merge_global(h, now + 8 * g.interval_us, now);
        assert!(st.commit(h, &g, now, None).allowed);
        assert!(st.commit(h, &g, now, None).allowed);
        assert!(!st.commit(h, &g, now, None).allowed);
    }

    #[test]
    fn seeds_carry_the_local_state_of_remembered_buckets() {
        let st = Store::new(100, 2);
        let g = Gcra::new(10, Duration::from_secs(1), 10);
        let now = 1_000_000_000;
        // A strict bucket: Redis said the fleet is 7 requests ahead.
        let hs = st.hash(0, "strict");
        st.mirror(hs, now + 7 * g.interval_us, now, &|| "rk-strict".into());
        // The mirrored state is what a local fallback decides from: 3 left of 10.
        for _ in 0..3 {
            assert!(st.commit(hs, &g, now, None).allowed);
        }
        assert!(!st.commit(hs, &g, now, None).allowed);
        // A bucket admitted locally during an outage.
        let hl = st.hash(0, "local");
        assert!(st.commit(hl, &g, now, None).allowed);
        st.remember(hl, &|| "rk-local".into());
        // A bucket never remembered is not seeded.
        st.commit(st.hash(0, "other"), &g, now, None);
        let mut seeds = st.seeds(now);
        seeds.sort();
        assert_eq!(
            seeds,
            vec![
                (Arc::from("rk-local"), now + g.interval_us),
                (Arc::from("rk-strict"), now + 10 * g.interval_us),
            ]
        );
        // Once rested, a bucket is forgotten.
        assert!(st.seeds(now + 60_000_000).is_empty());
        assert!(st.seeds(now).is_empty());
    }
}
