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
