#!/usr/bin/env bash
# Fault runs under load, loopback only, every wait bounded. For each scenario: start what it
# needs (gateway, built-in upstreams, redis-server, a JWKS server, an audit collector), run
# the load client (deploy/faults/load.py) for before / during / after phases, inject the
# fault and heal it, and print one markdown table row:
#
#   | scenario | requests | failures seen by clients | p99 before / during / after | longest stall |
#   | time to detect | time to recover | audit records produced / delivered | note |
#
# Failures = no answer (reset, closed without an answer, client timeout 10 s) or a 5xx.
# Longest stall = longest time in which no request completed successfully.
# Detect / recover = from the fault (heal) to the gateway's own signal (metric), polled every
# 50 ms; "-" where the scenario has no such signal.
# Audit: records of kind `request` in the audit file(s) vs records the HTTP collector got.
#
# Scenarios (SCENARIOS to choose; default all):
#   redis-frozen      SIGSTOP redis under strict-limit load (timeout 250ms, on_redis_failure: closed)
#   redis-strict      healthy redis under strict-limit load with the default timeout: spurious 503s;
#                     then redis restarted: requests admitted in the first second vs the limit
#   upstream-frozen   SIGSTOP one of two upstream addresses under GET load
#   upstream-down     every upstream address killed, keep-alive load: 502s, and requests lost
#                     on connections closed after a keep-alive answer (finding 3)
#   jwks-frozen       JWKS endpoint SIGSTOPped, load with a token whose kid is new
#   upgrade           graceful upgrade (-u + SIGQUIT) with 48 keep-alive clients; audit verify
#   sigterm           SIGTERM with 48 keep-alive clients (grace period 3 s)
#   audit-spool       audit collector down 4 s with an unwritable spool (a full file system
#                     when run as root, else a path under a regular file), then back
#   idle-conns        N idle keep-alive connections (IDLE_CONNS, default 10000): RSS before,
#                     with them open, after they close
#
# Env: PROFILE (debug|release, default debug), GATEWAY_BIN (skip the build, use this binary), CONNS (16), BEFORE (3), DURING (4), AFTER (3)
# seconds, SCENARIOS. Needs redis-server, python3, curl, openssl.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PROFILE=${PROFILE:-debug}
CONNS=${CONNS:-16}
BEFORE=${BEFORE:-3}
DURING=${DURING:-4}
AFTER=${AFTER:-3}
IDLE_CONNS=${IDLE_CONNS:-10000}
SCENARIOS=${SCENARIOS:-"redis-frozen redis-strict upstream-frozen upstream-down jwks-frozen upgrade sigterm audit-spool idle-conns"}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
# GATEWAY_BIN: an already built binary (e.g. one of another commit, for a before/after table).
if [ -z "${GATEWAY_BIN:-}" ]; then
  if [ "$PROFILE" = release ]; then cargo build --release -p gateway >/dev/null; else cargo build -p gateway >/dev/null; fi
