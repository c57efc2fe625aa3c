"""How much of a signal survives letters written with other characters (issue 11).

    nice -n 10 .venv/bin/python training/eval_letters.py [--before DIR] [--out PATH]

Takes the validation texts of toxicity, offensive, hate, crisis and distress (``splits.py``:
the training sources' held-apart fold, so in distribution), rewrites each whole text in one
of nine styles chosen by a seeded generator (as "font" generators and people disguising a
post do), and reads them the way ``kindscope score`` does (``language.read_texts``: the
language detector first, then the model). A text the detector does not read counts as not
flagged. The styles: mathematical bold, mathematical script, small capitals, superscript
letters, flag letters (a zero-width space between them half of the time), Cyrillic
look-alikes for half of the letters that have one, an emoji between every word, underscores
for spaces, upside down (turned letters, written backwards, lower case).

``--before DIR`` runs the same texts through the code in DIR (a checkout of an older commit,
``git worktree add DIR REV``) in a second process and writes its figures beside these. The
generator writes only the characters ``letters.py`` knows, so the recovered share is an
upper bound for these styles. Writes JSON to
``kindscope/signals/artifacts/letters_metrics.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import SEED  # noqa: E402
from splits import SPLITS  # noqa: E402

OUT = HERE.parent / "kindscope/signals/artifacts/letters_metrics.json"
SIGNALS = ("toxicity", "offensive", "hate", "crisis", "distress")
STYLES = ("bold", "script", "small_caps", "superscript", "flags", "cyrillic",
          "emoji_between", "underscores", "upside_down")

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_SMALL = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ"
_SUPER = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖqʳˢᵗᵘᵛʷˣʸᶻ"
_CYRILLIC = {"a": "а", "e": "е", "i": "і", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х",
             "s": "ѕ", "j": "ј", "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "T": "Т",
             "H": "Н", "K": "К", "M": "М", "B": "В", "X": "Х", "I": "І"}
_EMOJI = ("👏", "😭", "💀", "✨", "🙃")
_TURN = dict(zip("abcdefghijklmnopqrstuvwxyz.,'!?", "ɐqɔpǝɟƃɥıɾʞlɯuodbɹsʇnʌʍxʎz˙',¡¿", strict=True))


def _shift(text: str, lower: int, upper: int) -> str:
    """Letters moved into a block of styled letters (``lower`` for a, ``upper`` for A)."""
    out = []
    for c in text:
        if "a" <= c <= "z":
            out.append(chr(lower + ord(c) - 97))
        elif "A" <= c <= "Z":
            out.append(chr(upper + ord(c) - 65))
        else:
            out.append(c)
    return "".join(out)


def restyle(text: str, style: str, rng: random.Random) -> str:
    """``text`` written in ``style`` (seeded by ``rng``)."""
    if style == "bold":
        return _shift(text, 0x1D41A, 0x1D400)
    if style == "script":
        return _shift(text, 0x1D4EA, 0x1D4D0)
    if style in ("small_caps", "superscript"):
        table = _SMALL if style == "small_caps" else _SUPER
        return "".join(table[_LOWER.index(c.lower())] if c.isascii() and c.isalpha() else c
                       for c in text)
    if style == "flags":
        joint = "\u200b" if rng.random() < 0.5 else ""
        return " ".join(joint.join(chr(0x1F1E6 + ord(c.lower()) - 97) if c.isascii()
                                   and c.isalpha() else c for c in word)
                        for word in text.split())
    if style == "cyrillic":
        return "".join(_CYRILLIC[c] if c in _CYRILLIC and rng.random() < 0.5 else c
                       for c in text)
    if style == "emoji_between":
        emoji = rng.choice(_EMOJI)
        return f" {emoji} ".join(text.split()) if rng.random() < 0.5 else emoji.join(
            text.split())
    if style == "underscores":
        return "_".join(text.split())
    if style == "upside_down":
        return "".join(_TURN.get(c, c) for c in reversed(text.lower()))
    raise ValueError(style)


def _figures(y: np.ndarray, p: np.ndarray, read: np.ndarray, threshold: float) -> dict:
    return {
        "auc": round(float(roc_auc_score(y, p)), 4) if 0 < y.sum() < len(y) else None,
        "recall": round(float((p[y == 1] >= threshold).mean()), 4),
        "false_alarms": round(float((p[y == 0] >= threshold).mean()), 4),
        "not_read": round(float(1 - read.mean()), 4),
    }


def texts_and_styles() -> dict[str, dict]:
    """Per signal: the validation texts, labels, and each text restyled (one style each)."""
    out = {}
    for signal in SIGNALS:
        _, val = SPLITS[signal]()
        rng = random.Random(f"{SEED}:letters:{signal}")
        styles = [STYLES[i % len(STYLES)] for i in range(len(val))]
        rng.shuffle(styles)
        out[signal] = {
            "texts": [e.text for e in val],
            "labels": [int(e.label) for e in val],
            "styles": styles,
            "restyled": [restyle(e.text, s, rng) for e, s in zip(val, styles, strict=True)],
        }
    return out


def score(sets: dict[str, dict]) -> dict:
    """Figures for each signal, as written and restyled, with the kindscope on sys.path."""
    from kindscope.signals import MODEL_VERSION, THRESHOLDS
    from kindscope.signals.language import read_texts

    res = {}
    for signal, s in sets.items():
        y = np.array(s["labels"])
        th = THRESHOLDS[signal]
        row = {"n": len(y), "positives": int(y.sum())}
        for name in ("texts", "restyled"):
            table = read_texts(s[name], signals=[signal])
            p = np.nan_to_num(np.array(table[signal].to_pylist(), dtype=float), nan=0.0)
            read = ~table[signal].is_null().to_numpy(zero_copy_only=False)
            key = "as_written" if name == "texts" else "restyled"
            row[key] = _figures(y, p, read, th)
            if name == "restyled":
                styles = np.array(s["styles"])
                row["by_style"] = {st: _figures(y[styles == st], p[styles == st],
                                                read[styles == st], th) for st in STYLES}
        res[signal] = row
        print(signal, json.dumps({k: row[k] for k in ("as_written", "restyled")}), flush=True)
    import kindscope

    code = Path(kindscope.__file__).resolve().parent.parent
    return {"model_version": MODEL_VERSION, "code": code.name, "signals": res}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a checkout of an older commit")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--score-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    t0 = time.time()
    sets = texts_and_styles()
    if args.score_only:  # the --before process: this kindscope, the figures to a file
        args.score_only.write_text(json.dumps(score(sets)), encoding="utf-8")
        return {}
    sys.path.insert(0, str(HERE.parent))
    report = {"command": "nice -n 10 .venv/bin/python training/eval_letters.py"
                         + (" --before DIR" if args.before else ""),
              **score(sets)}
    if args.before:
        rev = subprocess.run(["git", "-C", str(args.before), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        tmp = args.out.with_suffix(".before.json")
        env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
        subprocess.run([sys.executable, __file__, "--score-only", str(tmp)], env=env,
                       check=True, cwd=args.before)
        report["before"] = {"commit": rev, **json.loads(tmp.read_text(encoding="utf-8"))}
        tmp.unlink()
    report["seconds"] = round(time.time() - t0, 1)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
