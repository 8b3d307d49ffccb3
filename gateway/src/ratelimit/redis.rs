//! Redis across the fleet: connection (single node, Sentinel, Cluster), the two atomic Lua
//! scripts, the up/down state, and the background sync of async limits.
//!
//! Nothing here is ever awaited by a request except the strict script, under its deadline.
//! When Redis is marked down, strict limits go straight to their fail policy (no waiting);
//! the sync task probes every interval and flips back up by itself.
//!
//! **Health from the traffic itself.** Redis is marked down by any error, by
//! `down_after` (default 3) consecutive strict checks past their deadline (so a hung Redis costs at most
//! that many deadlines per burst of concurrent requests, not one per request for the whole
//! outage), and by a sync round or probe past `probe_timeout` (default 500 ms). While up with nothing to
//! sync, the sync task sends a `PING` every interval, so even an idle or strict-only instance
//! notices a hung Redis within `sync_interval + probe_timeout`. Before flipping back up it
//! re-seeds Redis with the local state of the buckets it remembers
//! ([`super::store::Store::seeds`]), so a restarted, empty Redis does not grant fresh bursts.

use super::gcra::Clock;
use super::metrics as m;
use super::policy::{Deployment, RedisSettings};
use super::store::{Dirty, Store};
use arc_swap::ArcSwapOption;
use redis::aio::MultiplexedConnection;
use redis::cluster_async::ClusterConnection;
use redis::{IntoConnectionInfo, RedisResult, Script};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Strict GCRA over every window of one limit and key, all or nothing.
/// KEYS: one TAT key per window. ARGV: now_us, then (T, B) per window.
/// Returns {allowed (0/1), retry_after_us, tat_1, …, tat_n} (TATs after the request).
const STRICT_LUA: &str = r#"
local now = tonumber(ARGV[1])
local tats = {}
local wait = 0
for i = 1, #KEYS do
  local t = tonumber(ARGV[2 * i])
  local b = tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then tat = now end
  local nt = tat + t
  local lim = now + t * b
  if nt > lim then
    if nt - lim > wait then wait = nt - lim end
    tats[i] = tat
  else
    tats[i] = nt
  end
end
if wait > 0 then
  local out = {0, wait}
  for i = 1, #KEYS do out[i + 2] = tats[i] end
  return out
end
local out = {1, 0}
for i = 1, #KEYS do
  redis.call('SET', KEYS[i], string.format('%d', tats[i]), 'PX', math.floor((tats[i] - now) / 1000) + 1000)
  out[i + 2] = tats[i]
end
return out
"#;

/// Async sync: add each instance's admitted counts to the global TATs, return them.
/// KEYS: TAT keys. ARGV: now_us, then (count, T) per key. Returns the new TATs.
const SYNC_LUA: &str = r#"
local now = tonumber(ARGV[1])
local out = {}
for i = 1, #KEYS do
  local n = tonumber(ARGV[2 * i])
  local t = tonumber(ARGV[2 * i + 1])
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then tat = now end
  tat = tat + n * t
  redis.call('SET', KEYS[i], string.format('%d', tat), 'PX', math.floor((tat - now) / 1000) + 1000)
  out[i] = tat
end
return out
"#;

/// Re-seed after an outage: `TAT := max(TAT, seeded)` per key.
/// KEYS: TAT keys. ARGV: now_us, then one TAT per key. Returns an empty list.
const SEED_LUA: &str = r#"
local now = tonumber(ARGV[1])
for i = 1, #KEYS do
  local t = tonumber(ARGV[i + 1])
  local cur = tonumber(redis.call('GET', KEYS[i]) or '0')
  if t > cur then
    redis.call('SET', KEYS[i], string.format('%d', t), 'PX', math.floor((t - now) / 1000) + 1000)
  end
end
return {}
"#;

#[derive(Clone)]
enum Conn {
    Plain(MultiplexedConnection),
    Cluster(ClusterConnection),
}

