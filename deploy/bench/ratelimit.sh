#!/usr/bin/env bash
# Rate limiting, end to end, in one run: req/s through the gateway with limits off, with an
# async limit synced through Redis, and with a strict limit (one Redis script per request);
# and Redis commands per request from INFO commandstats (async: ~0).
#
# Plain HTTP on loopback on both sides so that the limiter, not TLS, is what differs.
# Needs: wrk, nginx, redis-server, redis-cli. Usage: deploy/bench/ratelimit.sh [seconds] [connections]
set -euo pipefail
DUR=${1:-10}
CONNS=${2:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
cargo build --release -p gateway >/dev/null 2>&1 || cargo build --release -p gateway
BIN=$ROOT/target/release/gateway
W=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

UP=$(port); RP=$(port)
mkdir -p "$W/nginx/logs"
cat >"$W/nginx/nginx.conf" <<NGINX
worker_processes 1; daemon off; error_log $W/nginx/logs/error.log; pid $W/nginx/nginx.pid;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$UP; keepalive_requests 100000;
  location / { default_type text/plain; return 200 "ok\n"; } } }
NGINX
nginx -p "$W/nginx" -c "$W/nginx/nginx.conf" & PIDS+=($!)
redis-server --port "$RP" --bind 127.0.0.1 --save "" --appendonly no >/dev/null & PIDS+=($!)
for _ in $(seq 100); do redis-cli -p "$RP" ping >/dev/null 2>&1 && break; sleep 0.05; done

run_case() { # name, rate_limits yaml (or empty)
  local name=$1 rl=$2 d="$W/$1" gp ap
  gp=$(port); ap=$(port)
  mkdir -p "$d/policies" "$d/openapi"
  cat >"$d/gateway.yaml" <<G
server: {threads: 2, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1}
listeners: [{address: "127.0.0.1:$gp", plaintext: true}]
admin: {address: "127.0.0.1:$ap"}
paths: {policies: policies, openapi: openapi}
G
  cat >"$d/policies/upstreams.yaml" <<U
upstreams:
  svc: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
U
  [ -n "$rl" ] && printf '%s\n' "$rl" >"$d/policies/ratelimits.yaml"
  cat >"$d/openapi/svc.yaml" <<S
openapi: 3.0.3
info: {title: svc, version: "1"}
x-gateway: {upstream: svc}
security: []
paths:
  /orders: {get: {responses: {"200": {description: ok}}}}
S
  GATEWAY_LOG=error "$BIN" run -c "$d/gateway.yaml" 2>"$d/log" & local gpid=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$ap/readyz" >/dev/null && break; sleep 0.05; done
  redis-cli -p "$RP" config resetstat >/dev/null
  local out rps reqs calls
  out=$(wrk -t2 -c"$CONNS" -d"${DUR}s" "http://127.0.0.1:$gp/orders")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  calls=$(redis-cli -p "$RP" info commandstats | tr -d '\r' | awk -F'[=,]' '/^cmdstat_eval/ {s+=$2} END {print s+0}')
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  printf '%-28s %10s req/s  %9s requests  %6s non-2xx  %8s Redis script calls (%s per request)\n' \
    "$name" "$rps" "$reqs" "$non2xx" "$calls" "$(python3 -c "print(round($calls/max($reqs,1),4))")"
  echo "$rps" >"$W/$name.rps"
  kill "$gpid"; wait "$gpid" 2>/dev/null || true
}

REDIS="redis: {urls: [\"redis://127.0.0.1:$RP/\"], sync_interval: 100ms, timeout: 5ms}"
echo "wrk -t2 -c$CONNS -d${DUR}s, loopback, plain HTTP, 2 gateway threads"
run_case off ""
run_case async "rate_limits:
  $REDIS
  limits:
    per-ip: {key: ip, per_second: 1000000000}"
run_case async-local-only "rate_limits:
  limits:
    per-ip: {key: ip, per_second: 1000000000}"
run_case strict "rate_limits:
  $REDIS
  limits:
    per-ip: {key: ip, per_second: 1000000000, mode: strict}"
python3 - "$W" <<'PY'
import sys
w = sys.argv[1]
r = {n: float(open(f"{w}/{n}.rps").read()) for n in ["off", "async", "async-local-only", "strict"]}
for n in ["async", "async-local-only", "strict"]:
    print(f"{n:>18} vs off: {r[n] / r['off']:.3f} ({(1 - r[n] / r['off']) * 100:+.1f}% cost)")
PY
