"""Reading export archives safely: a folder, a .zip, or a .tar/.tar.gz.

We never extract anything. Only the data files an importer asks for are read, streamed,
with limits: an entry that would escape the folder (``../``, an absolute path, a symlink
or hard link) refuses the whole archive, and so does a member compressed more than
``max_compression_ratio`` times or larger than ``max_file_bytes`` (zip-bomb guards).

Both limits hold while the data streams, for zip and tar alike: a zip member is read with
a cap of its compressed size times the ratio, and a .tar.gz is inflated by
:class:`_Inflating`, which counts compressed bytes in and expanded bytes out and refuses
the archive as soon as the expansion passes the ratio (after its first MiB), before a
bomb's gigabytes are ever produced.
"""

from __future__ import annotations

import io
import posixpath
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from kindscope import settings
from kindscope.errors import InputError

__all__ = ["ArchiveReader", "MemberStream", "is_archive_file", "is_damaged_zip", "DAMAGED_ZIP"]

_CHUNK = 1 << 20
#: The error for a .zip that cannot be opened: as a rule, a download cut short.
DAMAGED_ZIP = "damaged or incomplete zip (was the download finished?)"


def is_archive_file(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and (
        name.endswith((".zip", ".tar", ".tar.gz", ".tgz")) or zipfile.is_zipfile(path)
    )


def is_damaged_zip(path: Path) -> bool:
    """A file named .zip, or starting as a zip does, that is no readable zip (its end, the
    zip's table of contents, is missing or broken)."""
    try:
        if not path.is_file():  # a FIFO is never opened
            return False
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    named = path.name.lower().endswith(".zip")
    return (named or head == b"PK\x03\x04") and not zipfile.is_zipfile(path)


def _unsafe(name: str) -> bool:
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return True
    return ".." in PurePosixPath(posix).parts


class ArchiveReader:
    """Lists and reads the members of an export, whatever it is packed in.

    Member names are POSIX paths relative to the archive root.
    """

    def __init__(self, path: str | Path, max_file_bytes: int | None = None,
                 max_ratio: float | None = None):
        self.path = Path(path)
        self.max_bytes = int(settings.get("max_file_bytes", max_file_bytes))
        self.max_ratio = float(settings.get("max_compression_ratio", max_ratio))
        self._zip: zipfile.ZipFile | None = None
        self._tar: tarfile.TarFile | None = None
        if not self.path.exists():
            raise InputError("no such file or folder", str(self.path))
        if self.path.is_dir():
            self._names = self._folder_names()
        elif self.path.name.lower().endswith((".tar", ".tar.gz", ".tgz")):
            self._names = self._tar_names()
        elif zipfile.is_zipfile(self.path):
            self._names = self._zip_names()
        elif is_damaged_zip(self.path):
            raise InputError(DAMAGED_ZIP, str(self.path))
        else:
            raise InputError("not a folder, .zip or .tar.gz archive", str(self.path))

    # -- listing ---------------------------------------------------------------------------
    def _folder_names(self) -> list[str]:
        root = self.path.resolve()
        names = []
        for item in sorted(self.path.rglob("*")):
            rel = item.relative_to(self.path).as_posix()
            if item.is_symlink():
                target = item.resolve()
                if root not in target.parents and target != root:
                    raise InputError(f"{rel} is a link that points outside the export",
                                     str(self.path))
            if item.is_file():
                names.append(rel)
        return names

    def _zip_names(self) -> list[str]:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(f"not a readable zip archive ({exc})", str(self.path)) from exc
        names = []
        for info in infos:
            if _unsafe(info.filename):
                raise InputError(f"entry {info.filename!r} escapes the archive folder",
                                 str(self.path))
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            if is_link:
                raise InputError(f"entry {info.filename!r} is a symbolic link", str(self.path))
            if not info.is_dir():
                names.append(info.filename)
        return names

    def _tar_names(self) -> list[str]:
        try:
            self._tar = open_tar(self.path, self.max_ratio)
            members = self._tar.getmembers()
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise InputError(f"not a readable tar archive ({exc})", str(self.path)) from exc
        names, self._tar_members = [], {}
        for member in members:
            if _unsafe(member.name):
                raise InputError(f"entry {member.name!r} escapes the archive folder",
                                 str(self.path))
            if member.issym() or member.islnk():
                raise InputError(f"entry {member.name!r} is a link", str(self.path))
            if member.isfile():
                names.append(posixpath.normpath(member.name))
                self._tar_members[names[-1]] = member  # "./a.json" is listed as "a.json"
        return names

    def names(self) -> list[str]:
        return list(self._names)

    def find(self, *basenames: str) -> str | None:
        """The first member whose file name (any folder) is one of ``basenames``."""
        for basename in basenames:
            for name in self._names:
                if PurePosixPath(name).name.lower() == basename.lower():
                    return name
        return None

    def where(self, name: str) -> str:
        return f"{self.path}/{name}" if self.path.is_dir() else f"{self.path}:{name}"

    # -- reading ---------------------------------------------------------------------------
    def read_bytes(self, name: str) -> bytes:
        """A member's bytes, whole (for small files; ``open`` streams a large one)."""
        with self.open(name) as stream:
            return stream.read_all()

    def read_text(self, name: str) -> str:
        data = self.read_bytes(name)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte {exc.start})", self.where(name)) from exc

    @contextmanager
    def open(self, name: str) -> Iterator[MemberStream]:
        """A member as a stream of bytes, read with the limits (``MemberStream``); a 300 MB
        ``tweets.js`` is never held whole."""
        if name not in self._names:
            raise InputError("no such member", self.where(name))
        where = self.where(name)
        try:
            if self._zip is not None:
                raw, limit = self._open_zip(name)
            elif self._tar is not None:
                member = self._tar_members[name]
                if member.size > self.max_bytes:
                    raise InputError(f"larger than the limit of {self.max_bytes} bytes", where)
                raw, limit = self._tar.extractfile(member), self.max_bytes
            else:
                file = self.path / name
                if file.stat().st_size > self.max_bytes:
                    raise InputError(f"larger than the limit of {self.max_bytes} bytes", where)
                raw, limit = open(file, "rb"), self.max_bytes  # noqa: SIM115 (closed below)
        except _DAMAGED as exc:
            raise InputError(f"damaged archive member ({exc})", where) from exc
        try:
            yield MemberStream(raw, limit, where)
        finally:
            raw.close()

    def _open_zip(self, name: str):
        info = self._zip.getinfo(name)
        if info.file_size > self.max_bytes:
            raise InputError(f"larger than the limit of {self.max_bytes} bytes", self.where(name))
        if info.compress_size and info.file_size / info.compress_size > self.max_ratio:
            raise InputError(
                f"compressed {info.file_size / info.compress_size:.0f}:1, more than "
                f"{self.max_ratio:.0f}:1 (refused as a possible zip bomb)", self.where(name))
        limit = min(self.max_bytes, int(max(info.compress_size, 1) * self.max_ratio) + _CHUNK)
        return self._zip.open(info), limit

    def close(self) -> None:
        for handle in (self._zip, self._tar):
            if handle is not None:
                handle.close()

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