impl Conn {
    async fn run(
        &mut self,
        script: &Script,
        keys: &[String],
        args: &[u64],
    ) -> RedisResult<Vec<i64>> {
        let mut inv = script.prepare_invoke();
        for k in keys {
            inv.key(k);
        }
        for a in args {
            inv.arg(*a);
        }
        match self {
            Conn::Plain(c) => inv.invoke_async(c).await,
            Conn::Cluster(c) => inv.invoke_async(c).await,
        }
    }

    async fn ping(&mut self) -> RedisResult<String> {
        match self {
            Conn::Plain(c) => redis::cmd("PING").query_async::<String>(c).await,
            Conn::Cluster(c) => redis::cmd("PING").query_async::<String>(c).await,
        }
    }
}

/// The shared Redis handle: settings, the current connection, up/down.
pub struct RedisLink {
    pub settings: RedisSettings,
    conn: ArcSwapOption<Conn>,
    up: AtomicBool,
    /// Strict checks past their deadline in a row (reset by any answer).
    slow: AtomicU32,
    strict: Script,
    sync: Script,
    seed: Script,
}

/// Keys batched into one sync script call.
const BATCH: usize = 256;

impl RedisLink {
    pub fn new(settings: RedisSettings) -> Self {
        m::REDIS_UP.set(0);
        RedisLink {
            settings,
            conn: ArcSwapOption::empty(),
            up: AtomicBool::new(false),
            slow: AtomicU32::new(0),
            strict: Script::new(STRICT_LUA),
            sync: Script::new(SYNC_LUA),
            seed: Script::new(SEED_LUA),
        }
    }

    pub fn is_up(&self) -> bool {
        self.up.load(Ordering::Relaxed)
    }

    /// Record a state change: logged once per change, exposed as a gauge.
    pub fn set_up(&self, up: bool, why: &str) {
        self.slow.store(0, Ordering::Relaxed);
        if self.up.swap(up, Ordering::Relaxed) != up {
            m::REDIS_UP.set(i64::from(up));
            m::REDIS_TRANSITIONS
                .with_label_values(&[if up { "up" } else { "down" }])
                .inc();
            if up {
                tracing::warn!(target: "ratelimit", "redis is up: fleet-wide rate limits resumed");
            } else {
                tracing::warn!(target: "ratelimit", reason = %why, "redis is down: rate limits fall back to their fail policy");
            }
        }
    }

    /// A key of limit `limit` for client `key`; windows of one limit and key share a hash
    /// tag, so a strict multi-window script stays in one Cluster slot.
    pub fn key(&self, limit: &str, key: &str, suffix: &str) -> String {
        format!("{}{{{limit}:{key}}}:{suffix}", self.settings.key_prefix)
    }

    async fn connect(&self) -> RedisResult<Conn> {
        let s = &self.settings;
        // The client's own timeouts only back up the deadlines each call sets (strict
        // `timeout`, `probe_timeout`): never shorter than either, or they would decide first.
        let t = Duration::from_secs(1).max(s.timeout).max(s.probe_timeout);
        let cfg = redis::AsyncConnectionConfig::new()
            .set_connection_timeout(Some(t))
            .set_response_timeout(Some(t));
        let with_auth = |u: &str| -> RedisResult<redis::ConnectionInfo> {
            let info = u.into_connection_info()?;
            let mut rs = info.redis_settings().clone();
            if let Some(user) = &s.username {
                rs = rs.set_username(user);
            }
            if let Some(p) = &s.password {
                rs = rs.set_password(p.expose());
            }
            Ok(info.set_redis_settings(rs))
        };
        match s.deployment {
            Deployment::Single => {
                let client = redis::Client::open(with_auth(&s.urls[0])?)?;
                Ok(Conn::Plain(
                    client
                        .get_multiplexed_async_connection_with_config(&cfg)
                        .await?,
                ))
            }
            Deployment::Cluster => {
                let mut b = redis::cluster::ClusterClient::builder(s.urls.clone())
                    .connection_timeout(t)
                    .response_timeout(t);
                if let Some(user) = &s.username {
                    b = b.username(user);
                }
                if let Some(p) = &s.password {
                    b = b.password(p.expose());
                }
                Ok(Conn::Cluster(b.build()?.get_async_connection().await?))
            }
            Deployment::Sentinel => {
                let mut rs = redis::RedisConnectionInfo::default();
                if let Some(user) = &s.username {
                    rs = rs.set_username(user);
                }
                if let Some(p) = &s.password {
                    rs = rs.set_password(p.expose());
                }
                let node = redis::sentinel::SentinelNodeConnectionInfo::default()
                    .set_redis_connection_info(rs);
                let mut client = redis::sentinel::SentinelClient::build(
                    s.urls.clone(),
                    s.master_name.clone().unwrap_or_default(),
                    Some(node),
                    redis::sentinel::SentinelServerType::Master,
                )?;
                Ok(Conn::Plain(client.get_async_connection().await?))
            }
        }
    }

