"""``kindscope safety bots`` refuses input it cannot read in one line (exit 2) and never
writes over its own input. Files written by hand."""

from __future__ import annotations

import json

import pytest
from cli_lines import one_line

PROFILE = {"id": "1", "acct": "ana@example.social", "username": "ana",
           "created_at": "2020-01-01T00:00:00Z", "followers_count": 10,
           "following_count": 12, "statuses_count": 300}


@pytest.mark.parametrize(("content", "problem"), [
    (b"\xff\xfe{}\n", "not UTF-8 text"),
    (b"", "empty file: no profiles"),
    (b"\n\n", "empty file: no profiles"),
])
def test_unreadable_profiles_are_one_line(run, tmp_path, content, problem):
    profiles = tmp_path / "p.jsonl"
    profiles.write_bytes(content)
    one_line(run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl"),
             str(profiles), problem)
    assert not (tmp_path / "b.jsonl").exists()


def test_a_profile_text_with_a_unicode_line_separator_is_one_profile(run, tmp_path):
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps({**PROFILE, "note": "hi\u2028there"}, ensure_ascii=False)
                        + "\n", encoding="utf-8")
    result = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl")
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "b.jsonl").read_text().splitlines()) == 1


@pytest.mark.parametrize("flag", ["-o", "--blocklist"])
def test_never_writes_over_the_profiles(run, tmp_path, flag):
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps(PROFILE) + "\n")
    before = profiles.read_bytes()
    args = ["-o", profiles] if flag == "-o" else ["-o", tmp_path / "b.jsonl",
                                                 "--blocklist", profiles]
    one_line(run("safety", "bots", "--profiles", profiles, *args), str(profiles),
             "is the --profiles file")
    assert profiles.read_bytes() == before


def test_threshold_is_a_probability(run, tmp_path):
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps(PROFILE) + "\n")
    result = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl",
                 "--threshold", "5")
    assert result.exit_code == 2 and "0<=x<=1" in result.output


def test_a_bare_name_is_not_scored_and_never_listed(run, tmp_path):
    """``{"screen_name": "a"}`` was read as 0 followers, age unknown: bot 0.90, block-listed
    (a harassment-target review)."""
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps({"screen_name": "a", "id_str": "1"}) + "\n"
                        + json.dumps(PROFILE) + "\n")
    out, listed = tmp_path / "b.jsonl", tmp_path / "block.txt"
    result = run("safety", "bots", "--profiles", profiles, "-o", out, "--blocklist", listed,
                 "--threshold", "0")
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in out.read_text().splitlines())
    assert first["bot"] is None and "not scored" in first["reasons"][0]
    assert second["bot"] is not None
    assert "1" not in {line.split(",")[0] for line in listed.read_text().splitlines()}


X_PROFILE = {"id_str": "7", "screen_name": "ana", "created_at": "Wed Jan 01 00:00:00 +0000 "
             "2020", "followers_count": 10, "friends_count": 12, "statuses_count": 300}
COUNT_NAMES = {"followers_count": "followers", "following_count": "following",
               "friends_count": "following", "statuses_count": "posts"}


def _bots(run, tmp_path, *profiles) -> tuple[list[dict], str, str]:
    path, out, listed = tmp_path / "p.jsonl", tmp_path / "b.jsonl", tmp_path / "block.csv"
    path.write_text("".join(json.dumps(p) + "\n" for p in profiles))
    result = run("safety", "bots", "--profiles", path, "-o", out, "--blocklist", listed,
                 "--threshold", "0")
    assert result.exit_code == 0, result.output
    return ([json.loads(line) for line in out.read_text().splitlines()], listed.read_text(),
            result.stderr)


@pytest.mark.parametrize("missing", ["followers_count", "friends_count", "statuses_count"])
def test_an_x_profile_missing_a_count_gets_no_model_score_and_no_listing(run, tmp_path,
                                                                         missing):
    """Read with one count missing, the X bot model flagged up to twice as many held-apart
    people (training/eval_bot_partial.py; refitted with counts masked it flags more on
    whole profiles: plan 24): such a profile is not scored by it, says which count it
    lacks, and reaches a block list only through a rule."""
    cut = {k: v for k, v in X_PROFILE.items() if k != missing}
    declared = dict(cut, id_str="8", screen_name="feed", description="I am a bot")
    (first, second), block, stderr = _bots(run, tmp_path, cut, declared)
    assert first["bot"] is None and first["model"] is None
    assert first["reasons"] == [f"not scored: the profile has no {COUNT_NAMES[missing]} "
                                "count, and the bot model is not reliable without it"]
    assert second["bot"] >= 0.95 and second["reasons"][0].startswith("rule: ")
    assert "8" in block and "7," not in block
    assert "1 not scored" in stderr


def test_an_x_profile_with_no_counts_at_all_gets_no_model_score(run, tmp_path):
    """Every count missing, the X model flagged 21 of 54 held-apart people (11 whole)."""
    bare = {k: v for k, v in X_PROFILE.items() if k not in COUNT_NAMES}
    (first,), _, _ = _bots(run, tmp_path, bare)
    assert first["bot"] is None
    assert first["reasons"] == ["not scored: the profile has no followers, following or "
                                "posts count, and the bot model is not reliable without it"]


