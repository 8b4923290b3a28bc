# Two commands set everything up: `make extract` and `make test` build .venv from the pinned
# requirements when it is missing or older than requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed
INPUT ?= corpus
OUT ?= output

.PHONY: extract test eval report bench lint clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/python -m pipeline extract $(INPUT) --out $(OUT) --report

test: $(STAMP)
	$(BIN)/python -m pytest

# Accuracy against the hand-made gold sets (corpus, fixtures, held-out); fails when a figure drops below
# tests/baseline/.
# `make eval BASELINE_ARGS=--write-baseline` raises the baseline (commit it deliberately).
eval: $(STAMP)
	$(BIN)/python -m pipeline extract corpus --out $(OUT) --quiet
	$(BIN)/python -m pipeline eval --pred $(OUT)/claims.parquet --gold corpus/gold/claims.jsonl \
		--out $(OUT)/eval.json --baseline tests/baseline/corpus.json $(BASELINE_ARGS)
	$(BIN)/python -m pipeline extract tests/fixtures --out $(OUT)/fixtures --quiet
	$(BIN)/python -m pipeline eval --pred $(OUT)/fixtures/claims.parquet --gold tests/fixtures/gold/claims.jsonl \
		--out $(OUT)/eval-fixtures.json --baseline tests/baseline/fixtures.json $(BASELINE_ARGS)
	$(BIN)/python -m pipeline extract tests/heldout --out $(OUT)/heldout --quiet
	$(BIN)/python -m pipeline eval --pred $(OUT)/heldout/claims.parquet --gold tests/heldout/gold/claims.jsonl \
		--out $(OUT)/eval-heldout.json --baseline tests/baseline/heldout.json $(BASELINE_ARGS)

report: $(STAMP)
	$(BIN)/python -m pipeline report --out $(OUT)

bench: $(STAMP)
	$(BIN)/python -m pipeline.bench

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

clean:
	rm -rf $(VENV) $(OUT)/*.parquet $(OUT)/*.csv $(OUT)/*.duckdb $(OUT)/*.json
