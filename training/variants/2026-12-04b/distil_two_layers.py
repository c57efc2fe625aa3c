"""A two-layer student taught to give the shipped encoder's features, then every head refitted.

    .venv/bin/python training/variants/2026-12-04b/distil_two_layers.py STUDENT_DIR ARTIFACT_DIR

The teacher is the shipped int8 encoder: its 768 features of every training text and
context of every signal (``splits.SPLITS``; no validation text, none that equals one) come
from the training cache. The student is all-MiniLM-L6-v2 cut to two layers (pretrained
weights; the embeddings frozen, both layers trained), read as the shipped encoder is read
but from layers 2 and 1: [masked mean of layer 2, masked mean of layer 1]. Loss: mean squared
error to the teacher's features, each feature standardised by the teacher's mean and
spread. One epoch, AdamW (lr 5e-5, linear decay), batches of 32 texts of similar length,
texts cut at 128 tokens, seed 13. Then ``train_signals.py --weights`` exports the student
(static int8) and fits every head into ARTIFACT_DIR. README.md has the figures.
"""

import os
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import export_encoder  # noqa: E402
import finetune_encoder  # noqa: E402
import train_signals  # noqa: E402
from data import norm  # noqa: E402
from features import FeatureCache  # noqa: E402
from splits import SPLITS  # noqa: E402

SHIPPED = ROOT / "kindscope/signals/artifacts"
SEED = 13
BATCH = 32
LR = 5e-5
MAX_TOKENS = 128


def texts_to_teach() -> list[str]:
    train, held = set(), set()
    for make in SPLITS.values():
        tr, va = make()
        train |= {t for e in tr for t in (e.text, e.context) if t}
        held |= {norm(t) for e in va for t in (e.text, e.context) if t}
    return sorted(t for t in train if norm(t) not in held)


def batches(lengths: list[int], rng: random.Random) -> list[list[int]]:
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out = []
    for start in range(0, len(order), BATCH * 50):
        block = sorted(order[start : start + BATCH * 50], key=lengths.__getitem__)
        out += [block[i : i + BATCH] for i in range(0, len(block), BATCH)]
    rng.shuffle(out)
    return out


def distil(out_dir: Path) -> Path:
    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = random.Random(SEED)
    texts = texts_to_teach()
    teacher = FeatureCache(SHIPPED).get(texts)
    mean, std = teacher.mean(0), teacher.std(0) + 1e-6
    target = torch.tensor((teacher - mean) / std, dtype=torch.float32)
    tok = Tokenizer.from_file(str(export_encoder.model_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    ids = [np.array(e.ids, dtype=np.int64) for e in tok.encode_batch(texts)]
    plan = batches([len(x) for x in ids], rng)
    print(f"distilling on {len(texts)} texts, {len(plan)} batches", flush=True)

    bert = finetune_encoder.base_model()
    bert.embeddings.requires_grad_(False)
    params = [p for p in bert.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=LR)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1 - s / len(plan))
    mu, sd = torch.tensor(mean), torch.tensor(std)
    bert.train()
    t0, running = time.time(), None
    for step, batch in enumerate(plan):
        width = max(len(ids[i]) for i in batch)
        input_ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, i in enumerate(batch):
            input_ids[row, : len(ids[i])] = torch.from_numpy(ids[i])
            mask[row, : len(ids[i])] = 1
        feats = export_encoder.pooled(bert, input_ids, mask)
        loss = torch.mean(((feats - mu) / sd - target[batch]) ** 2)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        if step % 200 == 0 or step == len(plan) - 1:
            print(f"step {step}/{len(plan)} loss {running:.4f} ({time.time() - t0:.0f}s)",
                  flush=True)
    bert.eval()
    model = out_dir / "model"
    bert.save_pretrained(model)
    return model


def main() -> None:
    student_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    if out.resolve() == SHIPPED.resolve():
        raise SystemExit("distil_two_layers.py: write the variant to another folder")
    export_encoder.MID_LAYER = 1
    finetune_encoder.LAYERS = 2
    t0 = time.time()
    weights = distil(student_dir)
    print("distilled", weights, round(time.time() - t0), "s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("tokenizer.json", "heads.npz", "metrics.json", "manifest.json", "encoder.onnx"):
        shutil.copy(SHIPPED / name, out / name)
    train_signals.main(["--weights", str(weights), "--out", str(out)])
    print("done", round(time.time() - t0), "s", flush=True)


if __name__ == "__main__":
    main()
