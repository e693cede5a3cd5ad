# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= chronicle.duckdb

.PHONY: demo test venv browser bench clean train

$(BIN)/chronicle: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[model,test,spark]'
	$(BIN)/python -m compileall -q src  # bytecode now: with PYTHONDONTWRITEBYTECODE set, every start would compile chronicle (0.2 s CPU)
	touch $(BIN)/chronicle

venv: $(BIN)/chronicle

demo: venv
	$(BIN)/chronicle ingest examples/wire examples/feeds examples/pages --db $(DB)
	$(BIN)/chronicle articles --db $(DB)
	$(BIN)/chronicle stats --db $(DB)
	$(BIN)/chronicle mentions --db $(DB) --type CONSULT

# Chromium for the browser tests (tests/test_server_browser.py): Debian's chromium and
# chromium-driver, installed when /usr/bin/chromium is missing; without apt the tests skip.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  sudo=$$([ "$$(id -u)" -eq 0 ] || echo "sudo -n"); \
	  { $$sudo apt-get update -q && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; } \
	  || echo "make browser: could not install chromium with apt-get; the browser tests will be skipped"; \
	else echo "make browser: no /usr/bin/chromium and no apt-get; the browser tests will be skipped"; fi

test: venv browser
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

# The event-type classifier (docs/events.md): reads the annotations in
# src/chronicle/models/data and the texts in ../shared, writes
# src/chronicle/models/data/event_type_classifier.npz. Deterministic; about three minutes on CPU
# (parsing 2,939 sentences, then 6 seeded splits x 5 folds for the choice, models/selection.py).
SHARED ?= ../shared
train: venv
	OMP_NUM_THREADS=1 $(BIN)/python -m chronicle.models.train_types --shared $(SHARED)

bench: venv
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache build src/*.egg-info
