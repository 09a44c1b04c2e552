# LLM Cost Workbench — `make run` starts the app, `make test` runs the whole suite.
# Both create .venv and install the project into it when needed.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-slow lint bench package constraints screenshots docs clean system-deps

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --upgrade pip >/dev/null
	$(PY) -m pip install -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/llmcost-gui

# Two worker processes: the CI machine has two cores.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2

# The cases too slow for `make test` (marked `slow`); CI runs them after `make test`.
test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m slow || [ $$? -eq 5 ]

# Linters come pinned in the `dev` extra: ruff, and import-linter for the layer contracts
# (pyproject.toml [tool.importlinter]: core, io, the computing process and the CLI never import Qt; the core never imports io).
DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install -e '.[dev]'
	touch $(DEV_STAMP)

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check llmcost_gui tests scripts
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(VENV)/bin/llmcost bench --json

# One-folder PyInstaller bundle: dist/llmcost-gui/llmcost-gui (see packaging/README.md).
# The bundle is built from the versions pinned in constraints.txt, so it is reproducible;
# `make constraints` rewrites that file from what is installed (after a deliberate upgrade).
PKG_STAMP := $(VENV)/.installed-package
$(PKG_STAMP): pyproject.toml constraints.txt | $(STAMP)
	$(PY) -m pip install -c constraints.txt -e '.[package]'
	touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/llmcost-gui.spec
	@du -sh dist/llmcost-gui

constraints: $(STAMP)
	$(PY) -m pip install -e '.[test,dev,package]'
	{ echo "# Pinned versions for reproducible bundles (make package); written by make constraints"; \
	  echo "# with $$($(PY) --version) on $$(uname -s); platform-only packages are not listed."; \
	  $(PY) -m pip freeze --exclude-editable --exclude pip | LC_ALL=C sort -f; } > constraints.txt

docs: $(STAMP)
	$(PY) scripts/make_formulas_doc.py
	$(PY) scripts/make_validation.py
	$(PY) scripts/make_user_guide_tables.py --write

# System libraries Qt needs on a bare Debian/Ubuntu machine, the freedesktop validators
# (desktop-file-utils, appstream) for the packaging tests, LibreOffice and Gnumeric for the
# budget recalculation tests, poppler-utils to render the budget's pages (run as root, e.g. in CI).
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  $(QT_DEPS) fonts-noto-cjk libreoffice-calc-nogui gnumeric poppler-utils xvfb desktop-file-utils appstream

# What PySide6's xcb platform plugin loads (`ldd .../plugins/platforms/libqxcb.so`), by package.
QT_DEPS := python3-venv libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 \
	  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 \
	  libxcb-keysyms1 libxcb-image0 libxcb-render0 libxcb-render-util0 libxcb-shape0 \
	  libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-xkb1 libxcb-util1

clean:
	rm -rf $(VENV) build dist *.egg-info
