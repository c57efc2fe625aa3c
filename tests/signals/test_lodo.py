"""Leave-one-data-set-out variants never overwrite the shipped heads; the card rows."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_leave_out_refuses_the_shipped_folder():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "training"))
    import train_signals

    for argv in (["--leave-out", "goemotions"],
                 ["--leave-out", "goemotions", "--skip-export", "--signals", "upbeat"]):
        with pytest.raises(SystemExit) as exit_info:
            train_signals.main(argv)
        assert exit_info.value.code == 2


def test_card_rows_name_what_was_left_out():
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "training"))
    from lodo import card_lines

    lodo = {"runs": [{"signal": "upbeat", "left_out": ["emotion", "sentiment"],
                      "figures": {"emotion": {"n": 374, "auc": 0.78, "macro_f1": 0.64}}}]}
    rows = card_lines("upbeat", lodo)
    assert rows[-1] == ("| emotion, sentiment | emotion validation (held apart) | 374 | 0.78 | "
                        "0.64 |  |")
    assert card_lines("crisis", lodo) == []
