"""The importer fuzz: mutate the real fixtures in ../shared/fixtures and import them.

Each case takes a real export (one per importer, see ``BASES``), applies one to three
mutations (truncate, flip or insert bytes, delete keys, change types, nest deeply, odd
unicode, extreme dates and numbers; for CAR files the records, the tree node or the commit
are mutated and the file re-framed with correct CIDs, so the mutation reaches the decoder),
packs it as the importer reads it (a folder, a .zip or a .tar.gz for archives) and imports
it through :func:`kindscope.ingest.import_sources` into a real database.

A case passes when the import succeeds, or fails with :class:`InputError` and leaves the
database exactly as it was (same rows, same values). Any other exception is a crash.

Choices come from a ``Chooser``: ``RandomChooser`` (a seeded ``random.Random``, used by the
resumable 10,000-case run in ``benchmarks/fuzz_importers.py``) or ``DrawChooser`` (a
hypothesis ``data`` object, used by the short run in the default suite, which shrinks).
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import tarfile
import traceback
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import Path

import libipld
from car_writer import cid_of, varint

from kindscope.errors import InputError
from kindscope.ingest import import_sources
from kindscope.ingest.bluesky_car import read_repo
from kindscope.store.db import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = SHARED / "fixtures"
DEMO = Path(__file__).resolve().parents[1] / "kindscope" / "demo" / "demo-community.jsonl"


# -- choosers ---------------------------------------------------------------------------------
class RandomChooser:
    """Choices from a seeded ``random.Random`` (one seed per case: reproducible)."""

    def __init__(self, seed: str | int):
        self.rng = random.Random(seed)

    def randint(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, seq):
        return seq[self.randint(0, len(seq) - 1)]


class DrawChooser(RandomChooser):
    """Choices drawn from hypothesis, so that a failing case shrinks."""

    def __init__(self, data):
        from hypothesis import strategies as st

        self.data, self.st = data, st

    def randint(self, low: int, high: int) -> int:
        return self.data.draw(self.st.integers(low, high))


# -- values -----------------------------------------------------------------------------------
ODD_STRINGS = ["\ud800", "a\udfffb", "\x00", "a\x00b", "\u202e\u202dx", "\ufeff", "\uffff",
               "😀" * 3, "e\u0301", "\n\r\t", "\\", '"', "'", "<script>x</script>",
               "x" * 70_000, "", " ", "null", "[]", "{}", "\u2028", "\U0010ffff"]
EXTREME_DATES = ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00",
                 "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                 "2024-02-30T00:00:00Z", "99999-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                 "-0001-01-01T00:00:00Z", "2024-01-01T25:61:61Z", "2024-01-01",
                 "Fri Dec 31 23:59:59 -0100 9999", "Mon Jan 01 00:00:00 +0100 0001",
                 "Sat Feb 30 00:00:00 +0000 2024", "Thu Jan 01 00:00:00 +9999 2024", "now"]
EXTREME_NUMBERS = [0, -1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**30, 1e308,
                   -1e308, 5e-324, 0.5, -0.0, "1e309", "99999999999999999999999", "-1",
                   "0x10", "NaN", "Infinity", " 12 ", "1_000"]
TYPE_CHANGES = [None, True, False, 0, 5, 12345, -7, 1.5, "", "x", "5", [], [1, "a"], {},
                {"a": 1}, [None], {"": None}]
_DEEP = "\u0000kindscope-deep\u0000"
_DEPTHS = [50, 1_000, 5_000, 100_000]


def _nodes(doc, limit: int = 4000) -> list[tuple[object, object]]:
    """(container, key) for every value inside ``doc`` (breadth first, capped)."""
    out, queue = [], [doc]
    while queue and len(out) < limit:
        node = queue.pop(0)
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            out.append((node, key))
            if isinstance(value, dict | list):
                queue.append(value)
    return out


def mutate_value(doc, ch) -> tuple[object, dict[str, str]]:
    """Mutate a JSON-like value in place (or replace it); return it and deep-nest fillers."""
    deep: dict[str, str] = {}
    for _ in range(ch.randint(1, 3)):
        nodes = _nodes(doc) if isinstance(doc, dict | list) else []
        if not nodes:
            doc = ch.choice(TYPE_CHANGES)
            continue
        parent, key = ch.choice(nodes)
        op = ch.choice(["delete", "type", "deep", "unicode", "date", "number", "key"])
        if op == "delete":
            del parent[key]
        elif op == "type":
            parent[key] = ch.choice(TYPE_CHANGES)
        elif op == "deep":
            depth = ch.choice(_DEPTHS)
            token = f"{_DEEP}{len(deep)}"
            opener = ch.choice(["[", '{"a":'])
            deep[json.dumps(token)] = opener * depth + "1" + ("]" if opener == "[" else "}") \
                * depth
            parent[key] = token
        elif op == "unicode":
            parent[key] = ch.choice(ODD_STRINGS)
        elif op == "date":
            parent[key] = ch.choice(EXTREME_DATES)
        elif op == "number":
            parent[key] = ch.choice(EXTREME_NUMBERS)
        elif isinstance(parent, dict):  # "key": an odd key in place of a real one
            parent[ch.choice(ODD_STRINGS[:12])] = parent.pop(key)
    return doc, deep


def dump(doc, deep: dict[str, str], ch) -> bytes:
    text = json.dumps(doc, ensure_ascii=bool(ch.randint(0, 3)))
    for token, filler in deep.items():
        text = text.replace(token, filler)
    return text.encode("utf-8", "surrogatepass")  # unescaped lone surrogates: invalid UTF-8


def mutate_bytes(data: bytes, ch) -> bytes:
    buf = bytearray(data)
    for _ in range(ch.randint(1, 3)):
        pos = ch.randint(0, len(buf))
        op = ch.choice(["truncate", "flip", "insert", "delete", "duplicate"])
        if op == "truncate":
            del buf[pos:]
        elif op == "flip" and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << ch.randint(0, 7)
        elif op == "insert":
            buf[pos:pos] = bytes(ch.choice([[0], [0xFF], [0x01, 0x12], [0xC3], [0xED, 0xA0, 0x80],
                                             [0x22], [0x5B] * 64, [0x0A]]))
        elif op == "delete":
            del buf[pos:pos + ch.randint(1, 64)]
        else:
            buf[pos:pos] = buf[pos:pos + ch.randint(1, 256)]
    return bytes(buf)


# -- formats ----------------------------------------------------------------------------------
def mutate_json_file(data: bytes, ch, prefix_js: bool = False) -> bytes:
    if ch.randint(0, 3) == 0:
        return mutate_bytes(data, ch)
    text = data.decode("utf-8-sig")
    prefix = ""
    if prefix_js and "=" in text:
        head, _, text = text.partition("=")
        prefix = head + "= "
    doc, deep = mutate_value(json.loads(text), ch)
    return prefix.encode() + dump(doc, deep, ch)


def mutate_jsonl(data: bytes, ch) -> bytes:
    if ch.randint(0, 3) == 0:
        return mutate_bytes(data, ch)
    lines = data.splitlines()
    for _ in range(ch.randint(1, 3)):
        index = ch.randint(0, len(lines) - 1)
        try:
            doc = json.loads(lines[index])
        except (ValueError, RecursionError):
            continue
        doc, deep = mutate_value(doc, ch)
        lines[index] = dump(doc, deep, ch)
    return b"\n".join(lines) + b"\n"


def mutate_csv(data: bytes, ch) -> bytes:
    if ch.randint(0, 2) == 0:
        return mutate_bytes(data, ch)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    rows = rows or [[]]
    for _ in range(ch.randint(1, 3)):
        row = ch.choice(rows)
        op = ch.choice(["cell", "drop", "widen"])
        if op == "cell" or not row:
            row.append("") if not row else None
            row[ch.randint(0, len(row) - 1)] = str(ch.choice(ODD_STRINGS + EXTREME_DATES
                                                             + EXTREME_NUMBERS))
        elif op == "drop":
            row.pop(ch.randint(0, len(row) - 1))
        else:
            row.extend(["x"] * ch.randint(1, 500))
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def build_car(did, rev, records: list[tuple[str, bytes]], node_edit=None,
              commit_edit=None) -> bytes:
    """A CARv1 repository with one tree node holding ``records`` (key, DAG-CBOR body)."""
    blocks, entries = [], []
    for key, body in sorted(records):
        cid = cid_of(body)
        blocks.append((cid, body))
        entries.append({"p": 0, "k": key.encode(), "v": cid, "t": None})
    node: object = {"l": None, "e": entries}
    if node_edit:
        node = node_edit(node)
    node_body = node if isinstance(node, bytes) else libipld.encode_dag_cbor(node)
    commit: object = {"did": did, "version": 3, "data": cid_of(node_body), "rev": rev,
                      "prev": None, "sig": b"\0" * 64}
    if commit_edit:
        commit = commit_edit(commit)
    commit_body = commit if isinstance(commit, bytes) else libipld.encode_dag_cbor(commit)
    blocks += [(cid_of(node_body), node_body), (cid_of(commit_body), commit_body)]
    header = libipld.encode_dag_cbor({"version": 1, "roots": [cid_of(commit_body)]})
    out = bytearray(varint(len(header)) + header)
    for cid, body in blocks:
        out += varint(len(cid) + len(body)) + cid + body
    return bytes(out)


def _deep_cbor(depth: int) -> bytes:
    return b"\x81" * depth + b"\x01"


def mutate_car(path: Path, ch) -> bytes:
    data = path.read_bytes()
    if ch.randint(0, 3) == 0:
        return mutate_bytes(data, ch) if ch.randint(0, 4) else data + b"\x01\x12"
    with read_repo(str(path)) as repo:
        records = [(f"{e.collection}/{e.rkey}", libipld.encode_dag_cbor(e.record))
                   for e in repo.entries()]
        did, rev = repo.did, repo.rev
    target = ch.choice(["record", "record", "record", "node", "commit"])
    node_edit = commit_edit = None
    if target == "record" and records:
        index = ch.randint(0, len(records) - 1)
        key, body = records[index]
        if ch.randint(0, 4) == 0:
            body = _deep_cbor(ch.choice(_DEPTHS))
        else:
            doc, deep = mutate_value(libipld.decode_dag_cbor(body), ch)
            try:
                body = _deep_cbor(ch.choice(_DEPTHS)) if deep else libipld.encode_dag_cbor(doc)
            except (ValueError, TypeError, OverflowError):
                body = mutate_bytes(body, ch)
        records[index] = (key, body)
    elif target == "node":
        def node_edit(node):
            if ch.randint(0, 3) == 0:
                return _deep_cbor(ch.choice(_DEPTHS))
            entry = ch.choice(node["e"]) if node["e"] else node
            entry[ch.choice(["p", "k", "v", "t", "l", "e"])] = ch.choice(
                [b"", b"\x01", -1, 10**6, "x", None, [], {}, 2**63])
            return node
    else:
        def commit_edit(commit):
            commit[ch.choice(["did", "data", "rev", "version"])] = ch.choice(
                TYPE_CHANGES[:9] + [b"", b"\x01\x71"] + EXTREME_DATES[:2])
            return commit
    try:
        return build_car(did, rev, records, node_edit, commit_edit)
    except (ValueError, TypeError, OverflowError):
        return mutate_bytes(data, ch)


# -- bases: one real export per importer ----------------------------------------------------
@dataclass(frozen=True)
class Base:
    importer: str
    files: dict[str, bytes]     # relative name -> content
    single_file: bool           # the source is one file, not a folder
    packable: bool              # may be packed as .zip / .tar.gz


def _folder(root: Path, *names: str) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in names}


def bases() -> dict[str, list[Base]]:
    x = FIXTURES / "x-archive-mini" / "data"
    extra = FIXTURES / "x-archive-extra" / "data"
    x_files = {f"data/{p.name}": p.read_bytes() for p in sorted(x.glob("*.js"))}
    x_files |= {f"data/{p.name}": p.read_bytes() for p in sorted(extra.glob("*.js"))}
    masto = FIXTURES / "mastodon" / "archive_synthetic"
    csvs = FIXTURES / "mastodon" / "csv_exports"
    cars = FIXTURES / "bluesky" / "car"
    demo = b"".join(DEMO.read_bytes().splitlines(keepends=True)[:80])
    return {
        "x-archive": [Base("x-archive", x_files, False, True)],
        "mastodon-archive": [Base("mastodon-archive",
                                  _folder(masto, "actor.json", "outbox.json", "likes.json",
                                          "bookmarks.json"), False, True)],
        "mastodon-csv": [Base("mastodon-csv", {p.name: p.read_bytes()}, True, False)
                         for p in sorted(csvs.iterdir())],
        "bluesky-car": [Base("bluesky-car", {p.name: p.read_bytes()}, True, False)
                        for p in (cars / "repo.car", cars / "greenground.repo.car")],
        "jetstream": [Base("jetstream", _folder(FIXTURES / "bluesky" / "jetstream",
                                                "golden_v1.jsonl"), True, False)],
        "generic": [Base("generic", {"posts.jsonl": demo}, True, False)],
    }


def mutated_source(base: Base, ch, workdir: Path) -> Path:
    """Write a mutated copy of ``base`` under ``workdir``; return the source to import."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    files = dict(base.files)
    name = ch.choice(sorted(files))
    data = files[name]
    if name.endswith(".car"):
        orig = workdir / "orig.car"
        orig.write_bytes(data)
        files[name] = mutate_car(orig, ch)
        orig.unlink()
    elif name.endswith(".jsonl"):
        files[name] = mutate_jsonl(data, ch)
    elif name.endswith((".js", ".json")):
        files[name] = mutate_json_file(data, ch, prefix_js=name.endswith(".js"))
    else:
        files[name] = mutate_csv(data, ch)
    if base.single_file:
        path = workdir / name
        path.write_bytes(files[name])
        return path
    folder = workdir / "export"
    for rel, content in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(content)
    pack = ch.choice(["folder", "folder", "zip", "tar.gz"]) if base.packable else "folder"
    if pack == "zip":
        with zipfile.ZipFile(workdir / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for rel, content in files.items():
                archive.writestr(rel, content)
        return workdir / "export.zip"
    if pack == "tar.gz":
        with tarfile.open(workdir / "export.tar.gz", "w:gz") as archive:
            for rel, content in files.items():
                info = tarfile.TarInfo(rel)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
        return workdir / "export.tar.gz"
    return folder


# -- running a case ---------------------------------------------------------------------------
def fingerprint(store: Store) -> list[tuple]:
    """Every table's row count and an order-free hash of its rows."""
    tables = [r[0] for r in store.rows(
        "SELECT table_name FROM information_schema.tables ORDER BY table_name")]
    return store.rows(" UNION ALL ".join(  # one query: the fuzz runs this 10,000s of times
        f"SELECT '{t}', count(*), sum(hash(x)) FROM {t} x" for t in tables) + " ORDER BY 1")


def db_fingerprint(db: Path) -> list[tuple]:
    """``fingerprint`` of the database file ``db``."""
    with Store(db) as store:
        return fingerprint(store)


def refused(run, db: Path, source: Path, *words: str, args: tuple = ()) -> str:
    """Import ``source`` through the CLI (``run``); assert the one-line error naming it, each
    of ``words`` in it, and the database ``db`` unchanged. Returns the error line."""
    before = db_fingerprint(db)
    result = run("import", source, "--db", db, *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("kindscope: error: ") and result.stderr.count("\n") == 1
    assert str(source) in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert db_fingerprint(db) == before
    return result.stderr


@dataclass
class Outcome:
    result: str             # "ok", "input_error" or "crash"
    detail: str = ""        # the error line, or the crash's type, message and last frame
    db_changed: bool = False


#: store -> its fingerprint while it is known (weak: a new store never inherits an old one's,
#: as it could by ``id`` once the old store is gone)
_KNOWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def run_case(base: Base, ch, workdir: Path, store: Store) -> Outcome:
    source = mutated_source(base, ch, workdir)
    before = _KNOWN.pop(store, None) or fingerprint(store)
    try:
        import_sources(store, [str(source)])
    except InputError as exc:
        after = fingerprint(store)
        _KNOWN[store] = after  # the next case starts from here
        return Outcome("input_error", str(exc), after != before)
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzz looks for
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return Outcome("crash", f"{type(exc).__name__} at {where}: {str(exc)[:200]}")
    return Outcome("ok")


# -- decompression bombs -------------------------------------------------------------------
class Spaces(io.RawIOBase):
    """``size`` bytes of spaces, streamed: a bomb's payload never sits in memory."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b" " * n
        self.left -= n
        return n


def build_bomb(folder: Path, actor: bytes, size: int, as_zip: bool = False,
               compresslevel: int = 9) -> Path:
    """A Mastodon export (``actor.json`` and an ``outbox.json`` of ``size`` spaces) as
    ``bomb.tar.gz`` or ``bomb.zip`` in ``folder``: tiny on disk, ``size`` bytes inflated."""
    if as_zip:
        path = folder / "bomb.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                             compresslevel=compresslevel) as archive:
            archive.writestr("actor.json", actor)
            with archive.open("outbox.json", "w", force_zip64=True) as out:
                stream = Spaces(size)
                while chunk := stream.read(1 << 20):
                    out.write(chunk)
        return path
    path = folder / "bomb.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=compresslevel) as archive:
        info = tarfile.TarInfo("actor.json")
        info.size = len(actor)
        archive.addfile(info, io.BytesIO(actor))
        info = tarfile.TarInfo("outbox.json")
        info.size = size
        archive.addfile(info, io.BufferedReader(Spaces(size), 1 << 20))
    return path