    fn current(&self) -> Option<Conn> {
        self.conn.load_full().map(|c| (*c).clone())
    }

    /// One strict check: `Some((allowed, retry_after_us, tats))`, or `None` when Redis is
    /// down, slow past the deadline, or failing (the caller applies the fail policy).
    pub async fn strict(&self, keys: &[String], args: &[u64]) -> Option<(bool, u64, Vec<u64>)> {
        if !self.is_up() {
            return None;
        }
        let mut conn = self.current()?;
        let t0 = Instant::now();
        let r =
            tokio::time::timeout(self.settings.timeout, conn.run(&self.strict, keys, args)).await;
        m::REDIS_LATENCY
            .with_label_values(&["strict"])
            .observe(t0.elapsed().as_secs_f64());
        match r {
            Ok(Ok(v)) if v.len() == keys.len() + 2 => {
                self.slow.store(0, Ordering::Relaxed);
                Some((
                    v[0] == 1,
                    v[1].max(0) as u64,
                    v[2..].iter().map(|x| (*x).max(0) as u64).collect(),
                ))
            }
            Ok(Ok(_)) => {
                m::REDIS_ERRORS.with_label_values(&["strict"]).inc();
                None
            }
            Ok(Err(e)) => {
                m::REDIS_ERRORS.with_label_values(&["strict"]).inc();
                self.set_up(false, &e.to_string());
                None
            }
            Err(_) => {
                // This request gets the fail policy. One slow answer is load; several in a
                // row (every concurrent request, when Redis hangs) mean Redis is down.
                m::REDIS_ERRORS.with_label_values(&["strict_timeout"]).inc();
                let n = self.slow.fetch_add(1, Ordering::Relaxed) + 1;
                if n >= self.settings.down_after {
                    self.set_up(
                        false,
                        &format!(
                            "{n} strict checks in a row past their {:?} deadline",
                            self.settings.timeout
                        ),
                    );
                }
                None
            }
        }
    }

