#!/usr/bin/env bash
# End-to-end load test, all in one run on loopback:
#   direct  : wrk → built-in upstream
#   nginx   : wrk → nginx (plain reverse proxy, keep-alive upstream pool) → upstream
#   gateway : wrk → gateway (plain pass-through: routing, canonical path, header policy) → upstream
# Prints req/s, p50, p99 and the ratios gateway/nginx. Needs wrk and nginx (make bench installs them).
# Scenarios run in ROUNDS interleaved rounds; ratios and costs are medians of per-round ratios
# (deploy/bench/lib.sh).
#
# Env: ROUNDS (3), DURATION (5s), CONNS (64), THREADS (2), WORKERS (2: nginx workers = gateway
#      threads), SCENARIOS (space-separated subset of the names below; default all).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS=${WORKERS:-2}
source deploy/bench/lib.sh
PROFILE=${PROFILE:-release}   # PROFILE=debug only to check the script itself
if [ "$PROFILE" = release ]; then cargo build --release -p gateway >/dev/null; else cargo build -p gateway >/dev/null; fi
BIN=$PWD/target/$PROFILE/gateway
WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT


UP=$(free_port); GW=$(free_port); ADMIN=$(free_port); NG=$(free_port); BARE=$(free_port)
"$BIN" upstream --listen 127.0.0.1:$UP --threads 1 2>/dev/null & pids+=($!)

mkdir -p "$WORK/policies" "$WORK/openapi"
cat > "$WORK/gateway.yaml" <<YAML
server: {threads: $WORKERS, grace_period_seconds: 0, graceful_shutdown_timeout_seconds: 1}
listeners: [{address: "127.0.0.1:$GW", plaintext: true}]
admin: {address: "127.0.0.1:$ADMIN"}
paths: {policies: policies, openapi: openapi}
YAML
cat > "$WORK/policies/upstreams.yaml" <<YAML
upstreams:
  bench: {addresses: ["127.0.0.1:$UP"], plaintext: true, health_check: {enabled: false}}
