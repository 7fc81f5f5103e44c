# The two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
# uv from PATH, else as a module of the system Python (installed from PyPI on first use).
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
PYTHON := .venv/bin/python
VENDOR := static/vendor
# `make demo PORT=8100` serves on another port; links in mail, notifications and
# certificates (SITE_URL) follow it, also those the seed writes.
PORT ?= 8000

.PHONY: demo test test-fast prerequisites install assets migrate seed run lint clean bench messages

demo: install migrate seed run ## install, migrate, seed demo data, run web + worker + beat

# The system packages come first: without them the install or the suite fails far
# from the cause. Install only after the check passed (also under make -j).
test: prerequisites ## the whole suite
	@$(MAKE) --no-print-directory install
	$(PYTHON) -m pytest $(PYTEST_ARGS)

# The day-to-day lane: everything but the browser tests and those that start a real
# Celery worker, spread over all cores (pytest-xdist; each worker has its own test
# database). `make test` stays the whole suite, and CI runs that. --dist load keeps
# pytest-django's order in every worker: transactional tests, whose flush removes the
# rows data migrations made, run after the others (--dist loadfile would mix them).
test-fast: install ## the suite without browser and worker tests, in parallel
	$(PYTHON) -m pytest -n auto --dist load -m "not browser and not celery_worker" $(PYTEST_ARGS)

# chromium, Pango, HarfBuzz subset and npm: one line naming what is missing and the
# apt-get command, then stop (tests/prerequisites.py, standard library only).
prerequisites:
	@python3 -m tests.prerequisites

install: .venv/.installed $(VENDOR)/.installed

# uv comes from PyPI when it is missing; it installs into .venv exactly what uv.lock says.
# --compile-bytecode: every process (tests, web, worker, route_case) then starts from
# compiled bytecode, about 3 s faster, even where PYTHONDONTWRITEBYTECODE is set.
.venv/.installed: pyproject.toml uv.lock Makefile
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/utrecht $(VENDOR)/htmx
	cp node_modules/@utrecht/design-tokens/dist/theme.css $(VENDOR)/utrecht/design-tokens.css
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/component-library.css
	cp node_modules/@utrecht/component-library-css/dist/html.css $(VENDOR)/utrecht/html.css
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/htmx.min.js
	touch $@

assets: $(VENDOR)/.installed

migrate: install
	$(PYTHON) manage.py migrate --noinput

seed run: export SITE_URL ?= http://127.0.0.1:$(PORT)

seed: install
	$(PYTHON) manage.py seed_demo

# DEBUG off, as in production (rundemo): Dutch error pages, static files by WhiteNoise.
run: install
	$(PYTHON) manage.py rundemo --addr 127.0.0.1:$(PORT)

bench: install ## requests per second: lesson page against a bare view; writes BENCHMARKS.md
	$(PYTHON) -m bench

# Dutch is the source language; this refreshes the English catalogue and compiles it (needs GNU gettext).
messages: install ## after changing strings: update locale/en/LC_MESSAGES/django.po, then translate it
	$(PYTHON) manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=static/vendor --ignore=cms/content
	$(PYTHON) manage.py compilemessages --ignore=.venv

# Lint, import and type checks (CI runs this too): ruff, the import-linter contracts in
# pyproject.toml (layers that must hold), and mypy with django-stubs over every app
# (what it checks and where it is strict: [tool.mypy] in pyproject.toml; strict on
# services, selectors and the routing engine).
lint: install ## ruff, import contracts, mypy
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	.venv/bin/lint-imports
	$(PYTHON) -m mypy
	@# SAML signatures need xmlsec and lxml built on the same libxml2 (both pinned).
	$(PYTHON) -c "import lxml.etree, xmlsec; xmlsec.KeysManager(); import onelogin.saml2.auth; print('xmlsec', xmlsec.__version__, 'lxml', lxml.etree.__version__, 'libxml2', lxml.etree.LIBXML_VERSION)"

clean:
	rm -rf var .venv node_modules $(VENDOR)
