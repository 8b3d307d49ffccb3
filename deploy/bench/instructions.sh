#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: a figure that does not move with the
# machine's load, unlike req/s and CPU time on a shared 2-core VM (see lib.sh). For each
# scenario, one gateway (1 worker thread) runs under callgrind, serves 100 warm-up requests, has
# its counters zeroed, and serves N requests from one keep-alive connection; the instructions of
# a run that serves none after the zeroing (shutdown) are subtracted, and the rest divided by N. User space only: the kernel's share (socket I/O, about
# 40% of the gateway's CPU time in perf profiles under load) is the same for every scenario and
# not counted, so a ratio here overstates a feature's share of total CPU.
#
# Scenarios: the deploy/bench/run.sh spec, POSTing its 1 KiB order to the validated route
# (body-valid) and to the size-capped-only route (body-raw); GETs with no headers (gateway) and
# with ten browser headers (gw+browser); and compare.sh's full stack (gw-full: RS256 JWT with
# the verified-token cache, scope, per-IP + per-client limits with Redis async, audit log to a
# file, metrics, the signed upstream assertion) on a second gateway configuration, and its
# forged-token row (gw-forged: the same token signed by another key, checked and refused, 401).
# Env: N (2000), SCENARIOS (subset of "gateway gw+browser body-raw body-valid gw-full
# gw-forged"; gw-forged is not in the default set),
# CARGO_TARGET_DIR, BIN (a gateway binary built beforehand, e.g. of another commit: no build),
# SERVER_EXTRA (more `server:` settings for both configurations, e.g. ", preserve_header_case: true").
# Needs valgrind and redis-server (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-2000}
SCENARIOS=${SCENARIOS:-gateway gw+browser body-raw body-valid gw-full}
command -v valgrind >/dev/null || apt-get install -y valgrind >/dev/null
command -v redis-server >/dev/null || apt-get install -y --no-install-recommends redis-server >/dev/null
if [ -z "${BIN:-}" ]; then
  cargo build --release -p gateway >/dev/null
  BIN=${CARGO_TARGET_DIR:-$PWD/target}/release/gateway
fi
WORK=$(mktemp -d /tmp/gateway-instr.XXXXXX)
source deploy/bench/lib.sh
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

UP=$(free_port); GW=$(free_port); ADMIN=$(free_port)
"$BIN" upstream --listen 127.0.0.1:$UP --threads 1 2>/dev/null & pids+=($!)
mkdir -p "$WORK/policies" "$WORK/openapi"
cat > "$WORK/gateway.yaml" <<YAML
server: {threads: 1, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1${SERVER_EXTRA:-}}
listeners: [{address: "127.0.0.1:$GW", plaintext: true}]
admin: {address: "127.0.0.1:$ADMIN"}
paths: {policies: policies, openapi: openapi}
YAML
cat > "$WORK/policies/upstreams.yaml" <<YAML
upstreams:
  bench: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
YAML
# The same spec as run.sh.
sed -n '/^cat > "\$WORK\/openapi\/bench.yaml" <<YAML$/,/^YAML$/p' deploy/bench/run.sh | sed '1d;$d' > "$WORK/openapi/bench.yaml"
wait_http "http://127.0.0.1:$UP/healthz"

# The full stack (gw-full): as compare.sh's, on the same spec and upstream.
RP=$(free_port)
redis-server --port "$RP" --bind 127.0.0.1 --save "" --appendonly no >/dev/null & pids+=($!)
F=$WORK/full
mkdir -p "$F/policies" "$F/openapi"
cp "$WORK/openapi/bench.yaml" "$F/openapi/"
cp "$WORK/policies/upstreams.yaml" "$F/policies/"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$F/idp.key" 2>/dev/null
"$BIN" token --key "$F/idp.key" --alg RS256 --kid bench --iss https://idp.bench --aud api://bench \
  --sub bench --client-id bench-client --scope read:bench --ttl 2h > "$F/token"
# The forged token: the same claims signed by another key (signature checked, 401).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$F/forger.key" 2>/dev/null
"$BIN" token --key "$F/forger.key" --alg RS256 --kid bench --iss https://idp.bench --aud api://bench \
  --sub bench --client-id bench-client --scope read:bench --ttl 2h > "$F/forged"
openssl pkey -in "$F/idp.key" -pubout -out "$F/idp.pub" 2>/dev/null
python3 - "$F" <<'PY'
import base64, json, subprocess, sys
f = sys.argv[1]
txt = subprocess.run(["openssl", "rsa", "-pubin", "-in", f"{f}/idp.pub", "-noout", "-text"], capture_output=True, text=True).stdout
n, e, cur = "", 0, False
for line in txt.splitlines():
    s = line.strip()
    if s.startswith("Modulus"): cur = True; continue
    if s.startswith("Exponent"): e = int(s.split()[1]); cur = False; continue
    if cur and s: n += s.replace(":", "")
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
json.dump({"keys": [{"kty": "RSA", "n": b(bytes.fromhex(n).lstrip(b"\0")), "e": b(e.to_bytes(3, "big").lstrip(b"\0")),
                     "kid": "bench", "alg": "RS256", "use": "sig"}]}, open(f"{f}/jwks.json", "w"))
PY
cat > "$F/gateway.yaml" <<YAML
server: {threads: 1, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1${SERVER_EXTRA:-}}
listeners: [{address: "127.0.0.1:$GW", plaintext: true}]
admin: {address: "127.0.0.1:$ADMIN"}
paths: {policies: policies, openapi: openapi}
audit:
  signing_key: audit/key.pem
  generate_key: true
  file: {path: audit/audit.log, fsync: interval, fsync_interval: 1s, max_bytes: 4294967296}
