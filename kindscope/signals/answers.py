"""Answers to a direct question about risk: a reading for ``crisis`` that needs the context.

People who support someone in crisis are taught to ask directly: "are you thinking about
killing yourself?", "are you safe right now?", "do you have a plan?". The answer is often one
word, and a word alone says nothing: model 2026.12.14 read "yes" under "are you thinking about
killing yourself?" as crisis 0.03, "no" under "are you safe right now?" as 0.25, "yes.
tonight" under "do you have a plan?" as 0.26 (``kindscope score --text ... --context ...``).
The crisis head reads the reply alone; this rule reads the post it answers too.

``answered_risk(text, context)`` is True when the last question the context puts to the
reader asks about their risk now, and the reply's first words answer it the risky way:

- a question where "yes" is risk: "are you (feeling) suicidal", "are you thinking about /
  planning / trying to / still ..." killing, hurting or harming yourself, suicide, ending your
  life, it or things; "do you want to die", "have you been having thoughts of ...", "is it the
  suicide thoughts again?", "is suicide on your mind", "do you have a plan" (only when the
  post speaks of suicide, dying or harm). Answered with "yes", "yeah", "kinda", "sometimes",
  "every day", "most of the time", "i think so", "i might", or unsure ("idk", "maybe");
- a question where "no" is risk: "are you safe", "can you keep yourself safe", "will you
  (still) be here tomorrow", "can you promise me you'll call". Answered with "no", "not
  really", "probably not", "i doubt it", or unsure ("idk", "i can't promise").

Not when the question asks about the past ("have you ever ..."), is quoted, reported or a
joke, follows a question about something the reader did ("you ate the ghost pepper whole? do
you want to die?"), or names an accident, an outside danger or another "it" ("are you safe?
the storm...", "did you hurt yourself?" after a fall, "ending it? the relationship..."); nor
when the reply jokes, opens with a question of its own, or takes the answer back ("yeah no",
"no, i'm fine"). A reply so read has its crisis raised to ``ANSWER_SCORE``; the rule never
lowers anything, and a "no" to "are you suicidal?" is left to the model. Each wording was
weighed against pairs two code reviews wrote to make it misfire
(``training/variants/2026-12-05g``).
"""

from __future__ import annotations

import re

import numpy as np

from kindscope.signals.guards import lowered, raise_where

__all__ = ["ANSWER_SCORE", "adjust_answers", "answered_risk", "answer_mask"]

ANSWER_SCORE = 0.9

_YOU = r"(?:you|u|ya|yu)"
_SELF = r"(?:yourself|urself|ur self|your self|you)"
#: "safe" asked of the person, not of a drive, a data leak or a storm: "are you safe to drive?"
_BARE = (r"(?!\s+(?:to|from (?!yourself|urself)|in|on|at|with|if|enough|driving|taking|going|"
         r"walking|letting|during|after|the|that|this|and text)\b)")
