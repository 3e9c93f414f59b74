#!/usr/bin/env bash
# Screenshots of the real window under Xvfb into docs/screenshots/ (apt: xvfb xauth; plus libgtk-3-0 libxtst6 fonts).
# Usage: scripts/screenshots.sh [model-bundle]   (default: the shipped model from the resources module)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
args=(screenshots --out "$root/docs/screenshots")
if [ $# -gt 0 ]; then args+=(--model "$1"); fi
xvfb-run -a -s "-screen 0 1600x1000x24" "$root/scripts/defect-studio.sh" "${args[@]}"
