"""One rule for "me": `kindscope network --platform P` and the community scans chose the
owner their own way (the newest import's owner, a placeholder such as a Mastodon CSV's
"self" too) while the report and every other command take ``read.newest_owner`` (a real
owner before a placeholder): on a store with an API import and a later CSV export of the
same account, `network --platform mastodon` looked at "self" and `report` at the account."""

from __future__ import annotations

from storedata import add_snapshot

from kindscope.graph.analysis import owner_read_model
from kindscope.store.community import anchor_account
from kindscope.store.db import Store
from kindscope.store.read import read_model


def _store() -> Store:
    store = Store(":memory:")
    add_snapshot(store, "api", platform="mastodon", owner="109")  # the account, by the API
    add_snapshot(store, "csv", platform="mastodon", owner="self")  # a later CSV export
    return store


def test_network_with_a_platform_reads_the_owner_the_report_reads():
    store = _store()
    report_rm = read_model(store)
    network_rm = owner_read_model(store, None, "mastodon")
    try:
        assert report_rm.me == "109"
        assert network_rm.me == report_rm.me
    finally:
        network_rm.close()
        report_rm.close()


def test_the_community_scans_anchor_on_the_same_owner():
    assert anchor_account(_store(), "mastodon") == "109"