fi
BIN=${GATEWAY_BIN:-$TARGET/$PROFILE/gateway}
WORK=$(mktemp -d /tmp/gateway-faults.XXXXXX)
LOAD="python3 $ROOT/deploy/faults/load.py"
REPORT="python3 $ROOT/deploy/faults/report.py"
pids=()
mounts=()
cleanup() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}s')" "$1" "$2"; }
wait_http() { for _ in $(seq 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1" >&2; return 1; }
# metric ADMIN NAME: the value of the first sample whose line starts with NAME (or empty).
metric() { curl -fs "http://127.0.0.1:$1/metrics" 2>/dev/null | awk -v n="$2" 'index($0, n) == 1 {print $NF; exit}'; }
# wait_metric ADMIN NAME VALUE LIMIT_S: poll until the metric equals VALUE; prints the time it
# was seen (or nothing after LIMIT_S).
wait_metric() {
  local end=$(( $(date +%s) + $4 ))
  while [ "$(date +%s)" -le "$end" ]; do
    if [ "$(metric "$1" "$2")" = "$3" ]; then now; return 0; fi
    sleep 0.05
  done
}
# wait_metric_change ADMIN NAME LIMIT_S: until the metric differs from its current value.
wait_metric_change() {
  local v0; v0=$(metric "$1" "$2"); local end=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -le "$end" ]; do
    local v; v=$(metric "$1" "$2")
    if [ -n "$v" ] && [ "$v" != "$v0" ]; then now; return 0; fi
    sleep 0.05
  done
}
dt() { if [ -n "$2" ]; then since "$1" "$2"; else echo "not seen"; fi; }

start_upstream() { # PORT -> pid in $!
  "$BIN" upstream --listen "127.0.0.1:$1" --threads 1 2>/dev/null & pids+=($!)
  wait_http "http://127.0.0.1:$1/healthz" || true
}
start_redis() { # PORT
  redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >/dev/null & pids+=($!)
  for _ in $(seq 100); do redis-cli -p "$1" PING 2>/dev/null | grep -q PONG && return 0; sleep 0.05; done
}
# An HTTP audit collector: appends the number of request records of each batch it receives
# to $WORK/<name>.count.batches (a restarted one adds to it); `collected NAME` sums them.
collected() { awk '{s += $1} END {print s + 0}' "$WORK/$1.count.batches" 2>/dev/null || echo 0; }
start_collector() { # PORT NAME
  python3 - "$1" "$WORK/$2.count" <<'PY' & pids+=($!)
import json, sys, threading, http.server
port, out = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        n = sum(1 for r in json.loads(body) if r.get("kind") == "request")
        # One line per batch, appended under a lock: a restarted collector adds to the count.
        with lock, open(out + ".batches", "a") as f:
            f.write(f"{n}\n")
        self.send_response(200); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
}

# gateway_config DIR PORT ADMIN UPSTREAM_ADDRS [EXTRA_GATEWAY_YAML]: a plaintext gateway with
# a spec of /faults/items (GET), /faults/orders (POST), /faults/secure (GET, JWT).
gateway_config() {
  local d=$1 port=$2 admin=$3 ups=$4 extra=${5:-}
  mkdir -p "$d/policies" "$d/openapi"
  cat > "$d/gateway.yaml" <<YAML
server: {threads: 2, grace_period_seconds: 3, graceful_shutdown_timeout_seconds: 2}
listeners: [{address: "127.0.0.1:$port", plaintext: true}]
admin: {address: "127.0.0.1:$admin"}
paths: {policies: policies, openapi: openapi}
$extra
YAML
  cat > "$d/policies/upstreams.yaml" <<YAML
upstreams:
  faults:
    addresses: [$ups]
    plaintext: true
    health_check: {interval: 500ms, timeout: 500ms}
YAML
  cat > "$d/openapi/faults.yaml" <<'YAML'
openapi: 3.0.3
info: {title: faults, version: "1"}
x-gateway: {upstream: faults}
security: []
paths:
  /faults/items:
    get: {responses: {"200": {description: ok}}}
  /faults/orders:
    post: {responses: {"200": {description: ok}}}
  /faults/secure:
    get: {security: [{oauth: [read:faults]}], responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp/token", scopes: {read:faults: r}}}}
YAML
}
start_gateway() { # DIR ADMIN [extra args] -> pid in GWPID
  local d=$1 admin=$2; shift 2
  GATEWAY_LOG=info "$BIN" run -c "$d/gateway.yaml" "$@" 2>>"$d/gateway.log" & GWPID=$!; pids+=($GWPID)
  wait_http "http://127.0.0.1:$admin/healthz"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
audit_requests() { # files...: request records in audit files
  cat "$@" 2>/dev/null | grep -c '"kind":"request"' || true
}
run_load() { # LOG PORT PATH [load args] (background; pid in LOADPID)
  local log=$1 port=$2 path=$3; shift 3
  $LOAD --port "$port" --path "$path" --conns "$CONNS" --duration $((BEFORE + DURING + AFTER)) --out "$log" "$@" & LOADPID=$!
}

echo "| scenario | requests | failures seen by clients | p99 before / during / after | longest stall | time to detect | time to recover | audit produced / delivered | note |"
echo "|---|---|---|---|---|---|---|---|---|"

for sc in $SCENARIOS; do
  D=$WORK/$sc; mkdir -p "$D"
  GW=$(free_port); ADMIN=$(free_port); UP1=$(free_port); UP2=$(free_port)
  case $sc in
  redis-frozen|redis-strict)
    RP=$(free_port); start_redis "$RP"; RPID=${pids[-1]}
    start_upstream "$UP1"
    if [ $sc = redis-frozen ]; then TO="timeout: 250ms, "; POL=closed; RATE=100000; else TO=${STRICT_TIMEOUT:+"timeout: $STRICT_TIMEOUT, "}; POL=closed; RATE=${STRICT_RATE:-100000}; fi
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\""
    cat > "$D/policies/ratelimits.yaml" <<YAML
rate_limits:
  redis: {urls: ["redis://127.0.0.1:$RP/"], ${TO}fleet_size: 2}
  limits:
    writes: {key: global, routes: [{method: POST, path: /faults/orders}], per_second: $RATE, mode: strict, on_redis_failure: $POL}
YAML
    start_gateway "$D" "$ADMIN"
    wait_metric "$ADMIN" gateway_ratelimit_redis_up 1 10 >/dev/null
    run_load "$D/load.log" "$GW" /faults/orders --method POST
    sleep "$BEFORE"; TF=$(now)
    if [ $sc = redis-frozen ]; then
      kill -STOP "$RPID"
      DET=$(wait_metric "$ADMIN" gateway_ratelimit_redis_up 0 "$DURING")
      sleep "$DURING"; TH=$(now); kill -CONT "$RPID"
      REC=$(wait_metric "$ADMIN" gateway_ratelimit_redis_up 1 10)
      NOTE="strict limit, redis SIGSTOPped $DURING s"
    else
      kill "$RPID"; wait "$RPID" 2>/dev/null || true
      DET=$(wait_metric "$ADMIN" gateway_ratelimit_redis_up 0 "$DURING")
      sleep 1; start_redis "$RP"; TH=$(now)
      REC=$(wait_metric "$ADMIN" gateway_ratelimit_redis_up 1 10)
      NOTE="default strict timeout; before = healthy redis (spurious 503s counted there); redis restarted"
    fi
    wait "$LOADPID" || true
    B503=$(awk -v tf="$TF" '$1 < tf && $3 == 503' "$D/load.log" | wc -l)
    $REPORT "$sc" "$D/load.log" "$TF" "$TH" "$(dt "$TF" "$DET")" "$(dt "$TH" "$REC")" - - "$NOTE; 503 before the fault: $B503"
    ;;
  upstream-frozen|upstream-down)
    start_upstream "$UP1"; U1=${pids[-1]}; start_upstream "$UP2"; U2=${pids[-1]}
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\", \"127.0.0.1:$UP2\""
    start_gateway "$D" "$ADMIN"
    wait_http "http://127.0.0.1:$ADMIN/readyz"
    run_load "$D/load.log" "$GW" /faults/items
    sleep "$BEFORE"; TF=$(now)
    if [ $sc = upstream-frozen ]; then
      kill -STOP "$U1"
      DET=$(wait_metric_change "$ADMIN" 'gateway_upstream_ejections_total{upstream="faults"}' "$DURING")
      [ -z "$DET" ] && DET=$(wait_metric "$ADMIN" 'gateway_upstream_healthy_backends{upstream="faults"}' 1 1)
      sleep "$DURING"; TH=$(now); kill -CONT "$U1"
      REC=$(wait_metric "$ADMIN" 'gateway_upstream_healthy_backends{upstream="faults"}' 2 10)
      NOTE="one of two addresses SIGSTOPped $DURING s"
    else
      kill "$U1" "$U2"; wait "$U1" "$U2" 2>/dev/null || true
      DET=$(wait_metric "$ADMIN" 'gateway_upstream_healthy_backends{upstream="faults"}' 0 "$DURING")
      sleep "$DURING"; start_upstream "$UP1"; start_upstream "$UP2"; TH=$(now)
      REC=$(wait_metric "$ADMIN" 'gateway_upstream_healthy_backends{upstream="faults"}' 2 10)
      NOTE="both addresses killed $DURING s (502 expected; unanswered = requests lost on closed keep-alive connections)"
    fi
    wait "$LOADPID" || true
    $REPORT "$sc" "$D/load.log" "$TF" "$TH" "$(dt "$TF" "$DET")" "$(dt "$TH" "$REC")" - - "$NOTE"
    ;;
  jwks-frozen)
    start_upstream "$UP1"
    IDP=$(free_port)
    openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$D/old.key"
    openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$D/new.key"
    python3 - "$D" <<'PY'
