#!/usr/bin/env bash
# Set up SalesDesk in ./.venv (first run only) and start it. Extra arguments go to
# salesdesk, e.g.:  scripts/start.sh --data-dir /tmp/try  or  scripts/start.sh demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
if [[ ! -x .venv/bin/salesdesk ]]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e .
fi
.venv/bin/python scripts/build_translations.py
exec .venv/bin/salesdesk "$@"
