#!/usr/bin/env bash
# The vault's Argon2id in fresh JVMs: native (crypto-native) vs BouncyCastle, first call, peak RSS, heap committed.
# Writes bench/results/argon2id.txt (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  de.amtsdesk.bench.Argon2idBench "$@"
