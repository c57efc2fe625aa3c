"""Letters written with other characters, read as the plain letters (issue 11).

"Font" generators write a post in characters that look like letters but are not: styled
Unicode (circled "ⓘ ⓦⓐⓝⓣ", fullwidth "ｉｄｉｏｔ", mathematical bold or script "𝐢𝐝𝐢𝐨𝐭",
"𝓘 𝔀𝓪𝓷𝓽", squared "🅸 🆆🅰🅽🆃", parenthesised "⒤⒟⒤⒪⒯"), small capitals ("ɪ ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ"),
superscript and subscript letters ("ʸᵒᵘ ᵃʳᵉ", "ᵢ wₐₙₜ"), the flag letters ("🇮 🇼🇦🇳🇹") and
upside-down text (turned letters, written backwards: "ǝıp oʇ ʇuɐʍ ı"). The encoder knows
none of them, and the language detector took some of them for another script, so such a
post was not read at all (at model 2026.12.11, commit 65538ab, ``kindscope score --text
"𝐢 𝐰𝐚𝐧𝐭 𝐭𝐨 𝐝𝐢𝐞"`` gave ``lang`` "zxx" and no scores). ``plain_letters`` rewrites them as
the letters they show; the language detector and the respeller both read its output.

``look_alikes`` undoes a second disguise: Cyrillic, Greek and Armenian letters that look
like Latin ones, written into English words ("kіll" with a Cyrillic "і", "idiоt" with a
Cyrillic "о") or making up whole English sentences (a word that mixes scripts,
"ехһаսѕтеԁ", gives them away), and the dotless "ı". The detector reads the look-alikes too
("YОU АRЕ ЅО РАТНЕТІС" was taken for Ukrainian), but not the dotless "ı": a Turkish post
needs it to be told apart.

Invisible characters put inside words ("k\u200bill") are taken out.

Left as they are: accents, ligatures, fractions, superscript digits ("m²"), small capitals
when a text has only one (IPA writes "ɪ" in transcriptions; a transcription with two or more
is read as letters, which changes only what the model reads), flags ("🇺🇦", "🇬🇧🇫🇷": pairs of
flag letters that name a country; unless the same text also has flag letters that make no
flag, when all are read as letters), and Cyrillic, Greek or Armenian words in a text that
also has letters of those scripts that look like no Latin letter ("привет friend"), or
fewer Latin letters than letters of those scripts and no word that mixes them ("ok, нет").
"""

from __future__ import annotations

import re
import unicodedata

from kindscope.signals.turned import TURNED_LETTERS, read_turned

__all__ = ["NOT_WRITING", "look_alikes", "plain_letters"]

#: Styled letters whose NFKC form is one plain letter or digit: letterlike symbols, circled,
#: fullwidth, mathematical alphanumerics; modifier (superscript) and subscript letters.
_STYLED = ("\u210a-\u2134\u24b6-\u24e9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
           "\U0001d400-\U0001d7ff\u02b0-\u02b8\u02e1-\u02e3\u1d2c-\u1d6a\u1d9c-\u1dbf"
           "\u2071\u207f\u2090-\u209c")
#: Squared, negative circled and negative squared capitals ("🅸 🆆🅰🅽🆃") and parenthesised
#: small letters ("⒤⒟⒤⒪⒯"), whose NFKC form is not one letter: the first code point of each
#: block of 26.
_BOXED = (0x1F130, 0x1F150, 0x1F170, 0x249C)
_BOXED_RANGE = ("\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189"
                "\u249c-\u24b5")

#: Small capitals (and "ǫ", which font generators use for a small capital q).
_SMALL_CAPS = dict(zip(
    "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫꞯʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqqrstuvwyz", strict=True))
#: Small capitals read only when the text holds at least this many (not "ɪ" alone).
_MIN_SMALL_CAPS = 2
_SMALL_CAP_SET = "".join(c for c in _SMALL_CAPS if c not in "ǫ")