_HARM = (
    r"(?:(?<!'s )(?<!\bhis )(?<!\bher )(?<!\btheir )(?:suicid\w*\b|self[- ]?harm\w*\b)"
    r"(?! (?:squad|prevention|awareness|research|"
    r"first aid|hotline|line|walk|module|training|charity|conference|first|policy|funding|"
    r"talk|app|slides|template))|"
    rf"kill(?:ing)? {_SELF}\b|end(?:ing)? (?:your|ur) (?:own )?life|"
    r"end(?:ing)? it(?: all)?(?! (?:with|or|early|before|and go))|"
    r"end(?:ing)? (?:things|everything)(?! (?:with|between))|"
    r"tak(?:e|ing) (?:your|ur) (?:own )?life\b(?!\s+(?:savings|back|in|into|to|around|story))|"
    rf"(?:hurt|harm)(?:ing)? {_SELF}\b(?! (?:doing|on|when|lifting|running|with|moving|catching|"
    r"by|at|in|for|\w+ing))|"
    rf"cut(?:ting)? {_SELF}\b(?! (?:a|some|doing|on|when|with|moving|catching))|"
    rf"offing {_SELF}\b|unalive\w*|(?<!\d )kms|kys|"
    r"(?:want|wanting|wanna|trying|try|going|gonna) (?:to )?die(?! (?:on|of|for|laughing|"
    r"from|down|out|off|in|at|alone|hard|young|with|first|if|your|my|his|her|the))|"
    r"not (?:being|wanting to be) (?:here|alive))"
)
#: Questions a "yes" to which is risk (read in one question sentence). Each names its verb
#: in a lookahead and then looks for the harm from that verb on ("have you hurt yourself").
_YES_IS_RISK = re.compile(
    rf"\b(?:are|r|were)\s+{_YOU}\s+(?:\w+\s+){{0,2}}?(?=(?:suicidal|thinking|planning|going|"
    rf"gonna|considering|having|wanting|about|trying|tryna|hurting|harming|cutting|"
    rf"self[- ]?harming)\b)[^?]*?{_HARM}|"
    rf"\b(?:are|r)\s+{_YOU}\s+(?:\w+\s+){{0,2}}?suicidal\b|"
    rf"\b(?:do|d|does)\s+{_YOU}\s+(?:\w+\s+){{0,2}}?(?=(?:want|wanna|feel like|think about|"
    rf"think of|have thoughts|mean)\b)[^?]*?{_HARM}|"
    rf"\b(?:have|did|had)\s+{_YOU}\s+(?:\w+\s+){{0,3}}?(?=(?:thought|thinking|thoughts|been|"
    rf"felt|feeling|hurt|harmed|cut|tried|done|made|attempted)\b)[^?]*?{_HARM}|"
    r"\bis (?:it|this|that) (?:that |so |really )?(?:bad|about|like)\b"
    rf"(?![^?]*\b(?:i|i'm|im|i've|my|everyone|anyone|people|normal)\b)[^?]*?{_HARM}|"
    r"\bis (?:it|this|that) (?:the |your |ur )?(?:suicid\w*|self[- ]?harm\w*) (?:thoughts?|"
    r"urges?|stuff|again)\b(?! (?:from|for|in|on) )|"
    r"\bis (?:suicid\w*|self[- ]?harm\w*)\s+(?:still\s+)?on (?:your|ur) mind\b|"
    rf"\b(?:are|r)\s+{_YOU}\s+(?:still\s+)?having\s+(?:any\s+)?(?:suicidal\s+)?thoughts?\b"
    rf"[^?]*?{_HARM}"
)
_PLAN = re.compile(rf"\b(?:do\s+{_YOU}\s+have|have\s+{_YOU}\s+got|have\s+{_YOU}\s+made|"
                   rf"{_YOU}\s+have|got)\s+(?:a|any)\s+plans?\b\s*(?:\?|$)")
#: Questions a "no" to which is risk.
_NO_IS_RISK = re.compile(
    rf"\b(?:are|r)\s+{_YOU}\s+(?:feeling\s+|still\s+|really\s+|somewhere\s+|staying\s+)?"
    rf"safe\b{_BARE}|\b(?:do|d)\s+{_YOU}\s+feel\s+safe\b{_BARE}|"
    rf"\b(?:can|will|could)\s+{_YOU}\s+(?:\w+\s+)?(?:keep {_SELF}|stay|be|remain)\s+safe\b"
    rf"{_BARE}|\b{_YOU}\s+(?:can|will|could)\s+(?:keep {_SELF}|stay|be|remain)\s+safe\b|"
    rf"\b(?:will|would)\s+{_YOU}\s+(?:still\s+)?be\s+(?:here|around|alive)\b|"
    rf"\b(?:are|r)\s+{_YOU}\s+(?:still\s+)?(?:gonna|going to)\s+be\s+(?:here|around|alive)\b|"
    rf"\b(?:can|will)\s+{_YOU}\s+promise\b[^?]*?\b(?:safe|here|alive|stay|call|text|reach)\b|"
    rf"\b(?:can|could)\s+{_YOU}\s+hold on\b|"
    rf"\b(?:are|r|will)\s+{_YOU}\s+(?:gonna\s+|going to\s+)?be\s+(?:ok|okay|safe|alright|"
    r"all right)\s+tonight\b"
)
#: Being here, holding on, a promise: everyday words ("will you be around later to review
#: my PR?"), read as about safety only when the question ends bare or with tonight /
#: tomorrow / "when i wake up", or the post speaks of risk elsewhere.
_PRESENCE = re.compile(
    r"\b(?:be\s+(?:here|around|alive)|hold on|promise|tonight)\b(?!\s*(?:\?|$|tomorrow\W*$|"
    r"tonight\W*$|when i wake up|until (?:your|the morning|tomorrow)|till (?:your|the morning|"
    r"tomorrow)|me|you.ll (?:stay|be safe|call me before|still)))"
)
_RISKCTX = re.compile(r"\b(?:safe|hurt|end|die|suicid|gone|alive|worried about you|"
                      r"scared for you)")
