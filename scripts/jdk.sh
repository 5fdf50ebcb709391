#!/usr/bin/env bash
# Sourced by the demo, CI and the packaging scripts: finds the JDK Amtsdesk is built with (ADR 0001)
# and exports JAVA_HOME, or stops with a message that names the JDK it wants.
amtsdesk_wanted_jdk=25
amtsdesk_jdk_version() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
amtsdesk_find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-${amtsdesk_wanted_jdk}-jdk-amd64 /usr/lib/jvm/temurin-${amtsdesk_wanted_jdk}-jdk* /usr/lib/jvm/java-${amtsdesk_wanted_jdk}-*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(amtsdesk_jdk_version "$candidate")" = "$amtsdesk_wanted_jdk" ]; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
if ! JAVA_HOME="$(amtsdesk_find_jdk)"; then
  echo "Amtsdesk needs JDK ${amtsdesk_wanted_jdk} (Temurin ${amtsdesk_wanted_jdk}, e.g. /usr/lib/jvm/temurin-${amtsdesk_wanted_jdk}-jdk-amd64); none found. Set JAVA_HOME to it. See docs/decisions/0001-jdk-and-javafx.md." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
