#!/usr/bin/env python3
"""Interleaved rounds for deploy/bench/compare.sh: wrk on one core, servers on another.

For every measurement it reads, from /proc: the CPU time of the scenario's proxy (the whole
process tree: nginx's workers are children of its master), the busy time of both cores, and
wrk's own CPU time (as our child). Busy time on the server core not spent by our own server
processes, or on the client core not spent by wrk, is noise from elsewhere: a measurement with
more than NOISE_PCT % of either core is repeated (3 tries) and flagged if it stays noisy.

Args: scenarios.tsv rounds duration conns client_cpu server_cpu noise_pct "server pids"
      ["client pids": the client's own helpers on the client core (a client-side proxy, the
      trace sink), counted with wrk, not as noise]
Env: UPSTREAM_PID: the upstream's process (its tree): its CPU time a request is printed too. It
      shares the proxies' core, so it is part of every row's req/s, and what it costs a request
      depends on the proxy in front (how many requests it finds waiting each time it runs).
"""
import os
import resource
import statistics as st
import subprocess
import sys
import time

spec, rounds, duration, conns, ccpu, scpu, noise_pct, server_pids = sys.argv[1:9]
client_pids = sys.argv[9] if len(sys.argv) > 9 else ""
upstream_pid = int(os.environ.get("UPSTREAM_PID") or 0)
rounds, conns, noise_pct = int(rounds), int(conns), float(noise_pct)
HZ = os.sysconf("SC_CLK_TCK")
scen = []
for line in open(spec):
    name, pid, url, args = line.rstrip("\n").split("\t")
    scen.append((name, int(pid), url, [a for a in args.split("|") if a]))


