"""Bar charts as data: the geometry of an inline SVG, drawn by the ``chart`` macro of
``templates/macros.html`` (so every label is escaped by the template, never by hand).

Accessible (role="img", a title and a description) and colour-blind safe: the palette is
Okabe & Ito's. Labels sit on their own line above their bars, so a chart stays narrow and
its text stays readable when a phone scales the SVG to the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PALETTE", "Bar", "Row", "Chart", "Label", "Mark", "bar_chart", "plain"]

#: Okabe–Ito colours, named by what they mean in the report.
PALETTE = {
    "distress": "#0072B2",  # blue
    "upbeat": "#E69F00",    # orange
    "other": "#7f7f7f",     # grey
    "support": "#009E73",   # bluish green
    "toxic": "#D55E00",     # vermillion
    "hate": "#CC79A7",      # reddish purple
}
#: Direction controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")

_LABEL_H = 16
_BAR_W = 260
_VALUE_W = 80
_BAR_H = 16
_GAP = 8


def plain(text: str) -> str:
    """``text`` without direction controls: for places that cannot hold ``<bdi>`` (SVG
    text, ``<title>``, ``aria`` descriptions)."""
    return "".join(ch for ch in str(text) if ch not in BIDI_CONTROLS)


@dataclass(frozen=True, slots=True)
class Bar:
    series: str  # a PALETTE key: the colour, never shown as words
    value: float
    text: str  # the value as shown beside the bar
    name: str | None = None  # what the bar is, for its tooltip, where a row has several


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Label:
    y: int
    text: str


@dataclass(frozen=True, slots=True)
class Mark:
    """One drawn bar, with its value text beside it and a tooltip."""

    x: float
    y: int
    width: float
    height: int
    colour: str
    tooltip: str
    text: str
    text_x: float
    text_y: int


@dataclass(frozen=True, slots=True)
class Chart:
    chart_id: str
    title: str
    description: str
    width: int
    height: int
    labels: tuple[Label, ...]
    marks: tuple[Mark, ...]


def bar_chart(chart_id: str, title: str, description: str, rows: list[Row],
              maximum: float | None = None) -> Chart:
    """Horizontal bars, one group per row; ``maximum`` scales the bars (default the max)."""
    top = maximum or max((b.value for r in rows for b in r.bars), default=0) or 1.0
    y = 0
    labels, marks = [], []
    for row in rows:
        labels.append(Label(y + _LABEL_H - 4, plain(row.label)))
        y += _LABEL_H
        for bar in row.bars:
            width = round(max(0.0, min(1.0, bar.value / top)) * _BAR_W, 1)
            marks.append(Mark(0, y, width, _BAR_H, PALETTE.get(bar.series, PALETTE["other"]),
                              plain(_tooltip(row, bar)), bar.text,
                              round(width + 4, 1), y + _BAR_H - 3))
            y += _BAR_H + 2
        y += _GAP
    return Chart(chart_id, plain(title), plain(description), _BAR_W + _VALUE_W, max(y, 1),
                 tuple(labels), tuple(marks))


def _tooltip(row: Row, bar: Bar) -> str:
    """"label: value", or "label, name: value" for a bar that has a name (every bar of a row
    of several does); never the series, a colour key."""
    return f"{row.label}, {bar.name}: {bar.text}" if bar.name else f"{row.label}: {bar.text}"
