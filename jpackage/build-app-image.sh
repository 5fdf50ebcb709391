#!/usr/bin/env bash
# Builds target/app-image/Amtsdesk: a jlinked Java runtime plus the app's jars, started by a native launcher.
# Called by the Maven build (package phase) with the module's target directory and the project version.
set -euo pipefail
target="$1"
version="${2%-SNAPSHOT}"
here="$(cd "$(dirname "$0")" && pwd)"
: "${JAVA_HOME:?JAVA_HOME must point at JDK 25}"

# Modules the app needs on a class path: JavaFX (java.desktop, jdk.unsupported, jdk.jsobject is not used),
# HTTP client, logging, H2/Flyway later (java.sql, java.naming, java.management), German date formats
# (jdk.localedata), and zip access for extracting the native crypto library.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,\
java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.localedata,jdk.unsupported,jdk.zipfs

rm -rf "$target/runtime" "$target/app-image"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=de,en \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$target/runtime"

# The heap of a desktop app that sits open all day (issue 11, bench/results/packaged-startup-queue-heaps.txt): G1 as
# the JVM chooses it, no upper bound (a big search index or key import must not end in OutOfMemoryError), but it
# starts small and grows only when collecting takes more than a fifth of the time, and gives back what is free beyond
# 30 %. With 10,000 cases the live heap is ~65 MB while G1's defaults commit ~380 MB of heap (and 40 MB of GC tables
# for it) on a 24 GiB machine; this way the settled app stays ~150 MB smaller, GC pauses stay under ~40 ms.
# After a burst (the sync's decryption, a big search) G1 gives memory back only at its next collection cycle; an app
# that then sits quiet would hold it for a while. A periodic cycle after 5 s without a collection returns it sooner
# (RSS 15 s after the queue above 350 MB in 1 of 10 starts instead of 5 of 10; its CPU did not show in a minute of idle;
# bench/results/packaged-startup-queue-periodic-gc*.txt).
# What is freed outside the Java heap (the JIT compilers' arenas, the Rust crypto stores' buffers after a sync) stays
# with glibc's malloc unless it is trimmed; the JVM trims it every second (20 s after a 200-room sync 324 instead of
# 359 MB; bench/results/packaged-sync-malloc-trim*.txt). Where there is no glibc (Windows) the JVM ignores it.
# After a large catch-up sync the app runs one full collection (HeapCompaction), which shrinks the heap to
# MaxHeapFreeRatio above what is live: 20 % instead of 30 % kept 128 instead of 144 MB committed with 10,000 cases and
# 1,000 rooms, settled 334-336 instead of 345-353 MB (bench/results/packaged-sync-1000-rooms-compaction-ratio20.txt).
lean_heap=(--java-options "-Xms32m" --java-options "-XX:GCTimeRatio=4" --java-options "-XX:MinHeapFreeRatio=10"
  --java-options "-XX:MaxHeapFreeRatio=20" --java-options "-XX:G1PeriodicGCInterval=5000"
  --java-options "-XX:TrimNativeHeapInterval=1000")

app_jar="$(cd "$target/input" && ls amtsdesk-app-*.jar | head -n 1)"
# The native crypto library beside the jars ($APPDIR: lib/app, on Windows app\), loaded where it is installed
# (NativeLibraryLoader): Windows application control allows DLLs from Program Files where it may block one copied to
# the user's temp folder, a loaded copy there could not be deleted (17 MB left behind per start), and no start copies
# 17 MB out of the jar any more.
input="$(cd "$target/input" && pwd)"
crypto_jar="$(cd "$input" && ls amtsdesk-crypto-native-*.jar | head -n 1)"
unpacked="$(mktemp -d)"
(cd "$unpacked" && "$JAVA_HOME/bin/jar" xf "$input/$crypto_jar" native)
native_library="$(cd "$unpacked" && ls native/*/* | head -n 1)"
[ -n "$native_library" ] || { echo "no native library in $crypto_jar" >&2; exit 1; }
cp "$unpacked/$native_library" "$input/"
rm -rf "$unpacked"
library_in_place=(--java-options "-Damtsdesk.crypto.library=\$APPDIR/$(basename "$native_library")")
"$JAVA_HOME/bin/jpackage" --type app-image --name Amtsdesk --app-version "$version" \
  --vendor "Amtsdesk" --description "Encrypted citizen communication for public agencies" \
  --input "$target/input" --main-jar "$app_jar" --main-class de.amtsdesk.app.Launcher \
  --runtime-image "$target/runtime" --dest "$target/app-image" \
  --java-options "--enable-native-access=ALL-UNNAMED" --java-options "-Dfile.encoding=UTF-8" \
  "${lean_heap[@]}" "${library_in_place[@]}"

du -sh "$target/app-image/Amtsdesk" | sed 's/^/app-image size: /'

# A JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked ahead of time, with method profiles), trained by one
# start of the image itself, so the cache matches the image's runtime and class path exactly. The training start goes
# the caseworker's way: a throw-away profile with 2,000 generated cases (SeededWorkstation from the e2e module), its
# passphrase typed into the unlock screen through the X server (xdotool), on to the queue and through a session in it,
# while the app syncs and decrypts what citizens wrote on a local Synapse meanwhile (ADR 0019 and its amendments).
# Without Synapse's venv or the citizen client the profile is signed in offline (no sync path in the cache); without
# xdotool or the seed's class path the training stops at the first screen; without a display (or xvfb-run) the image
# is built without a cache. A cache that does not match (jars replaced, timestamps
# changed) is ignored by the JVM; its messages are switched off for the users.
app="$target/app-image/Amtsdesk"
cache="$app/lib/app/amtsdesk.aot"
seed_classpath="${3:-}"
runner=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  runner=(xvfb-run -a)
fi