#: The 26 regional indicator symbols, "flag letters".
_FLAG_A = 0x1F1E6
#: Pairs of flag letters that make a flag (ISO 3166-1 alpha-2 codes, and EU, UN).
_FLAG_CODES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
DO DZ EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR
GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP
MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE
VG VI VN VU WF WS XK YE YT ZA ZM ZW
AC CP DG EA IC TA
""".split())
_FLAG_RUN = re.compile("[\U0001f1e6-\U0001f1ff]+")

#: Characters that show nothing, put inside words to split them for a filter ("k\u200bill")
#: or between flag letters so that they do not join into flags: zero-width space, word
#: joiner, zero-width no-break space, soft hyphen; zero-width joiners and non-joiners only
#: next to a flag letter or between two Latin letters (elsewhere they join emoji, or shape
#: the letters of scripts such as Persian or Devanagari).
_FLAG_LETTER = "[\U0001f1e6-\U0001f1ff]"
_INVISIBLE = re.compile(f"[\u200b\u2060\ufeff\u00ad]|(?<={_FLAG_LETTER})[\u200c\u200d]"
                        f"|[\u200c\u200d](?={_FLAG_LETTER})|(?<=[A-Za-z])[\u200c\u200d]+(?=[A-Za-z])")
_CANDIDATE = re.compile(f"[{_STYLED}{_BOXED_RANGE}{''.join(_SMALL_CAPS)}{TURNED_LETTERS}"
                        "\U0001f1e6-\U0001f1ff\u200b-\u200d\u2060\ufeff\u00ad]")
_STYLED_CHAR = re.compile(f"[{_STYLED}{_BOXED_RANGE}]\ufe0f?")
_SMALL_CAP = re.compile(f"[{''.join(_SMALL_CAPS)}]")


def plain_letters(text: str, known=None) -> str:
    """``text`` with upside-down text (``turned.read_turned``, given ``known``), styled
    letters, small capitals and flag letters written plainly and invisible characters taken
    out (the same string when it has none)."""
    if not text or not _CANDIDATE.search(text):
        return text
    text = read_turned(_INVISIBLE.sub("", text), known)
    if _STYLED_CHAR.search(text):
        text = _STYLED_CHAR.sub(_styled, text)
    if sum(text.count(c) for c in _SMALL_CAP_SET) >= _MIN_SMALL_CAPS:
        text = _SMALL_CAP.sub(lambda m: _SMALL_CAPS[m.group()], text)
    runs = [m.group() for m in _FLAG_RUN.finditer(text)]
    if runs and not all(_is_flags(run) for run in runs):
        text = _FLAG_RUN.sub(lambda m: "".join(chr(ord("a") + ord(c) - _FLAG_A)
                                               for c in m.group()), text)
    return text


def _styled(m: re.Match) -> str:
    """One styled letter (with the emoji variation selector after it, "🅱️") as the plain one."""
    ch = m.group()[0]
    for start in _BOXED:
        if start <= ord(ch) < start + 26:
            return chr(ord("a") + ord(ch) - start)
    plain = unicodedata.normalize("NFKC", ch)
    if plain in _SMALL_CAPS:  # a superscript small capital: "ᶦ" for i
        return _SMALL_CAPS[plain]
    return plain if len(plain) == 1 and plain.isascii() and plain.isalnum() else m.group()


def _is_flags(run: str) -> bool:
    """A run of flag letters that is one or more flags (every pair a country's code)."""
    if len(run) % 2:
        return False
    letters = "".join(chr(ord("A") + ord(c) - _FLAG_A) for c in run)
    return all(letters[i : i + 2] in _FLAG_CODES for i in range(0, len(letters), 2))


#: Cyrillic, Greek and Armenian letters that look like a Latin letter (some only like a
#: small capital or a handwritten one: "м", "т", "г", "ь"), and the dotless i.
_LOOK_ALIKE = dict(zip(
    "аеіјорсухѕԁԛԝһӏкмтгьпнвАВЕКМНОРСТУХІЈЅԚԜҺӀЬҮ"
    "αικνορυχηωγΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
    "ոսօհզՍՕı",
    "aeijopcyxsdqwhlkmtrbnhbABEKMHOPCTYXIJSQWHIbY"
    "aikvopuxnwyABEZHIKMNOPTYX"
    "nuohqUOi", strict=True))
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = (("a", "z"), ("\u0370", "\u03ff"), ("\u0400", "\u052f"), ("\u0531", "\u058f"))
#: What carries no language: links, @mentions (also @user@instance), #hashtags and the HTML
#: entities some exports leave. Not counted when telling whether a text is English writing,
#: here and by the language detector (``language.detection_text``).
NOT_WRITING = re.compile(
    r"https?://\S+|www\.\S+"  # links
    r"|(?<![\w@])[@#][\w.-]*\w(?:@[\w.-]*\w)?"  # @mentions, @user@instance, #hashtags
    r"|&(?:[a-z]+|#\d+);",  # HTML entities left in some exports
    re.IGNORECASE,
)
_OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u052f\u0531-\u058f]")
_OTHER_LETTER = re.compile(
    "[" + "".join(c for c in map(chr, [*range(0x370, 0x530), *range(0x531, 0x590)])
                  if c.isalpha() and c not in _LOOK_ALIKE) + "]")


def _scripts(word: str) -> int:
    """How many of Latin, Greek, Cyrillic and Armenian the letters of ``word`` are in."""
    low = word.lower()
    return sum(any(a <= c <= b for c in low) for a, b in _SCRIPTS)


def look_alikes(text: str, dotless: bool = True) -> str:
    """``text`` with Cyrillic, Greek and Armenian look-alike letters written as the Latin
    letters they imitate, where they stand in English writing: in a word that mixes scripts
    ("kіll", "ехһаսѕтеԁ"), or anywhere when the text has such a word or more Latin letters
    than letters of those scripts, and none of them that looks like no Latin letter ("I
    wаnt"; links, handles and tags not counted, so "@olga всем пока" stays); and, unless
    ``dotless`` is False, "ı" as "i"."""
    if not text:
        return text
    dotless = dotless and "ı" in text
    if not dotless and not _OTHER_SCRIPT.search(text):
        return text
    writing = NOT_WRITING.sub(" ", text)
    mixed = any(_scripts(w) > 1 for w in _WORD.findall(writing))
    latin = sum("a" <= c <= "z" for c in writing.lower())
    alone_too = not _OTHER_LETTER.search(writing) and (
        mixed or latin > len(_OTHER_SCRIPT.findall(writing)))

    def word(m: re.Match) -> str:
        w = m.group()
        if not (alone_too or _scripts(w) > 1 or (dotless and "ı" in w)):
            return w
        if not all((c in _LOOK_ALIKE and (dotless or c != "ı")) or c.isascii() for c in w):
            return w.replace("ı", "i") if dotless else w  # letters like no Latin one
        return "".join(_LOOK_ALIKE.get(c, c) for c in w)

    return _WORD.sub(word, text)
