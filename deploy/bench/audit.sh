#!/usr/bin/env bash
# Cost of audit logging, in one run on loopback: two gateways with the same routes in front of
# the same upstream (nginx answering 200), one without `audit:`, one writing every record to a
# file (masking, hash chain, signed checkpoints, fsync every second). Runs are interleaved over
# ROUNDS rounds (deploy/bench/lib.sh); prints req/s, p50, p99, the gateway's CPU per request and
# the median cost in %.
#
# Env: ROUNDS (5), DURATION (5s), CONNS (64), THREADS (2), WORKERS (2), PROFILE (release).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}
WORKERS=${WORKERS:-2}
source deploy/bench/lib.sh
PROFILE=${PROFILE:-release}
if [ "$PROFILE" = release ]; then cargo build --release -p gateway >/dev/null; else cargo build -p gateway >/dev/null; fi
BIN=$PWD/target/$PROFILE/gateway
WORK=$(mktemp -d /tmp/gateway-audit-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT


UP=$(free_port)
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server { listen 127.0.0.1:$UP; location / { return 200 "ok\n"; } }
}
NGINX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' & pids+=($!)

gateway_conf() { # dir port admin audit-yaml
  mkdir -p "$1/policies" "$1/openapi"
  cat > "$1/gateway.yaml" <<YAML
server: {threads: $WORKERS, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 2}
listeners: [{address: "127.0.0.1:$2", plaintext: true}]
admin: {address: "127.0.0.1:$3"}
paths: {policies: policies, openapi: openapi}
$4
YAML
  cat > "$1/policies/upstreams.yaml" <<YAML
upstreams:
  bench: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
YAML
  cat > "$1/openapi/bench.yaml" <<YAML
openapi: 3.0.3
info: {title: bench, version: "1"}
x-gateway: {upstream: bench}
security: []
paths:
  /bench/items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: card, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
YAML
}
OFF=$(free_port); OFFA=$(free_port); ON=$(free_port); ONA=$(free_port)
gateway_conf "$WORK/off" "$OFF" "$OFFA" ""
gateway_conf "$WORK/on" "$ON" "$ONA" "audit:
  signing_key: audit/key.pem
  generate_key: true
  file: {path: audit/audit.log, fsync: interval, fsync_interval: 1s, max_bytes: 1073741824}"
GATEWAY_LOG=warn "$BIN" run -c "$WORK/off/gateway.yaml" 2>"$WORK/off.log" & pids+=($!)
GATEWAY_LOG=warn "$BIN" run -c "$WORK/on/gateway.yaml" 2>"$WORK/on.log" & pids+=($!)
wait_http "http://127.0.0.1:$UP/"
wait_http "http://127.0.0.1:$OFFA/readyz"
wait_http "http://127.0.0.1:$ONA/readyz"

URL_PATH="/bench/items/42?limit=50&card=4111111111111111"
PID_OF[audit-off]=${pids[1]}; PID_OF[audit-on]=${pids[2]}
echo "wrk -t$THREADS -c$CONNS -d$DURATION x $ROUNDS rounds, $(nproc) cores, gateway threads = $WORKERS, upstream nginx"
warm "http://127.0.0.1:$OFF$URL_PATH"; warm "http://127.0.0.1:$ON$URL_PATH"
header
for r in $(seq "$ROUNDS"); do
  measure "$r" audit-off "http://127.0.0.1:$OFF$URL_PATH"
  measure "$r" audit-on "http://127.0.0.1:$ON$URL_PATH"
done
echo
summary audit-off audit-on
drops=$(curl -fs "http://127.0.0.1:$ONA/metrics" 2>/dev/null | awk '/^gateway_audit_dropped_total/ {s+=$2} END {print s+0}' || echo "n/a")
kill -TERM "${pids[2]}" 2>/dev/null || true   # seal the audited gateway's log
for _ in $(seq 50); do kill -0 "${pids[2]}" 2>/dev/null || break; sleep 0.1; done
lines=$(wc -l < "$WORK/on/audit/audit.log")
echo
cost audit-on audit-off "audit to a file" 10
echo "audit log: $lines lines written; records dropped: $drops; card in log: $(grep -c 4111111111111111 "$WORK/on/audit/audit.log" || true)"
"$BIN" audit verify "$WORK/on/audit/audit.log" | tail -1
