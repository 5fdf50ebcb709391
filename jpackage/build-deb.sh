#!/usr/bin/env bash
# Builds target/amtsdesk_<version>_amd64.deb from the app-image build-app-image.sh made (same runtime, same AOT
# cache). Installs to /opt/amtsdesk with a menu entry and /usr/bin/amtsdesk; depends on libgtk-3-0, which JavaFX
# needs and jpackage does not find by itself. Called by the Maven build (package phase) after the app-image.
set -euo pipefail
# Only on Linux: the Windows workflow (.github/workflows/windows.yml) builds the MSI with WiX instead.
if [ "$(uname -s)" != Linux ]; then
  echo "not Linux: the .deb is not built here"
  exit 0
fi
target="$1"
version="${2%-SNAPSHOT}"
here="$(cd "$(dirname "$0")" && pwd)"
: "${JAVA_HOME:?JAVA_HOME must point at JDK 25}"
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "building the .deb needs $tool (apt-get install dpkg-dev fakeroot)" >&2; exit 1; }
done
rm -f "$target"/amtsdesk_*.deb
"$JAVA_HOME/bin/jpackage" --type deb --app-image "$target/app-image/Amtsdesk" --name Amtsdesk \
  --app-version "$version" --vendor "Amtsdesk" --description "Encrypted citizen communication for public agencies" \
  --linux-package-name amtsdesk --linux-deb-maintainer packaging@amtsdesk.example --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Office \
  --linux-app-category misc \
  --resource-dir "$here/../packaging/linux/deb" --dest "$target"
ls "$target"/amtsdesk_*.deb | sed 's/^/deb: /'
