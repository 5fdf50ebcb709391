#!/usr/bin/env bash
# The demo: local Synapse + simulated citizens (matrix-js-sdk) + the Amtsdesk app pointed at it.
# Ctrl+C stops everything. Needs a display; without one it runs under Xvfb if that is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
echo "Baue Amtsdesk (beim ersten Mal mit Rust-Build, einige Minuten) …"
./mvnw -B -q install -DskipTests -pl src-test -am
classpath="src-test/target/classes:$(cat src-test/target/demo.classpath)"
run=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED
     -Damtsdesk.srcTestDir="$PWD/src-test" -Damtsdesk.cacheDir="${AMTSDESK_CACHE_DIR:-$HOME/.cache/amtsdesk}"
     -cp "$classpath" de.amtsdesk.e2e.demo.DemoMain "$@")
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  echo "Kein Bildschirm (DISPLAY) gefunden: starte unter Xvfb."
  exec xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
fi
exec "${run[@]}"
