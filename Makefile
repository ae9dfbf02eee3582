# The two commands: `make run` (serve the demo on SQLite) and `make test` (the whole suite).
SHELL := /bin/bash
PORT ?= 8000
# Two workers on a two-core machine; PYTEST_ARGS= runs in one process.
PYTEST_ARGS ?= -n 2
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON_FOR_VENV ?= $(shell bin/find-python)

.PHONY: run test install install-dev serve bench bench-api worker clean quality quality-tune quality-blind

$(PY):
	@test -n "$(PYTHON_FOR_VENV)" || { echo "No Python 3.12+ found (tried pyenv, python3.13, python3.12)."; exit 1; }
	$(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Install only when pyproject.toml changed since the last install (a stamp file in the venv): restarts are quick.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# The demo runs with debug off, so a missing page shows the site's own 404 page (static files still served).
run: export DJANGO_DEBUG ?= 0
run: install
	mkdir -p data
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/, API docs: /api/v1/docs/)"
	@echo "Log in as writer, reviewer, publisher or admin (password: printed when the users were created;"
	@echo "  '$(PY) manage.py seed_demo --reset-passwords' sets it again)."
	@# The background worker delivers webhooks; the sweeper re-queues any delivery a dead worker dropped.
	$(PY) manage.py db_worker --no-reload > data/worker.log 2>&1 & W=$$!; \
	$(PY) manage.py deliver_webhooks --sweep --loop 15 > data/sweeper.log 2>&1 & S=$$!; \
	trap 'kill $$W $$S 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

bench: install
	$(PY) benchmarks/engine.py

# Measuring what the engine is not tuned on (docs/quality.md); reads ../shared at run time.
quality: install
	$(PY) -m quality.report

# Only the tuning-split figures: what may be looked at while changing the engine.
quality-tune: install
	$(PY) -m quality.report --tune

# The blind set (quality/blind, never read by engine work): its figures only.
quality-blind: install
	$(PY) -m quality.blind

# gunicorn + PostgreSQL + wrk; BENCH_API_ARGS="--tree /tmp/perf-base" measures another checkout in the same run.
bench-api: install
	$(PY) benchmarks/api.py $(BENCH_API_ARGS)

worker: install
	$(PY) manage.py db_worker

clean:
	rm -rf $(VENV) data *.egg-info
