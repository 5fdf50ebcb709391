# Sourced by the long-running bench scripts. snapshot_classpath NAME jars bench/target/classes, copies the reactor's
# own jars into bench/target/NAME-classpath and sets $classpath to them (plus the Maven repository jars as they are):
# a run takes minutes and starts JVMs throughout, and a parallel build must not swap the reactor's jars under it.
snapshot_classpath() {
  local snapshot="$PWD/bench/target/$1-classpath" entry entries
  rm -rf "$snapshot" && mkdir -p "$snapshot"
  # A jar, not a directory: a JDK 25 AOT cache (workspace-queue's AOT runs) only takes classes from jars.
  "$JAVA_HOME/bin/jar" --create --file "$snapshot/bench-classes.jar" -C bench/target/classes .
  classpath="$snapshot/bench-classes.jar"
  IFS=: read -ra entries < bench/target/bench.classpath || true  # no final newline
  for entry in "${entries[@]}"; do
    case "$entry" in
      "$PWD"/*) cp -r "$entry" "$snapshot/" && classpath="$classpath:$snapshot/$(basename "$entry")" ;;
      *) classpath="$classpath:$entry" ;;
    esac
  done
}
