"""The report's ``safety`` key: pile-ons, bursts of hostile replies from the owner's own
network and trawlers aimed at the owner, bot-like followers and follow waves, from the
public functions of :mod:`kindscope.safety`.

kindscope never blocks anyone: the report points at the block-list files
``kindscope safety bots --blocklist`` writes, which a person applies themselves.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from kindscope.safety.bot_rules import check_rules
from kindscope.safety.bots import BOT_DECISION, follow_waves, score_profile
from kindscope.safety.incidents import Incident, scan
from kindscope.safety.profiles import Profile
from kindscope.store import care as care_rows
from kindscope.store import people
from kindscope.store.db import Store
from kindscope.store.read import ReadModel
from kindscope.store.where import Where

__all__ = ["BOT_THRESHOLD", "MAX_SCORED_FOLLOWERS", "BLOCKLIST_COMMAND", "safety_section"]

#: Followers at or above the bot model's decision point count as likely bots.
BOT_THRESHOLD = BOT_DECISION
#: At most this many followers' profiles are scored for the report (cost stays bounded).
MAX_SCORED_FOLLOWERS = 5000
BLOCKLIST_COMMAND = ("kindscope safety bots --profiles FOLLOWERS.jsonl -o scores.jsonl "
                     "--blocklist blocklist.csv")
_SHOWN = 10


def _piece(available: bool, reason: str | None = None, **values) -> dict:
    return {"available": available, "reason": None if available else reason, **values}


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="seconds")


def _incident(inc: Incident, handles: dict[str, str], where: Where) -> dict:
    return {"id": inc.id, "kind": inc.kind, "start": _iso(inc.start), "end": _iso(inc.end),
            "hours": round((inc.end - inc.start).total_seconds() / 3600, 2),
            "accounts": len(inc.accounts), "posts": inc.their_posts,
            "account_handles": [handles.get(a) or a for a in inc.accounts[:_SHOWN]],
            "reason": inc.reason,
            # none where evidence cannot read the data (the demo in memory)
            "command": where.command("evidence", "--incident", inc.id, "--out",
                                     f"evidence-{inc.id}") if where.reads("evidence") else None}


def _incidents(found, rm: ReadModel, handles, available=True, reason=None) -> dict:
    mine = [i for i in found if i.platform == rm.platform and i.target_id == rm.me]
    return _piece(available, reason, count=len(mine) if available else None,
                  incidents=[_incident(i, handles, rm.where) for i in mine],
                  aimed_at_others=len(found) - len(mine))


def _default_avatar(url: str | None) -> bool:
    if not url:
        return True
    last = url.rsplit("/", 1)[-1]
    return "default_profile" in url or "missing" in last


def _profiles(store: Store, platform: str, ids: list[str],
              until: datetime | None) -> list[Profile]:
    """The followers' profiles, observed at the end of the data as the care commands take
    it (the later of the newest ``taken_at`` and the newest post of imports that say no
    time), else ``until``: never the clock, which aged every account by the time since the
    import, each time the report was made again."""
    observed = care_rows.data_end(store, platform)[0] or until or datetime.now(UTC)
    return [Profile(platform=platform, account_id=a, handle=h, display_name=n, description=d,
                    created_at=c, observed_at=observed, followers_count=int(fo),
                    following_count=int(fi), posts_count=int(p), default_avatar=_default_avatar(u))
            for a, h, n, d, c, fo, fi, p, u in people.follower_profiles(
                store, platform, ids, MAX_SCORED_FOLLOWERS)]


def _reason_kind(reason: str) -> str:
    """'account age (3 days old) looks bot-like' -> 'account age'."""
    return reason.split(" (", 1)[0]


def _bots(rm: ReadModel, followers: list) -> tuple[dict, dict[str, float]]:
    """Bot-like followers. The model was trained and checked on X accounts only, so on
    other platforms only the transparent rules (declared bots, textbook follow-spam)
    count an account as likely automated."""
    available = rm.available("bot_followers")
    if not available.available:
        return _piece(False, available.reason), {}
    profiles = _profiles(rm.store, rm.platform, [a for a, _ in followers], rm.until)
    if not profiles:
        return _piece(False, "none of your followers' profiles in this data has follower, "
                             "following and post counts"), {}
    scores = [score_profile(p) for p in profiles]
    basis = "model" if rm.platform == "x" else "rules"
    if basis == "model":
        likely = [s for s in scores if s.bot >= BOT_THRESHOLD]
    else:
        ruled = {p.account_id for p in profiles if check_rules(p) is not None}
        likely = [s for s in scores if s.account_id in ruled]
    reasons = Counter(_reason_kind(r) for s in likely for r in s.reasons if "bot-like" in r)
    out = _piece(True, followers=len(followers), followers_scored=len(scores),
                 likely_bots=len(likely), share=len(likely) / len(scores),
                 threshold=BOT_THRESHOLD, basis=basis,
                 top_reasons=[{"reason": r, "count": n} for r, n in
                              sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:5]],
                 model_version=scores[0].model_version, blocklist_command=BLOCKLIST_COMMAND)
    return out, {s.account_id: s.bot for s in scores}


def _waves(rm: ReadModel, followers, bot_scores: dict[str, float]) -> dict:
    available = rm.available("follow_waves")
    if not available.available:
        return _piece(False, available.reason, count=None, waves=[])
    timed = [(a, t) for a, t in followers if t is not None]
    waves = follow_waves(timed, bot_scores=bot_scores or None)
    return _piece(True, count=len(waves), waves=[
        {"start": _iso(w.start), "end": _iso(w.end), "size": len(w.follower_ids),
         "bot_share": w.bot_share} for w in waves[:_SHOWN]])


def safety_section(rm: ReadModel, handles) -> dict:
    """The ``safety`` key of report.json for the read model's owner.

    Pile-ons and trawlers are looked for only where the data holds other people's replies
    aimed at the owner; elsewhere they are "not available", never "none found"."""
    platform, me = rm.platform, rm.me
    result = scan(rm)
    if result.pileons_reason is not None:
        pileons = _incidents((), rm, handles, False, result.pileons_reason)
        bursts = _incidents((), rm, handles, False, result.pileons_reason)
    else:
        unscored = ("your posts and the replies to you have not been scored for toxicity or "
                    "hate, so pile-ons were not checked")
        pileons = _incidents(result.pileons, rm, handles, result.scored, unscored)
        bursts = _incidents(result.bursts, rm, handles, result.scored, unscored)
    trawlers = _incidents(result.trawlers, rm, handles,
                          result.trawlers_reason is None, result.trawlers_reason)
    followers = people.newest_followers(rm.store, platform, me)
    bots, bot_scores = _bots(rm, followers)
    return {"available": True, "reason": None, "hostility_checked": result.scored,
            "notes": list(result.notes), "pileons": pileons, "network_bursts": bursts,
            "trawlers": trawlers,
            "bot_followers": bots, "follow_waves": _waves(rm, followers, bot_scores),
            "blocklist_command": BLOCKLIST_COMMAND}
