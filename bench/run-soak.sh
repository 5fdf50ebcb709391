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
snapshot="$PWD/bench/target/soak-classpath"
rm -rf "$snapshot" && mkdir -p "$snapshot"
cp -r bench/target/classes "$snapshot/bench-classes"
classpath="$snapshot/bench-classes"
IFS=: read -ra entries < bench/target/bench.classpath || true  # no final newline
for entry in "${entries[@]}"; do
  case "$entry" in
    "$PWD"/*) cp -r "$entry" "$snapshot/" && classpath="$classpath:$snapshot/$(basename "$entry")" ;;
    *) classpath="$classpath:$entry" ;;
  esac
done
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" de.amtsdesk.bench.SoakBench "$@"
