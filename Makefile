# gdskills — two commands: `make serve` runs the whole system locally, `make test` runs every test.
# Needs only python3 (>= 3.11), make and git: uv comes from PyPI into .tools/, everything else from uv.lock.

SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
TOOLS := .tools
UV := $(TOOLS)/bin/uv
RUN := $(UV) run --frozen
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve reset test test-fast lint format bench deploy clean

# uv from PyPI into .tools/ (a venv; where python3 has no venv module, a plain pip --target install).
$(UV):
	$(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv \
	  || { rm -rf $(TOOLS) && $(PYTHON) -m pip install --quiet --disable-pip-version-check --target $(TOOLS)/lib uv \
	       && mkdir -p $(TOOLS)/bin && ln -sf ../lib/bin/uv $(TOOLS)/bin/uv; }

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	@touch $@

setup: .venv/.synced

site: setup
	$(RUN) mkdocs build --quiet --strict

# Data lives in .data/ (or $GDSKILLS_DATA) and survives restarts; `make reset` empties it.
serve: site
	PORT=$(PORT) $(RUN) python -m infra.local_server

reset: setup
	$(RUN) python -m infra.local_store reset

test: setup site
	GDSKILLS_FULL_TESTS=1 $(RUN) pytest

test-fast: setup
	$(RUN) pytest -m "not e2e and not infra"

lint: setup
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy

format: setup
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

# Lighthouse (npm, pinned by bench/lighthouse/package-lock.json) for the self-check's scores; installed only
# when missing or when its lock file changed. It drives Debian's Chromium (CHROME_PATH).
LIGHTHOUSE := bench/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --silent
	@touch $@

bench: setup site $(LIGHTHOUSE)
	$(RUN) python -m bench

# sam build + sam deploy of infra/template.yaml, then the site to S3/CloudFront (infra/RUNBOOK.md; not run by tests).
deploy: site
	STAGE=$(or $(STAGE),dev) PARAMS="$(PARAMS)" infra/deploy.sh

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
