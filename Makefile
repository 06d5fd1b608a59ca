# The two commands of the README: `make demo` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/tidings.db
PORT ?= 8000

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: setup
	@mkdir -p demo
	$(BIN)/tidings read samples/seed-page.txt --format md
	$(BIN)/tidings read samples/ > demo/articles.jsonl; echo "wrote demo/articles.jsonl"
	-$(BIN)/tidings ingest samples/ --db $(DEMO_DB)
	$(BIN)/tidings dyad --db $(DEMO_DB) --top 10
	$(BIN)/tidings events --db $(DEMO_DB) --order mentions_desc --limit 3 --evidence
	$(BIN)/tidings serve --db $(DEMO_DB) --port $(PORT)

test: setup
	./scripts/install_chromium.sh
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/large_page.py
	$(BIN)/python bench/dyad.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) demo artifacts bench/out
