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
from kindscope.care.links import post_url
from kindscope.care.queue import DEFAULT_BUDGET, care_queue
from kindscope.metrics import METRIC_KEYS, Metrics, compute_metrics
from kindscope.metrics.common import NO_SCORES_REASON
from kindscope.report.figures import SUPPORT_NAMES
from kindscope.report.network import network_section
from kindscope.report.safety import safety_section
from kindscope.report.view import COMMANDS, abuse_is_no_answer, command_of
from kindscope.signals.reliability import weak_signals
from kindscope.store import aggregates
from kindscope.store.availability import ITEMS, QUESTION_NAMES, QUESTIONS, fetch_command
from kindscope.store.db import Store
from kindscope.store.read import ReadModel, installed_model, read_model
from kindscope.store.sources import platform_snapshots, shared_name

__all__ = ["SCHEMA_VERSION", "build_report", "report_from", "metrics_to_dict",
           "summary_of", "with_readings", "write_json"]

SCHEMA_VERSION = "3.3.0"


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


#: Fewer than this many and a share is said as its counts ("1 of 3"): "3 in 10" would read
#: as a larger sample than there is.
FEW = 20


def _in_ten(rate: float) -> int:
    return int(round(10 * rate))


def _posts(n: int, what: str) -> str:
    """"3 painful posts", "1 upbeat one"."""
    return f"{n} {what}{'s' * (n != 1)}"


def _headline(report: dict) -> str:
    """The first thing the report says, from what this data can show."""
    void = report["void_rate"]
    groups = {g["group"]: g for g in void.get("groups", [])}
    distress, upbeat = groups.get("distress"), groups.get("upbeat")
    if void["available"]:
        # unread, any reply counts: "an answer" leaves out abuse only where replies were read
        answer = "an answer" if abuse_is_no_answer(report) else "a reply"
        # the posts judged: a week old, and, where captures are the only source of
        # replies, made while one ran (the rest are counted apart as not captured)
        captured = any(g.get("not_captured_7d") for g in groups.values())
        judged = "that a capture of replies ran a week past" if captured else \
            "at least a week old"
        if distress and upbeat and distress["eligible_7d"] and upbeat["eligible_7d"]:
            if min(distress["eligible_7d"], upbeat["eligible_7d"]) < FEW:
                d, u = (g["eligible_7d"] - g["unanswered_7d"] for g in (distress, upbeat))
                return (f"Of your {_posts(distress['eligible_7d'], 'painful post')} "
                        f"{judged}, {d} got {answer} within a week; of your "
                        f"{_posts(upbeat['eligible_7d'], 'upbeat one')}, {u}.")
            d = _in_ten(1 - distress["rate_7d"])
            u = _in_ten(1 - upbeat["rate_7d"])
            return (f"Your painful posts {judged} got {answer} within a week {d} times in "
                    f"10; your upbeat ones {u} in 10." if captured else
                    f"Your painful posts got {answer} within a week {d} times in 10; "
                    f"your upbeat ones {u} in 10.")
        rows = [g for g in groups.values() if g["eligible_7d"]]
        eligible = sum(g["eligible_7d"] for g in rows)
        answered = eligible - sum(g["unanswered_7d"] for g in rows)
        if eligible:
            return (f"{answered} of your {_posts(eligible, 'post')} {judged} got {answer} "
                    "from someone within a week.")
        if captured:
            return ("None of your posts can be counted: the captures that hold others' "
                    "replies did not run a week past any of them.")
        return "None of your posts is old enough to count yet."
    if not report["source"]["my_posts"]:
        return "This data holds no posts of yours, so there is nothing to measure yet."
    silent = report.get("no_response", {})
    if silent.get("available"):
        by = {g["group"]: g for g in silent["groups"]}
        d, u = by["distress"], by["upbeat"]
        counted = silent.get("counted") or "responses"
        if silent.get("note"):
            lead = "Only " if d["posts"] and u["posts"] else ""
            return (f"{lead}{d['posts']} of your posts read as painful and {u['posts']} as "
                    f"upbeat (at least a week old): not enough to compare how often each got "
                    f"no response ({counted}).")
        return (f"{d['no_response']} of your {d['posts']} painful posts got no response at "
                f"all ({counted}: none); of your {u['posts']} upbeat posts, "
                f"{u['no_response']} got none.")
    if not report["source"]["scored_posts"]:
        score = command_of(report["source"], "score")
        return ("Your posts have not been read by the text signals yet"
                + (f": run `{score}`." if score else "."))
    return ("This data does not show other people's replies to your posts, so whether "
            "people answered you cannot be seen here.")


