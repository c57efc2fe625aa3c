"""The model cards' sections on disguised spellings and letters written with other
characters (``training/eval_spelling.py``, ``training/eval_letters.py``)."""

from __future__ import annotations

import json
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[1] / "kindscope/signals/artifacts"
STYLE_NAMES = {
    "bold": "mathematical bold", "script": "mathematical script",
    "small_caps": "small capitals", "superscript": "superscript letters",
    "flags": "flag letters", "cyrillic": "Cyrillic look-alikes",
    "emoji_between": "an emoji between words", "underscores": "underscores for spaces",
    "upside_down": "upside down",
}


def spelling_section(signal: str) -> str:
    """The disguised-spelling figures of ``training/eval_spelling.py``, where measured."""
    path = ARTIFACTS / "spelling_metrics.json"
    figs = json.loads(path.read_text())["signals"] if path.exists() else {}
    if signal not in figs:
        return ""
    f = figs[signal]
    def rows(keys) -> str:
        return "\n".join(
            f"| {label} | {f[key]['auc']} | {f[key]['recall']} | {f[key]['false_alarms']} |"
            for label, key in keys
        )

    disguised = rows((
        ("as written (read as shipped)", "as_written"),
        ("disguised, read as written", "disguised_read_as_written"),
        ("disguised, respelled (as shipped)", "disguised_respelled"),
    ))
    concealed = ""
    if "concealed_respelled" in f:
        concealed = f"""
Masked and dropped letters ("st*pid", "stpid") are restored only towards the words of
`spelling.LEXICON` (insults, slurs, swearing, self-harm words). The same texts with every
lexicon word masked or shortened by one letter ({f['texts_with_lexicon_words']:.2%} of them
hold one):

| texts | AUC | recall | false alarms |
|---|---|---|---|
{rows((("concealed, read as written", "concealed_read_as_written"),
       ("concealed, respelled (as shipped)", "concealed_respelled")))}

The generator conceals only lexicon words, so these figures say how much the lexicon
recovers of the words it holds, not how many disguised words lie outside it.
"""
    return f"""
## Disguised spellings
Before the encoder reads a text, disguised words are written plainly
(`kindscope/signals/spelling.py`: "m0ron", "1d10t", "dumb@ss", "m o r o n", "i.d.i.o.t",
"moooron"), only where the plain word is one the tokenizer knows better. Letters written
with other characters are read first (next section). The validation
figures above read texts as written (training does not respell); the respeller changes
{f['texts_changed_by_respeller']:.2%} of these validation texts. The same {f['n']} validation
texts (in distribution: the training sources' held-apart fold, not another source), with
about half of their longer words disguised by a seeded generator (digits or symbols for
letters, spaced letters, stretched letters):

| texts | AUC | recall | false alarms |
|---|---|---|---|
{disguised}
{concealed}
Command: `nice -n 10 .venv/bin/python training/eval_spelling.py`. The generator makes only
substitutions the respeller knows, so this is an upper bound for these kinds; swapped
letters and misspellings ("idjit", "useles idiiot") are neither generated nor undone.
The challenge suite's obfuscation rows below are optimistic for the same reason: the
respeller's rules were written after those cases had been read.
"""


def letters_section(signal: str) -> str:
    """The figures of ``training/eval_letters.py``, where measured."""
    path = ARTIFACTS / "letters_metrics.json"
    report = json.loads(path.read_text()) if path.exists() else {}
    if signal not in report.get("signals", {}) or "before" not in report:
        return ""
    now, was = report["signals"][signal], report["before"]["signals"][signal]
    before = f"{report['before']['commit']}, model {report['before']['model_version']}"

    def cells(f: dict) -> str:
        return f"{f['recall']} | {f['false_alarms']} | {f['not_read']}"

    rows = [f"| as written | {cells(was['as_written'])} | {cells(now['as_written'])} |",
            f"| restyled, all styles | {cells(was['restyled'])} | {cells(now['restyled'])} |"]
    rows += [f"| {STYLE_NAMES[k]} | {cells(was['by_style'][k])} | {cells(v)} |"
             for k, v in now["by_style"].items()]
    table = "\n".join(rows)
    head = "recall | false alarms | not read"
    return f"""
## Letters written with other characters
Font generators, and people hiding a post from filters, write letters with other
characters: mathematical bold or script, small capitals, superscripts, flag letters,
Cyrillic look-alikes ("kіll"), upside-down text, or put an emoji or an underscore between
every word. Since
model 2026.12.12 (`kindscope/signals/letters.py`) they are read as the plain letters, by
the language detector too; before, the detector took many of them for another language or
script, and such posts were not read at all. Since model 2026.12.13 the respeller also reads
emoji between the letters of a word ("d😭i😭e"), turned letters written forwards ("ʞıןן"),
a tag of words run together that says a death wish or self-harm ("#iwanttodie"; not
"#diehardfan", "#imdying"), short words spaced out ("k y s"), underscored words with an
emoticon after them ("i_want_to_die:("), and "ctb" ("catch the bus") as the author's own plan
("i want to ctb"; `signals/glued.py`). A review set of 48 such posts and 40 ordinary
look-alikes, written for the review (not taken from a platform) by a reviewer who saw no
code and frozen before it was read
(`training/variants/2026-12-05d/score_disguises.py`), was flagged 31 of 48 at model
2026.12.12 and 39 of 48 on the first read of this code (a state never committed; 41 after
changes made with its misses and a code review in view, so not held apart); its ordinary
posts were flagged 11 of 40 before and after (distress only, no crisis or toxicity). None of
the 71,044 training and validation texts of `training/rule_rates.py`'s sources reads
differently.

The same {now['n']} validation texts ({now['positives']} showing the signal; in
distribution), each whole text rewritten in one of nine styles by a seeded generator, read
as `kindscope score` reads them (a text not read counts as not flagged); at 0.5, before
({before}) on the left, now on the right:

| texts | {head} | {head} |
|---|---|---|---|---|---|---|
{table}

Command: `git worktree add DIR {report['before']['commit']}; nice -n 10 .venv/bin/python
training/eval_letters.py --before DIR`. The generator writes only characters
`letters.py` knows, so this is an upper bound for these styles.
"""
