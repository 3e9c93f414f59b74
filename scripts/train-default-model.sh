#!/usr/bin/env bash
# Reproduces the model shipped in resources/.../models/default: a compact ResNet backbone pre-trained on all eight
# Defect-8i classes (MT_Free tiles as negatives), under FeatureMatcher, the method with the best 4-fold mean on the
# benchmark (docs/benchmarks.md; it needs no meta-training of its own, and keeps the threshold 0.5). About 12-20 minutes
# on a 2-core CPU.
#   scripts/train-default-model.sh [DATA_DIR=../shared/data] [OUT=runs/default]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../shared/data}"
out="${2:-$here/../runs/default}"
source "$here/training-runner.bash"
run pretrain data="$data" fold=-1 out="$out/pretrain" steps=1600 epoch=100
run metatrain data="$data" fold=-1 arch=matcher backbone=compact weights="$out/pretrain/backbone.safetensors" \
  out="$out/matcher" validation=40 name=defect8i-matcher-compact
echo "bundle: $out/matcher/model (copy model.json and weights.dsw into resources/src/main/resources/io/defectstudio/resources/models/default/)"
