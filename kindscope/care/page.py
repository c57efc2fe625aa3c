"""care.html / inbox.html: the queue as one self-contained, escaped page."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from kindscope.care.queue import CareQueue
from kindscope.care.terminal import MISSES, REASON_WORDS, count_words, not_read_words, now_words
from kindscope.terminal_text import for_page

__all__ = ["render_page"]

_ENV = Environment(loader=PackageLoader("kindscope.care", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   finalize=for_page)


def _safe_url(url: str | None) -> str | None:
    return url if url and url.startswith(("https://", "http://")) else None


def render_page(queue: CareQueue, kind: str = "care") -> str:
    data = queue.to_dict()
    for item in data["items"] + data.get("not_read", []):
        item["url"] = _safe_url(item["url"])
    reasons = [(n, REASON_WORDS[r]) for r, n in queue.excluded.items() if n]
    return _ENV.get_template("care.html").render(q=data, kind=kind, reasons=reasons,
                                                  misses=MISSES,
                                                  headline=count_words(queue, kind),
                                                  now_words=now_words(queue),
                                                  not_read=not_read_words(queue))
