#!/usr/bin/env bash
# Quick start, part 2: set up with the test extras, lint, and run the default test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,spark
.venv/bin/ruff check kindscope tests benchmarks training scripts
.venv/bin/pytest -q "$@"