#: What reading a damaged member raises, turned into an ``InputError``.
_DAMAGED = (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, zlib.error)


class MemberStream:
    """A member's bytes as they are read, refused (``InputError``) once they pass ``limit``
    (its stated size, or its compressed size times the ratio) or the archive is damaged."""

    def __init__(self, raw, limit: int, where: str):
        self.raw = raw
        self.limit = limit
        self.where = where
        self.total = 0

    def read(self, size: int = _CHUNK) -> bytes:
        try:
            chunk = self.raw.read(size)
        except _DAMAGED as exc:
            raise InputError(f"damaged archive member ({exc})", self.where) from exc
        self.total += len(chunk)
        if self.total > self.limit:
            raise InputError("expands past its stated size or the limit (refused)", self.where)
        return chunk

    def read_all(self) -> bytes:
        chunks = []
        while chunk := self.read(_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)


# -- tar archives ----------------------------------------------------------------------------
_GZIP, _BZIP2, _XZ = b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00"
#: Expanded bytes allowed before the ratio is checked (tar pads small files with zeros).
_RATIO_SLACK = 1 << 20


def open_tar(path: Path, max_ratio: float | None = None) -> tarfile.TarFile:
    """A tar or .tar.gz archive opened for random access, its expansion watched throughout."""
    ratio = float(settings.get("max_compression_ratio", max_ratio))
    with open(path, "rb") as handle:
        magic = handle.read(6)
    if magic.startswith((_BZIP2, _XZ)):
        raise InputError("a tar compressed with bzip2 or xz: only .tar and .tar.gz are read",
                         str(path))
    if not magic.startswith(_GZIP):
        return tarfile.open(path, "r:")
    stream = io.BufferedReader(_Inflating(Path(path), ratio), _CHUNK)
    return tarfile.open(fileobj=stream, mode="r:")


class _Inflating(io.RawIOBase):
    """A gzip file inflated as it is read (seekable: backwards restarts from the start),
    refused with InputError once it has expanded more than ``ratio`` times."""

    def __init__(self, path: Path, ratio: float):
        super().__init__()
        self.path, self.ratio = path, ratio
        self._raw = None
        self._restart()

    def _restart(self) -> None:
        if self._raw is not None:
            self._raw.close()
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed in close()
        self._z = zlib.decompressobj(31)
        self._buf, self._off, self._pos = b"", 0, 0
        self._in = self._out = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            offset += self._pos
        elif whence != io.SEEK_SET:
            raise io.UnsupportedOperation("seek from the end of a gzip stream")
        if offset < self._pos:
            self._restart()
        while self._pos < offset and self._take(min(offset - self._pos, _CHUNK)):
            pass
        return self._pos

    def readinto(self, buffer) -> int:
        data = self._take(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def _take(self, size: int) -> bytes:
        if self._off >= len(self._buf):
            self._fill()
        data = self._buf[self._off:self._off + size]
        self._off += len(data)
        self._pos += len(data)
        return data

    def _fill(self) -> None:
        self._buf, self._off = b"", 0
        while not self._buf and not self._done:
            if self._z.eof:  # the end of one gzip member: another may follow
                data = self._z.unused_data or self._read_raw()
                if not data.strip(b"\0"):
                    self._done = True
                    return
                self._z = zlib.decompressobj(31)
            else:
                data = self._z.unconsumed_tail or self._read_raw()
                if not data:
                    raise InputError("the gzip data ends early (truncated)", str(self.path))
            self._buf = self._z.decompress(data, _CHUNK)
            self._out += len(self._buf)
            if self._out > _RATIO_SLACK and self._out > self._in * self.ratio:
                raise InputError(
                    f"expands more than {self.ratio:.0f}:1 while being read (refused as a "
                    "possible decompression bomb)", str(self.path))

    def _read_raw(self) -> bytes:
        data = self._raw.read(_CHUNK)
        self._in += len(data)
        return data

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
        super().close()
