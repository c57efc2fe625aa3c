"""report.html: one self-contained page (inline CSS and SVG, no script, no network),
rendered by Jinja2 templates (``templates/``) with autoescape from report.json's dict.

Every piece of text that comes from data (posts, handles, community labels, reasons) is
escaped by the template engine and isolated (``<bdi>`` inline, ``dir="auto"`` on blocks),
so markup in a post shows as typed and direction-control characters reorder only the text
they are in, never the page around it. The decisions (what to leave out, how a handle is
shown, which help lines) are made in :mod:`kindscope.report.view`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from kindscope.report.charts import PALETTE, plain
from kindscope.report.figures import GROUP_NAMES, figures, hours, pct, time_label
from kindscope.report.view import ReportView, report_view, who
from kindscope.safety.incidents import PILEON_WORDS
from kindscope.signals.reliability import HATE_ON_DENIALS, SCORN_AS_KIND
from kindscope.store.read_sql import MIN_HOSTILE_POSTS
from kindscope.terminal_text import for_page

__all__ = ["render_html", "environment", "DEMO_NOTE", "MAX_EXAMPLES", "TEMPLATES", "UNOFFERED"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEMO_NOTE = ("This is the bundled demo. Its conversations are assembled, not real: real public "
             "texts from permissively licensed research datasets were arranged into an "
             "invented community of invented accounts. See kindscope/demo/README.md.")
_LEGEND = {**GROUP_NAMES, "toxic": "toxic", "hate": "hateful", "support": "supportive"}
#: Examples a list shows open; the rest is folded.
MAX_EXAMPLES = 5
_TIMES = {1: "once", 2: "twice"}
#: Who is never offered as someone to get to know (the read model's ``unoffered`` view), in
#: the words every section that leaves them out uses.
UNOFFERED = ("accounts you blocked or muted, and those whose posts to you read as toxic or "
             f"hateful {_TIMES.get(MIN_HOSTILE_POSTS, f'{MIN_HOSTILE_POSTS} times')} or more, "
             "or at least as often as not, or that used words telling you to die")


def _n(value) -> str:
    return "–" if value is None else f"{value:,}"


def _minute(value: str | None) -> str:
    return (value or "")[:16].replace("T", " ")


def _capfirst(value: str) -> str:
    value = str(value).rstrip(".")
    return value[:1].upper() + value[1:]


def _plural(count, one: str, many: str | None = None) -> str:
    """``1 tie``, ``2 ties``, with the number."""
    return f"{_n(count)} {one if count == 1 else (many or one + 's')}"


def _code(text) -> Markup:
    """A reason with its `commands` in ``<code>``; everything escaped."""
    parts = str(text or "").split("`")
    return Markup("").join(Markup("<code>{}</code>").format(part) if i % 2 else escape(part)
                           for i, part in enumerate(parts))


def _lowerfirst(value: str) -> str:
    return value[:1].lower() + value[1:]


def _site(url: str) -> str:
    """``samaritans.org/ireland`` for ``https://www.samaritans.org/ireland``."""
    parts = urlsplit(url)
    return (parts.netloc.removeprefix("www.") + parts.path.rstrip("/")) or url


def environment() -> Environment:
    """The report's template environment (autoescape on, filters and helpers registered)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, finalize=for_page)
    env.filters.update(pct=pct, hours=hours, n=_n, minute=_minute, capfirst=_capfirst,
                       site=_site, lowerfirst=_lowerfirst,
                       plural=_plural, code=_code)
    env.globals.update(who=who, palette=PALETTE, group_names=_LEGEND, time_label=time_label,
                       demo_note=DEMO_NOTE, hate_on_denials=HATE_ON_DENIALS,
                       scorn_as_kind=SCORN_AS_KIND, examples_shown=MAX_EXAMPLES,
                       unoffered=UNOFFERED, pileon_words=PILEON_WORDS)
    return env


def render_html(report: dict, show_counts: bool = False, country: str | None = None) -> str:
    """The whole report as one HTML string."""
    view: ReportView = report_view(report, show_counts, country)
    return environment().get_template("report.html").render(
        report=report, source=report["source"], summary=report["summary"], view=view,
        fig=figures(report), page_title=plain(view.title))


def render_piece(macro: str, template: str, piece: dict | None, report: dict | None = None) -> str:
    """One section on its own (``network`` or ``safety``), for callers that show a part."""
    if piece is None:
        return ""
    report = report or {"source": {"me": {"account_id": ""}, "platform": ""}, "summary": {},
                        template: piece}
    env = environment()
    page = env.from_string(f'{{% import "{template}.html" as t with context %}}'
                           f"{{{{ t.{macro}(piece) }}}}")
    return page.render(piece=piece, view=report_view(report), fig=figures(report))
