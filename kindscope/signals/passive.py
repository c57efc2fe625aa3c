"""Passive wishes not to be alive, said by the author of now: a rule of the crisis phrase layer.

"i wish i could fall asleep and not wake up" read crisis 0.21 at model 2026.12.14, and "you're
sweet but i don't see the point of staying alive anymore" 0.29. ``passive_wish(low)`` is True
when a lower-cased text says such a wish (``WISHES``) as the author's own, now:

- the words before it in its clause are only the author and words of degree or time ("i",
  "honestly", "some days", "i've been"): not someone else ("my daughter said i wish ...", "how
  do i help a friend who is tired of living"), not a story ("last summer i was tired of
  existing"), not a quote; a clause starts a sentence, or follows a comma or "but", "tbh",
  "ngl", "honestly" when the author speaks next ("thanks for checking on me, honestly i'm so
  tired of existing");
- the words after it end the clause or are of the same kind ("anymore", "tbh", "like this",
  "when every day hurts"): not "wake up the baby", "tired of living alone", "no point in going
  on social media";
- its sentence tells of no past ("years ago", "used to"), no embarrassment, hangover or dream,
  and says of no one else that they said it; the text has no joke word (``phrases``).

A first version read words before a match only after the author's last "i", and what followed
only against a list of everyday words; an adversarial review wrote 216 posts whose author is
not at risk now and it fired on 179 of them (``training/variants/2026-12-05j``). The words
around a match are now read against short lists of what may stand there, not of what may not.
Reads at most ``MAX_MATCHES`` matches of a text, each in a window of ``WINDOW`` characters.
"""

from __future__ import annotations

import re
from itertools import islice

__all__ = ["CUES", "WISHES", "passive_wish"]

MAX_MATCHES, WINDOW = 20, 240

_WISH = r"\b(?:wish|wishing|hope|hoping|pray|praying)(?: that)? i(?:'d)? (?:just |still |kinda )?"
#: The wishes themselves.
WISHES = re.compile(
    rf"{_WISH}(?:could |would |can |will |don't |dont |do not |never |could just )?(?:go to "
    r"sleep|fall asleep|sleep|close my eyes)(?: (?:tonight|forever|peacefully|one day|someday))?"
    r" and (?:just )?(?:not|never|don't|dont|won't|wont)(?: have to)? (?:wake up|wake(?! up)|"
    r"open them)\b|"
    r"\b(?:want|wanna) to (?:go to sleep|fall asleep|sleep) and (?:just )?(?:not|never) "
    r"wake up\b|"
    rf"{_WISH}(?:don't|dont|won't|wont|wouldn't|wouldnt|never|do not|will not|not|didn't|didnt)"
    r" wake up\b|"
    rf"{_WISH}die in my sleep\b|"
    rf"(?P<unborn>{_WISH}(?:wasn't|wasnt|weren't|werent|was never|were never|had never been|"
    r"hadn't been|never been|never was) (?:alive|born)\b|"
    rf"{_WISH}(?:didn't|didnt|did not|could stop to|could just stop to|never) exist(?:ed)?\b|"
    rf"{_WISH}(?:had )?never (?:been born|existed)\b|{_WISH}could (?:just )?(?:stop existing|"
    r"not exist|cease to exist)\b)|"
    r"\b(?:tired|sick|exhausted) of (?:being alive|existing|living|life)\b|"
    r"\bthinking (?:\w+ ){0,3}?(?:about|of) not (?:being (?:here|alive|around)|existing|"
    r"waking up)\b|"
    r"\b(?:don't|dont|do not|can't|cant|cannot) see (?:the|any|a) (?:point|reason) (?:in|of|to) "
    r"(?:living|staying alive|being alive|going on|existing|live|stay alive)\b|"
    r"\bno (?:point|reason) (?:in|to) (?:staying alive|being alive|be alive|existing)\b|"
    r"\bwhat(?:'s| is|s) (?:even )?the point (?:of|in) (?:living|staying alive|being alive|"
    r"existing)\b|"
    r"\b(?:wake|woke|waking) up (?:\w+ )?disappointed (?:that )?i(?: woke up| did| am still "
    r"(?:here|alive)|'m still (?:here|alive)|m still (?:here|alive))\b|"
    r"\bi (?:wouldn't|wouldnt|would not) (?:mind|care|be upset)(?: about it)?(?: \w+)? if "
    r"(?:something|anything) (?:happened|happens|bad happened) to me\b|"
    r"\bi (?:wouldn't|wouldnt|would not) mind not waking up\b"
)
#: Substrings one of which a text needs before ``WISHES`` is tried.
CUES = ("wish", "hope", "hoping", "pray", "tired of", "sick of", "exhausted of", "thinking",
        "point", "reason", "wake", "woke", "wanna", "want")

#: Words that may stand before a wish in its clause: the author, degree, time.
_BEFORE_OK = frozenset(
    "i i'm im i've ive am just so really honestly tbh ngl lowkey kinda kind of sort "
    "sometimes still often always literally actually genuinely truly seriously some most days "
    "nights every night day lately today tonight rn now and like ugh god man fr tho all the "
    "time been keep feel feeling get getting very too these a lot more and more".split())
#: Words that may follow a wish in its clause.
_AFTER_OK = frozenset(
    "anymore any more tbh honestly ngl rn right now today tonight again ever at all this point "
    "for good tomorrow in the morning general to be honest like this that these days lately "
    "tho though fr i guess idk sometimes most days every day everyday most nights every night "
    "of it all of this tbf either way atm".split())