#: "did you hurt yourself?" after a fall or a kitchen knife is about an accident.
_ACCIDENT = re.compile(r"\b(?:fall|fell|falling|trip\w*|crash\w*|slip\w*|drop\w*|tackle|"
                       r"chopp\w*|onions?|hike|lift\w*|deadlifts?|moving|ladder|bike|ice|"
                       r"stairs|backflip|diet|calories|marathon|gym|workout|training|running|"
                       r"skat\w*|climb\w*|stunt|knife)\b")
_HURT_Q = re.compile(rf"\b(?:did|have|are|r) {_YOU} (?:\w+ ){{0,3}}?(?:hurt|harm|cut)")
_TOPIC = re.compile(rf"\b(?:suicid\w*|(?:i|i'm|im|i am|you|you're|u) (?:\w+ )?(?:want|wanna|"
                    rf"wanting|going|gonna) to die|kill(?:ing)? {_SELF}|end(?:ing)? (?:it|your "
                    rf"life|my life)|self[- ]?harm\w*|hurt(?:ing)? {_SELF}|(?:see the|no) point "
                    r"(?:in )?(?:anymore|any more|living|going on|trying))\b")
#: What else "it" or "things" may be that someone ends: "are you considering ending it? the
#: relationship sounds so toxic".
_IT_ELSE = re.compile(r"\b(?:relationship|marriage|boyfriend|girlfriend|partner|husband|wife|bf|"
                      r"gf|job|company|contract|lease|subscription|account|friendship|streak|"
                      r"series|season|game|call|chat|meeting|freelance|stream|party|shift)\b")
_END_IT = re.compile(r"\bend(?:ing)? (?:it|things|everything)\b")
#: A harm that is plainly to oneself, whatever "it" is elsewhere.
_STRONG_HARM = re.compile(rf"\b(?:suicid\w*|kill(?:ing)? {_SELF}\b|(?:your|ur) (?:own )?life|"
                          rf"(?:hurt|harm|cut)(?:ing)? {_SELF}\b|self[- ]?harm\w*|die\b|kms|kys)")
#: Words of feeling or risk in the question before a risk question: not rhetorical.
_FEELING = re.compile(r"\b(?:ok|okay|alright|good|fine|safe|feel\w*|hurt\w*|suicid\w*|die|"
                      r"dying|kill\w*|harm\w*|worried|scared|talk|doing|sad|down|low|cope|coping|there|"
                      r"sleep\w*|eat\w*|alone|help|mean|serious|honest\w*|happened|wrong|"
                      r"plan|plans|thoughts?|thinking|tonight)\b")
#: Danger from outside (a storm, a leak, a bear): "are you safe?" is not about oneself.
_HAZARD = re.compile(r"\b(?:flood\w*|storm|hurricane|tornado|earthquake|wildfire|fire|bear|"
                     r"hack\w*|breach|leak\w*|shooting|shooter|power|heating|snow|blizzard|"
                     r"heat ?wave|evacuat\w*|outage|covid|virus|accident|crash\w*|traffic|"
                     r"roads?|drive|driving)\b")
