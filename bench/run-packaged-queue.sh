#!/usr/bin/env bash
# Issues 12 and 8: the packaged app (jpackage app-image) from spawn to the unlock screen and, with the passphrase
# typed through the X server, to a queue of 10,000 seeded cases; with and without the image's AOT cache.
# Needs Xvfb and xdotool; starts a local Synapse. Writes bench/results/packaged-startup-queue.txt.
# --no-build reuses jpackage/target/app-image; other options go to PackagedQueueBench (--rounds=N --out=FILE
# --compare-first-screen-training).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
command -v xdotool >/dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 1; }
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  ./mvnw -B -q -pl jpackage -am install -DskipTests -Drust.checks.skip=true -Dspotbugs.skip=true >/dev/null
fi
./mvnw -B -q -o -pl bench package -DskipTests
source bench/snapshot-classpath.sh
snapshot_classpath packaged-queue
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" de.amtsdesk.bench.PackagedQueueBench "$@"
