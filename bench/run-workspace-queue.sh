#!/usr/bin/env bash
# Caseworker workspace with 10,000 cached cases: cold start (fresh JVMs, median of 5) from spawn and from JVM start to
# the first frame of the queue with rows; FX pulses > 16 ms while scrolling, switching saved views and searching;
# QueueProjection and KeyedList on 10,000 cases. Seeds ~/.cache/amtsdesk/bench-workspace once (about a minute).
# Writes bench/results/workspace-queue.txt. Options: --runs=N, --display (use $DISPLAY instead of headless Monocle),
# --no-interaction, --dir=PATH, --out=FILE; --compare-classpath=FILE (a file holding another build's classpath, e.g.
# one written by snapshot_classpath in bench/snapshot-classpath.sh): this build against that one, cold starts with
# each one's AOT cache (--runs) and the interaction (--no-interaction skips it);
# --queue-width=PX (default 460; the app's window gives the queue ~280).
# --compare-c2-priority: cold start and interaction as shipped (C2 at nice 10) against C2 at normal priority.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source bench/snapshot-classpath.sh
./mvnw -B -q -pl bench -am package -DskipTests
snapshot_classpath workspace-queue
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" de.amtsdesk.bench.WorkspaceQueueBench "$@"
