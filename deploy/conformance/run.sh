#!/usr/bin/env bash
# Independent conformance runs: schemathesis (positive and negative generation) against the
# gateway serving each OpenAPI document in front of an echo upstream that answers 200 to
# everything. Per document it prints: requests sent, valid requests the gateway refused
# ("wrongly refused": positive mode, a gateway problem+json answer) and invalid requests it
# forwarded ("wrongly forwarded": negative mode, the echo's answer). Each disagreement is then
# judged against the OAS text (docs/specs.md).
#
# Bounded: --max-examples per operation and --max-time per run (EXAMPLES, MAX_TIME below).
#
#   deploy/conformance/run.sh [DOC.yaml ...]     # default: ../shared/openapi-corpus/*.yaml
#
# Needs: python3 with schemathesis (pip install schemathesis), curl, and a built gateway
# (GATEWAY_BIN, default $CARGO_TARGET_DIR/debug/gateway or target/debug/gateway).
#
# The copy each run serves carries the `x-gateway` binding, every security scheme mapped to
# `delegate` (authentication is not what this measures), and `security: []` when the document
# declares no security at all. Nothing else of the document changes. The copy is served in
# non-strict mode (STRICT=true to keep the default): strict mode refuses undeclared members,
# which JSON Schema allows, on purpose (docs/specs.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
EXAMPLES=${EXAMPLES:-5}
MAX_TIME=${MAX_TIME:-120}
BIN=${GATEWAY_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/debug/gateway}
[ -x "$BIN" ] || { echo "no gateway binary at $BIN (cargo build -p gateway, or set GATEWAY_BIN)"; exit 2; }
command -v st >/dev/null || { echo "schemathesis missing: pip install schemathesis"; exit 2; }
if [ $# -gt 0 ]; then DOCS=("$@"); else DOCS=("$ROOT"/../shared/openapi-corpus/*.yaml); fi

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The echo upstream: 200 and a marker body for every method and path.
ECHO_PORT=$(free_port)
python3 - "$ECHO_PORT" <<'PY' &
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def handle_one(self):
        n = int(self.headers.get("content-length") or 0)
        if n: self.rfile.read(n)
        body = b'{"echo":true}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("x-echo", "1")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)
    def log_message(self, *a): pass
for m in ["GET","POST","PUT","PATCH","DELETE","OPTIONS","HEAD","TRACE"]:
    setattr(H, "do_" + m, H.handle_one)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
PIDS+=($!)

printf "%-28s %8s %8s %16s %18s\n" document targets sent "wrongly refused" "wrongly forwarded"
for doc in "${DOCS[@]}"; do
  name=$(basename "$doc"); name=${name%.*}
  d="$WORK/$name"; mkdir -p "$d/policies" "$d/openapi"
  PORT=$(free_port); ADMIN=$(free_port)
  # The copy is JSON, named .json: schemathesis reads a `.yaml` name with a YAML loader that
  # fails on some JSON text (the Redocly museum document).
  python3 - "$doc" "$d/openapi/$name.json" <<'PY'
import os, sys, json, yaml
doc = yaml.safe_load(open(sys.argv[1]))
schemes = (doc.get("components") or {}).get("securitySchemes") or {}
doc["x-gateway"] = {"upstream": "echo", "strict": os.environ.get("STRICT", "false") == "true",
                   "security_schemes": {k: "delegate" for k in schemes}}
if "security" not in doc:
    doc["security"] = []
json.dump(doc, open(sys.argv[2], "w"))
PY
  cat > "$d/gateway.yaml" <<YAML
listeners:
  - {address: "127.0.0.1:$PORT", plaintext: true}
admin: {address: "127.0.0.1:$ADMIN"}
limits: {max_body_bytes: 1048576}
paths: {policies: policies, openapi: openapi}
YAML
  cat > "$d/policies/upstreams.yaml" <<YAML
upstreams:
  echo:
    addresses: ["127.0.0.1:$ECHO_PORT"]
    plaintext: true
YAML
  "$BIN" run -c "$d/gateway.yaml" >"$d/gateway.log" 2>&1 &
  GW=$!; PIDS+=($GW)
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
    kill -0 $GW 2>/dev/null || { echo "$name: gateway did not start"; tail -20 "$d/gateway.log"; break; }
    sleep 0.2
  done
  cd "$d"  # schemathesis writes its cache (.schemathesis/) into the working directory
  for mode in positive negative; do
    # Negative mode: generated invalid data only (the examples phase replays the document's
    # own examples, which are meant to be valid).
    phases=examples,fuzzing; [ "$mode" = negative ] && phases=fuzzing
    timeout $((MAX_TIME + 60)) st run "$d/openapi/$name.json" --url "http://127.0.0.1:$PORT" \
      --mode "$mode" -n "$EXAMPLES" --max-time "$MAX_TIME" --phases "$phases" \
      --checks not_a_server_error --report har --report-har-path "$d/$mode.har" \
      --request-timeout 10 --no-shrink --seed 1 --warnings off >"$d/$mode.out" 2>&1 || true
  done
  python3 - "$d" "$name" <<'PY'
import sys, json, collections
d, name = sys.argv[1], sys.argv[2]
def entries(mode):
    try:
        return json.load(open(f"{d}/{mode}.har"))["log"]["entries"]
    except Exception:
        return []
def echoed(e):
    return any(h["name"].lower() == "x-echo" for h in e["response"]["headers"])
pos, neg = entries("positive"), entries("negative")
# distinct method + path targets (path parameters included)
ops = len({(e["request"]["method"], e["request"]["url"].split("?")[0]) for e in pos + neg})
refused = [e for e in pos if not echoed(e) and 400 <= e["response"]["status"] < 500]
forwarded = [e for e in neg if echoed(e)]
print(f"{name:28s} {ops:8d} {len(pos)+len(neg):8d} {len(refused):16d} {len(forwarded):18d}")
def kind(e):
    try:
        t = json.loads(e["response"]["content"].get("text") or "{}")
    except Exception:
        t = {}
    rules = ",".join(sorted({x.get("rule", "") for x in t.get("errors", [])}))
    return f'{e["response"]["status"]} {t.get("type", "")} {rules}'
with open(f"{d}/../{name}.disagreements.txt", "w") as f:
    for title, lst in (("wrongly refused (positive)", refused), ("wrongly forwarded (negative)", forwarded)):
        f.write(f"== {title}\n")
        for k, n in collections.Counter(kind(e) for e in lst).most_common():
            f.write(f"{n:6d}  {k}\n")
        for e in lst[:40]:
            r = e["request"]
            body = (r.get("postData") or {}).get("text", "")[:200]
            f.write(f'  {r["method"]} {r["url"][:200]} {body!r} -> {kind(e)}\n')
PY
  cd "$ROOT"
  kill $GW 2>/dev/null || true; wait $GW 2>/dev/null || true
done
echo "disagreements (per document): $WORK/*.disagreements.txt"
if [ -n "${KEEP:-}" ]; then cp "$WORK"/*.disagreements.txt "$KEEP"/ 2>/dev/null || true; fi
