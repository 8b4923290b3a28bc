# Two commands set everything up: `make extract` and `make test` build .venv from the pinned
# requirements when it is missing or older than requirements.txt or pyproject.toml, and install the
# project into it (editable), so `news-claims` and `import pipeline` work from any folder.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed
INPUT ?= corpus
OUT ?= output

.PHONY: extract test eval witness report bench lint clean distclean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/news-claims extract $(INPUT) --out $(OUT) --report

# One pytest worker per CPU; a test file's tests stay in one worker (they share its fixtures).
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

# Accuracy against the hand-made gold sets (corpus, fixtures, held-out, and the real-article gold in
# tests/real/: dev and heldout halves); fails when a figure drops below tests/baseline/. Then the
# annotators' agreement on the real articles, and the recall witness over the whole dev corpus.
# `make eval BASELINE_ARGS=--write-baseline` raises the baseline (commit it deliberately).
DEVCORPUS ?= ../shared/devcorpus
GOLD_SETS := corpus:corpus fixtures:tests/fixtures heldout:tests/heldout real-dev:tests/real/dev real-heldout:tests/real/heldout

eval: $(STAMP)
	@set -e; for set in $(GOLD_SETS); do name=$${set%%:*}; dir=$${set#*:}; \
		gold=$$dir/gold/claims.jsonl; [ $$dir = corpus ] && gold=corpus/gold/claims.jsonl; \
		echo "== $$name"; \
		$(BIN)/python -m pipeline extract $$(ls $$dir/*.txt $$dir/*.jsonl 2>/dev/null) --out $(OUT)/eval/$$name --quiet; \
		$(BIN)/python -m pipeline eval --pred $(OUT)/eval/$$name/claims.parquet --gold $$gold \
			--out $(OUT)/eval-$$name.json --baseline tests/baseline/$$name.json $(BASELINE_ARGS); \
	done
	@echo "== linking rules and confidence, over the gold sets"
	$(BIN)/python -m pipeline eval-summary $(foreach set,$(GOLD_SETS),$(OUT)/eval-$(firstword $(subst :, ,$(set))).json)
	@set -e; for dir in corpus tests/fixtures tests/real/dev; do \
		echo "== agreement of two annotators ($$dir/gold/second_annotator.jsonl)"; \
		$(BIN)/python -m pipeline eval --pred $$dir/gold/second_annotator.jsonl --gold $$dir/gold/claims.jsonl \
			--out $(OUT)/agreement-$$(basename $$dir).json; \
	done
	$(MAKE) --no-print-directory witness

# Recall without gold over the whole dev corpus (400 Reuters + 113 BBC stories): amounts no claim covers.
witness: $(STAMP)
	@if [ -d $(DEVCORPUS) ]; then \
		$(BIN)/python -m pipeline extract $(DEVCORPUS)/reuters_dev.jsonl $(DEVCORPUS)/bbc --out $(OUT)/devcorpus --quiet && \
		$(BIN)/python -m pipeline witness --out $(OUT)/devcorpus; \
	else echo "no dev corpus at $(DEVCORPUS): set DEVCORPUS=path"; fi

report: $(STAMP)
	$(BIN)/python -m pipeline report --out $(OUT)

bench: $(STAMP)
	$(BIN)/python -m pipeline.bench

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests

# The outputs and build leftovers; .venv stays (`make distclean` removes it too).
clean:
	rm -rf $(OUT)/*.parquet $(OUT)/*.csv $(OUT)/*.duckdb $(OUT)/*.json $(OUT)/*.html $(OUT)/report_files \
		$(OUT)/current $(OUT)/versions $(OUT)/.lock $(OUT)/eval $(OUT)/devcorpus build dist *.egg-info

distclean: clean
	rm -rf $(VENV)
