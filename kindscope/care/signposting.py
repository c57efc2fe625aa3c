"""Where to find help: crisis lines per country, worded by safe-messaging guidance.

kindscope does not counsel and can be wrong; it points to people who can help. The
country comes from the ``country`` setting (``KINDSCOPE_COUNTRY`` or ``--country``); with
none set, the report points to the international directory and the local emergency number
rather than guessing a country.
No method details, no sensational language, always a way to reach someone now.
"""

from __future__ import annotations

from dataclasses import dataclass

from kindscope import settings
from kindscope.errors import InputError

__all__ = ["HelpLine", "Signposting", "HELP_LINES", "COUNTRY_ALIASES", "COUNTRY_NAMES",
           "DIRECTORIES", "country_code", "find_more", "signposting", "with_the",
           "emergency_sentence", "help_block", "lines_shown"]


@dataclass(frozen=True, slots=True)
class HelpLine:
    name: str
    contact: str
    hours: str
    url: str


@dataclass(frozen=True, slots=True)
class Signposting:
    country: str
    emergency: str
    lines: tuple[HelpLine, ...]
    intro: str
    caveat: str
    find_more: str


#: Country code -> (emergency number, help lines). Checked against each service's site.
HELP_LINES: dict[str, tuple[str, tuple[HelpLine, ...]]] = {
    "GB": ("999", (
        HelpLine("Samaritans", "call 116 123 (free)", "any time, day or night",
                 "https://www.samaritans.org"),
        HelpLine("Shout", "text SHOUT to 85258", "any time", "https://giveusashout.org"),
    )),
    "IE": ("112 or 999", (
        HelpLine("Samaritans Ireland", "call 116 123 (free)", "any time",
                 "https://www.samaritans.org/ireland"),
        HelpLine("Text About It", "text HELLO to 50808", "any time", "https://text50808.ie"),
    )),
    "US": ("911", (
        HelpLine("988 Suicide & Crisis Lifeline", "call or text 988", "any time",
                 "https://988lifeline.org"),
        HelpLine("Crisis Text Line", "text HOME to 741741", "any time",
                 "https://www.crisistextline.org"),
    )),
    "CA": ("911", (
        HelpLine("9-8-8 Suicide Crisis Helpline", "call or text 988", "any time",
                 "https://988.ca"),
    )),
    "AU": ("000", (
        HelpLine("Lifeline", "call 13 11 14", "any time", "https://www.lifeline.org.au"),
    )),
    "NZ": ("111", (
        HelpLine("Need to talk?", "call or text 1737", "any time", "https://1737.org.nz"),
    )),
    "DE": ("112", (
        HelpLine("TelefonSeelsorge", "call 0800 111 0 111 or 0800 111 0 222 (free)", "any time",
                 "https://www.telefonseelsorge.de"),
    )),
    "FR": ("112", (
        HelpLine("3114 (numéro national de prévention du suicide)", "call 3114", "any time",
                 "https://3114.fr"),
    )),
}

#: The countries of :data:`HELP_LINES` in words.
COUNTRY_NAMES = {"GB": "United Kingdom", "IE": "Ireland", "US": "United States",
                 "CA": "Canada", "AU": "Australia", "NZ": "New Zealand", "DE": "Germany",
                 "FR": "France"}

#: Other names people give a country of :data:`HELP_LINES` -> its ISO code.
COUNTRY_ALIASES = {"UK": "GB"}


def country_code(value: str | None, where: str = "--country") -> str:
    """The ISO code of ``value`` (any case; ``UK`` is ``GB``), or "" for none (the
    international directory). InputError naming ``where``, with the codes kindscope knows,
    for a country it has no lines for: an unknown code is refused, not quietly shown
    lines from nowhere."""
    code = (value or "").strip().upper()
    code = COUNTRY_ALIASES.get(code, code)
    if code and code not in HELP_LINES:
        aliases = {v: k for k, v in COUNTRY_ALIASES.items()}
        known = ", ".join(f"{c} (or {aliases[c]})" if c in aliases else c for c in HELP_LINES)
        raise InputError(f"kindscope has no help lines for the country {value!r}: give one "
                         f"of {known}, or none for the international directory", where)
    return code


