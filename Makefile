# GezondIn: the commands people run often. `make run` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist workers: one per core. TEST_WORKERS=0 runs in one process (easiest to debug).
TEST_WORKERS ?= auto
# Some machines set PYTHONDONTWRITEBYTECODE=1 (this one does): every Python process then compiles
# GezondIn's modules again, about half a second each time. The suite starts some forty (workers,
# manage.py and runserver subprocesses, servers), so the commands here let Python keep its
# bytecode in __pycache__ (ignored by git).
unexport PYTHONDONTWRITEBYTECODE
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

.PHONY: help install run serve test test-fast test-browser test-install test-production lint format migrations-check migrations \
	demo demo-reset messages lock bench loadtest screenshots clean

help:
	@echo "make run               install, migrate, load the demo and serve at http://$(HOST):$(PORT)/"
	@echo "make test              install and run the whole test suite"
	@echo "make test-fast         the suite without the layers that start a server or install (edit-test loop)"
	@echo "make test-production   two gunicorn servers, Redis, the task worker, PostgreSQL (tests/production)"
	@echo "make test-install      build the wheel, install it beside a new wagtail start project, use it"
	@echo "make lint              ruff (lint and format check)"
	@echo "make format            ruff: fix imports and format"
	@echo "make migrations-check  fail when a model change has no migration"
	@echo "make demo-reset        delete the local SQLite database and media, then load the demo again"
	@echo "make messages          update and compile the NL/EN translation catalogues"
	@echo "make lock              re-pin requirements.lock from pyproject.toml"
	@echo "make bench             kennisbank speed over HTTP at 10,000 and 50,000 practices (SQLite, PostgreSQL)"
	@echo "make loadtest          Locust visitors and 50 confirmations at once on two servers (PostgreSQL, 10,000 practices)"
	@echo "make screenshots       the first screens of home, kennisbank, agenda, an activity (docs/screenshots/)"

$(STAMP):
	@$(PYTHON) -c 'import sys; sys.exit("GezondIn needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

# Links in the admin and e-mails point at the address `make run` serves (unless set already).
# Serving on all interfaces (HOST=0.0.0.0 or ::) still links to this machine's loopback address;
# set WAGTAILADMIN_BASE_URL to the address others reach it at.
LINK_HOST := $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(if $(filter ::,$(HOST)),[::1],$(HOST)))
SITE_URL := $(or $(WAGTAILADMIN_BASE_URL),http://$(LINK_HOST):$(PORT))

run: install
	$(BIN)/python manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo
	WAGTAILADMIN_BASE_URL=$(SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: install
	WAGTAILADMIN_BASE_URL=$(SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(PYTEST) $(PYTEST_ARGS)

# The edit-test loop: no browser, no second server, no install, no production layer; the fuzz
# test sends a sample of its odd values (tests/test_public_urls_fuzz.py). `make test` runs
# everything in full.
test-fast: install
	GEZONDIN_FUZZ=quick $(PYTEST) -m "not browser and not server and not install and not production" $(PYTEST_ARGS)

test-browser: install
	REQUIRE_BROWSER=1 $(PYTEST) tests/browser $(PYTEST_ARGS)

# Needs PostgreSQL, Redis and pg_dump (docs/testing.md); its own database whatever DATABASE_URL says.
test-production: install
	REQUIRE_PRODUCTION=1 $(PYTEST) tests/production $(PYTEST_ARGS)

# Needs a package index (PyPI) or INSTALL_WHEELHOUSE=<dir of wheels>; about a minute and a half.
test-install: install
	REQUIRE_INSTALL=1 $(PYTEST) tests/install $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Serves the demo on a free port of its own (not the one `make run` uses); needs Chromium.
screenshots: install
	$(BIN)/python scripts/screenshots.py

migrations-check: install
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run

migrations: install
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

demo-reset: install
	rm -f db.sqlite3
	rm -rf media
	$(MAKE) demo

messages: install
	cd gezondin && ../$(BIN)/python ../manage.py makemessages -l nl -l en --no-obsolete
	cd kennisbank && ../$(BIN)/python ../manage.py makemessages -l nl -l en --no-obsolete
	cd leerkringen && ../$(BIN)/python ../manage.py makemessages -l nl -l en --no-obsolete
	$(BIN)/python manage.py makemessages -l nl -l en --no-obsolete --ignore=.venv \
		--ignore=gezondin --ignore=kennisbank --ignore=leerkringen --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip setuptools wheel
	.lock-venv/bin/python -m pip install --quiet ".[site,dev]"
	( echo "# Exact versions the reference site is tested with; regenerate with 'make lock'."; \
	  .lock-venv/bin/python -m pip freeze --exclude gezondin ) > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache staticfiles

bench: install
	$(BIN)/python -m tests.bench.kennisbank_bench $(BENCH_ARGS)
	DATABASE_URL=$${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
		$(BIN)/python -m tests.bench.kennisbank_bench $(BENCH_ARGS)

# LOADTEST_ARGS: e.g. "--users 30 --run-time 2m" (python -m tests.bench.loadtest --help).
loadtest: install
	DATABASE_URL=$${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
		$(BIN)/python -m tests.bench.loadtest $(LOADTEST_ARGS)
