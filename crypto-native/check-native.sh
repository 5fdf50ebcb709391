#!/usr/bin/env bash
# Rust checks of crypto-native: `cargo fmt --check`, `cargo clippy --all-targets -- -D warnings` and
# `cargo test`, in that order (cheapest first); any failure fails the build. Run by Maven
# (exec-maven-plugin, phase `test`, skipped with -DskipTests or -Drust.checks.skip=true); can be
# run by hand the same way.
#
#   check-native.sh [cargo target dir]
#
# Same target dir as build-native.sh ($CARGO_TARGET_DIR, else the argument, else
# ~/.cache/amtsdesk/cargo-target). The unit tests reuse the dependencies of the release build (see
# run_unit_tests); clippy needs check-mode artifacts of its own (a few minutes once per target dir,
# then warm).
#
# rustfmt and clippy are rustup components. If one is missing, the check is skipped with a loud
# warning on a developer machine and fails the build when CI=true (a CI runner must run them all).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target_dir="${CARGO_TARGET_DIR:-${1:-$HOME/.cache/amtsdesk/cargo-target}}"
manifest="$here/Cargo.toml"

fail() { echo "crypto-native checks: $*" >&2; exit 1; }

source "$here/cargo-env.sh"
# cargo fmt / cargo clippy are found next to cargo (rustup proxies).
PATH="$(dirname "$cargo"):$PATH"
export CARGO_TARGET_DIR="$target_dir"

# Whether `cargo <subcommand>` works; if not, says precisely what is missing and either skips (false)
# or fails (CI=true).
available() {
  local subcommand="$1" component="$2"
  if "$cargo" "$subcommand" --version >/dev/null 2>&1; then
    return 0
  fi
  local installed
  installed="$(rustup component list --installed 2>/dev/null | tr '\n' ' ' || true)"
  local message="'cargo $subcommand' is not available: the rustup component '$component' is missing \
(installed components: ${installed:-unknown, rustup not found}). Install it with 'rustup component add $component'."
  if [ "${CI:-}" = "true" ]; then
    fail "$message CI=true, so this fails the build."
  fi
  echo "crypto-native checks: WARNING: $message Skipping this check on this machine (it fails the build when CI=true)." >&2
  return 1
}

step() {
  local name="$1"; shift
  local started=$SECONDS
  echo "crypto-native checks: $name"
  "$@" || fail "$name failed (see above)"
  echo "crypto-native checks: $name passed in $((SECONDS - started)) s"
}

if available fmt rustfmt; then
  step "cargo fmt --check" "$cargo" fmt --manifest-path "$manifest" --check
fi
if available clippy clippy; then
  step "cargo clippy --all-targets -- -D warnings" \
    "$cargo" clippy --release --locked --all-targets --manifest-path "$manifest" -- -D warnings
fi
# The unit tests, built with `cargo build --lib --tests` and run directly. Not `cargo test --lib`:
# without the library's own cdylib/rlib in the same invocation, cargo gives the dependencies other
# LTO roles and compiles all of them a second time (about ten minutes on two cores). This way they
# are exactly the artifacts build-native.sh's `cargo build --release` made, and only the test
# harness of this crate is compiled. (The example is checked by clippy --all-targets.)
run_unit_tests() {
  local messages executables
  messages="$("$cargo" build --release --locked --lib --tests --manifest-path "$manifest" \
    --message-format=json-render-diagnostics)" || return 1
  executables="$(printf '%s\n' "$messages" | grep -o '"executable":"[^"]*"' | sed 's/^"executable":"//; s/"$//')"
  [ -n "$executables" ] || { echo "no test executable was built" >&2; return 1; }
  local executable
  for executable in $executables; do
    (cd "$here" && "$executable") || return 1
  done
}
step "cargo test (unit tests, release profile)" run_unit_tests
