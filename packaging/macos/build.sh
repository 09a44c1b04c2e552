#!/usr/bin/env bash
# Build the macOS app of LLM Cost Workbench: "dist/LLM Cost Workbench.app" and a .dmg.
# UNTESTED: written on Linux, where it cannot be run.  See packaging/README.md.
# Needs Xcode command line tools (iconutil, hdiutil, codesign).  Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
[ -x "$PY" ] || "${PYTHON:-python3}" -m venv .venv  # $PYTHON: the interpreter (CI sets it)
"$PY" -m pip install --upgrade pip
"$PY" -m pip install -c constraints.txt -e '.[package]'  # pinned versions: a reproducible bundle

# Icon: an .iconset from the committed PNGs, turned into .icns (the spec picks it up).
ICONSET=build/llmcost-gui.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for s in 16 32 128 256 512; do
  cp "resources/icons/llmcost-gui-$s.png" "$ICONSET/icon_${s}x${s}.png"
done
cp resources/icons/llmcost-gui-32.png "$ICONSET/icon_16x16@2x.png"
cp resources/icons/llmcost-gui-64.png "$ICONSET/icon_32x32@2x.png"
cp resources/icons/llmcost-gui-256.png "$ICONSET/icon_128x128@2x.png"
cp resources/icons/llmcost-gui-512.png "$ICONSET/icon_256x256@2x.png"
iconutil -c icns "$ICONSET" -o resources/icons/llmcost-gui.icns

.venv/bin/pyinstaller --noconfirm --clean packaging/llmcost-gui.spec
APP="dist/LLM Cost Workbench.app"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/llmcost-gui" --smoke

# Ad-hoc signature so Gatekeeper lets the user open it with right-click > Open; a release
# needs a Developer ID signature and notarization instead (see packaging/README.md).
codesign --force --deep --sign - "$APP"
hdiutil create -volname "LLM Cost Workbench" -srcfolder "$APP" -ov -format UDZO \
  dist/llmcost-gui-macos.dmg
echo "built $APP and dist/llmcost-gui-macos.dmg"