@pytest.mark.parametrize("missing", ["followers_count", "following_count", "statuses_count"])
def test_a_mastodon_profile_missing_a_count_is_read_by_the_portable_model_without_it(
        run, tmp_path, missing):
    """The portable model is fitted with each count masked (plan 24): it reads such a
    profile, and the reasons say which count it went without."""
    cut = {k: v for k, v in PROFILE.items() if k != missing}
    (whole, first), _, stderr = _bots(run, tmp_path, PROFILE, cut)
    assert first["model"] == whole["model"] == "kindscope-bot-portable-1.1.0"
    assert 0 <= first["bot"] <= 1 and first["bot"] != whole["bot"]
    assert first["reasons"][-1] == (f"the profile has no {COUNT_NAMES[missing]} count: read "
                                    "without it (the model is checked that way only on X "
                                    "profiles with the count removed, not on this platform)")
    assert not any("without it" in r for r in whole["reasons"])
    assert "not scored" not in stderr


@pytest.mark.parametrize(("field", "value"), [("followers_count", "lots"),
                                              ("created_at", "yesterday")])
def test_a_value_that_cannot_be_read_is_one_line(run, tmp_path, field, value):
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps({**PROFILE, field: value}) + "\n")
    one_line(run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl"),
             f"{profiles}: line 1", f"{field} is '{value}'")


def test_a_mastodon_handle_without_its_server_is_said_left_out(run, tmp_path):
    """The count of listed accounts and the lines of the block list agree, or the
    difference is said (a harassment-target review: "3 at or above 0.8", 2 lines)."""
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps({**PROFILE, "id": "2", "acct": "local"}) + "\n"
                        + json.dumps(PROFILE) + "\n")
    listed = tmp_path / "block.txt"
    result = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl",
                 "--blocklist", listed, "--threshold", "0")
    assert result.exit_code == 0, result.output
    assert listed.read_text() == "ana@example.social\n"
    assert "1 of them left out of" in result.stderr and "2 at or above" in result.stderr


def test_as_of_counts_ages_to_when_the_profiles_were_taken(run, tmp_path):
    """A profile file says nothing of when it was taken, so ages counted to the clock: a
    bare account four days old when collected read as years old on a later run, and scores
    moved from one run to the next (work noted at stop 42). --as-of fixes the moment."""
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(json.dumps({
        "acct": "fresh@example.social", "uri": "https://example.social/users/fresh",
        "created_at": "2020-01-01T00:00:00Z", "followers_count": 1, "following_count": 900,
        "statuses_count": 40, "note": "", "avatar": "https://example.social/missing.png"})
        + "\n", encoding="utf-8")
    then = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "a.jsonl",
               "--as-of", "2020-01-05T00:00Z")
    assert then.exit_code == 0, then.output
    scored = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert scored["reasons"][0].startswith("rule: 4 days old")
    assert "count to now" not in then.stderr
    now = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "b.jsonl")
    assert "account ages and posting rates count to now" in now.stderr
    assert "--as-of TIME" in now.stderr
    later = json.loads((tmp_path / "b.jsonl").read_text(encoding="utf-8"))
    assert not later["reasons"][0].startswith("rule: 4 days old")
    bad = run("safety", "bots", "--profiles", profiles, "-o", tmp_path / "c.jsonl",
              "--as-of", "2020-01-05")
    assert bad.exit_code == 2 and "give a time zone" in bad.stderr


def test_handles_are_written_as_given_and_people_you_follow_never_listed(run, tmp_path):
    """A harassment-target review (2026-12-06): "friend.bsky.social" came out as "friend"
    (another person's handle, maybe) in the scores and the block list, and the block list
    held accounts the profiles say the user follows. --threshold 0 lists everyone else."""
    bluesky = {"did": "did:plc:friend", "handle": "friend.bsky.social",
               "createdAt": "2023-01-01T00:00:00Z", "followersCount": 3, "followsCount": 900,
               "postsCount": 2, "viewer": {"following": "at://did:plc:me/app.bsky.graph.follow/1"}}
    stranger = {**bluesky, "did": "did:plc:other", "handle": "other.bsky.social", "viewer": {}}
    x = {"id_str": "7", "screen_name": "pal", "created_at": "Mon Jan 01 00:00:00 +0000 2018",
         "followers_count": 5, "friends_count": 800, "statuses_count": 10, "following": True}
    profiles = tmp_path / "p.jsonl"
    profiles.write_text("".join(json.dumps(p) + "\n" for p in (bluesky, stranger, x)),
                        encoding="utf-8")
    listed, out = tmp_path / "block.csv", tmp_path / "b.jsonl"
    result = run("safety", "bots", "--profiles", profiles, "-o", out, "--blocklist", listed,
                 "--threshold", "0", "--as-of", "2024-01-01T00:00Z")
    assert result.exit_code == 0, result.output
    handles = [json.loads(line)["handle"] for line in out.read_text().splitlines()]
    assert handles == ["friend.bsky.social", "other.bsky.social", "pal"]
    block = listed.read_text(encoding="utf-8")
    assert "other.bsky.social" in block and "friend" not in block and "pal" not in block
    assert "2 more at or above 0.0 are accounts you follow" in " ".join(result.stderr.split())
