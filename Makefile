# The README's two commands: `make run` (set up, start the database, load demo data, open the
# app) and `make test` (set up, then the whole test suite, which starts its own database).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Neo4j's own Cypher linter (node), run on what the tests sent plus every statement the code can
# build (docs/it.md).
CYPHER_LINT := tools/cypher-lint
CYPHER_LINT_STAMP := $(CYPHER_LINT)/node_modules/.installed
CYPHER_OUT := test-artifacts/cypher
CYPHER_LINT_RUN = $(BIN)/python tools/cypher_statements.py --out $(CYPHER_OUT)/static.json && \
  node $(CYPHER_LINT)/lint.mjs --report $(CYPHER_OUT)/lint-report.json \
  $$(ls $(CYPHER_OUT)/statements.json 2>/dev/null) $(CYPHER_OUT)/static.json
NEED_NODE = @command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
  echo "make test needs node (>= 20) and npm for the Cypher lint (Debian: apt-get install nodejs npm)" >&2; \
  exit 1; }

.PHONY: run test setup lint bench demo e2e-deps cypher-lint-deps cypher-lint clean

run: setup
	$(BIN)/emm app

# Caches without personal data (the de-identification engine's lookup tables, the parsed suffix
# list) are kept in one project folder across test runs, so a CI system can keep it between
# runs (docs/it.md); set EMM_CACHE_DIR to use another one. The Cypher lint runs on what the
# tests recorded even when a test failed; either failing fails.
test: export EMM_CACHE_DIR ?= $(CURDIR)/.cache/emm
test: setup e2e-deps cypher-lint-deps
	$(BIN)/ruff check emm tests benchmarks notebooks
	$(BIN)/ruff format --check emm tests benchmarks notebooks
	$(BIN)/mypy
	$(BIN)/pytest --durations=10; tests=$$?; $(CYPHER_LINT_RUN) && exit $$tests

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# The browser tests drive Debian's Chromium; nothing is downloaded by a test tool.
e2e-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; }

# Like pip for the venv: installs the pinned linter once (offline from the npm cache after that).
cypher-lint-deps: $(CYPHER_LINT_STAMP)

$(CYPHER_LINT_STAMP): $(CYPHER_LINT)/package.json $(CYPHER_LINT)/package-lock.json
	$(NEED_NODE)
	npm ci --prefix $(CYPHER_LINT) --prefer-offline --loglevel=error
	touch $@

# The statements the last test run recorded (if any) plus the static list; non-zero on any
# error or warning. Results are cached per statement text in node_modules/.cache.
cypher-lint: setup cypher-lint-deps
	$(NEED_NODE)
	$(CYPHER_LINT_RUN)

demo: setup
	$(BIN)/emm demo

lint: setup
	$(BIN)/ruff check emm tests benchmarks notebooks
	$(BIN)/ruff format --check emm tests benchmarks notebooks
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m benchmarks.run

clean:
	-$(BIN)/emm db stop
	rm -rf $(VENV) var $(CYPHER_LINT)/node_modules
