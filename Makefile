# Two commands set everything up (see README):  make demo  ·  make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The package maps the top-level folders into `paiwu.*`; a strict editable install links them into
# build/ so that tools (mypy, import-linter) see one package. Re-link when a folder gains a file.
SOURCES := pyproject.toml $(shell find src engine facts policies cli api store reports -type d 2>/dev/null)

.PHONY: demo test lint typecheck validate unit features clean

$(BIN)/.installed: $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]' --config-settings editable_mode=strict
	touch $@

demo: $(BIN)/.installed  ## install, then check every shipped example
	$(BIN)/paiwu check --format summary --exit-zero examples/*.yaml
	@echo
	$(BIN)/paiwu check --lang en examples/xuzhou-ineligible-several.yaml --exit-zero

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(BIN)/.installed
	$(BIN)/mypy -p paiwu

validate: $(BIN)/.installed
	$(BIN)/paiwu policies validate

test: lint typecheck validate  ## everything CI runs: lint, types, layers, policies, unit and legal acceptance tests
	$(BIN)/python -m pytest tests features
	$(BIN)/paiwu coverage --gaps-only

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
