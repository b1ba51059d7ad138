# Trygghet — the one entry point: make setup | test | demo | bench | package | install-plugin | lint
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
# Debian packages of this release (PostgreSQL/PostGIS follow it): tools/debian-packages.sh
SYSTEM_CONSTRAINTS := $(VENV)/constraints-system.txt
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP     := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup system-packages venv translations lint test test-noqgis test-next-year chroot-test demo bench package install-plugin clean

help:
	@echo "make demo            the main job end to end on the bundled sample (PDFs, project, store in out/demo/)"
	@echo "make test            lint and the whole test suite, headless"
	@echo "make test-next-year  the suite again with the clock a year ahead (CI runs both)"
	@echo "make test-noqgis     the unit tests marked noqgis, in a Python where import qgis fails"
	@echo "make chroot-test DIST=trixie  make test in a Debian chroot (trixie: QGIS 3.40 LTR, sid: 3.44)"
	@echo "make bench           benchmarks, each side by side with a peer (ogr2ogr, esda, QGIS)"
	@echo "make package         dist/trygghet_plugin-<version>.zip for QGIS's 'Install from ZIP'"
	@echo "make install-plugin  link the work tree into your QGIS profile and enable it"
	@echo "make translations    resources/i18n/*.qm from the .ts files (lrelease)"
	@echo "make setup           install what the others need (Debian packages, .venv); idempotent"

setup: system-packages venv translations

system-packages:
	@pkgs="$$(sh tools/debian-packages.sh)" || exit 1; \
	missing=""; for p in $$pkgs; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(STAMP)

# numpy and scipy are pinned to the system's (Debian's python3-numpy/-scipy, which its GDAL and
# QGIS are built against): esda or pygeoapi would otherwise pull a newer numpy into the venv.
$(STAMP): requirements-dev.txt constraints-dev.txt
	@[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	@/usr/bin/python3 -c 'import numpy, scipy; print(f"numpy=={numpy.__version__}\nscipy=={scipy.__version__}")' > $(SYSTEM_CONSTRAINTS)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints-dev.txt -c $(SYSTEM_CONSTRAINTS)
	@touch $@

# The .ts files are in git; the .qm files are built (and ignored by git).
translations: system-packages venv
	$(PY) -m tools.translations build

# ruff; the Qt6 check (what QGIS's pyqt5_to_pyqt6 script would rewrite: tools/qt6_check.py);
# the layers and no-cycle contracts (import-linter, [tool.importlinter] in pyproject.toml); mypy
lint: setup
	$(VENV)/bin/ruff check .
	$(PY) -m tools.qt6_check
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: setup lint
	$(PY) -m pytest -q

# domain/ and analysis/ need no QGIS: the tests marked noqgis in a Python whose `import qgis`
# fails (tests/noqgis/sitecustomize.py); tests/unit/test_without_qgis.py runs this in `make test`.
test-noqgis: setup
	PYTHONPATH=tests/noqgis:. $(PY) -m pytest -q -p no:pytest_qgis -p no:cacheprovider \
	  -W ignore::pytest.PytestConfigWarning -m noqgis tests/unit

# The suite once more with the system clock a year ahead (libfaketime, also in every child
# process: qgis_process, pygeoapi, PostgreSQL): no test may follow the calendar. CI runs it.
# Tests marked realtime wait on deadlines that libfaketime's shifted clock breaks; a sweep
# repeats one date-fixed check over many seeds (make test runs it).
test-next-year: setup
	faketime -f '+365d' $(PY) -m pytest -q -p no:cacheprovider -m "not realtime and not sweep"

demo: setup
	$(PY) -m tools.demo

bench: setup
	$(PY) -m bench

package: setup translations
	$(PY) -m tools.package

install-plugin: setup
	$(PY) -m tools.profile link

# The suite on another Debian release's QGIS, in a cached debootstrap chroot (root or sudo).
DIST ?= trixie
chroot-test:
	DIST=$(DIST) tools/chroot-test.sh

clean:
	rm -rf build dist out .pytest_cache .ruff_cache .qgis-settings resources/i18n/*.qm
