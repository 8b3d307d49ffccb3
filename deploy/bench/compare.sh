#!/usr/bin/env bash
# The gateway against the proxies a platform team would pick instead, in one run (issue 17).
#
#   direct        wrk → upstream (nginx answering 200 from memory)
#   nginx         plain reverse proxy, keep-alive upstream pool
#   haproxy       plain reverse proxy, http-reuse always
#   haproxy-jwt   + jwt_verify RS256 on every request (alg, iss, aud, exp checked), a stick-table
#                 per-IP rate limit and a scope check: a realistic "secure" HAProxy
#   gw-pass       the gateway on a public route (routing, canonical path, header policy)
#   gw-full       RS256 JWT (verified-token cache on), scope, per-IP + per-client limits
#                 (local + Redis async), audit log to a file, metrics, signed upstream assertion
#   gw-body       gw-full + a 1 KiB JSON body validated and screened
#   gw-forged     gw-full with a token signed by another key (signature checked, 401)
#   gw-otel100 / gw-otel1     gw-full with OpenTelemetry traces exported over OTLP/HTTP to a local
#                 sink (deploy/bench/otlp_sink.py, on the client core), sampled at 100 % / 1 %;
#                 gw-full is the same configuration with export off. Span drops are printed.
#   nginx-tls / gw-tls        HTTPS keep-alive (same ECDSA P-256 certificate, TLS 1.3 only)
#   nginx-hs / gw-hs          a new TLS 1.3 handshake per request (Connection: close)
#   gw-status     the admin listener's status page (/status of gw-full, after gw-forged filled
#                 its list of recent denials): CPU per page rendered
#   Client certificates at the edge (wrk cannot present one, so a client-side nginx on the
#   client core does: wrk → nginx → the `mtls` gateway's TLS listener, which asks for
#   certificates from a CA; that nginx's CPU is the client's, not noise):
#   gw-via-anon   keep-alive TLS, no certificate, a public route
#   gw-via-jwt    keep-alive TLS, no certificate, the RS256 token route (verified-token cache)
#   gw-via-cert   keep-alive TLS with a client certificate, a `mutualTLS` route (the mapped
#                 certificate is the credential)
#   gw-hs-anon / gw-hs-cert   a new TLS 1.3 handshake per request without / with a client
#                 certificate (verified against the CA at each handshake)
#   gw-pass-before / gw-full-before / gw-body-before / gw-forged-before / gw-tls-before   with
#                 BEFORE_BIN=<a gateway binary of another commit>: the same pass-through, full-stack,
#                 body, forged-token and HTTPS keep-alive rows served by that binary, in the
#                 same interleaved rounds (a before/after comparison within one run)
#
# Method: the client (wrk -t1) runs on CLIENT_CPU, upstream and proxies on SERVER_CPU, one worker
# each. Scenarios run in ROUNDS interleaved rounds; the table shows medians and the ratios are
# medians of per-round ratios (each ratio line also gives the ratio of the table's two medians,
# marked when an outlying round puts it on the other side of the goal). Each measurement reads the proxy's own CPU time from /proc (µs per
# request: far steadier than req/s here) and the busy time of the server core; a measurement
# during which other processes used more than NOISE_PCT % of the server core is discarded and
# repeated (up to 3 times), and flagged if it stays noisy.
# The upstream shares the server core, so its CPU time a request (`up µs/req`) is printed too:
# it is part of each row's req/s, and depends on the proxy in front (how many requests the
# upstream finds waiting each time it runs).
#
# Env: ROUNDS (3), DURATION (5s), CONNS (64), CLIENT_CPU (0), SERVER_CPU (1), NOISE_PCT (10),
#      SCENARIOS (subset), PROFILE (release; debug only to check the script), IDLE_CONNS (10000;
#      0 skips the memory part), BIN (a gateway binary built beforehand: no build), HOLD (a file: set up, write the scenarios' PIDs, URLs and wrk
#      arguments there, and keep every server running for a profiler instead of measuring).
#      Installs nginx, HAProxy, wrk and redis from Debian when missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
CONNS=${CONNS:-64}
CLIENT_CPU=${CLIENT_CPU:-0}
SERVER_CPU=${SERVER_CPU:-1}
NOISE_PCT=${NOISE_PCT:-10}
IDLE_CONNS=${IDLE_CONNS:-10000}
PROFILE=${PROFILE:-release}
ulimit -n "$(ulimit -Hn)"   # 10,000 idle connections need the hard limit (20,000 here)

