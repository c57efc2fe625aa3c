"""report.json: every metric as numbers, with the source and a plain summary.

The shape is documented (and versioned) in ``docs/report-schema.json``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import UTC, datetime
from pathlib import Path

from kindscope import __version__
from kindscope.metrics import METRIC_KEYS, Metrics, compute_metrics, load_corpus
from kindscope.metrics.corpus import Corpus, my_posts, my_replies
from kindscope.report.network import network_section
from kindscope.report.safety import safety_section
from kindscope.store.db import Store

__all__ = ["SCHEMA_VERSION", "build_report", "metrics_to_dict", "summary_of", "write_json"]

SCHEMA_VERSION = "1.1.0"


def _clean(value):
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, 4)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def metrics_to_dict(metrics: Metrics) -> dict:
    """Each metric as a JSON-ready dict; ``availability`` is flattened into
    ``available`` and ``reason``."""
    out = {}
    for key in METRIC_KEYS:
        data = dataclasses.asdict(getattr(metrics, key))
        availability = data.pop("availability")
        out[key] = _clean({**availability, **data})
    return out


def _in_ten(rate: float) -> int:
    return int(round(10 * rate))


def summary_of(report: dict) -> dict:
    """The summary sentence (first thing the report says) and a few more lines."""
    lines: list[str] = []
    void = report["void_rate"]
    groups = {g["group"]: g for g in void.get("groups", [])}
    distress, upbeat = groups.get("distress"), groups.get("upbeat")
    if not void["available"]:
        sentence = ("This data does not show other people's replies to your posts, so "
                    "whether people answered you cannot be seen here.")
    elif distress and upbeat and distress["eligible_7d"] and upbeat["eligible_7d"]:
        d = _in_ten(1 - distress["rate_7d"])
        u = _in_ten(1 - upbeat["rate_7d"])
        sentence = (f"Your painful posts got an answer within a week {d} times in 10; "
                    f"your upbeat ones {u} in 10.")
    else:
        rows = [g for g in groups.values() if g["eligible_7d"]]
        eligible = sum(g["eligible_7d"] for g in rows)
        answered = eligible - sum(g["unanswered_7d"] for g in rows)
        sentence = (f"{answered} of your {eligible} posts got an answer from someone "
                    "within a week." if eligible else "None of your posts could be judged yet.")
    given = report["kindness_given"]
    if given["available"] and given.get("supportive_share") is not None:
        lines.append(f"{_in_ten(given['supportive_share'])} in 10 of your replies to others "
                     "read as supportive.")
    gap = report["kindness_gap"]
    if gap["available"] and gap.get("ratio") is not None:
        lines.append(f"Your painful posts got {gap['ratio']:.2f} times the engagement of your "
                     "upbeat ones.")
    received = report["kindness_received"]
    if received["available"] and received.get("supportive_share") is not None:
        lines.append(f"{_in_ten(received['supportive_share'])} in 10 of the replies to your "
                     "painful posts read as supportive.")
    return {"sentence": sentence, "lines": lines}


def _iso(epoch_ms: int | None) -> str | None:
    if epoch_ms is None:
        return None
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).isoformat(timespec="seconds")


def _source(store: Store, corpus: Corpus, thresholds, seed: int, demo: bool) -> dict:
    snapshots = [
        {"source": s, "format": f, "taken_at": _iso(t), "imported_at": _iso(i)}
        for s, f, t, i in store.rows(
            "SELECT source, format, epoch_ms(taken_at), epoch_ms(imported_at) FROM snapshots "
            "WHERE platform = ? ORDER BY imported_at", [corpus.platform])]
    formats = {s["format"] for s in snapshots}
    return {
        "platform": corpus.platform,
        "formats": sorted(formats),
        "me": {"account_id": corpus.me, "handle": corpus.handles.get(corpus.me)},
        "snapshots": snapshots,
        "posts": len(corpus.posts),
        "my_posts": len(my_posts(corpus)),
        "my_replies": len(my_replies(corpus)),
        "scored_posts": len(corpus.scores),
        "model_version": corpus.model_version,
        "thresholds": {k: float(v) for k, v in sorted((thresholds or {}).items())},
        "seed": seed,
        "demo": demo,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "kindscope_version": __version__,
    }


def build_report(store: Store, me: str | None = None, thresholds: dict[str, float] | None = None,
                 seed: int = 13, demo: bool = False) -> dict:
    """Load "me" from the store, compute every metric, the network and safety sections,
    and return the report.json dict."""
    corpus = load_corpus(store, me)
    metrics = compute_metrics(corpus, thresholds, seed)
    report = {"schema_version": SCHEMA_VERSION,
              "source": _source(store, corpus, thresholds, seed, demo)}
    report.update(metrics_to_dict(metrics))
    report["network"] = _clean(network_section(store, corpus.platform, corpus.me,
                                               corpus.handles, seed))
    report["safety"] = _clean(safety_section(store, corpus.platform, corpus.me,
                                             corpus.handles))
    report["summary"] = summary_of(report)
    return report


def write_json(report: dict, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