YAML
cat > "$WORK/openapi/bench.yaml" <<YAML
openapi: 3.0.3
info: {title: bench, version: "1"}
x-gateway: {upstream: bench}
paths:
  /bench/items/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {security: [], responses: {"200": {description: ok}}}
  /bench/secure/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {security: [{oauth: [read:bench]}], responses: {"200": {description: ok}}}
  # The same 1 KiB body, validated (schema, caps, screening) or only size-capped.
  /bench/orders:
    post:
      security: []
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
  /bench/import:
    post:
      security: []
      requestBody: {content: {application/octet-stream: {}}}
      responses: {"200": {description: ok}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp/token", scopes: {read:bench: r}}}}
YAML
# A local issuer for the JWT scenario: ES256 key, its JWKS, and a token (verified-token cache on).
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/issuer.key"
"$BIN" token --key "$WORK/issuer.key" --kid bench --iss https://idp.bench --aud api://bench --sub bench --scope read:bench --ttl 1h > "$WORK/token"
python3 - "$WORK" <<'PY'
import json, subprocess, sys, base64
w = sys.argv[1]
der = subprocess.run(["openssl", "ec", "-in", f"{w}/issuer.key", "-pubout", "-outform", "DER"], capture_output=True).stdout
pt = der[-65:]
b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=").decode()
json.dump({"keys": [{"kty": "EC", "crv": "P-256", "x": b(pt[1:33]), "y": b(pt[33:]), "kid": "bench", "alg": "ES256", "use": "sig"}]}, open(f"{w}/jwks.json", "w"))
PY
# JWE (RSA-OAEP-256 + A256GCM) around the same signed token, made by jwcrypto.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwe.pem" 2>/dev/null
openssl pkey -in "$WORK/jwe.pem" -pubout -out "$WORK/jwe.pub" 2>/dev/null
python3 -c "import jwcrypto" 2>/dev/null || python3 -m pip install --quiet --root-user-action=ignore jwcrypto
python3 - "$WORK" <<'PY' | python3 tests/e2e/py/jwe_mint.py | python3 -c 'import json,sys; print(json.load(sys.stdin)[0])' > "$WORK/jwe-token"
import json, sys
w = sys.argv[1]
print(json.dumps([{"key": {"pem": open(f"{w}/jwe.pub").read()}, "alg": "RSA-OAEP-256", "enc": "A256GCM",
                   "kid": "enc-1", "payload": open(f"{w}/token").read().strip(), "cty": "JWT"}]))
PY
cat > "$WORK/policies/issuers.yaml" <<YAML
issuers:
  bench:
    issuer: "https://idp.bench"
    audiences: ["api://bench"]
    jwks_file: ../jwks.json
    algorithms: [ES256]
    jwe: {encryption: [A256GCM], keys: [{kid: enc-1, alg: RSA-OAEP-256, key: ../jwe.pem}]}
YAML
TOKEN=$(cat "$WORK/token")
JWE=$(cat "$WORK/jwe-token")
# A typical 1 KiB JSON order (free text included, so screening has work to do).
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
body = {"sku": "SKU-12345", "quantity": 3, "tags": ["gift", "express", "fragile"],
        "note": "Ann O'Brien: please gift wrap, leave at the side door if nobody answers. " * 8}
raw = json.dumps(body)
raw = raw[:-1] + " " * (1023 - len(raw)) + "}"
for name, ctype in (("json", "application/json"), ("raw", "application/octet-stream")):
    open(f"{w}/{name}.lua", "w").write(
        'wrk.method = "POST"\nwrk.body = [[' + raw + ']]\nwrk.headers["Content-Type"] = "' + ctype + '"\n')
print(len(raw), file=sys.stderr)
PY
# A second gateway with the verified-token cache off: the cold cost of every check.
GW2=$(free_port); ADMIN2=$(free_port)
mkdir -p "$WORK/nocache"
cp -r "$WORK/policies" "$WORK/openapi" "$WORK/nocache/"
sed -i 's#\.\./jwks.json#../../jwks.json#; s#\.\./jwe.pem#../../jwe.pem#' "$WORK/nocache/policies/issuers.yaml"
echo "auth: {cache_max_ttl: 0s}" > "$WORK/nocache/policies/auth.yaml"
sed "s/$GW/$GW2/; s/$ADMIN/$ADMIN2/" "$WORK/gateway.yaml" > "$WORK/nocache/gateway.yaml"
# A third one with the cache on but no signed upstream assertion: the cost of checking alone.
GW3=$(free_port); ADMIN3=$(free_port)
mkdir -p "$WORK/noassert"
cp -r "$WORK/nocache/policies" "$WORK/nocache/openapi" "$WORK/noassert/"
echo "assertion: {enabled: false}" > "$WORK/noassert/policies/auth.yaml"
sed "s/$GW/$GW3/; s/$ADMIN/$ADMIN3/" "$WORK/gateway.yaml" > "$WORK/noassert/gateway.yaml"
GATEWAY_LOG=warn "$BIN" run -c "$WORK/gateway.yaml" 2>"$WORK/gateway.log" & pids+=($!)
GATEWAY_LOG=warn "$BIN" run -c "$WORK/nocache/gateway.yaml" 2>"$WORK/gateway2.log" & pids+=($!)
GATEWAY_LOG=warn "$BIN" run -c "$WORK/noassert/gateway.yaml" 2>"$WORK/gateway3.log" & pids+=($!)

cat > "$WORK/nginx.conf" <<NGINX
worker_processes $WORKERS;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream up { server 127.0.0.1:$UP; keepalive 128; }
  server {
    listen 127.0.0.1:$NG;
    location / {
      proxy_pass http://up;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' & pids+=($!)
# A bare Pingora proxy (same binary and allocator, no policy at all): the floor of the stack.
"$BIN" bare-proxy --listen 127.0.0.1:$BARE --upstream 127.0.0.1:$UP --threads "$WORKERS" 2>/dev/null & pids+=($!)

wait_http "http://127.0.0.1:$UP/healthz"
wait_http "http://127.0.0.1:$ADMIN/readyz"
wait_http "http://127.0.0.1:$ADMIN2/readyz"
wait_http "http://127.0.0.1:$ADMIN3/readyz"
wait_http "http://127.0.0.1:$NG/healthz"
wait_http "http://127.0.0.1:$BARE/healthz"

GWPID=${pids[1]}; GW2PID=${pids[2]}; GW3PID=${pids[3]}; BAREPID=${pids[5]}
for s in gateway gw+browser gw+jwt gw+jwe body-raw body-valid; do PID_OF[$s]=$GWPID; done
PID_OF[jwt-cold]=$GW2PID; PID_OF[jwe-cold]=$GW2PID; PID_OF[jwt-noassert]=$GW3PID; PID_OF[pingora]=$BAREPID
PATH_=/bench/items/42
# What a desktop browser sends along (gw+browser): every value is screened for injections.
BROWSER=(-H "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
  -H "Accept: application/json, text/plain, */*" -H "Accept-Language: en-GB,en;q=0.9,de;q=0.8"
  -H "Accept-Encoding: gzip, deflate, br, zstd" -H "Referer: https://shop.example.com/checkout?step=2"
  -H "Origin: https://shop.example.com" -H "Sec-Fetch-Site: same-site" -H "Sec-Fetch-Mode: cors"
  -H 'Sec-CH-UA: "Chromium";v="131", "Not_A Brand";v="24"' -H "Cookie: session=Zm9vYmFyYmF6cXV4; theme=dark; consent=1")
ALL="direct nginx pingora gateway gw+browser gw+jwt gw+jwe jwt-noassert body-raw body-valid jwt-cold jwe-cold"
SCENARIOS=${SCENARIOS:-$ALL}
scenario() { # round name: the URL and wrk arguments of each scenario
  case $2 in
    direct) measure "$1" "$2" "http://127.0.0.1:$UP$PATH_" ;;
    nginx) measure "$1" "$2" "http://127.0.0.1:$NG$PATH_" ;;
    pingora) measure "$1" "$2" "http://127.0.0.1:$BARE$PATH_" ;;
    gateway) measure "$1" "$2" "http://127.0.0.1:$GW$PATH_" ;;
    gw+browser) measure "$1" "$2" "http://127.0.0.1:$GW$PATH_" "${BROWSER[@]}" ;;
    gw+jwt) measure "$1" "$2" "http://127.0.0.1:$GW/bench/secure/42" -H "Authorization: Bearer $TOKEN" ;;
    gw+jwe) measure "$1" "$2" "http://127.0.0.1:$GW/bench/secure/42" -H "Authorization: Bearer $JWE" ;;
    jwt-noassert) measure "$1" "$2" "http://127.0.0.1:$GW3/bench/secure/42" -H "Authorization: Bearer $TOKEN" ;;
    body-raw) measure "$1" "$2" "http://127.0.0.1:$GW/bench/import" -s "$WORK/raw.lua" ;;
    body-valid) measure "$1" "$2" "http://127.0.0.1:$GW/bench/orders" -s "$WORK/json.lua" ;;
    jwt-cold) measure "$1" "$2" "http://127.0.0.1:$GW2/bench/secure/42" -H "Authorization: Bearer $TOKEN" ;;
    jwe-cold) measure "$1" "$2" "http://127.0.0.1:$GW2/bench/secure/42" -H "Authorization: Bearer $JWE" ;;
    *) echo "unknown scenario $2" >&2; return 1 ;;
  esac
}

echo "wrk -t$THREADS -c$CONNS -d$DURATION x $ROUNDS rounds, $(nproc) cores, nginx workers = gateway threads = $WORKERS"
warm "http://127.0.0.1:$GW$PATH_"; warm "http://127.0.0.1:$NG$PATH_"
header
for r in $(seq "$ROUNDS"); do
  for s in $SCENARIOS; do scenario "$r" "$s"; done
done
echo
# shellcheck disable=SC2086
summary $SCENARIOS
echo
ratio gateway nginx "gateway/nginx req/s (goal >= 1.00)"
ratio pingora nginx "bare Pingora/nginx req/s (the floor of the stack)"
ratio gateway pingora "gateway/bare Pingora req/s (what the gateway policies cost)"
cost gw+browser gateway "ten browser headers (screened, verdicts cached) vs none"
cost jwt-noassert gateway "JWT (cached) check alone" 10
cost gw+jwt gateway "JWT (cached) + signed assertion"
ratio gw+jwe gw+jwt "JWE/JWT cached"
cost body-valid body-raw "1 KiB body validation vs the same body size-capped only" 10
ratio jwt-cold gateway "cold JWT (no cache)/pass-through"
ratio jwe-cold jwt-cold "cold JWE/JWT"
