"""What was imported: the snapshots of a platform, for the report's ``source`` key."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

from kindscope.store.db import Store

__all__ = ["platform_snapshots", "shared_name"]


def shared_name(source: str) -> str:
    """An import's source as a file the user shares (``report.json``, an evidence pack)
    names it: a file's or folder's own name, not its path (a path names the user's home
    folder, often their name); an online source ("bluesky:HANDLE") as given."""
    if "\\" in source:
        return PureWindowsPath(source).name or source
    if "/" in source:
        return PurePosixPath(source).name or source
    return source


def platform_snapshots(store: Store, platform: str) -> list[tuple]:
    """(source, format, taken_at and imported_at in epoch milliseconds) of each import of
    ``platform``, oldest import first."""
    return store.rows(
        "SELECT source, format, epoch_ms(taken_at), epoch_ms(imported_at) FROM snapshots "
        "WHERE platform = ? ORDER BY imported_at, snapshot_id", [platform])
