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
    """The demo's report, and facts read straight from the read model to check it by: the
    accounts read as hostile, the accounts with exactly one post aimed at the owner read as
    toxic or hateful, per account the posts aimed at the owner read as either, and the
    owner's posts read as crisis."""
    store = Store(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    try:
        import_sources(store, [str(demo_path())])
        score_store(store)
        rm = read_model(store)
        try:
            hostile = set(rm.hostile_accounts())
            one = {a for (a,) in rm.rows(
                "SELECT author_id FROM {p}_aimed_by_author WHERE hostile = 1")}
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
            crisis = {p for (p,) in rm.rows(
                "SELECT post_id FROM {p}_read r, {p}_params k WHERE r.author_id = k.me "
                "AND r.is_crisis")}
        finally:
            rm.close()
        return {"report": build_report(store), "hostile": hostile, "one": one,
                "either": either, "crisis": crisis}
    finally:
        store.close()
