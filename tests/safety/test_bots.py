"""The bot model: adapters per platform, scores with reasons, waves, block lists, CLI.

Profiles: the Bluesky AppView fixture (recorded response), the TwiBot-20 sample (real
Twitter v1.1 user objects) and a Mastodon account written by hand in the API's shape.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kindscope.safety import (
    ListedAccount,
    follow_waves,
    from_any,
    id_handle_blocklist,
    mastodon_blocklist,
    score_profile,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
BSKY = SHARED / "fixtures" / "bluesky" / "appview" / "get_follows.json"
CRESCI = SHARED / "data" / "bot-cresci-rtbust-2019" / "cresci-rtbust-2019"
TWIBOT = SHARED / "data" / "twibot20-sample" / "TwiBot-20_sample.json"
MASTODON = {"id": "1", "username": "bob", "acct": "bob@example.social",
            "display_name": "Bob", "note": "<p>I like cats</p>",
            "uri": "https://example.social/users/bob",
            "avatar": "https://example.social/avatars/original/missing.png",
            "header": "https://example.social/headers/original/missing.png",
            "created_at": "2024-01-01T00:00:00.000Z", "followers_count": 3,
            "following_count": 900, "statuses_count": 5000}
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def test_mastodon_adapter():
    p = from_any(MASTODON, NOW)
    assert (p.platform, p.handle, p.description) == ("mastodon", "bob", "I like cats")
    assert p.default_avatar and not p.has_banner and p.following_count == 900


@pytest.mark.skipif(not BSKY.exists(), reason="../shared fixtures not present")
def test_bluesky_adapter():
    view = json.loads(BSKY.read_text())["follows"][0]
    p = from_any(view, NOW)
    assert p.platform == "bluesky" and p.account_id.startswith("did:")
    assert not p.default_avatar and p.created_at.year == 2022


@pytest.mark.skipif(not TWIBOT.exists(), reason="../shared data not present")
def test_twitter_adapter_and_scores_in_range():
    users = json.loads(TWIBOT.read_text())[:20]
    for u in users:
        p = from_any(u["profile"])
        assert p.platform == "x" and p.handle == p.handle.strip()
        s = score_profile(p)
        assert 0.0 <= s.bot <= 1.0 and 1 <= len(s.reasons) <= 3


@pytest.mark.skipif(not CRESCI.exists(), reason="../shared data not present")
def test_shipped_model_on_the_held_apart_fifth():
    """Re-scores, with the shipped JSON artifact, the fifth of cresci-rtbust the training
    script held apart (same seed) — the model card's held-apart AUC."""
    pytest.importorskip("sklearn")
    import sys

    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    from kindscope.safety.bots import MODEL_PATH, _contributions, _load
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))
    import train_bots

    x, y, _ = train_bots.load(CRESCI.parent)
    _, x_held, _, y_held = train_test_split(x, y, test_size=0.2, stratify=y,
                                            random_state=train_bots.SEED)
    model = _load(str(MODEL_PATH))
    logits = [_contributions(model, list(row))[0] for row in x_held]
    assert roc_auc_score(y_held, logits) >= 0.80


def test_unknown_shape_is_an_input_error():
    from kindscope.errors import InputError
    with pytest.raises(InputError, match="not a Twitter"):
        from_any({"hello": 1}, where="f.jsonl: line 1")


def test_follow_waves():
    t = datetime(2024, 1, 1, tzinfo=UTC)
    follows = [(f"w{i}", t + timedelta(seconds=30 * i)) for i in range(6)]
    follows += [("lone", t + timedelta(days=1)), ("nodate", None)]
    waves = follow_waves(follows, bot_scores={"w0": 0.9, "w1": 0.2})
    assert len(waves) == 1 and waves[0].follower_ids[0] == "w0"
    assert waves[0].bot_share == 0.5


def test_blocklists():
    accounts = [ListedAccount("mastodon", "https://h.social/users/a", "a@h.social"),
                ListedAccount("mastodon", "x", "nohost")]
    assert mastodon_blocklist(accounts) == "a@h.social\n"
    text = id_handle_blocklist([ListedAccount("bluesky", "did:plc:abc", "@a.bsky.social")])
    assert text == ("account_id,handle,profile_url\n"
                    "did:plc:abc,a.bsky.social,https://bsky.app/profile/did:plc:abc\n")


def test_bots_cli_keeps_input_order(tmp_path, run):
    profiles = tmp_path / "p.jsonl"
    rows = [MASTODON, {"did": "did:plc:z", "handle": "z.bsky.social", "followersCount": 1},
            {"screen_name": "t", "friends_count": 5, "id_str": "9"}]
    profiles.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "o.jsonl"
    result = run("safety", "bots", "--profiles", profiles, "-o", out)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["platform"] for x in lines] == ["mastodon", "bluesky", "x"]
    assert all(0 <= x["bot"] <= 1 and x["reasons"] for x in lines)
    profiles.write_text('{"screen_name": "ok"}\nnot json\n')
    bad = run("safety", "bots", "--profiles", profiles, "-o", out)
    assert bad.exit_code == 2 and "line 2" in bad.stderr
