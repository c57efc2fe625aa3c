"""A report on scores another model read says so once, with the command that reads them
again: since model 2026.12.23 the death-wish rule's reading is stored beside the signals,
and scores of an earlier model have none, so a reply with such words could count as an
answer. `report` does not score, so a database scored before an upgrade keeps them."""

from __future__ import annotations

from storedata import read_every_post
from test_network_review import network_lines
from test_network_safety_sections import store_from

from kindscope.report import build_report, render_html
from kindscope.report.view import unscored_words
from kindscope.signals import MODEL_VERSION

OLD = "minilm4ft-s9-stack-2026.12.22"
SAID = f"These posts were read by an earlier version of kindscope's model ({OLD}), not"


def test_scores_of_another_model_are_said_once_on_the_page(tmp_path):
    store = store_from(tmp_path, network_lines(replies=True))
    read_every_post(store, version=OLD)
    report = build_report(store)
    source = report["source"]
    assert source["model_version"] == OLD
    assert source["installed_model"] == MODEL_VERSION
    words = unscored_words(source)
    assert words.startswith(f"{SAID} the one installed") and "`kindscope score`" in words
    page = render_html(report).replace("&#39;", "'")
    assert page.count(SAID) == 1


def test_scores_of_the_installed_model_say_nothing_of_it(tmp_path):
    store = store_from(tmp_path, network_lines(replies=True))
    read_every_post(store, version=MODEL_VERSION)
    report = build_report(store)
    assert report["source"]["model_version"] == report["source"]["installed_model"]
    assert unscored_words(report["source"]) is None
    assert "These posts were read by" not in render_html(report)
