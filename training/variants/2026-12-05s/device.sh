#!/usr/bin/env bash
# Plan 10 (README): the s-all fine-tune at seeds 13, 14 and 15, side by side on one lent GPU.
# Not run: no GPU was lent (README, amendment); the runs went to the CPU with one epoch.
#
# Here:    .venv/bin/python training/finetune_payload.py write .payload --all-sources --no-cap
# There:   bash training/variants/2026-12-05s/device.sh   (the device tool, carrying .payload)
# Here:    .venv/bin/python training/finetune_payload.py assemble OUT/sN OUT/sN/model, then
#          train_signals.py --weights OUT/sN/model --out ARTIFACTS, eval_ood.py, eval_challenge.py
#
# Each seed writes its trained layer and the fine-tune's own output per task to $OUT/sN and
# its log to $OUT/log.txt (the tool brings back at most eight files).
set -u
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
payload=${PAYLOAD:-.payload}
out=${OUT:-/tmp/device_out}
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
python3 -c "import torch, transformers; print('torch', torch.__version__, 'transformers', transformers.__version__)"
t0=$(date +%s)
for seed in 13 14 15; do
  (
    python3 training/finetune_encoder.py "/tmp/ft_s$seed" --payload "$payload" --device cuda \
      --epochs 2 --seed "$seed" > "/tmp/log_s$seed.txt" 2>&1
    echo "exit $? after $(( $(date +%s) - t0 )) s" >> "/tmp/log_s$seed.txt"
    mkdir -p "$out/s$seed" && cp "/tmp/ft_s$seed"/layers/*.npz "$out/s$seed/"
  ) &
done
wait
for seed in 13 14 15; do
  echo "== seed $seed"; grep -v -i "warn\|Loading" "/tmp/log_s$seed.txt" | tail -n 12
done | tee "$out/log.txt"
echo "all done in $(( $(date +%s) - t0 )) s"
