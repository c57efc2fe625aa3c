"""Files the user shares name each import by its file name, never its path (a path names
the user's home folder). Rows written by hand."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from storedata import add_post

from kindscope.store.db import Store
from kindscope.store.sources import shared_name

T = datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(("source", "name"), [
    ("/home/ana/Downloads/twitter-2024.zip", "twitter-2024.zip"),
    ("C:\\Users\\ana\\x.zip", "x.zip"),
    ("/home/ana/export/", "export"),
    ("archive.zip", "archive.zip"),
    ("/", "/"),  # a root has no name of its own: as given
    ("bluesky:ana.bsky.social", "bluesky:ana.bsky.social"),
    ("mastodon:@ana@example.social", "mastodon:@ana@example.social"),
])
def test_shared_name(source, name):
    assert shared_name(source) == name


def test_report_and_evidence_name_the_file_not_its_path(tmp_path):
    from kindscope.report.build import build_report
    from kindscope.safety.evidence import collect_account

    store = Store(":memory:")
    store.execute("INSERT INTO snapshots VALUES ('s1', 'generic', '/home/ana/secret/me.jsonl', "
                  "'generic', 'me', ?, ?, NULL)", [T, T])
    add_post(store, "p1", "me", T, "hello", platform="generic")
    add_post(store, "p2", "ben", T, "hi", reply_to="p1", reply_to_account="me",
             platform="generic")
    for post_id in ("p1", "p2"):
        store.execute("INSERT INTO post_sources VALUES ('generic', ?, 's1')", [post_id])
    report = build_report(store, me="me")
    assert [s["source"] for s in report["source"]["snapshots"]] == ["me.jsonl"]
    pack = collect_account(store, "ben")
    assert [c["source"] for c in pack.collection] == ["me.jsonl"]
    assert "/home/ana" not in repr(pack)