_HISTORY = re.compile(r"\b(?:ever|(?:are|r) (?:you|u) not|no longer|anymore|done having|or is "
                      r"that|in the past|used to|back then|as a kid|as a teen|before "
                      r"(?:now|this|today))\b|\bbefore\W*$")
_REPORTED = re.compile(
    r"[\"“”‘]|(?:^|\s)'|\b(?:asked|asks|asking|ask) (?:me|him|her|them|us)\b|"
    r"\b(?:says|asks|goes|opens with|question was|form|poll|question for|for anyone|"
    r"for the group|in the movie)\b\W|:\s|\b(?:should|do) (?:i|we) (?:just )?(?:ask|say)\b|"
    r"\b(?:he|she|they|someone|somebody|my \w+) (?:said|says|asked|asks)\b"
)

_YES = re.compile(
    r"(?:yes|yeah|yea|yep|yup|ya|yah|yh|ye|yess+|mhm+|uh huh|i am|i do|i have|i think so|"
    r"i guess|kinda|kind of|sort of|sometimes|always|every day|everyday|every night|"
    r"constantly|all the time|more than ever|honestly yes|probably|definitely|absolutely|"
    r"a little|a bit|pretty much|more or less|tonight|most of the time|most days|most nights|"
    r"every single (?:day|night)|daily|nightly)\b|y(?=\W*$)"
)
_UNSURE = re.compile(
    r"(?:idk|i don't know|i dont know|i do not know|dunno|not sure|i'm not sure|im not sure|"
    r"maybe|i can't promise|i cant promise|i can't|i cant|i won't promise|i wont promise|"
    r"i'll try|ill try|i can try|i will try|i think i might|i might)\b"
)
_NO = re.compile(r"(?:no|nope|nah|naw|not really|no way|never|i'm not|im not|i am not|"
                 r"probably not|prob not|not rn|not right now|no promises|i doubt it|"
                 r"i don't think so|i dont think so|not at all|not like that|not tonight|"
                 r"i won't|i wont|i'm not safe|im not safe)\b")
_TAKEN_BACK = re.compile(r"(?:yeah|yes|ya|yea)\W+no\b|no\W+no\b|no\W+(?:i'm|im|i am) "
                         r"(?:fine|ok|okay|good|safe|alright)")
#: An answer word that starts something else: "no idea why you're asking", "i can't wait".
_END = re.compile(
    r"(?!\s+(?:idea|need|worries|problem|doubt|power|damage|one|wait|believe|complain|what|"
    r"why|how|where|who|you|later|felt|been better|at all worried|could stop|the\b|a\b|is\b))"
)
#: "no, i'm fine", "nope we're safe": a no that says all is well.
_FINE = re.compile(r"(?:no|nope|nah)\W+(?:\w+\W+)?(?:i'm|im|i am|we're|were|it's|its) "
                   r"(?:(?!not )\w+ )?(?:fine|ok|okay|good|safe|alright|all right)")
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|jkjk|kidding)\b|😂|🤣|/s\b")
_OPENER = re.compile(r"^(?:\W|honestly|tbh|ngl|lowkey|low key|um+|uh+|well|hmm+|i mean|ok|"
                     r"okay)*\s*")


#: How much of a context is read (its end, where a question usually stands), and of each
#: question sentence (characters).
CONTEXT_CHARS, QUESTION_CHARS = 2000, 300


def _questions(context: str) -> list[str]:
    """The question sentences of a context (each ends in "?"); the whole last sentence when
    the context has none but starts like one ("r u safe")."""
    parts = re.split(r"(?<=[.!?\n])", context[-CONTEXT_CHARS:])
    found = [q[-QUESTION_CHARS:] for q in parts if q.rstrip().endswith("?")]
    # the last sentence asks too when it opens (or a clause of it opens) like a question to
    # the reader, without its "?" ("bro u good? are u thinking about offing yourself")
    last = next((q for q in reversed(parts) if q.strip()), "")[-QUESTION_CHARS:]
    if last.rstrip().endswith("?"):
        return found
    opens = re.search(
        r"(?:^|[,;:])\W*(?:(?:like|so|and|but|ok|okay|bro|also|honestly|seriously)\W+)*"
        rf"(?:are|r|do|d|did|have|can|will|is)\s+(?:{_YOU}|suicid\w*|self[- ]?harm\w*)\b", last)
    # with no "?" anywhere, the asking words may stand anywhere ("babe are you having thoughts
    # of suicide")
    if opens or (not found and re.search(rf"\b(?:are|r|do|did|have|can|will)\s+{_YOU}\b",
                                         last)):
        found.append(last)
    return found


