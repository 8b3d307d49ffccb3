# Shared helpers of the load scripts (sourced, not run).
#
# Noise on a 2-core machine is as large as the costs we measure, so every script runs its
# scenarios in ROUNDS interleaved rounds (A B C, A B C, ...) and reports, for each cost, the
# median over rounds of the per-round ratio: two scenarios of one round ran seconds apart.
#
# Env: ROUNDS (3), DURATION (5s per scenario per round), CONNS (64), THREADS (2).

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
RESULTS=${RESULTS:-$(mktemp /tmp/gateway-bench-results.XXXXXX)}
: > "$RESULTS"
# PID_OF[scenario]=pid: the proxy process whose CPU time per request `measure` reports. CPU
# µs/request is far steadier than req/s here, and says what a feature costs the gateway itself.
declare -A PID_OF=()

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1" >&2; return 1; }

# measure ROUND NAME URL [wrk args...]: one wrk run; prints and records req/s, p50, p99.
measure() {
  local round=$1 name=$2 url=$3; shift 3
  local out rps p50 p99 non2xx reqs pid=${PID_OF[$name]:-} t0=0 t1=0 cpu=-
  [ -n "$pid" ] && t0=$(cpu_ticks "$pid")
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$@" "$url")
  [ -n "$pid" ] && t1=$(cpu_ticks "$pid")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  [ -n "$pid" ] && cpu=$(awk -v d=$((t1 - t0)) -v n="$reqs" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", d / hz * 1e6 / n }')
  printf '%-3s %-16s %12s %10s %10s %9s %s\n' "$round" "$name" "$rps" "$p50" "$p99" "$cpu" "${non2xx:+non-2xx=$non2xx}"
  echo "$round $name $rps $p50 $p99 $reqs ${non2xx:-0} $cpu" >> "$RESULTS"
}

# warm URL [wrk args...]: two seconds of load, not recorded.
warm() { local url=$1; shift; wrk -t"$THREADS" -c"$CONNS" -d2s "$@" "$url" >/dev/null 2>&1 || true; }

header() { printf '%-3s %-16s %12s %10s %10s %9s\n' rnd scenario req/s p50 p99 "cpu µs/req"; }

# summary NAME...: median req/s, p50 and p99 of each scenario over the rounds.
summary() {
  python3 - "$RESULTS" "$@" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def ms(v):
    for u, f in (("us", 1e-3), ("ms", 1.0), ("s", 1e3)):
        if v.endswith(u):
            return float(v[: -len(u)]) * f
    return float(v)
print(f"{'median of rounds':<20} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'proxy cpu µs/req':>17}")
for n in sys.argv[2:]:
    r = [x for x in rows if x[1] == n]
    if r:
        cpu = [float(x[7]) for x in r if len(x) > 7 and x[7] != "-"]
        c = f"{st.median(cpu):>17.1f}" if cpu else f"{'-':>17}"
        print(f"{n:<20} {st.median(float(x[2]) for x in r):>10.0f} {st.median(ms(x[3]) for x in r):>8.2f} {st.median(ms(x[4]) for x in r):>8.2f} {c}")
PY
}

# cost A B LABEL [GOAL]: median over rounds of req/s(A)/req/s(B), printed as a cost in %
# (1 - A/B) with the per-round values, so the spread is visible.
cost() {
  python3 - "$RESULTS" "$@" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
a, b, label = sys.argv[2:5]
goal = sys.argv[5] if len(sys.argv) > 5 else ""
ra = {x[0]: float(x[2]) for x in rows if x[1] == a}
rb = {x[0]: float(x[2]) for x in rows if x[1] == b}
per = [(1 - ra[k] / rb[k]) * 100 for k in sorted(ra, key=int) if k in rb and rb[k] > 0]
if per:
    g = f" (goal <= {goal}%)" if goal else ""
    print(f"{label}: {st.median(per):.1f}% median req/s cost{g}; per round: " + ", ".join(f"{p:.1f}%" for p in per))
ca = [float(x[7]) for x in rows if x[1] == a and len(x) > 7 and x[7] != "-"]
cb = [float(x[7]) for x in rows if x[1] == b and len(x) > 7 and x[7] != "-"]
if ca and cb:
    ma, mb = st.median(ca), st.median(cb)
    print(f"  proxy CPU per request: {ma:.1f} vs {mb:.1f} µs (+{ma - mb:.1f} µs, {(ma / mb - 1) * 100:+.1f}%)")
PY
}

# ratio A B LABEL: median over rounds of req/s(A)/req/s(B).
ratio() {
  python3 - "$RESULTS" "$@" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
a, b, label = sys.argv[2:5]
ra = {x[0]: float(x[2]) for x in rows if x[1] == a}
rb = {x[0]: float(x[2]) for x in rows if x[1] == b}
per = [ra[k] / rb[k] for k in sorted(ra, key=int) if k in rb and rb[k] > 0]
if per:
    print(f"{label}: {st.median(per):.2f} (per round: " + ", ".join(f"{p:.2f}" for p in per) + ")")
PY
}
