#!/usr/bin/env bash
# Draws docs/performance/*.png from bench/results/*.txt (matplotlib in a virtualenv under ~/.cache/amtsdesk).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}/charts-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import matplotlib' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'matplotlib==3.11.2'
fi
exec "$venv/bin/python" bench/charts.py "$@"
