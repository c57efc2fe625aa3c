"""Every frozen review set under ``training/variants`` is the file its hash was taken of.

Review sets are written before any model reads them and hashed (``SHA256SUMS`` or
``<name>.sha256``, in ``sha256sum`` format); the figures in the variants' READMEs and the model
cards were read from those bytes. A set changed afterwards would make every such figure a
claim about other data, so a change must come with a new hash in a reviewed commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

VARIANTS = Path(__file__).resolve().parents[1] / "training" / "variants"
HASH_FILES = sorted([*VARIANTS.glob("*/review/SHA256SUMS"), *VARIANTS.glob("*/review/*.sha256")])


def _entries() -> list[tuple[Path, str]]:
    out = []
    for hash_file in HASH_FILES:
        for line in hash_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                digest, name = line.split(maxsplit=1)
                out.append((hash_file.parent / name.lstrip("*"), digest))
    return out


def test_the_variants_have_frozen_sets():
    assert len(HASH_FILES) >= 10


@pytest.mark.parametrize("path,digest", _entries(), ids=lambda v: getattr(v, "name", "")[:40])
def test_frozen_set_matches_its_hash(path, digest):
    assert path.exists(), f"{path} is listed in a hash file but missing"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, (
        f"{path.relative_to(VARIANTS.parent.parent)} is not the frozen review set its hash "
        "names; a changed set needs a new hash in a commit that says why")
