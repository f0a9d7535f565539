# ipv-kb: `make run` and `make test` do all the set-up on a machine with python3 (3.11+) and make.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
VARNISHD ?= /usr/sbin/varnishd
JAVA ?= /usr/bin/java
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# The OpenAPI linters (package.json) send no telemetry and look for no updates.
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export SCARF_ANALYTICS := false
# The feed's OpenAPI document as a deployment publishes it, linted in `make lint`. The licence
# and contact are the operator's to set (never invented: absent until set); stand-ins in the
# reserved .invalid domain take their place so that the linters check how they are published.
OPENAPI := var/openapi.yaml
OPENAPI_ENV := DJANGO_SETTINGS_MODULE=cms.settings.test \
  FEED_LICENCE_NAME="Stand-in licence" FEED_LICENCE_URL=https://licence.invalid/ \
  FEED_CONTACT_NAME="Stand-in contact" FEED_CONTACT_URL=https://contact.invalid/ \
  FEED_CONTACT_EMAIL=feed@contact.invalid

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced ## Install the pinned dependencies (uv.lock) into .venv

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

run: install ## Set up the SQLite database, load the content and serve on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py setup_roles
	$(PY) manage.py ensure_local_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install browser proxy html-checker dictionaries ## Run the whole test suite (DATABASE_URL selects PostgreSQL)
	$(PY) -m pytest $(PYTEST_ARGS)

# $(call apt_install,PRESENT,PACKAGES,TESTS): install Debian's PACKAGES when the shell test
# PRESENT fails, where that is possible (root and apt-get); otherwise say that TESTS will be skipped.
define apt_install
	@if ! $(1); then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's $(2) for $(3)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  else \
	    echo "$(2) is missing and cannot be installed here (needs root and apt-get):"; \
	    echo "$(3) will be skipped. Install Debian's $(2) to run them."; \
	  fi; \
	fi
endef

browser: ## Install Debian's Chromium for the browser tests when missing (needs root and apt-get)
	$(call apt_install,[ -x "$(CHROMIUM)" ],chromium,the browser tests)

html-checker: node_modules/.installed ## Install Java (Debian's default-jre-headless) for the Nu HTML Checker (vnu-jar, package-lock.json) when missing
	$(call apt_install,[ -x "$(JAVA)" ],default-jre-headless,the Nu HTML Checker tests)

proxy: ## Install Debian's Varnish for the caching-proxy tests when missing (needs root and apt-get)
	$(call apt_install,[ -x "$(VARNISHD)" ],varnish,the caching-proxy tests)

# Enchant and the hunspell dictionaries search/dictionary.py asks (British English, Belgian
# French and Dutch), checked as the application finds them.
DICTIONARIES := libenchant-2-2 hunspell-en-gb hunspell-fr hunspell-nl
DICTIONARIES_PRESENT := $(PY) -c "import sys; from search import dictionary as d; sys.exit(not all(map(d.installed, d.TAGS)))"
dictionaries: install ## Install Enchant and Debian's hunspell dictionaries ("Did you mean") when missing (needs root and apt-get)
	$(call apt_install,$(DICTIONARIES_PRESENT),$(DICTIONARIES),the spelling tests)

lint: install node_modules/.installed ## Ruff, the one-way layers (import-linter), Django checks, missing migrations, the OpenAPI document (drf-spectacular, Redocly, Spectral)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run
	@mkdir -p $(dir $(OPENAPI))
	$(OPENAPI_ENV) $(PY) manage.py spectacular --fail-on-warn --validate --file $(OPENAPI)
	node_modules/.bin/redocly lint --config redocly.yaml $(OPENAPI)
	node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity hint $(OPENAPI)
	$(MAKE) --no-print-directory assets-check

# The public site's CSS and JavaScript, built from GOV.UK Frontend (package-lock.json) by Sass and
# esbuild; the build is committed, so `make run` needs no Node.js.
ASSETS_OUT ?= static
GOVUK_BANNER := /*! GOV.UK Frontend $$(node -p 'require("govuk-frontend/package.json").version'), MIT licence, https://github.com/alphagov/govuk-frontend */
assets: node_modules/.installed ## Rebuild static/css/site.css and static/js/site.js from static/src/
	@mkdir -p $(ASSETS_OUT)/css $(ASSETS_OUT)/js
	node_modules/.bin/sass --pkg-importer=node --style=compressed --no-source-map static/src/site.scss $(ASSETS_OUT)/css/site.css
	node_modules/.bin/esbuild static/src/site.mjs --bundle --minify --format=iife --target=es2017 \
	  --legal-comments=none --banner:js="$(GOVUK_BANNER)" --log-level=warning --outfile=$(ASSETS_OUT)/js/site.js

assets-check: node_modules/.installed ## Fail when the committed CSS/JS differ from a fresh build of static/src/
	@rm -rf var/assets-check && $(MAKE) --no-print-directory assets ASSETS_OUT=var/assets-check
	diff -q var/assets-check/css/site.css static/css/site.css
	diff -q var/assets-check/js/site.js static/js/site.js
	@echo "The committed CSS and JavaScript match their sources."

bench-api: install ## Benchmark the partner feed against Wagtail API v2 (prints figures)
	$(PY) bench/api.py

bench-relevance: install ## Search relevance per language, ours against Wagtail's search (prints figures)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) manage.py rebuild_search_index
	for cases in ../shared/eval/relevance-public.yaml bench/cases/own-wording.yaml bench/cases/realistic.yaml; do \
	  $(PY) bench/relevance.py --verbose --cases $$cases || exit 1; done

bench-search: install ## Embedded search latency p50/p99 on the real corpus, 10x and 100x
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_content
	$(PY) bench/search_latency.py

bench-pages: install ## Server time and weight per public page type (prints figures)
	$(PY) -m bench.pages

bench-load: install ## 32 concurrent clients for 60 s on gunicorn (2 workers, Redis); fails on any error
	$(PY) -m bench.load

screenshots: install browser ## Screenshots of the main page types at 390 and 1280 px into docs/screenshots/ (URL=... for a running site)
	$(PY) -m tools.screenshots $(if $(URL),--url $(URL))

translations: install ## Refresh content/locale/*.po after changing English content (keeps translations)
	$(PY) manage.py export_translations

messages: install ## Refresh and compile the interface catalogues in locale/ (needs GNU gettext)
	$(PY) manage.py makemessages -l fr -l nl -i ".venv/*" -i ".tools/*" -i "tests/*"
	cd locale && for l in fr nl; do msgfmt --check -o $$l/LC_MESSAGES/django.mo $$l/LC_MESSAGES/django.po; done

lock: $(UV) ## Re-resolve uv.lock after changing pyproject.toml
	$(UV) lock --python $(PYTHON)

clean: ## Remove the virtual environments, node_modules and the local database
	rm -rf $(VENV) $(TOOLS) node_modules db.sqlite3 var

.PHONY: help install run test browser html-checker proxy dictionaries screenshots lint assets assets-check bench-api bench-relevance bench-search bench-pages bench-load translations messages lock clean
