#!/usr/bin/env bash
# Builds the Rust library (cargo, release, --locked) and copies it to where the module's jar picks
# it up: <classes dir>/native/<platform>/<library file>. Run by Maven (exec-maven-plugin) in
# generate-resources; can be run by hand the same way.
#
#   build-native.sh <classes dir> [cargo target dir]
#
# Cargo's target dir: $CARGO_TARGET_DIR if set, else the second argument (Maven passes the root
# pom's cargo.target.dir), else ~/.cache/amtsdesk/cargo-target. It lives outside the clone so that
# builds in any clone of the project stay warm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classes_dir="${1:?usage: build-native.sh <classes dir> [cargo target dir]}"
target_dir="${CARGO_TARGET_DIR:-${2:-$HOME/.cache/amtsdesk/cargo-target}}"

fail() { echo "crypto-native: $*" >&2; exit 1; }

source "$here/cargo-env.sh"

case "$(uname -s)" in
  Linux) os=linux; lib_file=libamtsdesk_crypto.so ;;
  Darwin) os=macos; lib_file=libamtsdesk_crypto.dylib ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; lib_file=amtsdesk_crypto.dll ;;
  *) fail "unsupported build OS '$(uname -s)'" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86-64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) fail "unsupported build CPU '$(uname -m)'" ;;
esac
platform="$os-$arch"   # must match de.amtsdesk.crypto.Platform#id()
echo "crypto-native: cargo build --release --locked (target dir $target_dir)"
CARGO_TARGET_DIR="$target_dir" "$cargo" build --release --locked --manifest-path "$here/Cargo.toml" \
  || fail "cargo build failed (see above)"

built="$target_dir/release/$lib_file"
[ -f "$built" ] || fail "cargo reported success but $built does not exist"
mkdir -p "$classes_dir/native/$platform"
cp -f "$built" "$classes_dir/native/$platform/$lib_file"
echo "crypto-native: copied $lib_file to $classes_dir/native/$platform/"
