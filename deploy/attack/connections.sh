#!/usr/bin/env bash
# Connection exhaustion without credentials, against a gateway on loopback: how long each kind
# of connection slot can be held, and what 10,000 idle keep-alive connections cost in memory.
#
# Starts the built-in upstream and two gateways, each with a TLS listener and a plaintext one:
# the first with the default limits, for the attacks; the second for the memory runs, with
# idle_timeout 15m and max_connections 25000 so that opening 10k connections (slow on a loaded
# 2-core machine) does not see the first ones closed. Then runs deploy/attack/connections.py. Every attack is bounded by CAP seconds; every
# address is 127.0.0.1. Prints one line per attack and the RSS figures.
#
# Env: CAP (90: longest an attack is kept going, in s), IDLE_N (10000: idle connections per
# memory run), PROFILE (release), BIN (a gateway binary to use instead of building one, e.g.
# one built from another commit for a before/after comparison), ONLY (attack names, comma-separated),
# MEMORY (both|plain|tls: which memory runs; one alone is not skewed by memory the other left
# behind), CONNECT_ONLY=1 (memory runs open connections without sending a request: the connection's own
# cost, without what a request leaves behind).
set -euo pipefail
cd "$(dirname "$0")/../.."
CAP=${CAP:-90}
IDLE_N=${IDLE_N:-10000}
PROFILE=${PROFILE:-release}
if [ -z "${BIN:-}" ]; then
  if [ "$PROFILE" = release ]; then cargo build --release -p gateway >/dev/null; else cargo build -p gateway >/dev/null; fi
  BIN=${CARGO_TARGET_DIR:-$PWD/target}/$PROFILE/gateway
fi
WORK=$(mktemp -d /tmp/gateway-attack.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Enough descriptors for 10k client connections (the client and the gateway each hold one per
# connection).
ulimit -n 30000 2>/dev/null || ulimit -n "$(ulimit -Hn)"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$WORK/edge.key" -out "$WORK/edge.crt" 2>/dev/null

UP=$(free_port)
"$BIN" upstream --listen 127.0.0.1:$UP --threads 1 2>/dev/null & pids+=($!)
# gateway DIR LIMITS-YAML: write a configuration, start it; sets TLS, PLAIN, GW.
gateway() {
  local d=$1; TLS=$(free_port); PLAIN=$(free_port); local admin; admin=$(free_port)
  mkdir -p "$d/policies" "$d/openapi"; cp "$WORK/edge.crt" "$WORK/edge.key" "$d/"
  cat > "$d/gateway.yaml" <<YAML
server: {threads: 2, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1}
listeners:
  - {address: "127.0.0.1:$TLS", tls: {cert: edge.crt, key: edge.key}}
  - {address: "127.0.0.1:$PLAIN", plaintext: true}
admin: {address: "127.0.0.1:$admin"}
limits: $2
paths: {policies: policies, openapi: openapi}
YAML
  cat > "$d/policies/upstreams.yaml" <<YAML
upstreams:
  app: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
YAML
  cat > "$d/openapi/app.yaml" <<YAML
openapi: 3.0.3
info: {title: app, version: "1"}
x-gateway: {upstream: app}
security: []
paths:
  /items:
    get: {responses: {"200": {description: ok}}}
    post:
      requestBody: {content: {"application/octet-stream": {}}}
      responses: {"200": {description: ok}}
YAML
  GATEWAY_LOG=warn "$BIN" run -c "$d/gateway.yaml" 2>"$d/gateway.log" & GW=$!; pids+=($GW)
  for _ in $(seq 300); do curl -fs -o /dev/null "http://127.0.0.1:$admin/readyz" && return 0; sleep 0.1; done
  echo "gateway not ready"; cat "$d/gateway.log"; exit 1
}
gateway "$WORK/a" "{}"
echo "attacks: gateway $BIN (pid $GW), default limits; cap ${CAP}s"
python3 deploy/attack/connections.py --tls "$TLS" --plain "$PLAIN" --pid "$GW" --cap "$CAP" --idle 0 ${ONLY:+--only "$ONLY"}
kill "$GW"
if [ "$IDLE_N" -gt 0 ]; then
  gateway "$WORK/m" "{idle_timeout: 15m, max_connections: 25000}"
  echo
  echo "memory: gateway pid $GW, idle_timeout 15m"
  python3 deploy/attack/connections.py --tls "$TLS" --plain "$PLAIN" --pid "$GW" --idle "$IDLE_N" --only memory --memory "${MEMORY:-both}" ${CONNECT_ONLY:+--connect-only}
fi
