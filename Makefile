# Clinic App: set-up, run, test. GNU make.
#   make run     open the desktop app (creates the virtualenv first if needed)
#   make test    the whole test suite, headless
#   make bench   the benchmarks (figures for the README)
#   make lint    ruff and the import-layering contracts

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv run display-check test bench lint installer clean

help:
	@echo "make run | test | bench | lint | venv | installer | clean   (VENV=$(VENV))"

# Re-install whenever pyproject.toml (dependencies, entry points) changes.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(STAMP)

# Fail fast with advice instead of Qt's misleading abort about xcb libraries.
display-check:
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "clinic-app: there is no display (DISPLAY and WAYLAND_DISPLAY are not set)." >&2; \
		echo "Run it under a virtual X server instead:  xvfb-run make run" >&2; \
		exit 2; \
	fi

run: display-check $(STAMP)
	$(VENV)/bin/clinic-app

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m tests.benchmarks

lint: $(STAMP)
	$(PY) -m ruff check clinic_app tests
	$(VENV)/bin/lint-imports --no-cache

installer: $(STAMP)
	@if [ -f installer/build.sh ]; then \
		PATH="$(abspath $(VENV))/bin:$$PATH" bash installer/build.sh; \
	else \
		echo "installer/build.sh is not there yet: no installer to build." >&2; exit 1; \
	fi

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .import_linter_cache
