"""report.html: one self-contained page (inline CSS and SVG, no script, no network).

Every piece of text that comes from data — posts, handles, names, file names — passes
through ``html.escape``: a post containing markup shows as text and never runs.
"""

from __future__ import annotations

from html import escape

from kindscope.care.signposting import Signposting, signposting
from kindscope.report.charts import Bar, Row, grouped_bars
from kindscope.report.html_network import network_html, safety_html

__all__ = ["render_html", "DEMO_NOTE"]

DEMO_NOTE = ("This is the bundled demo. Its conversations are assembled, not real: real public "
             "texts from permissively licensed research datasets were arranged into an "
             "invented community of invented accounts. See kindscope/demo/README.md.")

_CSS = """
:root{--fg:#1a1a1a;--bg:#fff;--muted:#555;--card:#f6f6f4;--line:#ddd}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg);margin:0 auto;max-width:46rem;padding:1rem}
h1{font-size:1.6rem;line-height:1.2}h2{font-size:1.25rem;margin-top:2rem}
.lead{font-size:1.25rem;font-weight:600}.muted{color:var(--muted)}
section{border-top:1px solid var(--line);padding-top:.5rem}
.card{background:var(--card);padding:.75rem 1rem;border-radius:.5rem}
.note{border-left:4px solid #E69F00;padding:.5rem .75rem;background:#fff8ea}
.chart{width:100%;height:auto;max-width:28rem;display:block;margin:.75rem 0}
.chart .lbl,.chart .val{font-size:13px;fill:#1a1a1a}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line)}
td.n,th.n{text-align:right}
blockquote{margin:.5rem 0;padding:.5rem .75rem;background:var(--card);white-space:pre-wrap;
overflow-wrap:anywhere}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
.legend span{display:inline-block;margin-right:1rem}
.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
code{font-size:.9em;overflow-wrap:anywhere;background:var(--card);padding:0 .2rem}
ul.handles{columns:2 12rem;padding-left:1.2rem;overflow-wrap:anywhere}
.incident{margin:.5rem 0}h3{font-size:1.05rem;margin-top:1.5rem}
footer{margin-top:2.5rem;border-top:2px solid var(--line);font-size:.95rem}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616;--muted:#aaa;--card:#242424;
--line:#444}.chart .lbl,.chart .val{fill:#eee}.note{background:#2a2416}}
"""

_GROUP_NAMES = {"distress": "painful posts", "upbeat": "upbeat posts", "other": "other posts"}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _hours(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 60:.0f} min" if value < 1 else f"{value:.1f} h"


def _p(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def _unavailable(metric: dict) -> str:
    return (_p(f"Not available: {metric.get('reason') or 'no data'}", "note")
            + _p(f"What it needs: {metric.get('needs', '')}", "muted"))


def _legend(*series: str) -> str:
    from kindscope.report.charts import PALETTE
    items = "".join(f'<span><i class="sw" style="background:{PALETTE[s]}"></i>'
                    f"{escape(_GROUP_NAMES.get(s, s))}</span>" for s in series)
    return f'<p class="legend" aria-hidden="true">{items}</p>'


def _example(example: dict) -> str:
    quote = f"<blockquote>{escape(example.get('text') or '')}</blockquote>"
    when = escape((example.get("created_at") or "")[:10])
    if example.get("crisis"):
        return ("<details><summary>Content note: this post may talk about wanting to die or "
                f"self-harm. Show it ({when})</summary>{quote}</details>")
    return f'<p class="muted">{when}</p>{quote}'


def _void(m: dict) -> str:
    out = ["<h2 id='void'>Did anyone answer?</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    rows = [Row(_GROUP_NAMES[g["group"]] + f" ({g['posts']})",
                (Bar(g["group"], 1 - (g["rate_7d"] or 0), _pct(None if g["rate_7d"] is None
                                                               else 1 - g["rate_7d"])),))
            for g in m["groups"] if g["posts"]]
    out.append(_p("Share of your posts that got a reply from someone else within 7 days "
                  "(replies to yourself do not count)."))
    out.append(grouped_bars("void-chart", "Answered within 7 days",
                            "; ".join(f"{r.label}: {r.bars[0].text} answered" for r in rows),
                            rows, 1.0))
    out.append("<table><thead><tr><th>posts</th><th class='n'>no reply in 24 h</th>"
               "<th class='n'>no reply in 7 days</th></tr></thead><tbody>")
    for g in m["groups"]:
        out.append(f"<tr><td>{escape(_GROUP_NAMES[g['group']])}</td>"
                   f"<td class='n'>{g['unanswered_24h']} of {g['eligible_24h']} "
                   f"({_pct(g['rate_24h'])})</td><td class='n'>{g['unanswered_7d']} of "
                   f"{g['eligible_7d']} ({_pct(g['rate_7d'])})</td></tr>")
    out.append("</tbody></table>")
    if m.get("unanswered_distress"):
        out.append("<h3>Painful posts that went unanswered</h3>")
        out.extend(_example(e) for e in m["unanswered_distress"])
    return "".join(out)


