#!/usr/bin/env bash
# Issue 9's measure: the lead desk over 50,000 cases and 100 caseworkers (render, refresh, SLA report, FX pulses).
# Writes bench/results/lead-desk.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source bench/snapshot-classpath.sh
./mvnw -B -q -pl bench -am package -DskipTests
snapshot_classpath lead-desk
exec "$JAVA_HOME/bin/java" -Xmx3g --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Djava.awt.headless=true \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1440x900-32 -cp "$classpath" de.amtsdesk.bench.LeadDeskBench "$@"
