# The README's two commands: `make run` (set up, start the database, load demo data, open the
# app) and `make test` (set up, then the whole test suite, which starts its own database).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup lint bench demo e2e-deps clean

run: setup
	$(BIN)/emm app

# Caches without personal data (the de-identification engine's lookup tables, the parsed suffix
# list) are kept in one project folder across test runs, so a CI system can keep it between
# runs (docs/it.md); set EMM_CACHE_DIR to use another one.
test: export EMM_CACHE_DIR ?= $(CURDIR)/.cache/emm
test: setup e2e-deps
	$(BIN)/ruff check emm tests benchmarks notebooks
	$(BIN)/ruff format --check emm tests benchmarks notebooks
	$(BIN)/mypy
	$(BIN)/pytest --durations=10

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
	rm -rf $(VENV) var
