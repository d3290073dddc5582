#!/usr/bin/env bash
# Build the SalesDesk bundle with PyInstaller (dist/SalesDesk), and with employee options
# also that employee's archive (dist/SalesDesk-<version>-<employee>-<os>-<arch>.tar.gz):
#
#   scripts/build-bundle.sh
#   scripts/build-bundle.sh --employee-name "山田 太郎" --email taro.yamada@example.co.jp \
#       [--company C] [--phone P] [--lang ja] [--prospects list.csv] [--reuse]
#
# Sets up ./.venv with the build extras (PyInstaller, pykakasi) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
if ! command -v strip >/dev/null 2>&1; then  # PyInstaller strips the Qt libraries
  sudo=(); [[ "$(id -u)" != 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
if ! .venv/bin/python -c "import PyInstaller, pykakasi, salesdesk" >/dev/null 2>&1; then
  .venv/bin/python -m pip install -q -e '.[build]'
fi
.venv/bin/python scripts/build_translations.py
if (($# == 0)); then
  exec .venv/bin/python -m salesdesk.packaging bundle
fi
exec .venv/bin/python -m salesdesk.packaging build "$@"
