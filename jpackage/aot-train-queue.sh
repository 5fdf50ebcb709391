#!/usr/bin/env bash
# Runs inside a display (xvfb-run or $DISPLAY), called by build-app-image.sh: one start of the image that writes its
# AOT cache at exit, on the throw-away profile $DATA. The passphrase ($AMTSDESK_SEED_PASSPHRASE) is typed into the
# unlock screen through the X server as a person would; once the queue shows cases the start-up probe runs a scripted
# session in it (QueueExercise: paging, saved views, searches), so the cache holds the JIT profiles of that too, and quits.
set -uo pipefail
: "${APP:?}" "${DATA:?}" "${CACHE:?}" "${LOG:?}" "${AMTSDESK_SEED_PASSPHRASE:?}"
# With AWAIT_ROOMS=N (training on the sync path) the probe also waits until the agency account lists N rooms: the
# citizens' rooms waiting on the training homeserver, synced and decrypted while the session ran.
await_rooms="${AWAIT_ROOMS:-0}"
JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$CACHE -Damtsdesk.startupProbe=queue -Damtsdesk.startupProbe.exercise=true \
-Damtsdesk.startupProbe.awaitRooms=$await_rooms" "$APP/bin/Amtsdesk" --data-dir="$DATA" >"$LOG" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q AMTSDESK_UNLOCK_SHOWN "$LOG" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q AMTSDESK_UNLOCK_SHOWN "$LOG"; then
  kill "$pid" 2>/dev/null
  echo "training: the unlock screen did not come" >&2
  exit 1
fi
# The passphrase field takes the focus just after the window is shown.
timeout 30 xdotool search --sync --onlyvisible --name Amtsdesk windowfocus --sync >/dev/null && sleep 0.5 \
  && xdotool type --delay 20 "$AMTSDESK_SEED_PASSPHRASE" && xdotool key Return
for _ in $(seq 1 3000); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  echo "training: the app did not finish within five minutes" >&2
  exit 1
fi
wait "$pid"
grep -q AMTSDESK_QUEUE_SHOWN "$LOG" && grep -q AMTSDESK_QUEUE_EXERCISED "$LOG" \
  && { [ "$await_rooms" = 0 ] || grep -q AMTSDESK_ROOMS_SYNCED "$LOG"; }
