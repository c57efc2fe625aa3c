"""The read model: one object per command that every analysis reads the store through.

``read_model(store, me=...)`` decides once: whose data (the owner), which signal model
version, which thresholds (one decision rule), which seed, when "now" is, and what the
imports carry. It then creates the views of :mod:`kindscope.store.read_sql` as temporary
views on the store's connection (the score pivot as a temporary table: a snapshot of the
scores when the read model is built). Analyses ask it for small results (aggregates and short
lists) computed in the engine; none of them writes SQL.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from kindscope import settings
from kindscope.errors import InputError
from kindscope.store.availability import Availability, DataCarries, data_carries
from kindscope.store.db import Store
from kindscope.store.old_scores import fill_death_wishes
from kindscope.store.read_sql import MATERIALISED, SIGNAL_COLUMNS, VIEWS
from kindscope.store.scoring import scored_versions
from kindscope.store.where import HERE, Where

__all__ = ["DEFAULT_THRESHOLD", "STRONG_DISTRESS", "PLACEHOLDER_OWNERS", "ReadModel",
           "read_model", "resolve_me", "decision_thresholds", "HandleMap", "create_views",
           "drop_views"]

#: Each signal's decision point when the signals package gives none.
DEFAULT_THRESHOLD = 0.5
#: A distress score at or above this (or a crisis) counts as a disclosure.
STRONG_DISTRESS = 0.8
#: Owner ids an importer records when it cannot tell who the owner is.
PLACEHOLDER_OWNERS = ("self",)

_COUNTER = itertools.count(1)


def decision_thresholds(given: Mapping[str, float] | None = None) -> dict[str, float]:
    """The one threshold table: ``given`` over the shipped model's ``THRESHOLDS``."""
    try:
        from kindscope.signals import THRESHOLDS  # the installed model's decision points
        shipped = dict(THRESHOLDS)
    except ImportError:
        shipped = {}
    base = {s: float(shipped.get(s, DEFAULT_THRESHOLD)) for s in SIGNAL_COLUMNS}
    return base | {k: float(v) for k, v in (given or {}).items()}


@dataclass(frozen=True)
class ReadModel:
    """One owner's view of the store under one model version, thresholds and seed."""

    store: Store
    platform: str
    me: str
    model_version: str | None
    thresholds: Mapping[str, float]
    seed: int
    until: datetime | None
    carries: DataCarries
    prefix: str
    #: The data as the commands this read model's messages name read it (``--me`` too).
    where: Where = HERE

    # -- plumbing for store/ modules --------------------------------------------------------
    def view(self, name: str) -> str:
        return f"{self.prefix}_{name}"

    def sql(self, text: str) -> str:
        """``text`` with ``{p}`` replaced by this model's prefix."""
        return text.replace("{p}", self.prefix)

    def rows(self, text: str, params: list | None = None) -> list[tuple]:
        return self.store.rows(self.sql(text), params)

    def scalar(self, text: str, params: list | None = None):
        return self.store.scalar(self.sql(text), params)

    def column(self, text: str, params: list | None = None) -> np.ndarray:
        """The first column of a query as a NumPy array (no Python object per row)."""
        result = self.store.con.execute(self.sql(text), params or []).fetchnumpy()
        return np.asarray(next(iter(result.values())))

    # -- facts every analysis shares ---------------------------------------------------------
    @property
    def scored(self) -> bool:
        """Whether any post on this platform the read model reads has scores under the
        model version (not counting posts fetched only for the care queue)."""
        return bool(self.scalar("SELECT EXISTS (SELECT 1 FROM {p}_read WHERE scored)"))

    @property
    def has_posts(self) -> bool:
        """Whether the platform has any post at all (an empty repository has none)."""
        return bool(self.scalar("SELECT EXISTS (SELECT 1 FROM {p}_posts)"))

    def available(self, what: str) -> Availability:
        """Whether the data can show ``what`` (see :mod:`kindscope.store.availability`)."""
        return self.carries.availability(what)

    def handles(self, account_ids) -> dict[str, str]:
        """Handle of each account that has one (others are left out)."""
        ids = sorted({a for a in account_ids if a})
        if not ids:
            return {}
        return dict(self.store.rows(
            "SELECT account_id, handle FROM accounts WHERE platform = ? AND handle IS NOT NULL "
            "AND handle <> '' AND account_id IN (SELECT unnest(?))", [self.platform, ids]))

    def handle(self, account_id: str) -> str:
        return self.handles([account_id]).get(account_id) or account_id

    def at_handle(self, account_id: str) -> str:
        """``@handle`` where the data has one (stored with or without its '@'), else the
        account id: how a line of text names an account."""
        handle = self.handles([account_id]).get(account_id)
        return f"@{handle.lstrip('@')}" if handle else account_id

    def handle_map(self) -> HandleMap:
        """A read-through ``get(account_id)`` for code that shows a few handles."""
        return HandleMap(self)

    def hostile_accounts(self) -> frozenset[str]:
        """Accounts whose posts aimed at me are mostly toxic or hateful, at least
        ``MIN_HOSTILE_POSTS`` of them (the ``hostile`` view)."""
        return frozenset(r[0] for r in self.rows("SELECT account_id FROM {p}_hostile"))

    def unoffered_accounts(self) -> frozenset[str]:
        """Accounts never offered as someone to get to know (the ``unoffered`` view)."""
        return frozenset(r[0] for r in self.rows("SELECT account_id FROM {p}_unoffered"))

    def close(self) -> None:
        drop_views(self.store, self.prefix, VIEWS)


