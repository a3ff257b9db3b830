# courtpack — every target installs what it needs and is safe to run twice.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN := .run
export COURTPACK_HOME ?= $(CURDIR)/$(RUN)/home
export COURTPACK_PG_PORT ?= 55432
PG_URL := postgresql+psycopg://courtpack:courtpack@127.0.0.1:$(COURTPACK_PG_PORT)/courtpack
AS_AT ?=

.PHONY: bootstrap demo test check lint bench clean serve stop

bootstrap: $(RUN)/system.stamp $(VENV)/.deps.stamp

$(RUN)/system.stamp: scripts/system-deps.sh
	@mkdir -p $(RUN)
	bash scripts/system-deps.sh
	@touch $@

$(VENV)/.deps.stamp: requirements.txt setup.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .   # the `courtpack` command
	@touch $@

demo: bootstrap
	$(PY) -m docassemble.courtpack demo --out out $(if $(AS_AT),--as-at $(AS_AT))

# ruff (lint and format), mypy (strict on the pure layers law/ and case/) and the import layers contract
lint: bootstrap
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy -p docassemble.courtpack.law -p docassemble.courtpack.case
	$(VENV)/bin/lint-imports

# Quick loop while editing: lint and the tests that start neither docassemble, LibreOffice nor PostgreSQL.
check: lint
	$(PY) -m pytest -q -m "not slow and not postgres"

# The whole suite, as CI runs it (.ci/run): PostgreSQL is started for the register tests and stopped after;
# the end-to-end tests start and stop their own docassemble server (they need Chromium and the server's packages).
test: lint
	@bash scripts/server.sh deps --e2e
	@bash scripts/postgres.sh start
	@set +e; COURTPACK_TEST_POSTGRES_URL=$(PG_URL) $(PY) -m pytest -q; rc=$$?; \
	  bash scripts/postgres.sh stop; exit $$rc

# The local docassemble server on http://127.0.0.1:58080 (state in .run/server/); safe to run twice.
serve: bootstrap
	bash scripts/server.sh start

stop:
	bash scripts/server.sh stop

bench: bootstrap
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf out build dist *.egg-info .pytest_cache .ruff_cache
