#!/usr/bin/env bash
# Frame time of a brush stroke on a 4096x4096 image in the real window under Xvfb (see docs/benchmarks.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
xvfb-run -a -s "-screen 0 1600x1000x24" "$root/scripts/defect-studio.sh" bench-brush "$@"
