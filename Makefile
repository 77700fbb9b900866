# Social Media Modellen: build, serve, test and publish the Pelican site.
# `make serve` and `make test` install whatever is missing first.

PY?=python3
VENV=.venv
BIN=$(VENV)/bin
PELICAN?=$(BIN)/pelican
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py
PORT?=8000
CHROMIUM?=/usr/bin/chromium

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

SERVER ?= 127.0.0.1
ifneq ($(PORT), 0)
	PELICANOPTS_SERVE = -p $(PORT)
endif

.PHONY: help install install-python install-node install-chromium install-java html clean regenerate serve \
        devserver publish test test-unit lint bench mutation bench-build check translations compile-translations

help:
	@echo 'Makefile for the Social Media Modellen site'
	@echo ''
	@echo 'Usage:'
	@echo '   make install       install what is missing: .venv (pip), node_modules (npm ci)'
	@echo '   make check         check every content file against the contract (no build)'
	@echo '   make translations  extract the interface strings, update and compile the catalogues'
	@echo '   make html          (re)generate the web site, search index included'
	@echo '   make clean         remove the generated files'
	@echo '   make regenerate    regenerate files upon modification'
	@echo '   make publish       generate using production settings (SITEURL from the environment)'
	@echo '   make serve [PORT=8000]   install, build and serve the site at http://127.0.0.1:PORT'
	@echo '   make devserver [PORT=8000]   serve and regenerate together'
	@echo '   make test          install (Chromium and Java too) and run every test'
	@echo '   make test-unit     run the unit tests only (no build, no browser)'
	@echo '   make mutation      mutation tests of scoring/ and plugins/, report in mutation-report/ (slow)'
	@echo '   make bench         measure build and page speed, write bench-report/'
	@echo '   make bench-build   only the build part of the bench, with a profile of one build'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'

install: install-python install-node

install-python: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

install-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install-chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium package for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): install Debian's 'chromium' package (sudo apt-get install chromium)." >&2; \
		exit 1; \
	fi

# The W3C Nu HTML checker (npm vnu-jar, pinned in package-lock.json) runs on Debian's Java.
install-java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's default-jre-headless package for the HTML checker"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	else \
		echo "The HTML checker (vnu) needs Java: install Debian's 'default-jre-headless' package (sudo apt-get install default-jre-headless)." >&2; \
		exit 1; \
	fi

# The interface catalogues: theme/translations/<lang>/LC_MESSAGES/messages.po is kept in git, the .mo is
# compiled from it for every build.
TRANSLATIONS=$(BASEDIR)/theme/translations
POT=$(TRANSLATIONS)/messages.pot
LANGS=en

translations: install-python
	$(BIN)/pybabel -q extract -F "$(TRANSLATIONS)/babel.cfg" -k N_ --no-location --sort-output \
		--project "Social Media Modellen" -o "$(POT)" .
	@for lang in $(LANGS); do \
		$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete -i "$(POT)" -d "$(TRANSLATIONS)" -l $$lang; \
	done
	@rm -f "$(POT)"
	@$(MAKE) --no-print-directory compile-translations

compile-translations: install-python
	@for lang in $(LANGS); do \
		$(BIN)/pybabel -q compile -d "$(TRANSLATIONS)" -l $$lang || exit 1; \
	done

# A failed build removes the output folder: nothing half-built may look like a good site.
html: install compile-translations
	@$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) || { rm -rf "$(OUTPUTDIR)"; exit 1; }
	@$(BIN)/python -m pagefind --site "$(OUTPUTDIR)" --silent || { rm -rf "$(OUTPUTDIR)"; exit 1; }

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"

regenerate: install
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: html
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(PELICANOPTS_SERVE) -b $(SERVER)

devserver: html
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) $(PELICANOPTS_SERVE) -b $(SERVER)

publish: install compile-translations
	@"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS) || { rm -rf "$(OUTPUTDIR)"; exit 1; }
	@$(BIN)/python -m pagefind --site "$(OUTPUTDIR)" --silent || { rm -rf "$(OUTPUTDIR)"; exit 1; }

# Only the content check: every model file, alignment.yaml and content/undocumented, all faults at once.
check: install-python
	@PYTHONPATH=plugins $(BIN)/python -m catalog.validate "$(INPUTDIR)"

lint: install-python
	$(BIN)/ruff check scoring plugins tests pelicanconf.py publishconf.py

test: install install-chromium install-java compile-translations lint
	$(BIN)/python -m pytest tests -q

test-unit: install-python
	$(BIN)/python -m pytest tests/unit -q

bench: install install-chromium
	$(BIN)/python -m tests.bench.run

# The build part of the bench only: our build against a bare one, make html, and a profile of one build.
bench-build: install
	$(BIN)/python -m tests.bench.run --only build,profile

# Mutation tests (not part of `make test`): mutmut over scoring/ and plugins/, each in a copy under
# mutants/; the report with every surviving mutant goes to mutation-report/. Fails when a target is missed.
MUTATION_AREAS?=
mutation: install compile-translations
	MUTATION_NODE_MODULES="$(CURDIR)/node_modules" $(BIN)/python -m tests.mutation.run $(MUTATION_AREAS)