def _rough(report: dict, signal: str, name: str | None = None) -> str:
    """A caveat for a line (or the figure called ``name``) that rests on a signal weak on
    text it was not trained on; empty when the signal is not weak."""
    auc = (report["source"].get("weak_signals") or {}).get(signal)
    if auc is None:
        return ""
    what = f"\u201c{name}\u201d" if name else "this"
    return (f" (Read {what} as rough: on text from other sources than its training data the "
            f"{signal} signal did little better than chance, AUC {auc:.2f}; "
            f"docs/models/{signal}.md.)")


#: The support signals behind each section's figures (the received chart shows all four).
_SECTION_SIGNALS = {"kindness_received": tuple(SUPPORT_NAMES), "kindness_given": ("support",),
                    "time_to_reply": ("support",)}


def _caveat(report: dict, key: str) -> str | None:
    """One note per weak signal among the figures of section ``key``, or None."""
    signals = _SECTION_SIGNALS[key]
    notes = [_rough(report, s, SUPPORT_NAMES[s] if len(signals) > 1 else None).strip(" ()")
             for s in signals]
    return " ".join(n for n in notes if n) or None


def summary_of(report: dict) -> dict:
    """The summary sentence (first thing the report says) and a few more lines."""
    lines: list[str] = []
    given = report["kindness_given"]
    if given["available"] and given.get("supportive_share") is not None:
        # a share of the replies that were read (a report before 3.0.0: of all of them)
        read = given.get("replies_read") or given["replies"]
        kind = round(given["supportive_share"] * read)
        source = report.get("source") or {}
        why = " or ".join(words for n, words in (
            (source.get("unscored_posts"), "not scored yet"),
            (source.get("unread_posts"), "in languages the signals do not read")) if n) \
            or "without text to read (an image alone)"
        of = (f" that were read (of {given['replies']}: the rest are {why})"
              if read != given["replies"] else "")
        lines.append(f"{kind} of the {read} posts of yours in conversations with others{of} "
                     "read as comforting or supportive." + _rough(report, "support"))
    gap = report["kindness_gap"]
    if gap["available"] and gap.get("ratio") is not None:
        lines.append(f"Your painful posts got {gap['ratio']:.2f} times the engagement of your "
                     "upbeat ones.")
    received = report["kindness_received"]
    if received["available"] and received.get("supportive_share") is not None:
        lines.append(_supportive(received) + _rough(report, "support"))
    harsh = report["toxicity_received"]
    aimed = harsh.get("aimed_at_me") if harsh["available"] else None
    if aimed and harsh.get("hostile") is not None:
        wishes = harsh.get("wish_words") or 0
        lines.append(f"{harsh['hostile']} of the {aimed} replies and mentions from others aimed "
                     "at you read as toxic or hateful (a model's readings, not verdicts)"
                     + (f"; {wishes} more {'uses' if wishes == 1 else 'use'} words that tell "
                        "you to die" + _counted_by(command_of(report["source"], "inbox"))
                        if wishes else "") + ".")
    return {"sentence": _headline(report), "lines": lines}


def _counted_by(command: str | None) -> str:
    """" (`COMMAND` counts them)" where a command can read the data, else nothing."""
    return f" (`{command}` counts them)" if command else ""


def _supportive(received: dict) -> str:
    """How many replies to my painful posts read as supportive: the counts when they are
    few ("1 of the 3 replies"), "6 in 10" when they are many."""
    n, share = received["replies"], received["supportive_share"]
    if n == 1:
        return ("The only reply to your painful posts "
                f"{'read' if share >= 0.5 else 'did not read'} as supportive.")
    said = (f"{round(share * n)} of the {n}" if n < FEW else f"{_in_ten(share)} in 10 of the")
    return f"{said} replies to your painful posts read as supportive."


def _iso(epoch_ms: int | None) -> str | None:
    if epoch_ms is None:
        return None
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).isoformat(timespec="seconds")


def _source(rm: ReadModel, demo: bool) -> dict:
    snapshots = [
        {"source": shared_name(s), "format": f, "taken_at": _iso(t), "imported_at": _iso(i)}
        for s, f, t, i in platform_snapshots(rm.store, rm.platform)]
    mine, replies = aggregates.my_post_counts(rm)
    counts = aggregates.post_counts(rm)
    return {
        "platform": rm.platform,
        "formats": sorted({s["format"] for s in snapshots}),
        "me": {"account_id": rm.me, "handle": rm.handles([rm.me]).get(rm.me)},
        "snapshots": snapshots,
        "posts": counts["posts"],
        "my_posts": mine,
        "my_replies": replies,
        "scored_posts": counts["scored"],
        "unread_posts": counts["unread"],
        "unscored_posts": counts["unscored"],
        "unread_languages": counts["unread_languages"],
        "model_version": rm.model_version,
        "installed_model": installed_model(),
        "weak_signals": weak_signals(),
        "thresholds": {k: float(v) for k, v in sorted(rm.thresholds.items())},
        "seed": rm.seed,
        "demo": demo,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "kindscope_version": __version__,
        # the commands the report's words name, reading the same data (names, never paths:
        # the report is a file people share; since 3.3.0)
        "commands": {verb: rm.where.command(verb) for verb in COMMANDS if rm.where.reads(verb)},
    }


