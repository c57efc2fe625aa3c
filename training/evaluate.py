"""Validation metrics for one signal at the 0.5 decision point."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score


def _binary(y: np.ndarray, p: np.ndarray) -> dict:
    pred = (p >= 0.5).astype(int)
    out = {"n": int(len(y)), "positives": int(y.sum())}
    if 0 < y.sum() < len(y):
        out["auc"] = round(float(roc_auc_score(y, p)), 4)
    out["macro_f1"] = round(float(f1_score(y, pred, average="macro", zero_division=0)), 4)
    out["f1"] = round(float(f1_score(y, pred, zero_division=0)), 4)
    out["precision"] = round(float(precision_score(y, pred, zero_division=0)), 4)
    out["recall"] = round(float(recall_score(y, pred, zero_division=0)), 4)
    out["accuracy"] = round(float((pred == y).mean()), 4)
    out["ece"] = round(_ece(y, p), 4)
    return out


def _ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        sel = edges == b
        if sel.any():
            total += sel.sum() * abs(p[sel].mean() - y[sel].mean())
    return float(total / len(y))


def _by_source(val, y, p) -> dict:
    sources = np.array([e.source for e in val])
    out = {}
    for s in sorted(set(sources)):
        sel = sources == s
        out[s] = {"n": int(sel.sum()), "flag_rate": round(float((p[sel] >= 0.5).mean()), 4)}
        if 0 < y[sel].sum() < sel.sum():
            out[s].update(_binary(y[sel], p[sel]))
    return out


def evaluate(name: str, val, y: np.ndarray, p: np.ndarray) -> dict:
    overall = _binary(y, p)
    sources = _by_source(val, y, p)
    summary = {k: overall[k] for k in ("auc", "macro_f1", "f1") if k in overall}
    if name == "crisis":
        sup = np.array([e.source.startswith("support-") for e in val])
        sui = np.array([e.source == "sdcnl-suicide" for e in val])
        summary["recall_suicidewatch"] = round(float((p[sui] >= 0.5).mean()), 4)
        summary["false_alarm_supporters"] = round(float((p[sup] >= 0.5).mean()), 4)
        dis = np.array([e.source.startswith("distress-") for e in val])
        if dis.any():
            summary["false_alarm_distress"] = round(float((p[dis] >= 0.5).mean()), 4)
        summary["auc_at_risk_vs_supporters"] = round(
            float(roc_auc_score(np.r_[np.ones(sui.sum()), np.zeros(sup.sum())],
                                np.r_[p[sui], p[sup]])), 4)
    if name == "hate":
        tox = np.array([e.source.startswith("toxigen") for e in val])
        dis = np.array([e.source == "toxigen-disability" for e in val])
        summary["toxigen_accuracy"] = round(float(((p[tox] >= 0.5) == y[tox]).mean()), 4)
        if dis.any():
            summary["toxigen_disability_accuracy"] = round(
                float(((p[dis] >= 0.5) == y[dis]).mean()), 4)
        tw = np.array([e.source == "tweeteval" for e in val])
        summary["tweeteval_macro_f1"] = _binary(y[tw], p[tw])["macro_f1"]
    if name == "toxicity":
        olid = np.array([e.source == "olid" for e in val])
        summary["olid_macro_f1"] = _binary(y[olid], p[olid])["macro_f1"]
    return {"summary": summary, "overall": overall, "by_source": sources}
