#!/usr/bin/env bash
# Create .venv and install kindscope into it (with the given extras), once.
# Usage: bash scripts/setup.sh [EXTRAS]   e.g. bash scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
stamp=".venv/.installed-${extras:-base}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setting up .venv (first run only; a few minutes)..." >&2
  log=.venv/install.log
  target="."
  [ -n "$extras" ] && target=".[$extras]"
  if ! { .venv/bin/python -m pip install --upgrade pip \
         && .venv/bin/python -m pip install -e "$target"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "setup failed: the whole log is in $log" >&2
    exit 1
  fi
  touch "$stamp"
fi
