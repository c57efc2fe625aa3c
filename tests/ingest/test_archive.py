"""The safe archive reader: path escapes, links, zip bombs, damaged and non-UTF-8 members."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile

import pytest

from kindscope.errors import InputError
from kindscope.ingest.archive import ArchiveReader


def make_zip(path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_reads_folder_zip_and_tar(tmp_path):
    folder = tmp_path / "export"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "a.js").write_text("hello")
    zipped = make_zip(tmp_path / "e.zip", {"data/a.js": b"hello"})
    tarred = tmp_path / "e.tar.gz"
    with tarfile.open(tarred, "w:gz") as tf:
        tf.add(folder / "data" / "a.js", arcname="data/a.js")
    for source in (folder, zipped, tarred):
        reader = ArchiveReader(source)
        assert reader.find("a.js") == "data/a.js"
        assert reader.read_text("data/a.js") == "hello"


@pytest.mark.parametrize("name", ["../evil.js", "/etc/passwd", "data/../../evil.js"])
def test_zip_entry_escaping_the_folder_is_refused(tmp_path, name):
    archive = make_zip(tmp_path / "e.zip", {name: b"x"})
    with pytest.raises(InputError, match="escapes the archive folder"):
        ArchiveReader(archive)


def test_zip_symlink_is_refused(tmp_path):
    archive = tmp_path / "e.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("data/link.js")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(InputError, match="symbolic link"):
        ArchiveReader(archive)


def test_tar_symlink_is_refused(tmp_path):
    archive = tmp_path / "e.tar"
    with tarfile.open(archive, "w") as tf:
        info = tarfile.TarInfo("data/link.js")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tf.addfile(info)
    with pytest.raises(InputError, match="link"):
        ArchiveReader(archive)


def test_folder_link_pointing_outside_is_refused(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    os.symlink("/etc", folder / "data")
    with pytest.raises(InputError, match="points outside"):
        ArchiveReader(folder)


def test_zip_bomb_is_refused(tmp_path):
    archive = make_zip(tmp_path / "bomb.zip", {"data/tweets.js": b"0" * 5_000_000})
    reader = ArchiveReader(archive)
    with pytest.raises(InputError, match="zip bomb"):
        reader.read_bytes("data/tweets.js")


def test_file_larger_than_the_setting_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("KINDSCOPE_MAX_FILE_BYTES", "10")
    archive = make_zip(tmp_path / "e.zip", {"data/a.js": b"x" * 100}, zipfile.ZIP_STORED)
    with pytest.raises(InputError, match="larger than the limit"):
        ArchiveReader(archive).read_bytes("data/a.js")


def test_non_utf8_member_names_the_file(tmp_path):
    archive = make_zip(tmp_path / "e.zip", {"data/a.js": "café".encode("latin-1")})
    with pytest.raises(InputError, match="not UTF-8") as info:
        ArchiveReader(archive).read_text("data/a.js")
    assert "data/a.js" in str(info.value)


def test_damaged_zip_is_refused(tmp_path):
    good = make_zip(tmp_path / "e.zip", {"data/a.js": b"hello world " * 100})
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError):
        ArchiveReader(damaged).read_bytes("data/a.js")


def test_not_an_archive(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(io.BytesIO(b"plain words").getvalue())
    with pytest.raises(InputError, match="not a folder"):
        ArchiveReader(path)