def tree(root):
    """root and all its descendants."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                f = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
                kids.setdefault(int(f[1]), []).append(int(d))
            except OSError:
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def ticks(pids):
    t = 0
    for p in pids:
        try:
            f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            t += int(f[11]) + int(f[12])  # utime + stime
        except OSError:
            pass
    return t


def core_busy(cpu):
    for line in open("/proc/stat"):
        if line.startswith(f"cpu{cpu} "):
            v = [int(x) for x in line.split()[1:]]
            return v[0] + v[1] + v[2]  # user + nice + system (irq/softirq are not charged to tasks)
    return 0


def seconds(v):
    for u, f in (("us", 1e-6), ("ms", 1e-3), ("s", 1.0), ("m", 60.0)):
        if v.endswith(u):
            return float(v[: -len(u)]) * f
    return float(v)


def measure(name, pid, url, args):
    all_server = [q for p in server_pids.split() for q in tree(int(p))]
    mine = tree(pid)
    helpers = [q for p in client_pids.split() for q in tree(int(p))]
    up = tree(upstream_pid) if upstream_pid else []
    t0, s0, c0, a0 = ticks(mine), core_busy(scpu), core_busy(ccpu), ticks(all_server)
    h0, u0 = ticks(helpers), ticks(up)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall0 = time.monotonic()
    out = subprocess.run(
        ["taskset", "-c", ccpu, "wrk", "-t1", f"-c{conns}", f"-d{duration}", "--latency", *args, url],
        capture_output=True, text=True,
    ).stdout
    wall = time.monotonic() - wall0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t1, s1, c1, a1 = ticks(mine), core_busy(scpu), core_busy(ccpu), ticks(all_server)
    u1 = ticks(up)
    wrk_ticks = (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * HZ + ticks(helpers) - h0
    span = wall * HZ
    noise_s = max(0.0, (s1 - s0) - (a1 - a0)) / span * 100
    noise_c = max(0.0, (c1 - c0) - wrk_ticks) / span * 100
    rps = reqs = p50 = p99 = None
    non2xx = 0
    for line in out.splitlines():
        w = line.split()
        if "Requests/sec" in line:
            rps = float(w[1])
        elif "requests in" in line:
            reqs = int(w[0])
        elif w[:1] == ["50%"]:
            p50 = seconds(w[1])
        elif w[:1] == ["99%"]:
            p99 = seconds(w[1])
        elif "Non-2xx" in line:
            non2xx = int(w[-1])
    if not reqs:
        sys.exit(f"{name}: wrk measured nothing:\n{out}")
    cpu = (t1 - t0) / HZ * 1e6 / reqs
    upcpu = (u1 - u0) / HZ * 1e6 / reqs
    return dict(rps=rps, p50=p50, p99=p99, cpu=cpu, up=upcpu, core=cpu + upcpu, non2xx=non2xx,
                noise=max(noise_s, noise_c))


rows = {}
UPH = f"{'up µs/req':>10}" if upstream_pid else ""
up_col = (lambda m: f"{m['up']:>10.1f}") if upstream_pid else (lambda m: "")
print(f"{'rnd':<4}{'scenario':<13}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'cpu µs/req':>11}{UPH}{'noise %':>9}")
for r in range(1, rounds + 1):
    for name, pid, url, args in scen:
        for attempt in range(3):
            m = measure(name, pid, url, args)
            if m["noise"] <= noise_pct:
                break
        m["noisy"] = m["noise"] > noise_pct
        rows.setdefault(name, []).append(m)
        flag = " NOISY" if m["noisy"] else ""
        extra = f" non-2xx={m['non2xx']}" if m["non2xx"] else ""
        print(f"{r:<4}{name:<13}{m['rps']:>10.0f}{m['p50']*1e3:>9.2f}{m['p99']*1e3:>9.2f}{m['cpu']:>11.1f}{up_col(m)}{m['noise']:>9.1f}{flag}{extra}", flush=True)

clean = {n: [m for m in ms if not m["noisy"]] or ms for n, ms in rows.items()}
print()
print(f"{'median of rounds':<17}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'cpu µs/req':>11}{UPH}")
med = {}
for name, *_ in scen:
    ms = clean[name]
    med[name] = {k: st.median(m[k] for m in ms) for k in ("rps", "p50", "p99", "cpu", "up", "core")}
    d = med[name]
    dropped = len(rows[name]) - len([m for m in rows[name] if not m["noisy"]])
    note = f"  ({dropped} noisy round(s) kept: no clean one)" if dropped and clean[name] is rows[name] else (
        f"  ({dropped} noisy round(s) left out)" if dropped else "")
    print(f"{name:<17}{d['rps']:>10.0f}{d['p50']*1e3:>9.2f}{d['p99']*1e3:>9.2f}{d['cpu']:>11.1f}{up_col(d)}{note}")


def per_round(a, b, key):
    """median over rounds of a/b, rounds paired by index (both clean)."""
    ra, rb = rows.get(a), rows.get(b)
    if not ra or not rb:
        return None
    pairs = [(x[key], y[key]) for x, y in zip(ra, rb) if not x["noisy"] and not y["noisy"] and y[key]]
    if not pairs:
        pairs = [(x[key], y[key]) for x, y in zip(ra, rb) if y[key]]
    return st.median(x / y for x, y in pairs), [x / y for x, y in pairs]


print()
GOALS = [
    ("gw-pass", "nginx", "cpu", "pass-through CPU/request vs nginx", "<=", 1.5),
    ("gw-pass", "haproxy", "cpu", "pass-through CPU/request vs HAProxy", "<=", 1.5),
    ("gw-full", "haproxy-jwt", "rps", "full stack req/s vs HAProxy-JWT", ">=", 1.5),
    ("gw-full", "haproxy-jwt", "cpu", "full stack CPU/request vs HAProxy-JWT", None, None),
    ("gw-full", "haproxy-jwt", "up", "upstream CPU/request behind the full stack vs behind HAProxy-JWT", None, None),
    ("gw-full", "haproxy-jwt", "core", "full stack server-core time/request (proxy + upstream) vs HAProxy-JWT", None, None),
    ("gw-body", "haproxy-jwt", "rps", "full stack + 1 KiB validated body req/s vs HAProxy-JWT", ">=", 1.0),
    ("gw-forged", "haproxy-jwt", "rps", "forged token req/s vs HAProxy-JWT", ">=", 1.0),
    ("gw-tls", "nginx-tls", "rps", "HTTPS keep-alive req/s vs nginx", ">=", 0.8),
    ("gw-hs", "nginx-hs", "rps", "new TLS 1.3 handshakes/s vs nginx", ">=", 0.9),
    ("gw-full", "nginx", "p99", "full stack p99 vs nginx p99", "<=", 2.0),
    # This build against BEFORE_BIN's, same configuration, same rounds (issue 13's goal).
    ("gw-pass", "gw-pass-before", "rps", "pass-through req/s vs BEFORE_BIN", ">=", 1.0),
    ("gw-pass", "gw-pass-before", "cpu", "pass-through CPU/request vs BEFORE_BIN", None, None),
    ("gw-full", "gw-full-before", "rps", "full stack req/s vs BEFORE_BIN", ">=", 1.0),
    ("gw-full", "gw-full-before", "cpu", "full stack CPU/request vs BEFORE_BIN", None, None),
    ("gw-body", "gw-body-before", "rps", "full stack + body req/s vs BEFORE_BIN", ">=", 1.0),
    ("gw-body", "gw-body-before", "cpu", "full stack + body CPU/request vs BEFORE_BIN", None, None),
    ("gw-forged", "gw-forged-before", "rps", "forged token req/s vs BEFORE_BIN", ">=", 1.0),
    ("gw-forged", "gw-forged-before", "cpu", "forged token CPU/request vs BEFORE_BIN", None, None),
    ("gw-tls", "gw-tls-before", "rps", "HTTPS keep-alive req/s vs BEFORE_BIN", ">=", 1.0),
    ("gw-tls", "gw-tls-before", "cpu", "HTTPS keep-alive CPU/request vs BEFORE_BIN", None, None),
    # What the fleet features cost (no goal: the figures issue 14 asks for).
    ("gw-otel100", "gw-full", "cpu", "OTLP export 100 % CPU/request vs export off", None, None),
    ("gw-otel100", "gw-full", "rps", "OTLP export 100 % req/s vs export off", None, None),
    ("gw-otel1", "gw-full", "cpu", "OTLP export 1 % CPU/request vs export off", None, None),
    ("gw-otel1", "gw-full", "rps", "OTLP export 1 % req/s vs export off", None, None),
    ("gw-via-cert", "gw-via-anon", "cpu", "client certificate credential CPU/request vs anonymous (keep-alive TLS)", None, None),
    ("gw-via-cert", "gw-via-jwt", "cpu", "client certificate credential CPU/request vs cached RS256 token", None, None),
    ("gw-hs-cert", "gw-hs-anon", "cpu", "handshake with a client certificate CPU vs without", None, None),
    ("gw-hs-cert", "gw-hs-anon", "rps", "handshakes/s with a client certificate vs without", None, None),
    ("gw-status", "gw-full", "cpu", "one status page render CPU vs one full-stack request", None, None),
]
for a, b, key, label, op, goal in GOALS:
    if key in ("up", "core") and not upstream_pid:
        continue
    r = per_round(a, b, key)
    if r is None:
        continue
    m, each = r
    verdict = ""
    if goal is not None:
        ok = m <= goal if op == "<=" else m >= goal
        verdict = f"  goal {op} {goal}: {'met' if ok else 'NOT met'}"
    # The ratio of the two medians of the table above: an outlying round can put it on the
    # other side of a goal than the median of the per-round ratios, the goal's measure.
    whole = ""
    if a in med and b in med and med[b][key]:
        x = med[a][key] / med[b][key]
        whole = f"; ratio of the medians {x:.2f}"
        if goal is not None and (x <= goal if op == "<=" else x >= goal) != ok:
            whole += " (on the other side of the goal)"
    print(f"{label}: {m:.2f}{verdict}  (per round: {', '.join(f'{x:.2f}' for x in each)}{whole})")
