#!/usr/bin/env bash
# Installs the pinned Synapse (requirements.txt beside this script) into a virtualenv OUTSIDE the clone,
# so CI and developers reuse it across clones and `mvn clean`:
#   ${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}/synapse-venv-<first 12 hex of sha256(requirements.txt)>
# Idempotent: a venv that finished installing carries a marker file and is reused as is.
# Progress goes to stderr and to <venv>.install.log; the LAST line on stdout is the venv path
# (callers such as SynapseServer.java read it).
# Env: AMTSDESK_CACHE_DIR (cache root), PYTHON (interpreter to build the venv from; default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
req="$here/requirements.txt"
cache="${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}"
python="${PYTHON:-python3}"

fail() {
  echo "install-synapse.sh: Synapse could not be installed: $*" >&2
  exit 1
}

[[ -f "$req" ]] || fail "missing $req"
command -v sha256sum >/dev/null || fail "sha256sum not found (coreutils)"
hash="$(sha256sum "$req" | cut -c1-12)"
venv="$cache/synapse-venv-$hash"
marker="$venv/.amtsdesk-installed"
log="$venv.install.log"

if [[ -f "$marker" ]]; then
  echo "$venv"
  exit 0
fi

command -v "$python" >/dev/null || fail "'$python' not found; install Python >= 3.10 or set PYTHON"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || fail "$("$python" --version 2>&1) is too old; Synapse needs Python >= 3.10 (set PYTHON)"
mkdir -p "$cache"

# One installer at a time per venv (parallel CI jobs, two JVMs); the second one then finds the marker.
exec 9>"$venv.lock"
if command -v flock >/dev/null; then flock 9; fi
if [[ -f "$marker" ]]; then
  echo "$venv"
  exit 0
fi

echo "install-synapse.sh: creating $venv (log: $log)" >&2
rm -rf "$venv"
{
  echo "== $(date -u +%FT%TZ) installing $(grep -v '^#' "$req" | tr '\n' ' ')with $("$python" --version 2>&1)"
  "$python" -m venv "$venv" &&
    "$venv/bin/python" -m pip install --disable-pip-version-check --no-input --prefer-binary -r "$req" &&
    "$venv/bin/python" -c 'import synapse; print("synapse", synapse.__version__, "imports fine")'
} >"$log" 2>&1 || {
  tail -n 25 "$log" >&2 || true
  rm -rf "$venv"
  fail "pip install failed; see $log"
}
touch "$marker"
echo "install-synapse.sh: done" >&2
echo "$venv"
