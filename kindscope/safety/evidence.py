"""Evidence packs: every post of an incident (or an account) in HTML, JSON and CSV.

A pack folder holds ``evidence.html`` (all text escaped: posts are untrusted),
``evidence.json`` (posts, scores, how they were collected), ``posts.csv`` and
``MANIFEST.sha256`` (``<sha256>  <file>`` per file, ``sha256sum -c`` format) so anyone
can check the files were not changed; :func:`check_pack` (``kindscope evidence --verify``)
also names files that are missing or that the manifest does not cover. The page is rendered
by :mod:`kindscope.safety.evidence_html`. In the CSV a cell starting with ``= + - @`` gets a
leading ``'`` so spreadsheets do not run it as a formula; the JSON keeps the exact text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from kindscope import __version__
from kindscope.errors import InputError
from kindscope.safety.blocklists import spreadsheet_cell
from kindscope.safety.evidence_html import LEFT_OUT, NOT_IN_PACKS, RULE_VALUES, render_html
from kindscope.safety.incidents import KIND_NAMES, Incident, scan
from kindscope.store import evidence
from kindscope.store.db import Store
from kindscope.store.read import ReadModel
from kindscope.store.read_sql import RULE_COLUMNS
from kindscope.store.sources import shared_name

__all__ = ["Evidence", "PackProblem", "collect_incident", "collect_account", "write_pack",
           "check_pack", "verify_pack", "PACK_FILES", "MANIFEST"]

PACK_FILES = ("evidence.html", "evidence.json", "posts.csv")
MANIFEST = "MANIFEST.sha256"
_COLUMNS = ("platform", "post_id", "author_id", "author_handle", "created_at", "text", "url",
            "reply_to_post_id", "reply_to_account_id", "mentions", "scores", "snapshots",
            "earlier_texts", "death_wish_words")
#: Columns added to each post after the row the store gives.
_ADDED = 4


@dataclass(frozen=True)
class Evidence:
    """What a pack holds: a title, the incident (if any), the posts, their collection."""

    title: str
    subject: str
    incident: Incident | None
    posts: tuple[dict, ...]
    collection: tuple[dict, ...]


def _records(store: Store, platform: str, rows: list[tuple]) -> tuple[dict, ...]:
    ids = [r[1] for r in rows]
    scores: dict[str, dict] = {}
    wishes: set[str] = set()
    for post, signal, score, version in evidence.post_scores(store, platform, ids):
        # the rules' readings (death_wish, 1 or 0) are no probabilities: the pack marks the
        # posts whose words tell someone to die (``death_wish_words``; an incident's also
        # by ``Incident.wish_words``), an account's pack too (a review, 2026-12-06)
        if signal in RULE_COLUMNS:
            if signal == "death_wish" and score:  # 1.0 or 0.0: the rule decides, no threshold
                wishes.add(post)
            continue
        if signal in NOT_IN_PACKS:
            continue
        # a value a rule layer sets is marked as such in the record, not only on the page
        scores.setdefault(post, {})[signal] = {"score": score, "model": version} | (
            {"set_by_rule": True} if score in RULE_VALUES else {})
    sources: dict[str, list[str]] = {}
    for post, snapshot in evidence.post_sources(store, platform, ids):
        sources.setdefault(post, []).append(snapshot)
    # texts a later import replaced (an edited post, an updated record): what was said first
    earlier: dict[str, list[dict]] = {}
    for post, snapshot, text in evidence.post_versions(store, platform, ids):
        earlier.setdefault(post, []).append({"text": text, "replaced_by_snapshot": snapshot})
    out = []
    for r in rows:
        record = dict(zip(_COLUMNS[:-_ADDED], r, strict=True))
        record["mentions"] = list(record["mentions"] or [])
        record["created_at"] = r[4].astimezone(UTC).isoformat() if r[4] else None
        record["scores"] = scores.get(r[1], {})
        record["snapshots"] = sources.get(r[1], [])
        record["earlier_texts"] = earlier.get(r[1], [])
        # words that tell someone to die, by the rule ``kindscope score`` stored (any model
        # version that read the post)
        record["death_wish_words"] = r[1] in wishes
        out.append(record)
    return tuple(out)


def _collection(store: Store, posts: tuple[dict, ...]) -> tuple[dict, ...]:
    """The imports the pack's posts came from (every import of their platforms for posts
    imported before kindscope recorded where each post was seen)."""
    seen = {snapshot for post in posts for snapshot in post["snapshots"]}
    platforms = {post["platform"] for post in posts if not post["snapshots"]}
    keys = ("snapshot_id", "platform", "source", "format", "owner_id", "taken_at",
            "imported_at")
    return tuple(
        {k: (v.isoformat() if isinstance(v, datetime) else shared_name(v) if k == "source"
             else v)
         for k, v in zip(keys, r, strict=True)}
        for r in evidence.snapshot_rows(store) if r[0] in seen or r[1] in platforms)


def collect_incident(rm: ReadModel, incident: str) -> Evidence:
    """The evidence of the incident with this id (as listed by ``kindscope safety`` on the
    same read model)."""
    found = scan(rm)
    match = [i for i in found.incidents if i.id == incident]
    if not match:
        raise InputError(f"no incident {incident!r} in this database "
                         f"(list them with `{rm.where.command('safety')}`)")
    inc = match[0]
    rows = evidence.posts_by_ids(rm.store, inc.platform, inc.posts)
    # the posts they answer, for the record (a pile-on's or burst's target post; a trawl's old posts
    # are among its posts already): the incident's own posts are listed in its block
    answered = sorted({r[7] for r in rows if r[7]} - set(inc.posts))
    if answered:
        rows = evidence.posts_by_ids(rm.store, inc.platform, [*inc.posts, *answered])
    posts = _records(rm.store, inc.platform, rows)
    title = f"{KIND_NAMES.get(inc.kind, inc.kind)} aimed at {rm.at_handle(inc.target_id)}"
    return Evidence(title, inc.id, inc, posts, _collection(rm.store, posts))


def collect_account(store: Store, account: str) -> Evidence:
    """Every post by the one account with this id or handle (with or without ``@``; a
    Mastodon handle with or without its ``@host``). A name that fits several accounts is
    refused with the candidates listed: a pack must never mix people."""
    candidates = evidence.account_candidates(store, account)
    exact = [c for c in candidates if c[1] == account]
    chosen = exact if len(exact) == 1 else candidates
    if not chosen:
        raise InputError(f"no posts by {account!r} in this database")
    if len(chosen) > 1:
        listed = "; ".join(f"{p} {h or '?'} (id {a})" for p, a, h in chosen[:5])
        raise InputError(f"{account!r} fits {len(chosen)} accounts ({listed}): give the full "
                         "handle or the account id")
    platform, author, _ = chosen[0]
    posts = _records(store, platform, evidence.posts_by_author(store, platform, author))
    return Evidence(f"posts by {account}", account, None, posts, _collection(store, posts))


def write_pack(ev: Evidence, out_dir: str | Path, made: datetime | None = None) -> Path:
    """Write the pack into ``out_dir`` (created); return the manifest's path. A folder that
    holds anything is refused: other files the pack's manifest would not cover (``--verify``
    would fail at once), and an earlier pack, whose manifest's SHA-256 the user may have
    noted or sent: a pack, once written, is never changed."""
    out = Path(out_dir)
    if out.is_dir():
        held = sorted(p.name for p in out.iterdir())
        if MANIFEST in held or any(name in held for name in PACK_FILES):
            raise InputError("holds an evidence pack already: a pack is never changed once "
                             "written (its manifest's SHA-256 may have been noted); name a "
                             "new folder", str(out))
        if held:
            raise InputError(f"holds other files ({', '.join(held[:3])}"
                             f"{', ...' if len(held) > 3 else ''}); name an empty or new "
                             "folder for the evidence pack", str(out))
    out.mkdir(parents=True, exist_ok=True)
    stamp = (made or datetime.now(UTC)).isoformat()
    doc = {"title": ev.title, "subject": ev.subject, "made_at": stamp,
           "kindscope_version": __version__,
           "incident": None if ev.incident is None else {
               k: (v.isoformat() if isinstance(v, datetime) else v)
               for k, v in ev.incident.__dict__.items()},
           "scores_left_out": LEFT_OUT,
           "posts": list(ev.posts), "collection": list(ev.collection)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_COLUMNS)
    for p in ev.posts:
        writer.writerow([spreadsheet_cell(p[c]) for c in _COLUMNS])
    contents = {"evidence.html": render_html(ev, stamp),
                "evidence.json": json.dumps(doc, indent=2, ensure_ascii=False, default=str),
                "posts.csv": buffer.getvalue()}
    lines = []
    for name in PACK_FILES:
        data = contents[name].encode("utf-8")
        (out / name).write_bytes(data)
        lines.append(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
    manifest = out / MANIFEST
    manifest.write_text("".join(lines), encoding="utf-8")
    return manifest


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong with a pack: the file (relative to the pack) and what is wrong."""

    name: str
    kind: str  # "changed", "missing", "not in manifest", "not a file", "manifest"
    detail: str

    def __str__(self) -> str:
        return f"{self.name}: {self.detail}"


