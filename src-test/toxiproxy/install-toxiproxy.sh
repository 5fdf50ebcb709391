#!/usr/bin/env bash
# Builds the pinned Toxiproxy server (a TCP fault proxy: latency, resets, timeouts, cut bodies) from the Go module
# proxy into the cache OUTSIDE the clone, once:
#   ${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}/toxiproxy-<version>/server
# `@latest` resolves to an old v2.5.0, so the version is pinned. The LAST line on stdout is the binary's path
# (ToxiproxyServer.java reads it). Needs Go (`go` on PATH).
set -euo pipefail
version="v2.12.0"
cache="${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}"
dir="$cache/toxiproxy-$version"
bin="$dir/server"
if [[ -x "$bin" ]]; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "install-toxiproxy.sh: Go is needed to build Toxiproxy" >&2; exit 1; }
mkdir -p "$dir"
exec 9>"$dir.lock"
if command -v flock >/dev/null; then flock 9; fi
if [[ ! -x "$bin" ]]; then
  echo "install-toxiproxy.sh: building toxiproxy $version (about a minute)" >&2
  GOBIN="$dir" GOFLAGS=-mod=mod go install "github.com/Shopify/toxiproxy/v2/cmd/server@$version" >&2
fi
[[ -x "$bin" ]] || { echo "install-toxiproxy.sh: build produced no binary at $bin" >&2; exit 1; }
echo "$bin"
