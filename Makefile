# Two commands do everything on a fresh machine: `make run` and `make test`.
# Everything installs into .venv from the hash-locked files in requirements/.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
SECRET_FILE := .local-secret-key

.PHONY: run serve test lint format lock install install-dev setup bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	@rm -f $(VENV)/.installed-dev
	@touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	@touch $(VENV)/.installed-base $@

# A random key for this checkout only, so `make run` needs no configuration.
# Production sets DJANGO_SECRET_KEY instead (see README).
$(SECRET_FILE):
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(64))" > $@

install: $(VENV)/.installed-base $(SECRET_FILE)
install-dev: $(VENV)/.installed-dev $(SECRET_FILE)

# Hashing and compressing every static file takes a while: only redo it when a file
# in static/ or an installed package (the admin's files) has changed.
staticfiles/staticfiles.json: $(shell find static -type f) $(VENV)/.installed-base
	$(MANAGE) collectstatic --noinput --verbosity 0

setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_demo_content
	@$(MAKE) --no-print-directory staticfiles/staticfiles.json

run: setup
	@echo ""
	@echo "  Harbor Light Recovery is being served on http://127.0.0.1:8000"
	@echo "  Create a staff login with:  .venv/bin/python manage.py createsuperuser"
	@echo "  Stop the server with Ctrl+C."
	@echo ""
	$(BIN)/gunicorn --config iop_site/gunicorn.conf.py iop_site.wsgi:application

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/audit_dependencies.py requirements/dev.txt

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

# Throughput and latency of every page under load (see README, "Performance").
bench: install-dev
	$(BIN)/python scripts/bench.py

# Re-pin every dependency after editing pyproject.toml.
lock: install-dev
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes --upgrade -q -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --upgrade -q -o requirements/dev.txt

# Re-extract the interface strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext:
# apt-get install gettext), then compile the committed .mo files with polib (no gettext
# needed for that step alone: .venv/bin/python scripts/compile_messages.py).
messages: install-dev
	$(MANAGE) makemessages --locale es --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' \
		--ignore 'tests/*' --ignore 'screenshots/*'
	$(BIN)/python scripts/compile_messages.py --drop-guesses

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
