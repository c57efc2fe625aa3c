"""The report's charts, worked out from report.json (templates draw them, see charts.py)."""

from __future__ import annotations

from kindscope.report.charts import Bar, Chart, Row, bar_chart
from kindscope.report.view import Periods, abuse_is_no_answer, periods

__all__ = ["GROUP_NAMES", "SUPPORT_NAMES", "pct", "hours", "figures", "compared", "time_label"]

GROUP_NAMES = {"distress": "painful posts", "upbeat": "upbeat posts", "other": "other posts"}
#: What the report calls each support signal's figure.
SUPPORT_NAMES = {"support": "supportive", "support_er": "warmth (emotional reaction)",
                 "support_ip": "understanding", "support_ex": "asking about you"}


def pct(value: float | None) -> str:
    """A share as a whole percentage; one that rounds to 0% or 100% but is not says so
    ("<1%", ">99%"): "1 of 527 read as supportive" beside "0%" read as a contradiction."""
    if value is None:
        return "–"
    if 0 < value < 0.005:
        return "<1%"
    if 0.995 <= value < 1:
        return ">99%"
    return f"{100 * value:.0f}%"


def hours(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 60:.0f} min" if value < 1 else f"{value:.1f} h"


def _void(m: dict) -> Chart:
    # the share is of the posts a week old by the end of the data: count those
    rows = [Row(f"{GROUP_NAMES[g['group']]} ({g['eligible_7d']})",
                (Bar(g["group"], 1 - (g["rate_7d"] or 0),
                     pct(None if g["rate_7d"] is None else 1 - g["rate_7d"])),))
            for g in m["groups"] if g["eligible_7d"]]
    return bar_chart("void-chart", "Answered within 7 days",
                     "; ".join(f"{r.label}: {r.bars[0].text} answered" for r in rows), rows, 1.0)


def time_label(t: dict, answers: bool = True) -> str:
    """A row of "How long until someone answered?"; ``answers``: ``abuse_is_no_answer``."""
    first = "any answer" if answers else "any reply"
    return f"{GROUP_NAMES[t['group']]}, {first if t['kind'] == 'any' else 'kind reply'}"


def _times(m: dict, answers: bool) -> Chart:
    rows = [Row(time_label(t, answers), (Bar(t["group"], t["median_hours"] or 0,
                                             hours(t["median_hours"])),)) for t in m["times"]]
    return bar_chart("time-chart", f"Median time to the first {'answer' if answers else 'reply'}",
                     "; ".join(f"{r.label}: {r.bars[0].text}" for r in rows), rows)


def _gap(m: dict) -> Chart | None:
    if m.get("distress_mean") is None or m.get("upbeat_mean") is None:
        return None
    rows = [Row("painful posts", (Bar("distress", m["distress_mean"],
                                      f"{m['distress_mean']:.1f}"),)),
            Row("upbeat posts", (Bar("upbeat", m["upbeat_mean"], f"{m['upbeat_mean']:.1f}"),))]
    return bar_chart("gap-chart", "Mean engagement per post",
                     f"painful {m['distress_mean']:.1f}, upbeat {m['upbeat_mean']:.1f}", rows)


def _received(m: dict) -> Chart:
    mech = m.get("mechanism_shares") or {}
    items = [(SUPPORT_NAMES["support"], "support", m.get("supportive_share")),
             *((SUPPORT_NAMES[s], "support", mech.get(s))
               for s in ("support_er", "support_ip", "support_ex")),
             ("toxic", "toxic", m.get("toxic_share"))]
    rows = [Row(label, (Bar(series, value or 0, pct(value)),)) for label, series, value in items]
    return bar_chart("received-chart", "How the replies to your painful posts read",
                     "; ".join(f"{r.label}: {r.bars[0].text}" for r in rows), rows, 1.0)


