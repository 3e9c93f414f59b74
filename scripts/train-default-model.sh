#!/usr/bin/env bash
# Reproduces the model shipped in resources/.../models/default: a compact ResNet backbone pre-trained on all eight
# Defect-8i classes, then EAMNet (with its matching prior) meta-trained on them with the benchmark recipe (see its
# model.json and docs/benchmarks.md). About 13 minutes on a 2-core CPU.
#   scripts/train-default-model.sh [DATA_DIR=../shared/data] [OUT=runs/default]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-$here/../../shared/data}"
out="${2:-$here/../runs/default}"
cp="$("$here/app-classpath.sh")"
export OMP_WAIT_POLICY=PASSIVE
run() {
  java -Xmx3g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" io.defectstudio.training.runner.TrainingRunner "$@"
}
run pretrain data="$data" fold=-1 out="$out/pretrain" steps=400 epoch=100
run metatrain data="$data" fold=-1 arch=eamnet backbone=compact weights="$out/pretrain/backbone.safetensors" \
  out="$out/eamnet" steps=400 epoch=100 checkpointEvery=100 optimizer=adam lr=1e-3 wd=1e-4 validation=40 batch=2 \
  shots=1 name=defect8i-eamnet-compact
echo "bundle: $out/eamnet/model (copy model.json and weights.dsw into resources/src/main/resources/io/defectstudio/resources/models/default/)"