need=""
for p in nginx:nginx-light haproxy:haproxy wrk:wrk redis-server:redis-server; do
  command -v "${p%%:*}" >/dev/null 2>&1 || need="$need ${p#*:}"
done
if [ -n "$need" ]; then
  echo "installing:$need"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need >/dev/null
fi
# Debian starts the packaged services; they would share the cores with the measurement.
systemctl stop nginx haproxy 2>/dev/null || true

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
if [ -z "${BIN:-}" ]; then
  if [ "$PROFILE" = release ]; then cargo build --release -p gateway >/dev/null; else cargo build -p gateway >/dev/null; fi
  BIN=$TARGET/$PROFILE/gateway
fi
W=$(mktemp -d /tmp/gateway-compare.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
srv() { exec taskset -c "$SERVER_CPU" "$@"; }   # only ever run in the background: `srv cmd &`
wait_up() { for _ in $(seq 200); do curl -ksf -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "not up: $1" >&2; for l in "$W"/*/log; do [ -s "$l" ] && { echo "--- $l" >&2; tail -5 "$l" >&2; }; done; exit 1; }
declare -A URL PID ARGS

# --- keys, tokens, certificates -------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/idp.key" 2>/dev/null
openssl pkey -in "$W/idp.key" -pubout -out "$W/idp.pub" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/forger.key" 2>/dev/null
mint() { "$BIN" token --key "$1" --alg RS256 --kid bench --iss https://idp.bench --aud api://bench \
  --sub bench --client-id bench-client --scope "read:bench" --ttl 2h; }
TOKEN=$(mint "$W/idp.key")
FORGED=$(mint "$W/forger.key")
python3 - "$W" <<'PY'
import json, subprocess, sys, base64
w = sys.argv[1]
txt = subprocess.run(["openssl", "rsa", "-pubin", "-in", f"{w}/idp.pub", "-noout", "-text"], capture_output=True, text=True).stdout
hexes, cur = {}, None
for line in txt.splitlines():
    s = line.strip()
    if s.startswith("Modulus"): cur = "n"; hexes[cur] = ""; continue
    if s.startswith("Exponent"): e = int(s.split()[1]); cur = None; continue
    if cur and s: hexes[cur] += s.replace(":", "")
n = bytes.fromhex(hexes["n"]).lstrip(b"\0")
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
json.dump({"keys": [{"kty": "RSA", "n": b(n), "e": b(e.to_bytes(3, "big").lstrip(b"\0")),
                     "kid": "bench", "alg": "RS256", "use": "sig"}]}, open(f"{w}/jwks.json", "w"))
PY
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$W/edge.key" -out "$W/edge.crt" 2>/dev/null
cat "$W/edge.crt" "$W/edge.key" > "$W/edge.pem"
# A partner CA and one client certificate it signed (clientAuth), for the `mtls` gateway.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
  -subj "/CN=bench partner CA" -keyout "$W/pca.key" -out "$W/pca.crt" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=bench-partner \
  -keyout "$W/partner.key" -out "$W/partner.csr" 2>/dev/null
printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n' > "$W/partner.ext"
openssl x509 -req -in "$W/partner.csr" -CA "$W/pca.crt" -CAkey "$W/pca.key" -CAcreateserial -days 2 \
  -extfile "$W/partner.ext" -out "$W/partner.crt" 2>/dev/null

# --- the upstream and the peers ---------------------------------------------------------------
UP=$(port); NG=$(port); NGT=$(port); HA=$(port); HJ=$(port); RP=$(port)
mkdir -p "$W/up" "$W/ng"
cat >"$W/up/nginx.conf" <<NGINX
worker_processes 1; daemon off; error_log $W/up/error.log; pid $W/up/nginx.pid;
events { worker_connections 16384; }
http { access_log off; server { listen 127.0.0.1:$UP backlog=4096; keepalive_requests 1000000;
  location / { default_type application/json; return 200 '{"ok":true}'; } } }
NGINX
srv nginx -p "$W/up" -c "$W/up/nginx.conf" & PIDS+=($!); PID[direct]=$!
cat >"$W/ng/nginx.conf" <<NGINX
worker_processes 1; daemon off; error_log $W/ng/error.log; pid $W/ng/nginx.pid;
worker_rlimit_nofile 65536;
events { worker_connections 16384; }
http {
  access_log off; keepalive_requests 1000000;
  upstream up { server 127.0.0.1:$UP; keepalive 128; }
  server {
    listen 127.0.0.1:$NG backlog=4096;
    listen 127.0.0.1:$NGT ssl backlog=4096;
    ssl_certificate $W/edge.crt; ssl_certificate_key $W/edge.key;
    ssl_protocols TLSv1.3; ssl_session_cache off; ssl_session_tickets off;
    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_set_header X-Forwarded-For \$remote_addr; }
  }
}
NGINX
srv nginx -p "$W/ng" -c "$W/ng/nginx.conf" & PIDS+=($!)
for s in nginx nginx-tls nginx-hs; do PID[$s]=$!; done
haproxy_cfg() { # port extra-frontend-lines
  cat <<HAP
global
  nbthread 1
  maxconn 9000
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  option http-keep-alive
frontend fe
  bind 127.0.0.1:$1
$2
  default_backend be
backend be
  http-reuse always
  server up 127.0.0.1:$UP
HAP
}
haproxy_cfg "$HA" "" > "$W/haproxy.cfg"
haproxy_cfg "$HJ" "  stick-table type ip size 100k expire 60s store http_req_rate(10s)
  http-request track-sc0 src
  http-request deny deny_status 429 if { sc_http_req_rate(0) gt 1000000000 }
  http-request deny deny_status 401 unless { req.hdr(authorization) -m beg \"Bearer \" }
  http-request set-var(txn.bearer) http_auth_bearer
  http-request set-var(txn.alg) var(txn.bearer),jwt_header_query('\$.alg')
  http-request deny deny_status 401 unless { var(txn.alg) -m str RS256 }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_payload_query('\$.iss') -m str https://idp.bench }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_payload_query('\$.aud') -m str api://bench }
  http-request set-var(txn.now) date()
  http-request set-var(txn.exp) var(txn.bearer),jwt_payload_query('\$.exp','int')
  http-request deny deny_status 401 if { var(txn.exp),sub(txn.now) -m int lt 0 }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_verify(txn.alg,\"$W/idp.pub\") -m int 1 }
  http-request deny deny_status 403 unless { var(txn.bearer),jwt_payload_query('\$.scope') -m sub read:bench }" > "$W/haproxy-jwt.cfg"
srv haproxy -f "$W/haproxy.cfg" -db & PIDS+=($!); PID[haproxy]=$!
srv haproxy -f "$W/haproxy-jwt.cfg" -db & PIDS+=($!); PID[haproxy-jwt]=$!
srv redis-server --port "$RP" --bind 127.0.0.1 --save "" --appendonly no >/dev/null & PIDS+=($!)

# --- the gateways -----------------------------------------------------------------------------
SPEC='openapi: 3.0.3
info: {title: bench, version: "1"}
x-gateway: {upstream: bench}
paths:
  /bench/items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {security: [], responses: {"200": {description: ok}}}
  /bench/secure/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {security: [{oauth: [read:bench]}], responses: {"200": {description: ok}}}
  /bench/orders:
    post:
      security: [{oauth: [read:bench]}]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [sku, quantity]
              properties:
                sku: {type: string, maxLength: 64}
                quantity: {type: integer, minimum: 1, maximum: 1000}
                note: {type: string, maxLength: 1000}
                tags: {type: array, maxItems: 10, items: {type: string, maxLength: 32}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp/token", scopes: {read:bench: r}}}}'
PARTNER_SPEC='openapi: 3.1.0
info: {title: partner, version: "1"}
x-gateway: {upstream: bench}
paths:
  /bench/partner/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {security: [{cert: [read:bench]}], responses: {"200": {description: ok}}}
components:
  securitySchemes:
    cert: {type: mutualTLS}'
gateway() { # name full(0|1) [sample ratio: export traces] [mtls] [binary] -> sets GWP_<name>, GWT_<name>
  local d="$W/$1" p t a
  p=$(port); t=$(port); a=$(port)
  mkdir -p "$d/policies" "$d/openapi"
  cp "$W/jwks.json" "$d/jwks.json"
  local audit=""
  [ "$2" = 1 ] && audit="audit:
  signing_key: audit/key.pem
  generate_key: true
  file: {path: audit/audit.log, fsync: interval, fsync_interval: 1s, max_bytes: 4294967296}"
  local otel=""
  [ -n "${3:-}" ] && otel="tracing: {endpoint: \"http://127.0.0.1:$OTLP/v1/traces\", sample_ratio: $3}"
  local cca=""
  if [ "${4:-}" = mtls ]; then
    cca=", client_ca: {ca: $W/pca.crt, mode: request}"
    printf '%s\n' "$PARTNER_SPEC" > "$d/openapi/partner.yaml"
    printf 'client_certificates:\n  - {subject_cn: bench-partner, client_id: partner, tenant: bench, scopes: [read:bench]}\n' \
      > "$d/policies/clients.yaml"
  fi
  cat >"$d/gateway.yaml" <<G
server: {threads: 1, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1}
listeners:
  - {address: "127.0.0.1:$p", plaintext: true}
  - {address: "127.0.0.1:$t", tls: {cert: $W/edge.crt, key: $W/edge.key}$cca}
admin: {address: "127.0.0.1:$a"}
limits: {max_connections: 65536}
paths: {policies: policies, openapi: openapi}
$audit
$otel
G
  cat >"$d/policies/upstreams.yaml" <<U
upstreams:
  bench: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
U
  cat >"$d/policies/issuers.yaml" <<I
issuers:
  bench: {issuer: "https://idp.bench", audiences: ["api://bench"], jwks_file: ../jwks.json, algorithms: [RS256]}
I
  [ "$2" = 1 ] && cat >"$d/policies/ratelimits.yaml" <<R
rate_limits:
  redis: {urls: ["redis://127.0.0.1:$RP/"], sync_interval: 100ms}
  tiers:
    bench: {per_second: 1000000000, burst: 1000000000}
  limits:
    per-ip: {key: ip, per_second: 1000000000, burst: 1000000000}
    per-client: {key: client, default_tier: bench}
R
  printf '%s\n' "$SPEC" > "$d/openapi/bench.yaml"
  local bin=${5:-$BIN}
  (cd "$d" && GATEWAY_LOG=error exec taskset -c "$SERVER_CPU" "$bin" run -c gateway.yaml 2>"$d/log") & PIDS+=($!)
  eval "GWP_$1=$p GWT_$1=$t GWA_$1=$a GWPID_$1=$!"
}
OTLP=$(port)
(exec taskset -c "$CLIENT_CPU" python3 "$ROOT/deploy/bench/otlp_sink.py" "$OTLP" >"$W/otlp.log" 2>&1) & PIDS+=($!); OTLP_PID=$!
gateway pass 0
gateway full 1
gateway otel100 1 1.0
gateway otel1 1 0.01
gateway mtls 0 "" mtls
BEFORE=""
if [ -n "${BEFORE_BIN:-}" ]; then
  gateway passb 0 "" "" "$BEFORE_BIN"
  gateway fullb 1 "" "" "$BEFORE_BIN"
  BEFORE="gw-pass-before gw-full-before gw-body-before gw-forged-before gw-tls-before"
fi
wait_up "http://127.0.0.1:$UP/"; wait_up "http://127.0.0.1:$NG/"; wait_up "http://127.0.0.1:$HA/"
wait_up "http://127.0.0.1:$GWA_pass/readyz"; wait_up "http://127.0.0.1:$GWA_full/readyz"
wait_up "http://127.0.0.1:$GWA_otel100/readyz"; wait_up "http://127.0.0.1:$GWA_otel1/readyz"
wait_up "http://127.0.0.1:$GWA_mtls/readyz"
if [ -n "$BEFORE" ]; then
  wait_up "http://127.0.0.1:$GWA_passb/readyz"; wait_up "http://127.0.0.1:$GWA_fullb/readyz"
  PID[gw-pass-before]=$GWPID_passb; PID[gw-tls-before]=$GWPID_passb; PID[gw-full-before]=$GWPID_fullb; PID[gw-forged-before]=$GWPID_fullb; PID[gw-body-before]=$GWPID_fullb
fi
# The client-side nginx that presents the partner certificate (on the client core; see the top).
# One upstream block per certificate: nginx's keep-alive pool is per block, not per certificate.
VA=$(port); VJ=$(port); VC=$(port); HSA=$(port); HSC=$(port)
mkdir -p "$W/cl"
tls_up() { # certificate(0|1)
  echo "proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host localhost;"
  echo "proxy_ssl_protocols TLSv1.3; proxy_ssl_server_name on; proxy_ssl_name localhost;"
  [ "$1" = 1 ] && echo "proxy_ssl_certificate $W/partner.crt; proxy_ssl_certificate_key $W/partner.key;"
  true
}
cat >"$W/cl/nginx.conf" <<NGINX
worker_processes 1; daemon off; error_log $W/cl/error.log; pid $W/cl/nginx.pid;
worker_rlimit_nofile 65536;
events { worker_connections 16384; }
http {
  access_log off; keepalive_requests 1000000;
  upstream gw_anon { server 127.0.0.1:$GWT_mtls; keepalive 128; }
  upstream gw_jwt  { server 127.0.0.1:$GWT_mtls; keepalive 128; }
  upstream gw_cert { server 127.0.0.1:$GWT_mtls; keepalive 128; }
  server { listen 127.0.0.1:$VA backlog=4096; location / { proxy_pass https://gw_anon; $(tls_up 0) } }
  server { listen 127.0.0.1:$VJ backlog=4096; location / { proxy_pass https://gw_jwt; $(tls_up 0) } }
  server { listen 127.0.0.1:$VC backlog=4096; location / { proxy_pass https://gw_cert; $(tls_up 1) } }
  # No pool and no session reuse: a full TLS 1.3 handshake per request.
  server { listen 127.0.0.1:$HSA backlog=4096; location / { proxy_pass https://127.0.0.1:$GWT_mtls;
    $(tls_up 0) proxy_ssl_session_reuse off; } }
  server { listen 127.0.0.1:$HSC backlog=4096; location / { proxy_pass https://127.0.0.1:$GWT_mtls;
    $(tls_up 1) proxy_ssl_session_reuse off; } }
}
NGINX
(exec taskset -c "$CLIENT_CPU" nginx -p "$W/cl" -c "$W/cl/nginx.conf") & PIDS+=($!); CLIENT_NGINX=$!
wait_up "http://127.0.0.1:$VA/bench/items/1"
PID[gw-otel100]=$GWPID_otel100; PID[gw-otel1]=$GWPID_otel1
for s in gw-pass gw-tls gw-hs; do PID[$s]=$GWPID_pass; done
for s in gw-full gw-body gw-forged gw-status; do PID[$s]=$GWPID_full; done
for s in gw-via-anon gw-via-jwt gw-via-cert gw-hs-anon gw-hs-cert; do PID[$s]=$GWPID_mtls; done
python3 - "$W" <<'PY'
import json, sys
w = sys.argv[1]
body = {"sku": "SKU-12345", "quantity": 3, "tags": ["gift", "express", "fragile"],
        "note": "Ann O'Brien: please gift wrap, leave at the side door if nobody answers. " * 8}
raw = json.dumps(body)
raw = raw[:-1] + " " * (1023 - len(raw)) + "}"
open(f"{w}/body.lua", "w").write('wrk.method = "POST"\nwrk.body = [[' + raw + ']]\nwrk.headers["Content-Type"] = "application/json"\n')
PY
P=/bench/items/42; S=/bench/secure/42
AUTH="Authorization: Bearer $TOKEN"
URL[direct]=http://127.0.0.1:$UP$P;        ARGS[direct]=""
URL[nginx]=http://127.0.0.1:$NG$P;         ARGS[nginx]=""
URL[haproxy]=http://127.0.0.1:$HA$P;       ARGS[haproxy]=""
URL[haproxy-jwt]=http://127.0.0.1:$HJ$S;   ARGS[haproxy-jwt]="-H|$AUTH"
URL[gw-pass]=http://127.0.0.1:$GWP_pass$P; ARGS[gw-pass]=""
URL[gw-full]=http://127.0.0.1:$GWP_full$S; ARGS[gw-full]="-H|$AUTH"
URL[gw-body]=http://127.0.0.1:$GWP_full/bench/orders; ARGS[gw-body]="-H|$AUTH|-s|$W/body.lua"
URL[gw-otel100]=http://127.0.0.1:$GWP_otel100$S; ARGS[gw-otel100]="-H|$AUTH"
URL[gw-otel1]=http://127.0.0.1:$GWP_otel1$S; ARGS[gw-otel1]="-H|$AUTH"
URL[gw-forged]=http://127.0.0.1:$GWP_full$S; ARGS[gw-forged]="-H|Authorization: Bearer $FORGED"
URL[nginx-tls]=https://127.0.0.1:$NGT$P;   ARGS[nginx-tls]=""
URL[gw-tls]=https://127.0.0.1:$GWT_pass$P; ARGS[gw-tls]=""
URL[nginx-hs]=https://127.0.0.1:$NGT$P;    ARGS[nginx-hs]="-H|Connection: close"
URL[gw-hs]=https://127.0.0.1:$GWT_pass$P;  ARGS[gw-hs]="-H|Connection: close"
URL[gw-status]=http://127.0.0.1:$GWA_full/status; ARGS[gw-status]=""
if [ -n "$BEFORE" ]; then
  URL[gw-pass-before]=http://127.0.0.1:$GWP_passb$P; ARGS[gw-pass-before]=""
  URL[gw-tls-before]=https://127.0.0.1:$GWT_passb$P; ARGS[gw-tls-before]=""
  URL[gw-full-before]=http://127.0.0.1:$GWP_fullb$S; ARGS[gw-full-before]="-H|$AUTH"
  URL[gw-forged-before]=http://127.0.0.1:$GWP_fullb$S; ARGS[gw-forged-before]="-H|Authorization: Bearer $FORGED"
  URL[gw-body-before]=http://127.0.0.1:$GWP_fullb/bench/orders; ARGS[gw-body-before]="-H|$AUTH|-s|$W/body.lua"
fi
C=/bench/partner/42
URL[gw-via-anon]=http://127.0.0.1:$VA$P;   ARGS[gw-via-anon]=""
URL[gw-via-jwt]=http://127.0.0.1:$VJ$S;    ARGS[gw-via-jwt]="-H|$AUTH"
URL[gw-via-cert]=http://127.0.0.1:$VC$C;   ARGS[gw-via-cert]=""
URL[gw-hs-anon]=http://127.0.0.1:$HSA$P;   ARGS[gw-hs-anon]=""
URL[gw-hs-cert]=http://127.0.0.1:$HSC$C;   ARGS[gw-hs-cert]=""
# Each scenario answers what it should before anything is measured.
expect() { local code; code=$(curl -ks -o /dev/null -w '%{http_code}' "$@"); echo "$code"; }
[ "$(expect "${URL[haproxy-jwt]}" -H "$AUTH")" = 200 ] || { echo "haproxy-jwt refuses the valid token" >&2; exit 1; }
[ "$(expect "${URL[haproxy-jwt]}" -H "Authorization: Bearer $FORGED")" = 401 ] || { echo "haproxy-jwt accepts a forged token" >&2; exit 1; }
[ "$(expect "${URL[gw-full]}" -H "$AUTH")" = 200 ] || { echo "gateway refuses the valid token" >&2; exit 1; }
[ "$(expect "${URL[gw-forged]}" -H "Authorization: Bearer $FORGED")" = 401 ] || { echo "gateway accepts a forged token" >&2; exit 1; }
[ "$(expect "${URL[gw-tls]}")" = 200 ] || { echo "gateway TLS listener not answering" >&2; exit 1; }
for s in gw-via-anon gw-via-cert gw-hs-anon gw-hs-cert gw-status; do
  [ "$(expect "${URL[$s]}")" = 200 ] || { echo "$s: not 200" >&2; exit 1; }
done
[ "$(expect "${URL[gw-via-jwt]}" -H "$AUTH")" = 200 ] || { echo "gw-via-jwt: not 200" >&2; exit 1; }
if [ -n "$BEFORE" ]; then
  [ "$(expect "${URL[gw-full-before]}" -H "$AUTH")" = 200 ] || { echo "the BEFORE_BIN gateway refuses the valid token" >&2; exit 1; }
fi
# Without the certificate the partner route refuses: the certificate is what is measured.
[ "$(expect "http://127.0.0.1:$VA$C")" = 401 ] || { echo "the partner route answers without a certificate" >&2; exit 1; }

ALL="direct nginx haproxy haproxy-jwt gw-pass gw-full gw-otel100 gw-otel1 gw-body gw-forged gw-status nginx-tls gw-tls nginx-hs gw-hs gw-via-anon gw-via-jwt gw-via-cert gw-hs-anon gw-hs-cert"
SCENARIOS=${SCENARIOS:-$ALL $BEFORE}
SPEC_FILE=$W/scenarios.tsv
: > "$SPEC_FILE"
for s in $SCENARIOS; do printf '%s\t%s\t%s\t%s\n' "$s" "${PID[$s]}" "${URL[$s]}" "${ARGS[$s]}" >> "$SPEC_FILE"; done
if [ -n "${HOLD:-}" ]; then
  # For profiling: the same servers, left running; the file lists scenario, PID, URL, wrk args.
  cp "$SPEC_FILE" "$HOLD"
  echo "holding: scenarios in $HOLD; Ctrl-C (or kill $$) stops every server"
  while sleep 3600; do :; done
fi
echo "wrk -t1 -c$CONNS -d$DURATION x $ROUNDS rounds; client on CPU $CLIENT_CPU, upstream and proxies on CPU $SERVER_CPU, one worker each"
# Every process of ours on the server core: the rest of its busy time is noise.
UPSTREAM_PID=${PID[direct]} python3 "$ROOT/deploy/bench/compare.py" "$SPEC_FILE" "$ROUNDS" "$DURATION" "$CONNS" "$CLIENT_CPU" "$SERVER_CPU" "$NOISE_PCT" "${PIDS[*]}" \
  "$CLIENT_NGINX $OTLP_PID"
# Trace export: what was sent and what was dropped (a drop never slows a request down).
for g in otel100 otel1; do
  a=GWA_$g
  echo "gw-$g spans: $(curl -s "http://127.0.0.1:${!a}/metrics" | grep -E '^gateway_trace_spans_(exported|dropped)_total' | tr '\n' ' ')"
done
kill "$OTLP_PID" 2>/dev/null && sleep 0.2 && cat "$W/otlp.log"

# --- memory: idle, and with IDLE_CONNS idle keep-alive connections (plain and TLS) ------------------
if [ "$IDLE_CONNS" -gt 0 ]; then
  rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }
  gp=${PID[gw-pass]}
  echo
  echo "gateway RSS idle: $(rss "$gp") MiB"
  for scheme in http https; do
    port=$GWP_pass; [ $scheme = https ] && port=$GWT_pass
    python3 "$ROOT/deploy/bench/idle_conns.py" "$scheme" 127.0.0.1 "$port" "$IDLE_CONNS" "$P" "$gp" \
      || echo "idle connections ($scheme): failed"
    sleep 1
    echo "  after they closed: $(rss "$gp") MiB"
  done
  echo "nginx RSS idle, master + worker: $(ps -o rss= --ppid "${PID[nginx]}" -p "${PID[nginx]}" | awk '{s+=$1} END {print int(s/1024)}') MiB"
fi