def stage_periods(m: dict) -> Periods:
    return periods(m.get("months") or [], ("posts", "upbeat", "distress"),
                   {"upbeat_share": "upbeat", "distress_share": "distress"})


def _stage(p: Periods) -> Chart:
    rows = [Row(f"{x['period']} ({x['posts']})",
                (Bar("upbeat", x["upbeat_share"] or 0, pct(x["upbeat_share"]), "upbeat"),
                 Bar("distress", x["distress_share"] or 0, pct(x["distress_share"]),
                     "painful")))
            for x in p.rows]
    return bar_chart("stage-chart", f"Upbeat vs painful share per {p.unit}",
                     "; ".join(f"{x['period']}: upbeat {pct(x['upbeat_share'])}, painful "
                               f"{pct(x['distress_share'])}" for x in p.rows), rows, 1.0)


def tox_periods(m: dict) -> Periods:
    return periods(m.get("by_month") or [], ("aimed_at_me", "toxic", "hateful"))


def _tox(p: Periods) -> Chart:
    rows = [Row(x["period"], (Bar("toxic", x["toxic"], str(x["toxic"]), "toxic"),
                              Bar("hate", x["hateful"], str(x["hateful"]), "hateful")))
            for x in p.rows]
    return bar_chart("tox-chart", f"Toxic and hateful replies per {p.unit}",
                     "; ".join(f"{r.label}: {r.bars[0].text} toxic, {r.bars[1].text} hateful"
                               for r in rows), rows)


def compared(m: dict) -> bool:
    """Whether every group of the no-response metric has enough posts to compare."""
    groups = m.get("groups") or []
    least = m.get("minimum_posts") or 5
    return bool(groups) and all((g.get("posts") or 0) >= least and g.get("share") is not None
                                for g in groups)


def _no_response(m: dict) -> Chart | None:
    groups = m.get("groups") or []
    if not compared(m):
        return None
    rows = [Row(f"{GROUP_NAMES.get(g['group'], g['group'])} ({g['posts']})",
                (Bar(g["group"], g["share"], pct(g["share"])),)) for g in groups]
    return bar_chart("no-response-chart", "Share of posts that got no response at all",
                     "; ".join(f"{r.label}: {r.bars[0].text} got no response" for r in rows),
                     rows, 1.0)


def _communities(c: dict) -> Chart | None:
    rows = c.get("around_me") or []
    if not c.get("available") or len(rows) < 2:
        return None
    bars = [Row(f"community {r['community']}",
                (Bar("other", r["my_ties"], f"{r['my_ties']} of yours"),)) for r in rows]
    return bar_chart("community-chart", "Your ties per community",
                     "; ".join(f"community {r['community']} ({r['name']}): {r['size']} "
                               f"people, {r['my_ties']} of your ties" for r in rows), bars)


def figures(report: dict) -> dict:
    """Every chart and grouped table the page shows, by name (absent when not shown)."""
    out: dict = {}

    def on(key: str) -> dict | None:
        m = report.get(key)
        return m if m and m.get("available") else None

    if m := on("void_rate"):
        out["void"] = _void(m)
    if m := on("time_to_reply"):
        out["times"] = _times(m, abuse_is_no_answer(report))
    if (m := on("kindness_gap")) and (chart := _gap(m)):
        out["gap"] = chart
    if (m := on("kindness_received")) and m.get("replies"):
        out["received"] = _received(m)
    if m := on("front_back_stage"):
        out["stage_periods"] = stage_periods(m)
        out["stage"] = _stage(out["stage_periods"])
    if (m := on("toxicity_received")) and m.get("by_month"):
        out["tox_periods"] = tox_periods(m)
        out["tox"] = _tox(out["tox_periods"])
    if (m := on("no_response")) and (chart := _no_response(m)):
        out["no_response"] = chart
    network = report.get("network") or {}
    if network.get("available") and (chart := _communities(network.get("communities") or {})):
        out["communities"] = chart
    return out