    /// One sync round: connect if needed, send every pending count, fold the global TATs
    /// back in. When Redis is down the pending counts are dropped (not replayed later).
    pub async fn sync_once(&self, store: &Store, clock: &dyn Clock) {
        let dirty = store.take_dirty();
        let mut conn = match self.current() {
            Some(c) => c,
            None => match tokio::time::timeout(Duration::from_secs(2), self.connect()).await {
                Ok(Ok(c)) => {
                    self.conn.store(Some(Arc::new(c.clone())));
                    c
                }
                Ok(Err(e)) => {
                    m::REDIS_ERRORS.with_label_values(&["connect"]).inc();
                    self.set_up(false, &e.to_string());
                    return;
                }
                Err(_) => {
                    m::REDIS_ERRORS.with_label_values(&["connect"]).inc();
                    self.set_up(false, "connect timed out");
                    return;
                }
            },
        };
        let deadline = self.settings.probe_timeout.max(self.settings.timeout);
        if !self.is_up() {
            // Back? Re-seed first, so no decision is made against a restarted, empty Redis.
            // Counts admitted while down are not replayed: the seeds carry them.
            match tokio::time::timeout(deadline, conn.ping()).await {
                Ok(Ok(_)) => {}
                _ => {
                    m::REDIS_ERRORS.with_label_values(&["ping"]).inc();
                    self.conn.store(None);
                    return;
                }
            }
            match self.reseed(&conn, store, clock.now_us(), deadline).await {
                Ok(n) => {
                    if n > 0 {
                        tracing::info!(target: "ratelimit", buckets = n, "redis re-seeded with the local bucket state");
                    }
                    self.set_up(true, "");
                }
                Err(e) => {
                    m::REDIS_ERRORS.with_label_values(&["seed"]).inc();
                    tracing::debug!(target: "ratelimit", error = %e, "re-seeding redis failed");
                    self.conn.store(None);
                }
            }
            return;
        }
        if dirty.is_empty() {
            // The health probe: with strict-only traffic (or none) nothing else would notice a
            // hung Redis.
            let why = match tokio::time::timeout(deadline, conn.ping()).await {
                Ok(Ok(_)) => return,
                Ok(Err(e)) => e.to_string(),
                Err(_) => format!("no answer to PING within {deadline:?}"),
            };
            m::REDIS_ERRORS.with_label_values(&["ping"]).inc();
            self.set_up(false, &why);
            self.conn.store(None);
            return;
        }
        let now = clock.now_us();
        let groups = group(dirty, matches!(conn, Conn::Cluster(_)));
        let t0 = Instant::now();
        let mut set = tokio::task::JoinSet::new();
        for g in groups {
            let mut c = conn.clone();
            let script = self.sync.clone();
            set.spawn(async move {
                let keys: Vec<String> = g.iter().map(|d| d.redis_key.to_string()).collect();
                let mut args = Vec::with_capacity(1 + 2 * g.len());
                args.push(now);
                for d in &g {
                    args.push(d.count);
                    args.push(d.interval_us);
                }
                let r = tokio::time::timeout(deadline, c.run(&script, &keys, &args)).await;
                (g, r)
            });
        }
        let mut failed: Option<String> = None;
        while let Some(res) = set.join_next().await {
            match res {
                Ok((g, Ok(Ok(tats)))) if tats.len() == g.len() => {
                    for (d, tat) in g.iter().zip(tats) {
                        store.merge_global(d.hash, tat.max(0) as u64, now);
                    }
                }
                Ok((_, Ok(Err(e)))) => failed = Some(e.to_string()),
                Ok((_, Err(_))) => {
                    failed = Some(format!("sync round past its {deadline:?} deadline"))
                }
                _ => failed = Some("unexpected sync reply".into()),
            }
        }
        m::REDIS_LATENCY
            .with_label_values(&["sync"])
            .observe(t0.elapsed().as_secs_f64());
        match failed {
            None => self.set_up(true, ""),
            Some(e) => {
                m::REDIS_ERRORS.with_label_values(&["sync"]).inc();
                self.set_up(false, &e);
                // Reconnect next round (a Sentinel failover gives a new master).
                self.conn.store(None);
            }
        }
    }
}

