"""What the product says of belittling replies read as kind (``reliability.SCORN_AS_KIND``:
"more than half of those written to test it") and the support card's counts, read again
from the four frozen sets of plans 35 to 38 with the shipped model (slow: 680 replies)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ROOT / "training" / "variants"
SETS = ("2026-12-06p/review/devaluing.jsonl", "2026-12-06q/review/stance.jsonl",
        "2026-12-06r/review/replies.jsonl", "2026-12-06s/review/answers.jsonl")


def _script():
    path = VARIANTS / "2026-12-06p" / "score_devaluing.py"
    spec = importlib.util.spec_from_file_location("score_devaluing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_more_than_half_of_the_belittling_replies_read_as_kind_as_the_product_says():
    from kindscope.signals.model import ARTIFACTS

    script = _script()
    counts = []
    for name in SETS:
        rows = script.read(ARTIFACTS, VARIANTS / name)
        hostile = [r for r in rows if r["kind"] in script.HOSTILE]
        counts.append(sum(r["support"] >= 0.5 for r in hostile))
        assert counts[-1] > len(hostile) / 2, (name, counts[-1], len(hostile))
    card = " ".join((ROOT / "docs/models/support.md").read_text(encoding="utf-8").split())
    said = f"{counts[0]}, {counts[1]}, {counts[2]} and {counts[3]} of 90 read as support"
    assert said in card, (counts, re.findall(r"\d+, \d+, \d+ and \d+ of 90[^.]*", card))
