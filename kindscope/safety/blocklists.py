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
import json
import re
from dataclasses import dataclass

__all__ = ["ListedAccount", "mastodon_blocklist", "id_handle_blocklist", "spreadsheet_cell"]

#: A Mastodon address as an instance writes it: nothing else is listed (a handle holding a
#: line break became two block entries, one of them someone else: a security review,
#: 2026-12-06).
_MASTODON_ADDRESS = re.compile(r"[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+")
#: What a spreadsheet reads as the start of a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` before anything it would run
    as a formula (``=HYPERLINK(...)``, ``+``, ``-``, ``@``, a tab or carriage return)."""
    if value is None:
        text = ""
    elif isinstance(value, dict | list):
        text = json.dumps(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@dataclass(frozen=True, slots=True)
class ListedAccount:
    platform: str
    account_id: str
    handle: str
    bot_score: float | None = None
    why: str = ""  # the reasons the score rests on, "; " between them


def mastodon_blocklist(accounts: list[ListedAccount]) -> str:
    """One ``user@host`` per line; a handle without a host (ambiguous), or one that is not
    a Mastodon address at all, is skipped."""
    lines = []
    for a in accounts:
        handle = a.handle.lstrip("@")
        if _MASTODON_ADDRESS.fullmatch(handle):
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
        return f"https://{host}/@{user}" if _MASTODON_ADDRESS.fullmatch(handle) else ""
    if a.platform == "x":  # X ids are numbers and handles letters, digits and _
        if a.account_id.isdecimal():
            return f"https://x.com/i/user/{a.account_id}"
        return f"https://x.com/{handle}" if re.fullmatch(r"\w{1,50}", handle, re.ASCII) else ""
    return ""


def id_handle_blocklist(accounts: list[ListedAccount]) -> str:
    """CSV ``platform,account_id,handle,profile_url,bot_score,why``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["platform", "account_id", "handle", "profile_url", "bot_score", "why"])
    for a in accounts:
        score = "" if a.bot_score is None else f"{a.bot_score:.2f}"
        writer.writerow([spreadsheet_cell(v) for v in (
            a.platform, a.account_id, a.handle.lstrip("@"), _profile_url(a), score, a.why)])
    return buffer.getvalue()