#: Where a clause ends after a wish, and where one starts before it.
_END = re.compile(r"[.!?\n;:,…()\"“”]|[^\w\s'’]")
_START = re.compile(r"[.!?\n;:…()\"“”‘]|[^\w\s'’,]|,|(?:^|\s)'")
#: After "but", "tbh", "ngl", "honestly" the author speaks: a clause starts there when "i"
#: follows.
_TURN = re.compile(r"\b(?:but|tbh|ngl|honestly|lol|anyway)\s+(?=i\b|i'm\b|im\b|i've\b|ive\b)")
_WORD = re.compile(r"[a-z']+")
_AUTHOR = frozenset(("i", "i'm", "im", "i've", "ive", "i'd", "id"))
_NEW_CLAUSE = frozenset(("and", "but", "when", "because", "cause", "bc", "if"))
_SENTENCE = re.compile(r"[.!?\n]")
_PAST = re.compile(
    r"\b(?:used to|back then|ago|last (?:year|summer|winter|spring|autumn|fall|month|week|"
    r"night)|when i was|at the time|those days|spent|as a (?:kid|child|teen|teenager)|growing "
    r"up|for years|in (?:high school|college|uni|my (?:teens|twenties|thirties|20s|30s))|"
    r"in (?:19|20)\d\d|wished|hoped|prayed|was hoping|were)\b"
)
#: Anywhere in the text: embarrassment, a hangover, a dream, someone else saying it, or words
#: that are quoted from a song, a book or a show.
_NOT_MINE = re.compile(
    r"\b(?:embarrass\w*|cringe\w*|awkward|mortif\w*|hangover|hungover|dream\w*|song|lyrics?|"
    r"quote|quoting|novel|fic|fanfic|villain|monologue|movie|film|book|chapter|character|"
    r"episode|poem|album|playlist|now playing|philosoph\w*|existentialis\w*)\b|"
    r"\b(?:she|he|they|my \w+) (?:says|said|told|tells|wrote|writes|keeps saying)\b|"
    r"\b(?:says|said|told me|wrote) (?:she|he|they)\b"
)
#: Anywhere in the text: the wish told as over ("that was 2021", "today i'm 4 years out").
_RECOVERED = re.compile(
    r"\b(?:that was (?:in )?(?:19|20)\d\d|(?:today|now) i'?m (?:\d+|one|two|three|four|five|six|"
    r"a few|several) (?:years?|months?|weeks?) (?:out|clean|sober|free|in|later)|\d+ (?:years?|"
    r"months?) (?:later|out|clean|sober)|in recovery|recovered|been there|i'?m doing "
    r"(?:well|better|ok|okay) now|glad i (?:stayed|held on|didn't)|grateful i (?:do|did|stayed|"
    r"woke)|it gets better)\b"
)
#: Another word of pain in the text, which a wish not to exist needs beside it (said in jest
#: after a mishap as often as not: "tripped on stage. i wish i didn't exist").
_PAIN = re.compile(
    r"\b(?:tired|exhausted|alone|lonely|hate myself|worthless|burden|can'?t do this|hopeless|"
    r"empty|numb|pain|hurts?|depress\w*|sad|crying|cry|nobody|no one|anymore|every day|"
    r"everyday|all the time|most days|some days|miserable|suicid\w*|therapy|"
    r"meds)\b"
)


def passive_wish(low: str) -> bool:
    """True when the lower-cased ``low`` says a passive wish not to be alive as the author's
    own, now (module docstring)."""
    if not any(cue in low for cue in CUES):
        return False
    return any(_own_now(low, m) for m in islice(WISHES.finditer(low), MAX_MATCHES))


def _own_now(low: str, match: re.Match) -> bool:
    before = low[max(0, match.start() - WINDOW) : match.start()]
    after = low[match.end() : match.end() + WINDOW]
    cut = max((m.end() for m in _START.finditer(before)), default=0)
    clause = before[cut:]
    opened_by = before[cut - 1 : cut]
    turns = list(_TURN.finditer(clause))
    if turns:
        clause, opened_by = clause[turns[-1].end() :], ""
    words = set(_WORD.findall(clause))
    if not words <= _BEFORE_OK:
        return False
    # a wish with no "i" of its own ("tired of existing") after a comma needs the author
    # named before it ("thanks, i'm so tired of existing"; not "grandma, tired of living")
    if opened_by == "," and " i" not in " " + match.group(0) and not words & _AUTHOR:
        return False
    # after a colon, only the author may introduce it ("me rn: ..."; not "a client told me: ...")
    if opened_by == ":":
        head = before[max((m.end() for m in _SENTENCE.finditer(before[: cut - 1])), default=0) :
                      cut - 1]
        if not set(_WORD.findall(head)) <= _BEFORE_OK | {"me", "update", "mood", "status"}:
            return False
    end = _END.search(after)
    rest = after[: end.start()] if end else after
    if not _after_ok(rest, new_clause="point" not in match.group(0)):
        return False
    if match.group("unborn") and not _PAIN.search(low[: match.start()] + low[match.end() :]):
        return False
    said = clause + match.group(0) + rest
    return not (_PAST.search(said) or _NOT_MINE.search(low) or _RECOVERED.search(low))


def _after_ok(rest: str, new_clause: bool = True) -> bool:
    """The words after a wish, up to its clause's end, are all of ``_AFTER_OK`` until one
    that starts a new clause ("and", "when", "because" ...; with ``new_clause``)."""
    for word in _WORD.findall(rest):
        if new_clause and word in _NEW_CLAUSE:
            return True
        if word not in _AFTER_OK:
            return False
    return True
