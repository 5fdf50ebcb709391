# Sourced by build-native.sh and check-native.sh: finds cargo and prepares cargo's environment the same way for both.
# Needs `fail` and `here` defined by the caller; sets $cargo.

# Maven is often started without ~/.cargo/bin on PATH; rustup's default place is good enough.
cargo="$(command -v cargo || true)"
if [ -z "$cargo" ] && [ -x "$HOME/.cargo/bin/cargo" ]; then
  cargo="$HOME/.cargo/bin/cargo"
fi
[ -n "$cargo" ] || fail "cargo not found (looked on PATH and in $HOME/.cargo/bin). Building amtsdesk-crypto-native needs a Rust toolchain >= $(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$here/Cargo.toml") with cargo; install it (e.g. rustup) and put cargo on PATH."
# jni-sys's build script reruns whenever JAVA_HOME changes (it only uses it for its own tests), and
# with it jni and this crate: a build from Maven (JAVA_HOME set) and one from a shell (unset or
# another JDK) would keep recompiling each other's artifacts. Cargo never needs it here.
unset JAVA_HOME
