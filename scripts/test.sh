#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's chromium), then lint, type-check and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-browser.sh
.venv/bin/ruff check src tests
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
