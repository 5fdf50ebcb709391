#!/usr/bin/env bash
# Megolm decrypt throughput, Rust alone vs. through JNI (median of 3 rounds after a warm-up, 20,000 events).
# Writes bench/results/megolm-decrypt.txt. Options go to MegolmDecryptBench (--events=N --rounds=N --batch=N).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
# Same target dir as the Maven build (build-native.sh), so the library is not compiled twice.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/amtsdesk/cargo-target}"
cargo="$(command -v cargo || echo "$HOME/.cargo/bin/cargo")"
# Without JAVA_HOME, as build-native.sh (cargo-env.sh): otherwise jni-sys, jni and the crate recompile.
env -u JAVA_HOME "$cargo" build --release --locked --manifest-path crypto-native/Cargo.toml --example megolm_decrypt_bench
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  de.amtsdesk.bench.MegolmDecryptBench --rust-bench="$CARGO_TARGET_DIR/release/examples/megolm_decrypt_bench" "$@"
