#!/usr/bin/env bash
# Issue 11: the packaged app (jpackage app-image) on the sync path, with and without the image's AOT cache: a
# workstation that was off while matrix-js-sdk citizens wrote into 200 encrypted rooms on a local Synapse; the
# passphrase typed through the X server; Enter -> every room's newest message decrypted.
# Needs Xvfb, xdotool, Synapse's venv and the citizen's npm packages. Writes bench/results/packaged-sync.txt.
# --no-build reuses jpackage/target/app-image; other options go to PackagedSyncBench (--rounds=N --rooms=N
# --messages=N --citizens=N --cases=N --no-plain --mode=NAME:JVM-OPTIONS --also-image=NAME:PATH --out=FILE).
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
snapshot_classpath packaged-sync
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classpath" de.amtsdesk.bench.PackagedSyncBench "$@"
