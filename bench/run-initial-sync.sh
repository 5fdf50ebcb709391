#!/usr/bin/env bash
# Initial sync + decrypt of 200 rooms x 20 encrypted messages from a real Synapse: Amtsdesk core vs matrix-js-sdk
# on the same account in the same run (3 rounds, fresh devices each). Set-up takes several minutes.
# Writes bench/results/initial-sync.txt. Options go to InitialSyncBench
# (--rooms=N --messages=N --citizens=N --rounds=N --out=FILE --work=DIR --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
source bench/snapshot-classpath.sh
snapshot_classpath initial-sync
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" \
  de.amtsdesk.bench.InitialSyncBench "$@"
