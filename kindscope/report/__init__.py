"""The kindness report: ``report.json`` (numbers, versioned schema) and ``report.html``."""

from __future__ import annotations

from pathlib import Path

from kindscope.report.build import SCHEMA_VERSION, build_report, summary_of, write_json
from kindscope.report.html import render_html

__all__ = ["SCHEMA_VERSION", "build_report", "render_html", "summary_of", "write_json",
           "write_report"]


def write_report(report: dict, out_dir: str | Path, show_counts: bool = False,
                 country: str | None = None) -> tuple[Path, Path]:
    """Write ``report.json`` and ``report.html`` into ``out_dir``; return their paths.
    report.json gets ``help``, the help lines the page shows (for ``country``), so that a
    program showing its crisis readings has them at hand (the caller's dict is left as it
    was)."""
    from kindscope.care.signposting import help_block

    report = {**report, "help": help_block(country)}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path = write_json(report, out / "report.json")
    html_path = out / "report.html"
    html_path.write_text(render_html(report, show_counts, country), encoding="utf-8")
    return json_path, html_path
