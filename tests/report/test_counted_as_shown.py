"""Each figure on the report's pages counts what its label says, on the bundled demo (scored
by the shipped model): shares name the posts they are of, lists say how much they hold, a
post read as both toxic and hateful is counted once, and the owner's own posts read as
crisis open behind a content note."""

from __future__ import annotations

import re

from markupsafe import escape

from kindscope.report import render_html
from kindscope.report.figures import GROUP_NAMES

# the demo fixture: tests/report/conftest.py


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start + 1)
    return page[start:end if end > 0 else len(page)]


def test_a_share_names_the_posts_it_is_of(demo):
    """'Answered within 7 days' is a share of the posts a week old at the end of the data,
    and its label counts those; the page says how many newer posts are left out."""
    report = demo["report"]
    groups = report["void_rate"]["groups"]
    section = _section(render_html(report), "void")
    for g in groups:
        if g["eligible_7d"]:
            assert f"{GROUP_NAMES[g['group']]} ({g['eligible_7d']})" in section
    newer = sum(g["posts"] for g in groups) - sum(g["eligible_7d"] for g in groups)
    assert newer > 0  # the demo ends less than a week after some of Sam's posts
    assert f"{newer} newer post" in section and "not in the 7-day column" in section


def test_every_unanswered_painful_post_is_listed(demo):
    """The list under 'Did anyone answer?' holds every painful post with no reply in 7 days
    (the newest five shown, the rest folded), and says how many there are."""
    report = demo["report"]
    void = report["void_rate"]
    total = next(g["unanswered_7d"] for g in void["groups"] if g["group"] == "distress")
    listed = void["unanswered_distress"]
    from kindscope.report.html import MAX_EXAMPLES as shown

    assert total > shown and len(listed) == total
    section = _section(render_html(report), "void")
    assert f"{total} posts with no answer from anyone else within 7 days" in section
    assert f"Show the other {total - shown}" in section
    for post in listed:  # those read as crisis behind a content note, like every example
        assert str(escape(post["text"])) in section
    folded = section[section.index("Show the other"):]
    assert len(re.findall("<blockquote", folded)) == total - shown


def test_a_post_read_as_toxic_and_hateful_counts_once(demo):
    """'Harshness aimed at you' gives the posts read as either, once each, as the read
    model counts them, in total and per named account."""
    harsh = demo["report"]["toxicity_received"]
    either = demo["either"]
    assert harsh["hostile"] == sum(either.values())
    both = harsh["toxic"] + harsh["hateful"] - harsh["hostile"]
    assert both > 0  # some of the demo's harassment reads as both
    for account in harsh["by_account"]:
        assert account["hostile"] == either[account["account_id"]]
    section = _section(render_html(demo["report"]), "toxicity")
    assert f"{harsh['hostile']} read as toxic or hateful" in section
    assert f"({both} as both)" in section


def test_own_posts_read_as_crisis_open_behind_a_content_note(demo):
    own = demo["report"]["own_moments"]
    flagged = {p["post_id"] for p in own["posts"] if p["crisis"]}
    listed = {p["post_id"] for p in own["posts"]}
    assert flagged and flagged == demo["crisis"] & listed
    section = _section(render_html(demo["report"]), "own-moments")
    summary = section[section.index("<summary>"):section.index("</summary>")]
    assert "Content note" in summary


def test_the_time_chart_says_time_not_hours():
    """Times under an hour are shown in minutes, so the chart is not titled in hours."""
    from kindscope.report.figures import _times

    for answers in (True, False):
        chart = _times({"times": [{"group": "distress", "kind": "any", "median_hours": 0.5}]},
                       answers)
        assert "30 min" in chart.description and "hours" not in chart.title.lower()


def test_a_bar_is_named_in_words_never_by_its_colour_key():
    """A screen reader hears a bar's row and value, and the bar's name where a row has
    several; the series is a colour key ("distress" was read out beside "community 2")."""
    from kindscope.report.charts import Bar, Row, bar_chart

    one = bar_chart("c", "t", "d", [Row("community 2", (Bar("distress", 8, "8 of yours"),))])
    assert [m.tooltip for m in one.marks] == ["community 2: 8 of yours"]
    two = bar_chart("c", "t", "d", [Row("2024-01", (Bar("upbeat", 0.3, "30%", "upbeat"),
                                                    Bar("distress", 0.5, "50%", "painful")))])
    assert [m.tooltip for m in two.marks] == ["2024-01, upbeat: 30%", "2024-01, painful: 50%"]


def test_a_report_from_before_hostile_was_counted_says_no_false_none(demo):
    """A report.json of schema 1.2.0 has no ``hostile`` count: its page gives the toxic and
    hateful counts as they are, never "none read as toxic or hateful"."""
    import copy

    old = copy.deepcopy(demo["report"])
    harsh = old["toxicity_received"]
    del harsh["hostile"]
    for account in harsh["by_account"]:
        del account["hostile"]
    section = _section(render_html(old), "toxicity")
    assert "none read as" not in section
    assert f"{harsh['toxic']} read as toxic and {harsh['hateful']} as hateful" in section
    assert "<td class=\"n\">–</td>" in section


def test_one_own_post_read_as_crisis_is_named_as_one(demo):
    import copy

    one = copy.deepcopy(demo["report"])
    crisis = next(p for p in one["own_moments"]["posts"] if p["crisis"])
    one["own_moments"].update(count=1, posts=[crisis])
    section = _section(render_html(one), "own-moments")
    summary = section[section.index("<summary>"):section.index("</summary>")]
    assert ("Content note: kindscope’s model read this post as possibly about wanting to die"
            in summary and "(it can be wrong)" in summary and "Show it" in summary)
    assert "1 post or reply of yours" in section


def test_void_totals_are_worked_out_once_in_the_view():
    """The section's totals come from ``view.void_totals``, not sums in the template: posts
    too new for each column, and painful posts unanswered, over the groups."""
    from kindscope.report.view import void_totals

    m = {"available": True, "groups": [
        {"group": "distress", "posts": 5, "eligible_24h": 4, "eligible_7d": 2,
         "unanswered_7d": 1},
        {"group": "upbeat", "posts": 3, "eligible_24h": 3, "eligible_7d": 3,
         "unanswered_7d": 2},
    ]}
    counts = void_totals(m)
    assert (counts.judged_day, counts.young_day, counts.young_week,
            counts.unanswered_distress) == (7, 1, 3, 1)
    assert void_totals({"available": False, "reason": "no replies"}) is None
    assert void_totals(None) is None
