#!/usr/bin/env bash
# Regenerates the application icon (committed, so builds need no ImageMagick): a grey metal tile with a red
# crack and a cyan brush stroke painted over it. Needs ImageMagick's `convert`.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/icons/defect-studio.png"
convert -size 256x256 xc:none \
  -fill '#1f2a36' -draw 'roundrectangle 8,8 247,247 40,40' \
  -fill '#9aa3ab' -draw 'roundrectangle 40,40 215,215 16,16' \
  -fill '#b7bec4' -draw 'rectangle 40,40 215,90' \
  -stroke '#d7262b' -strokewidth 9 -fill none -draw 'polyline 62,70 100,112 92,140 140,170 150,200' \
  -stroke '#22c3e6' -strokewidth 5 -fill none -draw 'ellipse 112,138 62,78 0,360' \
  -strip -define png:compression-level=9 "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
