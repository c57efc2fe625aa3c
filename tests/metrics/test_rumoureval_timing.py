"""Reply timing checked against real reply trees: RumourEval 2017 traindev
(../shared/data/rumoureval2017-threads; annotations CC-BY 4.0).

The trees have no authors and some nodes have no text or time: the loader below makes each
source tweet a post of "me", each direct reply a post of a distinct other account, and
skips nodes missing from posts.json. The expected times are computed directly from the
tree files, independently of kindscope's metric code.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from kindscope.metrics import time_to_reply, void_rate
from kindscope.store.db import Store
from kindscope.store.read import read_model

TREES = (Path(__file__).resolve().parents[3] / "shared" / "data" / "rumoureval2017-threads"
         / "traindev")
pytestmark = pytest.mark.skipif(not TREES.exists(), reason="../shared/data/rumoureval missing")


def _trees():
    posts = json.loads((TREES / "posts.json").read_text())
    structures = json.loads((TREES / "structures.json").read_text())
    return posts, structures


def _expected_first_reply_hours(posts, structures) -> dict[str, float | None]:
    first = {}
    for tree in structures.values():
        for source, children in tree.items():
            if source not in posts:
                continue
            times = [posts[c]["time"] for c in (children or {}) if c in posts]
            later = [t - posts[source]["time"] for t in times if t >= posts[source]["time"]]
            first[source] = min(later) / 3600 if later else None
    return first


def _load(posts, structures) -> Store:
    store = Store(":memory:")
    store.execute("INSERT INTO snapshots VALUES ('s', 'generic', 'rumoureval', 'generic', 'me', "
                  "NULL, now(), NULL)")
    rows, scores = [], []
    for tree in structures.values():
        for source, children in tree.items():
            if source not in posts:
                continue
            rows.append((source, "me", posts[source]["time"], None))
            scores.append((source, "distress", 0.9))
            for child in children or {}:
                if child in posts:
                    rows.append((child, f"acct-{child}", posts[child]["time"], source))
    for post_id, author, ts, parent in rows:
        store.execute("INSERT INTO posts (platform, post_id, author_id, created_at, kind, "
                      "reply_to_post_id) VALUES ('generic', ?, ?, ?, 'post', ?)",
                      [post_id, author, datetime.fromtimestamp(ts, UTC), parent])
    for post_id, signal, score in scores:
        store.execute("INSERT INTO signal_scores VALUES ('generic', ?, ?, ?, 'test')",
                      [post_id, signal, score])
    return store


def test_time_to_first_reply_matches_the_trees():
    posts, structures = _trees()
    expected = _expected_first_reply_hours(posts, structures)
    answered = np.array([h for h in expected.values() if h is not None])
    assert len(expected) > 250 and len(answered) > 250
    store = _load(posts, structures)
    corpus = read_model(store)
    times = {(t.group, t.kind): t for t in time_to_reply(corpus).times}
    got = times[("distress", "any")]
    assert got.posts == len(expected)
    assert got.answered == len(answered)
    q1, med, q3 = np.percentile(answered, [25, 50, 75])
    assert got.median_hours == pytest.approx(med, abs=1e-6)
    assert got.q1_hours == pytest.approx(q1, abs=1e-6)
    assert got.q3_hours == pytest.approx(q3, abs=1e-6)
    void = {g.group: g for g in void_rate(corpus).groups}["distress"]
    end = max(p["time"] for p in posts.values())
    eligible = [s for s in expected if end - posts[s]["time"] >= 24 * 3600]
    silent = [s for s in eligible if expected[s] is None or expected[s] > 24]
    assert (void.eligible_24h, void.unanswered_24h) == (len(eligible), len(silent))
    store.close()