#: International directories of free, confidential help lines, for any country.
DIRECTORIES: tuple[HelpLine, ...] = (
    HelpLine("Find A Helpline", "search by country, language and topic", "any time",
             "https://findahelpline.com"),
    HelpLine("Befrienders Worldwide", "emotional support centres around the world", "any time",
             "https://befrienders.org"),
)

_FIND_MORE = ("findahelpline.com lists free, confidential services by country: "
              "https://findahelpline.com")


def with_the(country: str) -> str:
    """"the United Kingdom", "Ireland": a country's name as a sentence says it."""
    return f"the {country}" if country.startswith("United") else country


def emergency_sentence(country: str | None = None) -> str:
    """"If you are in danger right now, call 999 (United Kingdom)."; with no country set (or
    none kindscope knows), the local emergency number with every known country's as
    examples."""
    sign = signposting(country)
    if sign.country in COUNTRY_NAMES:
        return (f"If you are in danger right now, call {sign.emergency} "
                f"({COUNTRY_NAMES[sign.country]}).")
    examples = ", ".join(f"{COUNTRY_NAMES[code]} {number}"
                         for code, (number, _) in HELP_LINES.items())
    return ("If you are in danger right now, call your local emergency number "
            f"(for example: {examples}).")


def lines_shown(sign: Signposting) -> list[tuple[HelpLine, str | None]]:
    """The lines every output lists for ``sign``: its country's, each with no country named,
    or with no country set (or one kindscope has no lines for) the common lines of every
    country it knows, each with that country's name."""
    if sign.country in COUNTRY_NAMES:
        return [(line, None) for line in sign.lines]
    return [(line, COUNTRY_NAMES[code]) for code, (_, items) in HELP_LINES.items()
            for line in items]


def help_block(country: str | None = None) -> dict:
    """Help lines as data (``kindscope check --json``'s ``signposting``, report.json's
    ``help``): ``lines_shown``; always the international directories, the emergency
    sentence and the caveat."""
    sign = signposting(country)
    known = sign.country in COUNTRY_NAMES
    lines = [_line(line, name) for line, name in lines_shown(sign)]
    return {"country": sign.country if known else None,
            "intro": sign.intro,
            "lines": lines,
            "directories": [_line(x) for x in DIRECTORIES],
            "emergency": emergency_sentence(country),
            "find_more": find_more(bool(lines)),  # after this country's or every country's
            "caveat": sign.caveat}


def _line(line: HelpLine, country: str | None = None) -> dict:
    out = {"name": line.name, "contact": line.contact, "hours": line.hours, "url": line.url}
    if country:
        out["country"] = country
    return out


def find_more(after_lines: bool) -> str:
    """Where to find other help lines. "Elsewhere, or for other languages," only follows
    country-specific lines; on its own it would point back to nothing."""
    return f"Elsewhere, or for other languages, {_FIND_MORE}" if after_lines else _FIND_MORE


def signposting(country: str | None = None) -> Signposting:
    """Help lines for ``country`` (ISO code; default the ``country`` setting).

    No country gets no lines but the international directory and the advice to call the
    local emergency number; a country kindscope has no lines for is refused
    (:func:`country_code`).
    """
    code = country_code(str(settings.get("country", country)))
    emergency, lines = HELP_LINES.get(code, ("your local emergency number", ()))
    return Signposting(
        country=code,
        emergency=emergency,
        lines=lines,
        intro=("If you are struggling, or worried about someone, you do not have to cope on "
               "your own. Talking to someone can help, and these services are free and "
               "confidential."),
        caveat=("kindscope reads text with statistical models. They can be wrong in both "
                "directions: they miss pain that is said quietly and flag words that mean "
                "something else. Nothing here is a diagnosis or a judgement of anyone."),
        find_more=find_more(bool(lines)),
    )
