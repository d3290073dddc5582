#!/usr/bin/env bash
# Set up a test environment in ./.venv and run every check: translations complete,
# ruff (lint + format), mypy (strict on core), pytest offscreen, then the tests that
# need a real X server under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh --test
if [[ ! -x .venv/bin/pytest ]]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e '.[test]'
export PATH="$PWD/.venv/bin:$PATH"

echo "== translations"
python scripts/build_translations.py --check
echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy (strict on salesdesk/core)"
mypy salesdesk/core
echo "== pytest (offscreen)"
QT_QPA_PLATFORM=offscreen pytest -m "not x11" -q "$@"
echo "== pytest (real X server under Xvfb)"
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" pytest -m x11 -q "$@"
