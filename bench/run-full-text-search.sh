#!/usr/bin/env bash
# Case model: full-text search over 10,000 cases x 20 messages in the encrypted store (median ms, target < 100 ms).
# Writes bench/results/full-text-search.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  de.amtsdesk.bench.FullTextSearchBench "$@"