import json, subprocess, sys, base64
d = sys.argv[1]
def jwk(name, kid):
    der = subprocess.run(["openssl", "ec", "-in", f"{d}/{name}.key", "-pubout", "-outform", "DER"], capture_output=True).stdout
    pt = der[-65:]
    b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
    return {"kty": "EC", "crv": "P-256", "x": b(pt[1:33]), "y": b(pt[33:]), "kid": kid, "alg": "ES256", "use": "sig"}
json.dump({"keys": [jwk("old", "old")]}, open(f"{d}/jwks.json", "w"))
json.dump({"keys": [jwk("old", "old"), jwk("new", "new")]}, open(f"{d}/jwks-rotated.json", "w"))
PY
    (cd "$D" && exec python3 -m http.server "$IDP" --bind 127.0.0.1 >/dev/null 2>&1) & IDPPID=$!; pids+=($IDPPID)
    wait_http "http://127.0.0.1:$IDP/jwks.json"
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\""
    cat > "$D/policies/issuers.yaml" <<YAML
issuers:
  faults:
    issuer: "https://idp.faults"
    audiences: ["api://faults"]
    jwks_url: "http://127.0.0.1:$IDP/jwks-rotated.json"
    algorithms: [ES256]
    refresh: {min: 1h, max: 1h, unknown_kid_interval: 2s}
