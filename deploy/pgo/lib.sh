# Sourced by deploy/pgo/build.sh and bolt.sh: where things are, and rustc's own LLVM.
# ROOT (the repository, made the working directory), TARGET (cargo's target directory), TRIPLE
# (the host triple the builds target), MAJOR (rustc's LLVM major version: the profile tools
# must be that version), DATA (profiles and instrumented binaries), LLVM_BIN (Debian's
# llvm-$MAJOR tools).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
MAJOR=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
DATA=$TARGET/pgo-data
LLVM_BIN=/usr/lib/llvm-$MAJOR/bin

# need_tool TOOL PACKAGE: install Debian's PACKAGE when $LLVM_BIN/TOOL is missing.
need_tool() {
  if [ ! -x "$LLVM_BIN/$1" ]; then
    echo "installing $2 ($1 for rustc's LLVM $MAJOR)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$2" >/dev/null
  fi
  [ -x "$LLVM_BIN/$1" ] || { echo "$2 did not provide $LLVM_BIN/$1" >&2; exit 1; }
}
