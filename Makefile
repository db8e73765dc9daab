# Haruul: `make run` starts the whole platform locally; `make test` runs every test against a
# real Kafka broker. Both install what they need into .venv/ first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGES := -e services/common -e proto/python -e services/intake -e services/scoring \
	-e services/notify -e services/platform
PYPROJECTS := $(wildcard services/*/pyproject.toml) proto/python/pyproject.toml

EVAL_SET ?= ../shared/eval/dev-reports.jsonl

.PHONY: install engine run test lint generate check-generated unit integration eval bench bench-scoring chaos kannel postgres clean second-reader

install: $(STAMP)

$(STAMP): requirements.lock requirements-dev.txt $(PYPROJECTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==24.3.1
	$(BIN)/pip install --quiet -c requirements.lock -r requirements-dev.txt $(PACKAGES)
	touch $@

# The scoring engine compiled with mypyc (build/engine/, keyed by its sources' hash; about half
# a minute when they changed, nothing otherwise). Without it the engine runs as Python.
engine: $(STAMP)
	$(BIN)/python -m haruul_scoring.build_engine

run: $(STAMP) engine
	$(BIN)/haruul run

test: $(STAMP) engine kannel postgres check-generated lint
	$(BIN)/pytest

unit: $(STAMP) engine
	$(BIN)/pytest -m "not integration"

integration: $(STAMP) engine kannel postgres
	$(BIN)/pytest -m integration

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: $(STAMP) engine
	$(BIN)/haruul eval --check $(EVAL_SET)
	for set in tests/data/holdout-reports.jsonl tests/data/fresh*-reports.jsonl; do \
		$(BIN)/haruul eval $$set || exit 1; done

# Retrain the scoring engine's second reader on tests/data (prints its leave-one-set-out
# figures, writes domain/second_reader_weights.py); run after adding a labelled set.
second-reader: $(STAMP)
	HARUUL_SCORING_COMPILED=0 $(BIN)/python -m haruul_scoring.second_reader_training

bench: $(STAMP) engine
	$(BIN)/python -m tools.bench

bench-scoring: $(STAMP) engine
	$(BIN)/python -m haruul_scoring.bench --json var/bench/scoring.json

# Faults under load (README "Faults"): prints lost=N duplicates=M, fails unless both are 0.
chaos: $(STAMP) engine postgres
	$(BIN)/python -m tools.chaos

# Kannel (SMS gateway with a fake SMSC) from Debian's packages: the real peer of the SMS tests.
kannel:
	sh infra/kannel/install.sh

# PostgreSQL server binaries (Debian's): the tests start a throwaway cluster for shared state.
postgres:
	sh infra/postgres/install.sh

generate: $(STAMP)
	$(BIN)/python tools/contracts.py generate

check-generated: $(STAMP)
	$(BIN)/python tools/contracts.py check

clean:
	rm -rf $(VENV) var build/engine build/native-target .mypy_cache .ruff_cache .pytest_cache
