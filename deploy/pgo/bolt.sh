#!/usr/bin/env bash
# BOLT after PGO (issue 17; docs/benchmarks.md): lay the profile-guided binary out by where it
# spends its time. Run after deploy/pgo/build.sh (it reads that build's merged profile):
#
#   1. link the PGO build again with its relocations kept (-Wl,--emit-relocs; only the final
#      link runs again, the crates are unchanged), so BOLT may move whole functions;
#   2. instrument it (llvm-bolt -instrument) and train it (deploy/pgo/train.sh);
#   3. optimise: blocks laid out by ext-TSP, functions ordered by their calls, cold code split
#      off. The binary: $TARGET/<host triple>/release/gateway-bolt (BOLT's log beside the
#      profiles). …/release/gateway is left as the relocations build: the same code, a larger
#      file.
#
# BOLT is Debian's bolt-N for rustc's LLVM major version (installed when missing).
# shellcheck source=deploy/pgo/lib.sh
. "$(dirname "$0")/lib.sh"
need_tool llvm-bolt "bolt-$MAJOR"
BOLTDIR=$LLVM_BIN
[ -s "$DATA/merged.profdata" ] || { echo "no $DATA/merged.profdata: run deploy/pgo/build.sh first" >&2; exit 1; }
OUT=$TARGET/$TRIPLE/release

echo "== 1/3 the PGO build linked with its relocations"
RUSTFLAGS="-Cprofile-use=$DATA/merged.profdata" cargo rustc --release -p gateway --bin gateway \
  --target "$TRIPLE" -- -Clink-arg=-Wl,--emit-relocs
cp "$OUT/gateway" "$OUT/gateway-relocs"

echo "== 2/3 instrumented for BOLT, trained"
rm -f "$DATA"/bolt*.fdata
"$BOLTDIR/llvm-bolt" "$OUT/gateway-relocs" -instrument -o "$DATA/gateway-bolt-instr" \
  -instrumentation-file="$DATA/bolt.fdata" -instrumentation-file-append-pid
"$ROOT/deploy/pgo/train.sh" "$DATA/gateway-bolt-instr"
ls "$DATA"/bolt*.fdata >/dev/null 2>&1 || { echo "no BOLT profile written" >&2; exit 1; }
"$BOLTDIR/merge-fdata" "$DATA"/bolt*.fdata > "$DATA/bolt-merged.fdata"

echo "== 3/3 optimised"
"$BOLTDIR/llvm-bolt" "$OUT/gateway-relocs" -o "$OUT/gateway-bolt" -data="$DATA/bolt-merged.fdata" \
  -reorder-blocks=ext-tsp -reorder-functions=cdsort -split-functions -split-all-cold \
  -dyno-stats >"$DATA/bolt.log" 2>&1 || { cat "$DATA/bolt.log" >&2; exit 1; }
grep -E "BOLT-INFO: (basic block|.*profile|.*functions)|taken branches" "$DATA/bolt.log" || true
"$OUT/gateway-bolt" --version
echo "PGO + BOLT gateway: $OUT/gateway-bolt"
