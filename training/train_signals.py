"""Rebuild every artifact in kindscope/signals/artifacts from ../shared/data.

    HF_HUB_OFFLINE=1 .venv/bin/python training/train_signals.py [--skip-export | --frozen]

Steps: fine-tune the first four layers of all-MiniLM-L6-v2 on every signal's training split
at once (training/finetune_encoder.py, about 5 min on 2 cores; ``--weights DIR`` exports a
given fine-tune instead, ``--frozen`` the pretrained encoder as before 2026-12), export the
static-int8 ONNX encoder (training/export_encoder.py), encode every training and
validation text (cached in $KINDSCOPE_CACHE), fit per signal five averaged one-hidden-
layer networks on the encoder features and a logistic head on hashed WordPiece uni+bigrams,
stack the two with a balanced logistic calibrator fitted on out-of-fold logits, and score the
validation split. Prints and writes ``metrics.json``. Seeded; reruns reproduce the metrics.
``--skip-export`` keeps the encoder already in ``--out`` and refits the heads only;
``--signals a,b`` with it refits those heads and keeps the others in ``heads.npz`` and
``metrics.json``.
``--train-from-layer N`` and ``--cap SIGNAL=N`` (repeatable) change the fine-tune, to
compare variants (write those to another ``--out``). ``--weight-bits 7`` exports int8
weights in a 7-bit range (an experiment: training/variants/2026-12-04).

The frozen baseline of the issue (logistic regression on the *pretrained* encoder's
sentence embedding) is computed with the pretrained encoder, exported beside the cache
($KINDSCOPE_CACHE/frozen) unless ``--frozen`` makes it the shipped one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.neural_network import MLPClassifier

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from evaluate import evaluate  # noqa: E402
from features import CACHE, FeatureCache  # noqa: E402
from splits import SPLITS  # noqa: E402

from kindscope.signals.heads import BAG_DIM, Head, bag_rows, pair_features  # noqa: E402

ARTIFACTS = HERE.parent / "kindscope/signals/artifacts"
SEED = 13
#: Heads that also read the replied-to post (support_er did better without it on train CV).
CONTEXT_SIGNALS = {"support", "support_ip", "support_ex"}
#: Hidden units per network of an encoder-feature head, and networks averaged (``BAGS``,
#: seeds SEED, SEED + 1, ...; stored as one network of HIDDEN * BAGS units). One network of
#: 256 units moved with its seed or a float-rounding change of the features by up to 0.03
#: (toxicity's Unhealthy AUC 0.755-0.784 over seeds 13-16) and 0.06 (hate on CONAN's
#: disabled pairs 0.843-0.901); five of 64 stay within 0.005 and 0.008 (seed bases 13, 18,
#: 23) at the inference cost of one of 320 (training/variants/2026-12-04/heads.md).
HIDDEN = 64
BAGS = 5
ALPHA = {"default": 10.0}
C_BAG = {"default": 4.0}
#: Heads whose stacker also reads alt-profanity-check's log-odds (kindscope.signals.profanity,
#: exported by training/export_profanity.py): a word model trained by others on about
#: 200,000 comments and tweets. It lifted offensive on TweetEval's validation (macro-F1
#: 0.728 -> 0.749) and on the held-apart Unhealthy Comments (AUC 0.762 -> 0.778); toxicity
#: read with it lost five challenge cases of who is meant (training/variants/2026-12-05m).
PROFANITY_SIGNALS = {"offensive"}
#: Weight on the positives in the crisis calibrator (balanced classes first): below 1 since
#: the distress negatives came in (2.0 flagged most ordinary distress, see the model card).
POS_BOOST = {"crisis": 0.5}


def _bag_matrix(cache: FeatureCache, texts: list[str]) -> sp.csr_matrix:
    indptr, indices = bag_rows(cache.token_ids(texts))
    counts = np.diff(indptr)
    data = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)
    return sp.csr_matrix((data, indices, indptr), shape=(len(texts), BAG_DIM))


def design(cache: FeatureCache, examples, with_context: bool):
    texts = [e.text for e in examples]
    feats = cache.get(texts)
    if with_context:
        feats = pair_features(feats, cache.get([e.context for e in examples]))
    y = np.array([e.label for e in examples])
    w = np.array([e.weight for e in examples], dtype=np.float64)
    return feats, _bag_matrix(cache, texts), y, w


def augment_without_context(examples):
    from dataclasses import replace

    return examples + [replace(e, context="", weight=e.weight * 0.5) for e in examples]


def _fit_lr(x, y, w, c):
    model = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED)
    return model.fit(x, y, sample_weight=w)


@dataclass(frozen=True)
class Recipe:
    """How an encoder-feature head is fitted: ``bags`` networks of ``hidden`` units, seeds
    ``seed``, ``seed + 1``, ... (the folds and everything else keep SEED)."""

    hidden: int = HIDDEN
    bags: int = BAGS
    seed: int = SEED


def _fit_mlp(x, y, w, alpha, recipe: Recipe) -> tuple[np.ndarray, ...]:
    """``recipe.bags`` networks, each with its own early-stopping split, as one network
    whose hidden layer is theirs side by side and whose output is the mean of theirs:
    ``(w1, b1, w2, b2)``."""
    nets = []
    bags = recipe.bags
    for k in range(bags):
        model = MLPClassifier(
            (recipe.hidden,), alpha=alpha, max_iter=80, early_stopping=True,
            n_iter_no_change=5, random_state=recipe.seed + k,
        ).fit(x, y, sample_weight=w)
        nets.append(model)
    return (np.hstack([m.coefs_[0] for m in nets]),
            np.concatenate([m.intercepts_[0] for m in nets]),
            np.concatenate([m.coefs_[1][:, 0] for m in nets]) / bags,
            float(np.mean([m.intercepts_[1][0] for m in nets])))


def _mlp_logit(net: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    w1, b1, w2, b2 = net
    return np.maximum(x @ w1 + b1, 0.0) @ w2 + b2


def fit_signal(name: str, x, bag, y, w, recipe: Recipe = Recipe(),
               words: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """``words``: alt-profanity-check's log-odds of the texts, a third input to the stacker
    (for ``PROFANITY_SIGNALS``), or None."""
    mean = x.mean(0)
    scale = x.std(0) + 1e-6
    xs = (x - mean) / scale
    alpha = ALPHA.get(name, ALPHA["default"])
    c_bag = C_BAG.get(name, C_BAG["default"])
    oof = np.zeros((len(y), 2 if words is None else 3))
    if words is not None:
        oof[:, 2] = words  # fitted by others: nothing of it is fitted on these folds
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED).split(xs, y)
    for tr, te in folds:
        oof[te, 0] = _mlp_logit(_fit_mlp(xs[tr], y[tr], w[tr], alpha, recipe), xs[te])
        oof[te, 1] = _fit_lr(bag[tr], y[tr], w[tr], c_bag).decision_function(bag[te])
    w1, b1, w2, b2 = _fit_mlp(xs, y, w, alpha, recipe)
    bagm = _fit_lr(bag, y, w, c_bag)
    sw = w * np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    sw = sw * np.where(y == 1, POS_BOOST.get(name, 1.0), 1.0)
    stack = LogisticRegression(C=1.0, random_state=SEED).fit(oof, y, sample_weight=sw)
    return {
        "mean": mean.astype(np.float32),
        "scale": scale.astype(np.float32),
        "w1": w1.astype(np.float16),
        "b1": b1.astype(np.float32),
        "w2": w2.astype(np.float32),
        "b2": np.float32(b2),
        "w_bag": bagm.coef_[0].astype(np.float16),
        "b_bag": np.float32(bagm.intercept_[0]),
        "stack": np.array([*stack.coef_[0], stack.intercept_[0]], dtype=np.float32),
    }


def predict(params: dict, x, bag, words: np.ndarray | None = None) -> np.ndarray:
    """Probabilities of a fitted head, read as ``SignalModel`` reads it (``heads.Head``):
    ``bag`` is ``design``'s CSR matrix, ``words`` the profanity log-odds for heads that read
    them."""
    head = Head(mean=params["mean"], scale=params["scale"],
                w1=params["w1"].astype(np.float32), b1=params["b1"], w2=params["w2"],
                b2=float(params["b2"]), w_bag=params["w_bag"], b_bag=float(params["b_bag"]),
                stack=params["stack"].astype(np.float64), context=False)
    return head.proba(x, bag.indptr, bag.indices, words)


def profanity_logits(out: Path, name: str, examples) -> np.ndarray | None:
    """alt-profanity-check's log-odds of the examples' texts for ``PROFANITY_SIGNALS``, read
    as ``SignalModel`` reads them (``out/profanity.npz``), else None."""
    if name not in PROFANITY_SIGNALS:
        return None
    from kindscope.signals.profanity import Profanity

    return Profanity(out / "profanity.npz").logits([e.text for e in examples])


def train_one(cache: FeatureCache, name: str, frozen: FeatureCache,
              leave_out: tuple[str, ...] = (), recipe: Recipe = Recipe(), out: Path = ARTIFACTS):
    """Fit one signal's head; ``leave_out``: sources (prefixes) dropped from its training
    examples only, for leave-one-data-set-out figures (training/lodo.py)."""
    raw_train, val = SPLITS[name]()
    if leave_out:
        raw_train = [e for e in raw_train if not e.source.startswith(leave_out)]
    ctx = name in CONTEXT_SIGNALS
    train = augment_without_context(raw_train) if ctx else raw_train
    x, bag, y, w = design(cache, train, ctx)
    params = fit_signal(name, x, bag, y, w, recipe, profanity_logits(out, name, train))
    params["context"] = np.int8(ctx)
    xv, bagv, yv, _ = design(cache, val, ctx)
    probs = predict(params, xv, bagv, profanity_logits(out, name, val))
    metrics = evaluate(name, val, yv, probs)
    metrics["frozen_baseline"] = baseline(name, frozen, raw_train, val)
    return params, metrics


def baseline(name: str, cache: FeatureCache, train, val) -> dict:
    """The issue's frozen baseline on our splits: logistic regression on the normalised
    all-MiniLM-L6-v2 sentence embedding (mean of the last layer), reply text only."""

    def embed(examples):
        x = cache.get([e.text for e in examples])[:, :384]
        return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)

    y = np.array([e.label for e in train])
    model = LogisticRegression(max_iter=2000, random_state=SEED).fit(embed(train), y)
    yv = np.array([e.label for e in val])
    return evaluate(name, val, yv, model.predict_proba(embed(val))[:, 1])["summary"]


def write_manifest(out: Path) -> None:
    import hashlib

    from kindscope.signals.model import ARTIFACT_FILES, MODEL_VERSION

    digests = {f: hashlib.sha256((out / f).read_bytes()).hexdigest() for f in ARTIFACT_FILES}
    from features import environment

    manifest = {"model_version": MODEL_VERSION, "sha256": digests, "seed": SEED,
                "environment": environment()}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-export", action="store_true", help="reuse the ONNX encoder")
    parser.add_argument("--frozen", action="store_true",
                        help="export the pretrained encoder, no fine-tuning")
    parser.add_argument("--weights", help="export this fine-tuned encoder folder")
    parser.add_argument("--train-from-layer", type=int,
                        help="fine-tune the encoder layers from this one (1-based) up; "
                             "default 4")
    parser.add_argument("--cap", action="append", default=[], metavar="SIGNAL=N",
                        help="fine-tuning examples for SIGNAL (repeatable)")
    parser.add_argument("--leave-out", default="",
                        help="comma-separated training sources to leave out (with --skip-export "
                             "and another --out; training/lodo.py uses it)")
    parser.add_argument("--weight-bits", type=int, choices=(7, 8), default=8,
                        help="encoder weights in a 7-bit range or the full 8 (as shipped); "
                             "with --skip-export, only the frozen baseline's")
    parser.add_argument("--hidden", type=int, default=HIDDEN,
                        help=f"hidden units per network of a head (default {HIDDEN})")
    parser.add_argument("--bags", type=int, default=BAGS,
                        help=f"networks averaged per head (default {BAGS})")
    parser.add_argument("--mlp-seed", type=int, default=SEED,
                        help=f"seed of each head's first network (default {SEED}); "
                             "with --hidden and --bags, to compare head recipes (another --out)")
    parser.add_argument("--out", default=str(ARTIFACTS), help="artifact folder")
    parser.add_argument("--signals", default=",".join(SPLITS),
                        help="comma-separated subset to refit; the other heads in --out are "
                             "kept (only with --skip-export)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if set(args.signals.split(",")) != set(SPLITS) and not args.skip_export:
        parser.error("--signals refits a subset on the shipped encoder: add --skip-export")
    recipe = Recipe(args.hidden, args.bags, args.mlp_seed)
    if recipe != Recipe() and out.resolve() == ARTIFACTS.resolve():
        parser.error("--hidden, --bags and --mlp-seed fit variants: add another --out")
    leave_out = tuple(x for x in args.leave_out.split(",") if x)
    if leave_out and (not args.skip_export or out.resolve() == ARTIFACTS.resolve()):
        parser.error("--leave-out fits variants: add --skip-export and another --out")
    from export_encoder import export

    if not args.skip_export:
        weights = Path(args.weights) if args.weights else None
        if weights is None and not args.frozen:
            from finetune_encoder import finetune

            caps = {k: int(v) for k, v in (c.split("=") for c in args.cap)}
            weights = finetune(CACHE / "finetuned", train_from_layer=args.train_from_layer,
                               caps=caps)
        export(out, weights, args.weight_bits)
    if not (out / "profanity.npz").exists():
        from export_profanity import export as export_profanity

        export_profanity(out)
    cache = FeatureCache(out)
    frozen = cache
    if not args.frozen:
        # the baseline's export in the same weight range as the encoder's
        base = CACHE / ("frozen" if args.weight_bits == 8 else "frozen-7bit")
        if not (base / "encoder.onnx").exists():
            export(base, None, args.weight_bits)
        frozen = FeatureCache(base)
    arrays, metrics = {}, {}
    for name in args.signals.split(","):
        t0 = time.time()
        params, m = train_one(cache, name, frozen, leave_out, recipe, out)
        arrays.update({f"{name}.{k}": v for k, v in params.items()})
        metrics[name] = m
        print(f"{name:11s} {json.dumps(m['summary'])} ({time.time() - t0:.0f}s)", flush=True)
    arrays, metrics = keep_other_heads(out, arrays, metrics)
    np.savez_compressed(out / "heads.npz", **arrays)
    write_manifest(out)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n")
    return metrics


def keep_other_heads(out: Path, arrays: dict, metrics: dict) -> tuple[dict, dict]:
    """With ``--signals`` a subset, the heads and metrics of the other signals already in
    ``out`` are kept as they are (they were fitted on the same encoder: refit them all
    after a new export)."""
    refitted = set(metrics)
    if (out / "heads.npz").exists():
        with np.load(out / "heads.npz") as old:
            kept = {k: old[k] for k in old.files if k.split(".")[0] not in refitted}
        arrays = {**kept, **arrays}
    if (out / "metrics.json").exists():
        old_metrics = json.loads((out / "metrics.json").read_text())
        metrics = {**{k: v for k, v in old_metrics.items() if k not in refitted}, **metrics}
    return arrays, metrics


if __name__ == "__main__":
    main()
