"""Other people's painful posts never go into report.json or report.html (files people
share): the report's care section is a count about the user only. On the bundled demo,
whose last three days hold unanswered painful posts of friends (training/build_demo.py)."""

from __future__ import annotations

import json

from kindscope.care.queue import care_queue
from kindscope.commands.report import demo_path
from kindscope.ingest import import_sources
from kindscope.report import write_report
from kindscope.report.build import build_report
from kindscope.store.db import Store
from kindscope.store.read import read_model


def _demo(tmp_path, signals: tuple[str, ...], budget: int):
    """The demo with every post read at 0.9 on ``signals``: its care queue and its report."""
    store = Store(tmp_path / "demo.duckdb")
    try:
        import_sources(store, [str(demo_path())])
        for signal in signals:
            store.execute("INSERT INTO signal_scores SELECT platform, post_id, ?, 0.9, "
                          "'test-1' FROM posts", [signal])
        rm = read_model(store)
        queue = care_queue(rm, budget=budget)
        rm.close()
        return queue, build_report(store)
    finally:
        store.close()


def test_nothing_of_the_queue_in_the_report(tmp_path):
    queue, report = _demo(tmp_path, ("distress",), 100)  # every post reads as painful
    assert queue.items, "the demo's care scene should give a queue"
    json_path, html_path = write_report(report, tmp_path / "out")
    shared = json_path.read_text(encoding="utf-8") + html_path.read_text(encoding="utf-8")
    for item in queue.items:
        assert item.post_id not in shared
        assert item.text not in shared
        for more in item.continuations:
            assert more["text"] not in shared
    care = json.loads(json_path.read_text(encoding="utf-8"))["care"]
    assert care["unanswered_in_circle"] == len(queue.items) and care["command"]
    assert set(care) == {"available", "reason", "window_days", "budget",
                         "unanswered_in_circle", "not_read_in_circle", "command"}
    assert isinstance(care["not_read_in_circle"], int)  # a count, never the posts


def test_the_count_holds_the_threads_that_may_read_as_a_crisis(tmp_path):
    """Threads that may read as a crisis are listed whatever the budget; the report's count
    once left exactly them out (it counted those held back by a budget of 0)."""
    queue, report = _demo(tmp_path, ("distress", "crisis"), 0)
    assert queue.items and queue.held_back == 0  # every waiting thread may read as a crisis
    assert report["care"]["unanswered_in_circle"] == queue.waiting == len(queue.items)
