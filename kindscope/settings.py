"""One table of settings. Precedence: keyword argument > KINDSCOPE_* environment > default."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Setting", "SETTINGS", "get"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self) -> str:
        return "KINDSCOPE_" + self.name.upper()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("db", "kindscope.duckdb", "Path of the embedded DuckDB database file."),
        Setting(
            "max_file_bytes",
            2 * 1024**3,
            "Largest uncompressed data file read from an archive, in bytes (default 2 GiB).",
        ),
        Setting(
            "max_compression_ratio",
            100,
            "Refuse an archive member compressed more than this many times (zip-bomb guard).",
        ),
        Setting("batch_rows", 50_000, "Rows buffered per table before they are written."),
        Setting(
            "country",
            "",
            "Country (ISO code, e.g. GB, US) whose help lines the report shows; empty: the "
            "international directory and the local emergency number.",
        ),
        Setting(
            "cache_dir",
            "",
            "Folder that keeps online answers so an interrupted online import resumes "
            "(empty: no cache).",
        ),
        Setting("seed", 13, "Seed for every random choice (bootstrap, community detection)."),
    ]
}


def get(name: str, value: object = None) -> object:
    """Return a setting: ``value`` if given, else ``KINDSCOPE_<NAME>``, else the default.

    >>> get("max_compression_ratio", 50)
    50
    """
    setting = SETTINGS[name]
    if value is not None:
        return value
    raw = os.environ.get(setting.env)
    if raw is None or raw == "":
        return setting.default
    if isinstance(setting.default, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(setting.default, int):
        return int(raw)
    if isinstance(setting.default, float):
        return float(raw)
    return raw
