# Set-up and everyday commands.  Only Python 3.11 and make are needed:
# everything else is installed into .venv from PyPI.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install chromium lint typecheck bench conformance tables fuzz clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m pip install --quiet --no-deps -e tests/plugins/example_plugin
	# An editable install gets no bytecode from pip (a wheel install does): write it once.
	$(BIN)/python -m compileall -q factcheck
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
	$(BIN)/ruff check factcheck tests fuzz benchmarks scripts
	$(BIN)/mypy

# Pass rates on other projects' public test suites (tests/data/conformance);
# the same cases run in `make test` with per-file floors.  Then value and
# value+unit F1 on the project's own news-style quantity sentences.
conformance: $(STAMP)
	$(BIN)/python -m tests.conformance.dates
	$(BIN)/python -m tests.conformance.quantities
	$(BIN)/python benchmarks/quantity_sentences.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/growth.py
	$(BIN)/python benchmarks/long_sources.py

# The table entries that ship with the package (factcheck/tables): the bundled
# name lists as read and the date patterns' guards, so a first run on a fresh
# machine does not build them.  Run after changing either, or the code that
# reads them; tests/test_shipped_tables.py fails until then.
tables: $(STAMP)
	$(BIN)/python scripts/ship_tables.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Fuzzing (not part of CI): each atheris harness in fuzz/ for FUZZ_SECONDS,
# one after the other; crashes land in fuzz/artifacts/.  atheris is installed
# into the venv only here.
FUZZ_SECONDS ?= 600
FUZZ_HARNESSES ?= sources dates quantities rules

fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet "atheris>=2.3,<4"
	@status=0; for h in $(FUZZ_HARNESSES); do \
		echo "== fuzz/$$h.py for $(FUZZ_SECONDS)s"; \
		$(BIN)/python fuzz/$$h.py -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 > fuzz/$$h.log 2>&1 || status=1; \
		grep -E "^Done [0-9]+ runs|ERROR: libFuzzer|Uncaught Python exception" fuzz/$$h.log || tail -5 fuzz/$$h.log; \
	done; exit $$status
