# Opvangloket: `make run` starts everything, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-postgres lint typecheck asyncapi bench bench-full simulate-year clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m infra.local.run

# The whole suite: unit, contract, integration, end-to-end and browser tests on SQLite,
# then the persistence and end-to-end tests again on a real PostgreSQL server.
test: $(STAMP)
	$(PY) -m tests.preflight
	$(PY) -m pytest tests
	$(PY) -m pytest tests -m postgres --db=postgres

test-fast: $(STAMP)
	$(PY) -m pytest tests/unit tests/contract

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy contracts services infra bench tests

# Abuse at full size (docs/evidence.md, section Abuse): schemathesis with more examples and its
# coverage phase, plus the poison events, the authorization matrix, rate limits and webhook signatures.
.PHONY: abuse
abuse: $(STAMP)
	ABUSE_EXAMPLES=$${ABUSE_EXAMPLES:-25} ABUSE_PHASES=$${ABUSE_PHASES:-examples,coverage,fuzzing} \
		$(PY) -m pytest tests/abuse -p no:cacheprovider

asyncapi: $(STAMP)
	$(PY) -m contracts.generate_asyncapi

# Benchmarks: the whole stack on free ports, figures beside the raw broker (JSON in var/bench/).
bench: $(STAMP)
	$(PY) -m bench.system

bench-full: $(STAMP)
	$(PY) -m bench.system --full
	$(PY) -m bench.reporting_rebuild --requests 20000 --batch 2000

# Issue 8: a simulated Flemish year through the public APIs, every bus service and the broker SIGKILLed
# CHAOS times at seeded moments, the exported report checked against the simulator's ground truth.
# Full size (285 municipalities, ~5,700 locations, ~65,000 families) takes hours on a small machine;
# SCALE=medium (3,000 families) or SCALE=reduced (the suite's run) for less. See docs/evidence.md.
SCALE ?= full
CHAOS ?= 2
SEED ?= 2028
simulate-year: $(STAMP)
	$(PY) -m infra.simulator --scale $(SCALE) --chaos $(CHAOS) --seed $(SEED)

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
