# LLM Cost Workbench — `make run` starts the app, `make test` runs the whole suite.
# Both create .venv and install the project into it when needed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench package screenshots docs clean system-deps

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip >/dev/null
	$(PY) -m pip install -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/llmcost-gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check llmcost_gui tests scripts

bench: $(STAMP)
	$(VENV)/bin/llmcost bench --json

docs: $(STAMP)
	$(PY) scripts/make_formulas_doc.py
	$(PY) scripts/make_validation.py

# System libraries Qt needs on a bare Debian/Ubuntu machine, and LibreOffice for the
# Excel recalculation test (run as root, e.g. in CI).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	  libglib2.0-0 fonts-noto-cjk libreoffice-calc-nogui xvfb

clean:
	rm -rf $(VENV) build dist *.egg-info
