#!/usr/bin/env bash
# The packaged app's start, with and without the AOT cache the app-image ships (issues 8 and 12): the image's own
# launcher, spawned to its first screen (the start-up probe prints a marker and quits), 7 fresh processes each,
# alternating. Writes bench/results/packaged-startup.txt. Needs a display or xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q -pl jpackage -am package -DskipTests -Drust.checks.skip=true -Dspotbugs.skip=true >/dev/null
fi
image=jpackage/target/app-image/Amtsdesk
[ -s "$image/lib/app/amtsdesk.aot" ] || { echo "the image has no AOT cache (see jpackage/target/aot-training.log)" >&2; exit 1; }
runner=()
[ -n "${DISPLAY:-}" ] || runner=(xvfb-run -a)
out=bench/results/packaged-startup.txt
rows=$(mktemp)
for round in 1 2 3 4 5 6 7; do
  for mode in aot plain; do
    data=$(mktemp -d)
    opts="-Damtsdesk.startupProbe=true"
    [ "$mode" = plain ] && opts="-XX:AOTMode=off $opts"
    start=$(date +%s%N)
    line=$(JAVA_TOOL_OPTIONS="$opts" "${runner[@]}" "$image/bin/Amtsdesk" --data-dir="$data/d" 2>&1 | grep AMTSDESK_LOGIN_SHOWN)
    end=$(date +%s%N)
    jvm=$(echo "$line" | sed -n 's/.*sinceJvmStartMillis=\([0-9]*\).*/\1/p')
    echo "$mode $(( (end - start) / 1000000 )) $jvm" >>"$rows"
    rm -rf "$data"
  done
done
python3 - "$rows" "$out" "$(cat /proc/loadavg)" "$(du -h "$image/lib/app/amtsdesk.aot" | cut -f1)" <<'PY'
import statistics, sys, datetime
rows = [l.split() for l in open(sys.argv[1])]
def col(mode, i): return [int(r[i]) for r in rows if r[0] == mode]
lines = ["# Packaged start (jpackage app-image, jlinked JDK 25 runtime) to the first screen, with and without its AOT cache",
         f"date: {datetime.datetime.now(datetime.timezone.utc).isoformat()}",
         f"load-average-at-end: {sys.argv[3]}",
         f"aot-cache-size: {sys.argv[4]}",
         "what-runs: the image's launcher under xvfb-run (or the display), a fresh data directory, -Damtsdesk.startupProbe=true; "
         "'plain' adds -XX:AOTMode=off; 7 processes each, alternating"]
for mode in ("aot", "plain"):
    spawn, jvm = col(mode, 1), col(mode, 2)
    lines.append(f"{mode}: spawn->first-screen-ms median={statistics.median(spawn):.0f} all={spawn}; "
                 f"jvm-start->first-screen-ms median={statistics.median(jvm):.0f} all={jvm}")
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
rm -f "$rows"