def _answer(text: str) -> str:
    """What the reply's first words answer: "yes", "no", "unsure" or ""."""
    head = _OPENER.sub("", text, count=1)
    if re.match(r"[^.!,;\n?]{0,24}\?", head):
        return ""  # the reply opens with a question of its own ("no?? why", "are you?")
    if _TAKEN_BACK.match(head) or _FINE.match(head):
        return ""
    for name, rx in (("unsure", _UNSURE), ("no", _NO), ("yes", _YES)):
        m = rx.match(head)
        if m and _END.match(head, m.end()) and not (
                name == "yes" and re.match(r"\s*(?:not|never|no)\b", head[m.end():])):
            return name
    return ""


def answered_risk(text: str, context: str | None) -> bool:
    """True when ``text`` answers a direct question of ``context`` about the author's risk
    now in the risky way (module docstring)."""
    if not context or not text:
        return False
    low, ctx = lowered(text).strip(), lowered(context)
    if _JOKE.search(low):
        return False
    answer = _answer(low)
    if not answer:
        return False
    questions = _questions(ctx)
    if not questions:
        return False
    # a reply answers the last question put to the reader ("are you safe? did you eat
    # anything today?" "no"), not a last word such as "like before?"
    q = next((x for x in reversed(questions) if re.search(rf"\b(?:{_YOU}|ur)\b", x)),
             questions[-1])
    if _HISTORY.search(q) or _REPORTED.search(q) or _rhetorical(ctx, q):
        return False
    if answer in ("yes", "unsure"):
        yes = _YES_IS_RISK.search(q)
        if yes and _HURT_Q.search(q) and _ACCIDENT.search(ctx):
            yes = None  # "did you hurt yourself?" after a fall
        if yes and _END_IT.search(q) and not _STRONG_HARM.search(q) and _IT_ELSE.search(ctx):
            yes = None  # "are you considering ending it? the relationship sounds so toxic"
        if yes or (_PLAN.search(q) and _TOPIC.search(ctx)):
            return True
    if answer in ("no", "unsure"):
        m = _NO_IS_RISK.search(q)
        if m and _PRESENCE.search(q[m.start():]) and not _TOPIC.search(ctx) \
                and not _RISKCTX.search(ctx.replace(q, "")):
            m = None
        if m and not (_HAZARD.search(ctx) and not _TOPIC.search(ctx)):
            return True
    return False


def _rhetorical(ctx: str, q: str) -> bool:
    """A risk question that follows a question about something the reader did ("you ate the
    ghost pepper whole? do you want to die?"), with no word of feeling or risk before it."""
    before = ctx[:ctx.rfind(q)].rstrip() if q in ctx else ""
    if not before.endswith("?"):
        return False
    previous = re.split(r"(?<=[.!?\n])", before[-QUESTION_CHARS:])
    last = next((x for x in reversed(previous) if x.strip()), "")
    return _FEELING.search(last) is None


def answer_mask(texts: list[str], contexts: list | None) -> np.ndarray:
    """``answered_risk`` of each text with its context (all False without contexts)."""
    if contexts is None:
        return np.zeros(len(texts), dtype=bool)
    return np.array([answered_risk(t, c) for t, c in zip(texts, contexts, strict=True)],
                    dtype=bool)


def adjust_answers(probs: np.ndarray, answered: np.ndarray) -> np.ndarray:
    """Crisis raised to ``ANSWER_SCORE`` where a reply answers a risk question the risky way
    (a new array)."""
    return raise_where(probs, answered, ANSWER_SCORE)
