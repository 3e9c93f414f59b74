#!/usr/bin/env bash
# Reproduces one fold of the class-count ablation in docs/benchmarks.md ("How many training classes the heads need"):
# the fold's 1600-step backbone, FeatureMatcher on it, then EAMNet's head (results-table recipe, frozen backbone)
# meta-trained on all six training classes and on each subset given, each scored on the first 200 episodes of the
# fold's 1-shot list and the first 100 of its 5-shot list (LIMITED development figures, sweep 0.1-0.6).
# About 12-25 minutes of pre-training (the longer beside another run) plus 4-8 minutes per subset on a 2-core CPU;
# logs and bundles go to OUT/fold<F>, and OUT/fold<F>/names.txt maps each eamnet-<i> run to its classes (eamnet-0:
# all six).
#   [DATA_DIR=../shared/data] [BENCHMARK_DIR=../shared/benchmark/defect8i] [OUT=runs/classcount] \
#     scripts/class-count-ablation.sh FOLD CLASS,CLASS[,...] ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fold="${1:?usage: class-count-ablation.sh FOLD CLASS,CLASS[,...] ...}"; shift
data="${DATA_DIR:-$here/../../shared/data}"
lists="${BENCHMARK_DIR:-$here/../../shared/benchmark/defect8i}"
out="${OUT:-$here/../runs/classcount}/fold$fold"
source "$here/training-runner.bash"
mkdir -p "$out"
weights="$out/pretrain/backbone.safetensors"
[ -f "$weights" ] || ds pretrain --data "$data" --fold "$fold" --out "$out/pretrain" --steps 1600 --epoch-steps 100 \
  > "$out/pretrain.log" 2>&1
score() {
  ds eval --model "$out/$1/model" --episodes "$lists/fold${fold}_1shot.tsv" --data "$data" --normal 0 --limit 200 \
    --sweep 0.1,0.2,0.3,0.4,0.5,0.6 > "$out/eval-$1-1shot.log" 2>&1
  ds eval --model "$out/$1/model" --episodes "$lists/fold${fold}_5shot.tsv" --data "$data" --normal 0 --limit 100 \
    --sweep 0.1,0.2,0.3,0.4,0.5,0.6 > "$out/eval-$1-5shot.log" 2>&1
  echo "$1: 1-shot $(grep '^mIoU [0-9]' "$out/eval-$1-1shot.log"), 5-shot $(grep '^mIoU [0-9]' "$out/eval-$1-5shot.log")"
}
ds build-matcher --data "$data" --fold "$fold" --backbone compact --weights "$weights" --size 200 --out "$out/matcher" \
  --validation 40 > "$out/train-matcher.log" 2>&1
score matcher
: > "$out/names.txt"
i=0
for classes in all "$@"; do
  name="eamnet-$i"; i=$((i + 1))
  subset=(); [ "$classes" = all ] || subset=(--classes "$classes")
  ds train --data "$data" --fold "$fold" --arch eamnet --backbone compact --weights "$weights" --freeze \
    --out "$out/$name" --steps 400 --epoch-steps 100 --checkpoint-every 100 --optimizer ADAM --lr 1e-3 --wd 1e-4 \
    --validation 40 --batch 2 --shots 1 "${subset[@]}" > "$out/train-$name.log" 2>&1
  echo "$name $classes" >> "$out/names.txt"
  score "$name"
done
