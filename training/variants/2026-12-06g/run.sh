#!/usr/bin/env bash
# Plan 23: the three seeds in turn (README). Usage: bash training/variants/2026-12-06g/run.sh [SEEDS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
export HF_HUB_OFFLINE=1
for n in ${1:-13 14 15}; do
  mkdir -p /tmp/p23
  .venv/bin/python training/finetune_encoder.py /tmp/p23/s${n}_ft --seed "$n"
  .venv/bin/python training/train_signals.py --weights /tmp/p23/s${n}_ft/model --out /tmp/p23/s$n
  .venv/bin/python training/eval_ood.py --artifacts /tmp/p23/s$n --out /tmp/p23/ood_s$n.json
  .venv/bin/python training/eval_challenge.py --artifacts /tmp/p23/s$n --out /tmp/p23/ch_s$n.json
  echo "seed $n done $(date -u +%H:%M)"
done
