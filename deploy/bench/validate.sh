#!/usr/bin/env bash
# End-to-end cost of payload validation, in one run: the same 1 KiB body POSTed through the
# demo gateway (release build, built-in mTLS upstreams) to
#   - POST /orders            (application/json: schema + caps + screening), and
#   - POST /inventory/import  (application/octet-stream: read in full, size cap only).
# Both read the whole body before forwarding; the difference is the validation itself.
# Usage: deploy/bench/validate.sh [duration=10s] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
DUR=${1:-10s}
CONN=${2:-16}
cargo build --release -p gateway >/dev/null 2>&1
WORK=$(mktemp -d)
trap 'kill $GW 2>/dev/null || true; rm -rf "$WORK"' EXIT
GATEWAY_LOG=warn target/release/gateway demo --dir "$WORK" >"$WORK/out.log" 2>&1 &
GW=$!
for _ in $(seq 1 100); do
  curl -sf http://127.0.0.1:9901/readyz >/dev/null 2>&1 && break
  sleep 0.1
done
NOTE=$(printf 'x%.0s' $(seq 1 440))
BODY="{\"sku\":\"SKU-12345\",\"quantity\":3,\"note\":\"Ann O'Brien: gift wrap please, ${NOTE}\"}"
# Pad to exactly 1 KiB with insignificant JSON whitespace (note maxLength is 500).
BODY="${BODY%\}}$(printf ' %.0s' $(seq 1 $((1023 - ${#BODY} + 1))))}"
cat >"$WORK/json.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
LUA
cat >"$WORK/raw.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
code=$(curl -sk -o /dev/null -w '%{http_code}' -H 'content-type: application/json' --data-binary "$BODY" https://localhost:8443/orders)
echo "body ${#BODY} bytes; validated POST /orders → $code"
for round in 1 2; do
  for kind in raw json; do
    path=/orders; [ $kind = raw ] && path=/inventory/import
    rps=$(wrk -t2 -c"$CONN" -d"$DUR" -s "$WORK/$kind.lua" "https://localhost:8443$path" | awk '/Requests\/sec/ {print $2}')
    echo "round $round $kind $path: $rps req/s"
  done
done
