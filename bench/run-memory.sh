#!/usr/bin/env bash
# Resident memory of the caseworker workspace with 10,000 cached cases under several heap settings (fresh JVMs,
# median of 3 each). Seeds ~/.cache/amtsdesk/bench-workspace once. Writes bench/results/memory.txt.
# Options go to MemoryBench (--runs=N --out=FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source bench/snapshot-classpath.sh
./mvnw -B -q -pl bench -am package -DskipTests
snapshot_classpath memory
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" de.amtsdesk.bench.MemoryBench "$@"
