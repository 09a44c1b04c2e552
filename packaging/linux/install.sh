#!/usr/bin/env bash
# Install the one-folder bundle (dist/llmcost-gui/, from `make package`) for the current user:
# the program under $PREFIX/lib/llmcost-gui, a launcher in $PREFIX/bin, the desktop entry, the
# icons and the AppStream metadata under $PREFIX/share.  PREFIX defaults to ~/.local.
# Uninstall: packaging/linux/install.sh --uninstall
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${PREFIX:-$HOME/.local}"
APP=llmcost-gui
APPID=io.github.llmcost.Workbench
SIZES="16 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX/lib/$APP" "$PREFIX/bin/$APP" "$PREFIX/share/applications/$APP.desktop" \
         "$PREFIX/share/metainfo/$APPID.metainfo.xml" "$PREFIX/share/icons/hicolor/scalable/apps/$APP.svg"
  for s in $SIZES; do rm -f "$PREFIX/share/icons/hicolor/${s}x${s}/apps/$APP.png"; done
  echo "removed $APP from $PREFIX"
  exit 0
fi

BUNDLE="$ROOT/dist/$APP"
[ -x "$BUNDLE/$APP" ] || { echo "no bundle at $BUNDLE: run 'make package' first" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
rm -rf "$PREFIX/lib/$APP"
cp -a "$BUNDLE" "$PREFIX/lib/$APP"
ln -sf "$PREFIX/lib/$APP/$APP" "$PREFIX/bin/$APP"
# The entry names the program by absolute path, so it starts even when $PREFIX/bin is not on PATH.
sed -e "s|^Exec=.*|Exec=\"$PREFIX/lib/$APP/$APP\" %f|" -e "s|^TryExec=.*|TryExec=$PREFIX/lib/$APP/$APP|" \
    "$HERE/$APP.desktop" > "$PREFIX/share/applications/$APP.desktop"
cp "$HERE/$APPID.metainfo.xml" "$PREFIX/share/metainfo/"
for s in $SIZES; do
  mkdir -p "$PREFIX/share/icons/hicolor/${s}x${s}/apps"
  cp "$ROOT/resources/icons/$APP-$s.png" "$PREFIX/share/icons/hicolor/${s}x${s}/apps/$APP.png"
done
mkdir -p "$PREFIX/share/icons/hicolor/scalable/apps"
cp "$ROOT/resources/icons/$APP.svg" "$PREFIX/share/icons/hicolor/scalable/apps/$APP.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "installed $APP in $PREFIX (start it from the application menu or with $PREFIX/bin/$APP)"
