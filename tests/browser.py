"""A headless Chromium page for the browser tests: Debian's /usr/bin/chromium driven by
Playwright (no browser download), watching every dialog and every request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: Marks for a test that needs the browser: skipped where Chromium is not installed.
needs_chromium = [pytest.mark.browser,
                  pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium "
                                     "(apt-get install chromium; CI installs it)")]


@dataclass
class Watched:
    """A page, with the dialogs it opened and the URLs it requested."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def chromium_page(viewport: dict | None = None) -> Iterator[Watched]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport=viewport) if viewport else browser.new_page()
            watched = Watched(page)
            page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: watched.requests.append(r.url))
            yield watched
        finally:
            browser.close()
