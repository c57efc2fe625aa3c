"""What was imported: the snapshots of a platform, for the report's ``source`` key."""

from __future__ import annotations

from kindscope.store.db import Store

__all__ = ["platform_snapshots"]


def platform_snapshots(store: Store, platform: str) -> list[tuple]:
    """(source, format, taken_at and imported_at in epoch milliseconds) of each import of
    ``platform``, oldest import first."""
    return store.rows(
        "SELECT source, format, epoch_ms(taken_at), epoch_ms(imported_at) FROM snapshots "
        "WHERE platform = ? ORDER BY imported_at, snapshot_id", [platform])
