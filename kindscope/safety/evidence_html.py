"""The evidence pack's page: a Jinja2 template (autoescaped) over a small view of the pack.

Every piece of user text (post text, handles, ids, sources) is escaped by the template and
isolated with ``<bdi>`` or ``dir="auto"``, so markup in a post shows as typed and
direction-control characters (U+202A-U+202E, U+2066-U+2069) reorder only the text they are
in, never the page around it. In handles and ids those controls are shown as ``[U+202E]``
so a name reads as stored; a post's text is shown as written, with a note naming them.
The page loads nothing (a Content-Security-Policy of ``default-src 'none'``), reads well
on screen and prints on A4.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kindscope import __version__
from kindscope.safety.incidents import KIND_NAMES
from kindscope.terminal_text import for_page, for_terminal

if TYPE_CHECKING:
    from kindscope.safety.evidence import Evidence

__all__ = ["render_html", "readable_time", "score_label", "shown_id", "BIDI_CONTROLS"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Signals in the order a reader of a report needs them, and their names in words.
SIGNAL_NAMES = {
    "toxicity": "toxicity", "offensive": "offensive", "hate": "hate",
    "crisis": "crisis", "distress": "distress", "support": "support",
    "support_er": "support: emotional reaction", "support_ip": "support: interpretation",
    "support_ex": "support: exploration", "upbeat": "upbeat",
}
#: The lines a post's scores are shown on, in order: (title, signals; None for the rest).
#: Hostility is text aimed at a person or a group, what an incident counts. ``offensive``
#: marks swearing and slurs whoever they are aimed at, and fires on many posts of pain (its
#: model card: r/depression posts, the writer's own swearing), so it has its own line.
SCORE_LINES = (("Hostility", ("toxicity", "hate")), ("Language", ("offensive",)),
               ("Other signals", None))
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")


def shown_id(value) -> str:
    """A handle or id with its direction and other control characters made visible
    (``[U+202E]evil``, ``ev[U+001B][31mil``), as the report and the terminal show them: a
    reader must be able to see, and search for, the name exactly as it is stored (the page
    takes control characters out of everything else it prints)."""
    if value is None:
        return ""
    return for_terminal(str(value), visible=True)


_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True, finalize=for_page)
_env.filters["id"] = shown_id


def readable_time(value) -> str:
    """``2024-03-05 14:02:11 UTC`` from a datetime or an ISO string ('' for none)."""
    if value in (None, ""):
        return ""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


#: Readings of an author's own state, never carried by a pack: a pack documents what was
#: said to someone and may be shared, and these are readings of a person's mental health
#: (a pack on an account listed its own "I can't go on" posts as crisis 0.93: a care
#: review, 2026-12-06).
NOT_IN_PACKS = frozenset({"crisis", "distress"})
#: What a pack says about them (evidence.json's ``scores_left_out``, the page's note).
LEFT_OUT = ("Readings of a writer's own state (distress, crisis) are not carried: a pack "
            "documents what was said to someone, and may be shared.")


#: The exact values the signals' rule layers set a score to (``signals.guards.GUARD_CAP``
#: and ``phrases.SUPPORT_CAP`` lower to 0.3; the phrase, slogan, wish, answer and milestone
#: rules raise to 0.9 or 0.8; ``tests/safety/test_evidence_pack.py`` keeps them equal). The
#: model's own probabilities are never exactly these, so a pack can say which is a rule's.
RULE_VALUES = {0.3: "lowered to it by a rule", 0.8: "set by a rule", 0.9: "set by a rule"}


def score_label(signal: str, score: float) -> str:
    """``toxicity 0.87``: the signal in words and the score to two decimals; ``support 0.30
    (lowered to it by a rule)`` where a rule layer set it, not the model (a pack is a record
    others read: a user's-eye review, 2026-12-06)."""
    rule = RULE_VALUES.get(score)
    return f"{SIGNAL_NAMES.get(signal, signal.replace('_', ' '))} {score:.2f}" + \
        (f" ({rule})" if rule else "")


def _scores(post: dict, counted: dict[str, set[str]]) -> list[dict]:
    def order(signal: str) -> tuple[int, str]:
        names = list(SIGNAL_NAMES)
        return (names.index(signal) if signal in names else len(names), signal)

    out = []
    for signal in sorted(post["scores"], key=order):
        entry = post["scores"][signal]
        value = entry.get("score") if isinstance(entry, dict) else entry
        if value is None:
            continue
        out.append({"signal": signal, "label": score_label(signal, float(value)),
                    "counted": signal in counted.get(post["post_id"], set())})
    return out


def _score_lines(scores: list[dict]) -> list[dict]:
    """The post's scores on the lines of ``SCORE_LINES`` that have any."""
    named = {sig for _, signals in SCORE_LINES if signals for sig in signals}
    lines = []
    for title, signals in SCORE_LINES:
        mine = [s for s in scores
                if (s["signal"] in signals if signals else s["signal"] not in named)]
        if mine:
            lines.append({"title": title, "scores": mine})
    return lines


def _safe_url(url) -> str | None:
    """The post's address as a link only when it is http(s); anything else is shown as text."""
    if not url:
        return None
    return url if urlsplit(str(url)).scheme.lower() in ("http", "https") else None


def _view(ev: Evidence) -> dict:
    inc = ev.incident
    counted: dict[str, set[str]] = {}
    if inc is not None:
        for post_id, signal, _ in inc.scores:
            if post_id not in inc.by_words:  # counted for its words, not for a score
                counted.setdefault(post_id, set()).add(signal)
    numbers = {p["post_id"]: n for n, p in enumerate(ev.posts, start=1)}
    posts = []
    for n, p in enumerate(ev.posts, start=1):
        text, controls = _controls(p["text"] or "")
        scores = _scores(p, counted)
        posts.append({
            "number": n, "anchor": f"post-{n}", "platform": p["platform"],
            "post_id": p["post_id"], "author_id": p["author_id"],
            "handle": p["author_handle"] if p["author_handle"] != p["author_id"] else None,
            "when": readable_time(p["created_at"]),
            "text": text, "bidi": _bidi(text), "controls": controls,
            "earlier": [{"text": shown, "bidi": _bidi(shown), "controls": found}
                        for shown, found in (_controls(e["text"] or "")
                                             for e in p.get("earlier_texts") or [])],
            "url": p["url"], "link": _safe_url(p["url"]),
            "reply_to": p["reply_to_post_id"],
            "reply_to_number": numbers.get(p["reply_to_post_id"]) if p["reply_to_post_id"]
            else None,
            "reply_to_account": p["reply_to_account_id"],
            "mentions": p.get("mentions") or [],
            "is_target": inc is not None and p["author_id"] == inc.target_id,
            "by_words": inc is not None and p["post_id"] in inc.by_words,
            "wish_words": (inc is not None and p["post_id"] in inc.wish_words)
            or bool(p.get("death_wish_words")),
            "score_lines": _score_lines(scores),
            "models": sorted({s["model"] for s in p["scores"].values()
                              if isinstance(s, dict) and s.get("model")}),
        })
    incident = None
    if inc is not None:
        incident = {"kind": KIND_NAMES.get(inc.kind, inc.kind), "id": inc.id,
                    "trawl": inc.kind == "trawler",
                    "platform": inc.platform, "target": inc.target_id,
                    "start": readable_time(inc.start), "end": readable_time(inc.end),
                    "accounts": list(inc.accounts), "reason": inc.reason}
    collection = [{**c, "taken": readable_time(c.get("taken_at")),
                   "imported": readable_time(c.get("imported_at"))} for c in ev.collection]
    models = sorted({m for p in posts for m in p["models"]})
    return {"title": ev.title, "subject": ev.subject, "incident": incident, "posts": posts,
            "collection": collection, "models": models,
            "authors": len({(p["platform"], p["author_id"]) for p in ev.posts})}


def _controls(text: str) -> tuple[str, list[str]]:
    """``text`` with control characters other than line breaks, tabs and direction controls
    shown as ``[U+001B]`` (the page says so; direction controls keep their effect, with
    their own warning), and the controls found. The page promises texts as written, and
    took such characters out without a word (a moderator's review, 2026-12-06)."""
    found, out = set(), []
    for ch in text:
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t\r":
            found.add(f"U+{ord(ch):04X}")
            out.append(f"[U+{ord(ch):04X}]")
        else:
            out.append(ch)
    return "".join(out), sorted(found)


def _bidi(text: str) -> list[str]:
    """The direction controls in ``text``, as ``U+202E``."""
    return sorted({f"U+{ord(ch):04X}" for ch in text or "" if ch in BIDI_CONTROLS})


def render_html(ev: Evidence, made: str) -> str:
    """The pack's ``evidence.html``: one self-contained page, escaped and print-ready."""
    view = _view(ev)
    return _env.get_template("evidence.html").render(
        **view, page_title=shown_id(f"Evidence: {ev.title}"), made=readable_time(made),
        version=__version__, left_out=LEFT_OUT)
