#!/usr/bin/env bash
# All tests: Rust build, unit tests, headless UI tests, end-to-end tests against a real Synapse and a real
# matrix-js-sdk citizen, and the app-image launcher test. Needs cargo, python3, node/npm (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
exec ./mvnw -B verify "$@"
