#!/usr/bin/env bash
# App start to login screen, median of 5 fresh JVMs. Writes bench/results/startup.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  de.amtsdesk.bench.StartupBench "$@"
