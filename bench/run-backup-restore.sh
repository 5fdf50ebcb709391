#!/usr/bin/env bash
# Key backup restore of 100,000 room keys from a real Synapse, with a JavaFX window open (Monocle, software
# rendering): restore time, peak RSS, FX pulses during the restore. Writes bench/results/backup-restore.txt.
# Options go to BackupRestoreBench (--keys=N --rooms=N --out=FILE), except --image-heap: run with the app-image's
# heap options (the lean_heap list of jpackage/build-app-image.sh, read from there) instead of the JVM's defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
./mvnw -B -q -pl bench -am package -DskipTests
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/amtsdesk/cargo-target}"
cargo="$(command -v cargo || echo "$HOME/.cargo/bin/cargo")"
"$cargo" build --release --locked --manifest-path crypto-native/Cargo.toml --example backup_fabricate
source bench/snapshot-classpath.sh
snapshot_classpath backup-restore
heap=() args=()
for arg in "$@"; do
  if [ "$arg" = --image-heap ]; then
    mapfile -t heap < <(sed -n '/^lean_heap=(/,/)$/p' jpackage/build-app-image.sh | grep -o '"-X[^"]*"' | tr -d '"')
    [ "${#heap[@]}" -gt 0 ] || { echo "no lean_heap options found in jpackage/build-app-image.sh" >&2; exit 1; }
  else
    args+=("$arg")
  fi
done
exec "$JAVA_HOME/bin/java" "${heap[@]}" --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Djava.awt.headless=true \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1440x900-32 -cp "$classpath" \
  de.amtsdesk.bench.BackupRestoreBench --fabricator="$CARGO_TARGET_DIR/release/examples/backup_fabricate" "${args[@]}"
