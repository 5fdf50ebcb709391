#!/usr/bin/env bash
# PDF notices (issue 10): sign + time-stamp a 2-page notice, verify a 100-page one, memory for a 50 MB PDF.
# Writes bench/results/notice.txt. Options go to NoticeBench (--rounds=N --out=FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests -Drust.checks.skip=true -Dspotbugs.skip=true
source bench/snapshot-classpath.sh
snapshot_classpath notice
exec "$JAVA_HOME/bin/java" -cp "$classpath" de.amtsdesk.bench.NoticeBench "$@"
