"""Bot-follower scores, their reasons, and follow waves.

The model is a small histogram gradient-boosted tree ensemble trained by
``training/train_bots.py`` on cresci-rtbust-2019 and shipped as JSON
(``artifacts/bot_model.json``); scoring needs numpy only. Features a platform lacks are NaN
and follow each split's learned "missing" branch. The log-odds are Platt-calibrated, so
0.5 is the decision point. Each score comes with reasons: the features that pushed it up
or down most (per-tree path contributions, Saabas' method), in words. Beside the model, a
transparent rule layer (:mod:`kindscope.safety.bot_rules`) catches textbook bots; the
score is ``max(model, rule)`` and a firing rule's reason comes first.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np

from kindscope.errors import ModelError
from kindscope.safety.bot_rules import check_rules
from kindscope.safety.profiles import FEATURES, READ_FROM, Profile, profile_features
from kindscope.safety.windows import runs

__all__ = ["BOT_DECISION", "BotScore", "FollowWave", "MODEL_PATH", "PORTABLE_PATH", "model_for",
           "model_probability", "read_profile", "score_profile", "score_profiles",
           "follow_waves"]

MODEL_PATH = Path(__file__).parent / "artifacts" / "bot_model.json"
#: Mastodon and Bluesky: no X-only fields, no account age (see docs/models/bot.md).
PORTABLE_PATH = MODEL_PATH.with_name("bot_model_portable.json")
_NAMES = tuple(name for name, _ in FEATURES)
#: The bot model's decision point: its calibrated probability at or above which an account
#: counts as likely automated. A separate model's threshold, not one of the text signals'
#: (those are :func:`kindscope.store.read.decision_thresholds`).
BOT_DECISION = 0.5


@dataclass(frozen=True, slots=True)
class BotScore:
    """``bot`` is the probability the account is automated (None: not scored, the first
    reason says why); ``reasons`` the top pushes; ``model_version`` None when no model
    read the profile (a rule alone, or nothing)."""

    account_id: str
    handle: str
    bot: float | None
    reasons: tuple[str, ...]
    model_version: str | None


@dataclass(frozen=True, slots=True)
class _Model:
    features: tuple[str, ...]
    base: float
    slope: float
    intercept: float
    trees: tuple[dict, ...]
    version: str


@lru_cache(maxsize=4)
def _load(path: str) -> _Model:
    try:
        data = json.loads(Path(path).read_text())
        trees = tuple({k: np.asarray(v) for k, v in t.items()} for t in data["trees"])
        calibration = data["calibration"]
        return _Model(tuple(data["features"]), float(data["baseline"]),
                      float(calibration["slope"]), float(calibration["intercept"]), trees,
                      f"{data['name']}-{data['version']}")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"bot model unreadable ({exc})", str(path)) from exc


def _contributions(model: _Model, x: list[float]) -> tuple[float, np.ndarray]:
    """Raw log-odds of one feature vector (as scikit-learn's ``decision_function``) and
    each feature's share of it (path contributions); NaN follows ``missing_left``."""
    total = model.base
    shares = np.zeros(len(model.features))
    for tree in model.trees:
        node, feature, value = 0, tree["feature"], tree["value"]
        while tree["left"][node] != -1:
            f = int(feature[node])
            v = x[f]
            go_left = bool(tree["missing_left"][node]) if math.isnan(v) \
                else v <= tree["threshold"][node]
            child = int(tree["left"][node] if go_left else tree["right"][node])
            shares[f] += value[child] - value[node]
            node = child
        total += value[0]
    return total + shares.sum(), shares


def _probability(model: _Model, logit: float) -> float:
    z = model.slope * logit + model.intercept
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _reason(name: str, words: str, value: float, push: float) -> str:
    direction = "bot-like" if push > 0 else "human-like"
    if math.isnan(value):
        return f"{words} (not given for this account) counts as {direction}"
    shown = {
        "log_age_days": f"{math.exp(value):.0f} days old",
        "log_followers": f"{math.expm1(value):.0f} followers",
        "log_following": f"follows {math.expm1(value):.0f}",
        "log_ratio": f"{math.exp(value):.2f} followers per followed account",
        "log_posts_per_day": f"{math.expm1(value):.1f} posts a day",
        "log_posts": f"{math.expm1(value):.0f} posts",
        "log_favourites": f"{math.expm1(value):.0f} likes",
        "log_favourites_per_post": f"{math.exp(value):.2f} likes per post",
        "log_listed": f"on {math.expm1(value):.0f} lists",
        "log_posts_per_follower": f"{math.exp(value):.1f} posts per follower",
        "log_listed_per_follower": f"{math.exp(value):.3f} lists per follower",
        "handle_entropy": f"{value:.2f} bits per character",
        "name_digit_share": f"{value:.0%}",
        "name_upper_share": f"{value:.0%}",
        "handle_digit_share": f"{value:.0%}",
        "name_handle_similarity": f"similarity {value:.2f}",
    }.get(name, "unknown" if math.isnan(value) else f"{value:g}")
    return f"{words} ({shown}) looks {direction}"


def model_for(profile: Profile) -> Path:
    """X profiles: the full model; Mastodon and Bluesky: the portable one."""
    return MODEL_PATH if profile.platform == "x" else PORTABLE_PATH


def _vector(model: _Model, profile: Profile) -> list[float]:
    """The profile's features in the model's order (a model may use a subset)."""
    full = dict(zip(_NAMES, profile_features(profile), strict=True))
    return [full[name] for name in model.features]


def model_probability(profile: Profile, model_path: Path | None = None) -> float:
    """The calibrated model probability alone, without the rule layer."""
    model = _load(str(model_path or model_for(profile)))
    return _probability(model, _contributions(model, _vector(model, profile))[0])


def score_profile(profile: Profile, model_path: Path | None = None, top: int = 3) -> BotScore:
    """Score one profile: ``max(model, rule)`` probability and its reasons.

    ``model_path`` defaults to :func:`model_for` the profile's platform. A firing rule's
    reason comes first, then the model's ``top`` pushes.
    """
    model = _load(str(model_path or model_for(profile)))
    x = _vector(model, profile)
    logit, shares = _contributions(model, x)
    order = np.argsort(-np.abs(shares))[:top]
    words = dict(FEATURES)
    reasons = tuple(
        _reason(model.features[i], words[model.features[i]], x[i], shares[i])
        for i in order if abs(shares[i]) > 1e-9
    )
    bot = _probability(model, logit)
    hit = check_rules(profile)
    if hit is not None:
        reasons = (f"rule: {hit.reason}",) + reasons
        bot = max(bot, hit.bot)
    return BotScore(profile.account_id, profile.shown_handle, bot, reasons, model.version)


def read_profile(profile: Profile) -> BotScore:
    """What ``kindscope safety bots`` says of one profile of any shape.

    - A whole profile: :func:`score_profile`.
    - Nothing but a name: not scored (read as 0 followers and age unknown, a bare
      ``{"screen_name": ...}`` scored 0.90).
    - Mastodon and Bluesky profiles that lack one count, or all (Bluesky's short view): the
      portable model, which is fitted on each account with each count blanked and with all
      blanked too (plan 24), and a reason saying which one count it read without. On the
      held-apart fifth of its own training source it flags 10-12 of 54 people with one
      count missing and 10 with none, against 10 whole (``training/variants/2026-12-06h``).
    - Any other profile that lacks a count (X: one or all; two of three anywhere, which
      was not measured): a rule's reading if one fires, else not scored. Fitted the same
      way, the X model flagged more people on whole profiles (13 against 11: plan 24
      failed its bar), and the shipped one flags up to twice as many people without a
      count (10-21 of 54 against 11; ``training/eval_bot_partial.py``)."""
    if not profile.holds_evidence:
        return BotScore(profile.account_id, profile.shown_handle, None,
                        ("not scored: the profile holds no counts and no creation time",), None)
    lacking = profile.missing_counts if profile.counts_known else tuple(READ_FROM)
    if not lacking:
        return score_profile(profile)
    missing = f"{lacking[0]} count" if len(lacking) == 1 else \
        f"{', '.join(lacking[:-1])} or {lacking[-1]} count"
    if model_for(profile) == PORTABLE_PATH and len(lacking) in (1, len(READ_FROM)):
        score = score_profile(profile)
        if not profile.missing_counts:  # no counts at all: the short view the model expects
            return score
        # what backs it, said where the score is read: X profiles with the count removed
        return replace(score, reasons=(*score.reasons, (
            f"the profile has no {missing}: read without it (the model is checked that way "
            "only on X profiles with the count removed, not on this platform)")))
    hit = check_rules(profile)
    if hit is not None:
        return BotScore(profile.account_id, profile.shown_handle, hit.bot,
                        (f"rule: {hit.reason}",), None)
    return BotScore(profile.account_id, profile.shown_handle, None,
                    (f"not scored: the profile has no {missing}, and the bot model is not "
                     "reliable without it",), None)


def score_profiles(profiles: list[Profile], model_path: Path | None = None) -> list[BotScore]:
    """Scores in input order."""
    return [score_profile(p, model_path) for p in profiles]


@dataclass(frozen=True, slots=True)
class FollowWave:
    """Several new followers within ``window``; ``bot_share`` of them score at or above
    :data:`BOT_DECISION`."""

    start: datetime
    end: datetime
    follower_ids: tuple[str, ...]
    bot_share: float | None


def follow_waves(
    follows: list[tuple[str, datetime]],
    window: timedelta = timedelta(minutes=10),
    min_size: int = 5,
    bot_scores: dict[str, float] | None = None,
) -> list[FollowWave]:
    """Groups of at least ``min_size`` new followers each within ``window`` of the first.

    ``follows`` is ``(follower_id, followed_at)``; ``bot_scores`` maps follower id to its
    bot probability (the share is None when no follower in the wave has a score).
    """
    ordered = sorted((t, a) for a, t in follows if t is not None)
    waves = []
    for run in runs(ordered, window, lambda run: len(run) >= min_size):
        ids = tuple(a for _, a in run)
        known = [bot_scores[a] for a in ids if bot_scores and a in bot_scores]
        share = sum(s >= BOT_DECISION for s in known) / len(known) if known else None
        waves.append(FollowWave(run[0][0], run[-1][0], ids, share))
    return waves
