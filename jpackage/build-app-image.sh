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

app_jar="$(cd "$target/input" && ls amtsdesk-app-*.jar | head -n 1)"
"$JAVA_HOME/bin/jpackage" --type app-image --name Amtsdesk --app-version "$version" \
  --vendor "Amtsdesk" --description "Encrypted citizen communication for public agencies" \
  --input "$target/input" --main-jar "$app_jar" --main-class de.amtsdesk.app.Launcher \
  --runtime-image "$target/runtime" --dest "$target/app-image" \
  --java-options "--enable-native-access=ALL-UNNAMED" --java-options "-Dfile.encoding=UTF-8"

du -sh "$target/app-image/Amtsdesk" | sed 's/^/app-image size: /'

# A JDK 25 AOT cache (JEP 483/514: classes loaded and linked ahead of time), trained by one start of the image itself
# to its first screen, so the cache matches the image's runtime and class path exactly. Measured by
# bench/run-packaged-startup.sh: start to the first screen ~1.7 s instead of ~3.2 s on this machine. Training needs a
# display (or xvfb-run); without one the image is built without the cache and starts as before. A cache that does not
# match (jars replaced, timestamps changed) is ignored by the JVM; its messages are switched off for the users.
app="$target/app-image/Amtsdesk"
cache="$app/lib/app/amtsdesk.aot"
runner=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  runner=(xvfb-run -a)
fi
if [ "${AMTSDESK_AOT:-1}" = 0 ]; then
  echo "AOT cache: switched off (AMTSDESK_AOT=0)"
elif [ -z "${DISPLAY:-}" ] && [ ${#runner[@]} -eq 0 ]; then
  echo "AOT cache: no display and no xvfb-run, the image starts without one"
else
  training="$(mktemp -d)"
  if JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Damtsdesk.startupProbe=true" \
      timeout 180 "${runner[@]}" "$app/bin/Amtsdesk" --data-dir="$training/data" >"$target/aot-training.log" 2>&1 \
      && grep -q AMTSDESK_LOGIN_SHOWN "$target/aot-training.log" && [ -s "$cache" ]; then
    printf '%s\n' 'java-options=-XX:AOTCache=$APPDIR/amtsdesk.aot' 'java-options=-Xlog:aot=off' \
      'java-options=-Xlog:cds=off' >>"$app/lib/app/Amtsdesk.cfg"
    du -h "$cache" | sed 's/^/AOT cache: /'
  else
    rm -f "$cache" "$cache.config"
    echo "AOT cache: training start failed (see $target/aot-training.log), the image starts without one"
  fi
  rm -rf "$training"
fi
