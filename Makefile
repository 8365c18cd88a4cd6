# Two commands on a fresh machine: `make build` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ADDR   ?= 127.0.0.1:8000
SITE   := site
AXE    := node_modules/axe-core/axe.min.js
# Lighthouse and the Nu HTML checker for `make audit` only: their own package files, their own folder.
AUDIT_TOOLS := tools/audit/node_modules/lighthouse/cli/index.js
STAGE  := .site-build
OFFLINE       := site-offline
OFFLINE_STAGE := .site-offline-build

export NO_MKDOCS_2_WARNING := 1
# Reproducible output: MkDocs dates pages and the sitemap from SOURCE_DATE_EPOCH. Unless given,
# take it from the last commit, so two builds of the same commit are byte-identical.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
export PYTHONPATH := $(CURDIR)/hooks
# Compiled Python is kept in .cache/pycache, not next to the sources, where `make serve` would see
# every write as an edit: a build then starts without compiling the hooks again.
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
unexport PYTHONDONTWRITEBYTECODE

.PHONY: build offline serve test system-packages check status translated sources lint bench audit clean help

help:
	@echo "make build    build site/ in every language (creates .venv on first run)"
	@echo "make offline  build site-offline/ and site-offline.zip: the handbook to open from disk, no server"
	@echo "make serve    live preview at http://$(ADDR)/ that rebuilds on every edit"
	@echo "              LANGUAGES=\"hr sv\": preview the default language and those only (faster)"
	@echo "make test     run the whole test suite (unit, build and browser tests)"
	@echo "make check    validate the content and print the translation status"
	@echo "make status   list every missing and every outdated translation"
	@echo "              STRICT=1: fail while anything is missing or outdated (for CI)"
	@echo "make translated LANGUAGES=hr [FILES=content/guidelines/x.yaml]"
	@echo "              mark a language's texts as updated to the current English"
	@echo "make sources  regenerate content/SOURCES.md (source coverage table)"
	@echo "make bench    measure build speed and sizes; writes bench/results.json (takes minutes)"
	@echo "make audit    Lighthouse and the Nu HTML checker on the main pages in every language (takes minutes)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.build-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# axe-core for the accessibility tests, exactly as pinned in package-lock.json.
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Build into a staging folder and swap it in only on success: a failed build never leaves a
# half-written site/ behind.
build: $(VENV)/.build-deps
	@rm -rf $(STAGE)
	$(BIN)/mkdocs build --strict --site-dir $(STAGE)
	@rm -rf $(SITE).old && { [ ! -d $(SITE) ] || mv $(SITE) $(SITE).old; } && mv $(STAGE) $(SITE) && rm -rf $(SITE).old
	@echo "Built $(SITE)/ in every language."

# The copy to open from disk (file://): its own build of mkdocs.offline.yml into its own folder,
# swapped in on success like site/, then zipped (one folder inside, the same bytes for a commit).
offline: $(VENV)/.build-deps
	@rm -rf $(OFFLINE_STAGE)
	$(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml --site-dir $(OFFLINE_STAGE)
	@rm -rf $(OFFLINE).old && { [ ! -d $(OFFLINE) ] || mv $(OFFLINE) $(OFFLINE).old; } && mv $(OFFLINE_STAGE) $(OFFLINE) && rm -rf $(OFFLINE).old
	$(BIN)/python tools/zipsite.py $(OFFLINE) $(OFFLINE).zip --folder handbook
	@echo "Built $(OFFLINE)/ and $(OFFLINE).zip: open index.html (or hr/index.html, ...) straight from disk."

# LANGUAGES="hr sv" previews the default language and those named (faster rebuilds); empty: all.
serve: $(VENV)/.build-deps
	HANDBOOK_LANGUAGES="$(LANGUAGES)" $(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

check: $(VENV)/.build-deps
	$(BIN)/python -m handbook check

status: $(VENV)/.build-deps
	$(BIN)/python -m handbook status $(if $(STRICT),--strict)

# After updating translations: LANGUAGES="hr sv" (or all), FILES= the files updated (default: all).
translated: $(VENV)/.build-deps
	$(BIN)/python -m handbook translated "$(LANGUAGES)" $(FILES)

sources: $(VENV)/.build-deps
	$(BIN)/python -m handbook sources --write

lint: $(VENV)/.test-deps
	$(BIN)/ruff check hooks tests tools
	$(BIN)/ruff format --check hooks tests tools

# Not part of `make test`: it takes minutes. BENCH_ARGS passes options, e.g. BENCH_ARGS="--runs 3".
bench: $(VENV)/.build-deps
	$(BIN)/python tools/bench.py $(BENCH_ARGS)

# Not part of `make test` either: about a minute per language. AUDIT_ARGS passes options, e.g.
# AUDIT_ARGS="--languages hr --runs 3" (see tools/audit.py --help). Lighthouse and the checker are
# installed from tools/audit/package-lock.json, never with the test packages; Java runs the checker.
$(AUDIT_TOOLS): tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --ignore-scripts --no-audit --no-fund
	@touch $@

audit: system-packages $(VENV)/.build-deps $(AUDIT_TOOLS)
	@command -v java >/dev/null || { echo "make audit needs Java for the Nu HTML checker: apt-get install default-jre-headless" >&2; exit 1; }
	$(BIN)/python tools/audit.py $(AUDIT_ARGS)

# Debian packages the browser, print and reproducibility tests need: installed when run as root,
# otherwise named with the exact command, before anything else runs.
system-packages:
	@tools/system-packages.sh

test: system-packages $(VENV)/.test-deps $(AXE) lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(SITE) $(STAGE) $(OFFLINE) $(OFFLINE_STAGE) $(OFFLINE).zip .pytest_cache .ruff_cache node_modules tools/audit/node_modules
