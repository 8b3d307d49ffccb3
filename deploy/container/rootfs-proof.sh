#!/usr/bin/env bash
# Prove the Containerfile's runtime stage on a machine that cannot pull base images: build
# the same root filesystem as gcr.io/distroless/cc-debian12:nonroot from Debian's packages
# (mmdebstrap: libc6, libgcc-s1, libssl3, ca-certificates, tzdata, netbase; no shell, no
# package manager), add the gateway binary as the Containerfile does, and run it inside as
# uid 65532 with nothing from the host:
#   1. the root filesystem has no shell;
#   2. `gateway --version` and `gateway check` (the shared libraries resolve in it);
#   3. `gateway demo` serves: one public request and one authenticated request through the
#      edge (TLS 1.3) to its built-in mTLS upstream; `gateway probe` answers the HEALTHCHECK.
# Usage (as root; takes about a minute once the packages are cached):
#   deploy/container/rootfs-proof.sh [path/to/gateway]     # default: $CARGO_TARGET_DIR/release/gateway
# A debug build works as well (it is stripped into the root filesystem like the release one).
# Bounded: every wait has a limit; the demo process is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${1:-${CARGO_TARGET_DIR:-target}/release/gateway}
SUITE=bookworm
PACKAGES=libc6,libgcc-s1,libssl3,ca-certificates,tzdata,netbase
[ "$(id -u)" = 0 ] || { echo "run as root (mmdebstrap and chroot)"; exit 2; }
[ -x "$BIN" ] || { echo "no gateway binary at $BIN (cargo build --release -p gateway, or pass a path)"; exit 2; }
for t in mmdebstrap chroot curl strip; do
  command -v "$t" >/dev/null || { echo "missing: $t (apt-get install mmdebstrap binutils curl)"; exit 2; }
done
for p in 8443 9901 18081 18082; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use (the demo needs it)"; exit 2; fi
done

WORK=$(mktemp -d /tmp/gateway-rootfs.XXXXXX)
ROOT=$WORK/rootfs
DEMO_PID=
cleanup() {
  [ -n "$DEMO_PID" ] && kill "$DEMO_PID" 2>/dev/null && wait "$DEMO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }

step "root filesystem from Debian $SUITE: $PACKAGES"
t0=$(date +%s)
# extract: unpack the packages (and their dependencies) without running maintainer scripts,
# which would need a shell inside.
timeout 600 mmdebstrap --quiet --variant=extract --include="$PACKAGES" "$SUITE" "$ROOT"
# What distroless adds by hand: the CA bundle (update-ca-certificates is a maintainer
# script), the nonroot user, and a world-writable /tmp.
install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$ROOT/etc/group"
install -d -m 1777 "$ROOT/tmp"
install -d -m 0755 -o 65532 -g 65532 "$ROOT/home/nonroot"
echo "built in $(( $(date +%s) - t0 )) s: $(du -sh "$ROOT" | cut -f1), $(find "$ROOT" -type f | wc -l) files"

step "no shell in the runtime"
shells=$(find "$ROOT" \( -name sh -o -name bash -o -name dash -o -name busybox \) -print)
[ -z "$shells" ] || { echo "FAIL: shell found: $shells"; exit 1; }
echo "OK: no sh, bash, dash or busybox"

step "the binary, as the Containerfile installs it (stripped, 0555, /var/lib/gateway owned by 65532)"
install -d -m 0755 "$ROOT/usr/local/bin"
strip -o "$ROOT/usr/local/bin/gateway" "$BIN"
chmod 0555 "$ROOT/usr/local/bin/gateway"
install -d -m 0750 -o 65532 -g 65532 "$ROOT/var/lib/gateway"
ls -la "$ROOT/usr/local/bin/gateway"

echo "shared libraries it needs: $(objdump -p "$ROOT/usr/local/bin/gateway" | awk '/NEEDED/{printf "%s ", $2}')"

inside() { chroot --userspec=65532:65532 "$ROOT" "$@"; }

step "gateway --version inside, as uid 65532"
inside /usr/local/bin/gateway --version

step "gateway demo inside (writes its tree to /var/lib/gateway/demo), then requests from outside"
DEMO=/var/lib/gateway/demo
# A clean environment, as in a container (the root filesystem has no env(1) of its own).
env -i HOME=/home/nonroot PATH=/usr/local/bin \
  "$(command -v chroot)" --userspec=65532:65532 "$ROOT" /usr/local/bin/gateway demo --dir "$DEMO" \
  >"$WORK/demo.out" 2>"$WORK/demo.err" &
DEMO_PID=$!
ready=
for _ in $(seq 1 600); do
  if inside /usr/local/bin/gateway probe --url http://127.0.0.1:9901/readyz --timeout 1s 2>/dev/null; then ready=1; break; fi
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "FAIL: the gateway did not become ready"; cat "$WORK/demo.err" | tail -30; exit 1; }
echo "OK: ready (probed by 'gateway probe' inside the root filesystem)"

step "gateway check inside, on the configuration the demo wrote"
inside /usr/local/bin/gateway check -c "$DEMO/deploy/gateway.yaml"

CA=$ROOT$DEMO/deploy/certs/ca.crt
TOKEN=$(sed -n 's/^  export TOKEN=//p' "$WORK/demo.out")
[ -n "$TOKEN" ] || { echo "FAIL: no token in the demo output"; exit 1; }
public=$(curl -sS --max-time 10 --cacert "$CA" -o "$WORK/public.body" -w '%{http_code} %{ssl_verify_result}' https://localhost:8443/orders/summary)
echo "GET /orders/summary (public): $public"
authed=$(curl -sS --max-time 10 --cacert "$CA" -H "Authorization: Bearer $TOKEN" -o "$WORK/authed.body" -w '%{http_code}' https://localhost:8443/orders)
echo "GET /orders (bearer token, through mTLS to the built-in upstream): $authed"
denied=$(curl -sS --max-time 10 --cacert "$CA" -o /dev/null -w '%{http_code}' https://localhost:8443/orders)
echo "GET /orders without a token: $denied"
[ "${public%% *}" = 200 ] && [ "$authed" = 200 ] && [ "$denied" = 401 ] || {
  echo "FAIL"; tail -30 "$WORK/demo.err"; exit 1; }

step "SIGTERM (the image's STOPSIGNAL): graceful exit"
t0=$(date +%s)
kill -TERM "$DEMO_PID"
for _ in $(seq 1 300); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$DEMO_PID" 2>/dev/null; then echo "FAIL: still running 30 s after SIGTERM"; exit 1; fi
wait "$DEMO_PID" || true
DEMO_PID=
echo "exited $(( $(date +%s) - t0 )) s after SIGTERM (grace_period_seconds 10 + shutdown timeout 5 at most)"
printf '\nPASS: the runtime root filesystem runs the gateway as uid 65532 without a shell\n'
