"""Inline SVG charts: accessible (role="img", title and description), colour-blind safe.

Every label passes through ``html.escape``. The palette is Okabe & Ito's.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

__all__ = ["PALETTE", "Bar", "Row", "grouped_bars"]

#: Okabe–Ito colours, named by what they mean in the report.
PALETTE = {
    "distress": "#0072B2",  # blue
    "upbeat": "#E69F00",    # orange
    "other": "#7f7f7f",     # grey
    "support": "#009E73",   # bluish green
    "toxic": "#D55E00",     # vermillion
    "hate": "#CC79A7",      # reddish purple
}

# Labels sit on their own line above their bars, so the chart stays narrow and its text
# stays readable when a phone scales the SVG to the screen.
_LABEL_H = 16
_BAR_W = 260
_VALUE_W = 80
_BAR_H = 16
_GAP = 8


@dataclass(frozen=True, slots=True)
class Bar:
    series: str  # a PALETTE key
    value: float
    text: str  # the value as shown beside the bar


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


def grouped_bars(chart_id: str, title: str, description: str, rows: list[Row],
                 maximum: float | None = None) -> str:
    """Horizontal bars, one group per row; ``maximum`` scales the bars (default the max)."""
    top = maximum or max((b.value for r in rows for b in r.bars), default=0) or 1.0
    y = 0
    parts = []
    for row in rows:
        parts.append(f'<text x="0" y="{y + _LABEL_H - 4}" class="lbl">{escape(row.label)}</text>')
        y += _LABEL_H
        for bar in row.bars:
            width = max(0.0, min(1.0, bar.value / top)) * _BAR_W
            colour = PALETTE.get(bar.series, PALETTE["other"])
            parts.append(
                f'<rect x="0" y="{y}" width="{width:.1f}" height="{_BAR_H}" '
                f'fill="{colour}"><title>{escape(row.label)}, {escape(bar.series)}: '
                f'{escape(bar.text)}</title></rect>'
                f'<text x="{width + 4:.1f}" y="{y + _BAR_H - 3}" class="val">'
                f'{escape(bar.text)}</text>')
            y += _BAR_H + 2
        y += _GAP
    width = _BAR_W + _VALUE_W
    cid = escape(chart_id, quote=True)
    return (f'<svg class="chart" role="img" viewBox="0 0 {width} {max(y, 1)}" '
            f'aria-labelledby="{cid}-t {cid}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{cid}-t">{escape(title)}</title>'
            f'<desc id="{cid}-d">{escape(description)}</desc>' + "".join(parts) + "</svg>")