_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _present(out: Path) -> list[str]:
    """Every file, link or other non-folder entry under ``out`` (links are not followed)."""
    found = []
    for folder, dirs, files in os.walk(out):
        base = Path(folder)
        links = [d for d in dirs if (base / d).is_symlink()]
        found += [(base / name).relative_to(out).as_posix() for name in files + links]
    return sorted(found)


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def check_pack(out_dir: str | Path, expect: str | None = None) -> tuple[PackProblem, ...]:
    """Everything that differs between a pack folder and its ``MANIFEST.sha256``: files whose
    SHA-256 changed, files the manifest lists that are gone, files a pack holds that the
    manifest does not list, and files in the folder (at any depth) that the manifest does
    not list; with ``expect`` (the manifest's SHA-256 as noted when the pack was made), a
    manifest rewritten since. Empty when the pack is intact."""
    out = Path(out_dir)
    if not out.is_dir():
        raise InputError("no such folder", str(out))
    manifest = out / MANIFEST
    problems: list[PackProblem] = []
    listed: dict[str, str] = {}
    if manifest.is_symlink() or not manifest.is_file():
        problems.append(PackProblem(MANIFEST, "missing",
                                    "no manifest: no file in this folder can be checked"))
    else:
        text = manifest.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = _LINE.fullmatch(line)
            if not line.strip():
                continue
            if match is None:
                problems.append(PackProblem(MANIFEST, "manifest",
                                            f"line {number} is not '<sha256>  <file>'"))
            elif not _inside(match.group(2)):
                problems.append(PackProblem(MANIFEST, "manifest", f"line {number} names a "
                                            "file outside the pack (not checked)"))
            elif match.group(2) in listed:
                problems.append(PackProblem(MANIFEST, "manifest", f"line {number} lists "
                                            f"{match.group(2)} a second time"))
            else:
                listed[match.group(2)] = match.group(1).lower()
    for name, digest in listed.items():
        path = out / name
        if path.is_symlink():
            problems.append(PackProblem(name, "not a file", "is a link, not a file"))
        elif not path.exists():
            problems.append(PackProblem(name, "missing", "listed in the manifest but missing"))
        elif not path.is_file():
            problems.append(PackProblem(name, "not a file", "is not a plain file"))
        elif _sha256(path) != digest:
            problems.append(PackProblem(name, "changed", "changed: its SHA-256 is not the "
                                        "one in the manifest"))
    for name in _present(out):
        if name != MANIFEST and name not in listed:
            problems.append(PackProblem(name, "not in manifest",
                                        "in the folder but not covered by the manifest"))
    if not any(p.kind == "missing" and p.name == MANIFEST for p in problems):
        for name in PACK_FILES:  # a pack with a file and its line taken out is not intact
            if name not in listed:
                problems.append(PackProblem(name, "missing", "an evidence pack holds it; "
                                            "the manifest does not list it"))
        digest = _sha256(manifest)
        if expect is not None and digest != expect.strip().lower():
            problems.append(PackProblem(MANIFEST, "changed", f"its SHA-256 is {digest}, "
                                        f"not the {expect.strip().lower()} expected: it was "
                                        "rewritten"))
    return tuple(problems)


def verify_pack(out_dir: str | Path) -> tuple[str, ...]:
    """The names of the files with a problem (see :func:`check_pack`); empty when intact."""
    return tuple(dict.fromkeys(problem.name for problem in check_pack(out_dir)))
