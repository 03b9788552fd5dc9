# Learning Briefs: `make serve` to preview, `make test` to run every test.
# Each target installs what it needs into .venv first, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
# Debian's Chromium drives the browser tests; Playwright never downloads a browser of its own.
CHROMIUM ?= /usr/bin/chromium

# What an editor types after `make` (BRIEF=, TITLE=, YEAR=, TYPE=) reaches the command as it was
# typed: make does not expand it, and the shell sees it in single quotes. A line break would end
# the command early, so it is refused before anything runs.
define newline


endef
typed = $(if $(findstring $(newline),$(value $(1))),$(error $(1)= holds a line break: type it on one line and run the command again))'$(subst ','\'',$(value $(1)))'
unexport BRIEF TITLE YEAR TYPE

.PHONY: serve build check test lint lock bench install install-test java clean new-brief schema build-offline guard-report

## serve: install, build and serve the site on http://127.0.0.1:8000 with live reload;
## BRIEF=<id> previews that brief alone with the pages that depend on it (fast at any size)
serve: install
	LB_PREVIEW_BRIEF=$(call typed,BRIEF) $(MKDOCS) serve --dev-addr 127.0.0.1:8000

## build: strict build into site/; exits non-zero on any problem or warning
build: install
	$(MKDOCS) build --strict

## check: validate the content under data/ only, without building
check: install
	@$(PY) -m macros.check

## test: install what the tests need (Chromium included), lint, and run every test
test: install-test lint
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest

## lint: ruff's lint rules and its formatting, on the Python code (ruff.toml)
lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## lock: pin requirements*.in, with hashes, into requirements*.txt
lock: install-test
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-header -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --no-header -o requirements-test.txt requirements-test.in

## bench: the scale benchmark against plain Material (N=10,100,1000; e.g. make bench N=100)
bench: install-test
	N="$(N)" $(PY) -m benchmarks.bench

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

install-test: $(VENV)/.installed-test $(CHROMIUM) node_modules/.installed java

# The Nu HTML Checker comes from npm (vnu-jar) and runs on Java.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

java:
	@command -v java >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
		else \
			echo "Java is missing: run 'sudo apt-get install -y default-jre-headless' and try again." >&2; exit 1; \
		fi; }

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.txt
	touch $@

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again." >&2; exit 1; \
	fi

clean:
	rm -rf site $(VENV)

## new-brief: write a skeleton brief, e.g. make new-brief YEAR=2018-19 TITLE="Neglect" TYPE=rapid-review
new-brief: install
	@$(PY) -m macros.new_brief --year=$(call typed,YEAR) --title=$(call typed,TITLE) --type=$(call typed,TYPE)

## schema: regenerate data/schema/brief.schema.json from the model and the vocabularies
schema: install
	@$(PY) -m macros.schema

## build-offline: a build into site-offline/ that works opened straight from disk (file share)
build-offline: install
	LB_OFFLINE=true $(MKDOCS) build --strict --site-dir site-offline

## guard-report: the anonymisation guard's recall and false positives per kind, on the labelled corpus
guard-report: install
	@$(PY) -m tests.guard_corpus
