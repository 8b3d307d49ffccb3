#!/usr/bin/env bash
# Drive a gateway binary through the benchmark's scenarios, for profile collection (PGO, BOLT):
# deploy/bench/compare.sh sets up its servers (nginx upstream, Redis, JWKS, the gateway
# configurations) with HOLD, wrk drives each scenario, and stopping compare.sh stops the
# gateways with SIGTERM (grace 0 s): an instrumented binary writes its profile as it exits.
#
#   deploy/pgo/train.sh BIN
# Env: TRAIN (compare.sh scenarios), TRAIN_FOR (wrk duration per scenario, 6s), CONNS (64).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$1
TRAIN=${TRAIN:-gw-pass gw-full gw-body gw-forged gw-tls gw-hs gw-via-cert}
TRAIN_FOR=${TRAIN_FOR:-6s}
CONNS=${CONNS:-64}
HOLDF=$(mktemp /tmp/gateway-train.XXXXXX)
rm -f "$HOLDF"
HOLD=$HOLDF IDLE_CONNS=0 BIN=$BIN SCENARIOS="$TRAIN" "$ROOT/deploy/bench/compare.sh" &
HOLDER=$!
# Whatever happens below, the servers go (compare.sh's own trap stops them).
trap 'kill "$HOLDER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$HOLDF" ] && break; kill -0 "$HOLDER" 2>/dev/null || break; sleep 1; done
[ -s "$HOLDF" ] || { echo "compare.sh did not set up the training servers" >&2; exit 1; }
while IFS=$'\t' read -r scen _pid url args; do
  IFS='|' read -r -a a <<<"$args"
  out=$(wrk -t1 -c"$CONNS" -d"$TRAIN_FOR" "${a[@]}" "$url" 2>&1 | grep -E "requests in|Non-2xx|rror" | tr '\n' ' ' || true)
  echo "  $scen: $out"
done <"$HOLDF"
kill "$HOLDER"
wait "$HOLDER" 2>/dev/null || true
trap - EXIT
rm -f "$HOLDF"