class HandleMap:
    """``get(account_id, default)`` -> handle, looked up on first use and kept."""

    def __init__(self, rm: ReadModel):
        self._rm, self._known = rm, {}

    def get(self, account_id: str, default: str | None = None) -> str | None:
        if account_id not in self._known:
            self._known[account_id] = self._rm.handles([account_id]).get(account_id)
        return self._known[account_id] or default


def read_model(store: Store, me: str | None = None,
               thresholds: Mapping[str, float] | None = None, seed: int | None = None,
               as_of: datetime | None = None, platform: str | None = None,
               shared: bool = False) -> ReadModel:
    """Build the read model for ``me`` (a handle or id; default: the owner of the newest
    import, on ``platform`` where given). ``seed`` defaults to the ``seed`` setting; "now"
    is ``as_of``, else the end of the data (the newest snapshot or post), never the wall
    clock. The commands its messages name read the store's data (``Store.where``) for
    ``me`` as given; ``shared``: as a file people share names it (``Where.shared``)."""
    where = store.where.with_me(me) if me is not None else store.where
    where = where.shared() if shared else where
    found = newest_owner(store, platform) if me is None and platform is not None else None
    platform, me_id = found or resolve_me(store, me)
    version = _model_version(store, platform)
    table = decision_thresholds(thresholds)
    until = as_of or _until(store, platform)
    prefix = f"rm{next(_COUNTER)}"
    create_views(store, prefix, platform, me_id, version, table, until, VIEWS)
    carries = data_carries(store, platform, me_id, prefix, where)
    return ReadModel(store, platform, me_id, version, table,
                     int(settings.get("seed", seed)), until, carries, prefix, where)


def create_views(store: Store, prefix: str, platform: str, me: str | None,
                 version: str | None, table: Mapping[str, float], until: datetime | None,
                 views: tuple[tuple[str, str], ...]) -> None:
    """The one-row ``{prefix}_params`` table (platform, owner, model version, "now", the
    decision rule's thresholds), then ``views`` (``read_sql``'s (name, SQL) pairs, ``{p}``
    standing for ``prefix``) as temporary views, those in ``MATERIALISED`` as temporary
    tables. ``me`` is None for views that read no owner (``read_sql.POST_VIEWS``)."""
    columns = ", ".join(f"CAST(? AS DOUBLE) AS t_{s}" for s in SIGNAL_COLUMNS)
    store.execute(
        f"CREATE OR REPLACE TEMP TABLE {prefix}_params AS SELECT CAST(? AS VARCHAR) AS platform, "
        f"CAST(? AS VARCHAR) AS me, CAST(? AS VARCHAR) AS model_version, "
        f"CAST(? AS TIMESTAMPTZ) AS until, CAST(? AS DOUBLE) AS strong_distress, {columns}",
        [platform, me, version, until, max(STRONG_DISTRESS, table["distress"]),
         *(table[s] for s in SIGNAL_COLUMNS)])
    for name, text in views:
        kind = "TABLE" if name in MATERIALISED else "VIEW"
        store.execute(f"CREATE OR REPLACE TEMP {kind} {prefix}_{name} AS "
                      + text.replace("{p}", prefix))
        if name == "scores":  # a model that stored no rule readings: read them here
            fill_death_wishes(store, prefix)


def drop_views(store: Store, prefix: str, views: tuple[tuple[str, str], ...]) -> None:
    """Drop what :func:`create_views` made (``views`` and the params table)."""
    for name, _ in reversed(views):
        kind = "TABLE" if name in MATERIALISED else "VIEW"
        store.execute(f"DROP {kind} IF EXISTS {prefix}_{name}")
    store.execute(f"DROP TABLE IF EXISTS {prefix}_params")


