#!/usr/bin/env bash
# End-to-end cost of payload validation, in one run: the same 1 KiB JSON body POSTed through the
# gateway to a route that validates and screens it (schema, caps, libinjection) and to one that
# only reads it in full under the size cap (application/octet-stream), plus plain pass-through,
# interleaved over ROUNDS rounds (deploy/bench/lib.sh). Env as for run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCENARIOS="gateway body-raw body-valid" exec deploy/bench/run.sh
