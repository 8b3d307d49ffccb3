#!/usr/bin/env bash
# Mutation testing of the security-relevant modules with cargo-mutants, against their unit tests
# only, each module under a hard time budget. Not part of the test suite or CI: a bounded
# script, run by hand (figures in docs/testing.md).
#
#   deploy/mutants/run.sh [module ...]        # default: every module below
#
# Environment:
#   MUTANTS_BUDGET    wall-clock seconds per module, hard limit (default 900)
#   MUTANTS_TIMEOUT   seconds one mutant's test run may take before it counts as a timeout (default 120)
#   MUTANTS_JOBS      parallel builds (default 1: each needs its own copy and its own build)
#   MUTANTS_OUT       where results go (default target/mutants, one folder per module)
#   MUTANTS_ITERATE=1 re-test only what the previous run of a module did not catch (cargo
#                     mutants --iterate): the "after" figures once tests were added
#   MUTANTS_IN_PLACE=1 mutate this checkout instead of a copy (saves the copy's first full build
#                     of the crate; do not edit the sources meanwhile; cargo mutants restores
#                     each file, also when the budget interrupts it with SIGINT)
#   CARGO_TARGET_DIR  the build directory (default target/mutants-build, so a run never
#                     fights over another build's directory)
#
# Install the tool once with `cargo install --locked cargo-mutants`.
# Each module is mutated in its own source files and judged by its own unit tests
# (`cargo test --lib <module path>`), which keeps one mutant to one incremental build plus a
# few seconds of tests. A mutant missed here may still be caught by another module's tests or by
# the end-to-end suite; the counts are a floor.

set -euo pipefail
cd "$(dirname "$0")/../.."

command -v cargo-mutants >/dev/null || {
  echo "cargo-mutants is missing: cargo install --locked cargo-mutants" >&2
  exit 2
}

BUDGET=${MUTANTS_BUDGET:-900}
TIMEOUT=${MUTANTS_TIMEOUT:-120}
JOBS=${MUTANTS_JOBS:-1}
OUT=${MUTANTS_OUT:-target/mutants}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/mutants-build}

# module name | source files (cargo mutants --file) | unit-test filter
MODULES=(
  "canon|gateway/src/canon.rs|canon::"
  "gcra|gateway/src/ratelimit/gcra.rs|ratelimit::"
  "chain|gateway/src/audit/chain.rs|audit::chain::"
  "forwarding|gateway/src/forwarding.rs|forwarding::"
  "screen|gateway/src/validate/screen.rs|validate::"
  "router|gateway/src/router.rs|router::"
  "auth|gateway/src/auth/*.rs|auth::"
  # auth in three parts, each its own budget: verifying a credential (with ossl.rs, the OpenSSL
  # signature checks), judging scopes and the pipeline's use of them, and what is built at
  # load or signed.
  "auth-tokens|gateway/src/auth/jwt.rs gateway/src/auth/jwe.rs gateway/src/auth/jwks.rs gateway/src/auth/introspect.rs gateway/src/auth/ossl.rs|auth::"
  "auth-scopes|gateway/src/auth/scopes.rs gateway/src/auth/mod.rs|auth::"
  "auth-load|gateway/src/auth/compile.rs gateway/src/auth/settings.rs gateway/src/auth/assertion.rs gateway/src/auth/mint.rs|auth::"
)

wanted=("$@")
# `auth` alone is the three parts together; with no argument every module runs once (not `auth`
# and its parts).
[ ${#wanted[@]} -eq 0 ] && wanted=(canon gcra chain forwarding screen router auth-tokens auth-scopes auth-load)
selected() {
  [ ${#wanted[@]} -eq 0 ] && return 0
  local m
  for m in "${wanted[@]}"; do [ "$m" = "$1" ] && return 0; done
  return 1
}

count() { if [ -f "$1" ]; then grep -c . "$1" || true; else echo 0; fi; }

summary=()
for entry in "${MODULES[@]}"; do
  IFS='|' read -r name files filter <<<"$entry"
  selected "$name" || continue
  out="$OUT/$name"
  mkdir -p "$out"
  # --lib for the build too: otherwise each mutant also builds the binary and the e2e suite.
  file_args=()
  for f in $files; do file_args+=(--file "$f"); done
  args=(mutants --package gateway "${file_args[@]}" --baseline skip --timeout "$TIMEOUT"
        --output "$out" --no-shuffle --cargo-arg=--lib)
  [ "${MUTANTS_ITERATE:-0}" = 1 ] && args+=(--iterate)
  if [ "${MUTANTS_IN_PLACE:-0}" = 1 ]; then args+=(--in-place); else args+=(--jobs "$JOBS"); fi
  echo "== $name: $files, tests matching '$filter', at most ${BUDGET}s"
  start=$(date +%s)
  set +e
  timeout --signal=INT --kill-after=60 "$BUDGET" cargo "${args[@]}" -- "$filter"
  rc=$?
  set -e
  took=$(( $(date +%s) - start ))
  d="$out/mutants.out"
  total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$d/mutants.json" 2>/dev/null || echo 0)
  caught=$(count "$d/caught.txt"); missed=$(count "$d/missed.txt")
  timeouts=$(count "$d/timeout.txt"); unviable=$(count "$d/unviable.txt")
  tested=$(( caught + missed + timeouts + unviable ))
  note=""
  [ "$rc" = 124 ] && note=" (budget reached: $(( total - tested )) of $total not tested)"
  line="$name: $caught caught, $missed missed, $timeouts timeout, $unviable unviable of $total in ${took}s$note"
  echo "$line"
  summary+=("$line")
  [ "$missed" -gt 0 ] && sed 's/^/  missed: /' "$d/missed.txt"
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
