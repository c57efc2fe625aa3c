"""Write docs/models/<signal>.md from the prose in training/cards and artifacts/metrics.json.

    .venv/bin/python training/model_cards.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METRICS = ROOT / "kindscope/signals/artifacts/metrics.json"
OUT = ROOT / "docs/models"

PROSE = Path(__file__).resolve().parent / "cards"
SIGNALS = ("toxicity", "offensive", "hate", "distress", "upbeat", "support", "support_er",
           "support_ip", "support_ex", "crisis")


def read_prose(path: Path) -> dict[str, str]:
    """Sections of a prose file: a line ``[name]`` starts one; ``<!-- -->`` lines are notes."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("<!--"):
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1].isidentifier():
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


def card_prose(signal: str) -> dict[str, str]:
    """A signal's sections with ``{{name}}`` lines replaced by common.md's sections."""
    common = read_prose(PROSE / "common.md")
    out = {}
    for name, text in read_prose(PROSE / f"{signal}.md").items():
        for key, shared in common.items():
            text = text.replace("{{" + key + "}}", shared)
        out[name] = text
    return out


def _table(summary: dict) -> str:
    rows = ["| metric | value |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in summary.items()]
    return "\n".join(rows)


def render(signal: str, metrics: dict, lodo: dict | None = None) -> str:
    from card_spelling import letters_section, spelling_section
    from lodo import card_lines

    c = card_prose(signal)
    common = read_prose(PROSE / "common.md")
    m = metrics[signal]
    sources = json.dumps(m["by_source"], indent=1)
    left_out = "\n".join(card_lines(signal, lodo or {}))
    return f"""# Model card: `{signal}`

{c['what']}

## Model
{common['model']}

## Data
{c['data']}

{c.get('data_extra', '')}

## Validation (threshold 0.5)
Validation data: {c['val']} Nothing here is training data; no public test split was read.

{_table(m['summary'])}

Frozen baseline on the same split (logistic regression on the normalised all-MiniLM-L6-v2
sentence embedding of the text, default threshold 0.5):

{_table(m['frozen_baseline'])}

Overall: {json.dumps(m['overall'])}

Per source (flag_rate = share scored >= 0.5):

```json
{sources}
```{left_out}

{c['goal']}

Reproduce: `HF_HUB_OFFLINE=1 .venv/bin/python training/train_signals.py` (fine-tunes,
exports, fits the heads, prints these figures and writes
`kindscope/signals/artifacts/metrics.json`); `--skip-export` refits the heads on the
shipped encoder (`.venv/bin/pytest -m slow tests/signals/test_retrain.py` checks that it
gives these figures within 0.01).
{spelling_section(signal)}{letters_section(signal)}
## Threshold
`THRESHOLDS["{signal}"] = 0.5`: at or above it the post is read as showing the signal.
Scores are calibrated under equal class priors, so 0.5 means "as likely as not had the two
classes been equally common"; in real feeds, where the signal is rarer, more of the posts
above 0.5 are false alarms than the validation precision suggests.

## Known failure modes
{c['fail']}

## Bias checks
{common['bias']}

## Use
{common['statement']}
"""


def load_lodo() -> dict:
    """The leave-one-data-set-out figures ``training/lodo.py`` wrote, or none."""
    path = METRICS.parent / "lodo_metrics.json"
    return json.loads(path.read_text()) if path.exists() else {}


def main() -> None:
    metrics = json.loads(METRICS.read_text())
    lodo = load_lodo()
    OUT.mkdir(parents=True, exist_ok=True)
    for signal in SIGNALS:
        (OUT / f"{signal}.md").write_text(render(signal, metrics, lodo))
        print(OUT / f"{signal}.md")


if __name__ == "__main__":
    main()