def _times(m: dict) -> str:
    out = ["<h2 id='time'>How long until someone answered?</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    rows = []
    for t in m["times"]:
        label = f"{_GROUP_NAMES[t['group']]}, {'any' if t['kind'] == 'any' else 'kind'} reply"
        rows.append(Row(label, (Bar(t["group"], t["median_hours"] or 0,
                                    _hours(t["median_hours"])),)))
    out.append(_p("Median time to the first reply and to the first supportive reply, over "
                  "the posts that got one."))
    out.append(grouped_bars("time-chart", "Median hours to first reply",
                            "; ".join(f"{r.label}: {r.bars[0].text}" for r in rows), rows))
    out.append("<table><thead><tr><th>posts</th><th class='n'>answered</th>"
               "<th class='n'>median</th><th class='n'>middle half</th></tr></thead><tbody>")
    for t, r in zip(m["times"], rows, strict=True):
        out.append(f"<tr><td>{escape(r.label)}</td><td class='n'>{t['answered']} of "
                   f"{t['posts']}</td><td class='n'>{_hours(t['median_hours'])}</td>"
                   f"<td class='n'>{_hours(t['q1_hours'])}–{_hours(t['q3_hours'])}</td></tr>")
    return "".join(out) + "</tbody></table>"


def _gap(m: dict, show_counts: bool) -> str:
    out = ["<h2 id='gap'>The kindness gap</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    sizes = f"({m['distress_posts']} painful and {m['upbeat_posts']} upbeat posts)"
    if m.get("ratio") is None:
        out.append(_p(f"{m.get('note') or 'Not enough data.'} {sizes}"))
    else:
        out.append(_p(
            f"Your painful posts got {m['ratio']:.2f} times the engagement (replies, likes, "
            f"reposts) of your upbeat posts; 95% interval {m['ci_low']:.2f} to "
            f"{m['ci_high']:.2f} {sizes}. Below 1 means painful posts got less.", "card"))
    if show_counts and m.get("distress_mean") is not None and m.get("upbeat_mean") is not None:
        rows = [Row("painful posts", (Bar("distress", m["distress_mean"],
                                          f"{m['distress_mean']:.1f}"),)),
                Row("upbeat posts", (Bar("upbeat", m["upbeat_mean"], f"{m['upbeat_mean']:.1f}"),))]
        out.append(grouped_bars("gap-chart", "Mean engagement per post",
                                f"painful {m['distress_mean']:.1f}, upbeat "
                                f"{m['upbeat_mean']:.1f}", rows))
    elif not show_counts:
        out.append(_p("Like and engagement counts are hidden (run with --show-counts to see "
                      "them).", "muted"))
    return "".join(out)


def _received(m: dict) -> str:
    out = ["<h2 id='received'>Kindness you received</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    if not m["replies"]:
        return "".join(out) + _p("No one else replied to your painful posts in this data.")
    mech = m.get("mechanism_shares") or {}
    rows = [Row("supportive", (Bar("support", m["supportive_share"] or 0,
                                   _pct(m["supportive_share"])),)),
            Row("warmth (emotional reaction)", (Bar("support", mech.get("support_er") or 0,
                                                     _pct(mech.get("support_er"))),)),
            Row("understanding", (Bar("support", mech.get("support_ip") or 0,
                                      _pct(mech.get("support_ip"))),)),
            Row("asking about you", (Bar("support", mech.get("support_ex") or 0,
                                         _pct(mech.get("support_ex"))),)),
            Row("toxic", (Bar("toxic", m["toxic_share"] or 0, _pct(m["toxic_share"])),))]
    out.append(_p(f"Of the {m['replies']} replies to your {m['distress_posts']} painful posts:"))
    out.append(grouped_bars("received-chart", "How the replies to your painful posts read",
                            "; ".join(f"{r.label}: {r.bars[0].text}" for r in rows), rows, 1.0))
    if m["top_responders"]:
        names = ", ".join("@" + r["handle"].lstrip("@") for r in m["top_responders"])
        out.append(_p(f"The people who showed up most often with kindness: {names}."))
    return "".join(out)


def _given(m: dict) -> str:
    out = ["<h2 id='given'>Kindness you gave</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    out.append(_p(f"You wrote {m['replies']} replies to other people. "
                  f"{_pct(m['supportive_share'])} of them read as supportive."))
    if m.get("to_distress_share") is not None:
        out.append(_p(f"{_pct(m['to_distress_share'])} of the replies whose original post is "
                      f"in the data ({m['replies_with_parent']}) answered someone in pain."))
    if m.get("median_reply_hours") is not None:
        out.append(_p(f"You usually answered within {_hours(m['median_reply_hours'])} "
                      f"(median over {m['replies_timed']} replies)."))
    if m.get("note"):
        out.append(_p(m["note"], "muted"))
    if m["toxic_replies"]:
        out.append(_p(f"A mirror, gently: {m['toxic_replies']} of your replies read as "
                      "harsh. Signals can misread jokes and friendly swearing; these are "
                      "worth a second look, not a verdict."))
        out.append("<details><summary>Show them</summary>"
                   + "".join(_example(e) for e in m["toxic_examples"]) + "</details>")
    return "".join(out)


def _after(m: dict) -> str:
    out = ["<h2 id='after'>After you opened up</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    if m.get("difference") is None:
        return "".join(out) + _p(m.get("note") or "Not enough data.")
    direction = "less" if m["difference"] < 0 else "more"
    out.append(_p(
        f"In the {m['weeks']} weeks after your first strongly distressed post "
        f"({escape((m['disclosure_at'] or '')[:10])}), your posts got {direction} engagement "
        f"than in the {m['weeks']} weeks before: a change of {m['difference']:+.2f} per post "
        f"(95% interval {m['ci_low']:+.2f} to {m['ci_high']:+.2f}; {m['before_posts']} posts "
        f"before, {m['after_posts']} after). An interval that spans 0 means no clear change.",
        "card"))
    return "".join(out)


def _stage(m: dict) -> str:
    out = ["<h2 id='stage'>Front stage and back stage</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    out.append(_p(f"Overall {_pct(m['upbeat_share'])} of your posts read as upbeat or "
                  f"self-promotion and {_pct(m['distress_share'])} as personal disclosure."))
    months = m["months"][-24:]
    rows = [Row(f"{x['month']} ({x['posts']})",
                (Bar("upbeat", x["upbeat_share"], _pct(x["upbeat_share"])),
                 Bar("distress", x["distress_share"], _pct(x["distress_share"]))))
            for x in months]
    out.append(_legend("upbeat", "distress"))
    out.append(grouped_bars("stage-chart", "Upbeat vs disclosure share per month",
                            "; ".join(f"{x['month']}: upbeat {_pct(x['upbeat_share'])}, "
                                      f"disclosure {_pct(x['distress_share'])}"
                                      for x in months), rows, 1.0))
    return "".join(out)


def _toxicity(m: dict) -> str:
    out = ["<h2 id='toxicity'>Harshness aimed at you</h2>"]
    if not m["available"]:
        return "".join(out) + _unavailable(m)
    out.append(_p(f"Of {m['aimed_at_me']} replies and mentions from others, {m['toxic']} read "
                  f"as toxic and {m['hateful']} as hateful."))
    if m["by_month"]:
        rows = [Row(x["month"], (Bar("toxic", x["toxic"], str(x["toxic"])),
                                 Bar("hate", x["hateful"], str(x["hateful"]))))
                for x in m["by_month"][-24:]]
        out.append(grouped_bars("tox-chart", "Toxic and hateful replies per month",
                                "; ".join(f"{r.label}: {r.bars[0].text} toxic, "
                                          f"{r.bars[1].text} hateful" for r in rows), rows))
    if m["by_account"]:
        out.append("<table><thead><tr><th>account</th><th class='n'>toxic</th>"
                   "<th class='n'>hateful</th></tr></thead><tbody>")
        for a in m["by_account"]:
            out.append(f"<tr><td>@{escape(a['handle'].lstrip('@'))}</td>"
                       f"<td class='n'>{a['toxic']}</td><td class='n'>{a['hateful']}</td></tr>")
        out.append("</tbody></table>")
    return "".join(out)


def _footer(help_: Signposting) -> str:
    lines = "".join(
        f"<li><strong>{escape(h.name)}</strong>: {escape(h.contact)}, {escape(h.hours)} "
        f"(<a href=\"{escape(h.url, quote=True)}\">{escape(h.url)}</a>)</li>"
        for h in help_.lines)
    return (
        "<footer><h2 id='limits'>What the signals can get wrong</h2>"
        + _p(help_.caveat)
        + _p("They were trained on public research data, mostly English. Sarcasm, in-jokes, "
             "dialects, reclaimed words and quiet pain are the usual misses. Use the "
             "figures as a prompt for reflection, never to judge a person.")
        + "<h2 id='help'>Where to find help</h2>" + _p(help_.intro)
        + f"<ul>{lines}</ul>"
        + _p(f"If you or someone else is in danger right now, call {help_.emergency}.")
        + _p(help_.find_more) + "</footer>")


def render_html(report: dict, show_counts: bool = False, country: str | None = None) -> str:
    """The whole report as one HTML string."""
    source = report["source"]
    me = source["me"].get("handle") or source["me"]["account_id"]
    summary = report["summary"]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>kindscope report for {escape(me)}</title><style>{_CSS}</style></head><body>",
        "<main><h1>How kind is your community to you, and you to it?</h1>",
        _p(f"@{me.lstrip('@')} on {source['platform']} · {source['my_posts']} of your posts "
           f"among {source['posts']} · signals: {source.get('model_version') or 'not scored'}",
           "muted"),
    ]
    if source.get("demo"):
        parts.append(_p(DEMO_NOTE, "note"))
    parts += ["<section aria-labelledby='summary'><h2 id='summary'>In short</h2>",
              _p(summary["sentence"], "lead")]
    if summary["lines"]:
        parts.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in summary["lines"])
                     + "</ul>")
    parts.append("</section>")
    sections = [_void(report["void_rate"]), _times(report["time_to_reply"]),
                _gap(report["kindness_gap"], show_counts), _received(report["kindness_received"]),
                _given(report["kindness_given"]), _after(report["after_disclosure"]),
                _stage(report["front_back_stage"]), _toxicity(report["toxicity_received"])]
    sections += [network_html(report.get("network")), safety_html(report.get("safety"))]
    parts += [f"<section>{s}</section>" for s in sections if s]
    parts.append(_footer(signposting(country)))
    parts.append("</main></body></html>\n")
    return "".join(parts)