# -- who, which model, when -------------------------------------------------------------------
def newest_owner(store: Store, platform: str | None = None) -> tuple[str, str] | None:
    """``(platform, owner id)`` of the newest import (on ``platform``, where given) that
    names a real owner (placeholders such as ``"self"`` only when nothing else is there),
    or None when no import names one."""
    row = store.rows(
        "SELECT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL "
        "AND owner_id <> '' AND (CAST(? AS VARCHAR) IS NULL OR platform = ?) "
        "ORDER BY list_contains(?, lower(owner_id)), imported_at DESC, "
        "snapshot_id DESC LIMIT 1", [platform, platform, list(PLACEHOLDER_OWNERS)])
    return (row[0][0], row[0][1]) if row else None


def resolve_me(store: Store, me: str | None = None) -> tuple[str, str]:
    """``(platform, account_id)`` of "me": ``me`` as a handle or id, else the snapshot owner.

    A handle found on several platforms resolves to the one where that account owns an
    import (the newest such import first). ``@user`` also matches a stored Mastodon handle
    ``@user@host`` when only one does. Without ``me``: :func:`newest_owner`.
    """
    if me:
        return _resolve_handle(store, me)
    row = newest_owner(store)
    if row is None:
        if getattr(store, "missing", False):
            raise InputError("no such database file: import something first (kindscope "
                             "import SOURCE --db PATH) or check the path", store.path)
        if not store.scalar("SELECT count(*) FROM snapshots"):
            raise InputError("the database holds no imports yet: run "
                             f"`{store.where.command('import', 'SOURCE')}` first", store.path)
        raise InputError("cannot tell whose data this is: no import names its owner; "
                         "pass --me HANDLE", store.path)
    return row


def _resolve_handle(store: Store, me: str) -> tuple[str, str]:
    wanted = me.strip().lstrip("@").lower()
    found = store.rows(
        "SELECT platform, account_id FROM accounts WHERE lower(ltrim(handle, '@')) = ? "
        "OR lower(account_id) = ? ORDER BY platform, account_id", [wanted, wanted])
    partial = not found and "@" not in wanted
    if partial:
        found = store.rows(
            "SELECT platform, account_id FROM accounts WHERE "
            "lower(split_part(ltrim(handle, '@'), '@', 1)) = ? AND "
            "ltrim(handle, '@') LIKE '%@%' ORDER BY platform, account_id", [wanted])
    if not found:
        found = store.rows("SELECT DISTINCT platform, author_id FROM posts WHERE "
                           "lower(author_id) = ? ORDER BY 1, 2", [wanted])
    if not found:
        raise InputError(f"no account with the handle or id {me!r} in the database", "--me")
    candidates = [(r[0], r[1]) for r in found]
    owners = [(r[0], r[1]) for r in store.rows(
        "SELECT platform, owner_id FROM snapshots WHERE owner_id IS NOT NULL "
        "ORDER BY imported_at DESC, snapshot_id DESC")]
    for owner in owners:
        if owner in candidates:
            return owner
    if partial and len(candidates) > 1:
        names = ", ".join(c[1] for c in candidates[:5])
        raise InputError(f"{me!r} matches several accounts ({names}); pass the full "
                         "handle or the account id", "--me")
    return candidates[0]


def installed_model() -> str | None:
    """The installed signal model's version (None where kindscope runs without it)."""
    try:
        from kindscope.signals import MODEL_VERSION
    except ImportError:
        return None
    return str(MODEL_VERSION)


def _model_version(store: Store, platform: str) -> str | None:
    """The installed model's version when this platform has its scores, else the newest."""
    versions = scored_versions(store, platform)
    if not versions:
        return None
    installed = installed_model()
    return installed if installed in versions else max(versions, key=version_key)


def version_key(version: str) -> tuple:
    """Sort key that reads the numbers in a model version as numbers, so that
    "...-2026.12.10" is newer than "...-2026.12.9" (a plain string sort says otherwise)."""
    return tuple((0, int(part), "") if part.isdecimal() else (1, 0, part)
                 for part in re.split(r"(\d+)", version) if part)


def _until(store: Store, platform: str) -> datetime | None:
    """The end of the data: the newest snapshot's taken_at or the newest post."""
    ms = store.scalar(
        "SELECT greatest((SELECT epoch_ms(max(taken_at)) FROM snapshots WHERE platform = ?), "
        "(SELECT epoch_ms(max(created_at)) FROM posts WHERE platform = ? AND kind <> 'dm'))",
        [platform, platform])
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC)
