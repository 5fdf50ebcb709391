#!/usr/bin/env bash
# Case model: fold 100,000 staff-log events into the encrypted store (events/s), checkpoint and restart.
# Writes bench/results/staff-log-store.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  de.amtsdesk.bench.StaffLogStoreBench "$@"
