"""Could a static first stage send only uncertain posts to the encoder? (issue 11, speed)

    .venv/bin/python benchmarks/probe_static_stage.py

A model2vec-style static stage distilled from the shipped encoder: each WordPiece of the
vocabulary is run through the encoder alone (``[CLS] piece [SEP]``), which gives one
768-feature vector per piece; a text's static features are the mean of its pieces'
vectors. A ridge map (fitted on the training texts of every signal) takes them to the
encoder's features, and the shipped heads read the result, so the stage needs no head of
its own. A post may skip the encoder only when, for every signal, the stage's logit is
further from the threshold than a margin; each signal's margin is the smallest for which,
on one half of the validation texts, at most ``target`` of the posts past it are decided
differently from the full model. Reported on the other half: the share of posts the stage
decides alone, the share of tokens still sent to the encoder (what the speed depends on)
and the disagreement with the full model per signal. Validation texts are those of every
signal's validation split (never trained on); features come from the training cache
(``$KINDSCOPE_CACHE``; computed when missing). No contexts (replies read alone).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from features import FeatureCache  # noqa: E402
from splits import SPLITS  # noqa: E402

from kindscope.signals.heads import bag_rows, load_heads, pair_features  # noqa: E402
from kindscope.signals.model import ARTIFACTS, SIGNALS  # noqa: E402
from kindscope.signals.profanity import Profanity  # noqa: E402

TARGETS = (0.02, 0.01, 0.005)
SEED = 13


def piece_table(cache: FeatureCache) -> np.ndarray:
    """Encoder features of every WordPiece read alone, [vocab, 768]."""
    session = cache.encoder.sessions[0]
    vocab = cache.encoder.tokenizer.get_vocab_size()
    table = np.zeros((vocab, cache.encoder.dim), dtype=np.float32)
    for start in range(0, vocab, 512):
        ids = np.arange(start, min(vocab, start + 512))
        cls, sep = np.full(len(ids), 101), np.full(len(ids), 102)
        batch = np.stack([cls, ids, sep], axis=1).astype(np.int64)
        feeds = {"input_ids": batch, "attention_mask": np.ones_like(batch)}
        table[ids] = session.run(None, feeds)[0]
    return table


def main() -> None:
    cache = FeatureCache(ARTIFACTS)
    heads = load_heads(ARTIFACTS / "heads.npz", SIGNALS)
    empty = cache.encoder.encode([""]).features
    train, val = set(), set()
    for make in SPLITS.values():
        tr, va = make()
        train |= {e.text for e in tr}
        val |= {e.text for e in va}
    parts = {"train": sorted(train - val), "val": sorted(val)}
    table = piece_table(cache)

    words = Profanity(ARTIFACTS / "profanity.npz").logits(parts["val"])

    def logits(feats: np.ndarray, ids: list[np.ndarray]) -> dict[str, np.ndarray]:
        """Each head's stacked logit; ``feats`` and ``ids`` are of the validation texts (the
        word model of offensive reads their words, which both stages share)."""
        indptr, indices = bag_rows(ids)
        out = {}
        for s in SIGNALS:
            head = heads[s]
            x = pair_features(feats, np.repeat(empty, len(feats), 0)) if head.context else feats
            p = np.clip(head.proba(x, indptr, indices, words), 1e-12, 1 - 1e-12)
            out[s] = np.log(p / (1 - p))
        return out

    data = {}
    for name, texts in parts.items():
        full_ids = cache.encoder.tokenize(texts)
        static = np.stack([table[x].mean(0) for x in full_ids])
        data[name] = (cache.get(texts), static, [x[1:-1] for x in full_ids])
    f_tr, s_tr, _ = data["train"]
    f_va, s_va, ids_va = data["val"]
    mean, scale = s_tr.mean(0), s_tr.std(0) + 1e-6

    def design(s: np.ndarray) -> np.ndarray:
        return np.hstack([(s - mean) / scale, np.ones((len(s), 1), dtype=np.float32)])

    x = design(s_tr)
    weights = np.linalg.solve(x.T @ x + 10.0 * np.eye(x.shape[1]), x.T @ f_tr)
    mapped = (design(s_va) @ weights).astype(np.float32)
    r2 = 1 - ((mapped - f_va) ** 2).sum() / ((f_va - f_va.mean(0)) ** 2).sum()
    stage, full = logits(mapped, ids_va), logits(f_va, ids_va)
    agree = {s: round(float(np.mean((stage[s] > 0) == (full[s] > 0))), 4) for s in SIGNALS}
    order = np.random.default_rng(SEED).permutation(len(f_va))
    tune, held = order[: len(order) // 2], order[len(order) // 2 :]
    tokens = np.array([len(x) + 2 for x in ids_va])
    rows = []
    for target in TARGETS:
        margins = {}
        for s in SIGNALS:
            for m in np.arange(0.0, 8.0, 0.05):
                kept = tune[np.abs(stage[s][tune]) > m]
                if np.mean((stage[s][kept] > 0) != (full[s][kept] > 0)) <= target:
                    break
            margins[s] = round(float(m), 2)
        alone = np.ones(len(held), dtype=bool)
        for s in SIGNALS:
            alone &= np.abs(stage[s][held]) > margins[s]
        rows.append({
            "target_disagreement": target,
            "posts_decided_by_stage": round(float(alone.mean()), 3),
            "token_share_to_encoder": round(float(tokens[held][~alone].sum()
                                                  / tokens[held].sum()), 3),
            "margins": margins,
            "disagreement_on_held_half": {
                s: round(float(np.mean((stage[s][held][alone] > 0)
                                       != (full[s][held][alone] > 0))), 4) for s in SIGNALS},
        })
    print(json.dumps({
        "train_texts": len(parts["train"]), "val_texts": len(parts["val"]),
        "feature_r2_on_val": round(float(r2), 3),
        "stage_alone_agrees_with_full_model": agree,
        "cascade": rows,
    }, indent=1))


if __name__ == "__main__":
    main()