YAML
cat > "$F/policies/issuers.yaml" <<YAML
issuers:
  bench: {issuer: "https://idp.bench", audiences: ["api://bench"], jwks_file: ../jwks.json, algorithms: [RS256]}
YAML
cat > "$F/policies/ratelimits.yaml" <<YAML
rate_limits:
  redis: {urls: ["redis://127.0.0.1:$RP/"], sync_interval: 100ms}
  tiers:
    bench: {per_second: 1000000000, burst: 1000000000}
  limits:
    per-ip: {key: ip, per_second: 1000000000, burst: 1000000000}
    per-client: {key: client, default_tier: bench}
YAML
export BENCH_TOKEN=$(cat "$F/token") BENCH_FORGED=$(cat "$F/forged")

cat > "$WORK/client.py" <<'PY'
import http.client, json, os, sys
port, scenario, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
body = {"sku": "SKU-12345", "quantity": 3, "tags": ["gift", "express", "fragile"],
        "note": "Ann O'Brien: please gift wrap, leave at the side door if nobody answers. " * 8}
raw = json.dumps(body)
raw = (raw[:-1] + " " * (1023 - len(raw)) + "}").encode()
browser = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Accept": "application/json, text/plain, */*", "Accept-Language": "en-GB,en;q=0.9,de;q=0.8",
    "Accept-Encoding": "gzip, deflate, br, zstd", "Referer": "https://shop.example.com/checkout?step=2",
    "Origin": "https://shop.example.com", "Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors",
    "Sec-CH-UA": '"Chromium";v="131", "Not_A Brand";v="24"',
    "Cookie": "session=Zm9vYmFyYmF6cXV4; theme=dark; consent=1",
}
c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
bad = 0
for _ in range(n):
    if scenario == "body-valid":
        c.request("POST", "/bench/orders", body=raw, headers={"Content-Type": "application/json"})
    elif scenario == "body-raw":
        c.request("POST", "/bench/import", body=raw, headers={"Content-Type": "application/octet-stream"})
    elif scenario == "gw-full":
        c.request("GET", "/bench/secure/42", headers={"Authorization": "Bearer " + os.environ["BENCH_TOKEN"]})
    elif scenario == "gw-forged":
        c.request("GET", "/bench/secure/42", headers={"Authorization": "Bearer " + os.environ["BENCH_FORGED"]})
    elif scenario == "gw+browser":
        c.request("GET", "/bench/items/42", headers=browser)
    else:
        c.request("GET", "/bench/items/42")
    r = c.getresponse()
    r.read()
    want = 401 if scenario == "gw-forged" else 200
    bad += r.status != want
if bad:
    sys.exit(f"{scenario}: {bad} of {n} answers were not {want}")
PY

# instructions SCENARIO COUNT: instructions of one gateway run serving COUNT requests, counted
# from after 100 warm-up requests of the same scenario (lazy statics, caches, connection pools)
# to the end of shutdown.
instructions() {
  local out="$WORK/cg.$1.$2" dir=$WORK
  case $1 in gw-full|gw-forged) dir=$F ;; esac
  (cd "$dir" && GATEWAY_LOG=warn exec valgrind --tool=callgrind --callgrind-out-file="$out.%p" "$BIN" run -c gateway.yaml 2>"$out.log") &
  local pid=$!
  for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$ADMIN/readyz" && break; sleep 0.2; done
  python3 "$WORK/client.py" "$GW" "$1" 100
  callgrind_control -z $pid >/dev/null 2>&1
  python3 "$WORK/client.py" "$GW" "$1" "$2"
  kill -INT $pid
  wait $pid || true
  # Events of the dumps written after the zeroing (the last part is the one of the shutdown).
  cat "$out".[0-9]* | awk '/^totals:/ {t += $2} END {print t}'
}

declare -A BASE=()
BASE[gateway]=$(instructions gateway 0)
case " $SCENARIOS " in *" gw-full "*|*" gw-forged "*) BASE[gw-full]=$(instructions gw-full 0) ;; esac
echo "callgrind, 1 worker thread, $N requests per scenario after 100 warm-up ones; shutdown subtracted (${BASE[gateway]} instructions; full stack ${BASE[gw-full]:-})"
printf '%-12s %14s\n' scenario "instr/request"
declare -A IPR=()
for s in $SCENARIOS; do
  total=$(instructions "$s" "$N")
  b=${BASE[gateway]}; case $s in gw-full|gw-forged) b=${BASE[gw-full]} ;; esac
  IPR[$s]=$(( (total - b) / N ))
  printf '%-12s %14d\n' "$s" "${IPR[$s]}"
done
# The profiles stay for callgrind_annotate (the part after the zeroing, per scenario).
echo "profiles: $WORK/cg.<scenario>.$N.<pid>*"
[ -n "${IPR[body-valid]:-}" ] && [ -n "${IPR[body-raw]:-}" ] && awk -v v="${IPR[body-valid]}" -v r="${IPR[body-raw]}" 'BEGIN { printf "1 KiB body validation vs size-capped only: +%d instructions per request, +%.1f%% of user-space instructions\n", v - r, (v - r) * 100 / r }'
[ -n "${IPR[gw+browser]:-}" ] && [ -n "${IPR[gateway]:-}" ] && awk -v b="${IPR[gw+browser]}" -v g="${IPR[gateway]}" 'BEGIN { printf "ten browser headers vs none: +%d instructions per request, +%.1f%%\n", b - g, (b - g) * 100 / g }'
[ -n "${IPR[gw-full]:-}" ] && [ -n "${IPR[gateway]:-}" ] && awk -v f="${IPR[gw-full]}" -v g="${IPR[gateway]}" 'BEGIN { printf "full stack vs pass-through: +%d instructions per request, %.2fx\n", f - g, f / g }'
true