impl RedisLink {
    /// Write `max(Redis TAT, local TAT)` for every remembered bucket; the number written.
    async fn reseed(
        &self,
        conn: &Conn,
        store: &Store,
        now: u64,
        deadline: Duration,
    ) -> Result<usize, String> {
        let seeds = store.seeds(now);
        let n = seeds.len();
        let cluster = matches!(conn, Conn::Cluster(_));
        let mut batches: Vec<Vec<(Arc<str>, u64)>> = Vec::new();
        if cluster {
            let mut by_slot: std::collections::HashMap<u16, Vec<(Arc<str>, u64)>> =
                Default::default();
            for s in seeds {
                by_slot.entry(slot(&s.0)).or_default().push(s);
            }
            for (_, v) in by_slot {
                batches.extend(v.chunks(BATCH).map(|c| c.to_vec()));
            }
        } else {
            batches.extend(seeds.chunks(BATCH).map(|c| c.to_vec()));
        }
        let mut set = tokio::task::JoinSet::new();
        for b in batches {
            let mut c = conn.clone();
            let script = self.seed.clone();
            set.spawn(async move {
                let keys: Vec<String> = b.iter().map(|(k, _)| k.to_string()).collect();
                let mut args = Vec::with_capacity(1 + b.len());
                args.push(now);
                args.extend(b.iter().map(|(_, t)| *t));
                tokio::time::timeout(deadline, c.run(&script, &keys, &args)).await
            });
        }
        while let Some(r) = set.join_next().await {
            match r {
                Ok(Ok(Ok(_))) => {}
                Ok(Ok(Err(e))) => return Err(e.to_string()),
                Ok(Err(_)) => return Err("seed past its deadline".into()),
                Err(e) => return Err(e.to_string()),
            }
        }
        Ok(n)
    }
}

/// Batches for one script call each: chunks of `BATCH`; on a Cluster, by hash slot too
/// (a script's keys must live in one slot).
fn group(dirty: Vec<Dirty>, cluster: bool) -> Vec<Vec<Dirty>> {
    let mut out: Vec<Vec<Dirty>> = Vec::new();
    if cluster {
        let mut by_slot: std::collections::HashMap<u16, Vec<Dirty>> = Default::default();
        for d in dirty {
            by_slot.entry(slot(&d.redis_key)).or_default().push(d);
        }
        for (_, v) in by_slot {
            for c in v.chunks(BATCH) {
                out.push(c.to_vec());
            }
        }
    } else {
        for c in dirty.chunks(BATCH) {
            out.push(c.to_vec());
        }
    }
    out
}

/// Redis Cluster hash slot: CRC16/XMODEM of the hash tag (or the key) mod 16384.
pub fn slot(key: &str) -> u16 {
    let b = key.as_bytes();
    let tagged = b.iter().position(|&c| c == b'{').and_then(|s| {
        b[s + 1..]
            .iter()
            .position(|&c| c == b'}')
            .filter(|&len| len > 0)
            .map(|len| &b[s + 1..s + 1 + len])
    });
    let data = tagged.unwrap_or(b);
    let mut crc: u16 = 0;
    for &byte in data {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc % 16384
}

/// The Pingora background service: one sync round per interval until shutdown.
pub struct SyncService {
    pub link: Option<Arc<RedisLink>>,
    pub store: Arc<Store>,
    pub clock: Arc<dyn Clock>,
}

#[async_trait::async_trait]
impl pingora::services::background::BackgroundService for SyncService {
    async fn start(&self, mut shutdown: pingora::server::ShutdownWatch) {
        let every = self
            .link
            .as_ref()
            .map(|l| l.settings.sync_interval)
            .unwrap_or(Duration::from_secs(1));
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = shutdown.changed() => return,
                _ = tick.tick() => {}
            }
            if let Some(l) = &self.link {
                l.sync_once(&self.store, self.clock.as_ref()).await;
            }
            m::TRACKED_KEYS.set(self.store.len() as i64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_slots_match_redis() {
        // Values from the Redis Cluster specification / CLUSTER KEYSLOT.
        assert_eq!(slot("123456789"), 12739);
        assert_eq!(slot("foo"), 12182);
        assert_eq!(slot("{user1000}.following"), slot("{user1000}.followers"));
        // Hash tags (the specification's examples): the first `{…}` with something inside.
        assert_eq!(slot("{user1000}.following"), 3443); // = slot("user1000")
        assert_eq!(slot("user1000"), 3443);
        assert_eq!(slot("foo{bar}{zap}"), 5061); // "bar"
        assert_eq!(slot("foo{{bar}}zap"), 4015); // "{bar"
                                                 // An empty first tag: the whole key is hashed, not "bar" (5061).
        assert_eq!(slot("foo{}{bar}"), 8363);
    }
}
