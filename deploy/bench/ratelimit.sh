#!/usr/bin/env bash
# Rate limiting, end to end, in one run: req/s through the gateway with limits off, with an
# async limit synced through Redis, and with a strict limit (one Redis script per request);
# and Redis commands per request from INFO commandstats (async: ~0). The four gateways run side
# by side and are loaded in turn, interleaved over ROUNDS rounds (deploy/bench/lib.sh).
#
# Plain HTTP on loopback on both sides so that the limiter, not TLS, is what differs.
# Needs: wrk, nginx, redis-server, redis-cli. Env: ROUNDS (5), DURATION (5s), CONNS (32).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
CONNS=${CONNS:-32}
source deploy/bench/lib.sh
cargo build --release -p gateway >/dev/null 2>&1 || cargo build --release -p gateway
BIN=$ROOT/target/release/gateway
W=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT
port() { free_port; }

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

declare -A URL_OF=() ADMIN_OF=()
start_case() { # name, rate_limits yaml (or empty)
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
  GATEWAY_LOG=error "$BIN" run -c "$d/gateway.yaml" 2>"$d/log" & PIDS+=($!)
  PID_OF[$name]=$!
  URL_OF[$name]="http://127.0.0.1:$gp/orders"
  ADMIN_OF[$name]="http://127.0.0.1:$ap/readyz"
}

REDIS="redis: {urls: [\"redis://127.0.0.1:$RP/\"], sync_interval: 100ms, timeout: 5ms}"
start_case off ""
start_case async "rate_limits:
  $REDIS
  limits:
    per-ip: {key: ip, per_second: 1000000000}"
start_case async-local-only "rate_limits:
  limits:
    per-ip: {key: ip, per_second: 1000000000}"
start_case strict "rate_limits:
  $REDIS
  limits:
    per-ip: {key: ip, per_second: 1000000000, mode: strict}"
CASES="off async async-local-only strict"
for c in $CASES; do wait_http "${ADMIN_OF[$c]}"; warm "${URL_OF[$c]}"; done

echo "wrk -t$THREADS -c$CONNS -d$DURATION x $ROUNDS rounds, loopback, plain HTTP, 2 gateway threads each"
header
declare -A CALLS=() REQS=()
for r in $(seq "$ROUNDS"); do
  for c in $CASES; do
    redis-cli -p "$RP" config resetstat >/dev/null
    measure "$r" "$c" "${URL_OF[$c]}"
    calls=$(redis-cli -p "$RP" info commandstats | tr -d '\r' | awk -F'[=,]' '/^cmdstat_(eval|evalsha)/ {s+=$2} END {print s+0}')
    CALLS[$c]=$(( ${CALLS[$c]:-0} + calls ))
    REQS[$c]=$(( ${REQS[$c]:-0} + $(awk -v c="$c" -v r="$r" '$1==r && $2==c {print $6}' "$RESULTS") ))
  done
done
echo
summary $CASES
echo
for c in $CASES; do
  printf '%-18s Redis script calls: %8s for %9s requests (%s per request)\n' "$c" "${CALLS[$c]}" "${REQS[$c]}" \
    "$(python3 -c "print(round(${CALLS[$c]}/max(${REQS[$c]},1),4))")"
done
cost async off "async limit, Redis" 5
cost async-local-only off "async limit, no Redis (local only)"
cost strict off "strict limit (one Redis script per request)"
