#!/usr/bin/env bash
# Builds target/Amtsdesk-<version>.msi with wixl (Debian msitools) from packaging/windows/main.wxs over the app-image.
# On Linux the image inside is the Linux one: this MSI is for checking the .wxs (tables, upgrade, policy) with msiinfo;
# the MSI for Windows PCs comes from the Windows workflow (.github/workflows/windows.yml) with the same .wxs.
# Usage: build-msi.sh TARGET VERSION [SOURCE_DIR [OUT]]
set -euo pipefail
# Only on Linux: the Windows workflow (.github/workflows/windows.yml) builds the MSI with WiX instead.
if [ "$(uname -s)" != Linux ]; then
  echo "not Linux: this check MSI is not built here"
  exit 0
fi
target="$1"
version="${2%-SNAPSHOT}"
source_dir="${3:-$target/app-image/Amtsdesk}"
out="${4:-$target/Amtsdesk-$version.msi}"
here="$(cd "$(dirname "$0")" && pwd)"
for tool in wixl wixl-heat; do
  command -v "$tool" >/dev/null || { echo "building the MSI needs $tool (apt-get install wixl)" >&2; exit 1; }
done
for tool in msibuild msiinfo; do
  command -v "$tool" >/dev/null || { echo "building the MSI needs $tool (apt-get install msitools)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Harvest every file of the image into one component group under INSTALLDIR (paths relative to SourceDir). -L: the
# jlinked runtime links its legal notices (symlinks); Windows has none, so they go in as the files they point at.
(cd "$source_dir" && find -L . -type f | sed 's|^\./||' | sort) \
  | wixl-heat --prefix "" --directory-ref INSTALLDIR --component-group AppFiles --var var.SourceDir \
      --win64 >"$work/files.wxs"
launcher="bin/Amtsdesk"
[ -f "$source_dir/Amtsdesk.exe" ] && launcher="Amtsdesk.exe"
python3 "$here/wixl-compat.py" "$here/../packaging/windows/main.wxs" "$work/main"
# wixl 0.101 finds sources by relative paths only (an absolute SourceDir is "not found"): link the image into the
# work folder and build from there.
ln -s "$(cd "$source_dir" && pwd)" "$work/image"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
(cd "$work" && wixl --arch x64 -D Win64=yes -D Version="$version" -D SourceDir=image -D Launcher="$launcher" \
  -o "$out_abs" main.wxs files.wxs 2> >(grep -v -e 'GLib-GObject-WARNING' -e '^$' >&2))
# What wixl cannot read from the source (wixl-compat.py), written into the tables as WiX would have.
field() { msiinfo export "$out_abs" "$1" | awk -F'\t' -v key="$2" -v col="$3" '$1 == key {print $col}'; }
update() { msibuild "$out_abs" -q "UPDATE \`$1\` SET \`$2\` = $3 WHERE \`$4\` = '$5'"; }
while read -r directive name rest; do
  case "$directive" in
    PERMANENT) update Component Attributes "$(( $(field Component "$name" 4) | 16 ))" Component "$name" ;;
    CONDITION) update Component Condition "'${rest//\'/\'\'}'" Component "$name" ;;
    SECURE)
      current="$(field Property SecureCustomProperties 2)"
      update Property Value "'${current:+$current;}$name'" Property SecureCustomProperties ;;
  esac
done <"$work/main.sql"
ls -la "$out_abs" | awk '{print "msi: " $NF " (" $5 " bytes)"}'
