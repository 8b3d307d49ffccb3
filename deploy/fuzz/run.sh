#!/usr/bin/env bash
# Run every cargo-fuzz target in fuzz/ for a bounded time; exit non-zero if any crashed.
#
#   deploy/fuzz/run.sh                        # 60 s per target, all targets
#   SECONDS_PER_TARGET=600 deploy/fuzz/run.sh jwt forms
#   SANITIZER=address deploy/fuzz/run.sh      # with ASan (slower build and runs)
#
# The toolchain is stable: cargo-fuzz needs nightly flags, so RUSTC_BOOTSTRAP=1 is set here.
# Each target starts from its committed seeds (fuzz/seeds/<target>, read only) plus what
# earlier runs found (fuzz/corpus/<target>, not committed). A crash leaves its input in
# fuzz/artifacts/<target>/; see docs/fuzzing.md for turning it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET="${SECONDS_PER_TARGET:-60}"
SANITIZER="${SANITIZER:-none}"
RSS_LIMIT_MB="${RSS_LIMIT_MB:-2048}"
ALL="request_view canon_path jwt json_caps forms masking spec_load"
if [ "$#" -gt 0 ]; then TARGETS="$*"; else TARGETS="$ALL"; fi

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2
  exit 2
fi

# One build for every target (the same flags again make `cargo fuzz run` a no-op build).
FLAGS=(--sanitizer "$SANITIZER" --debug-assertions --codegen-units 16)
cargo fuzz build "${FLAGS[@]}"

failed=()
for t in $TARGETS; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t" fuzz/logs
  log="fuzz/logs/$t.log"
  echo "== $t: ${SECONDS_PER_TARGET}s"
  if cargo fuzz run "${FLAGS[@]}" "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb="$RSS_LIMIT_MB" -timeout=10 \
      -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^Done|stat::number_of_executed_units|cov: ' "$log" | tail -2 || true
  else
    echo "!! $t failed (log: $log)"
    grep -E 'panicked|ERROR|Test unit written|SUMMARY' "$log" | head -5 || true
    failed+=("$t")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "crashed: ${failed[*]}" >&2
  exit 1
fi
echo "no crash in: $TARGETS"
