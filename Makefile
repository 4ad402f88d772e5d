# The two commands a fresh machine needs (see README.md):
#   make book   create .venv, install requirements.txt, build the book into _build/html
#   make test   nnlib tests, strict nbval over notebooks/, the book build, browser tests and link
#               check, then the chapters in JupyterLab
# Also: make lab (JupyterLab on your own copy of the chapters, in my-notebooks/), make lab-edit
# (JupyterLab on the committed notebooks/, for authors), make clean (remove _build), make
# distclean (+ .venv).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install only when the pinned requirements (or nnlib's own metadata) change.
STAMP := $(VENV)/.installed-requirements
CHROMIUM := /usr/bin/chromium
HTML := _build/html
# axe-core (accessibility checks of the browser tests), pinned in tests/browser/package.json and
# installed into tests/browser/node_modules: test tooling only, never copied into the book.
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: book build test test-nnlib test-notebooks test-notebooks-native test-notebooks-portable \
	test-book test-lab test-sweep chromium node axe lab lab-edit install clean distclean

$(BIN)/python:
	@if ! $(PYTHON) -m venv $(VENV); then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "python3 -m venv failed: installing Debian's python3-venv"; \
	    rm -rf $(VENV); apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv; \
	    $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "error: '$(PYTHON) -m venv' failed; install the venv module (Debian: apt-get install python3-venv)" >&2; exit 1; \
	  fi; \
	fi

$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

install: $(STAMP)

# Execute every notebook afresh, one per core, into an emptied cache (book/execute_notebooks.py);
# then build with warnings as errors (all reported: --keep-going), --all re-reading every page
# and taking the notebooks' outputs from that cache. No output is reused from an earlier build.
build: $(STAMP)
	rm -rf $(HTML) _build/jupyter_execute _build/.doctrees _build/.jupyter_cache
	$(BIN)/python book/execute_notebooks.py
	$(BIN)/jupyter-book build --all . -W --keep-going
	@echo "Open the book: $(CURDIR)/$(HTML)/index.html"

book: build

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "error: $(CHROMIUM) is missing and this is not root: run 'sudo apt-get install chromium'" >&2; exit 1; \
	  fi; \
	fi

axe: $(AXE)

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; \
	  else \
	    echo "error: npm is missing and this is not root: run 'sudo apt-get install npm'" >&2; exit 1; \
	  fi; \
	fi
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

# Node.js runs nnlib.web's JavaScript in the nnlib tests (they fail without it).
node:
	@if ! command -v node >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs; \
	  else \
	    echo "error: node is missing and this is not root: run 'sudo apt-get install nodejs'" >&2; exit 1; \
	  fi; \
	fi

test-nnlib: $(STAMP) node
	$(BIN)/python -m pytest tests -m "not book and not browser and not lab" -n auto --maxprocesses 4 --dist worksteal

# Strict nbval, twice, side by side (one kernel each): with this machine's own CPU kernels, and
# as a CPU without AVX2 and AVX-512 computes (OpenBLAS's generic Prescott kernels, NumPy's
# baseline SIMD loops). Stored outputs must not depend on the CPU's rounding; tests/nbval_cpu.py
# checks that the variables took effect and prints the kernels in the report's header.
PORTABLE_CPU := OPENBLAS_CORETYPE=Prescott NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL AVX512_SPR"
NBVAL := $(BIN)/python -m pytest -p tests.nbval_store_history -p tests.nbval_cpu --nbval notebooks/ \
	--nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# The page's training against nnlib over all 833 explorer settings that tests/test_nnlib_web_train.py
# knows (make test-nnlib trains 170 of them): about 3 minutes on 2 cores.
test-sweep: $(STAMP) node
	NNLIB_FULL_SWEEP=1 $(BIN)/python -m pytest tests/test_nnlib_web_train.py -n auto --maxprocesses 4 --dist worksteal

test-notebooks: $(STAMP)
	$(MAKE) --no-print-directory -j2 --output-sync=target test-notebooks-native test-notebooks-portable

test-notebooks-native: $(STAMP)
	$(NBVAL)

test-notebooks-portable: $(STAMP)
	$(PORTABLE_CPU) $(NBVAL)

# Browser tests and the link check, against the built book.
test-book: $(STAMP) chromium node axe
	$(BIN)/python -m pytest tests -m "book or browser"

# The chapters in JupyterLab (tests/lab/): a JupyterLab server on a temporary copy made as
# `make lab` makes it, Chromium through Playwright; needs no built book.
test-lab: $(STAMP) chromium
	$(BIN)/python -m pytest tests -m lab

# Every step runs even when an earlier one fails, so one run reports all problems; the exit
# status is non-zero if any step failed.
test: $(STAMP) chromium node axe
	@failed=""; \
	for step in test-nnlib test-notebooks build test-book test-lab; do \
	  echo "=== make $$step"; \
	  $(MAKE) --no-print-directory $$step || failed="$$failed $$step"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed" >&2; exit 1; fi; \
	echo "make test: all steps passed (nnlib tests, nbval, book build, browser tests + link check, JupyterLab)"

# Readers: JupyterLab on their own copy of the chapters (my-notebooks/, ignored by git, made and
# refreshed by book/lab_copy.py), so reading never changes the repository. Authors: make lab-edit
# opens the committed notebooks/. Jupyter refuses to run as root without --allow-root (e.g. in a
# container).
READER_COPY := my-notebooks
ALLOW_ROOT = $$([ "$$(id -u)" = 0 ] && echo --allow-root || true)

lab: $(STAMP)
	$(BIN)/python book/lab_copy.py notebooks $(READER_COPY)
	$(BIN)/jupyter lab --ServerApp.root_dir=$(READER_COPY) $(ALLOW_ROOT)

lab-edit: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(ALLOW_ROOT)

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV)
