"""Block lists as files the user applies themselves. kindscope never blocks anyone.

Mastodon's import format: one ``user@host`` per line (the blocks CSV). X and Bluesky, or
accounts of several platforms: a CSV with ``platform,account_id,handle,profile_url,
bot_score,why``, each address on its own platform's site (a Mastodon account's on its own
server), with the score and the reasons it rests on, so whoever reads the file sees why
each account is on it (a list of verified organisations with no reason read as a verdict:
a moderator's review, 2026-12-06).
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
    bot_score: float | None = None
    why: str = ""  # the reasons the score rests on, "; " between them


def mastodon_blocklist(accounts: list[ListedAccount]) -> str:
    """One ``user@host`` per line; a handle without a host is skipped (ambiguous)."""
    lines = []
    for a in accounts:
        handle = a.handle.lstrip("@")
        if "@" in handle:
            lines.append(handle)
    return "".join(f"{h}\n" for h in lines)


def _profile_url(a: ListedAccount) -> str:
    """The account's page on its own platform; "" when it cannot be told (a Mastodon handle
    without its server). Never another platform's address: an x.com link for a Mastodon
    account would name someone else."""
    handle = a.handle.lstrip("@")
    if a.platform == "bluesky":
        return f"https://bsky.app/profile/{a.account_id or handle}"
    if a.platform == "mastodon":
        user, _, host = handle.partition("@")
        return f"https://{host}/@{user}" if host and user else ""
    if a.platform == "x":
        return f"https://x.com/i/user/{a.account_id}" if a.account_id else \
            f"https://x.com/{handle}"
    return ""


def id_handle_blocklist(accounts: list[ListedAccount]) -> str:
    """CSV ``platform,account_id,handle,profile_url,bot_score,why``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["platform", "account_id", "handle", "profile_url", "bot_score", "why"])
    for a in accounts:
        score = "" if a.bot_score is None else f"{a.bot_score:.2f}"
        writer.writerow([a.platform, a.account_id, a.handle.lstrip("@"), _profile_url(a),
                         score, a.why])
    return buffer.getvalue()
