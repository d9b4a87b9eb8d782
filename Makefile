# civicapp: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
SCALE ?= 1

.PHONY: run dev test test-sqlite test-postgresql bench translations i18n-update lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

translations: $(VENV)/.installed
	$(BIN)/python -m civicapp.i18n_catalogs compile

# Re-extract messages after changing strings; then translate what `missing` lists.
i18n-update: $(VENV)/.installed-test
	$(BIN)/python -m civicapp.i18n_catalogs update

database: translations
	$(FLASK) db upgrade
	$(FLASK) municipalities load
	$(FLASK) demo seed --scale $(SCALE)

run: database
	$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

dev: database
	$(FLASK) run --debug

# Two pytest workers (one per core) for everything but the browser tests, which share one
# Chromium; each worker gets a database of its own.
PYTEST_PARALLEL := $(BIN)/pytest -n 2 -m "not browser"
PYTEST_BROWSER := $(BIN)/pytest -m browser

test: $(VENV)/.installed-test node_modules/.installed translations
	env -u CIVICAPP_TEST_DATABASE_URL $(PYTEST_PARALLEL)
	env -u CIVICAPP_TEST_DATABASE_URL $(PYTEST_BROWSER)
	@if [ -n "$$CIVICAPP_TEST_DATABASE_URL" ]; then \
	  echo "== the suite again on PostgreSQL ($$CIVICAPP_TEST_DATABASE_URL)"; \
	  $(PYTEST_PARALLEL) && $(PYTEST_BROWSER); \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check civicapp tests bench
	$(BIN)/ruff format --check civicapp tests bench

bench: $(VENV)/.installed-test translations
	$(BIN)/python -m bench.run --scale $(SCALE)

clean:
	rm -rf $(VENV) node_modules .pytest_cache
