"""report.html's "Your network" and "Safety" sections on their own.

The sections are templates (``templates/network.html`` and ``templates/safety.html``),
rendered with the rest of the page by :func:`kindscope.report.html.render_html`; these
functions render one of them alone, for callers and tests that look at a single part.
"""

from __future__ import annotations

from kindscope.report.html import render_piece

__all__ = ["network_html", "safety_html"]


def network_html(n: dict | None) -> str:
    """The "Your network" section (empty string for a report without the key)."""
    return render_piece("network", "network", n)


def safety_html(s: dict | None) -> str:
    """The "Safety" section (empty string for a report without the key)."""
    return render_piece("safety", "safety", s)
