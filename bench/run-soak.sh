#!/usr/bin/env bash
# Soak under injected faults (issue 7): 1,000 messages from the agency and 1,000 from the citizen while Toxiproxy
# injects 1,000 faults between the workstation and Synapse (10 of them kill -9 of the workstation). Counts at the
# citizen (matrix-js-sdk) and at a second workstation. Writes bench/results/soak.txt. Takes several minutes.
# Options go to SoakBench (--messages=N --faults=N --kills=N --out=FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
bash src-test/toxiproxy/install-toxiproxy.sh >/dev/null
./mvnw -B -q -pl bench -am package -DskipTests ${AMTSDESK_MAVEN_ARGS:-}
source bench/snapshot-classpath.sh
snapshot_classpath soak
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" de.amtsdesk.bench.SoakBench "$@"