YAML
    "$BIN" token --key "$D/new.key" --kid new2 --iss https://idp.faults --aud api://faults --sub load --scope read:faults --ttl 1h > "$D/token"
    start_gateway "$D" "$ADMIN"
    wait_http "http://127.0.0.1:$ADMIN/readyz"
    # A token signed by a key the IdP has not published (kid new2): every request is a kid miss.
    run_load "$D/load.log" "$GW" /faults/secure -H "Authorization: Bearer $(cat "$D/token")"
    sleep "$BEFORE"; TF=$(now); kill -STOP "$IDPPID"
    sleep "$DURING"; TH=$(now); kill -CONT "$IDPPID"
    wait "$LOADPID" || true
    MAXD=$(awk -v tf="$TF" -v th="$TH" '$1 >= tf && $1 < th && $2 > m {m = $2} END {printf "%.2fs", m}' "$D/load.log")
    $REPORT "$sc" "$D/load.log" "$TF" "$TH" - - - - "IdP SIGSTOPped $DURING s, unknown kid on every request (401 expected); longest request during: $MAXD"
    ;;
  upgrade|sigterm)
    start_upstream "$UP1"
    CP=$(free_port); start_collector "$CP" "$sc"
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\"" "audit:
  signing_key: $D/audit/key.pem
  generate_key: true
  checkpoint_interval: 1s
  file: {path: $D/audit/audit.log, fsync: never}
  http: {url: \"http://127.0.0.1:$CP/collect\", batch_max: 200, timeout: 2s, spool: {dir: $D/audit/spool}}"
    start_gateway "$D" "$ADMIN"
    CONNS_SAVE=$CONNS; CONNS=48
    run_load "$D/load.log" "$GW" /faults/items
    CONNS=$CONNS_SAVE
    sleep "$BEFORE"; TF=$(now)
    if [ $sc = upgrade ]; then
      OLD=$GWPID
      rm -f "/tmp/gateway-$ADMIN.upgrade.sock"
      GATEWAY_LOG=info "$BIN" run -u -c "$D/gateway.yaml" 2>>"$D/gateway-new.log" & NEW=$!; pids+=($NEW)
      for _ in $(seq 200); do [ -S "/tmp/gateway-$ADMIN.upgrade.sock" ] && break; sleep 0.05; done
      kill -QUIT "$OLD"
      for _ in $(seq 300); do kill -0 "$OLD" 2>/dev/null || break; sleep 0.05; done
      DET=$(now); TH=$DET
      wait "$LOADPID" || true
      kill -TERM "$NEW"; for _ in $(seq 300); do kill -0 "$NEW" 2>/dev/null || break; sleep 0.05; done
      NOTE="48 keep-alive clients; old process gone after $(since "$TF" "$DET")"
    else
      kill -TERM "$GWPID"
      for _ in $(seq 300); do kill -0 "$GWPID" 2>/dev/null || break; sleep 0.05; done
      TH=$(now); DET=$TH
      wait "$LOADPID" || true
      NOTE="48 keep-alive clients; SIGTERM, process gone after $(since "$TF" "$TH") (no new process: failures after it are expected)"
    fi
    sleep 2
    # verify exits 1 on TAMPERED (the finding a before-run shows): its verdict is the result.
    # A binary without directory mode (before the one-chain-per-writer change) verifies the
    # files, oldest first.
    VER=$({ "$BIN" audit verify "$D/audit" 2>&1 || true; } | tail -1)
    case $VER in *"Is a directory"*)
      VER=$({ "$BIN" audit verify $(ls -tr "$D"/audit/audit.log*) 2>&1 || true; } | tail -1) ;;
    esac
    VER=$(printf '%s' "$VER" | cut -c1-60)
    $REPORT "$sc" "$D/load.log" "$TF" "$TH" - - "$(audit_requests "$D"/audit/audit.log*)" "$(collected "$sc")" "$NOTE; verify: $VER"
    ;;
  audit-spool)
    start_upstream "$UP1"
    CP=$(free_port); start_collector "$CP" "$sc"; CPID=${pids[-1]}
    # An unwritable spool: a full file system where mounting one is allowed (root), else a
    # directory that would be under a regular file.
    SPOOL=$D/spool; mkdir -p "$SPOOL"
    if mount -t tmpfs -o size=64k tmpfs "$SPOOL" 2>/dev/null; then
      mounts+=("$SPOOL"); dd if=/dev/zero of="$SPOOL/fill" bs=4k 2>/dev/null || true
      SPOOL_NOTE="spool on a full file system"
    else
      : > "$D/blocker"; SPOOL=$D/blocker/spool; SPOOL_NOTE="spool under a regular file"
    fi
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\"" "audit:
  signing_key: $D/audit/key.pem
  generate_key: true
  file: {path: $D/audit/audit.log, fsync: never}
  http: {url: \"http://127.0.0.1:$CP/collect\", batch_max: 200, timeout: 1s, spool: {dir: $SPOOL}}"
    start_gateway "$D" "$ADMIN"
    run_load "$D/load.log" "$GW" /faults/items
    sleep "$BEFORE"; TF=$(now); kill "$CPID"
    DET=$(wait_metric "$ADMIN" 'gateway_audit_sink_up{sink="http"}' 0 "$DURING")
    sleep "$DURING"; start_collector "$CP" "$sc"; TH=$(now)
    REC=$(wait_metric "$ADMIN" 'gateway_audit_sink_up{sink="http"}' 1 20)
    wait "$LOADPID" || true
    # Records still on their way: wait (at most 20 s) until the collector has them all or its
    # count has not moved for 3 s.
    PROD=$(audit_requests "$D/audit/audit.log"); last=-1; still=0
    for _ in $(seq 40); do
      got=$(collected "$sc")
      [ "$got" -ge "$PROD" ] && break
      if [ "$got" = "$last" ]; then still=$((still + 1)); [ $still -ge 6 ] && break; else still=0; fi
      last=$got; sleep 0.5
    done
    DROPS=$(curl -fs "http://127.0.0.1:$ADMIN/metrics" | awk '/^gateway_audit_dropped_total\{.*sink="http"/ {s += $NF} END {print s + 0}')
    LINES=$(grep -c 'audit sink\|audit spool' "$D/gateway.log" || true)
    $REPORT "$sc" "$D/load.log" "$TF" "$TH" "$(dt "$TF" "$DET")" "$(dt "$TH" "$REC")" "$(audit_requests "$D/audit/audit.log")" "$(collected "$sc")" "collector down $DURING s, $SPOOL_NOTE; counted drops $DROPS; sink/spool log lines $LINES"
    ;;
  idle-conns)
    start_upstream "$UP1"
    gateway_config "$D" "$GW" "$ADMIN" "\"127.0.0.1:$UP1\""
    sed -i "s/^server: .*/server: {threads: 2, grace_period_seconds: 1, graceful_shutdown_timeout_seconds: 1}\nlimits: {max_connections: $((IDLE_CONNS + 1000)), idle_timeout: 120s}/" "$D/gateway.yaml"
    start_gateway "$D" "$ADMIN"
    curl -fs -o /dev/null "http://127.0.0.1:$GW/faults/items" || true
    R0=$(rss_kb "$GWPID")
    python3 - "$GW" "$IDLE_CONNS" "$D/rss-open" "$GWPID" <<'PY'
import socket, sys, time, resource
port, n, mark, pid = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
resource.setrlimit(resource.RLIMIT_NOFILE, (n + 1024, n + 1024))
socks = []
req = b"GET /faults/items HTTP/1.1\r\nHost: localhost\r\n\r\n"
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(req)
    socks.append(s)
for s in socks:  # read each answer: every connection is now an idle keep-alive one
    buf = b""
    while b"\r\n\r\n" not in buf:
        buf += s.recv(65536)
time.sleep(1)
rss = [l.split()[1] for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0]
open(mark, "w").write(rss)
for s in socks:
    s.close()
PY
    sleep 3
    R1=$(cat "$D/rss-open"); R2=$(rss_kb "$GWPID")
    echo "| idle-conns | $IDLE_CONNS idle keep-alive connections | - | - | - | - | - | - | RSS $((R0 / 1024)) MB before, $((R1 / 1024)) MB with them open ($(( (R1 - R0) / IDLE_CONNS )) KB each), $((R2 / 1024)) MB 3 s after they closed |"
    ;;
  *) echo "unknown scenario $sc" >&2; exit 2 ;;
  esac
  cleanup; pids=()
done
echo "work dir: $WORK" >&2
