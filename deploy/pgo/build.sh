#!/usr/bin/env bash
# A profile-guided (PGO) release build of the gateway (issue 17; docs/benchmarks.md).
#
#   1. build the gateway instrumented (rustc -Cprofile-generate), for the host triple so that
#      build scripts and proc-macros stay ordinary host builds (cargo applies RUSTFLAGS only to
#      the target when --target is given);
#   2. train it (deploy/pgo/train.sh: the benchmark's servers, wrk on each scenario of TRAIN
#      for TRAIN_FOR; the gateways write their profiles as they exit);
#   3. merge the profiles with the llvm-profdata of rustc's own LLVM major version (Debian's
#      llvm-N, installed when missing);
#   4. build again with -Cprofile-use. The binary: $TARGET/<host triple>/release/gateway;
#   with BOLT=1, then deploy/pgo/bolt.sh lays it out with BOLT (…/release/gateway-bolt).
#
# Env: TRAIN, TRAIN_FOR, CONNS (deploy/pgo/train.sh), BOLT (0), LLVM_PROFDATA (a profdata tool
#      of rustc's LLVM version; default Debian's llvm-N), CARGO_TARGET_DIR. Needs what compare.sh
#      needs (it installs nginx, HAProxy, wrk, redis).
# shellcheck source=deploy/pgo/lib.sh
. "$(dirname "$0")/lib.sh"
if [ -n "${LLVM_PROFDATA:-}" ]; then
  PROFDATA=$LLVM_PROFDATA
else
  need_tool llvm-profdata "llvm-$MAJOR"
  PROFDATA=$LLVM_BIN/llvm-profdata
fi
case "$("$PROFDATA" --version)" in
  *"LLVM version $MAJOR."*) ;;
  *) echo "$PROFDATA is not LLVM $MAJOR (rustc's): its profiles would not be read" >&2; exit 1 ;;
esac

rm -rf "$DATA"
mkdir -p "$DATA"
OUT=$TARGET/$TRIPLE/release/gateway

echo "== 1/4 instrumented build"
RUSTFLAGS="-Cprofile-generate=$DATA" cargo build --release -p gateway --target "$TRIPLE"
INSTR=$TARGET/pgo-instrumented-gateway
cp "$OUT" "$INSTR"

echo "== 2/4 training"
"$ROOT/deploy/pgo/train.sh" "$INSTR"
n=$(find "$DATA" -name '*.profraw' | wc -l)
[ "$n" -gt 0 ] || { echo "no profile written (did the gateways exit cleanly?)" >&2; exit 1; }

echo "== 3/4 merging $n profiles"
"$PROFDATA" merge -o "$DATA/merged.profdata" "$DATA"/*.profraw

echo "== 4/4 optimised build"
RUSTFLAGS="-Cprofile-use=$DATA/merged.profdata" cargo build --release -p gateway --target "$TRIPLE"
echo "profile-guided gateway: $OUT"
if [ "${BOLT:-0}" = 1 ]; then "$ROOT/deploy/pgo/bolt.sh"; fi
