# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= chronicle.duckdb

.PHONY: demo test venv bench clean

$(BIN)/chronicle: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[model,test]'
	touch $(BIN)/chronicle

venv: $(BIN)/chronicle

demo: venv
	$(BIN)/chronicle ingest examples/wire examples/feeds examples/pages --db $(DB)
	$(BIN)/chronicle articles --db $(DB)
	$(BIN)/chronicle stats --db $(DB)
	$(BIN)/chronicle mentions --db $(DB) --type CONSULT

test: venv
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: venv
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build src/*.egg-info
