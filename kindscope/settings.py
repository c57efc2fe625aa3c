"""One table of settings. Precedence: keyword argument > KINDSCOPE_* environment > default."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from kindscope.errors import KindscopeError, SettingError

__all__ = ["Setting", "SETTINGS", "get", "check_environment"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str
    minimum: float | None = None  # for numbers: the smallest value that makes sense
    #: for text: the value to use for a raw one, raising KindscopeError when it is none
    check: Callable[[str], str] | None = None

    @property
    def env(self) -> str:
        return "KINDSCOPE_" + self.name.upper()


def _country_code(raw: str) -> str:
    """The country setting's ISO code (``UK`` is ``GB``); refused when kindscope has no
    help lines for it."""
    from kindscope.care.signposting import country_code  # the codes live with the lines

    return country_code(raw)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("db", "kindscope.duckdb", "Path of the embedded DuckDB database file."),
        Setting(
            "max_file_bytes",
            2 * 1024**3,
            "Largest uncompressed data file read from an archive, in bytes (default 2 GiB).",
            1,
        ),
        Setting(
            "max_compression_ratio",
            100,
            "Refuse an archive member compressed more than this many times (zip-bomb guard).",
            1,
        ),
        Setting("batch_rows", 50_000, "Rows buffered per table before they are written.", 1),
        Setting(
            "country",
            "",
            "Country (ISO code, e.g. GB, US) whose help lines the report shows; empty: the "
            "international directory and the local emergency number.",
            check=_country_code,
        ),
        Setting(
            "cache_dir",
            "",
            "Folder that keeps online answers so an interrupted online import resumes "
            "(empty: no cache).",
        ),
        Setting("seed", 13, "Seed for every random choice (bootstrap, community detection).",
                0),
        Setting("threads", 0, "Threads the text signals use (0: every usable core).", 0),
        Setting(
            "driver_graph_edges",
            8_000_000,
            "Most follow edges for which community --engine spark finds communities with "
            "Leiden on the driver; above it, label propagation on the engine (Leiden was "
            "measured at about 990 bytes per edge: about 8.5 million edges in an 8 GB "
            "driver, docs/scale.md).",
            0,
        ),
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
    return _parse(setting, raw)


_KINDS = {bool: "yes or no (1/0, true/false, on/off)", int: "a whole number",
          float: "a number"}


def _parse(setting: Setting, raw: str) -> object:
    """The value of ``KINDSCOPE_<NAME>=raw``; SettingError (one line) when it is not one."""
    kind = type(setting.default)
    if kind is str:
        if setting.check is None:
            return raw
        try:
            return setting.check(raw)
        except KindscopeError as error:
            raise SettingError(error.message, setting.env) from None
    try:
        if kind is bool:
            value: object = {"1": True, "true": True, "yes": True, "on": True, "0": False,
                             "false": False, "no": False, "off": False}[raw.strip().lower()]
        else:
            value = kind(raw.strip().replace("_", ""))
    except (KeyError, ValueError):
        raise SettingError(f"{raw!r} is not {_KINDS[kind]} ({setting.help})",
                           setting.env) from None
    if setting.minimum is not None and value < setting.minimum:
        raise SettingError(f"{raw!r} is less than {setting.minimum:g} ({setting.help})",
                           setting.env)
    return value


def check_environment() -> None:
    """Parse every ``KINDSCOPE_*`` setting in the environment now (the CLI does this first),
    so that a bad value is one line before any work, whichever command reads it."""
    for name in SETTINGS:
        get(name)