new_passphrase() {
  AMTSDESK_SEED_PASSPHRASE="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  export AMTSDESK_SEED_PASSPHRASE
}

# The training homeserver's citizen rooms: more than Synapse's 100 to-device messages per sync, so that the app's
# draining of room keys before decrypting (issue 11) is in the training too.
sync_rooms=120
sync_messages=5

# The sync path (issue 11): the same start, but the profile's accounts are signed in on a local Synapse (the e2e
# module's SyncTrainingHomeserver, needing its venv and the matrix-js-sdk citizen), where citizens wrote into 120
# encrypted rooms while the workstation was off; the probe quits only once the app has synced them.
train_on_the_sync_path() {
  local training="$1" homeserver_log="$target/aot-training-homeserver.log" ready="" ok=0
  new_passphrase
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Damtsdesk.srcTestDir="$here/../src-test" \
    -cp "$(cat "$seed_classpath")" de.amtsdesk.e2e.harness.SyncTrainingHomeserver "$training/data" \
    "$training/homeserver" 2000 "$sync_rooms" "$sync_messages" >"$homeserver_log" 2>&1 &
  local homeserver=$!
  for _ in $(seq 1 6000); do
    grep -q AMTSDESK_TRAINING_HOMESERVER_READY "$homeserver_log" && { ready=1; break; }
    kill -0 "$homeserver" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$ready" ]; then
    APP="$app" DATA="$training/data" CACHE="$cache" LOG="$target/aot-training.log" AWAIT_ROOMS="$sync_rooms" \
      timeout 420 "${runner[@]}" bash "$here/aot-train-queue.sh" && ok=1
  else
    echo "AOT cache: the training homeserver did not come up (see $homeserver_log)"
  fi
  mkdir -p "$training/homeserver" && touch "$training/homeserver/stop"
  for _ in $(seq 1 300); do
    kill -0 "$homeserver" 2>/dev/null || break
    sleep 0.1
  done
  kill "$homeserver" 2>/dev/null
  wait "$homeserver" 2>/dev/null
  [ "$ok" = 1 ]
}

train_to_the_queue() {
  local training="$1"
  new_passphrase
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$(cat "$seed_classpath")" \
    de.amtsdesk.e2e.harness.SeededWorkstation "$training/data" 2000 >"$target/aot-training-seed.log" 2>&1 || return 1
  APP="$app" DATA="$training/data" CACHE="$cache" LOG="$target/aot-training.log" \
    timeout 300 "${runner[@]}" bash "$here/aot-train-queue.sh"
}

train_to_the_first_screen() {
  local training="$1"
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Damtsdesk.startupProbe=true" \
    timeout 180 "${runner[@]}" "$app/bin/Amtsdesk" --data-dir="$training/data" >"$target/aot-training.log" 2>&1 \
    && grep -q AMTSDESK_LOGIN_SHOWN "$target/aot-training.log"
}

if [ "${AMTSDESK_AOT:-1}" = 0 ]; then
  echo "AOT cache: switched off (AMTSDESK_AOT=0)"
elif [ -z "${DISPLAY:-}" ] && [ ${#runner[@]} -eq 0 ]; then
  echo "AOT cache: no display and no xvfb-run, the image starts without one"
else
  training="$(mktemp -d)"
  trained=""
  session="to the queue of 2,000 generated cases and through a session in it (paging, saved views, searches)"
  if [ -n "$seed_classpath" ] && [ -s "$seed_classpath" ] && command -v xdotool >/dev/null; then
    if train_on_the_sync_path "$training" && [ -s "$cache" ]; then
      trained="$session, syncing and decrypting meanwhile $sync_rooms citizen rooms x $sync_messages messages that"
      trained="$trained waited on a local Synapse"
    else
      echo "AOT cache: training on the sync path failed (see $target/aot-training*.log), training to the queue"
      rm -rf "$training" "$cache" "$cache.config" && training="$(mktemp -d)"
    fi
  fi
  if [ -n "$trained" ]; then
    :
  elif [ -n "$seed_classpath" ] && [ -s "$seed_classpath" ] && command -v xdotool >/dev/null; then
    if train_to_the_queue "$training" && [ -s "$cache" ]; then
      trained="$session"
    else
      echo "AOT cache: training to the queue failed (see $target/aot-training*.log), training to the first screen"
      rm -rf "$training" "$cache" "$cache.config" && training="$(mktemp -d)"
    fi
  else
    echo "AOT cache: no xdotool or no seed class path, training to the first screen only"
  fi
  if [ -z "$trained" ] && train_to_the_first_screen "$training" && [ -s "$cache" ]; then
    trained="to the first screen"
  fi
  if [ -n "$trained" ]; then
    printf '%s\n' 'java-options=-XX:AOTCache=$APPDIR/amtsdesk.aot' 'java-options=-Xlog:aot=off' \
      'java-options=-Xlog:cds=off' >>"$app/lib/app/Amtsdesk.cfg"
    echo "AOT cache: $(du -h "$cache" | cut -f1), trained $trained"
    echo "$trained" >"$target/aot-trained.txt"
  else
    rm -f "$cache" "$cache.config" "$target/aot-trained.txt"
    echo "AOT cache: training start failed (see $target/aot-training.log), the image starts without one"
  fi
  rm -rf "$training"
fi
