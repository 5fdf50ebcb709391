#!/usr/bin/env bash
# Initial sync + decrypt of 200 rooms x 20 encrypted messages from a real Synapse: Amtsdesk core vs matrix-js-sdk
# on the same account in the same run (3 rounds, fresh devices each). Set-up takes several minutes.
# Writes bench/results/initial-sync.txt. Options go to InitialSyncBench
# (--rooms=N --messages=N --citizens=N --rounds=N --out=FILE --work=DIR --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
# The run takes minutes and starts JVMs throughout; a parallel build must not swap the reactor's jars under it.
snapshot="$PWD/bench/target/initial-sync-classpath"
rm -rf "$snapshot" && mkdir -p "$snapshot"
cp -r bench/target/classes "$snapshot/bench-classes"
classpath="$snapshot/bench-classes"
IFS=: read -ra entries < bench/target/bench.classpath || true  # no final newline
for entry in "${entries[@]}"; do
  case "$entry" in
    "$PWD"/*) cp "$entry" "$snapshot/" && classpath="$classpath:$snapshot/$(basename "$entry")" ;;
    *) classpath="$classpath:$entry" ;;
  esac
done
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" \
  de.amtsdesk.bench.InitialSyncBench "$@"
