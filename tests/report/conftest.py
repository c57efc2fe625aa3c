"""The bundled demo, imported and scored once for the report tests that read it."""

from __future__ import annotations

import pytest

from kindscope.commands.report import demo_path
from kindscope.ingest import import_sources
from kindscope.report.build import build_report
from kindscope.signals.store_scoring import score_store
from kindscope.store.db import Store
from kindscope.store.read import read_model


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> dict:
    """The demo's report, and facts to check it by: the accounts the read model reads as
    hostile; and, from the plain tables rather than the read model's views, per account the
    posts aimed at the owner read as toxic or hateful (``either``), the accounts with exactly
    one such post (``one``), and the owner's posts read as crisis."""
    store = Store(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    try:
        import_sources(store, [str(demo_path())])
        score_store(store)
        rm = read_model(store)
        try:
            hostile = set(rm.hostile_accounts())
            t = rm.thresholds
            # from the plain tables, not the read model's views: replies to the owner (by
            # account or parent) and mentions of the owner by id (the demo's handles are ids)
            either = dict(store.rows("""
                WITH s AS (SELECT post_id, max(score) FILTER (signal = 'toxicity') AS tox,
                                  max(score) FILTER (signal = 'hate') AS hate
                           FROM signal_scores WHERE model_version = ? GROUP BY post_id)
                SELECT p.author_id, count(*) FROM posts p JOIN s USING (post_id)
                LEFT JOIN posts parent ON parent.post_id = p.reply_to_post_id
                WHERE p.author_id <> ? AND p.kind = 'post' AND p.created_at IS NOT NULL
                  AND (p.reply_to_account_id = ? OR parent.author_id = ?
                       OR list_contains(list_transform(coalesce(p.mentions, []),
                                        lambda x: lower(ltrim(x, '@'))), lower(?)))
                  AND (s.tox >= ? OR s.hate >= ?)
                GROUP BY 1""", [rm.model_version, rm.me, rm.me, rm.me, rm.me,
                                t["toxicity"], t["hate"]]))
            one = {a for a, n in either.items() if n == 1}
            crisis = {p for (p,) in store.rows(
                "SELECT p.post_id FROM posts p JOIN signal_scores s USING (post_id) "
                "WHERE p.author_id = ? AND s.model_version = ? AND s.signal = 'crisis' "
                "AND s.score >= ?", [rm.me, rm.model_version, t["crisis"]])}
        finally:
            rm.close()
        return {"report": build_report(store), "hostile": hostile, "one": one,
                "either": either, "crisis": crisis}
    finally:
        store.close()
