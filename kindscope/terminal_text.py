"""Text from posts, handles and bios made safe to print on a terminal.

Posts are untrusted, and a terminal obeys what it is sent: an escape sequence in a reply
can clear a moderator's screen, recolour or hide lines, set the window's title or plant
a link (``ESC [ 2J``, ``ESC ] 0 ; title BEL``, ``ESC ] 8 ;; url``), a carriage return or
backspaces can write over what was printed, and a direction control (U+202E) can turn
the rest of a line around. :func:`for_terminal` removes escape sequences and control
characters (keeping line breaks and tabs; a carriage return becomes a line break) and
shows direction controls as ``[U+202E]``, as the evidence pack does for handles. The
HTML pages escape text their own way (autoescape, direction controls isolated with
``dir="auto"``); :func:`for_page` takes control characters out of what they print as well,
so that no escape sequence ends up in a page someone saves, greps or prints on a terminal.
"""

from __future__ import annotations

import re

__all__ = ["for_terminal", "for_page"]

#: ESC sequences: CSI (ESC [ ... final byte, within its line), a string (ESC ] P X ^ _ ...)
#: only with its end (BEL or ESC \\) on the same line, else ESC and the one character after
#: it: an open sequence takes nothing else with it, so no post or handle can hide the rest
#: of its line or of the output.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[^\n]?"
)
#: C0 controls but tab and line feed, DEL, and the C1 controls (U+0080-U+009F; also what
#: a curly quote decoded as Latin-1 leaves, "â\x80\x98"): removed one by one.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DIRECTION = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What an identifier shows as ``[U+XXXX]``: controls (ESC included), direction controls
#: and the Unicode line and paragraph separators.
_VISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                      "\u2028\u2029\u2066-\u2069]")


def for_terminal(text: str, one_line: bool = False, visible: bool = False) -> str:
    """``text`` without escape sequences or control characters (line breaks and tabs
    kept; ``\\r\\n``, a lone ``\\r`` and U+2028/U+2029 become ``\\n``) and with direction
    controls shown as ``[U+XXXX]``. ``one_line``: a field that is one line (a handle, a post
    in a list), its line breaks made spaces, so it cannot start a line that looks like
    kindscope's own. ``visible``: an identifier (an account id or handle someone may need to
    block), every control character in it shown as ``[U+XXXX]`` rather than removed, so that
    "ev\\x1b[31mil" is not shown as "evil"."""
    if visible:
        text = " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        return _VISIBLE.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)
    text = _without_controls(text)
    if one_line:
        text = " ".join(text.split("\n"))
    return _DIRECTION.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)


def for_page(value):
    """A value printed in an HTML page (the templates' ``finalize``): text without escape
    sequences or control characters (line breaks and tabs kept); other values as they are.
    Markup stays markup: taking characters out of it cannot make a tag."""
    if not isinstance(value, str):
        return value
    cleaned = _without_controls(value)
    return type(value)(cleaned) if type(value) is not str else cleaned


def _without_controls(text: str) -> str:
    """``text`` with line breaks made ``\n`` (``\r\n``, a lone ``\r``, U+2028, U+2029),
    then without escape sequences or other control characters (tabs kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text.replace("\u2028", "\n").replace("\u2029", "\n"))
    return _CONTROLS.sub("", text)
