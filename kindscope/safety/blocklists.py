"""Block lists as files the user applies themselves. kindscope never blocks anyone.

Mastodon's import format: one ``user@host`` per line (the blocks CSV). X and Bluesky: a
CSV with ``account_id,handle,profile_url``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

__all__ = ["ListedAccount", "mastodon_blocklist", "id_handle_blocklist"]


@dataclass(frozen=True, slots=True)
class ListedAccount:
    platform: str
    account_id: str
    handle: str


def mastodon_blocklist(accounts: list[ListedAccount]) -> str:
    """One ``user@host`` per line; a handle without a host is skipped (ambiguous)."""
    lines = []
    for a in accounts:
        handle = a.handle.lstrip("@")
        if "@" in handle:
            lines.append(handle)
    return "".join(f"{h}\n" for h in lines)


def _profile_url(a: ListedAccount) -> str:
    if a.platform == "bluesky":
        return f"https://bsky.app/profile/{a.account_id or a.handle}"
    return f"https://x.com/i/user/{a.account_id}" if a.account_id else \
        f"https://x.com/{a.handle.lstrip('@')}"


def id_handle_blocklist(accounts: list[ListedAccount]) -> str:
    """CSV ``account_id,handle,profile_url`` for X and Bluesky."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["account_id", "handle", "profile_url"])
    for a in accounts:
        writer.writerow([a.account_id, a.handle.lstrip("@"), _profile_url(a)])
    return buffer.getvalue()
