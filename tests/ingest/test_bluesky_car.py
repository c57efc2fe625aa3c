"""Bluesky repository exports (.car): the real CAR fixtures in ../shared and damaged copies."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from kindscope.errors import InputError
from kindscope.ingest import bluesky_car
from kindscope.ingest.base import ImportOptions
from kindscope.model import Snapshot
from kindscope.store.db import Store

CAR = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "bluesky" / "car"
pytestmark = pytest.mark.skipif(not CAR.exists(), reason="../shared fixtures are not here")


def expected_listing() -> set[tuple[str, str]]:
    lines = (CAR / "car_expected_records.tsv").read_text().splitlines()
    return {tuple(line.split("\t")) for line in lines if line}  # type: ignore[misc]


def test_repo_car_lists_exactly_the_expected_records_and_cids():
    with bluesky_car.read_repo(str(CAR / "repo.car")) as repo:
        got = {(f"{e.collection}/{e.rkey}", e.cid) for e in repo.entries()}
    assert got == expected_listing()
    assert len(got) == 23
    commit = (CAR / "car_expected_commit.txt").read_text()
    assert f"DID: {repo.did}" in commit
    assert f"Data CID: {repo.data_cid}" in commit
    assert f"Revision: {repo.rev}" in commit


def test_repo_car_keys_come_out_in_order():
    with bluesky_car.read_repo(str(CAR / "repo.car")) as repo:
        keys = [f"{e.collection}/{e.rkey}" for e in repo.entries()]
    assert keys == sorted(keys)


def test_repo_car_records_map_to_kindscope_records():
    records = list(bluesky_car.read(str(CAR / "repo.car"), ImportOptions()))
    assert records[0] == Snapshot(
        platform="bluesky",
        owner_id="did:plc:53iucmf5ldftgqyf2ac7hmhd",
        taken_at=records[0].taken_at,
        description=records[0].description,
    )
    assert records[0].taken_at.year == 2026
    kinds = Counter(type(r).__name__ for r in records[1:])
    # 6 posts + 3 reposts, 10 likes, 3 follows, 1 profile (see car_expected_records.tsv)
    assert kinds == {"Post": 9, "Reaction": 10, "Follow": 3, "Account": 1}
    reply = next(r for r in records if getattr(r, "post_id", "").endswith("3lsbqxwblik2d"))
    assert reply.reply_to_post_id.endswith("/app.bsky.feed.post/3lqcnvhqk622d")
    assert reply.root_post_id == reply.reply_to_post_id
    assert reply.reply_to_account_id == "did:plc:53iucmf5ldftgqyf2ac7hmhd"


def test_all_car_fixtures_import_through_the_cli(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    for name in ("repo.car", "paul_staging.repo.car", "greenground.repo.car"):
        result = run("import", CAR / name, "--db", db)
        assert result.exit_code == 0, result.output
        assert "(bluesky-car)" in result.output
    stats = stats_of(db)
    assert stats["snapshots"] == 3
    assert stats["posts"] == 6 + 101
    assert stats["reposts"] == 3 + 15
    assert stats["follows"] == 3 + 8 + 2
    assert stats["reactions"] == 10 + 60
    again = run("import", CAR / "repo.car", "--db", db)
    assert "already imported" in again.output
    assert stats_of(db) == stats


def test_detect_by_suffix_and_by_header(tmp_path):
    assert bluesky_car.detect(str(CAR / "repo.car"))
    renamed = tmp_path / "export.bin"
    shutil.copy(CAR / "repo.car", renamed)
    assert bluesky_car.detect(str(renamed))
    other = tmp_path / "notes.bin"
    other.write_bytes(b"hello world")
    assert not bluesky_car.detect(str(other))
    assert not bluesky_car.detect(str(tmp_path / "missing.car.x"))


def damaged(tmp_path, how: str):
    data = bytearray((CAR / "repo.car").read_bytes())
    if how == "truncated":
        data = data[: len(data) - 100]
    elif how == "flipped":
        data[4000] ^= 0xFF
    elif how == "varint":
        data = data + b"\xff" * 12
    path = tmp_path / f"{how}.car"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["truncated", "flipped", "varint"])
def test_damaged_block_is_an_input_error_naming_the_block(tmp_path, how):
    path = damaged(tmp_path, how)
    with pytest.raises(InputError, match=r"block \d+ is damaged: ") as info:
        list(bluesky_car.read(str(path), ImportOptions()))
    assert info.value.where == str(path)


def test_damaged_car_through_the_cli_leaves_the_database_unchanged(run, stats_of, tmp_path):
    db = tmp_path / "k.duckdb"
    assert run("import", CAR / "greenground.repo.car", "--db", db).exit_code == 0
    before = stats_of(db)
    path = damaged(tmp_path, "flipped")
    result = run("import", path, "--db", db)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kindscope: error: {path}: block ")
    assert "does not match its CID" in lines[0]
    assert stats_of(db) == before


def test_not_a_car_and_missing_commit(tmp_path):
    junk = tmp_path / "junk.car"
    junk.write_bytes(b"\x05hello")
    with pytest.raises(InputError, match="not a CAR file"):
        bluesky_car.read_repo(str(junk))
    # header only: the commit block named by the header is not there
    data = (CAR / "repo.car").read_bytes()
    header_end = 1 + data[0]
    headless = tmp_path / "header_only.car"
    headless.write_bytes(data[:header_end])
    with pytest.raises(InputError, match="commit block"):
        bluesky_car.read_repo(str(headless))


def test_store_unchanged_when_reading_fails_midway(tmp_path):
    store = Store(tmp_path / "k.duckdb")
    from kindscope.ingest import import_sources

    with pytest.raises(InputError):
        import_sources(store, [str(damaged(tmp_path, "truncated"))])
    assert store.scalar("SELECT count(*) FROM posts") == 0
    assert store.scalar("SELECT count(*) FROM snapshots") == 0


# -- the file is streamed, never held whole --------------------------------------------------
def generated_repo(path: Path, n: int, text: int) -> Path:
    """A repository of ``n`` posts of about ``text`` characters each (car_writer)."""
    import car_writer
    import libipld

    records = (
        (f"app.bsky.feed.post/3l{i:011d}", libipld.encode_dag_cbor({
            "$type": "app.bsky.feed.post", "text": f"post {i} " + "w" * text,
            "createdAt": "2024-05-01T12:00:00.000Z"}))
        for i in range(n))
    car_writer.write_car(path, "did:plc:generated", "3lsbqxwblik2d", records)
    return path


class RecordingFile:
    """A binary file that notes the size of each read."""

    def __init__(self, path, reads: list[int], opened: list[RecordingFile]):
        self.file = open(path, "rb")  # noqa: SIM115
        self.reads = reads
        opened.append(self)

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.reads.append(len(data) if size is None or size < 0 else size)
        return data

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.file.close()


def record_opens(monkeypatch, reads: list[int], opened: list) -> None:
    """The importer opens files through RecordingFile, and never reads one whole."""
    monkeypatch.setattr(bluesky_car, "open", lambda path, mode="r": RecordingFile(
        path, reads, opened), raising=False)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} read whole"))


def test_the_file_is_read_in_small_pieces_never_whole(tmp_path, monkeypatch):
    path = generated_repo(tmp_path / "big.car", 3000, 300)
    size = path.stat().st_size
    reads: list[int] = []
    record_opens(monkeypatch, reads, [])
    records = list(bluesky_car.read(str(path), ImportOptions()))
    assert sum(type(r).__name__ == "Post" for r in records) == 3000
    bound = bluesky_car._CHUNK
    assert size > 10 * bound
    assert sum(reads) >= size and max(reads) <= bound


def test_memory_stays_far_below_the_file_size(tmp_path):
    import tracemalloc

    path = generated_repo(tmp_path / "big.car", 500, 4000)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in bluesky_car.read(str(path), ImportOptions()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 501
    assert size > 2_000_000 and peak < size // 4, (size, peak)


def test_the_file_is_closed_after_reading_on_errors_and_when_abandoned(tmp_path, monkeypatch):
    good = generated_repo(tmp_path / "good.car", 200, 50)
    data = bytearray(good.read_bytes())
    data[-200] ^= 0xFF
    bad = tmp_path / "bad.car"
    bad.write_bytes(bytes(data))
    opened: list[RecordingFile] = []
    record_opens(monkeypatch, [], opened)
    assert len(list(bluesky_car.read(str(good), ImportOptions()))) == 201
    with pytest.raises(InputError, match="is damaged"):
        list(bluesky_car.read(str(bad), ImportOptions()))
    records = bluesky_car.read(str(good), ImportOptions())
    next(records)
    records.close()
    with bluesky_car.read_repo(str(good)) as repo:
        next(repo.entries())
    assert len(opened) == 4 and all(f.closed for f in opened)


def test_a_damaged_block_late_in_the_file_is_named_with_its_number(tmp_path):
    import car_writer

    data = generated_repo(tmp_path / "big.car", 3000, 300).read_bytes()
    frames = car_writer.frames(data)
    chunk = bluesky_car._CHUNK  # a block that straddles the reads of the first pass
    assert len(data) > 4 * chunk
    straddling = next(i for i, (start, end) in enumerate(frames) if start < 3 * chunk < end)
    for index in (straddling, len(frames) - 3):
        flipped = bytearray(data)
        flipped[frames[index][1] - 1] ^= 0xFF
        path = tmp_path / f"flipped{index}.car"
        path.write_bytes(bytes(flipped))
        with pytest.raises(InputError, match=rf": block {index + 1} is damaged: content does "
                                             r"not match its CID \(sha256\)$") as info:
            list(bluesky_car.read(str(path), ImportOptions()))
        assert info.value.where == str(path)
    start, end = frames[-3]
    body = start + 2  # the block's length takes two bytes
    cut = tmp_path / "cut.car"
    cut.write_bytes(data[:body + 40])
    with pytest.raises(InputError, match=rf": block {len(frames) - 2} is damaged: truncated "
                                         rf"\(needs {end - body} bytes, 40 left\)$"):
        bluesky_car.read_repo(str(cut))


def test_a_block_changed_after_its_check_is_refused(tmp_path):
    import car_writer

    path = generated_repo(tmp_path / "big.car", 100, 50)
    start, end = car_writer.frames(path.read_bytes())[10]
    records = bluesky_car.read(str(path), ImportOptions())
    next(records)  # the snapshot: every block has been checked
    with open(path, "r+b") as out:
        out.seek(end - 1)
        out.write(b"!")
    with pytest.raises(InputError, match=": block 11 changed while the file was read$"):
        list(records)
