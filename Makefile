# Set-up and everyday commands.  Only Python 3.11 and make are needed:
# everything else is installed into .venv from PyPI.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install chromium lint typecheck bench conformance clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps -e tests/plugins/example_plugin
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck check seeds/ --fail-on error || test $$? -eq 1

# The HTML report is tested in a real headless browser: Debian's chromium
# (CI runs as root on Debian).
chromium:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

test: $(STAMP) chromium
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests
	$(BIN)/mypy

# Pass rates on other projects' public test suites (tests/data/conformance);
# the same cases run in `make test` with per-file floors.
conformance: $(STAMP)
	$(BIN)/python -m tests.conformance.dates
	$(BIN)/python -m tests.conformance.quantities

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
