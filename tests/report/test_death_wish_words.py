"""The report's page says replies with words that tell the owner to die where it counts
answers, kindness and harshness (a review, 2026-12-06: such replies were no answer, but the
page said the posts "got only replies that read as toxic or hateful", and "Kindness you
received" did not mention them)."""

from __future__ import annotations

from storedata import add_rule_readings, add_scores
from test_network_safety_sections import store_from

from kindscope.report import build_report, render_html

WISH = "kill yourself then, nobody would miss you"


def _lines() -> list[dict]:
    lines = [{"type": "meta", "owner": "me", "taken_at": "2024-06-01T00:00:00Z"},
             {"type": "account", "id": "me", "handle": "me"}]
    for i in range(2):
        lines.append({"id": f"d{i}", "author": "me", "text": "everything hurts, so tired",
                      "created_at": f"2024-05-0{i + 1}T09:00:00Z"})
        lines.append({"id": f"w{i}", "author": f"troll{i}", "text": WISH, "reply_to": f"d{i}",
                      "reply_to_author": "me", "created_at": f"2024-05-0{i + 1}T10:00:00Z"})
    return lines


def test_the_page_says_death_wishes_where_it_counts_answers_and_kindness(tmp_path):
    store = store_from(tmp_path, _lines())
    rows = [(f"d{i}", "distress", 0.9) for i in range(2)]
    rows += [(f"w{i}", s, v) for i in range(2)
             for s, v in (("toxicity", 0.4), ("crisis", 0.63), ("support", 0.3))]
    add_scores(store, rows, platform="generic")
    add_rule_readings(store)  # as `kindscope score` stores them beside the scores
    report = build_report(store)
    assert report["kindness_received"]["wish_words"] == 2
    d = {g["group"]: g for g in report["void_rate"]["groups"]}["distress"]
    assert (d["unanswered_7d"], d["hostile_only_7d"]) == (2, 2)
    page = " ".join(render_html(report).split())
    assert ("2 posts with no answer in 7 days got only replies that read as toxic or "
            "hateful, or use words that tell someone to die") in page
    assert "neither do replies that read as toxic or hateful, or use words that tell " \
        "someone to die: abuse is not an answer" in page
    assert "2 of these replies use words that tell you to die." in page
    # a rule over words: it says it cannot always tell them aimed from quoted
    assert "cannot always tell such words aimed at you from words someone quotes to you" \
        in page
    assert "2 more posts use words that tell you to die." in page


def test_none_found_says_what_a_pile_on_is(tmp_path):
    """"No pile-on ... no burst, within hours, of hostile replies from several accounts"
    did not say how many, so three insults in five minutes under a painful post read as
    something kindscope missed (a review, 2026-12-06): the page gives the rule."""
    from kindscope.safety.incidents import PILEON_ACCOUNTS, PILEON_POSTS, PILEON_WINDOW

    store = store_from(tmp_path, _lines())
    rows = [(f"d{i}", "distress", 0.9) for i in range(2)]
    rows += [(f"w{i}", "toxicity", 0.9) for i in range(2)]
    add_scores(store, rows, platform="generic")
    add_rule_readings(store)
    page = " ".join(render_html(build_report(store)).split())
    assert (f"No pile-on aimed at you was found among the posts that were read: no "
            f"{PILEON_POSTS} or more hostile replies or mentions within "
            f"{PILEON_WINDOW.total_seconds() / 3600:g} hours from "
            f"{PILEON_ACCOUNTS} or more accounts outside your follow network.") in page