def _data(rm: ReadModel) -> dict:
    """What the imports carry, what the data cannot show, and the command that gets it."""
    missing = rm.carries.missing()
    return {
        "carries": sorted(i for i in rm.carries.items if i in ITEMS),
        "cannot_show": [{"question": q, "name": QUESTION_NAMES[q], "needs": QUESTIONS[q][1]}
                        for q in missing],
        "fetch_command": fetch_command(rm.platform, rm.carries.handle, rm.where),
        "only_own_posts": "others_replies" not in rm.carries.items,
    }


def build_report(store: Store, me: str | None = None, thresholds: dict[str, float] | None = None,
                 seed: int | None = None, demo: bool = False) -> dict:
    """Build the read model for "me", compute every metric, the network and safety
    sections, and return the report.json dict (``seed``: default the ``seed`` setting).
    The commands it names read the same data, named as a file people share may name it
    (``Where.shared``)."""
    rm = read_model(store, me, thresholds, seed, shared=True)
    try:
        return report_from(rm, demo)
    finally:
        rm.close()


def report_from(rm: ReadModel, demo: bool = False) -> dict:
    """The report.json dict from a read model."""
    metrics = compute_metrics(rm)
    report = {"schema_version": SCHEMA_VERSION, "source": _source(rm, demo), "data": _data(rm)}
    report.update(metrics_to_dict(metrics))
    handles = rm.handle_map()
    report["network"] = _clean(network_section(rm, handles))
    report["safety"] = _clean(safety_section(rm, handles))
    report["care"] = _care(rm)
    report["own_moments"] = _own_moments(rm)
    return with_readings(report)


def with_readings(report: dict) -> dict:
    """``report`` with what is said about its figures, from its figures and its source:
    each section's caveat about weak signals, and the summary."""
    for key in _SECTION_SIGNALS:
        report[key]["caveat"] = _caveat(report, key)
    report["summary"] = summary_of(report)
    return report


#: Most of my own painful or angry posts listed in the report.
MAX_OWN_MOMENTS = 200


def _care(rm: ReadModel) -> dict:
    """The care section: about the user only. How many painful posts in their circle went
    unanswered in the window, as a count: no names, no posts (the report is a file people
    share; the queue itself is only ever shown by ``kindscope care``)."""
    queue = care_queue(rm, budget=0)
    known = queue.note is None
    # every thread waiting: those that may read as a crisis are listed whatever the budget,
    # so "held back" alone left exactly them out of the count (a user's-eye review,
    # 2026-12-06: the demo's report said 1 where `kindscope care` lists 3)
    return {"available": known, "reason": queue.note, "window_days": queue.days,
            "budget": DEFAULT_BUDGET,
            "unanswered_in_circle": queue.waiting if known else None,
            # posts of the circle with no reply that were not read for their language:
            # whether they are painful cannot be told (since 3.1.0)
            "not_read_in_circle": queue.not_read_count if known else None,
            "command": rm.where.command("care")}


def _own_moments(rm: ReadModel) -> dict:
    """The user's own posts that read as written in pain or anger, with links, so they can
    decide themselves whether to hide or delete any (kindscope changes nothing)."""
    if not sum(aggregates.my_post_counts(rm)):  # "not scored yet" sent people to score
        return {"available": False, "reason": "no posts of yours in the data",
                "count": None, "posts": []}
    if not rm.scored:
        return {"available": False, "reason": NO_SCORES_REASON, "count": None, "posts": []}
    total, rows = aggregates.own_moments(rm, MAX_OWN_MOMENTS)
    handle = rm.handles([rm.me]).get(rm.me)
    posts = [{"post_id": p, "created_at": t.isoformat() if t else None, "text": x,
              "url": post_url(rm.platform, p, u, handle),
              "reads_as": [w for w, on in (("pain", pain), ("anger", anger)) if on],
              "crisis": bool(crisis)}
             for p, t, x, u, pain, anger, crisis in rows]
    return {"available": True, "reason": None, "count": total, "posts": posts}


def write_json(report: dict, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
