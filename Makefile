# Developer tasks. `make test` is what CI runs (through .ci/run, with CI=true).
#
#   make run     venv + ingest seeds/examples into ./graph.lbug + serve the API and the
#                explorer on http://127.0.0.1:8000 (PORT=8080 to move it; Ctrl-C stops)
#   make venv    .venv with the package installed editable, plus the dev extras
#   make test    venv + a real Neo4j test server (tests/neo4j) + pytest; stops Neo4j after
#                (pass pytest options with: make test PYTEST_ARGS="-k store -x")

PYTHON      ?= python3
VENV        := .venv
PYTEST_ARGS ?=
STORE       ?= graph.lbug
PORT        ?= 8000

.PHONY: venv test run

venv: $(VENV)/.installed

# Re-installs when pyproject.toml changes; the stamp file records the last install.
$(VENV)/.installed: pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

# The EXIT trap stops Neo4j whether pytest passes, fails or is interrupted; the recipe's
# exit status is pytest's.
test: venv
	@trap 'tests/neo4j/stop.sh' EXIT; trap 'exit 130' INT TERM; \
	uri="$$(tests/neo4j/start.sh)" || exit 1; \
	echo "NEO4J_URI=$$uri $(VENV)/bin/pytest -q $(PYTEST_ARGS)"; \
	NEO4J_URI="$$uri" $(VENV)/bin/pytest -q $(PYTEST_ARGS)

# The main job: the example articles in the embedded store, served with the explorer.
run: venv
	$(VENV)/bin/partnergraph run --store $(STORE) --port $(PORT)
